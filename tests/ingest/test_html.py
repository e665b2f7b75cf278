import pytest
from brief import BRIEF
from helpers import assert_reads_brief

from summitwatch.ingest import load_bytes


@pytest.fixture(scope="module")
def doc(rendered):
    return load_bytes(rendered["html"], source="brief.html")


def test_html_reads_the_brief_as_canonical_text(doc):
    assert_reads_brief(doc, "html")


def test_html_meta_gives_date_and_author(doc):
    assert (doc.meta.date, doc.meta.author) == (BRIEF.date, BRIEF.author)


@pytest.mark.parametrize("boilerplate", ["로그인", "공유하기", "All rights reserved", "세종대로"])
def test_html_drops_navigation_and_boilerplate(doc, boilerplate):
    assert boilerplate not in doc.raw


@pytest.mark.parametrize("page, expect", [
    (b"<html><body><div><h2>\xec\xa0\x9c\xeb\xaa\xa9</h2><div>\xeb\xb3\xb8\xeb\xac\xb8</div></div></body></html>",
     "본문"),
    ("<html><head><meta charset='euc-kr'></head><body><p>한미 정상은 합의했다.</p></body></html>".encode("cp949"),
     "한미 정상은 합의했다."),
])
def test_html_short_pages_still_give_their_text(page, expect):
    assert expect in load_bytes(page, source="p.html").raw
