"""Every table of the real press releases (HWP, HWPX) and of the real DOCX/HTML files that have
one is exported as a table with its cells (files read from ../shared/realfiles)."""
from __future__ import annotations

import re
import zipfile

import pytest
from sharedpath import SHARED, need

from summitwatch.ingest import load
from summitwatch.structure import recover

REAL = SHARED / "realfiles"


def _files():
    if not REAL.is_dir():
        return [None]
    press = [p for p in sorted(REAL.glob("hwp*/*")) if "press" in p.name]
    return press + sorted(REAL.glob("docx/*.docx")) + sorted(REAL.glob("html/*.htm*"))


def _tables_in_source(path) -> int:
    """Tables the file holds, counted in its own markup (HWP: table controls in the records)."""
    data = path.read_bytes()
    if data[:2] == b"PK":
        z = zipfile.ZipFile(path)
        names = [n for n in z.namelist() if re.match(r"^(Contents/section\d+|word/document)\.xml$", n)]
        return sum(len(re.findall(rb"<(?:hp:tbl|w:tbl)[ >]", z.read(n))) for n in names)
    if path.suffix.startswith(".htm"):
        return len(re.findall(rb"<table[\s>]", data, re.I))
    import olefile
    import struct
    from summitwatch.ingest.hwp import _Stream, _sections
    from summitwatch.ingest.hwp_records import tree
    ole = olefile.OleFileIO(str(path))
    flags = struct.unpack_from("<I", ole.openstream("FileHeader").read(), 36)[0]
    stream = _Stream(ole, bool(flags & 1))
    return sum(1 for s in _sections(ole, "BodyText") for r in tree(stream.read(s)) for x in r.walk()
               if x.tag == 71 and x.ctrl_id == b"tbl ")


@pytest.mark.parametrize("path", _files(), ids=lambda p: p.name if p else "absent")
def test_realfiles_tables_exported_with_cells(path):
    need(REAL if path else None, "../shared/realfiles")
    want = _tables_in_source(path)
    st = recover(load(path))
    assert len(st.tables) == want
    for t in st.tables:
        assert any(r.header or any(r.cells) for r in t.rows), t.caption
