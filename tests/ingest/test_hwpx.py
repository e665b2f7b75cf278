import pytest
from brief import BRIEF
from helpers import assert_reads_brief

from summitwatch.ingest import load_bytes


@pytest.fixture(scope="module")
def doc(rendered):
    return load_bytes(rendered["hwpx"], source="brief.hwpx")


def test_hwpx_reads_the_brief_as_canonical_text(doc):
    assert_reads_brief(doc, "hwpx")


def test_hwpx_meta_from_package(doc):
    assert (doc.meta.date, doc.meta.author) == (BRIEF.date, BRIEF.author)
