"""Organisations and places the KB does not know: a proper noun with an organisation or place
suffix (레이와당, 마쓰모토 신문, 나가노현), an institution (동북아정책연구원, 김해국제공항), a
news outlet of a dateline or copyright line, a pollster that carries out a survey; and KB
matches that lie inside a longer proper noun naming something else."""
from __future__ import annotations

import re

from .. import prefilter
from ...kb.lexicon import DETACHED_ORG_SUFFIXES, GENERIC_INSTITUTION_PREFIXES, ORG_SUFFIXES
from .cue_spans import (
    INSTITUTION_ANYWHERE, WORD_RE, Found, Intervals, SpanIndex, TokenIndex, bare_word, covered_by,
    first_overlap_in_order, institution_suffix, is_group_word, name_tokens, strip_particle, suffix_type, token_index,
    word_core, words_of, words_at, HANGUL_RUN,
)

def find_orgs_and_places(text: str, sentences, covered) -> list[Found]:
    """A word that starts with a proper noun and ends with an organisation or place suffix
    (레이와당, 마쓰모토 신문, 나가노현), particles aside."""
    covered = SpanIndex(covered)
    out: list[Found] = []
    for sent, names in zip(sentences, name_tokens(sentences)):
        for t in map(sent.tokens.__getitem__, names):
            if t.start > 0 and WORD_RE.match(text[t.start - 1]):
                continue
            m = WORD_RE.match(text, t.start)
            if not m or covered_by(covered, m.start(), m.end()) or is_group_word(t.form):
                continue
            for word in strip_particle(m.group()):
                hit = suffix_type(word)
                if hit:
                    z = m.start() + len(word)
                    out.append(Found(text[m.start():z], hit[0], hit[1], m.start(), z, []))
                    break
            else:
                nxt = WORD_RE.match(text, m.end() + 1) if text[m.end():m.end() + 1] == " " else None
                if nxt and not covered_by(covered, nxt.start(), nxt.end()):
                    for word in strip_particle(nxt.group()):
                        if word in DETACHED_ORG_SUFFIXES and len(m.group()) >= 2:
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
    for sent, names in zip(sentences, name_tokens(sentences)):
        for t in map(sent.tokens.__getitem__, names):
            if t.tag != "NNP" or not NNP_FORM.fullmatch(t.form):
                continue
            nnp_spans.add((t.start, t.start + t.len))
            hit = suffix_type(t.form)
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


# News conventions that name the outlet: "(서울=누리경제)", "<저작권자 © 누리경제, ...>".
DATELINE = re.compile(r"\(([가-힣]{2,5})\s*=\s*([가-힣A-Za-z0-9][가-힣A-Za-z0-9 ]{0,18}[가-힣A-Za-z0-9])\)")
COPYRIGHT = re.compile(r"(?:저작권자|Copyrights?)\s*(?:[©ⓒ]|\(c\))?\s*(?:\d{4}\s+)?([가-힣A-Za-z0-9][가-힣A-Za-z0-9]{1,18})|"
                       r"[©ⓒ]\s*(?:\d{4}\s+)?([가-힣][가-힣A-Za-z0-9]{1,18})")
POLL_SENTENCE = re.compile(r"조사")
POLL_DETAIL = re.compile(r"\d명|의뢰|표본|응답|오차|신뢰수준|%")
SUBJECT_LIST = re.compile(r"(?<![가-힣A-Za-z0-9·])((?:[가-힣A-Za-z][가-힣A-Za-z0-9]{1,14}\s*·\s*)*"
                          r"[가-힣A-Za-z][가-힣A-Za-z0-9]{1,14})(?:가|이)\s")


def _proper_start(text, a, index: TokenIndex, kb_starts: set[int]) -> bool:
    """The word at ``a`` starts with a proper name: a KB name, a Kiwi proper noun, Latin letters
    or a digit (3국협력사무국)."""
    ch = text[a]
    if ch.isascii() and ch.isalnum():
        return True
    if a in kb_starts:
        return True
    if text.startswith(PUBLIC_PREFIXES, a):
        return True                             # 국립 + a name (the caller checks its length)
    toks = index.within(a, a + 1)
    if not toks or toks[0].start != a or toks[0].tag != "NNP":
        return False
    # a group abbreviation starts a joint body (한러의원연맹, 남북공동위원회)
    return toks[0].form not in GENERIC_INSTITUTION_PREFIXES and (
        not is_group_word(toks[0].form) or len(toks[0].form) == 2)


PUBLIC_PREFIXES = ("국립", "시립", "도립", "군립")


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
    words = words_of(text)
    for i in words_at(text, INSTITUTION_ANYWHERE):
        wa, wz = words[i]
        a, z = word_core(text, wa, wz)
        for word in strip_particle(text[a:z]):
            hit = institution_suffix(word)
            if not hit:
                continue
            suf, sub = hit
            z2 = a + len(word)
            whole_known = kb_reach.holds(a, z2)
            prefix = word[:-len(suf)]
            if whole_known or prefix in GENERIC_INSTITUTION_PREFIXES \
                    or prefix.startswith(PUBLIC_PREFIXES) and len(prefix) < 4:
                break                           # 국립박물관: no name between
            typ = "LOCATION" if sub in ("airport", "facility") else "ORG"
            if _proper_start(text, a, index, kb_starts):
                out.append(Found(word, typ, sub, a, z2, []))
            break
        else:
            # the suffix as a word of its own after a place or proper name
            word = bare_word(text[a:z])
            if word in ("조선소", "공항", "국제공항") and i > 0 and text[words[i - 1][1]:wa] == " ":
                pa, pz = word_core(text, *words[i - 1])
                kb_type = first_overlap_in_order(kb_ordered, pa, pz)
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
        if not covered_by(covered, a, z):
            out.append(Found(m.group(2), "ORG", "media", a, z, []))
    for m in prefilter.finditer(COPYRIGHT, text):
        g = 1 if m.group(1) else 2
        a, z = m.span(g)
        if not covered_by(covered, a, z) and m.group(g).lower() not in ("all", "by", "the"):
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
                if covered_by(covered, a, z) or not _looks_proper(name, index, a):
                    continue
                out.append(Found(name, "ORG", "pollster", a, z, []))
    return out


def _looks_proper(name: str, index: TokenIndex, a: int) -> bool:
    if name.isascii():
        return name[:1].isupper() and len(name) >= 2
    if institution_suffix(name):
        return True
    toks = index.within(a, a + len(name))
    return bool(toks) and toks[0].tag in ("NNP", "SL") and all(t.tag[0] in "NS" for t in toks) \
        and toks[0].form not in GENERIC_INSTITUTION_PREFIXES
