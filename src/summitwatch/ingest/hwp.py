"""HWP 5 (OLE compound file) -> canonical text, read with olefile and zlib.

The records that carry text (HWP 5.0 format, Hancom's published specification) are read into
their tree (``hwp_records``) and written out by ``hwp_body``: body paragraphs, outline headings
by style or paragraph shape, tables with nested tables, footnotes and endnotes, text boxes and
drawing objects, equations, headers and footers. Distribution documents (배포용) are decrypted
with the key their own ViewText streams carry (``hwp_crypt``); password-protected files are
refused. Pictures, OLE objects and sections that cannot be read are counted in the warnings.
"""
from __future__ import annotations

import io
import re
import struct
import zlib

from ..model.document import DocMeta, Document
from .canon import Canon, meta_text
from .errors import InputError
from .hwp_body import SectionReader
from .hwp_crypt import decrypt_view_text
from .hwp_records import TAG_PARA_SHAPE, TAG_STYLE, records, tree, utf16_field
from .limits import MAX_MEMBER_BYTES, MAX_UNPACKED_BYTES

_OUTLINE = re.compile(r"^(?:개요|outline|제목|heading)\s*(\d)$", re.I)
# records() is re-exported for tools that walk a section's records
__all__ = ["load_hwp", "records"]


class _Stream:
    """OLE streams, decompressed with a cap (a small stream can inflate enormously)."""

    def __init__(self, ole, compressed: bool):
        self.ole, self.compressed, self.total = ole, compressed, 0

    def raw(self, path: str) -> bytes:
        try:
            return self.ole.openstream(path).read()
        except Exception as e:
            raise InputError(f"the HWP file is damaged ({path}: {e})") from None

    def inflate(self, raw: bytes, path: str) -> bytes:
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

    def read(self, path: str) -> bytes:
        return self.inflate(self.raw(path), path)


def _levels(stream: _Stream, ole) -> tuple[dict[int, int], dict[int, int], dict[int, int]]:
    """(style id -> outline level by the style's name, paragraph shape id -> outline level,
    paragraph shape id -> level of a numbered or bulleted list item)."""
    if not ole.exists("DocInfo"):
        return {}, {}, {}
    styles: dict[int, int] = {}
    shapes: dict[int, int] = {}
    lists: dict[int, int] = {}
    sid = shid = 0
    for tag, _level, payload in records(stream.read("DocInfo")):
        if tag == TAG_PARA_SHAPE:
            if len(payload) >= 4:
                (attr,) = struct.unpack_from("<I", payload, 0)
                kind, level = (attr >> 23) & 0x3, ((attr >> 25) & 0x7) + 1
                if kind == 1:                                  # heading type: outline
                    shapes[shid] = level
                elif kind in (2, 3):                           # numbered or bulleted paragraph
                    lists[shid] = level
            shid += 1
        elif tag == TAG_STYLE:
            local, pos = utf16_field(payload, 0)
            english, _ = utf16_field(payload, pos)
            for name in (local, english):
                m = _OUTLINE.match(name.strip())
                if m:
                    styles[sid] = int(m.group(1))
                    break
            sid += 1
    return styles, shapes, lists


def _sections(ole, storage: str) -> list[str]:
    found = []
    for entry in ole.listdir(streams=True, storages=False):
        if len(entry) == 2 and entry[0] == storage and entry[1].startswith("Section"):
            num = entry[1][len("Section"):]
            if num.isdigit():
                found.append((int(num), f"{storage}/{entry[1]}"))
    return [p for _, p in sorted(found)]


def _summary(ole) -> DocMeta:
    """Title, author and creation date from the HwpSummaryInformation property set."""
    meta = DocMeta()
    try:
        if ole.exists("\x05HwpSummaryInformation"):
            props = ole.getproperties("\x05HwpSummaryInformation", convert_time=True)
            meta.title, meta.author = meta_text(props.get(2)), meta_text(props.get(4))
            created = props.get(12)
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
        stream = _Stream(ole, compressed=bool(flags & 0x1))
        distributed = bool(flags & 0x4)
        if distributed and not _sections(ole, "ViewText"):
            raise InputError("the HWP file is a distribution document (배포용 문서) without its ViewText "
                             "sections; it is damaged")
        sections = _sections(ole, "ViewText" if distributed else "BodyText")
        if not sections:
            raise InputError("the HWP file has no BodyText sections")
        canon = Canon()
        canon.native = True
        reader = SectionReader(canon, *_levels(stream, ole))
        failed: list[InputError] = []
        for path in sections:
            try:
                raw = stream.raw(path)
                if distributed:
                    raw = decrypt_view_text(raw, path)
                roots = tree(stream.inflate(raw, path))
            except InputError as e:
                if "beyond" in str(e):
                    raise
                failed.append(e)                     # one unreadable section: count it, read the rest
                canon.skipped["unreadable section stream(s)"] += 1
                continue
            reader.body(roots)
        if failed and len(failed) == len(sections):
            raise failed[0]
        meta = _summary(ole)
    finally:
        ole.close()
    return canon.document(doc_id=doc_id, source=source, fmt="hwp", meta=meta)
