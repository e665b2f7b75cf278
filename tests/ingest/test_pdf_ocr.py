"""Scanned PDFs: OCR with Tesseract (Korean) when installed, a one-line refusal that says how
to install it when not. The scan is made here: PIL draws our own lines into an image."""
import os
from pathlib import Path

import pytest
from fixtures import KOREAN_TTF, scanned_pdf, scanned_text_pdf

from summitwatch.ingest import load_bytes, pdf_ocr
from summitwatch.ingest.errors import InputError

PAGE_1 = ["양국 외교장관은 2025년 3월 14일 회담을 열었다", "Both ministers met in Seoul"]
PAGE_2 = ["후속 실무협의는 2025년 4월 2일 열린다"]


def _need_ocr():
    missing = [what for what, ok in (("tesseract with Korean data", pdf_ocr.tesseract()),
                                     (KOREAN_TTF, Path(KOREAN_TTF).exists())) if not ok]
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"CI must install {', '.join(missing)} (see .ci/run)")
        pytest.skip(f"not installed: {', '.join(missing)}")


def test_pdf_ocr_reads_scanned_pages_with_their_page_numbers():
    _need_ocr()
    from summitwatch.export import to_analysis
    from summitwatch.pipeline import run

    doc = load_bytes(scanned_text_pdf([PAGE_1, PAGE_2]), source="scan.pdf")
    flat = " ".join(doc.raw.split())
    for phrase in ("외교장관은 2025년 3월 14일 회담을 열었다", "Both ministers met in Seoul",
                   "후속 실무협의는 2025년 4월 2일 열린다"):
        assert phrase in flat
    assert any("OCR" in w and "1, 2" in w for w in doc.warnings)
    a = to_analysis(run(doc))
    pages = {d.page for d in a.dates}
    assert pages == {1, 2}


def test_pdf_ocr_missing_tesseract_refusal_says_how_to_install(monkeypatch):
    monkeypatch.setattr(pdf_ocr, "tesseract", lambda: None)
    with pytest.raises(InputError) as e:
        load_bytes(scanned_pdf(), source="scan.pdf")
    msg = str(e.value)
    assert "\n" not in msg and "no text layer" in msg
    assert "apt-get install tesseract-ocr tesseract-ocr-kor" in msg
