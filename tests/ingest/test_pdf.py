import re

import pytest
from brief import BRIEF
from fixtures import long_pdf
from helpers import assert_reads_brief

from summitwatch.ingest import load_bytes


@pytest.fixture(scope="module")
def doc(rendered):
    return load_bytes(rendered["pdf"], source="brief.pdf")


def test_pdf_reads_the_brief_as_canonical_text(doc):
    assert_reads_brief(doc, "pdf")


@pytest.mark.parametrize("gone", [BRIEF.header, "- 1 -", "- 2 -"])
def test_pdf_drops_running_header_and_page_numbers(doc, gone):
    assert gone not in doc.raw


@pytest.mark.parametrize("glued", ["진행되었다.1 양", "밝혔다.2 양측은", "나타났다.3 다만"])
def test_pdf_glues_raised_markers_to_their_word(doc, glued):
    assert glued in doc.raw


def test_pdf_meta_from_document_info(doc):
    assert (doc.meta.date, doc.meta.author) == (BRIEF.date, BRIEF.author)


def test_pdf_pages_trace_offsets_to_pages(doc):
    starts = [n for _, n in doc.layout.pages]
    assert starts[0] == 1 and starts == sorted(starts) and len(starts) >= 2
    assert doc.layout.page_at(0) == 1
    last_heading = max(doc.layout.headings)
    assert doc.layout.page_at(last_heading) == starts[-1]


def test_pdf_joins_paragraphs_across_lines_and_pages():
    doc = load_bytes(long_pdf(6), source="long.pdf")
    paras = [re.sub(r"\{\d+\}", "", b[1]) for b in BRIEF.blocks if b[0] == "p"]
    lines = doc.raw.split("\n")
    for p in paras:
        assert any(line.startswith(p) for line in lines), p[:30]
    # some page starts fall inside a paragraph: a paragraph continued on the next page
    inside = [off for off, _ in doc.layout.pages if off and doc.raw[off - 1] != "\n"]
    assert inside
    notes = re.findall(r"^(\d+) \S", doc.raw[doc.layout.footnotes_start:], re.M)
    assert notes == [str(n) for n in range(1, 19)]


def test_pdf_facts_carry_their_page(rendered):
    from summitwatch.export import to_analysis
    from summitwatch.ingest import load_bytes
    from summitwatch.pipeline import run

    a = to_analysis(run(load_bytes(rendered["pdf"], source="brief.pdf")))
    pages = {d.page for d in a.dates}
    assert pages and None not in pages and all(isinstance(p, int) and p >= 1 for p in pages)
    assert '"page":' in a.to_json()


def test_pdf_paragraph_without_end_is_cut_at_a_page_break():
    """Pages of words with no sentence end: one paragraph to the reader, cut at the first page
    break past 20,000 characters, every word kept."""
    from fixtures import PageMaker
    words = "공동 점검 이행 협의 과제 일정 조정 후속 논의 확대".split()
    pm = PageMaker()
    drawn = []
    for page in range(24):
        for k in range(44):
            line = " ".join(words[(page + k + j) % len(words)] for j in range(9))
            pm.line(60, 790 - 16 * k, line)
            drawn.append(line)
        pm.next_page()
    doc = load_bytes(pm.bytes(), source="endless.pdf")
    paras = doc.raw.strip().split("\n\n")
    assert " ".join(paras) == " ".join(drawn)
    assert len(paras) == 2 and 20_000 < len(paras[0]) < 20_000 + 2_000
    starts = dict(doc.layout.pages)
    assert starts[len(paras[0]) + 2] == doc.layout.page_at(len(paras[0]) + 2) > 1


def test_pdf_images_and_blank_pages_in_warnings_not_called_scanned():
    """An image on a text page is counted as not read; a blank page is neither scanned nor damaged."""
    from fixtures import PageMaker
    from PIL import Image
    from reportlab.lib.utils import ImageReader
    pm = PageMaker()
    pm.line(60, 780, "양국은 협의체 구성에 합의했다.")
    pm.c.drawImage(ImageReader(Image.new("L", (40, 40), 128)), 60, 600, 80, 80)
    pm.next_page()                                   # a blank page
    pm.next_page()
    pm.line(60, 780, "후속 회의는 다음 달 서울에서 두 나라의 실무자가 모인 가운데 열린다.")
    doc = load_bytes(pm.bytes(), source="mixed.pdf")
    assert doc.raw.strip().split("\n\n") == ["양국은 협의체 구성에 합의했다.",
                                               "후속 회의는 다음 달 서울에서 두 나라의 실무자가 모인 가운데 열린다."]
    assert doc.warnings == ["1 image(s) on pages with text were not read (figures, logos, charts)"]


def test_pdf_scanned_page_among_text_pages_is_reported_when_ocr_is_absent(monkeypatch):
    from fixtures import PageMaker
    from PIL import Image
    from reportlab.lib.utils import ImageReader

    from summitwatch.ingest import pdf_ocr
    monkeypatch.setattr(pdf_ocr, "tesseract", lambda: None)
    pm = PageMaker()
    pm.line(60, 780, "양국은 협의체 구성에 합의했다.")
    pm.next_page()
    pm.c.drawImage(ImageReader(Image.new("L", (400, 600), 255)), 0, 0, 595, 842)   # a scan
    doc = load_bytes(pm.bytes(), source="partscan.pdf")
    assert doc.raw.strip() == "양국은 협의체 구성에 합의했다."
    assert len(doc.warnings) == 1
    assert doc.warnings[0].startswith("1 scanned page(s) without a text layer were skipped: 2;")
    assert "apt-get install tesseract-ocr tesseract-ocr-kor" in doc.warnings[0]


def test_pdf_wrapped_line_starting_with_a_syllable_and_stop_is_no_list_item():
    """"음. " at a line start is the end of a word wrapped after "있", not the list letter of
    "가. 나. 다."; the paragraph runs on."""
    from fixtures import PageMaker
    lines = ["협의체는 매 분기 점검 결과를 관계 부처에 알리도록 규정하고 있",
             "음. 또한 점검 결과는 다음 분기 초에 국회에도 보고하도록 되어 있",
             "다."]
    pm = PageMaker()
    for k, ln in enumerate(lines):
        pm.line(60, 780 - 16 * k, ln)
    doc = load_bytes(pm.bytes(), source="wrap.pdf")
    assert doc.raw.strip() == " ".join(lines)
