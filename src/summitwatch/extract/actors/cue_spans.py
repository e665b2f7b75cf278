"""What the name finders share: the Found record, span indexes for overlap queries, Kiwi's
tokens and the text's words by position, particles, and the suffixes that type a name
(institution, organisation, place). Word lists come from ``kb/data/words``."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from itertools import accumulate
from operator import attrgetter

from ...kb.lexicon import AIRPORT_SUFFIXES, FACILITY_SUFFIXES, INSTITUTION_SUFFIXES, LOCATION_SUFFIXES, ORG_SUFFIXES
from .groups import JOINED, NOT_GROUPS

NAME_TAGS = {"NNP"}
NOUNISH = {"NNG", "NNP", "XSN", "SL"}
HANGUL_NAME = re.compile(r"^[가-힣]+(?: [가-힣]+)*$")


@dataclass
class Found:
    name: str
    type: str
    subtype: str | None
    start: int
    stop: int
    short_forms: list[str] = field(default_factory=list)


_JOINED_CHARS = "".join(JOINED)


def is_group_word(form: str) -> bool:
    # strip() leaves nothing when every character is a joined abbreviation (한미일)
    return form in NOT_GROUPS or (len(form) >= 2 and not form.strip(_JOINED_CHARS))


class SpanIndex:
    """Typed spans sorted by start, for overlap queries in O(log n) instead of a scan."""

    def __init__(self, spans):
        self.spans = sorted(spans)
        self.starts = [s for s, _e, _t in self.spans]
        self.longest = max((e - s for s, e, _t in self.spans), default=0)

    def __iter__(self):
        return iter(self.spans)

    def __add__(self, other):
        return SpanIndex([*self.spans, *other])

    def first_overlap(self, a: int, z: int) -> str | None:
        k = bisect_left(self.starts, z) - 1
        while k >= 0 and self.starts[k] > a - self.longest - 1:
            s, e, typ = self.spans[k]
            if s < z and a < e:
                return typ
            k -= 1
        return None


class Intervals:
    """Fixed spans sorted by start with the running maximum of their ends: whether any span
    overlaps or holds a range is one binary search."""

    def __init__(self, spans):
        pairs = sorted((a, z) for a, z in spans)
        self.starts = [a for a, _z in pairs]
        self.reach = list(accumulate((z for _a, z in pairs), max))

    def overlaps(self, a: int, z: int) -> bool:
        """Some span (s, e) with s < z and a < e."""
        k = bisect_left(self.starts, z)
        return k > 0 and self.reach[k - 1] > a

    def holds(self, a: int, z: int) -> bool:
        """Some span (s, e) with s <= a and z <= e."""
        k = bisect_right(self.starts, a)
        return k > 0 and self.reach[k - 1] >= z

    def holds_longer(self, a: int, z: int) -> bool:
        """Some span other than (a, z) itself with s <= a and z <= e."""
        k = bisect_left(self.starts, a)
        if k > 0 and self.reach[k - 1] >= z:
            return True
        k = bisect_right(self.starts, a)
        return k > 0 and self.reach[k - 1] > z


def first_overlap_in_order(spans, a: int, z: int) -> str | None:
    """The type of the first span in list order overlapping (a, z); ``spans`` is a SpanIndex
    whose entries carry their list position."""
    k = bisect_left(spans.starts, z) - 1
    best = None
    while k >= 0 and spans.starts[k] > a - spans.longest - 1:
        s, e, (n, typ) = spans.spans[k]
        if s < z and a < e and (best is None or n < best[0]):
            best = (n, typ)
        k -= 1
    return best[1] if best else None


def exact_span(covered: SpanIndex, a: int, z: int) -> bool:
    k = bisect_left(covered.starts, a)
    while k < len(covered.spans) and covered.starts[k] == a:
        if covered.spans[k][1] == z:
            return True
        k += 1
    return False


def covered_by(covered, a: int, z: int) -> str | None:
    if isinstance(covered, SpanIndex):
        return covered.first_overlap(a, z)
    for s, e, typ in covered:
        if s < z and a < e:
            return typ
    return None


# The name tokens of the last sentences read (finders and swallowed_matches share them).
_LAST_NAMES: list = [None, 0, None]


def name_tokens(sentences) -> list[tuple[int, ...]]:
    """For each sentence, the indexes of its tokens tagged as names (a small part of them).
    Tuples of numbers, which the garbage collector stops tracking, unlike lists."""
    if _LAST_NAMES[0] is not sentences or _LAST_NAMES[1] != len(sentences):
        _LAST_NAMES[:] = [sentences, len(sentences),
                          [tuple([k for k, t in enumerate(s.tokens) if t.tag in NAME_TAGS]) for s in sentences]]
    return _LAST_NAMES[2]


# A university's short name (서울대, 고려대) is tagged like a person's name.
UNIVERSITY_END = re.compile(r"[가-힣]{2,}(?:대|대학|대학교)$")
PARTICLES = sorted("은 는 이 가 을 를 의 에 와 과 도 로 만 에서 으로 까지 부터 에게 과의 와의 이나 나".split(),
                   key=len, reverse=True)
WORD_RE = re.compile(r"[가-힣A-Za-z0-9]+")
# the particles by their last syllable, longest first as in PARTICLES
_PARTICLES_BY_LAST: dict[str, list[str]] = {}
for _p in PARTICLES:
    _PARTICLES_BY_LAST.setdefault(_p[-1], []).append(_p)


def strip_particle(word: str) -> list[str]:
    """The word and, when it ends in a particle, the word without it."""
    out = [word]
    for p in _PARTICLES_BY_LAST.get(word[-1:], ()):
        if word.endswith(p) and len(word) > len(p) + 1:
            out.append(word[: -len(p)])
            break
    return out


_ORG_SUFFIX_WORDS = tuple(suf for suf, _sub in ORG_SUFFIXES)
_LOCATION_SUFFIX_WORDS = tuple(suf for suf, _sub in LOCATION_SUFFIXES)


def suffix_type(word: str):
    if not word.endswith(_ORG_SUFFIX_WORDS) and not word.endswith(_LOCATION_SUFFIX_WORDS):
        return None
    for suf, sub in ORG_SUFFIXES:
        if word.endswith(suf) and len(word) >= len(suf) + 2 and (sub != "organisation" or len(word) >= 4):
            return "ORG", sub
    for suf, sub in LOCATION_SUFFIXES:
        # four syllables at least: 김기현 is a person, 가고시마현 a prefecture
        if word.endswith(suf) and len(word) >= 4:
            return "LOCATION", sub
    return None


SPACE_WORD_RE = re.compile(r"[^\s·ㆍ・]+")
HANGUL_RUN = re.compile(r"[가-힣]+")


class TokenIndex:
    """Kiwi tokens of the whole text by position, to ask what Kiwi made of a span."""

    def __init__(self, sentences):
        self.toks = [t for s in sentences for t in s.tokens]
        self.starts = [t.start for t in self.toks]
        if self.starts != sorted(self.starts):        # Kiwi gives them in order: no sort needed
            self.toks.sort(key=attrgetter("start"))
            self.starts = [t.start for t in self.toks]

    def within(self, a: int, z: int):
        return self.toks[bisect_left(self.starts, a):bisect_left(self.starts, z)]

    def first_tag(self, a: int) -> str | None:
        k = bisect_left(self.starts, a)
        return self.toks[k].tag if k < len(self.toks) and self.toks[k].start == a else None


# The last text and sentences indexed, with their index: the finders below run on the same
# document one after another. The reference held keeps the identity check sound.
_LAST_WORDS: list = [None, [], []]
_LAST_TOKENS: list = [None, 0, None]


def words_of(text: str):
    """(start, stop) of every space-separated word (do not modify the list)."""
    if _LAST_WORDS[0] is not text:
        words = [m.span() for m in SPACE_WORD_RE.finditer(text)]
        _LAST_WORDS[:] = [text, words, [a for a, _z in words]]
    return _LAST_WORDS[1]


def word_starts(text: str) -> list[int]:
    """The start of every word of words_of(text), in order (do not modify the list)."""
    words_of(text)
    return _LAST_WORDS[2]


def words_at(text: str, pattern: re.Pattern) -> list[int]:
    """Indexes (ascending, once each) of the words of ``text`` holding a match of ``pattern``;
    the pattern must not reach across a word's edge."""
    words_of(text)
    starts, out = _LAST_WORDS[2], []
    for m in pattern.finditer(text):
        k = bisect_right(starts, m.start()) - 1
        if k >= 0 and (not out or out[-1] != k):
            out.append(k)
    return out


def token_index(sentences) -> TokenIndex:
    if _LAST_TOKENS[0] is not sentences or _LAST_TOKENS[1] != len(sentences):
        _LAST_TOKENS[:] = [sentences, len(sentences), TokenIndex(sentences)]
    return _LAST_TOKENS[2]


CORE_RE = re.compile(r"[가-힣A-Za-z0-9][가-힣A-Za-z0-9·]*[가-힣A-Za-z0-9]|[가-힣A-Za-z0-9]")


def word_core(text: str, a: int, z: int) -> tuple[int, int]:
    """The word without the punctuation around it: "(연구위원)" -> 연구위원."""
    m = CORE_RE.search(text, a, z)
    return m.span() if m else (a, a)


def bare_word(word: str) -> str:
    """A word without a particle at its end (기자는 -> 기자, 장관과 -> 장관)."""
    forms = strip_particle(word)
    return forms[-1]


_INSTITUTION_WORDS = tuple(suf for suf, _sub in INSTITUTION_SUFFIXES) + AIRPORT_SUFFIXES + FACILITY_SUFFIXES
# a word holding none of these cannot end in an institution word, with or without a particle
INSTITUTION_ANYWHERE = re.compile("|".join(map(re.escape, (*_INSTITUTION_WORDS, "조선소", "공항"))))


def institution_suffix(word: str):
    if not word.endswith(_INSTITUTION_WORDS):
        return None
    for suf, sub in INSTITUTION_SUFFIXES:
        if word.endswith(suf) and len(word) >= len(suf) + 2:
            return suf, sub
    for suf in AIRPORT_SUFFIXES:
        if word.endswith(suf) and len(word) >= len(suf) + 2:
            return suf, "airport"
    for suf in FACILITY_SUFFIXES:
        if word.endswith(suf) and len(word) >= len(suf) + 2:
            return suf, "facility"
    return None
