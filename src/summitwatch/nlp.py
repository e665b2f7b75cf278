"""Kiwi, loaded once per process, and the sentence/token view the extractors share."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache


@dataclass(slots=True)
class Token:
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


def split_sentences(text: str, offset: int = 0) -> list[Sentence]:
    """Sentences of ``text`` with their tokens, from one Kiwi pass."""
    out: list[Sentence] = []
    for s in kiwi().split_into_sents(text, return_tokens=True):
        toks = [Token(t.form, t.tag, t.start + offset, t.len) for t in (s.tokens or [])]
        out.append(Sentence(s.start + offset, s.end + offset, toks))
    return out
