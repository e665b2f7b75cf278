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
    paragraph), and no sentence runs across a paragraph break, so each paragraph goes alone.
    Kiwi does not split English; an English paragraph is cut into sentences by syntok (MIT;
    rules for abbreviations such as "U.S.", "Feb. 7", "p.m.") and each sentence tokenised."""
    out: list[Sentence] = []
    tokenize, options = kiwi().tokenize, _kiwi_options()
    for para in _PARAGRAPH.finditer(text):
        p = para.group()
        # (a paragraph without a Latin letter is never English: its letters are not counted)
        if _LATIN.search(p) is not None and script_language(p) == "en":
            for a, z in english_sentences(p):
                base = offset + para.start() + a
                toks = [Token(t.form, t.tag, t.start + base, t.len) for t in tokenize(p[a:z])]
                out.append(Sentence(base, base + z - a, toks))
            continue
        for start, chunk in _chunks(p, para.start()):
            _sentences_of(tokenize(chunk, **options), offset + start, out)
    return out


def _sentences_of(tokens, base: int, out: list[Sentence]) -> None:
    """Kiwi's tokens of one chunk, cut where their sentence number changes, onto ``out``.

    The same sentences and tokens as ``Kiwi.split_into_sents(chunk, return_tokens=True)``
    (which is ``tokenize(..., split_sents=True)`` plus a Python pass per token for the
    sentences within sentences, which nothing here reads), in one pass instead of three."""
    new, intern, cls = tuple.__new__, _intern, Token
    toks: list[Token] = []
    current = None
    stop = 0
    for t in tokens:
        if t.sent_position != current:
            if toks:
                out.append(Sentence(toks[0][2], stop, toks))
                toks = []
            current = t.sent_position
        start = t.start + base
        n = t.len
        toks.append(new(cls, (intern(t.form), intern(t.tag), start, n)))
        stop = start + n
    if toks:
        out.append(Sentence(toks[0][2], stop, toks))


@lru_cache(maxsize=1)
def _kiwi_options() -> dict:
    """Kiwi.tokenize's own defaults as one plain int: the wrapper otherwise ORs IntFlag enums
    on every call (Python-level enum arithmetic, about 0.1 s per 5,000 paragraphs)."""
    from kiwipiepy.const import Match

    oov = int(Match.OOV_CHR_MODEL)        # oov_handling=None means the character model
    return {"match_options": int(Match.ALL | Match.Z_CODA) | oov, "z_coda": False, "oov_handling": oov}


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


def english_sentences(text: str) -> list[tuple[int, int]]:
    """(start, stop) of the sentences of an English paragraph."""
    import syntok.segmenter as segmenter

    out = []
    for para in segmenter.analyze(text):
        for sent in para:
            toks = [t for t in sent if t.value]
            if toks:
                out.append((toks[0].offset, toks[-1].offset + len(toks[-1].value)))
    return out


# ---------------------------------------------------------------- language

_HANGUL = re.compile(r"[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]")
_KANA = re.compile(r"[\u3040-\u30ff]")
_HAN = re.compile(r"[\u4e00-\u9fff\u3400-\u4dbf]")
_LATIN = re.compile(r"[A-Za-z]")
SCRIPT_SHARE = 0.3          # Korean text quotes English names; a third of the letters decides


def _script_counts(text: str) -> tuple[int, int, int, int]:
    return (len(_HANGUL.findall(text)), len(_KANA.findall(text)), len(_HAN.findall(text)),
            len(_LATIN.findall(text)))


def script_language(text: str) -> str | None:
    """ko, ja, zh or en by the scripts of a text's letters (None: no letters).

    A rule, not a statistical identifier: the languages summitwatch reads are written in
    different scripts, so the share of Hangul, kana, Han and Latin letters tells them apart
    exactly; py3langid, the maintained offline identifier considered, loads its model in
    ~1.7 s per process, more than a short text's whole analysis. Latin text is taken as English."""
    return _decide(*_script_counts(text))


def _decide(hangul: int, kana: int, han: int, latin: int) -> str | None:
    total = hangul + kana + han + latin
    if not total:
        return None
    if hangul >= SCRIPT_SHARE * total:
        return "ko"
    if kana and kana + han >= SCRIPT_SHARE * total:
        return "ja"
    if han >= SCRIPT_SHARE * total:
        return "zh"
    return "en" if latin >= 0.5 * total else None


def paragraph_languages(text: str) -> tuple[str | None, list[tuple[int, str]]]:
    """The document's language (of most letters) and (start, language) of each paragraph."""
    paras = []
    sums = [0, 0, 0, 0]
    for para in _PARAGRAPH.finditer(text):
        counts = _script_counts(para.group())
        lang = _decide(*counts)
        if lang:
            paras.append((para.start(), lang))
        sums = [a + b for a, b in zip(sums, counts)]
    return _decide(*sums), paras
