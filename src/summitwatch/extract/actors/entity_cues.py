"""Names the KB does not know, found from Kiwi's proper-noun tags and the words around them:
a title after a name (총리, 대변인, 외무대신 ...) makes a PERSON, a suffix (당, 신문, 통신,
자동차, 현, 주 ...) an ORG or a LOCATION."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from itertools import accumulate
from operator import attrgetter

from .groups import JOINED, NOT_GROUPS

# Titles that follow a person's name, as the last part of the word after it.
TITLE_SUFFIXES = (
    "총리", "대통령", "부통령", "장관", "차관", "차관보", "대신", "여사", "위원장", "부위원장", "대사",
    "의원", "대변인", "주석", "부주석", "총통", "부총통", "국왕", "여왕", "왕세자", "총장", "사무총장",
    "외교부장", "부장", "간사장", "당수", "대표", "지사", "보좌관", "특사", "특별대표", "사령관", "총재",
    "회장", "사장", "교수", "연구원", "기자", "수상", "총리대신", "대사대리", "영사", "실장", "국장",
    "상원의원", "하원의원", "지명자", "당선인", "후보", "보도관", "심의관", "참사관",
)
# Japanese minister titles ending in 상 (재무상, 외상); a bare ...상 word is too often a common noun.
SANG_TITLE = re.compile(r"^(?:외|재무|방위|법무|총무|환경|부흥|경제산업|문부과학|후생노동|농림수산|국토교통|"
                        r"경제재생|디지털|경제안보|[가-힣]{1,6}담당)상$")
# Words that may stand between a name and its title: 아베 전 총리, 사토 주한 일본대사.
BETWEEN = {"전", "현", "신임", "차기", "당시", "초대", "전임", "주한", "주미", "주일", "주중", "주러",
           "주유엔", "부", "겸"}
# A ministry or office between name and title: 셸러 독일 외무부 대변인.
OFFICE_BETWEEN = re.compile(r"^[가-힣]{2,5}(?:부|성|청|처|실|국|원)$")
ORG_SUFFIXES = (
    ("신문", "media"), ("통신", "media"), ("일보", "media"), ("방송", "media"), ("TV", "media"),
    ("자동차", "company"), ("전자", "company"), ("제철", "company"), ("그룹", "company"),
    ("중공업", "company"), ("화학", "company"), ("은행", "company"), ("상사", "company"),
    ("물산", "company"), ("증권", "company"), ("제약", "company"), ("항공", "company"),
    ("연구소", "institute"), ("연구원", "institute"), ("재단", "institute"), ("대학교", "institute"),
    ("당", "party"), ("회", "organisation"), ("연맹", "organisation"), ("협회", "organisation"),
)
# Suffix words that may be written apart from the name: 스바루 자동차, 마쓰모토 신문.
DETACHED_OK = {"신문", "통신", "일보", "방송", "자동차", "전자", "제철", "그룹", "중공업", "항공"}
LOCATION_SUFFIXES = (("현", "prefecture"),)
NAME_TAGS = {"NNP"}
NOUNISH = {"NNG", "NNP", "XSN", "SL"}
# Titles only a person bears (used where the name itself is uncertain).
PERSON_TITLES = {"여사", "총리", "대통령", "장관", "위원장", "대변인", "외무대신", "국무장관", "주석", "총통"}
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


def _is_group_word(form: str) -> bool:
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


def _first_overlap_in_order(spans, a: int, z: int) -> str | None:
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


def _exact(covered: SpanIndex, a: int, z: int) -> bool:
    k = bisect_left(covered.starts, a)
    while k < len(covered.spans) and covered.starts[k] == a:
        if covered.spans[k][1] == z:
            return True
        k += 1
    return False


def _covered(covered, a: int, z: int) -> str | None:
    if isinstance(covered, SpanIndex):
        return covered.first_overlap(a, z)
    for s, e, typ in covered:
        if s < z and a < e:
            return typ
    return None


def _compound(tokens, j: int) -> tuple[str, int, int]:
    """The noun compound starting at token j (tokens joined without a space)."""
    k, text = j, tokens[j].form
    while k + 1 < len(tokens) and tokens[k + 1].tag in NOUNISH \
            and tokens[k + 1].start == tokens[k].start + tokens[k].len:
        k += 1
        text += tokens[k].form
    return text, k, tokens[k].start + tokens[k].len


def _is_title(word: str) -> bool:
    return word.endswith(TITLE_SUFFIXES) or bool(SANG_TITLE.match(word))


def _name_run(tokens, i, covered):
    """Consecutive NNP tokens from i (one space apart at most), not covered by KB names and
    stopping before a title (Kiwi tags 외무대신 as NNP too)."""
    k = i
    while k + 1 < len(tokens) and k - i < 2:
        t, u = tokens[k], tokens[k + 1]
        if u.tag not in NAME_TAGS or u.start - (t.start + t.len) > 1 or \
                _covered(covered, u.start, u.start + u.len) or _is_title(_compound(tokens, k + 1)[0]) \
                or _institution_suffix(_compound(tokens, k + 1)[0]):
            break
        k += 1
    return k


def _glued_particle_name(tokens, i, covered):
    """Kiwi sometimes reads the end of an unknown name as a particle (아키에 -> 아키/NNP 에/JKB);
    such a word directly followed by a person title is taken whole."""
    t = tokens[i]
    if i + 2 >= len(tokens) or tokens[i + 1].tag[0] != "J" or tokens[i + 1].len != 1:
        return None
    p, title = tokens[i + 1], tokens[i + 2]
    if p.start != t.start + t.len or title.start != p.start + 2 or title.form not in PERSON_TITLES:
        return None
    return t.start, p.start + 1


# The name tokens of the last sentences read (finders and swallowed_matches share them).
_LAST_NAMES: list = [None, 0, None]


def _name_tokens(sentences) -> list[tuple[int, ...]]:
    """For each sentence, the indexes of its tokens tagged as names (a small part of them).
    Tuples of numbers, which the garbage collector stops tracking, unlike lists."""
    if _LAST_NAMES[0] is not sentences or _LAST_NAMES[1] != len(sentences):
        _LAST_NAMES[:] = [sentences, len(sentences),
                          [tuple([k for k, t in enumerate(s.tokens) if t.tag in NAME_TAGS]) for s in sentences]]
    return _LAST_NAMES[2]


def find_persons(text: str, sentences, covered) -> list[Found]:
    covered = SpanIndex(covered)
    out: list[Found] = []
    for sent, names in zip(sentences, _name_tokens(sentences)):
        toks = sent.tokens
        i = p = 0
        while True:
            p = bisect_left(names, i, p)                # the next name token from i on
            if p == len(names):
                break
            i = names[p]
            t = toks[i]
            if _covered(covered, t.start, t.start + t.len):
                i += 1
                continue
            glued = _glued_particle_name(toks, i, covered)
            if glued:
                a, z = glued
                if _plausible_person(text[a:z], [text[a:z]]):
                    out.append(Found(text[a:z], "PERSON", None, a, z, []))
                i += 2
                continue
            k = _name_run(toks, i, covered)
            a, z = toks[i].start, toks[k].start + toks[k].len
            j, skips = k + 1, 0
            while j < len(toks) and skips < 3 and (
                    toks[j].form in BETWEEN or OFFICE_BETWEEN.match(toks[j].form) and not _is_title(toks[j].form)
                    or _covered(covered, toks[j].start, toks[j].start + toks[j].len)
                    in ("COUNTRY", "ORG", "LOCATION")):
                # a KB name between (모디 인도 총리) may span several tokens
                end = toks[j].start + toks[j].len
                j += 1
                while j < len(toks) and _covered(covered, toks[j].start, toks[j].start + 1) and \
                        _covered(covered, end - 1, end) and toks[j].start == end:
                    end = toks[j].start + toks[j].len
                    j += 1
                skips += 1
            # a title glued to the name (정조회장) is a compound, not name + title
            spaced = j > k + 1 or text[toks[j].start - 1:toks[j].start].isspace() if j < len(toks) else False
            if j < len(toks) and toks[j].tag in NOUNISH and spaced:
                word, _, _ = _compound(toks, j)
                name = text[a:z]
                forms = [x.form for x in toks[i:k + 1]]
                if _is_title(word) and _plausible_person(name, forms):
                    short = [f for f in " ".join(forms).split() if len(f) >= 2]
                    out.append(Found(name, "PERSON", None, a, z, short if len(short) > 1 else []))
            i = k + 1
    return out


# A university's short name (서울대, 고려대) is tagged like a person's name.
UNIVERSITY_END = re.compile(r"[가-힣]{2,}(?:대|대학|대학교)$")


def _plausible_person(name: str, forms: list[str]) -> bool:
    if not HANGUL_NAME.match(name) or len(name.replace(" ", "")) < 2 or UNIVERSITY_END.match(name):
        return False
    if any(_is_group_word(f) for f in forms):
        return False
    # a lone one-syllable family name (윤 대통령) cannot be resolved here
    return not (len(forms) == 1 and len(forms[0]) < 2)


PARTICLES = sorted("은 는 이 가 을 를 의 에 와 과 도 로 만 에서 으로 까지 부터 에게 과의 와의 이나 나".split(),
                   key=len, reverse=True)
WORD_RE = re.compile(r"[가-힣A-Za-z0-9]+")


# the particles by their last syllable, longest first as in PARTICLES
_PARTICLES_BY_LAST: dict[str, list[str]] = {}
for _p in PARTICLES:
    _PARTICLES_BY_LAST.setdefault(_p[-1], []).append(_p)


def _strip_particle(word: str) -> list[str]:
    """The word and, when it ends in a particle, the word without it."""
    out = [word]
    for p in _PARTICLES_BY_LAST.get(word[-1:], ()):
        if word.endswith(p) and len(word) > len(p) + 1:
            out.append(word[: -len(p)])
            break
    return out


_ORG_SUFFIX_WORDS = tuple(suf for suf, _sub in ORG_SUFFIXES)
_LOCATION_SUFFIX_WORDS = tuple(suf for suf, _sub in LOCATION_SUFFIXES)


def _suffix_type(word: str):
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


def find_orgs_and_places(text: str, sentences, covered) -> list[Found]:
    """A word that starts with a proper noun and ends with an organisation or place suffix
    (레이와당, 마쓰모토 신문, 나가노현), particles aside."""
    covered = SpanIndex(covered)
    out: list[Found] = []
    for sent, names in zip(sentences, _name_tokens(sentences)):
        for t in map(sent.tokens.__getitem__, names):
            if t.start > 0 and WORD_RE.match(text[t.start - 1]):
                continue
            m = WORD_RE.match(text, t.start)
            if not m or _covered(covered, m.start(), m.end()) or _is_group_word(t.form):
                continue
            for word in _strip_particle(m.group()):
                hit = _suffix_type(word)
                if hit:
                    z = m.start() + len(word)
                    out.append(Found(text[m.start():z], hit[0], hit[1], m.start(), z, []))
                    break
            else:
                nxt = WORD_RE.match(text, m.end() + 1) if text[m.end():m.end() + 1] == " " else None
                if nxt and not _covered(covered, nxt.start(), nxt.end()):
                    for word in _strip_particle(nxt.group()):
                        if word in DETACHED_OK and len(m.group()) >= 2:
                            z = nxt.start() + len(word)
                            out.append(Found(text[m.start():z], "ORG", dict(ORG_SUFFIXES)[word],
                                             m.start(), z, [m.group()]))
                            break
    return out


NNP_FORM = re.compile(r"[가-힣A-Za-z ]+")


def swallowed_matches(sentences, matches, types) -> set[int]:
    """Indexes of KB matches lying inside a longer proper noun that names something else:
    국민민주당 holds 민주당 and 일본유신회 holds 일본 (organisation names), 조현동 holds 조현
    and 세종연구소 holds 세종 (a person or a place inside a longer name). The longer name wins."""
    org_spans, nnp_spans = set(), set()
    for sent, names in zip(sentences, _name_tokens(sentences)):
        for t in map(sent.tokens.__getitem__, names):
            if t.tag != "NNP" or not NNP_FORM.fullmatch(t.form):
                continue
            nnp_spans.add((t.start, t.start + t.len))
            hit = _suffix_type(t.form)
            if hit and hit[0] == "ORG":
                org_spans.add((t.start, t.start + t.len))
    # a proper noun lying inside a KB match does not swallow it
    in_match = Intervals((o.start, o.stop) for o in matches)
    orgs = [sp for sp in org_spans if not in_match.holds(*sp)]
    names = [sp for sp in nnp_spans if not in_match.holds(*sp)]
    org_index, any_index = Intervals(orgs), Intervals(orgs + names)
    out = set()
    for n, m in enumerate(matches):
        index = any_index if types[n] in ("PERSON", "LOCATION") else org_index
        if index.holds_longer(m.start, m.stop):
            out.add(n)
    return out


# --- Cues read from the words themselves (Kiwi does not tag unknown names reliably) --------

from ...kb.lexicon import (  # noqa: E402
    AIRPORT_SUFFIXES, AUTHOR_LABELS, BYLINE_TITLES, FAMILY_NAMES, GENERIC_INSTITUTION_PREFIXES,
    INSTITUTION_SUFFIXES,
)

SPACE_WORD_RE = re.compile(r"[^\s·ㆍ・]+")
HANGUL_RUN = re.compile(r"[가-힣]+")
KOREAN_NAME = re.compile(r"[가-힣]{2,4}")
# Endings that make a one-token three-syllable word a common noun (전문가, 관계자, 방송사).
COMMON_NOUN_ENDINGS = tuple("자가관단원인사측부청처실국회권층")
# Words between a name and its title that name where the person works: 대통령실, 정책연구소.
OFFICE_WORD = re.compile(r"^[가-힣A-Za-z0-9]{2,14}(?:부|성|청|처|실|국|원|소|센터|본부|위원회|팀|대학교|대학|"
                         r"신문|일보|통신|방송|연구부|연구실|사무소|재단|협회|당)$")
ORIGINAL_IN_PARENS = re.compile(r"\(([\u4e00-\u9fff\u3040-\u30ff々]{2,8}|[A-Z][A-Za-z.'\- ]{1,40}[a-z.])\)")
# News conventions that name the outlet: "(서울=누리경제)", "<저작권자 © 누리경제, ...>".
DATELINE = re.compile(r"\(([가-힣]{2,5})\s*=\s*([가-힣A-Za-z0-9][가-힣A-Za-z0-9 ]{0,18}[가-힣A-Za-z0-9])\)")
COPYRIGHT = re.compile(r"(?:저작권자|Copyrights?)\s*(?:[©ⓒ]|\(c\))?\s*(?:\d{4}\s+)?([가-힣A-Za-z0-9][가-힣A-Za-z0-9]{1,18})|"
                       r"[©ⓒ]\s*(?:\d{4}\s+)?([가-힣][가-힣A-Za-z0-9]{1,18})")
POLL_SENTENCE = re.compile(r"조사")
POLL_DETAIL = re.compile(r"\d명|의뢰|표본|응답|오차|신뢰수준|%")
SUBJECT_LIST = re.compile(r"(?<![가-힣A-Za-z0-9·])((?:[가-힣A-Za-z][가-힣A-Za-z0-9]{1,14}\s*·\s*)*"
                          r"[가-힣A-Za-z][가-힣A-Za-z0-9]{1,14})(?:가|이)\s")


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


def _words(text: str):
    """(start, stop) of every space-separated word (do not modify the list)."""
    if _LAST_WORDS[0] is not text:
        words = [m.span() for m in SPACE_WORD_RE.finditer(text)]
        _LAST_WORDS[:] = [text, words, [a for a, _z in words]]
    return _LAST_WORDS[1]


def _words_at(text: str, pattern: re.Pattern) -> list[int]:
    """Indexes (ascending, once each) of the words of ``text`` holding a match of ``pattern``;
    the pattern must not reach across a word's edge."""
    _words(text)
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


def _core(text: str, a: int, z: int) -> tuple[int, int]:
    """The word without the punctuation around it: "(연구위원)" -> 연구위원."""
    m = CORE_RE.search(text, a, z)
    return m.span() if m else (a, a)


def _bare(word: str) -> str:
    """A word without a particle at its end (기자는 -> 기자, 장관과 -> 장관)."""
    forms = _strip_particle(word)
    return forms[-1]


def _is_person_title(word: str) -> bool:
    return _is_title(word) or word.endswith(BYLINE_TITLES)


def plausible_korean_name(name: str, index: TokenIndex, a: int) -> bool:
    """A two- to four-syllable word read as family name + given name, unless Kiwi reads it as
    a common word (정부, 이번, 전문가) or as words with endings (지난, 모든)."""
    if not KOREAN_NAME.fullmatch(name):
        return False
    if name[0] not in FAMILY_NAMES and name[:2] not in FAMILY_NAMES:
        return False
    if len(name) == 4 and name[:2] not in FAMILY_NAMES:
        return False
    if _is_group_word(name) or UNIVERSITY_END.match(name):
        return False
    toks = index.within(a, a + len(name))
    if not toks:
        return False
    if len(name) == 2:                     # proper nouns only (which also passes the test below)
        return all(t.tag == "NNP" for t in toks)
    if any(t.tag[0] in "VMJE" or t.tag in ("NNB", "NP", "NR", "XSV", "XSA") for t in toks):
        return False
    long = [t for t in toks if t.len >= 2 and t.tag != "NNP"]
    if not long:
        return True
    # one common-noun token for the whole word: a name Kiwi does not know (안덕근), unless it
    # ends like a noun of persons or bodies
    return len(toks) == 1 and toks[0].len == len(name) and not name.endswith(COMMON_NOUN_ENDINGS)


def _between_ok(text, a, z, covered) -> bool:
    word = _bare(text[a:z])
    return (word in BETWEEN or bool(OFFICE_WORD.match(word)) and not _is_person_title(word)
            or _covered(covered, a, z) in ("COUNTRY", "ORG", "LOCATION"))


def _title_follows(text, words, j, covered, max_between=2) -> bool:
    """Words j.. on the same line read as [office words] + a person's title."""
    for k in range(j, min(j + max_between + 1, len(words))):
        a, z = _core(text, *words[k])
        if "\n" in text[words[k - 1][1]:words[k][0]] or a == z:
            return False
        word = _bare(text[a:z])
        # a KB name may end inside a title (중국 상무부 | 상무부장) but not be the whole word
        if _is_person_title(word) and not _exact(covered, a, a + len(word)):
            return True
        if not _between_ok(text, a, z, covered):
            return False
    return False


def _name_alone_after(text: str, z: int) -> bool:
    """A byline name ends its line, or is followed by punctuation or a particle."""
    rest = text[z:z + 3]
    return not rest or rest[0] in "\n\r)],/|·;:(" or rest[0].isspace() and (
        rest[:2].strip() == "" or not rest[1:2].isalnum())


NAME_TITLE_PAREN = re.compile(r" ?\(([가-힣]{2,8})\)")
_LABELS = frozenset(BYLINE_TITLES) | frozenset(AUTHOR_LABELS)
# The only words find_named_persons can act on, from their start: a two- to four-syllable
# name as the whole word (before a title) or before a parenthesis ("홍길동 (연구위원)"), or a
# byline label ("연구위원", "글:").
_FAMILY_START = "[" + "".join(sorted({n[0] for n in FAMILY_NAMES})) + "]"
_NAME_OR_LABEL_WORD = re.compile(
    r"(?<![^\s·ㆍ・])(?:" + _FAMILY_START + r"[가-힣]{1,3}(?![^\s·ㆍ・])"
    r"|[^\s·ㆍ・가-힣A-Za-z0-9]*" + _FAMILY_START + r"[가-힣]{1,3}(?= ?\()"
    r"|(?:" + "|".join(sorted(_LABELS, key=len, reverse=True)) + r")[:：]*(?![^\s·ㆍ・]))")


def find_named_persons(text: str, sentences, covered) -> list[Found]:
    """Korean names by the title next to them ("박지훈 기자", "서하진 연구위원", "OOO 대통령실
    정책실장"), in bylines ("연구위원 한서진", "글: 홍길동", "홍길동 (연구위원)"), and
    transliterated names given with their original ("무토 요지(武藤容治) 일본 경제산업상")."""
    covered = SpanIndex(covered)
    index = token_index(sentences)
    words = _words(text)
    out: list[Found] = []
    for i in _words_at(text, _NAME_OR_LABEL_WORD):
        wa, wz = words[i]
        a, z = _core(text, wa, wz)
        word = text[a:z]
        if a == z or _covered(covered, a, z):
            continue
        # name + (office words) + title
        if (a, z) == (wa, wz) and i + 1 < len(words) and plausible_korean_name(word, index, a) \
                and _title_follows(text, words, i + 1, covered):
            out.append(Found(word, "PERSON", None, a, z, []))
            continue
        byline = _byline_name(text, words, i, index, covered) if text[wa:wz].rstrip(":：") in _LABELS else None
        if byline:
            out.append(byline)
        # name (title): "홍길동 (연구위원)"
        m = NAME_TITLE_PAREN.match(text[z:z + 14]) if text.startswith(("(", " ("), z) else None
        if m and m.group(1).endswith(BYLINE_TITLES) and plausible_korean_name(word, index, a):
            out.append(Found(word, "PERSON", None, a, z, []))
    out += _persons_with_original(text, words, index, covered)
    return out


def _byline_name(text, words, i, index, covered) -> Found | None:
    """Word i is a title or an author label ("연구위원", "글:") and the next word a name that
    ends the byline: "연구위원 한서진", "글: 홍길동"."""
    wa, wz = words[i]
    label = text[wa:wz].rstrip(":：")
    if label not in _LABELS:
        return None
    k = i + 1
    if k < len(words) and text[words[k][0]:words[k][1]] in (":", "："):
        k += 1                                              # "글 : 홍길동"
    if k >= len(words) or not (label in BYLINE_TITLES or label in AUTHOR_LABELS and k > i + 1
                               or label in AUTHOR_LABELS and text[wz - 1] in ":："):
        return None
    na, nz = _core(text, *words[k])
    name = _bare(text[na:nz])
    nz = na + len(name)
    if "\n" in text[wz:na] or _covered(covered, na, nz) or not plausible_korean_name(name, index, na) \
            or not _name_alone_after(text, nz):
        return None
    return Found(name, "PERSON", None, na, nz, [])


def _persons_with_original(text, words, index, covered) -> list[Found]:
    """A transliterated name glued to its original script and followed by a title:
    "왕원타오(王文濤) 중국 상무부장". The original becomes an alias."""
    out = []
    starts = [w[0] for w in words]
    for m in ORIGINAL_IN_PARENS.finditer(text):
        k = bisect_left(starts, m.start() + 1) - 1          # the word holding the name
        if k < 0 or not text[words[k][0]:m.start()]:
            continue
        first = k
        # a Japanese name is two words (무토 요지); take the word before when it is a bare name
        if k > 0 and text[words[k - 1][1]:words[k][0]] == " ":
            pa, pz = words[k - 1]
            prev = text[pa:pz]
            if HANGUL_RUN.fullmatch(prev) and len(prev) <= 4 and not _covered(covered, pa, pz) and \
                    all(t.tag in ("NNP", "NNG") for t in index.within(pa, pz)) and \
                    not _is_person_title(prev) and not OFFICE_WORD.match(prev):
                first = k - 1
        a, z = words[first][0], m.start()
        name = text[a:z]
        if not HANGUL_NAME.match(name) or _covered(covered, a, z) or len(name.replace(" ", "")) < 2:
            continue
        # the title follows the parenthesis: "(王文濤) 중국 상무부장", "(武藤容治) 일본 경제산업상"
        nxt = bisect_left(starts, m.end())
        if nxt < len(words) and words[nxt][0] == m.end():
            continue                                        # "(…)의": no title after
        if nxt < len(words) and _title_follows(text, words, nxt, covered):
            parts = name.split()
            short = [p for p in parts if len(p) >= 2] if len(parts) > 1 else []
            out.append(Found(name, "PERSON", None, a, z, [*short[:1], m.group(1)] if short else [m.group(1)]))
    return out


_INSTITUTION_WORDS = tuple(suf for suf, _sub in INSTITUTION_SUFFIXES) + AIRPORT_SUFFIXES
# a word holding none of these cannot end in an institution word, with or without a particle
_INSTITUTION_ANYWHERE = re.compile("|".join(map(re.escape, (*_INSTITUTION_WORDS, "조선소", "공항"))))


def _institution_suffix(word: str):
    if not word.endswith(_INSTITUTION_WORDS):
        return None
    for suf, sub in INSTITUTION_SUFFIXES:
        if word.endswith(suf) and len(word) >= len(suf) + 2:
            return suf, sub
    for suf in AIRPORT_SUFFIXES:
        if word.endswith(suf) and len(word) >= len(suf) + 2:
            return suf, "airport"
    return None


def _proper_start(text, a, index: TokenIndex, kb_starts: set[int]) -> bool:
    """The word at ``a`` starts with a proper name: a KB name, a Kiwi proper noun, Latin letters
    or a digit (3국협력사무국)."""
    ch = text[a]
    if ch.isascii() and ch.isalnum():
        return True
    if a in kb_starts:
        return True
    toks = index.within(a, a + 1)
    if not toks or toks[0].start != a or toks[0].tag != "NNP":
        return False
    return toks[0].form not in GENERIC_INSTITUTION_PREFIXES and not _is_group_word(toks[0].form)


def find_institutions(text: str, sentences, kb_spans) -> list[Found]:
    """Words that end with an institution word and start with a proper name: 동북아정책연구원,
    한빛정책연구소, 케이스탯리서치, 김해국제공항 (an airport is a place). A KB name at the start
    (동북아, 한국) is part of the institution. Also "필라델피아 조선소" written apart."""
    index = token_index(sentences)
    kb_spans = list(kb_spans)
    kb_starts = {s for s, _e, _t in kb_spans}
    kb_reach = Intervals((s, e) for s, e, _t in kb_spans)
    kb_ordered = SpanIndex((s, e, (n, t)) for n, (s, e, t) in enumerate(kb_spans))
    out: list[Found] = []
    words = _words(text)
    for i in _words_at(text, _INSTITUTION_ANYWHERE):
        wa, wz = words[i]
        a, z = _core(text, wa, wz)
        for word in _strip_particle(text[a:z]):
            hit = _institution_suffix(word)
            if not hit:
                continue
            suf, sub = hit
            z2 = a + len(word)
            whole_known = kb_reach.holds(a, z2)
            prefix = word[:-len(suf)]
            if whole_known or prefix in GENERIC_INSTITUTION_PREFIXES:
                break
            typ = "LOCATION" if sub == "airport" else "ORG"
            if _proper_start(text, a, index, kb_starts):
                out.append(Found(word, typ, sub, a, z2, []))
            break
        else:
            # the suffix as a word of its own after a place or proper name
            word = _bare(text[a:z])
            if word in ("조선소", "공항", "국제공항") and i > 0 and text[words[i - 1][1]:wa] == " ":
                pa, pz = _core(text, *words[i - 1])
                kb_type = _first_overlap_in_order(kb_ordered, pa, pz)
                # a city or company before it (필라델피아 조선소), not a country (한국 조선소)
                if HANGUL_RUN.fullmatch(text[pa:pz]) and (
                        kb_type in ("LOCATION", "ORG") or kb_type is None and index.first_tag(pa) == "NNP"):
                    typ, sub = ("LOCATION", "airport") if "공항" in word else ("ORG", "company")
                    out.append(Found(text[pa:a + len(word)], typ, sub, pa, a + len(word), []))
    return out


def find_outlets(text: str, covered) -> list[Found]:
    """The news outlet of a dateline "(서울=누리경제)" or a copyright line."""
    covered = SpanIndex(covered)
    out = []
    for m in DATELINE.finditer(text):
        a, z = m.span(2)
        if not _covered(covered, a, z):
            out.append(Found(m.group(2), "ORG", "media", a, z, []))
    for m in COPYRIGHT.finditer(text):
        g = 1 if m.group(1) else 2
        a, z = m.span(g)
        if not _covered(covered, a, z) and m.group(g).lower() not in ("all", "by", "the"):
            out.append(Found(m.group(g), "ORG", "media", a, z, []))
    return out


def find_pollsters(text: str, sentences, covered) -> list[Found]:
    """Names that carry out a survey: the subject of a sentence about a poll ("A·B가 지난
    3~5일 1,001명을 상대로 벌인 조사"), when each looks like a proper name."""
    covered = SpanIndex(covered)
    index = token_index(sentences)
    out = []
    for sent in sentences:
        s = text[sent.start:sent.stop]
        if not POLL_SENTENCE.search(s) or not POLL_DETAIL.search(s):
            continue
        for m in SUBJECT_LIST.finditer(s):
            rest = s[m.end():]
            if "조사" not in rest[:120]:
                continue
            pos = sent.start + m.start(1)
            for part in re.finditer(r"[^\s·]+", m.group(1)):
                a, z = pos + part.start(), pos + part.end()
                name = part.group()
                if _covered(covered, a, z) or not _looks_proper(name, index, a):
                    continue
                out.append(Found(name, "ORG", "pollster", a, z, []))
    return out


def _looks_proper(name: str, index: TokenIndex, a: int) -> bool:
    if name.isascii():
        return name[:1].isupper() and len(name) >= 2
    if _institution_suffix(name):
        return True
    toks = index.within(a, a + len(name))
    return bool(toks) and toks[0].tag in ("NNP", "SL") and all(t.tag[0] in "NS" for t in toks) \
        and toks[0].form not in GENERIC_INSTITUTION_PREFIXES
