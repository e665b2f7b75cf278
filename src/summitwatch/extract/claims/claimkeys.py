"""Key terms of a claim, to tell whether two passages speak of the same thing.

A claim's keys are weighted: named things (places, organisations, third countries, country
groups, amounts, Latin-script names) weigh most, content nouns weigh one, generic nouns and the
summit's own parties nothing — every claim of a US–Japan summit names the US and Japan.
"""
from __future__ import annotations

import bisect
import itertools
import re
from functools import lru_cache

from .cues import GENERIC_NOUNS, PROSE_CUES

ANCHOR = 3.0
NOUN = 1.0
# Noun suffixes that vary around one stem: 방위비/방위력 -> 방위, 투자액 -> 투자, 비핵화 -> 비핵.
_SUFFIXES = ("력", "비", "액", "화", "성", "권", "품", "국", "적", "량")
# Spelling variants of one term.
_VARIANTS = {"억지": "억제", "타이완": "대만", "denuclearization": "비핵"}
_UNITS = frozenset({"조", "억", "만", "천", "달러", "원", "엔", "위안", "유로", "%", "퍼센트", "명", "개", "척", "대"})
_SPANS = frozenset({"년", "개월", "달", "주", "주일", "일", "시간", "차", "번", "회", "년간", "개월간"})
_EN_STOP = frozenset("a an the of and or to in on for with by at from as is are was be its their this that".split())
_CUE_WORDS = frozenset(PROSE_CUES) | {"재확인", "확인", "협력"}
_WORD = re.compile(r"[A-Za-z][A-Za-z.\-]*[A-Za-z]|[가-힣]{2,}|\d+(?:[.,]\d+)*\s?[조억만천]?")
_JOSA = re.compile(r"(?:에서의|에서|에게|으로|로|에|의|을|를|은|는|이|가|과|와|도|만|및)$")
# A leader's title after a bare family name: "이 대통령", "윤 대통령", "시 주석", "기시다 총리".
TITLES = ("대통령", "부통령", "총리", "수상", "주석", "국무위원장", "위원장", "총통", "국왕", "장관", "대사", "총재")
_SHORT_FORM = re.compile(r"(?<![가-힣])([가-힣]{1,4})\s?(" + "|".join(TITLES) + r")")
_TWO_SYLLABLE_FAMILY = frozenset({"남궁", "제갈", "선우", "황보", "독고", "사공", "서문", "동방"})


@lru_cache(maxsize=8192)
def stem(form: str) -> str:
    f = _VARIANTS.get(form, form)
    if len(f) >= 3 and f[-1] in _SUFFIXES and f[:-1] not in GENERIC_NOUNS:
        f = f[:-1]
    return _VARIANTS.get(f, f)


class FactIndex:
    """Entity, group and date spans on ctx.text, for lookups by position."""

    def __init__(self, ctx, parties: frozenset[str] = frozenset()):
        self.parties = parties
        spans = []   # (start, stop, kind, value)
        for e in ctx.facts.get("entities", []) or []:
            kind = getattr(e, "type", None)
            value = getattr(e, "iso", None) if kind == "COUNTRY" else getattr(e, "name", None)
            if kind == "PERSON":
                value = person_country(e)
            for m in getattr(e, "mentions", []) or []:
                if getattr(m, "start", -1) >= 0:
                    spans.append((m.start, m.stop, kind, value))
        for g in ctx.facts.get("groups", []) or []:
            if getattr(g, "start", -1) >= 0:
                spans.append((g.start, g.stop, "GROUP", tuple(g.members)))
        spans.extend(_short_forms(ctx, spans))
        spans.sort()
        self.spans = spans
        self._starts = [s[0] for s in spans]
        dates = [d for d in ctx.facts.get("dates", []) or [] if getattr(d, "start", -1) >= 0]
        dates.sort(key=lambda d: d.start)
        self.dates = dates
        self._dstarts = [d.start for d in dates]

    def within(self, start: int, stop: int):
        """Entity/group spans overlapping [start, stop)."""
        i = bisect.bisect_left(self._starts, start - 60)
        out = []
        while i < len(self.spans) and self.spans[i][0] < stop:
            s = self.spans[i]
            if s[1] > start:
                out.append(s)
            i += 1
        return out

    def dates_within(self, start: int, stop: int):
        i = bisect.bisect_left(self._dstarts, start - 40)
        out = []
        while i < len(self.dates) and self.dates[i].start < stop:
            d = self.dates[i]
            if d.stop > start:
                out.append(d)
            i += 1
        return out

    def countries(self, start: int, stop: int) -> list[str]:
        """ISO codes of the countries, persons' countries and group members in a span, in order."""
        out: list[str] = []
        for s, e, kind, value in self.within(start, stop):
            if kind in ("COUNTRY", "PERSON") and isinstance(value, str):
                out.append(value)
            elif kind == "GROUP":
                out.extend(value)
        return list(dict.fromkeys(out))


def family_names(name: str) -> set[str]:
    """How a leader's name is shortened before a title: the first or last word of a name written
    with spaces ("기시다 후미오" -> 기시다), else the family syllable(s) of a Korean or Chinese name."""
    name = (name or "").strip()
    if not re.fullmatch(r"[가-힣 ]{2,12}", name):
        return set()
    if " " in name:
        words = name.split()
        return {words[0], words[-1]}        # 기시다 후미오 (family first), 스콧 모리슨 (family last)
    out = {name[0]} if len(name) <= 4 else set()
    if name[:2] in _TWO_SYLLABLE_FAMILY:
        out.add(name[:2])
    return out


def _short_forms(ctx, spans):
    """Spans of "이 대통령", "시 주석": a family name and a title that refer back to a person the
    document named in full before (the nearest one with that family name)."""
    people = []       # (first mention start, family names, country)
    for e in ctx.facts.get("entities", []) or []:
        if getattr(e, "type", None) != "PERSON":
            continue
        iso = person_country(e)
        starts = [m.start for m in getattr(e, "mentions", []) or [] if getattr(m, "start", -1) >= 0]
        if iso and starts:
            people.append((min(starts), family_names(e.name), iso))
    if not people:
        return []
    taken = sorted({(s, e) for s, e, *_ in spans})
    starts = [s for s, _ in taken]
    # the furthest end among spans starting at or before each index, for an O(log n) cover test
    reach = list(itertools.accumulate((e for _, e in taken), max))
    text = ctx.text.text
    out = []
    for m in _SHORT_FORM.finditer(text):
        family = m.group(1)
        before = [p for p in people if family in p[1] and p[0] < m.start()]
        if not before:
            continue
        iso = max(before, key=lambda p: p[0])[2]
        span = (m.start(1), m.end(1))
        k = bisect.bisect_right(starts, span[0]) - 1
        if k >= 0 and reach[k] > span[0]:
            continue          # already a mention of an entity
        out.append((span[0], span[1], "PERSON", iso))
    return out


def person_country(entity) -> str | None:
    """A person's country (ISO alpha-2) when the entity extractor or the KB gives it."""
    extra = getattr(entity, "model_extra", None) or {}
    for key in ("country", "nationality", "country_iso"):
        v = extra.get(key) or getattr(entity, key, None)
        if isinstance(v, str) and len(v) == 2:
            return v.upper()
    return _kb_country(getattr(entity, "kb_id", None), getattr(entity, "name", None))


def _kb_country(kb_id, name) -> str | None:
    """The KB's country for a person, when exactly one KB person answers to the name."""
    try:
        from ...kb import load_kb

        kb = load_kb()
    except Exception:          # a broken user KB must not stop commitment extraction
        return None
    entry = kb.get(kb_id) if kb_id else None
    if entry is None and name:
        found = {e.country for e in kb.lookup(name) if e.type == "PERSON" and e.country}
        return found.pop() if len(found) == 1 else None
    return entry.country if entry is not None else None


def keys_from_tokens(tokens, index: FactIndex, start: int, stop: int, party_forms: frozenset[str]):
    """Weighted key terms of the tokens inside [start, stop)."""
    keys: dict[str, float] = {}
    for k, t in enumerate(tokens):
        if t.start < start or t.start >= stop:
            continue
        f = t.form
        if t.tag == "SN":
            if index.dates_within(t.start, t.start + t.len):
                continue        # the digits of a date say when, not what
            if k + 1 < len(tokens) and tokens[k + 1].form in _SPANS:
                continue        # "1년간", "3차": how long or which round, not what
            unit = tokens[k + 1].form if k + 1 < len(tokens) and tokens[k + 1].form in _UNITS else ""
            keys[f + unit] = ANCHOR
        elif t.tag in ("SL", "SH", "NNP"):
            if f in party_forms or f.lower() in party_forms or f.lower() in _EN_STOP:
                continue
            # names and acronyms are anchors; lower-case English glosses are plain words
            strong = len(f) > 1 and (t.tag != "SL" or not f.islower())
            keys[stem(f) if t.tag == "NNP" else f.lower()] = ANCHOR if strong else NOUN
        elif t.tag == "NNG" and f not in GENERIC_NOUNS and f not in _CUE_WORDS and len(f) > 1:
            keys[stem(f)] = max(keys.get(stem(f), 0.0), NOUN)
            # Kiwi reads one compound whole or in two ("공급망" / "공급"+"망"): key the whole too
            nxt = tokens[k + 1] if k + 1 < len(tokens) else None
            if nxt is not None and nxt.tag == "NNG" and len(nxt.form) == 1 and nxt.start == t.start + t.len:
                keys[stem(f + nxt.form)] = max(keys.get(stem(f + nxt.form), 0.0), NOUN)
    _add_fact_keys(keys, index, start, stop)
    return keys


def keys_from_text(text: str, index: FactIndex, start: int, party_forms: frozenset[str]):
    """The same, for a span without tokens (a table cell that could not be located)."""
    keys: dict[str, float] = {}
    for m in _WORD.finditer(text):
        w = _JOSA.sub("", m.group(0).strip()) if not m.group(0)[0].isascii() else m.group(0)
        if not w or w in GENERIC_NOUNS or w in _CUE_WORDS or w in party_forms:
            continue
        keys[stem(w)] = ANCHOR if w[0].isascii() else NOUN
    if start >= 0:
        _add_fact_keys(keys, index, start, start + len(text))
    return keys


def _add_fact_keys(keys, index: FactIndex, start: int, stop: int) -> None:
    for s, e, kind, value in index.within(start, stop):
        if kind in ("LOCATION", "ORG") and value:
            keys["E:" + str(value)] = ANCHOR
        elif kind == "COUNTRY" and value and value not in index.parties:
            keys["C:" + value] = ANCHOR
        elif kind == "GROUP" and set(value) != set(index.parties):
            keys["G:" + "".join(sorted(value))] = ANCHOR


def weight(keys: dict[str, float]) -> float:
    return sum(keys.values())


def shared(a: dict[str, float], b: dict[str, float]) -> tuple[float, bool]:
    """Weight of the keys two claims share, and whether an anchor is among them."""
    if len(a) > len(b):
        a, b = b, a
    total, anchor = 0.0, False
    for k, w in a.items():
        if k in b:
            w = min(w, b[k])
            total += w
            anchor = anchor or w >= ANCHOR
    return total, anchor


def similarity(a: dict[str, float], b: dict[str, float]) -> float:
    s, _ = shared(a, b)
    lo = min(weight(a), weight(b))
    return s / lo if lo else 0.0
