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
