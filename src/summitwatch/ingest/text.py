"""Plain text in any Korean encoding."""
from __future__ import annotations

import re
import unicodedata

from ..model.document import Document
from .decode import decode_bytes
from .errors import InputError
from .limits import MAX_LINE_CHARS, MAX_TEXT_CHARS
from .normalize import dropped_controls, normalize


def check_text_bounds(raw: str) -> None:
    if len(raw) > MAX_TEXT_CHARS:
        raise InputError(f"the text is {len(raw):,} characters long; summitwatch reads documents of up to "
                         f"{MAX_TEXT_CHARS:,}")
    longest = max((len(line) for line in raw.split("\n")), default=0) if len(raw) > MAX_LINE_CHARS else 0
    if longest > MAX_LINE_CHARS:
        raise InputError(f"the text has a line of {longest:,} characters; this is not a document's text")
    if not raw.strip():
        raise InputError("the file holds no text")


_SURROGATE = re.compile(r"[\ud800-\udbff][\udc00-\udfff]|[\ud800-\udfff]")


def _surrogates(raw: str) -> tuple[str, int]:
    """Text extracted as UTF-16 code units (a PDF's text layer) may hold surrogates, which no
    UTF-8 output can carry. Without changing any offset: a pair becomes its character and a
    zero-width space (which normalisation drops), a lone one U+FFFD. Returns (text, lone count)."""
    lone = 0

    def fix(m):
        nonlocal lone
        s = m.group()
        if len(s) == 2:
            return s.encode("utf-16-le", "surrogatepass").decode("utf-16-le") + "\u200b"
        lone += 1
        return "\ufffd"

    return _SURROGATE.sub(fix, raw), lone


def _blank(text: str) -> bool:
    """Nothing but spaces and invisible format characters (joiners, word joiners, BOMs); stops
    at the first visible character, so it costs nothing on a real document."""
    for c in text:
        if not c.isspace() and unicodedata.category(c) != "Cf":
            return False
    return True


def from_text(raw: str, *, doc_id: str, source: str, fmt: str = "text", encoding: str | None = None) -> Document:
    check_text_bounds(raw)
    lone = 0
    if _SURROGATE.search(raw):
        raw, lone = _surrogates(raw)
    text = normalize(raw)
    if _blank(text.text):
        # only blanks and invisible characters (BOMs, zero-width spaces, NBSP, ideographic spaces)
        raise InputError("the file holds no text (only blank or invisible characters)")
    doc = Document(id=doc_id, source=source, raw=raw, text=text, format=fmt, encoding=encoding)
    for what, n in dropped_controls(raw).items():
        doc.warnings.append(f"{n:,} {what} character{'s' if n > 1 else ''} dropped from the text")
    if lone:
        doc.warnings.append(f"{lone:,} unpaired UTF-16 surrogate{'s' if lone > 1 else ''} replaced by U+FFFD")
    return doc


def load_text(data: bytes, *, doc_id: str, source: str) -> Document:
    if len(data) > 4 * MAX_TEXT_CHARS + 4:       # no encoding takes more than 4 bytes a character
        raise InputError(f"the text is {len(data) / 1e6:,.0f} MB, more than the {MAX_TEXT_CHARS:,} characters "
                         f"summitwatch reads")
    raw, enc = decode_bytes(data)
    return from_text(raw, doc_id=doc_id, source=source, encoding=enc)
