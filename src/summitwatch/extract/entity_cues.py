"""Names the KB does not know, found from Kiwi's proper-noun tags and the words around them:
a title after a name (총리, 대변인, 외무대신 ...) makes a PERSON, a suffix (당, 신문, 통신,
자동차, 현, 주 ...) an ORG or a LOCATION."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .groups import JOINED, NOT_GROUPS

# Titles that follow a person's name, as the last part of the word after it.
TITLE_SUFFIXES = (
    "총리", "대통령", "부통령", "장관", "차관", "차관보", "대신", "여사", "위원장", "부위원장", "대사",
    "의원", "대변인", "주석", "부주석", "총통", "부총통", "국왕", "여왕", "왕세자", "총장", "사무총장",
    "외교부장", "부장", "간사장", "당수", "대표", "지사", "보좌관", "특사", "특별대표", "사령관", "총재",
    "회장", "사장", "교수", "연구원", "기자", "수상", "총리대신", "대사대리", "영사", "실장", "국장",
    "상원의원", "하원의원", "지명자", "당선인", "후보",
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


def _is_group_word(form: str) -> bool:
    return form in NOT_GROUPS or (len(form) >= 2 and all(ch in JOINED for ch in form))


def _covered(covered: list[tuple[int, int, str]], a: int, z: int) -> str | None:
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
                _covered(covered, u.start, u.start + u.len) or _is_title(_compound(tokens, k + 1)[0]):
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


def find_persons(text: str, sentences, covered) -> list[Found]:
    out: list[Found] = []
    for sent in sentences:
        toks = sent.tokens
        i = 0
        while i < len(toks):
            t = toks[i]
            if t.tag not in NAME_TAGS or _covered(covered, t.start, t.start + t.len):
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
                # a KB name between (네타냐후 이스라엘 총리) may span several tokens
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


def _plausible_person(name: str, forms: list[str]) -> bool:
    if not HANGUL_NAME.match(name) or len(name.replace(" ", "")) < 2:
        return False
    if any(_is_group_word(f) for f in forms):
        return False
    # a lone one-syllable family name (윤 대통령) cannot be resolved here
    return not (len(forms) == 1 and len(forms[0]) < 2)


PARTICLES = sorted("은 는 이 가 을 를 의 에 와 과 도 로 만 에서 으로 까지 부터 에게 과의 와의 이나 나".split(),
                   key=len, reverse=True)
WORD_RE = re.compile(r"[가-힣A-Za-z0-9]+")


def _strip_particle(word: str) -> list[str]:
    """The word and, when it ends in a particle, the word without it."""
    out = [word]
    for p in PARTICLES:
        if word.endswith(p) and len(word) > len(p) + 1:
            out.append(word[: -len(p)])
            break
    return out


def _suffix_type(word: str):
    for suf, sub in ORG_SUFFIXES:
        if word.endswith(suf) and len(word) >= len(suf) + 2 and (sub != "organisation" or len(word) >= 4):
            return "ORG", sub
    for suf, sub in LOCATION_SUFFIXES:
        # four syllables at least: 김기현 is a person, 돗토리현 a prefecture
        if word.endswith(suf) and len(word) >= 4:
            return "LOCATION", sub
    return None


def find_orgs_and_places(text: str, sentences, covered) -> list[Found]:
    """A word that starts with a proper noun and ends with an organisation or place suffix
    (레이와당, 마쓰모토 신문, 나가노현), particles aside."""
    out: list[Found] = []
    for sent in sentences:
        for t in sent.tokens:
            if t.tag not in NAME_TAGS or (t.start > 0 and WORD_RE.match(text[t.start - 1])):
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


def swallowed_matches(sentences, matches, types) -> set[int]:
    """Indexes of KB matches lying inside a longer proper noun that names something else:
    국민민주당 holds 민주당 and 일본유신회 holds 일본 (organisation names), 조현동 holds 조현
    and 세종연구소 holds 세종 (a person or a place inside a longer name). The longer name wins."""
    org_spans, nnp_spans = [], []
    for sent in sentences:
        for t in sent.tokens:
            if t.tag != "NNP" or not re.fullmatch(r"[가-힣A-Za-z ]+", t.form):
                continue
            nnp_spans.append((t.start, t.start + t.len))
            hit = _suffix_type(t.form)
            if hit and hit[0] == "ORG":
                org_spans.append((t.start, t.start + t.len))
    out = set()
    for n, m in enumerate(matches):
        spans = org_spans + (nnp_spans if types[n] in ("PERSON", "LOCATION") else [])
        for a, z in spans:
            if a <= m.start and m.stop <= z and (a, z) != (m.start, m.stop) \
                    and not any(o.start <= a and z <= o.stop for o in matches):
                out.add(n)
                break
    return out
