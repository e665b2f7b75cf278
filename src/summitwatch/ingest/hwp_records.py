"""HWP 5 records (Hancom's published format, version 5.0): the record stream, paragraph text
with its control characters, and the record tree that nests controls under paragraphs."""
from __future__ import annotations

import struct

from .errors import InputError

TAG_PARA_SHAPE = 25
TAG_STYLE = 26
TAG_DISTRIBUTE_DOC_DATA = 28
TAG_PARA_HEADER = 66
TAG_PARA_TEXT = 67
TAG_CTRL_HEADER = 71
TAG_LIST_HEADER = 72
TAG_SHAPE_COMPONENT = 76
TAG_TABLE = 77
TAG_OLE = 84
TAG_PICTURE = 85
TAG_EQEDIT = 88
TAG_CHART_DATA = 95
TAG_VIDEO_DATA = 98

# Parts that carry no text: what a reader skips is counted, by these names.
SKIPPED_PARTS = {TAG_PICTURE: "image(s)", TAG_OLE: "embedded OLE object(s)", TAG_CHART_DATA: "chart(s)",
                 TAG_VIDEO_DATA: "video(s)"}

_CHAR_CTRL = {0, 10, 13, 24, 25, 26, 27, 28, 29, 30, 31}     # one code unit
_EXTENDED = {1, 2, 3, 11, 12, 14, 15, 16, 17, 18, 21, 22, 23}  # eight code units, own a CTRL_HEADER
SLOT = "\ufffc"                                                 # where an extended control stood
MAX_DEPTH = 120        # tables in boxes in tables...: real documents nest a few dozen levels at most


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


def decode_text(payload: bytes) -> str:
    """Paragraph text with each extended control left as ``SLOT`` (in order)."""
    units = struct.unpack(f"<{len(payload) // 2}H", payload[: len(payload) // 2 * 2])
    out: list[str] = []
    i, n = 0, len(units)
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
                out.append(SLOT)
            elif c == 9:
                out.append(" ")
            i += 8
    text = "".join(out)
    # surrogate pairs come through as two code units: rejoin them
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


class Rec:
    """A record and the records nested under it (by the level each record states)."""
    __slots__ = ("tag", "level", "payload", "children")

    def __init__(self, tag: int, level: int, payload: bytes):
        self.tag, self.level, self.payload = tag, level, payload
        self.children: list[Rec] = []

    @property
    def ctrl_id(self) -> bytes:
        return self.payload[:4][::-1] if len(self.payload) >= 4 else b""

    def find(self, tag: int) -> "Rec | None":
        return next((c for c in self.children if c.tag == tag), None)

    def walk(self):
        yield self
        for c in self.children:
            yield from c.walk()


def tree(stream: bytes) -> list[Rec]:
    """The top-level records of a section stream, each holding its nested records."""
    roots: list[Rec] = []
    stack: list[Rec] = []
    for tag, level, payload in records(stream):
        if level > MAX_DEPTH:
            raise InputError(f"the HWP file is damaged (records nested {level} deep)")
        node = Rec(tag, level, payload)
        while stack and stack[-1].level >= level:
            stack.pop()
        (stack[-1].children if stack else roots).append(node)
        stack.append(node)
    return roots


def lists(node: Rec) -> list[tuple[Rec | None, list[Rec]]]:
    """The paragraph lists directly under ``node``: each LIST_HEADER with the paragraphs after it."""
    out: list[tuple[Rec | None, list[Rec]]] = []
    for c in node.children:
        if c.tag == TAG_LIST_HEADER:
            out.append((c, []))
        elif c.tag == TAG_PARA_HEADER:
            if not out:
                out.append((None, []))
            out[-1][1].append(c)
    return out


def utf16_field(payload: bytes, pos: int) -> tuple[str, int]:
    """A WORD length and that many UTF-16 code units; (text, position after it)."""
    if pos + 2 > len(payload):
        return "", len(payload)
    (n,) = struct.unpack_from("<H", payload, pos)
    pos += 2
    return payload[pos:pos + 2 * n].decode("utf-16-le", "replace"), pos + 2 * n


def equation_script(rec: Rec) -> str:
    """The script of an equation (EQEDIT: properties, then the script as a WORD-counted string)."""
    eq = next((r for r in rec.walk() if r.tag == TAG_EQEDIT), None)
    if eq is None:
        return ""
    return utf16_field(eq.payload, 4)[0].strip()
