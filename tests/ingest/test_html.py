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


_SHORT_STORY = """<!DOCTYPE html><html lang="ko"><head><meta charset="utf-8">
<title>항만 협정 서명식 열려 - 바다신보</title><meta property="og:title" content="항만 협정 서명식 열려"></head><body>
<header><nav><ul><li><a href="/">첫 화면</a></li><li><a href="/s">사회</a></li><li><a href="/w">세계</a></li></ul></nav></header>
<article><h1 class="tit">항만 협정 서명식 열려</h1><div class="by">박기자 <span>2026.03.02 09:10</span></div>
<div id="story"><p>두 나라 해양 장관이 2일 부산에서 항만 협력 협정에 서명했다.</p>
<p>협정은 컨테이너 터미널 공동 운영과 항로 안전 정보 공유를 담았다.</p>
<p>양측은 내년 상반기에 첫 이행 점검 회의를 열기로 했다.</p></div>
<div class="more"><h3>함께 볼 기사</h3><ul><li><a href="/x">조선소 수주 늘어</a></li></ul></div></article>
<footer><p>바다신보 | 무단 복제 금지</p></footer></body></html>"""


def test_html_short_story_keeps_its_paragraphs_and_headline():
    doc = load_bytes(_SHORT_STORY.encode("utf-8"), source="story.html")
    paragraphs = [p for p in doc.raw.split("\n\n") if p.strip()]
    assert paragraphs[0].strip() == "항만 협정 서명식 열려"
    for body in ("두 나라 해양 장관이 2일 부산에서 항만 협력 협정에 서명했다.",
                 "협정은 컨테이너 터미널 공동 운영과 항로 안전 정보 공유를 담았다.",
                 "양측은 내년 상반기에 첫 이행 점검 회의를 열기로 했다."):
        assert body in [p.strip() for p in paragraphs]          # each its own paragraph
    assert "첫 화면" not in doc.raw and "무단 복제" not in doc.raw


def test_html_headline_not_repeated_when_the_text_has_it():
    # the headline inside the story's own block: the extractor keeps it, nothing is added
    page = _SHORT_STORY.replace("<h1 class=\"tit\">항만 협정 서명식 열려</h1>", "").replace(
        "<div id=\"story\">", "<div id=\"story\"><h1>항만 협정 서명식 열려</h1>")
    doc = load_bytes(page.encode("utf-8"), source="story2.html")
    assert doc.raw.count("항만 협정 서명식 열려") == 1
