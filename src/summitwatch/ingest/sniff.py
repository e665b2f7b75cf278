"""Which format a file is, judged from its content: the name never overrides it."""
from __future__ import annotations

import io
import zipfile

from .errors import InputError

_EXT = {".pdf": "pdf", ".hwpx": "hwpx", ".hwp": "hwp", ".docx": "docx", ".html": "html", ".htm": "html",
        ".txt": "text", ".text": "text", ".md": "text"}
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _zip_kind(data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            names = set(z.namelist())
            if "mimetype" in names:
                with z.open("mimetype") as f:      # read a few bytes only: the member may be a bomb
                    mt = f.read(64).strip()
                if mt.startswith(b"application/hwp") or mt.startswith(b"application/haansoft"):
                    return "hwpx"
            if "word/document.xml" in names:
                return "docx"
            if any(n.startswith("Contents/section") for n in names):
                return "hwpx"
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError):
        raise InputError("the file is a damaged or truncated zip container") from None
    raise InputError("the file is a zip archive but neither HWPX nor DOCX")


def sniff(data: bytes, name: str = "") -> str:
    """Return one of text, pdf, hwpx, hwp, docx, html."""
    head = data[:2048].lstrip()
    if data.startswith(b"%PDF-") or data[:1024].find(b"%PDF-") >= 0:
        kind = "pdf"
    elif data.startswith(b"PK\x03\x04"):
        kind = _zip_kind(data)
    elif data.startswith(_OLE):
        kind = "hwp"
    else:
        low = head.lower()
        for bom in (b"\xef\xbb\xbf",):
            if low.startswith(bom):
                low = low[len(bom):].lstrip()
        if low.startswith((b"<!doctype html", b"<html")) or (b"<html" in low[:1024] and b"</" in data[:65536].lower()):
            kind = "html"
        else:
            kind = "text"
    claimed = claimed_format(name)
    if kind == "text" and claimed in ("pdf", "hwpx", "hwp", "docx"):
        # no document format is recognised in the content: a damaged file, not a text
        raise InputError(f"the file is named .{name.rsplit('.', 1)[-1].lower()} but its content is not "
                         f"{claimed.upper()}")
    return kind


def claimed_format(name: str) -> str | None:
    ext = "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""
    return _EXT.get(ext)


def name_warning(kind: str, name: str) -> str | None:
    """A note for the export when the name says one format and the content is another."""
    claimed = claimed_format(name)
    if claimed and claimed != kind and not (claimed == "text" and kind == "html"):
        return (f"the file is named .{name.rsplit('.', 1)[-1].lower()} but its content is {kind.upper()}; "
                f"read as {kind.upper()}")
    return None
