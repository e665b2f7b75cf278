"""HWPX (OWPML in a zip) -> canonical text: paragraphs, outline headings by style, tables,
footnotes and endnotes as the objects the format stores."""
from __future__ import annotations

import re
from xml.etree import ElementTree as ET

from ..model.document import DocMeta, Document
from .canon import Canon, one_line
from .errors import InputError
from .zipsafe import SafeZip, local

_OUTLINE_NAME = re.compile(r"^(?:개요|outline|제목|heading)\s*(\d)$", re.I)
_SECTION = re.compile(r"^Contents/section(\d+)\.xml$")
_SPACE_TAGS = {"tab", "lineBreak", "nbSpace", "fwSpace"}


def _header_levels(z: SafeZip) -> tuple[dict[str, int], dict[str, int]]:
    """(paraPr id -> level, style id -> level): outline headings of the document's styles."""
    if not z.has("Contents/header.xml"):
        return {}, {}
    root = z.xml("Contents/header.xml")
    para: dict[str, int] = {}
    for pp in root.iter():
        if local(pp.tag) != "paraPr":
            continue
        for h in pp:
            if local(h.tag) == "heading" and h.get("type") == "OUTLINE":
                level = h.get("level") or "0"
                if level.isdigit():
                    para[pp.get("id") or ""] = int(level) + 1
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
    return para, style


def _sections(z: SafeZip) -> list[str]:
    found = sorted((int(m.group(1)), n) for n in z.names if (m := _SECTION.match(n)))
    return [n for _, n in found]


class _Reader:
    def __init__(self, para_levels: dict[str, int], style_levels: dict[str, int]):
        self.para_levels = para_levels
        self.style_levels = style_levels
        self.notes: list[tuple[int, str]] = []

    def level(self, p: ET.Element) -> int | None:
        return self.para_levels.get(p.get("paraPrIDRef") or "") or self.style_levels.get(p.get("styleIDRef") or "")

    def note(self, el: ET.Element) -> str:
        n = len(self.notes) + 1
        texts = []
        for sub in el:
            if local(sub.tag) == "subList":
                texts += [self.inline(p, [], nested=True) for p in sub if local(p.tag) == "p"]
        body = one_line(" ".join(texts))
        body = re.sub(r"^[)\].:]\s*", "", body)        # the number's suffix when written as text
        self.notes.append((n, body))
        return str(n)

    def t_text(self, t: ET.Element, out: list[str]) -> None:
        out.append(t.text or "")
        for child in t:
            out.append(" " if local(child.tag) in _SPACE_TAGS else "")
            out.append(child.tail or "")

    def inline(self, p: ET.Element, tables: list, nested: bool = False) -> str:
        """A paragraph's text with note markers; its tables go to ``tables``."""
        out: list[str] = []

        def walk(el: ET.Element) -> None:
            for child in el:
                tag = local(child.tag)
                if tag == "t":
                    self.t_text(child, out)
                elif tag in ("footNote", "endNote"):
                    out.append(self.note(child))
                elif tag == "tbl":
                    tables.append(self.table(child))
                elif tag in ("run", "ctrl"):
                    walk(child)
                # autoNum, pictures, fields, line segment arrays: not text
        walk(p)
        return "".join(out)

    def table(self, tbl: ET.Element) -> list[list[str]]:
        rows = []
        for tr in tbl:
            if local(tr.tag) != "tr":
                continue
            cells = []
            for tc in tr:
                if local(tc.tag) != "tc":
                    continue
                parts = []
                for sub in tc:
                    if local(sub.tag) == "subList":
                        for p in sub:
                            if local(p.tag) == "p":
                                inner: list = []
                                parts.append(self.inline(p, inner))
                                for t in inner:              # a nested table: its text, row by row
                                    parts += [" ".join(r) for r in t]
                cells.append(" ".join(parts))
            rows.append(cells)
        return rows

    def section(self, root: ET.Element, canon: Canon) -> None:
        for p in root:
            if local(p.tag) != "p":
                continue
            tables: list = []
            text = self.inline(p, tables)
            level = self.level(p)
            if level:
                canon.heading(text, level)
            else:
                canon.paragraph(text)
            for rows in tables:
                canon.table(rows)


def _meta(z: SafeZip) -> DocMeta:
    if not z.has("Contents/content.hpf"):
        return DocMeta()
    meta = DocMeta()
    for el in z.xml("Contents/content.hpf").iter():
        tag = local(el.tag)
        if tag == "title" and (el.text or "").strip():
            meta.title = el.text.strip()
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
    reader = _Reader(*_header_levels(z))
    canon = Canon()
    for name in sections:
        reader.section(z.xml(name), canon)
    for n, body in reader.notes:
        canon.footnote(n, body)
    return canon.document(doc_id=doc_id, source=source, fmt="hwpx", meta=_meta(z))
