import re

import pytest
from brief import BRIEF, canonical_text, headings
from fixtures import PageMaker, long_pdf
from helpers import doc_footnotes, doc_headings

from summitwatch.ingest import load_bytes


@pytest.fixture(scope="module")
def doc(rendered):
    return load_bytes(rendered["pdf"], source="brief.pdf")


def test_pdf_reads_the_brief_as_canonical_text(doc):
    # the text of the other formats, with the running header once between the body and the notes
    want = canonical_text()
    k = want.index(f"\n\n{min(BRIEF.footnotes)} ")
    assert doc.format == "pdf"
    assert doc.raw == f"{want[:k]}\n\n{BRIEF.header}{want[k:]}"
    assert doc.text.text == doc.raw
    assert doc_headings(doc) == headings()
    assert doc_footnotes(doc) == [f"{n} {t}" for n, t in sorted(BRIEF.footnotes.items())]
    assert doc.meta.title == BRIEF.title


def test_pdf_running_header_kept_once_apart_and_page_numbers_dropped(doc):
    (a, b, kind), = doc.layout.furniture
    assert (doc.raw[a:b], kind) == (BRIEF.header, "page_header")
    assert doc.raw.count(BRIEF.header) == 1
    assert "- 1 -" not in doc.raw and "- 2 -" not in doc.raw


def test_pdf_running_heads_that_differ_in_digits_are_kept_once_in_their_first_wording():
    pm = PageMaker()
    for page in range(1, 5):
        pm.line(60, 815, f"협의 결과 보고 제{page}권", 8)
        pm.line(60, 700, f"{page}일차 회의에서 양측은 실무 의제를 하나씩 점검하였다.")
        pm.line(250, 30, f"점검 기록 {page} / 4", 8)
        pm.next_page()
    doc = load_bytes(pm.bytes(), source="heads.pdf")
    paras = doc.raw.strip().split("\n\n")
    # (the body lines make one paragraph that runs on over the pages)
    assert paras == [" ".join(f"{p}일차 회의에서 양측은 실무 의제를 하나씩 점검하였다." for p in range(1, 5)),
                     "협의 결과 보고 제1권", "점검 기록 1 / 4"]
    assert [(doc.raw[a:b], k) for a, b, k in doc.layout.furniture] == [
        ("협의 결과 보고 제1권", "page_header"), ("점검 기록 1 / 4", "page_footer")]


def test_pdf_small_print_atop_a_single_page_stays_in_place():
    """A running head repeats from page to page: on a one-page file the small print in the top
    margin (a filing stamp, a date) is text like any other, read where it stands."""
    pm = PageMaker()
    pm.line(380, 820, "접수 번호 제2031-88호", 7)
    pm.line(60, 770, "위원회는 다음 달까지 후속 과제의 일정을 정하기로 하였다.")
    doc = load_bytes(pm.bytes(), source="stamp.pdf")
    assert doc.raw.strip().split("\n\n") == ["접수 번호 제2031-88호",
                                               "위원회는 다음 달까지 후속 과제의 일정을 정하기로 하였다."]
    assert doc.layout.furniture == []


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


def test_pdf_number_in_a_table_cell_at_the_page_foot_is_no_page_number():
    """A score alone in its cell in the bottom margin is a value; the bare number alone on its
    baseline under the table is the page number."""
    pm = PageMaker()
    pm.line(60, 780, "점검 결과는 아래 표와 같다.")
    xs, ys = [60, 400, 540], [130, 106, 82, 58]
    for x in xs:
        pm.rule(x, ys[-1], x, ys[0])
    for y in ys:
        pm.rule(xs[0], y, xs[-1], y)
    for (item, score), top in zip([("점검 항목", "배점"), ("일정 준수", "4"), ("예산 집행", "3")], ys):
        pm.line(70, top - 16, item)
        pm.line(460, top - 16, score)
    pm.line(290, 30, "- 1 -", 9)
    doc = load_bytes(pm.bytes(), source="score.pdf")
    assert doc.raw == "점검 결과는 아래 표와 같다.\n\n점검 항목\n- 배점\n일정 준수\n- 4\n예산 집행\n- 3\n"
