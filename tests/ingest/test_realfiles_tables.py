"""Every table of the real HWP and HWPX files (the government press releases among them) and of
the real DOCX/HTML files that have one is exported as a table with its cells (files read from
../shared/realfiles). Tables are counted in each file's own markup; a table none of whose
cells holds text (a frame, a rule drawn as a table, an empty form) has nothing to export."""
from __future__ import annotations

import csv
import re
import struct
import zipfile
from xml.etree import ElementTree as ET

import pytest
from sharedpath import SHARED, need

from summitwatch.ingest import load
from summitwatch.structure import recover

REAL = SHARED / "realfiles"


def _files():
    if not (REAL / "files.tsv").is_file():
        return [None]
    rows = csv.DictReader(open(REAL / "files.tsv", encoding="utf-8"), delimiter="\t")
    return [REAL / r["file"] for r in rows if r["expect"] == "text" and not r["file"].startswith("pdf/")]


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _xml_tables(root: ET.Element, table: str, row: str, text: str) -> int:
    """Tables whose rows hold some text (in nested tables too), in a DOCX or HWPX part; tables
    in page headers and footers (furniture, kept apart as text) are not counted."""
    def has_text(tbl: ET.Element) -> bool:
        return any(_local(el.tag) == text and (el.text or "").strip()
                   for tr in tbl if _local(tr.tag) == row for el in tr.iter())

    def count(el: ET.Element) -> int:
        n = 0
        for c in el:
            if _local(c.tag) in ("header", "footer"):
                continue
            n += (_local(c.tag) == table and has_text(c)) + count(c)
        return n
    return count(root)


def _html_tables(data: bytes) -> int:
    import lxml.html
    root = lxml.html.document_fromstring(data)
    return sum(1 for t in root.iter("table") if any((c.text_content() or "").strip() for c in t.iter("td", "th")))


def _hwp_tables(path) -> int:
    """Table controls whose cell paragraphs hold text, in the (decrypted) section records."""
    import olefile
    from summitwatch.ingest.hwp import _sections, _Stream
    from summitwatch.ingest.hwp_crypt import decrypt_view_text
    from summitwatch.ingest.hwp_records import (SLOT, TAG_CTRL_HEADER, TAG_LIST_HEADER, TAG_PARA_HEADER,
                                                TAG_PARA_TEXT, TAG_TABLE, decode_text, equation_script, lists,
                                                tree)
    ole = olefile.OleFileIO(str(path))
    flags = struct.unpack_from("<I", ole.openstream("FileHeader").read(), 36)[0]
    stream = _Stream(ole, bool(flags & 1))
    distributed = bool(flags & 4)

    def has_text(c) -> bool:
        at = next((k for k, x in enumerate(c.children) if x.tag == TAG_TABLE), None)
        pos = {id(x): k for k, x in enumerate(c.children)}
        for head, paras in lists(c):
            if at is None or head is None or pos[id(head)] < at:
                continue                                   # the caption
            for p in paras:
                for r in p.walk():
                    if r.tag == TAG_PARA_TEXT and decode_text(r.payload).replace(SLOT, "").strip():
                        return True
                    if r.tag == TAG_CTRL_HEADER and r.ctrl_id == b"eqed" and equation_script(r):
                        return True                        # an equation is text (its script)
        return False

    def count(node) -> int:
        n = 0
        for x in node.children:
            if x.tag == TAG_CTRL_HEADER and x.ctrl_id in (b"head", b"foot", b"secd") or \
                    node.tag == TAG_PARA_HEADER and x.tag in (TAG_LIST_HEADER, TAG_PARA_HEADER):
                continue                     # headers, footers, master pages: furniture, kept apart as text
            if x.tag == TAG_CTRL_HEADER and x.ctrl_id == b"tbl " and has_text(x):
                n += 1
            n += count(x)
        return n

    n = 0
    for s in _sections(ole, "ViewText" if distributed else "BodyText"):
        raw = stream.raw(s)
        n += sum(count(r) for r in tree(stream.inflate(decrypt_view_text(raw, s) if distributed else raw, s)))
    return n


def _tables_in_source(path) -> int:
    """Tables holding text, counted in the file's own structure (judged by content, as the reader)."""
    data = path.read_bytes()
    if data[:2] == b"PK":
        z = zipfile.ZipFile(path)
        n = 0
        for name in z.namelist():
            if re.match(r"^Contents/section\d+\.xml$", name):
                n += _xml_tables(ET.fromstring(z.read(name)), "tbl", "tr", "t")
            elif name == "word/document.xml":
                n += _xml_tables(ET.fromstring(z.read(name)), "tbl", "tr", "t")
        return n
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        return _hwp_tables(path)
    return _html_tables(data)


@pytest.mark.parametrize("path", _files(), ids=lambda p: p.name if p else "absent")
def test_realfiles_tables_exported_with_cells(path):
    need(REAL if path else None, "../shared/realfiles")
    want = _tables_in_source(path)
    st = recover(load(path))
    assert len(st.tables) == want
    for t in st.tables:
        assert any(r.header or any(r.cells) for r in t.rows), t.caption
