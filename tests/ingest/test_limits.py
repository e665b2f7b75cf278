"""Budgets that hold for the whole container and are checked before the expensive part."""
import io
import time
import zipfile

import pytest

from summitwatch.ingest import canon as canon_mod
from summitwatch.ingest import load_bytes
from summitwatch.ingest.errors import InputError
from summitwatch.ingest.limits import MAX_TEXT_CHARS, MAX_XML_ELEMENTS

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _zip(parts: dict[str, bytes], hwpx: bool, method=zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", method) as z:
        if hwpx:
            z.writestr(zipfile.ZipInfo("mimetype"), "application/hwp+zip", compress_type=zipfile.ZIP_STORED)
        for name, body in parts.items():
            z.writestr(name, body)
    return out.getvalue()


def _section(fill: int) -> bytes:
    para = '<hp:p><hp:run><hp:t>보고서 본문이다.</hp:t></hp:run></hp:p>'
    body = para + "<!--" + "a" * fill + "-->"           # big, and compresses a thousandfold
    return f'<hs:sec xmlns:hs="s" xmlns:hp="p">{body}</hs:sec>'.encode()


def _error(data: bytes, name: str) -> str:
    t0 = time.perf_counter()
    with pytest.raises(InputError) as e:
        load_bytes(data, source=name)
    return str(e.value), time.perf_counter() - t0


def test_limits_many_small_sections_over_the_xml_budget_refused_before_unpacking():
    data = _zip({f"Contents/section{i}.xml": _section(900_000) for i in range(80)}, hwpx=True)
    assert len(data) < 1_000_000
    msg, seconds = _error(data, "many.hwpx")
    assert "MB of XML" in msg
    assert seconds < 1.0              # from the declared sizes: nothing was decompressed


def test_limits_compression_ratio_is_checked_over_all_parts_together():
    data = _zip({f"Contents/section{i}.xml": _section(800_000) for i in range(25)}, hwpx=True)
    msg, _ = _error(data, "bomb.hwpx")
    assert "together" in msg and "zip bomb" in msg


def test_limits_xml_elements_counted_before_parsing():
    body = "<w:p/>" * (MAX_XML_ELEMENTS + 10)
    doc = f'<w:document {W}><w:body>{body}</w:body></w:document>'.encode()
    data = _zip({"word/document.xml": doc}, hwpx=False, method=zipfile.ZIP_STORED)   # no ratio to catch
    msg, _ = _error(data, "flat.docx")
    assert "XML elements" in msg


def test_limits_paragraphs_and_characters_budgeted_while_reading(monkeypatch):
    monkeypatch.setattr(canon_mod, "MAX_PARAGRAPHS", 50)
    paras = "".join(f"<w:p><w:r><w:t>{i}번째 문단이다.</w:t></w:r></w:p>" for i in range(80))
    doc = f'<w:document {W}><w:body>{paras}</w:body></w:document>'.encode()
    msg, _ = _error(_zip({"word/document.xml": doc}, hwpx=False), "many.docx")
    assert "more than 50 paragraphs" in msg
    monkeypatch.setattr(canon_mod, "MAX_PARAGRAPHS", 10_000)
    monkeypatch.setattr(canon_mod, "MAX_TEXT_CHARS", 300)
    msg, _ = _error(_zip({"word/document.xml": doc}, hwpx=False), "long.docx")
    assert "more than 300 characters" in msg


def test_limits_text_too_long_is_refused_from_its_size_before_decoding():
    msg, seconds = _error(b"a" * (4 * MAX_TEXT_CHARS + 100), "long.txt")
    assert "MB" in msg and seconds < 0.5
    msg, _ = _error(("가" * 1000 + "\n").encode() * (MAX_TEXT_CHARS // 1000 + 10), "long.txt")
    assert f"{MAX_TEXT_CHARS:,}" in msg
