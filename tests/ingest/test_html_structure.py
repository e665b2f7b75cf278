"""HTML structure handed over as it is: footnote sections with their bodies and citations,
tables with header rows and lists in cells, repeated paragraphs kept, <template> never text."""
from __future__ import annotations

from summitwatch.export import to_analysis
from summitwatch.ingest import load_bytes
from summitwatch.pipeline import Options, run

PAGE = """<!DOCTYPE html><html lang="ko"><head><meta charset="utf-8"><title>시험 문서</title></head><body>
<nav><a href="/">처음</a></nav><main><article>
<h1>회의 결과 정리</h1>
<p>두 나라 대표는 물류 협정의 개정 방향을 논의하였다.<sup><a href="#fn1" id="fnref1" class="footnote-ref">1</a></sup>
회의는 세 시간 동안 이어졌다.</p>
<h2>세부 내용</h2>
<p>같은 말이 되풀이된다.</p>
<p>실무진은 다음 달에 다시 만나 항만 시설 공동 이용 문제를 다루기로 하였다.<sup><a href="#fn2">2</a></sup></p>
<p>같은 말이 되풀이된다.</p>
<table><thead><tr><th>분야</th><th>합의</th></tr></thead>
<tbody><tr><td>물류</td><td><ul><li>통관 절차 간소화</li><li>공동 창고 설치</li></ul></td></tr></tbody></table>
<template><p>보이지 않는 틀의 글</p></template>
<p><img src="chart.png" alt="도표"></p>
<p>양측은 결과를 연말까지 공개하기로 하였다.</p>
<section class="footnotes" role="doc-endnotes"><hr><ol>
<li id="fn1"><p>외교부 보도자료, 2031년 4월 2일. <a href="#fnref1" class="footnote-back">↩︎</a></p></li>
<li id="fn2"><p>회의록 요약본 참조. <a href="#fnref2" class="footnote-back">↩︎</a></p></li>
</ol></section></article></main><footer>저작권 안내</footer></body></html>"""


def _analysis(page: str):
    return to_analysis(run(load_bytes(page.encode("utf-8"), source="p.html"), Options(structure_only=True)))


def test_html_structure_footnote_section_bodies_and_citations():
    got = _analysis(PAGE)
    assert [(f.n, f.text) for f in got.footnotes] == [(1, "외교부 보도자료, 2031년 4월 2일."), (2, "회의록 요약본 참조.")]
    assert [(r.n, r.dangling) for r in got.footnote_refs] == [(1, False), (2, False)]
    assert "논의하였다. 회의는" in got.text and "↩" not in got.text and "fn1" not in got.text


def test_html_structure_table_header_row_and_list_in_cell():
    got = _analysis(PAGE)
    assert [(t.header_rows, [(r.header, r.cells) for r in t.rows]) for t in got.tables] == [
        (1, [("분야", ["합의"]), ("물류", ["통관 절차 간소화 공동 창고 설치"])])]


def test_html_structure_nested_table_stays_in_its_cell():
    page = ("<html><body><article><p>앞 문단은 본문으로 읽힐 만큼 길게 쓴 문장이어야 한다고 본다.</p>"
            "<table><tr><th>구분</th><th>내용</th></tr><tr><td>가</td><td>겉 글<table><tr><th>속 머리</th>"
            "<th>속 값</th></tr><tr><td>속1</td><td>속2</td></tr></table></td></tr></table>"
            "<p>뒤 문단도 본문으로 읽힐 만큼 길게 쓴 문장이어야 한다고 본다.</p></article></body></html>")
    got = _analysis(page)
    assert [(t.header_rows, t.parent, [(r.header, r.cells) for r in t.rows]) for t in got.tables] == [
        (1, None, [("구분", ["내용"]), ("가", ["겉 글 속 머리 속 값 속1 속2"])]),
        (1, 0, [("속 머리", ["속 값"]), ("속1", ["속2"])])]


def test_html_structure_images_counted():
    assert _analysis(PAGE).warnings == ["1 image(s) not read"]


def test_html_structure_repeated_paragraphs_kept_and_headings():
    got = _analysis(PAGE)
    assert got.text.count("같은 말이 되풀이된다.") == 2
    assert [(h.level, h.text) for h in got.headings] == [(1, "세부 내용")]
    assert got.document.title == "회의 결과 정리"


def test_html_structure_template_content_never_text():
    got = _analysis(PAGE)
    assert "보이지 않는 틀" not in got.text
    only_template = "<html><body><template><p>틀 안의 글만 있다</p></template><p>본문 한 줄.</p></body></html>"
    assert "틀 안의" not in _analysis(only_template).text


def test_html_structure_numbered_link_to_a_section_is_no_footnote():
    page = ("<html><body><article><p>차례: <a href=\"#s1\">1</a></p>"
            "<div id=\"s1\"><h2>첫 장</h2><p>첫 장의 본문은 충분히 길게 써서 본문으로 읽히게 한다.</p></div>"
            "<p>끝 문단도 충분히 길게 써서 본문으로 읽히게 한다고 적어 둔다.</p></article></body></html>")
    got = _analysis(page)
    assert got.footnotes == [] and "첫 장의 본문은" in got.text


def test_html_structure_note_cited_in_a_cell_follows_its_table():
    page = ("<html><body><article><p>머리 문단은 본문으로 읽힐 만큼 길게 쓴 문장이어야 한다고 본다."
            '<sup><a href="#fn1">1</a></sup></p>'
            "<table><tr><th>구분</th><th>수치</th></tr><tr><td>수출"
            '<sup><a href="#fn2">2</a></sup></td><td>340</td></tr></table>'
            "<p>꼬리 문단도 본문으로 읽힐 만큼 길게 쓴 문장이어야 한다고 본다.</p>"
            '<section class="footnotes"><ol><li id="fn1"><p>앞선 주석의 글.</p></li>'
            '<li id="fn2"><p>칸에 달린 주석의 글.</p></li></ol></section></article></body></html>')
    got = _analysis(page)
    assert got.text.split("\n\n")[1:] == ["구분\n수치\n수출\n340", "2) 칸에 달린 주석의 글.",
                                          "꼬리 문단도 본문으로 읽힐 만큼 길게 쓴 문장이어야 한다고 본다."]
    assert [(f.n, f.text) for f in got.footnotes] == [(1, "앞선 주석의 글."), (2, "칸에 달린 주석의 글.")]
    assert [(r.n, r.dangling) for r in got.footnote_refs] == [(1, False), (2, False)]
