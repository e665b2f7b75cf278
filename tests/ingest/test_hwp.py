import pytest
from helpers import assert_reads_brief

from summitwatch.ingest import load_bytes


@pytest.fixture(scope="module")
def doc(rendered):
    return load_bytes(rendered["hwp"], source="brief.hwp")


def test_hwp_reads_the_brief_as_canonical_text(doc):
    # no HwpSummaryInformation property set is written by the test's HWP writer: no title
    assert_reads_brief(doc, "hwp", has_title=False)


def test_hwp_reads_uncompressed_sections():
    from fixtures import to_hwp
    assert load_bytes(to_hwp(compressed=False), source="b.hwp").raw == load_bytes(to_hwp(), source="b.hwp").raw
