"""Kiwi, loaded once per process, and the sentence/token view the extractors share."""
from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from typing import NamedTuple
from functools import lru_cache


class Token(NamedTuple):
    """A Kiwi token. A tuple of plain values: the garbage collector stops tracking it, which
    matters with hundreds of thousands of tokens alive during an analysis."""
    form: str
    tag: str          # Sejong-style POS tag from Kiwi: NNP, NNG, VV, JKS, SF, SL, SN ...
    start: int        # offset in the analysed text
    len: int


@dataclass(slots=True)
class Sentence:
    start: int
    stop: int
    tokens: list[Token]


@lru_cache(maxsize=1)
def kiwi():
    """The shared Kiwi instance (model shipped by kiwipiepy-model; nothing is downloaded)."""
    from kiwipiepy import Kiwi

    return Kiwi()


# Forms and tags repeat (particles, endings, punctuation, a few dozen tags): one shared string
# each instead of a new one per token (measured: about a third of the tokens' memory).
_intern = sys.intern

_PARAGRAPH = re.compile(r"[^\n]+(?:\n[^\n]+)*")


def split_sentences(text: str, offset: int = 0) -> list[Sentence]:
    """Sentences of ``text`` with their tokens, from one Kiwi pass per paragraph.

    Kiwi's time grows faster than linearly with the length of one input (measured here:
    ~30k characters/s on a 300k-character string, ~150k/s on the same text paragraph by
    paragraph), and no sentence runs across a paragraph break, so each paragraph goes alone."""
    out: list[Sentence] = []
    k = kiwi()
    for para in _PARAGRAPH.finditer(text):
        for start, chunk in _chunks(para.group(), para.start()):
            base = offset + start
            for s in k.split_into_sents(chunk, return_tokens=True):
                toks = [Token(_intern(t.form), _intern(t.tag), t.start + base, t.len) for t in (s.tokens or [])]
                out.append(Sentence(s.start + base, s.end + base, toks))
    return out


_CHUNK = 2000                                   # characters; paragraphs of briefs are far shorter
_SENTENCE_END = re.compile(r"[.!?。](?=\s)")
_SPACE = re.compile(r"\s")


def _chunks(para: str, start: int):
    """A paragraph in pieces Kiwi handles fast: whole when it is of a normal length, else cut
    after the last sentence end (failing that, the last space) in each stretch of _CHUNK."""
    pos = 0
    while len(para) - pos > 2 * _CHUNK:
        lo, hi = pos + _CHUNK // 2, pos + _CHUNK
        ends = [m.end() for m in _SENTENCE_END.finditer(para, lo, hi)]
        spaces = [m.end() for m in _SPACE.finditer(para, lo, hi)]
        cut = (ends or spaces or [hi])[-1]
        yield start + pos, para[pos:cut]
        pos = cut
    yield start + pos, para[pos:]
