"""Bad input gets one clear line (InputError), never a traceback, a hang or partial output."""
import io
import random
import resource
import zipfile

import pytest
from fixtures import long_pdf, scanned_pdf, to_hwp, to_pdf

from summitwatch.ingest import load_bytes
from summitwatch.ingest.errors import InputError


def _load_error(data: bytes, name: str) -> str:
    with pytest.raises(InputError) as e:
        load_bytes(data, source=name)
    msg = str(e.value)
    assert msg and "\n" not in msg and "Traceback" not in msg
    return msg


def test_bad_inputs_encrypted_pdf():
    assert "encrypted" in _load_error(to_pdf(encrypt="secret"), "brief.pdf")


def test_bad_inputs_scanned_pdf_says_no_text_layer_and_no_ocr():
    msg = _load_error(scanned_pdf(), "scan.pdf")
    assert "no text layer" in msg and "OCR" in msg


@pytest.mark.parametrize("fmt", ["pdf", "docx", "hwpx", "hwp"])
def test_bad_inputs_truncated_file(rendered, fmt):
    data = rendered[fmt]
    _load_error(data[: len(data) * 2 // 3], f"brief.{fmt}")


@pytest.mark.parametrize("fmt", ["pdf", "docx", "hwpx", "hwp"])
def test_bad_inputs_corrupted_file(rendered, fmt):
    data = bytearray(rendered[fmt])
    mid = len(data) // 3
    noise = random.Random(fmt)                       # the same garbage every run
    data[mid:mid + 600] = bytes(noise.randrange(256) for _ in range(600))   # the ending stays intact
    _load_error(bytes(data), f"brief.{fmt}")


def _bomb(kind: str) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        if kind == "hwpx":
            z.writestr(zipfile.ZipInfo("mimetype"), "application/hwp+zip", compress_type=zipfile.ZIP_STORED)
            name = "Contents/section0.xml"
        else:
            name = "word/document.xml"
        with z.open(name, "w", force_zip64=True) as f:
            chunk = b"<" + b"a" * (1 << 20)
            for _ in range(300):                        # 300 MB of one letter, about 300 KB packed
                f.write(chunk)
    return out.getvalue()


@pytest.mark.parametrize("kind", ["hwpx", "docx"])
def test_bad_inputs_zip_bomb_disguised_as_document(kind):
    data = _bomb(kind)
    assert len(data) < 2_000_000
    assert "zip bomb" in _load_error(data, f"report.{kind}")


@pytest.mark.parametrize("kind", ["hwpx", "docx"])
def test_bad_inputs_xml_entities_are_refused(rendered, kind):
    part = "Contents/section0.xml" if kind == "hwpx" else "word/document.xml"
    src = zipfile.ZipFile(io.BytesIO(rendered[kind]))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for item in src.infolist():
            body = src.read(item.filename)
            if item.filename == part:
                body = body.replace(b"?>", b'?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>', 1)
            z.writestr(item, body)
    assert "DTD" in _load_error(out.getvalue(), f"brief.{kind}")


@pytest.mark.parametrize("flag, words", [(0x2, "password"), (0x4, "distribution")])
def test_bad_inputs_protected_hwp(flag, words):
    assert words in _load_error(to_hwp(flags_extra=flag), "brief.hwp")


@pytest.mark.parametrize("data, name", [(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "x.hwp"),
                                        (b"PK\x03\x04garbage", "x.docx"),
                                        (b"%PDF-1.7\n garbage", "x.pdf")])
def test_bad_inputs_headers_without_a_body(data, name):
    _load_error(data, name)


def test_bad_inputs_500_page_pdf_completes_in_bounded_memory():
    import pypdfium2
    data = long_pdf(630)
    pdf = pypdfium2.PdfDocument(data)
    n_pages = len(pdf)
    pdf.close()
    assert n_pages >= 500
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    doc = load_bytes(data, source="long.pdf")
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert doc.layout.pages[-1][1] == n_pages
    assert grown_mb < 400, f"peak RSS grew by {grown_mb:.0f} MB"
