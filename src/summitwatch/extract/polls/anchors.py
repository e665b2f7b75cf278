"""Pollster anchors: where a poll starts and who ran it. A name in angle brackets
(``<마이니치신문·TBS>``), a survey firm named after its kind (``조사업체 '…'``), a survey brand
(``전국지표조사(NBS)``) or a plain name that a survey word follows in the same clause. Names with
no results between them in one clause are co-pollsters (a medium and the firm it commissioned).

Known pollsters and media come from the knowledge base (data, not rules); besides them, name
shapes: "<word>신문/일보/리서치…", Latin acronyms, Japanese names.
"""
from __future__ import annotations

import bisect
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .layout import CLAUSE_STOP, PERCENT, result_spans, sentence_start, sentence_spans

# --- pollster names -------------------------------------------------------------------------
# Known pollsters and media come from the knowledge base (data, not rules); besides them, name
# shapes: "<word>신문/일보/리서치…", Latin acronyms, Japanese names.
_SUFFIX = r"(?:신문사?|일보|통신|방송|뉴스|리서치|갤럽|여론연구소|연구소|연구원|미터|코리아|TV|텔레비전)"
_POLL_SUBTYPES = {"pollster", "media"}


@lru_cache(maxsize=1)
def _chain() -> re.Pattern:
    from ...kb import load_kb

    kb = load_kb()
    entries = kb.entries.values() if isinstance(kb.entries, dict) else kb.entries
    known = {n for e in entries if e.subtype in _POLL_SUBTYPES for n in [e.name, *e.aliases]
             if 2 <= len(n) <= 24 and "\n" not in n}
    # The suffix shape is tried first so "지지통신" is not cut to a shorter known name.
    name = (rf"(?:[가-힣A-Za-z0-9]{{0,10}}[가-힣A-Za-z]{_SUFFIX}|"
            + "|".join(sorted(map(re.escape, known), key=len, reverse=True))
            + r"|[A-Z][A-Za-z&\-]{1,11}"
            + r"|[\u30a0-\u30ff\u4e00-\u9fff]{2,10})")
    return re.compile(rf"(?<![가-힣A-Za-z0-9])({name}(?:\s*[·ㆍ・/]\s*{name}|\s*[와과]\s+{name})*)")


# Capitalised words that a survey word may follow without naming anyone: "The poll", "According
# to a … poll" (a word list: data/not_pollsters.json).
_NOT_POLLSTERS = frozenset(w for k, v in json.loads(resources.files(__package__).joinpath(
    "data", "not_pollsters.json").read_text(encoding="utf-8")).items() if not k.startswith("_") for w in v)
_SPLIT_NAMES = re.compile(r"\s*[·ㆍ・/,]\s*|\s*(?<=[가-힣])[와과]\s+")
# What follows a plain pollster name before its survey word (same clause).
_AFTER_NAME = re.compile(r"(?:이|가|은|는|의|에서|측|공동|와|과|['’]s)?(?=[\s(]|$)|(?=\s*(?:여론)?조사)")
# Japanese writes a particle right after a name: taken only after a name the entity layer knows
_AFTER_KNOWN_NAME_JA = re.compile(r"(?=(?:が|は|の|と|による)(?![\u3040-\u309f]))")
_SURVEY_CUE = re.compile(r"(?:여론\s*)?조사|世論調査|調査|설문|실시|의뢰|물은\s*결과|물었|응답자|polls?|survey", re.I)
# Without a percentage nearby only an explicit survey word makes a name a pollster.
_STRONG_SURVEY_CUE = re.compile(r"(?:여론\s*)?조사|世論調査|調査|설문|polls?|survey", re.I)
# A survey brand in brackets after the survey word: "전국지표조사(NBS)"; not a survey method.
_SURVEY_BRAND = re.compile(r"([가-힣A-Za-z]*조사)\s*\(\s*([A-Z][A-Za-z0-9]{1,7})\s*\)")
_METHOD_ACRONYMS = {"ARS", "CATI", "CAWI", "CAPI", "IVR", "RDD", "ACS", "PC"}
_GENERIC_SURVEY = re.compile(r"(?:여론|설문|전화|면접|온라인|정례|정기|긴급)?조사")
_BRACKET = re.compile(r"[<〈《＜]\s*([^<>〈〉《》＜＞\n]{1,40}?)\s*[>〉》＞]")
_FIRM = re.compile(r"(?:여론\s*)?조사\s*(?:전문\s*)?(?:업체|기관|회사)(?:인)?\s*['‘\"“<〈]\s*"
                   r"([가-힣A-Za-z][가-힣A-Za-z0-9&]{1,19})\s*['’\"”>〉]")
_TITLE_BRACKET = re.compile(r"[「『]\s*([^「」『』\n]{1,30}?)\s*[」』](?=\s*(?:의\s*)?(?:여론)?조사)")


@dataclass
class Anchor:
    start: int
    stop: int
    names: list[str]


def _names(chain: str) -> list[str]:
    return [n.strip() for n in _SPLIT_NAMES.split(chain) if n.strip()]


# Organisations a poll is about rather than one that runs it: a government, a party, an alliance.
_SUBJECT_SUBTYPES = {"government", "igo", "military", "party", "leader", "legislature"}


def org_index(ctx) -> list[tuple[int, int]]:
    """Sorted spans of ORG entity mentions that may run a survey (pollsters, media, institutes,
    companies, unknown bodies): extra pollster candidates from the entity layer."""
    out = []
    for e in ctx.facts.get("entities") or []:
        if getattr(e, "type", None) == "ORG" and getattr(e, "subtype", None) not in _SUBJECT_SUBTYPES:
            out += [(m.start, m.stop) for m in getattr(e, "mentions", []) or []]
    return sorted(out)


def subject_index(ctx) -> list[tuple[int, int]]:
    """Sorted spans of what a poll is about, never its pollster: persons, countries, places and
    organisations such as governments, parties and alliances ("NATO의 역할에 대한 조사")."""
    out = []
    for e in ctx.facts.get("entities") or []:
        typ, sub = getattr(e, "type", None), getattr(e, "subtype", None)
        if typ in ("PERSON", "COUNTRY", "LOCATION") or typ == "ORG" and sub in _SUBJECT_SUBTYPES:
            out += [(m.start, m.stop) for m in getattr(e, "mentions", []) or []]
    return sorted(out)


def _org_spans(orgs: list[tuple[int, int]], a: int, z: int) -> list[tuple[int, int]]:
    return [(s, e) for s, e in orgs[bisect.bisect_left(orgs, (a, -1)):bisect.bisect_left(orgs, (z, -1))] if e <= z]


def find_anchors(orgs, text: str, a: int, z: int, subjects=()) -> list[Anchor]:
    anchors: list[Anchor] = []
    taken: list[tuple[int, int]] = []

    def free(s, e):
        return not any(s < y and x < e for x, y in taken)

    # Names in angle brackets that a date range or a result follows.
    for m in _BRACKET.finditer(text, a, z):
        after = text[m.end():min(z, m.end() + 80)]
        # "<한빛일보>는 조사기관 … 통해 …": a survey word right after it, the results further on
        commissioned = _STRONG_SURVEY_CUE.search(after[:24]) and PERCENT.search(text, m.end(), min(z, m.end() + 400))
        if commissioned or PERCENT.search(after) and (
                after.lstrip().startswith("(") or _SURVEY_CUE.search(after[:20])
                or _SURVEY_CUE.search(text[max(a, m.start() - 200):m.start()])):
            names = _names(m.group(1))
            if names:
                anchors.append(Anchor(m.start(), m.end(), names))
                taken.append((m.start(), m.end()))
    # "조사기관인 '누리리서치'를 통해": the firm named after its kind, often in quotes
    for m in _FIRM.finditer(text, a, z):
        if free(m.start(1), m.end(1)):
            anchors.append(Anchor(m.start(1), m.end(1), [m.group(1)]))
            taken.append((m.start(1), m.end(1)))
    for m in _TITLE_BRACKET.finditer(text, a, z):
        if free(m.start(), m.end()):
            anchors.append(Anchor(m.start(), m.end(), _names(m.group(1))))
            taken.append((m.start(), m.end()))
    for m in _SURVEY_BRAND.finditer(text, a, z):
        if m.group(2) not in _METHOD_ACRONYMS and free(m.start(1), m.end()):
            names = [m.group(2)] + ([] if _GENERIC_SURVEY.fullmatch(m.group(1)) else [m.group(1)])
            anchors.append(Anchor(m.start(1), m.end(), names))
            taken.append((m.start(1), m.end()))
    # Plain names that a survey word follows in the same clause.
    spans = [(m.start(1), m.end(1)) for m in _chain().finditer(text, a, z)]
    known_list = _org_spans(orgs, a, z)
    spans += known_list
    known = set(known_list)
    about = _org_spans(list(subjects), a, z)
    for s, e in sorted(set(spans)):
        if not free(s, e) or text[s:e] in _NOT_POLLSTERS or any(x <= s and e <= y for x, y in about):
            continue
        if not _AFTER_NAME.match(text, e) and not ((s, e) in known and _AFTER_KNOWN_NAME_JA.match(text, e)):
            continue
        clause = text[e:min(z, e + 70)]
        stop = CLAUSE_STOP.search(clause)
        clause = clause[:stop.start()] if stop else clause
        # Results may follow in later sentences or paragraphs; then the survey word must be explicit.
        cue = _SURVEY_CUE if PERCENT.search(text, e, min(z, e + 300)) else _STRONG_SURVEY_CUE
        if not cue.search(clause):
            continue
        anchors.append(Anchor(s, e, _names(text[s:e])))
        taken.append((s, e))
    anchors.sort(key=lambda x: x.start)
    return anchors


def merge_co_pollsters(text: str, anchors: list[Anchor]) -> list[Anchor]:
    """A name without results before the next one in the same clause is a co-pollster
    ("리얼미터가 OO신문 의뢰로", "조선일보·TV조선이 칸타코리아에 의뢰해")."""
    merged: list[Anchor] = []
    for anc in anchors:
        if merged:
            prev = merged[-1]
            if next(result_spans(text, prev.stop, anc.start), None) is None \
                    and CLAUSE_STOP.search(text, prev.stop, anc.start) is None:
                prev.names += [n for n in anc.names if n not in prev.names]
                prev.stop = anc.stop
                continue
        merged.append(Anchor(anc.start, anc.stop, list(anc.names)))
    return merged


def segments(text: str, a: int, z: int, anchors: list[Anchor]) -> list[tuple[Anchor, int, int]]:
    """Split a paragraph at its anchors. The first segment takes its whole sentence, and the
    sentences before it when the anchor's sentence states no result ("… 결과다")."""
    out = []
    for k, anc in enumerate(anchors):
        stop = anchors[k + 1].start if k + 1 < len(anchors) else z
        start = anc.start
        if k == 0:
            start = sentence_start(text, a, anc.start)
            sent_end = next((e for s, e in sentence_spans(text, start, z) if e > anc.stop), z)
            if next(result_spans(text, anc.stop, min(sent_end, stop)), None) is None:
                start = a
        out.append((anc, start, stop))
    return out


def same_pollster(a: list[str], b: list[str]) -> bool:
    return any(x == y or x in y or y in x for x in a for y in b)
