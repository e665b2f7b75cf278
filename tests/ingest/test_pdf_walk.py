"""The compiled page walker (ingest/_pdfwalk.c) gives exactly what the Python loops of
pdf_lines give: the same runs (text, position, size, weight) and the same rules and image
count, on pages drawn here and on every real PDF of ../shared/realfiles."""
from __future__ import annotations

import io
import os

import pypdfium2 as pdfium
import pytest
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas
from sharedpath import SHARED, need

from summitwatch.ingest import pdf_lines
from summitwatch.ingest.pdf_calls import address

WALK = pdf_lines._walk


def _walk_or_skip():
    if WALK is None:
        if os.environ.get("CI") == "true":
            pytest.fail("the C walker was not built (setup.py builds it where gcc and Python's headers are)")
        pytest.skip("the C walker is not built on this machine (no C compiler at install): the Python loops run")
    return WALK


def _both(page) -> list:
    """(graphics, runs) from the walker, then from the Python loops, of one page."""
    out = []
    for walk in (WALK, None):
        pdf_lines._walk = walk
        try:
            graphics = pdf_lines.page_graphics(page)
            tp = page.get_textpage()
            runs = pdf_lines.page_runs(tp)
            tp.close()
        finally:
            pdf_lines._walk = WALK
        out.append((graphics, runs))
    return out


def _drawn_page() -> bytes:
    """Text in two fonts, scaled and stretched, spaces of their own, rules, a box and an image."""
    from PIL import Image
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(595, 842))
    c.setFont("Helvetica", 11)
    c.drawString(60, 780, "A plain line of body text")
    c.setFont("Helvetica-Bold", 14)
    c.drawString(60, 750, "Bold words")
    c.setFont("Helvetica", 11)
    c.drawString(200, 750, "     ")                 # a run of spaces only
    c.saveState()
    c.translate(60, 700)
    c.scale(1.5, 2.0)                                # the size is scaled by the matrix
    c.drawString(0, 0, "stretched")
    c.restoreState()
    c.saveState()
    c.translate(300, 600)
    c.rotate(90)
    c.drawString(0, 0, "turned")
    c.restoreState()
    c.setLineWidth(0.8)
    c.line(60, 650, 500, 650)                        # horizontal rule
    c.line(280, 400, 280, 640)                       # vertical rule
    c.rect(60, 420, 180, 120)                        # a box: not a rule
    c.line(60, 380, 65, 380)                         # too short to be a rule
    img = Image.new("RGB", (8, 8), (200, 30, 30))
    c.drawImage(ImageReader(img), 400, 300, 40, 40)
    c.setFont("Helvetica", 9)
    for k in range(12):
        c.drawString(300 + (k % 3) * 60, 560 - (k // 3) * 14, f"cell {k}")
    c.showPage()
    c.save()
    return buf.getvalue()


def test_pdf_walk_same_as_python_loops_on_a_drawn_page():
    _walk_or_skip()
    pdf = pdfium.PdfDocument(_drawn_page())
    page = pdf[0]
    (g_c, runs_c), (g_py, runs_py) = _both(page)
    page.close()
    pdf.close()
    assert g_c == g_py
    assert runs_c == runs_py
    assert g_c.images == 1
    assert [round(x) for x, _, _ in g_c.vertical] == [280]
    assert [round(y) for y, _, _ in g_c.horizontal] == [650]
    texts = [r.text for r in runs_c]
    assert "     " not in texts and "stretched" in texts and "Bold words" in texts
    stretched = runs_c[texts.index("stretched")]
    assert stretched.size == pytest.approx(22.0)     # 11 pt drawn at twice the height


def test_pdf_walk_same_as_python_loops_on_real_pdfs():
    _walk_or_skip()
    folder = need(SHARED / "realfiles" / "pdf", "../shared/realfiles/pdf")
    pages = runs = 0
    for path in sorted(folder.glob("*.pdf")):
        try:
            pdf = pdfium.PdfDocument(path.read_bytes())
        except pdfium.PdfiumError:
            continue                                  # the empty and the encrypted file
        for i in range(len(pdf)):
            page = pdf[i]
            (g_c, runs_c), (g_py, runs_py) = _both(page)
            page.close()
            assert g_c == g_py, (path.name, i + 1)
            assert runs_c == runs_py, (path.name, i + 1)
            pages += 1
            runs += len(runs_c)
        pdf.close()
    assert pages > 100 and runs > 50_000


def test_pdf_walk_refuses_bad_arguments():
    walk = _walk_or_skip()
    calls = pdf_lines._OBJECT_CALLS
    with pytest.raises(ValueError, match="4 function addresses"):
        walk.graphics(calls[:3], 1, 2, 3)
    with pytest.raises(ValueError, match="null pdfium handle"):
        walk.graphics(calls, 0, 2, 3)
    with pytest.raises(ValueError, match="null"):
        walk.runs((0,) * 6, 1, "x", pdf_lines.Run, abs)
    assert address("FPDFPage_GetObject") == calls[1]
