"""Short forms of persons the text has named in full: the family name alone before a title
(윤 대통령, 기시다 총리), a one-character Hanja family name standing alone as headlines write
it (尹, 文), and an English family name alone (Yoon, Kishida) after "President YOON Suk Yeol".
A short form joins the one person of the document it can mean; when two persons share it,
it stays unresolved."""
from __future__ import annotations

import re

from .. import prefilter
from ...kb.lexicon import FAMILY_NAMES, PERSON_ONLY_TITLES, PERSON_TITLES, TITLE_BETWEEN
from ...model.facts import Entity, Mention
from .cue_spans import Intervals

_TITLES = "|".join(sorted({*PERSON_TITLES, *PERSON_ONLY_TITLES}, key=len, reverse=True))
_BETWEEN = "|".join(sorted(TITLE_BETWEEN, key=len, reverse=True))
# 윤 대통령, 윤 전 대통령, 남궁 대표: a family name as a word of its own, then a title
FAMILY_TITLE = re.compile(rf"(?<![가-힣])([가-힣]{{1,2}})\s(?:(?:{_BETWEEN})\s)?(?:{_TITLES})(?![가-힣]{{3}})")
HANJA_ALONE = re.compile(r"(?<![\u3040-\u30ff\u4e00-\u9fff])([\u4e00-\u9fff])(?![\u3040-\u30ff\u4e00-\u9fff])")
EAST_ASIAN = {"KR", "KP", "JP", "CN", "TW"}
LATIN_NAME = re.compile(r"[A-Za-z][A-Za-z'\-]+(?: [A-Za-z][A-Za-z'\-]+)+")


def _korean_family(name: str) -> str | None:
    if not re.fullmatch(r"[가-힣]{3,4}", name):
        return None
    return name[:2] if len(name) == 4 and name[:2] in FAMILY_NAMES else name[0]


def _latin_family(form: str, country: str | None) -> str | None:
    """The family name of a Latin full name: the word in capitals (YOON Suk Yeol), else the
    first word of an East Asian name, else the last word."""
    words = form.split()
    caps = [w for w in words if len(w) >= 2 and w.isupper()]
    if caps:
        return caps[0].capitalize()
    return words[0] if country in EAST_ASIAN else words[-1]


def _add(ctx, ent: Entity, a: int, z: int, taken: list) -> None:
    ent.mentions.append(Mention(text=ctx.text.text[a:z], raw_offset=ctx.text.raw(a), start=a, stop=z))
    taken.append((a, z))


def add_short_forms(ctx, entities: list[Entity], kb) -> None:
    text = ctx.text.text
    persons = [e for e in entities if e.type == "PERSON"]
    if not persons:
        return
    taken = [(m.start, m.stop) for e in entities for m in e.mentions]
    index = Intervals(taken)
    korean: dict[str, list[Entity]] = {}
    hanja: dict[str, list[Entity]] = {}
    latin: dict[str, list[Entity]] = {}
    for e in persons:
        entry = kb.get(e.kb_id) if e.kb_id else None
        names = [e.name, *e.aliases, *[m.text for m in e.mentions]]
        fam = _korean_family(e.name)
        if fam:
            korean.setdefault(fam, []).append(e)
        for n in {x for x in names if re.fullmatch(r"[\u4e00-\u9fff]{2,4}", x)}:
            hanja.setdefault(n[0], []).append(e)
        country = getattr(entry, "country", None) or getattr(e, "country", None)
        for n in {x for x in (m.text for m in e.mentions) if LATIN_NAME.fullmatch(x)}:
            latin.setdefault(_latin_family(n, country), []).append(e)

    def unique(table, key):
        owners = {id(x): x for x in table.get(key, [])}
        return next(iter(owners.values())) if len(owners) == 1 else None

    found = []
    for m in FAMILY_TITLE.finditer(text):
        ent = unique(korean, m.group(1))
        if ent is not None:
            found.append((ent, m.start(1), m.end(1)))
    if hanja:
        for m in prefilter.finditer(HANJA_ALONE, text):
            ent = unique(hanja, m.group(1))
            if ent is not None:
                found.append((ent, m.start(), m.end()))
    for fam in [f for f in latin if f and len(f) >= 3]:
        ent = unique(latin, fam)
        if ent is None:
            continue
        for m in re.finditer(rf"(?<![A-Za-z]){re.escape(fam)}(?![A-Za-z])|(?<![A-Za-z]){re.escape(fam.upper())}(?![A-Za-z])", text):
            found.append((ent, m.start(), m.end()))
    added = []
    for ent, a, z in found:
        if not index.overlaps(a, z) and not any(a < y and x < z for x, y in added):
            _add(ctx, ent, a, z, added)
    for e in persons:
        e.mentions.sort(key=lambda x: x.start)


def merge_org_short_forms(entities: list[Entity]) -> list[Entity]:
    """An organisation named by the end of a longer name the text gave first (갤럽 after
    한국갤럽) is that organisation: its mentions join the full name's."""
    orgs = [e for e in entities if e.type == "ORG" and e.mentions]
    drop = set()
    for short in orgs:
        key = short.name.replace(" ", "")
        if len(key) < 2:
            continue
        full = [e for e in orgs if e is not short and id(e) not in drop
                and e.name.replace(" ", "").endswith(key) and len(e.name.replace(" ", "")) > len(key)
                and e.mentions[0].start < short.mentions[0].start]
        if len(full) == 1:
            full[0].mentions = sorted(full[0].mentions + short.mentions, key=lambda m: m.start)
            if short.name not in full[0].aliases:
                full[0].aliases.append(short.name)
            drop.add(id(short))
    return [e for e in entities if id(e) not in drop]
