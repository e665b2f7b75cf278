"""NFC normalisation and control-character clean-up that keep the map to raw offsets."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from ..model.mapped import Builder, MappedText

# C0/C1 controls other than tab and newline; \r and \f are handled apart.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\u200b\u200e\u200f\u2028\u2029\ufeff]")
# the ones among them that are not text at all (format characters such as a BOM or a zero-width
# space are invisible parts of text): dropping these is reported in the document's warnings
_CONTROL_C = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
# one-for-one replacements: str.replace per character (a C loop) rather than str.translate with
# a table, which runs per character through a dict on non-ASCII text (measured 100x slower)
_SPACES = (("\t", " "), ("\u00a0", " "), ("\u3000", " "), ("\u2002", " "), ("\u2003", " "),
           ("\u2009", " "), ("\f", "\n"), ("\r", "\n"))
_WORD = re.compile(r"\S+|\s+")


def dropped_controls(raw: str) -> dict[str, int]:
    """How many of each control character normalisation drops (NUL, other C0/C1 controls)."""
    counts: dict[str, int] = {}
    if not _CONTROL_C.search(raw):
        return counts
    nul = raw.count("\x00")
    if nul:
        counts["NUL"] = nul
    other = len(_CONTROL_C.findall(raw)) - nul
    if other:
        counts["other control"] = other
    return counts


@lru_cache(maxsize=1)
def _second_of_pair() -> frozenset[str]:
    """Characters of combining class 0 that canonical composition can still join to the
    character before them (Hangul vowel and final jamo, some Indic vowel signs): the second
    half of a two-character canonical decomposition. Built once, only for non-NFC input."""
    out = set()
    for cp in range(0x00C0, 0x30000):
        d = unicodedata.decomposition(chr(cp))
        if d and not d.startswith("<"):
            parts = d.split()
            if len(parts) == 2:
                out.add(chr(int(parts[1], 16)))
    out.update(chr(c) for c in range(0x1161, 0x1176))      # Hangul V jamo (algorithmic, not listed)
    out.update(chr(c) for c in range(0x11A8, 0x11C3))      # Hangul T jamo
    return frozenset(out)


def _clusters(word: str):
    """Split a word where composition cannot reach across: before a character of combining
    class 0 that never composes with what precedes it. Yields (start, end)."""
    joins = _second_of_pair()
    start = 0
    for i in range(1, len(word)):
        c = word[i]
        if unicodedata.combining(c) == 0 and c not in joins:
            yield start, i
            start = i
    yield start, len(word)


def _compose(b: Builder, src: MappedText, a: int, z: int) -> None:
    """Append NFC of src.text[a:z], each composed character mapped to the first raw character
    of the cluster it came from and remembered as covering the whole cluster."""
    word = src.text[a:z]
    pieces = [(s, e, unicodedata.normalize("NFC", word[s:e])) for s, e in _clusters(word)]
    if "".join(p for _, _, p in pieces) != unicodedata.normalize("NFC", word):
        pieces = [(0, len(word), unicodedata.normalize("NFC", word))]   # safety: never a wrong text
    for s, e, n in pieces:
        if n == word[s:e]:
            b.copy(src, a + s, a + e)
            continue
        raw_start = src.origin[a + s]
        raw_end = src.origin[a + e - 1] + 1
        b.insert(n, raw_start)
        if raw_end - raw_start > 1:
            b.widen(raw_start, raw_end)


def normalize(raw: str) -> MappedText:
    """Return the text stages work on: NFC, CRLF and CR as LF, form feeds as line breaks,
    exotic spaces as spaces, invisible controls dropped; every character mapped to raw."""
    src = MappedText.identity(raw.replace("\r\n", " \n") if "\r\n" in raw else raw)
    # "\r\n" became " \n" (same length) so the map stays 1:1; the space is trailing and harmless.
    text = src.text
    for a, b in _SPACES:
        if a in text:
            text = text.replace(a, b)
    src = MappedText(text, src.origin)
    if _CONTROL.search(text):
        b = Builder()
        pos = 0
        for m in _CONTROL.finditer(text):
            b.copy(src, pos, m.start())
            pos = m.end()
        b.copy(src, pos, len(text))
        src = b.build(len(raw))
    if unicodedata.is_normalized("NFC", src.text):
        return src
    b = Builder()
    for m in _WORD.finditer(src.text):
        w = m.group()
        if unicodedata.is_normalized("NFC", w):
            b.copy(src, m.start(), m.end())
        else:
            _compose(b, src, m.start(), m.end())
    return b.build(len(raw))
