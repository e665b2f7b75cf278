"""Persons the KB does not know: a Kiwi proper noun before a title (모디 인도 총리), a Korean
name before a title or in a byline (서하진 연구위원, 글: 홍길동, 홍길동 (연구위원)), and a
transliterated name given with its original script (왕원타오(王文濤) 중국 상무부장)."""
from __future__ import annotations

import re
from bisect import bisect_left

from ...kb.lexicon import AUTHOR_LABELS, BYLINE_TITLES, FAMILY_NAMES, PERSON_ONLY_TITLES, PERSON_TITLES, TITLE_BETWEEN
from .cue_spans import (
    NAME_TAGS, NOUNISH, HANGUL_NAME, UNIVERSITY_END, Found, SpanIndex, TokenIndex, bare_word, covered_by, exact_span,
    HANGUL_RUN, institution_suffix, is_group_word, name_tokens, token_index, word_core, word_starts, words_at,
    words_of,
)

SANG_TITLE = re.compile(r"^(?:외|재무|방위|법무|총무|환경|부흥|경제산업|문부과학|후생노동|농림수산|국토교통|"
                        r"경제재생|디지털|경제안보|[가-힣]{1,6}담당)상$")
# A ministry or office between name and title: 셸러 독일 외무부 대변인.
OFFICE_BETWEEN = re.compile(r"^[가-힣]{2,5}(?:부|성|청|처|실|국|원)$")


def _compound(tokens, j: int) -> tuple[str, int, int]:
    """The noun compound starting at token j (tokens joined without a space)."""
    k, text = j, tokens[j].form
    while k + 1 < len(tokens) and tokens[k + 1].tag in NOUNISH \
            and tokens[k + 1].start == tokens[k].start + tokens[k].len:
        k += 1
        text += tokens[k].form
    return text, k, tokens[k].start + tokens[k].len


def _is_title(word: str) -> bool:
    return word.endswith(PERSON_TITLES) or bool(SANG_TITLE.match(word))


def _name_run(tokens, i, covered):
    """Consecutive NNP tokens from i (one space apart at most), not covered by KB names and
    stopping before a title (Kiwi tags 외무대신 as NNP too)."""
    k = i
    while k + 1 < len(tokens) and k - i < 2:
        t, u = tokens[k], tokens[k + 1]
        if u.tag not in NAME_TAGS or u.start - (t.start + t.len) > 1 or \
                covered_by(covered, u.start, u.start + u.len) or _is_title(_compound(tokens, k + 1)[0]) \
                or institution_suffix(_compound(tokens, k + 1)[0]):
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
    if p.start != t.start + t.len or title.start != p.start + 2 or title.form not in PERSON_ONLY_TITLES:
        return None
    return t.start, p.start + 1


def find_persons(text: str, sentences, covered) -> list[Found]:
    covered = SpanIndex(covered)
    out: list[Found] = []
    for sent, names in zip(sentences, name_tokens(sentences)):
        toks = sent.tokens
        i = p = 0
        while True:
            p = bisect_left(names, i, p)                # the next name token from i on
            if p == len(names):
                break
            i = names[p]
            t = toks[i]
            if covered_by(covered, t.start, t.start + t.len):
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
                    toks[j].form in TITLE_BETWEEN or OFFICE_BETWEEN.match(toks[j].form) and not _is_title(toks[j].form)
                    or covered_by(covered, toks[j].start, toks[j].start + toks[j].len)
                    in ("COUNTRY", "ORG", "LOCATION")):
                # a KB name between (모디 인도 총리) may span several tokens
                end = toks[j].start + toks[j].len
                j += 1
                while j < len(toks) and covered_by(covered, toks[j].start, toks[j].start + 1) and \
                        covered_by(covered, end - 1, end) and toks[j].start == end:
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
    if not HANGUL_NAME.match(name) or len(name.replace(" ", "")) < 2 or UNIVERSITY_END.match(name):
        return False
    if any(is_group_word(f) for f in forms):
        return False
    # a lone one-syllable family name (윤 대통령) cannot be resolved here
    return not (len(forms) == 1 and len(forms[0]) < 2)


KOREAN_NAME = re.compile(r"[가-힣]{2,4}")
# Endings that make a one-token three-syllable word a common noun (전문가, 관계자, 방송사).
COMMON_NOUN_ENDINGS = tuple("자가관단원인사측부청처실국회권층")
# Words between a name and its title that name where the person works: 대통령실, 정책연구소.
OFFICE_WORD = re.compile(r"^[가-힣A-Za-z0-9]{2,14}(?:부|성|청|처|실|국|원|소|센터|본부|위원회|팀|대학교|대학|"
                         r"신문|일보|통신|방송|연구부|연구실|사무소|재단|협회|당)$")
ORIGINAL_IN_PARENS = re.compile(r"\(([\u4e00-\u9fff\u3040-\u30ff々]{2,8}|[A-Z][A-Za-z.'\- ]{1,40}[a-z.])\)")


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
    if is_group_word(name) or UNIVERSITY_END.match(name):
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
    word = bare_word(text[a:z])
    return (word in TITLE_BETWEEN or bool(OFFICE_WORD.match(word)) and not _is_person_title(word)
            or covered_by(covered, a, z) in ("COUNTRY", "ORG", "LOCATION"))


def _title_follows(text, words, j, covered, max_between=2) -> bool:
    """Words j.. on the same line read as [office words] + a person's title."""
    for k in range(j, min(j + max_between + 1, len(words))):
        a, z = word_core(text, *words[k])
        if "\n" in text[words[k - 1][1]:words[k][0]] or a == z:
            return False
        word = bare_word(text[a:z])
        # a KB name may end inside a title (중국 상무부 | 상무부장) but not be the whole word
        if _is_person_title(word) and not exact_span(covered, a, a + len(word)):
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
    r"|" + _FAMILY_START + r"[가-힣]{1,3}\)"
    r"|(?:" + "|".join(sorted(_LABELS, key=len, reverse=True)) + r")[:：]*(?![^\s·ㆍ・]))")


def find_named_persons(text: str, sentences, covered) -> list[Found]:
    """Korean names by the title next to them ("박지훈 기자", "서하진 연구위원", "OOO 대통령실
    정책실장"), in bylines ("연구위원 한서진", "글: 홍길동", "홍길동 (연구위원)"), and
    transliterated names given with their original ("무토 요지(武藤容治) 일본 경제산업상")."""
    covered = SpanIndex(covered)
    index = token_index(sentences)
    words = words_of(text)
    out: list[Found] = []
    for i in words_at(text, _NAME_OR_LABEL_WORD):
        wa, wz = words[i]
        a, z = word_core(text, wa, wz)
        word = text[a:z]
        if a == z or covered_by(covered, a, z):
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
            continue
        # (title name): "(원장 직무대리 홍길동)"
        if text.startswith(")", z) and i > 0 and _title_word(text, *words[i - 1]) \
                and plausible_korean_name(word, index, a):
            out.append(Found(word, "PERSON", None, a, z, []))
            continue
        # a name a quotation follows, as headlines write: 홍길동 "…"
        if (a, z) == (wa, wz) and len(word) == 3 and i + 1 < len(words) and text[z:z + 1] == " " \
                and text[words[i + 1][0]] in "\"“" and plausible_korean_name(word, index, a):
            out.append(Found(word, "PERSON", None, a, z, []))
    out += _dotted_partners(text, words, out, index, covered)
    out += _persons_with_original(text, words, index, covered)
    return out


ACTING = ("직무대리", "직무대행", "권한대행")


def _title_word(text: str, a: int, z: int) -> bool:
    word = bare_word(text[a:z].strip("(（"))
    return bool(word) and (_is_person_title(word) or word.endswith(ACTING))


def _dotted_partners(text, words, found, index, covered) -> list[Found]:
    """Names listed with a middle dot before a found name share its title: in
    "갑·을·병 연구관" the title follows 병 only."""
    starts = word_starts(text)
    out = []
    # the words a found name starts, in text order (not every word of the text)
    for k in sorted({k for f in found if (k := bisect_left(starts, f.start)) < len(starts)
                     and starts[k] == f.start}):
        j = k - 1
        while j >= 0 and text[words[j][1]:words[j + 1][0]] in ("·", "ㆍ", "・"):
            ja, jz = words[j]
            pa = max(ja, text.rfind("(", ja, jz) + 1)      # "보고서(갑·을 …": the list opens a parenthesis
            pz = jz
            name = text[pa:pz]
            if covered_by(covered, pa, pz) or not plausible_korean_name(name, index, pa):
                break
            out.append(Found(name, "PERSON", None, pa, pz, []))
            j -= 1
    return out


# Labels that name an author without a colon when they start a line ("저자 홍길동"); 글 and 기고
# are common words and need their colon.
PLAIN_AUTHOR_LABELS = ("저자", "필자", "집필", "작성자")


def _line_start(text: str, a: int) -> bool:
    return a == 0 or text[a - 1] == "\n"


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
                               or label in AUTHOR_LABELS and text[wz - 1] in ":："
                               or label in PLAIN_AUTHOR_LABELS and _line_start(text, wa)):
        return None
    na, nz = word_core(text, *words[k])
    name = bare_word(text[na:nz])
    nz = na + len(name)
    if "\n" in text[wz:na] or covered_by(covered, na, nz) or not plausible_korean_name(name, index, na) \
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
            if HANGUL_RUN.fullmatch(prev) and len(prev) <= 4 and not covered_by(covered, pa, pz) and \
                    all(t.tag in ("NNP", "NNG") for t in index.within(pa, pz)) and \
                    not _is_person_title(prev) and not OFFICE_WORD.match(prev):
                first = k - 1
        a, z = words[first][0], m.start()
        name = text[a:z]
        if not HANGUL_NAME.match(name) or covered_by(covered, a, z) or len(name.replace(" ", "")) < 2:
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
