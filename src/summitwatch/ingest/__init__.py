"""Bytes in, ``Document`` out: one entry that chooses the reader by content."""
from __future__ import annotations

import errno
import hashlib
import importlib
import os
import stat

from ..model.document import Document
from .errors import InputError, printable
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


def file_kind(mode: int) -> str:
    """What a stat mode says a path is, in words."""
    for test, name in ((stat.S_ISREG, "regular file"), (stat.S_ISDIR, "directory"), (stat.S_ISFIFO, "FIFO (named pipe)"),
                       (stat.S_ISCHR, "character device"), (stat.S_ISBLK, "block device"),
                       (stat.S_ISSOCK, "socket")):
        if test(mode):
            return name
    return "special file"


def stat_input(path: str | os.PathLike) -> os.stat_result:
    """Stat an input without opening it: a FIFO must never be opened (the open would wait for a
    writer), so anything that is not a regular file is refused from its mode alone."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        if os.path.islink(path):
            raise InputError("is a symbolic link to a missing file") from None
        raise InputError("no such file") from None
    except OSError as e:
        if e.errno == errno.ELOOP:
            raise InputError("is a symbolic link loop (too many levels of symbolic links)") from None
        if e.errno == errno.EACCES:
            raise InputError("permission denied (a directory on its path cannot be searched)") from None
        if e.errno == errno.ENOTDIR:
            raise InputError("no such file (a part of its path is not a directory)") from None
        raise InputError(f"cannot be read ({e.strerror or e})") from None
    if not stat.S_ISREG(st.st_mode):
        raise InputError(f"is a {file_kind(st.st_mode)}, not a document")
    return st


def read_bytes(path: str | os.PathLike) -> bytes:
    """The file's bytes; InputError (a reason without the path) for anything else."""
    st = stat_input(path)
    if not os.access(path, os.R_OK):
        raise InputError("permission denied (the file is not readable)")
    if st.st_size > MAX_INPUT_BYTES:
        raise InputError(f"{st.st_size / 1e6:.0f} MB is too large; summitwatch reads files of up to "
                         f"{MAX_INPUT_BYTES // (1024 * 1024)} MB")
    try:
        # O_NONBLOCK: should the path have been swapped for a FIFO since the stat, the open
        # returns at once instead of waiting for a writer; fstat then refuses it.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except PermissionError:
        raise InputError("permission denied (the file is not readable)") from None
    except OSError as e:
        raise InputError(f"cannot be read ({e.strerror or e})") from None
    with os.fdopen(fd, "rb") as f:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise InputError(f"is a {file_kind(mode)}, not a document")
        try:
            data = f.read(MAX_INPUT_BYTES + 1)
        except OSError as e:
            raise InputError(f"cannot be read ({e.strerror or e})") from None
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(f"it grew beyond {MAX_INPUT_BYTES // (1024 * 1024)} MB while being read")
    return data


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
    try:
        doc = reader(data, doc_id=doc_id, source=source)
    except RecursionError:         # markup nested thousands deep: made to break readers
        raise InputError(f"the {kind.upper()} file nests its parts too deeply to be a document") from None
    note = name_warning(kind, source)
    if note:
        doc.warnings.insert(0, note)
    return doc


def load(path: str | os.PathLike, source: str | None = None, label: str | None = None) -> Document:
    """Read and decode one file; raises InputError "LABEL: reason" in one line. ``source`` is the
    name the export gives the document, ``label`` the name errors give it (both default to the
    file name; the analyse command labels errors with the path as given)."""
    name = os.path.basename(os.fsdecode(path))
    try:
        data = read_bytes(path)
        return load_bytes(data, source=source if source is not None else name)
    except InputError as e:
        raise InputError(f"{label if label is not None else printable(name)}: {e}") from None
