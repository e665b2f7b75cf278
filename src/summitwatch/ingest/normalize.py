"""NFC normalisation and control-character clean-up that keep the map to raw offsets."""
from __future__ import annotations

import re
import unicodedata

from ..model.mapped import Builder, MappedText

# C0/C1 controls other than tab and newline; \r and \f are handled apart.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\u200b\u200e\u200f\u2028\u2029\ufeff]")
_SPACES = str.maketrans({"\t": " ", "\u00a0": " ", "\u3000": " ", "\u2002": " ", "\u2003": " ",
                         "\u2009": " ", "\f": "\n", "\r": "\n"})
_WORD = re.compile(r"\S+|\s+")


def normalize(raw: str) -> MappedText:
    """Return the text stages work on: NFC, CRLF and CR as LF, form feeds as line breaks,
    exotic spaces as spaces, invisible controls dropped; every character mapped to raw."""
    src = MappedText.identity(raw.replace("\r\n", " \n") if "\r\n" in raw else raw)
    # "\r\n" became " \n" (same length) so the map stays 1:1; the space is trailing and harmless.
    text = src.text.translate(_SPACES)
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
        n = unicodedata.normalize("NFC", w)
        if n == w:
            b.copy(src, m.start(), m.end())
        else:
            # composed characters all point at the start of the word they came from
            b.insert(n, src.origin[m.start()])
    return b.build(len(raw))
