"""HWP 5 (OLE compound file) -> canonical text, read with olefile and zlib.

A minimal, honest reader of the records that carry text (HWP 5.0 format, Hancom's published
specification): body paragraphs (HWPTAG_PARA_TEXT), outline headings by style name
(HWPTAG_STYLE "개요 N"), tables ("tbl " controls, cell by cell) and footnotes/endnotes
("fn  "/"en  " controls, linked to the marker their extended control character leaves in the
text). Headers, footers, text boxes and pictures are skipped.
"""
from __future__ import annotations

import io
import re
import struct
import zlib

from ..model.document import DocMeta, Document
from .canon import Canon, one_line
from .errors import InputError
from .limits import MAX_MEMBER_BYTES, MAX_UNPACKED_BYTES

TAG_STYLE = 26
TAG_PARA_HEADER = 66
TAG_PARA_TEXT = 67
TAG_CTRL_HEADER = 71
TAG_LIST_HEADER = 72
TAG_TABLE = 77

_CHAR_CTRL = {0, 10, 13, 24, 25, 26, 27, 28, 29, 30, 31}     # one code unit
_EXTENDED = {1, 2, 3, 11, 12, 14, 15, 16, 17, 18, 21, 22, 23}  # eight code units, own a CTRL_HEADER
_OUTLINE = re.compile(r"^(?:개요|outline|제목|heading)\s*(\d)$", re.I)
_NOTE_IDS = {b"fn  ": "footnote", b"en  ": "endnote"}


def _ctrl_id(payload: bytes) -> bytes:
    return payload[:4][::-1] if len(payload) >= 4 else b""


def records(data: bytes):
    """(tag, level, payload) of every record in a decompressed stream."""
    pos, end = 0, len(data)
    while pos + 4 <= end:
        (h,) = struct.unpack_from("<I", data, pos)
        pos += 4
        tag, level, size = h & 0x3FF, (h >> 10) & 0x3FF, (h >> 20) & 0xFFF
        if size == 0xFFF:
            if pos + 4 > end:
                raise InputError("the HWP file is damaged (a record is cut short)")
            (size,) = struct.unpack_from("<I", data, pos)
            pos += 4
        if pos + size > end:
            raise InputError("the HWP file is damaged (a record runs past its stream)")
        yield tag, level, data[pos:pos + size]
        pos += size


def _decode_text(payload: bytes) -> tuple[str, int]:
    """Paragraph text with each extended control left as U+FFFC (in order); count of those."""
    units = struct.unpack(f"<{len(payload) // 2}H", payload[: len(payload) // 2 * 2])
    out: list[str] = []
    i, n, ext = 0, len(units), 0
    while i < n:
        c = units[i]
        if c >= 32:
            out.append(chr(c))
            i += 1
        elif c in _CHAR_CTRL:
            out.append(" " if c in (10, 24, 30, 31) else "")
            i += 1
        else:
            if c in _EXTENDED:
                out.append("\ufffc")
                ext += 1
            elif c == 9:
                out.append(" ")
            i += 8
    text = "".join(out)
    # surrogate pairs come through as two code units: rejoin them
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace"), ext


class _Para:
    __slots__ = ("level", "style", "text", "ctrls")

    def __init__(self, level: int, style: int):
        self.level, self.style, self.text, self.ctrls = level, style, "", []


class _Reader:
    def __init__(self, styles: dict[int, int]):
        self.styles = styles                         # style id -> outline level
        self.canon = Canon()
        self.notes: list[dict] = []
        # stack of open containers: (record level, kind, object)
        self.stack: list[list] = []
        self.body_para: _Para | None = None

    def _close_to(self, level: int) -> None:
        while self.stack and self.stack[-1][0] >= level:
            self._finish(self.stack.pop())

    def _finish(self, item: list) -> None:
        level, kind, obj = item
        if kind == "para" and obj is self.body_para:
            self._emit_body(obj)
            self.body_para = None

    def _emit_body(self, p: _Para) -> None:
        text, tables = self._resolve(p)
        lv = self.styles.get(p.style)
        if lv:
            self.canon.heading(text, lv)
        else:
            self.canon.paragraph(text)
        for rows in tables:
            self.canon.table(rows)

    def _resolve(self, p: _Para) -> tuple[str, list]:
        """Put note markers where their control characters were; collect the paragraph's tables."""
        parts = p.text.split("\ufffc")
        out = [parts[0]]
        tables = []
        for k, rest in enumerate(parts[1:]):
            ctrl = p.ctrls[k] if k < len(p.ctrls) else None
            if ctrl is not None and ctrl[0] == "note":
                out.append(str(ctrl[1]["n"]))
            out.append(rest)
        for ctrl in p.ctrls:
            if ctrl[0] == "table":
                tables.append(_table_rows(ctrl[1]))
        return "".join(out), tables

    def _owner(self):
        """The innermost open container that is not a paragraph: what a new paragraph belongs to."""
        for level, kind, obj in reversed(self.stack):
            if kind != "para":
                return kind, obj
        return None, None

    def feed(self, tag: int, level: int, payload: bytes) -> None:
        self._close_to(level)
        if tag == TAG_PARA_HEADER:
            style = payload[10] if len(payload) > 10 else 0
            p = _Para(level, style)
            kind, owner = self._owner()
            if kind is None and level == 0:
                self.body_para = p
            elif kind == "note":
                owner["paras"].append(p)
            elif kind == "table":
                if not owner["cells"]:
                    owner["cells"].append([])
                owner["cells"][-1].append(p)
            self.stack.append([level, "para", p])
        elif tag == TAG_PARA_TEXT:
            p = self._innermost_para()
            if p is not None:
                p.text, _ = _decode_text(payload)
        elif tag == TAG_CTRL_HEADER:
            p = self._innermost_para()
            cid = _ctrl_id(payload)
            if cid in _NOTE_IDS:
                note = {"n": len(self.notes) + 1, "paras": []}
                self.notes.append(note)
                entry = ("note", note)
                self.stack.append([level, "note", note])
            elif cid == b"tbl ":
                table = {"cells": [], "cols": 0, "addr": []}
                entry = ("table", table)
                self.stack.append([level, "table", table])
            else:
                entry = ("other", None)
                self.stack.append([level, "other", None])
            if p is not None:
                p.ctrls.append(entry)
        elif tag == TAG_TABLE:
            kind, owner = self._owner()
            if kind == "table" and len(payload) >= 8:
                owner["cols"] = struct.unpack_from("<H", payload, 6)[0]
        elif tag == TAG_LIST_HEADER:
            kind, owner = self._owner()
            if kind == "table":
                owner["cells"].append([])
                if len(payload) >= 12:
                    col, row = struct.unpack_from("<HH", payload, 8)
                    owner["addr"].append((row, col))

    def _innermost_para(self) -> _Para | None:
        for level, kind, obj in reversed(self.stack):
            if kind == "para":
                return obj
            break
        return None

    def finish(self) -> None:
        self._close_to(0)


def _note_text(note: dict) -> str:
    return one_line(" ".join(_plain(p) for p in note["paras"]))


def _plain(p: _Para) -> str:
    return p.text.replace("\ufffc", "")


def _table_rows(table: dict) -> list[list[str]]:
    cells = [one_line(" ".join(_plain(p) for p in c)) for c in table["cells"]]
    addr = table["addr"]
    if len(addr) == len(cells) and addr:
        rows: dict[int, list[tuple[int, str]]] = {}
        for (r, c), text in zip(addr, cells):
            rows.setdefault(r, []).append((c, text))
        return [[t for _, t in sorted(rows[r])] for r in sorted(rows)]
    cols = table["cols"] or len(cells) or 1
    return [cells[i:i + cols] for i in range(0, len(cells), cols)]


class _Stream:
    """OLE streams, decompressed with a cap (a small stream can inflate enormously)."""

    def __init__(self, ole, compressed: bool):
        self.ole, self.compressed, self.total = ole, compressed, 0

    def read(self, path: str) -> bytes:
        try:
            raw = self.ole.openstream(path).read()
        except Exception as e:
            raise InputError(f"the HWP file is damaged ({path}: {e})") from None
        if not self.compressed:
            return raw
        cap = min(MAX_MEMBER_BYTES, MAX_UNPACKED_BYTES - self.total)
        d = zlib.decompressobj(-15)
        try:
            out = d.decompress(raw, cap)
        except zlib.error as e:
            raise InputError(f"the HWP file is damaged ({path} does not decompress: {e})") from None
        if d.unconsumed_tail:
            raise InputError(f"the HWP file's {path} unpacks beyond {cap // (1024 * 1024)} MB; refused")
        self.total += len(out)
        return out


def _styles(stream: _Stream, ole) -> dict[int, int]:
    if not ole.exists("DocInfo"):
        return {}
    styles: dict[int, int] = {}
    sid = 0
    for tag, _level, payload in records(stream.read("DocInfo")):
        if tag != TAG_STYLE:
            continue
        names = []
        pos = 0
        for _ in range(2):                          # local name, then English name
            if pos + 2 > len(payload):
                break
            (n,) = struct.unpack_from("<H", payload, pos)
            pos += 2
            names.append(payload[pos:pos + 2 * n].decode("utf-16-le", "replace"))
            pos += 2 * n
        for name in names:
            m = _OUTLINE.match(name.strip())
            if m:
                styles[sid] = int(m.group(1))
                break
        sid += 1
    return styles


def _sections(ole) -> list[str]:
    found = []
    for entry in ole.listdir(streams=True, storages=False):
        if len(entry) == 2 and entry[0] == "BodyText" and entry[1].startswith("Section"):
            num = entry[1][len("Section"):]
            if num.isdigit():
                found.append((int(num), "BodyText/" + entry[1]))
    return [p for _, p in sorted(found)]


def _summary(ole) -> DocMeta:
    """Title, author and creation date from the HwpSummaryInformation property set."""
    meta = DocMeta()
    try:
        if ole.exists("\x05HwpSummaryInformation"):
            props = ole.getproperties("\x05HwpSummaryInformation", convert_time=True)
            title, author, created = props.get(2), props.get(4), props.get(12)
            meta.title = one_line(title) if isinstance(title, str) and title.strip() else None
            meta.author = one_line(author) if isinstance(author, str) and author.strip() else None
            if hasattr(created, "year") and 1990 <= created.year <= 2100:
                meta.date = created.strftime("%Y-%m-%d")
    except Exception:  # metadata is optional; a damaged property set must not stop the text
        pass
    return meta


def load_hwp(data: bytes, *, doc_id: str, source: str) -> Document:
    try:
        import olefile
    except ImportError:  # pragma: no cover - a declared dependency
        raise InputError("reading HWP files needs the olefile package") from None
    try:
        ole = olefile.OleFileIO(io.BytesIO(data))
    except Exception as e:
        raise InputError(f"the HWP file is damaged or truncated ({e})") from None
    try:
        if not ole.exists("FileHeader"):
            raise InputError("the file is an OLE compound document but not HWP (no FileHeader)")
        header = ole.openstream("FileHeader").read()
        if not header.startswith(b"HWP Document File"):
            raise InputError("the file is an OLE compound document but not HWP 5")
        (flags,) = struct.unpack_from("<I", header, 36) if len(header) >= 40 else (0,)
        if flags & 0x2:
            raise InputError("the HWP file is password-protected")
        if flags & 0x4:
            raise InputError("the HWP file is a distribution document (배포용 문서) whose text is encrypted")
        stream = _Stream(ole, compressed=bool(flags & 0x1))
        reader = _Reader(_styles(stream, ole))
        sections = _sections(ole)
        if not sections:
            raise InputError("the HWP file has no BodyText sections")
        for path in sections:
            for rec in records(stream.read(path)):
                reader.feed(*rec)
            reader.finish()
        meta = _summary(ole)
    finally:
        ole.close()
    for note in reader.notes:
        reader.canon.footnote(note["n"], _note_text(note))
    return reader.canon.document(doc_id=doc_id, source=source, fmt="hwp", meta=meta)
