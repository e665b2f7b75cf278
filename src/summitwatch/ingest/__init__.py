"""Bytes in, ``Document`` out: one entry that chooses the reader by content."""
from __future__ import annotations

import hashlib
import importlib
import os
from pathlib import Path

from ..model.document import Document
from .errors import InputError
from .limits import MAX_INPUT_BYTES
from .sniff import name_warning, sniff

# format -> module.function(data, doc_id=, source=) -> Document
_READERS = {
    "text": "text:load_text",
    "pdf": "pdf:load_pdf",
    "hwpx": "hwpx:load_hwpx",
    "hwp": "hwp:load_hwp",
    "docx": "docx:load_docx",
    "html": "html:load_html",
}


def read_bytes(path: str | os.PathLike) -> bytes:
    p = Path(path)
    if not p.exists():
        raise InputError(f"{p}: no such file")
    if p.is_dir():
        raise InputError(f"{p}: is a directory, not a document")
    try:
        size = p.stat().st_size
        if size > MAX_INPUT_BYTES:
            raise InputError(f"{p}: {size / 1e6:.0f} MB is too large; summitwatch reads files of up to "
                             f"{MAX_INPUT_BYTES // (1024 * 1024)} MB")
        with p.open("rb") as f:
            return f.read(MAX_INPUT_BYTES + 1)
    except PermissionError:
        raise InputError(f"{p}: permission denied") from None
    except OSError as e:
        raise InputError(f"{p}: cannot be read ({e.strerror or e})") from None


def load_bytes(data: bytes, source: str = "<bytes>") -> Document:
    if not data or not data.strip():
        raise InputError("the file is empty")
    kind = sniff(data, source)
    module, func = _READERS[kind].split(":")
    try:
        reader = getattr(importlib.import_module(f"{__name__}.{module}"), func)
    except (ImportError, AttributeError):
        raise InputError(f"reading {kind.upper()} files is not supported yet") from None
    doc_id = hashlib.sha256(data).hexdigest()
    doc = reader(data, doc_id=doc_id, source=source)
    note = name_warning(kind, source)
    if note:
        doc.warnings.insert(0, note)
    return doc


def load(path: str | os.PathLike) -> Document:
    """Read and decode one file; raises InputError with a one-line reason."""
    data = read_bytes(path)
    try:
        return load_bytes(data, source=Path(path).name)
    except InputError as e:
        raise InputError(f"{Path(path).name}: {e}") from None
