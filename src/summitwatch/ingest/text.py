"""Plain text in any Korean encoding."""
from __future__ import annotations

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


def from_text(raw: str, *, doc_id: str, source: str, fmt: str = "text", encoding: str | None = None) -> Document:
    check_text_bounds(raw)
    text = normalize(raw)
    if not text.text.strip():
        # only blanks and invisible characters (BOMs, zero-width spaces, NBSP, ideographic spaces)
        raise InputError("the file holds no text (only blank or invisible characters)")
    doc = Document(id=doc_id, source=source, raw=raw, text=text, format=fmt, encoding=encoding)
    for what, n in dropped_controls(raw).items():
        doc.warnings.append(f"{n:,} {what} character{'s' if n > 1 else ''} dropped from the text")
    return doc


def load_text(data: bytes, *, doc_id: str, source: str) -> Document:
    if len(data) > 4 * MAX_TEXT_CHARS + 4:       # no encoding takes more than 4 bytes a character
        raise InputError(f"the text is {len(data) / 1e6:,.0f} MB, more than the {MAX_TEXT_CHARS:,} characters "
                         f"summitwatch reads")
    raw, enc = decode_bytes(data)
    return from_text(raw, doc_id=doc_id, source=source, encoding=enc)
