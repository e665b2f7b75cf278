"""Sentences cut at paragraph breaks, and the clauses inside them, from the shared Kiwi pass."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from .lexicon import words

# Connective endings that close a clause (adverbial -어/-아 and quotative -다고 do not), and bound
# nouns that join two clauses after an adnominal ending ("합의한 만큼").
CLAUSE_EC = words("korean", "clause_ec")
CLAUSE_NNB = words("korean", "clause_nnb")
# Stems whose -어서 form is an adverb ("계속해서", "이어서", "잇따라서").
ADVERBIAL_STEMS = words("korean", "adverbial_stems")

# A news dateline opening the first sentence: "(서울=연합뉴스) 홍길동 기자 = ".
DATELINE = re.compile(r"\([^()=\n]{1,20}=[^()\n]{1,20}\)\s*(?:[^=\n]{1,30}(?:기자|특파원)\s*=\s*)?")

# Sentence openers that carry the previous sentence's subject and time ("그리고 ... 약속했다").
CARRY_OVER = frozenset({"그리고", "또한", "이어", "아울러", "이어서", "이와", "동시에", "또"})
CONTRASTIVE_EC = frozenset({"으나", "나", "지만", "는데도", "ᆫ데도", "지마는", "음에도", "는데", "은데", "ᆫ데"})


@dataclass(slots=True)
class Unit:
    """A sentence inside one paragraph."""
    start: int
    stop: int
    tokens: list
    paragraph: int                 # index of the paragraph it belongs to
    index: int = 0                 # position in the list of units

    def starts_with_carry_over(self) -> bool:
        return bool(self.tokens) and self.tokens[0].form in CARRY_OVER


def _paragraph_starts(text: str, limit: int) -> list[int]:
    starts, i = [0], text.find("\n\n")
    while 0 <= i < limit:
        j = i
        while j < len(text) and text[j] in "\n \t":
            j += 1
        starts.append(j)
        i = text.find("\n\n", j)
    return starts


def units(ctx, limit: int | None = None) -> list[Unit]:
    """Sentences of ctx.text up to ``limit`` (default: the body), split at blank lines."""
    text = ctx.text.text
    limit = ctx.body_end if limit is None else limit
    pstarts = _paragraph_starts(text, limit)
    out: list[Unit] = []
    n_para = len(pstarts)
    for s in ctx.sentences:
        if s.start >= limit:
            break
        toks = s.tokens
        if toks:
            first, last = toks[0], toks[-1]
            if last.start < limit:
                p = bisect.bisect_right(pstarts, first.start)
                # the common case: the last token lies in the first one's paragraph
                if (p == 0 or pstarts[p - 1] <= last.start) and (p == n_para or last.start < pstarts[p]):
                    out.append(Unit(first.start, last.start + last.len, list(toks), p - 1))
                    continue
        cur: list = []
        for t in s.tokens:
            if t.start >= limit:
                break
            if cur and bisect.bisect_right(pstarts, t.start) != bisect.bisect_right(pstarts, cur[0].start):
                out.append(_unit(cur, pstarts))
                cur = []
            cur.append(t)
        if cur:
            out.append(_unit(cur, pstarts))
    for i, u in enumerate(out):
        u.index = i
    return out


def _unit(tokens, pstarts) -> Unit:
    return Unit(tokens[0].start, tokens[-1].start + tokens[-1].len, tokens,
                bisect.bisect_right(pstarts, tokens[0].start) - 1)


def boundaries(tokens) -> list[int]:
    """Indices of the tokens that close a clause (connective or final ending, bound-noun joint)."""
    out = []
    for i, t in enumerate(tokens):
        if t.tag == "EF" or t.tag == "SF" or (t.tag == "EC" and t.form in CLAUSE_EC):
            # an ending inside a quotation does not end the reporting clause
            nxt = tokens[i + 1] if i + 1 < len(tokens) else None
            if nxt is not None and nxt.tag in ("SSC", "SS") and t.tag == "EF":
                continue
            # a connective ending is followed by a space or a comma: one glued to what follows is
            # a misreading inside a word ("펜타닐" read as 펜타/이/니)
            if t.tag == "EC" and nxt is not None and nxt.start <= t.start + t.len and nxt.tag not in (
                    "SP", "SF", "SSC", "SS", "SE", "SO"):
                continue
            # "계속해서 협력하기로", "이어서 발표했다": an adverb that ends in -어서 joins no clause
            if t.tag == "EC" and t.form in ("어서", "아서", "여서") and i and (
                    tokens[i - 1].form in ADVERBIAL_STEMS
                    or (i > 1 and tokens[i - 1].tag == "XSV" and tokens[i - 2].form in ADVERBIAL_STEMS)):
                continue
            # "신속하고 압도적이며 결정적으로 대응하겠다": -고/-며 between modifiers of one verb
            if t.tag == "EC" and t.form in ("고", "며", "으며") and i and tokens[i - 1].tag in ("VA", "VCP", "XSA") \
                    and _adverbial(tokens, i + 1):
                continue
            # "위협적이고 도발적인", "자유롭고 열린": -고 joins two modifiers unless a comma or a
            # tense ending makes it the end of a clause
            if t.form == "고" and t.tag == "EC" and not (
                    (nxt is not None and nxt.tag == "SP") or (i and tokens[i - 1].tag == "EP")):
                continue
            out.append(i)
        elif t.tag == "NNB" and t.form in CLAUSE_NNB and i and tokens[i - 1].tag == "ETM" \
                and not _complement(tokens, i):
            out.append(i)
    if not out or out[-1] != len(tokens) - 1:
        out.append(len(tokens) - 1)
    return out


def _complement(tokens, i) -> bool:
    """"교역을 늘린다는 데 합의했다", "줄이는 데에 힘쓰기로": 데 before a noun-하다 predicate or a
    case particle is what the predicate is about, not a joint between two clauses."""
    if tokens[i].form != "데" or i + 1 >= len(tokens):
        return False
    nxt = tokens[i + 1]
    if nxt.tag == "JKB":
        return True
    after = tokens[i + 2] if i + 2 < len(tokens) else None
    return nxt.tag == "NNG" and after is not None and after.tag == "XSV"


def _adverbial(tokens, k) -> bool:
    """An adverb or an adverbial ("결정적으로", "신속하게") starts at token k."""
    if k >= len(tokens):
        return False
    t = tokens[k]
    if t.tag == "MAG":
        return True
    nxt = tokens[k + 1] if k + 1 < len(tokens) else None
    after = tokens[k + 2] if k + 2 < len(tokens) else None
    if t.tag == "NNG" and nxt is not None and nxt.tag == "XSN" and nxt.form == "적" and after is not None:
        return after.tag == "JKB" and after.form in ("으로", "로")
    return t.tag in ("VA", "XR") and any(x.tag == "EC" and x.form == "게" for x in tokens[k + 1:k + 3])


def clause_of(bounds: list[int], i: int) -> tuple[int, int]:
    """(first, last) token indices of the clause holding token i."""
    k = bisect.bisect_left(bounds, i)
    last = bounds[min(k, len(bounds) - 1)]
    first = bounds[k - 1] + 1 if k > 0 else 0
    return first, last


def word_end(text: str, pos: int) -> int:
    """End of the space-delimited word that covers ``pos``."""
    n = len(text)
    while pos < n and not text[pos].isspace() and text[pos] not in ",.;":
        pos += 1
    return pos
