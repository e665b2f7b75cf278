"""HWP 5 section records -> canonical text: body paragraphs with outline headings, tables
(nested ones in their cells), footnotes and endnotes linked to their markers (in cells too),
text boxes and drawing-object text, equations as their script, headers and footers apart."""
from __future__ import annotations

import struct

from .canon import Canon, TableSpec, flatten, marker, one_line
from .hwp_records import (SKIPPED_PARTS, SLOT, TAG_CTRL_HEADER, TAG_LIST_HEADER, TAG_PARA_HEADER,
                          TAG_PARA_TEXT, TAG_SHAPE_COMPONENT, TAG_TABLE, Rec, decode_text, equation_script,
                          lists)

_NOTES = {b"fn  ", b"en  "}
_FURNITURE = {b"head": "page_header", b"foot": "page_footer"}


class SectionReader:
    def __init__(self, canon: Canon, style_levels: dict[int, int], shape_levels: dict[int, int],
                 list_levels: dict[int, int] | None = None):
        self.canon = canon
        self.list_levels = list_levels or {}   # paragraph shape id -> list item level
        self.style_levels = style_levels       # style id -> outline level
        self.shape_levels = shape_levels       # paragraph shape id -> outline level
        self.notes: list[tuple[int, str]] = []

    # ---- paragraphs
    def level(self, p: Rec) -> int | None:
        pl = p.payload
        style = pl[10] if len(pl) > 10 else 0
        shape = struct.unpack_from("<H", pl, 8)[0] if len(pl) >= 10 else -1
        return self.style_levels.get(style) or self.shape_levels.get(shape)

    def para(self, p: Rec) -> tuple[str, list]:
        """A paragraph's text (note markers and equations in place) and what follows it: its
        tables (TableSpec) and the paragraphs of its text boxes (str), in order."""
        t = p.find(TAG_PARA_TEXT)
        text = decode_text(t.payload) if t is not None else ""
        ctrls = [c for c in p.children if c.tag == TAG_CTRL_HEADER]
        after: list = []
        parts = text.split(SLOT)
        out = [parts[0]]
        for k, rest in enumerate(parts[1:]):
            if k < len(ctrls):
                out.append(self.ctrl(ctrls[k], after))
            out.append(rest)
        for c in ctrls[len(parts) - 1:]:           # controls without a character in the text
            self.ctrl(c, after)
        return "".join(out), after

    def flow(self, paras: list[Rec]) -> list:
        """Paragraphs of a list (a cell, a box): their texts and tables, in order."""
        items: list = []
        for p in paras:
            text, after = self.para(p)
            items.append(text)
            items += after
        return items

    # ---- controls
    def ctrl(self, c: Rec, after: list) -> str:
        cid = c.ctrl_id
        if cid in _NOTES:
            body = " ".join(flatten(self.flow([p for _, ps in lists(c) for p in ps])))
            if not body:
                return ""                              # an empty note: no marker to link
            n = len(self.notes) + 1
            self.notes.append((n, body))
            self.canon.footnote(n, body)               # known now: a table holding its marker places it
            return marker(n)
        if cid == b"tbl ":
            after.append(self.table(c))
        elif cid == b"gso ":
            self.shape(c, after)
        elif cid == b"eqed":
            script = equation_script(c)
            return f" {script} " if script else ""
        elif cid in _FURNITURE:
            text = " ".join(flatten(self.flow([p for _, ps in lists(c) for p in ps])))
            self.canon.furniture(text, _FURNITURE[cid])
        elif cid == b"secd":                           # the section's master pages (바탕쪽)
            self.count_skipped(c)
            self.master_pages(c)
        elif cid == b"tcmt":                           # a hidden comment: its text after the paragraph
            after += self.flow([p for _, ps in lists(c) for p in ps])
        else:
            self.count_skipped(c)
        return ""

    def master_pages(self, node: Rec) -> None:
        """The paragraph lists of master pages (drawn on every page, like a header): page furniture,
        kept apart from the body. They hang under the section definition, and a section may
        keep more of them after its last paragraph."""
        for head, paras in lists(node):
            if head is not None:
                self.canon.furniture(" ".join(flatten(self.flow(paras))), "master_page")

    def count_skipped(self, node: Rec) -> None:
        for r in _outside_paragraphs(node):
            if r.tag in SKIPPED_PARTS:
                self.canon.skipped[SKIPPED_PARTS[r.tag]] += 1

    def shape(self, c: Rec, after: list) -> None:
        """A drawing object: its caption and the text of every box in it (groups included)."""
        self.count_skipped(c)
        for _, paras in lists(c):                      # the caption
            after += self.flow(paras)
        for r in _outside_paragraphs(c):
            if r.tag == TAG_SHAPE_COMPONENT:
                for _, paras in lists(r):
                    after += self.flow(paras)

    def table(self, c: Rec) -> TableSpec:
        tbl = c.find(TAG_TABLE)
        caption: list = []
        cells: list[tuple[tuple[int, int] | None, list]] = []
        pos = {id(x): k for k, x in enumerate(c.children)}
        at_table = pos[id(tbl)] if tbl is not None else None
        for head, paras in lists(c):
            # lists before the TABLE record are the caption; a table without one has only a caption
            if at_table is None or (head is not None and pos[id(head)] < at_table):
                caption += self.flow(paras)
                continue
            addr = struct.unpack_from("<HH", head.payload, 8) if head is not None and len(head.payload) >= 12 else None
            cells.append(((addr[1], addr[0]) if addr else None, self.flow(paras)))
        ncols = struct.unpack_from("<H", tbl.payload, 6)[0] if tbl is not None and len(tbl.payload) >= 8 else 0
        if cells and all(a is not None for a, _ in cells):
            rows: dict[int, list] = {}
            for (r, col), items in cells:
                rows.setdefault(r, []).append((col, items))
            grid = [[items for _, items in sorted(rows[r], key=lambda x: x[0])] for r in sorted(rows)]
        else:
            width = ncols or len(cells) or 1
            flat = [items for _, items in cells]
            grid = [flat[i:i + width] for i in range(0, len(flat), width)]
        cap = " ".join(flatten(caption)) or None
        # no header rows: the table's "repeat header" property says nothing about which rows label
        # the columns (the same press release as HWPX marks no header cell in tables that have it)
        return TableSpec(rows=grid, caption=cap)

    # ---- the body
    def body(self, roots: list[Rec]) -> None:
        for p in roots:
            if p.tag != TAG_PARA_HEADER:
                continue
            text, after = self.para(p)
            self.master_pages(p)
            lv = self.level(p)
            shape = struct.unpack_from("<H", p.payload, 8)[0] if len(p.payload) >= 10 else -1
            if lv:
                self.canon.heading(text, lv)
            elif shape in self.list_levels:
                self.canon.list_item(text, self.list_levels[shape])
            else:
                self.canon.paragraph(text)
            for item in after:
                if isinstance(item, TableSpec):
                    self.canon.table(item.rows, caption=item.caption, header_rows=item.header_rows)
                else:
                    self.canon.paragraph(item)


def _outside_paragraphs(node: Rec):
    """Records under ``node`` that do not belong to a paragraph (those are read as text)."""
    for c in node.children:
        if c.tag in (TAG_PARA_HEADER, TAG_LIST_HEADER):
            continue
        yield c
        yield from _outside_paragraphs(c)
