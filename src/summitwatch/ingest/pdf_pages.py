"""PDF pages -> lines, page by page, and an account of every page or part not read.

A page pdfium cannot load or give a text page for is *damaged*; a page without text that
carries an image is *scanned* (read by OCR when Tesseract with Korean data is installed);
a page with neither is blank. Images on pages with text (figures, logos) are not read and
are counted. Everything skipped ends up in the export's warnings.
"""
from __future__ import annotations

import subprocess
from dataclasses import dataclass, field

import pypdfium2 as pdfium

from . import pdf_ocr
from .errors import InputError
from .limits import MAX_PDF_PAGES, MAX_TEXT_CHARS
from .pdf_calls import NULL, handle, lib
from .pdf_lines import Line, page_graphics, page_lines, page_runs
from .pdf_notes import foot_block

_A4_HEIGHT = 842.0


@dataclass
class Pages:
    lines: list[list[Line]] = field(default_factory=list)
    heights: list[float] = field(default_factory=list)
    seps: dict[int, list[float]] = field(default_factory=dict)   # page index -> y of its horizontal rules
    damaged: list[int] = field(default_factory=list)              # page numbers (1-based)
    scanned: list[int] = field(default_factory=list)              # no text layer, not read
    ocr: list[int] = field(default_factory=list)                  # read by OCR
    ocr_failed: list[int] = field(default_factory=list)
    images: int = 0                                               # images on pages with text, not read

    def warnings(self) -> list[str]:
        out = []
        if self.damaged:
            out.append(f"{len(self.damaged)} damaged page(s) could not be read and were skipped: {_pages(self.damaged)}")
        if self.scanned:
            out.append(f"{len(self.scanned)} scanned page(s) without a text layer were skipped: "
                       f"{_pages(self.scanned)}; {pdf_ocr.INSTALL_HINT}")
        if self.ocr:
            out.append(f"the text of {len(self.ocr)} scanned page(s) comes from OCR ({pdf_ocr.version()}) and may "
                       f"hold recognition errors: {_pages(self.ocr)}")
        if self.ocr_failed:
            out.append(f"OCR failed on {len(self.ocr_failed)} scanned page(s), which were skipped: "
                       f"{_pages(self.ocr_failed)}")
        if self.images:
            out.append(f"{self.images} image(s) on pages with text were not read (figures, logos, charts)")
        return out


def _pages(ns: list[int]) -> str:
    return ", ".join(map(str, ns[:10])) + (" ..." if len(ns) > 10 else "")


def _body_size(lines: list[Line]) -> float:
    weight: dict[float, int] = {}
    for ln in lines:
        k = round(ln.size * 2) / 2
        weight[k] = weight.get(k, 0) + len(ln.text)
    return max(weight, key=weight.get) if weight else 10.0


def extract_pages(pdf: pdfium.PdfDocument) -> Pages:
    n_pages = len(pdf)
    if n_pages > MAX_PDF_PAGES:
        raise InputError(f"the PDF has {n_pages} pages; summitwatch reads PDFs of up to {MAX_PDF_PAGES}")
    out = Pages()
    chars = 0
    for i in range(n_pages):
        lines = _one_page(pdf, i, out)
        chars += sum(len(ln.text) for ln in lines)
        if chars > MAX_TEXT_CHARS:
            raise InputError(f"the PDF holds more than {MAX_TEXT_CHARS:,} characters of text")
        out.lines.append(lines)
    return out


def _one_page(pdf: pdfium.PdfDocument, i: int, out: Pages) -> list[Line]:
    # raw pdfium handles: pypdfium2's page objects (and their finalizers) are made only for OCR
    page = lib.FPDF_LoadPage(handle(pdf), i)
    if page == NULL:
        out.damaged.append(i + 1)
        out.heights.append(out.heights[-1] if out.heights else _A4_HEIGHT)
        return []
    try:
        out.heights.append(lib.FPDF_GetPageHeightF(page))
        graphics = page_graphics(page)
        tp = lib.FPDFText_LoadPage(page)
        if tp == NULL:
            out.damaged.append(i + 1)
            return []
        try:
            runs = page_runs(tp)
        finally:
            lib.FPDFText_ClosePage(tp)
        if not runs and graphics.images:
            runs = _ocr(pdf, i, out)
        elif graphics.images:
            out.images += graphics.images
        lines = page_lines(runs, i + 1, graphics)
        if lines and foot_block(lines, out.heights[-1], _body_size(lines)) < len(lines):
            out.seps[i] = [y for y, _, _ in graphics.horizontal]    # small print at the foot
        return lines
    finally:
        lib.FPDF_ClosePage(page)


def _ocr(pdf: pdfium.PdfDocument, i: int, out: Pages):
    if pdf_ocr.tesseract() is None:
        out.scanned.append(i + 1)
        return []
    try:
        page = pdf[i]                         # rendering goes through pypdfium2's page
        try:
            runs = pdf_ocr.page_runs(page)
        finally:
            page.close()
    except (OSError, subprocess.SubprocessError, pdfium.PdfiumError):
        out.ocr_failed.append(i + 1)          # Tesseract failed or timed out: the page is skipped
        return []
    out.ocr.append(i + 1)
    return runs
