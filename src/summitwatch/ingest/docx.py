"""DOCX -> canonical text: paragraphs, heading styles, tables, footnotes and endnotes as objects."""
from __future__ import annotations

import re
from xml.etree import ElementTree as ET

from ..model.document import DocMeta, Document
from .canon import Canon, TableSpec, marker
from .errors import InputError
from .zipsafe import SafeZip, local

TITLE = -1                 # the document's title: its own line, not a heading
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_HEADING_NAME = re.compile(r"^(?:heading|제목|개요)\s*(\d)$", re.I)
_TITLE_NAME = re.compile(r"^(?:title|제목|문서 제목)$", re.I)
_SKIP = {"delText", "instrText", "footnoteRef", "endnoteRef", "drawing", "pict", "object"}


def _styles(z: SafeZip) -> dict[str, int]:
    """styleId -> heading level, from the style's name or its outline level (following basedOn)."""
    if not z.has("word/styles.xml"):
        return {}
    root = z.xml("word/styles.xml")
    direct: dict[str, int | None] = {}
    based: dict[str, str] = {}
    for st in root.iter(f"{W}style"):
        sid = st.get(f"{W}styleId") or ""
        name_el = st.find(f"{W}name")
        name = (name_el.get(f"{W}val") if name_el is not None else "") or ""
        level = None
        m = _HEADING_NAME.match(name.strip())
        if m:
            level = int(m.group(1))
        elif _TITLE_NAME.match(name.strip()):
            level = TITLE
        ol = st.find(f"{W}pPr/{W}outlineLvl")
        if level is None and ol is not None and (ol.get(f"{W}val") or "9").isdigit() and int(ol.get(f"{W}val")) < 9:
            level = int(ol.get(f"{W}val")) + 1
        direct[sid] = level
        b = st.find(f"{W}basedOn")
        if b is not None:
            based[sid] = b.get(f"{W}val") or ""
    levels: dict[str, int] = {}
    for sid in direct:
        cur, seen = sid, set()
        while cur and cur not in seen:
            seen.add(cur)
            if direct.get(cur):
                levels[sid] = direct[cur]
                break
            cur = based.get(cur, "")
    return levels


class _Notes:
    """Footnote and endnote references numbered in the order the reader meets them; each body goes
    to ``canon`` when its first reference is met (a table holding the marker then places it)."""

    def __init__(self, bodies: dict[str, dict[str, str]] | None = None, canon: Canon | None = None) -> None:
        self.order: list[tuple[str, str]] = []     # (kind, id)
        self.number: dict[tuple[str, str], int] = {}
        self.bodies, self.canon = bodies or {}, canon

    def ref(self, kind: str, nid: str) -> int:
        key = (kind, nid)
        if key not in self.number:
            self.order.append(key)
            self.number[key] = len(self.order)
            text = self.bodies.get(kind, {}).get(nid)
            if text is not None and self.canon is not None:
                self.canon.footnote(self.number[key], text)
        return self.number[key]


def _text(el: ET.Element, notes: _Notes | None, skipped=None) -> str:
    """A paragraph's text with its note markers (text boxes in it included, once: the fallback
    copy of an alternate content is not read)."""
    out: list[str] = []

    def walk(node: ET.Element) -> None:
        for child in node:
            tag = local(child.tag)
            if tag == "t":
                out.append(child.text or "")
            elif tag in ("tab", "br", "cr"):
                out.append(" ")
            elif tag in ("footnoteReference", "endnoteReference"):
                if notes is not None and child.get(f"{W}customMarkFollows") not in ("1", "true"):
                    kind = "footnote" if tag.startswith("foot") else "endnote"
                    out.append(marker(notes.ref(kind, child.get(f"{W}id") or "")))
            elif tag == "Fallback":
                continue
            else:
                if skipped is not None:
                    if tag == "blip":
                        skipped["image(s)"] += 1
                    elif tag == "object":
                        skipped["embedded OLE object(s)"] += 1
                if tag == "txbxContent":
                    out.append(" ")
                walk(child)
    walk(el)
    return "".join(out)


def _paragraph_level(p: ET.Element, styles: dict[str, int]) -> int | None:
    ppr = p.find(f"{W}pPr")
    if ppr is None:
        return None
    ol = ppr.find(f"{W}outlineLvl")
    if ol is not None and (ol.get(f"{W}val") or "").isdigit() and int(ol.get(f"{W}val")) < 9:
        return int(ol.get(f"{W}val")) + 1
    ps = ppr.find(f"{W}pStyle")
    return styles.get(ps.get(f"{W}val") or "") if ps is not None else None


def _table(tbl: ET.Element, notes: _Notes, skipped) -> TableSpec:
    """Rows of cells; a cell holds its paragraphs' texts and the tables nested in it."""
    rows = []
    header_rows = 0
    for k, tr in enumerate(tbl.findall(f"{W}tr")):
        if k == header_rows and tr.find(f"{W}trPr/{W}tblHeader") is not None:
            header_rows += 1
        cells = []
        for tc in tr.findall(f"{W}tc"):
            items: list = []
            for el in tc:
                tag = local(el.tag)
                if tag == "p":
                    items.append(_text(el, notes, skipped))
                elif tag == "tbl":
                    items.append(_table(el, notes, skipped))
            cells.append(items)
        rows.append(cells)
    return TableSpec(rows=rows, header_rows=header_rows if header_rows < len(rows) else 0)


def _blocks(parent: ET.Element, canon: Canon, styles: dict[str, int], notes: _Notes) -> None:
    for el in parent:
        tag = local(el.tag)
        if tag == "p":
            text = _text(el, notes, canon.skipped)
            level = _paragraph_level(el, styles)
            if level == TITLE:
                canon.paragraph(text)
                canon.title = canon.title or " ".join(text.split())
            elif level:
                canon.heading(text, level)
            elif el.find(f"{W}pPr/{W}numPr") is not None:
                ilvl = el.find(f"{W}pPr/{W}numPr/{W}ilvl")
                val = ilvl.get(f"{W}val") if ilvl is not None else "0"
                canon.list_item(text, int(val) + 1 if (val or "").isdigit() else 1)
            else:
                canon.paragraph(text)
        elif tag == "tbl":
            spec = _table(el, notes, canon.skipped)
            canon.table(spec.rows, header_rows=spec.header_rows)
        elif tag in ("sdt", "sdtContent", "customXml", "ins", "smartTag"):
            _blocks(el, canon, styles, notes)


def _note_bodies(z: SafeZip, kind: str) -> dict[str, str]:
    part = f"word/{kind}s.xml"
    if not z.has(part):
        return {}
    out = {}
    for fn in z.xml(part).iter(f"{W}{kind}"):
        if fn.get(f"{W}type") in ("separator", "continuationSeparator", "continuationNotice"):
            continue
        out[fn.get(f"{W}id") or ""] = " ".join(_text(p, None) for p in fn.iter(f"{W}p"))
    return out


def _core(z: SafeZip) -> DocMeta:
    if not z.has("docProps/core.xml"):
        return DocMeta()
    root = z.xml("docProps/core.xml")
    vals = {local(el.tag): (el.text or "").strip() for el in root}
    date = vals.get("created") or vals.get("modified") or ""
    m = re.match(r"^(\d{4}-\d{2}-\d{2})", date)
    return DocMeta(title=vals.get("title") or None, date=m.group(1) if m else None,
                   author=vals.get("creator") or None)


def load_docx(data: bytes, *, doc_id: str, source: str) -> Document:
    z = SafeZip(data, "DOCX")
    if not z.has("word/document.xml"):
        raise InputError("the DOCX file has no word/document.xml")
    root = z.xml("word/document.xml")
    body = root.find(f"{W}body")
    if body is None:
        raise InputError("the DOCX file's document has no body")
    canon = Canon()
    canon.native = True
    bodies = {"footnote": _note_bodies(z, "footnote"), "endnote": _note_bodies(z, "endnote")}
    notes = _Notes(bodies, canon)
    _blocks(body, canon, _styles(z), notes)
    for name in sorted(n for n in z.names if re.match(r"^word/(header|footer)\d*\.xml$", n)):
        kind = "page_header" if "header" in name else "page_footer"
        for p in z.xml(name).iter(f"{W}p"):
            canon.furniture(_text(p, None), kind)
    meta = _core(z)
    meta.title = meta.title or canon.title
    return canon.document(doc_id=doc_id, source=source, fmt="docx", meta=meta)
