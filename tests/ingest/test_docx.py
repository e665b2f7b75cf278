import pytest
from brief import BRIEF
from helpers import assert_reads_brief

from summitwatch.ingest import load_bytes


@pytest.fixture(scope="module")
def doc(rendered):
    return load_bytes(rendered["docx"], source="brief.docx")


def test_docx_reads_the_brief_as_canonical_text(doc):
    assert_reads_brief(doc, "docx")


def test_docx_meta_from_core_properties(doc):
    assert (doc.meta.date, doc.meta.author) == (BRIEF.date, BRIEF.author)
