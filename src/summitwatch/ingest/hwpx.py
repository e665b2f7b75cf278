"""HWPX (OWPML in a zip) -> canonical text: paragraphs, outline headings by style, tables (nested
ones in their cells, header rows as marked), footnotes and endnotes as the objects the format
stores, text boxes and drawing objects, equations as their script, headers and footers apart.
Pictures and OLE objects are counted in the warnings."""
from __future__ import annotations

import re
from xml.etree import ElementTree as ET

from ..model.document import DocMeta, Document
from .canon import Canon, TableSpec, flatten, marker, meta_text, one_line
from .errors import InputError
from .zipsafe import SafeZip, local

_OUTLINE_NAME = re.compile(r"^(?:개요|outline|제목|heading)\s*(\d)$", re.I)
_SECTION = re.compile(r"^Contents/section(\d+)\.xml$")
_SPACE_TAGS = {"tab", "lineBreak", "nbSpace", "fwSpace"}


def _header_levels(z: SafeZip) -> tuple[dict[str, int], dict[str, int], dict[str, int]]:
    """(paraPr id -> level, style id -> level): outline headings of the document's styles;
    paraPr id -> level of numbered and bulleted list items."""
    if not z.has("Contents/header.xml"):
        return {}, {}, {}
    root = z.xml("Contents/header.xml")
    para: dict[str, int] = {}
    lists: dict[str, int] = {}
    for pp in root.iter():
        if local(pp.tag) != "paraPr":
            continue
        for h in pp:
            level = h.get("level") or "0"
            if local(h.tag) == "heading" and level.isdigit():
                if h.get("type") == "OUTLINE":
                    para[pp.get("id") or ""] = int(level) + 1
                elif h.get("type") in ("NUMBER", "BULLET"):
                    lists[pp.get("id") or ""] = int(level) + 1
    style: dict[str, int] = {}
    for st in root.iter():
        if local(st.tag) != "style":
            continue
        for name in (st.get("name") or "", st.get("engName") or ""):
            m = _OUTLINE_NAME.match(name.strip())
            if m:
                style[st.get("id") or ""] = int(m.group(1))
                break
        else:
            if (st.get("paraPrIDRef") or "") in para:
                style[st.get("id") or ""] = para[st.get("paraPrIDRef")]
    return para, style, lists


def _sections(z: SafeZip) -> list[str]:
    found = sorted((int(m.group(1)), n) for n in z.names if (m := _SECTION.match(n)))
    return [n for _, n in found]


_SHAPES = {"rect", "ellipse", "arc", "polygon", "curve", "connectLine", "container", "textart", "line"}
_SKIPPED = {"pic": "image(s)", "ole": "embedded OLE object(s)", "video": "video(s)", "chart": "chart(s)"}
_FURNITURE = {"header": "page_header", "footer": "page_footer"}


class _Reader:
    def __init__(self, para_levels: dict[str, int], style_levels: dict[str, int], list_levels: dict[str, int],
                 canon: Canon):
        self.para_levels = para_levels
        self.list_levels = list_levels
        self.style_levels = style_levels
        self.canon = canon
        self.notes: list[tuple[int, str]] = []

    def level(self, p: ET.Element) -> int | None:
        return self.para_levels.get(p.get("paraPrIDRef") or "") or self.style_levels.get(p.get("styleIDRef") or "")

    def sublists(self, el: ET.Element) -> list:
        """Texts and tables of the paragraphs in every subList under ``el`` (not inside a table)."""
        items: list = []
        for child in el:
            tag = local(child.tag)
            if tag == "subList":
                for p in child:
                    if local(p.tag) == "p":
                        text, after = self.inline(p)
                        items.append(text)
                        items += after
            elif tag != "tbl":
                items += self.sublists(child)
        return items

    def note(self, el: ET.Element) -> str:
        body = one_line(" ".join(flatten(self.sublists(el))))
        body = re.sub(r"^[)\].:]\s*", "", body)        # the number's suffix when written as text
        if not body:
            return ""
        n = len(self.notes) + 1
        self.notes.append((n, body))
        self.canon.footnote(n, body)                   # known now: a table holding its marker places it
        return marker(n)

    def t_text(self, t: ET.Element, out: list[str]) -> None:
        out.append(t.text or "")
        for child in t:
            out.append(" " if local(child.tag) in _SPACE_TAGS else "")
            out.append(child.tail or "")

    def inline(self, p: ET.Element) -> tuple[str, list]:
        """A paragraph's text with note markers and equation scripts in place, and what follows
        it: its tables (TableSpec) and the paragraphs of its boxes, in order."""
        out: list[str] = []
        after: list = []

        def walk(el: ET.Element) -> None:
            for child in el:
                tag = local(child.tag)
                if tag == "t":
                    self.t_text(child, out)
                elif tag in ("footNote", "endNote"):
                    out.append(self.note(child))
                elif tag == "tbl":
                    after.append(self.table(child))
                elif tag in ("run", "ctrl"):
                    walk(child)
                elif tag in _FURNITURE:
                    self.canon.furniture(" ".join(flatten(self.sublists(child))), _FURNITURE[tag])
                elif tag == "equation":
                    script = next((x.text for x in child.iter() if local(x.tag) == "script"), None) or ""
                    out.append(f" {one_line(script)} " if script.strip() else "")
                elif tag in _SKIPPED:
                    self.canon.skipped[_SKIPPED[tag]] += 1
                    after.extend(self.sublists(child))           # a caption
                elif tag in _SHAPES:
                    for x in child.iter():
                        if local(x.tag) in _SKIPPED:
                            self.canon.skipped[_SKIPPED[local(x.tag)]] += 1
                    after.extend(self.sublists(child))
                # autoNum, fields, line segment arrays: not text
        walk(p)
        return "".join(out), after

    def table(self, tbl: ET.Element) -> TableSpec:
        rows: dict[int, list] = {}
        header_rows: set[int] = set()
        caption: list = []
        for k, tr in enumerate(x for x in tbl if local(x.tag) == "tr"):
            for j, tc in enumerate(x for x in tr if local(x.tag) == "tc"):
                addr = next((x for x in tc if local(x.tag) == "cellAddr"), None)
                r = int(addr.get("rowAddr") or k) if addr is not None and (addr.get("rowAddr") or "").isdigit() else k
                c = int(addr.get("colAddr") or j) if addr is not None and (addr.get("colAddr") or "").isdigit() else j
                rows.setdefault(r, []).append((c, self.sublists(tc)))
                if tc.get("header") in ("1", "true"):
                    header_rows.add(r)
        for x in tbl:
            if local(x.tag) == "caption":
                caption += self.sublists(x)
        grid = [[items for _, items in sorted(rows[r], key=lambda x: x[0])] for r in sorted(rows)]
        lead = 0
        while lead in header_rows and lead < len(grid) - 1:
            lead += 1
        return TableSpec(rows=grid, header_rows=lead, caption=" ".join(flatten(caption)) or None)

    def section(self, root: ET.Element) -> None:
        canon = self.canon
        for p in root:
            if local(p.tag) != "p":
                continue
            text, after = self.inline(p)
            level = self.level(p)
            if level:
                canon.heading(text, level)
            elif (p.get("paraPrIDRef") or "") in self.list_levels:
                canon.list_item(text, self.list_levels[p.get("paraPrIDRef")])
            else:
                canon.paragraph(text)
            for item in after:
                if isinstance(item, TableSpec):
                    canon.table(item.rows, caption=item.caption, header_rows=item.header_rows)
                else:
                    canon.paragraph(item)


def _meta(z: SafeZip) -> DocMeta:
    if not z.has("Contents/content.hpf"):
        return DocMeta()
    meta = DocMeta()
    for el in z.xml("Contents/content.hpf").iter():
        tag = local(el.tag)
        if tag == "title" and meta_text(el.text):
            meta.title = meta_text(el.text)
        elif tag == "meta":
            name, val = (el.get("name") or "").lower(), (el.text or el.get("content") or "").strip()
            if name == "creator" and val and val != "text":
                meta.author = val
            elif name in ("createddate", "modifieddate") and not meta.date:
                m = re.match(r"^(\d{4}-\d{2}-\d{2})", val)
                meta.date = m.group(1) if m else None
    return meta


def load_hwpx(data: bytes, *, doc_id: str, source: str) -> Document:
    z = SafeZip(data, "HWPX")
    sections = _sections(z)
    if not sections:
        raise InputError("the HWPX file has no Contents/section*.xml")
    canon = Canon()
    canon.native = True
    reader = _Reader(*_header_levels(z), canon)
    for name in sections:
        reader.section(z.xml(name))
    return canon.document(doc_id=doc_id, source=source, fmt="hwpx", meta=_meta(z))
