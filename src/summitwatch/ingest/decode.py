"""Bytes to text: UTF-8 (BOM or not), UTF-16, CP949/EUC-KR and what charset-normalizer finds."""
from __future__ import annotations

import codecs

from .errors import InputError

_KOREAN_LEGACY = ("cp949",)   # cp949 is a superset of euc-kr


# bytes that are control characters in every encoding we read (tab, LF, VT, FF, CR and ESC aside)
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13, 27))
_TEXT_BYTES = bytes(b for b in range(256) if b not in _CONTROL_BYTES)


def _looks_binary(data: bytes) -> bool:
    """Judged on the whole file, so that a NUL byte means the same wherever it is: text with a
    few stray NULs is text (they are dropped and counted in the warnings), data full of
    them is not."""
    if not data:
        return False
    nul = data.count(0)
    if nul > len(data) * 0.01:
        return True
    ctrl = len(data.translate(None, _TEXT_BYTES))     # count of control bytes, at C speed
    return ctrl > len(data) * 0.05


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without BOM: every other byte is NUL for ASCII text, or the text is mostly Hangul."""
    if len(data) < 4 or len(data) % 2:
        return None
    head = data[:4096]
    even_nul = head[0::2].count(0) / max(1, len(head) // 2)
    odd_nul = head[1::2].count(0) / max(1, len(head) // 2)
    for enc, ok in (("utf-16-le", odd_nul > 0.3), ("utf-16-be", even_nul > 0.3)):
        if ok:
            try:
                text = data.decode(enc)
            except UnicodeDecodeError:
                return None
            return text if _plausible_text(text) else None
    return None


def _plausible_text(text: str) -> bool:
    """Decoded text with almost no control characters (binary data decodes to many)."""
    sample = text[:20000]
    bad = sum(1 for c in sample if (c < " " and c not in "\n\r\t\f") or "\ue000" <= c <= "\uf8ff")
    return bad <= len(sample) * 0.01


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Return (text, encoding name). Raises InputError for binary or undecodable input."""
    if not data.strip():
        raise InputError("the file is empty")
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                     (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError as e:
                raise InputError(f"the file starts with a {enc} byte-order mark but is not valid {enc} "
                                 f"(byte {e.start})") from None
    text = _utf16_without_bom(data)
    if text is not None:
        return text, "utf-16"
    if _looks_binary(data):
        raise InputError("the file is binary, not text (and not a PDF, HWP(X), DOCX or HTML document)")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as utf8_error:
        first_bad = utf8_error.start
    for enc in _KOREAN_LEGACY:
        try:
            return data.decode(enc), enc
        except UnicodeDecodeError:
            pass
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - a declared dependency
        best = None
    else:
        best = from_bytes(data[: 4 * 1024 * 1024]).best()
    if best is not None and best.encoding and best.chaos < 0.2:
        try:
            return data.decode(best.encoding), best.encoding
        except (UnicodeDecodeError, LookupError):
            pass
    raise InputError(f"the text is in no encoding summitwatch can read (not UTF-8, UTF-16 or CP949/EUC-KR; "
                     f"first bad byte at {first_bad})")
