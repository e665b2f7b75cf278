"""Structure recovery on documents written here, in the layouts extracted text comes in."""
import pytest

from summitwatch.pipeline import analyze_text


def pdf_style(paragraphs: list[list[str]]) -> str:
    """Lines followed by an empty line, paragraphs separated by a whitespace-only line."""
    return "\n\n \n\n".join("\n\n".join(line + " " for line in p) for p in paragraphs) + "\n"


PDF_STYLE = pdf_style([
    ["한중 외교장관은 지난 3월 베이징에서 만나 공급망 협력과 인적 교류 확대에",
     "합의했다.1 양측은 연내 정상회담 개최를 위해 노력하기로 하였다."],
    ["1. 회담의 배경"],
    ["■ 경제 협력의 필요성"],
    ["양국 교역은 지난해 3,000억 달러를 넘어섰으며,2 반도체와 배터리 분야의",
     "의존도가 높다. 정부는 “협력 채널을 상시화하겠다”고 밝혔다. 3 이어 후속"],
    ["2. 향후 과제"],
    ["첫째, 고위급 대화를 정례화해야 한다."],
    ["1 외교부. “한중 외교장관회담 결과” (2025.3.21) https://www.mofa.go.kr/a/b.do (검색일: 2025.3.25)",
     "2 무역협회 통계. 3 같은 자료."],
])


def test_structure_reflow_joins_wraps_and_keeps_paragraphs():
    ctx = analyze_text(PDF_STYLE, structure_only=True)
    body = ctx.structure.body.text
    assert "확대에 합의했다. 양측은" in body
    assert "\n\n1. 회담의 배경\n\n■ 경제 협력의 필요성\n\n" in body
    assert "\n\n\n" not in body


def test_structure_headings_levels_follow_first_appearance():
    ctx = analyze_text(PDF_STYLE, structure_only=True)
    got = [(h.level, h.text) for h in ctx.structure.headings]
    assert got == [(1, "1. 회담의 배경"), (2, "■ 경제 협력의 필요성"), (1, "2. 향후 과제")]


def test_structure_markers_removed_and_linked():
    ctx = analyze_text(PDF_STYLE, structure_only=True)
    st = ctx.structure
    assert [r.n for r in st.footnote_refs] == [1, 2, 3]
    body = st.body.text
    assert "합의했다. 양측은" in body and "넘어섰으며, 반도체와" in body
    assert "밝혔다. 이어" in body
    raw = ctx.doc.raw
    for ref in st.footnote_refs:
        assert raw[ref.raw_offset] == str(ref.n)


def test_structure_numbers_of_the_text_are_not_markers():
    text = pdf_style([["트럼프 2기 행정부는 제2기 내각과 함께 5조 원 규모의 G20 회의를 2.14-2.16 열었다.",
                       "70주년을 맞아 1.5 track 대화도 열렸다."]])
    ctx = analyze_text(text, structure_only=True)
    assert ctx.structure.footnote_refs == []
    assert "2기" in ctx.structure.body.text and "G20" in ctx.structure.body.text


def test_structure_footnotes_and_citation_fields():
    ctx = analyze_text(PDF_STYLE, structure_only=True)
    st = ctx.structure
    assert [f.n for f in st.footnotes] == [1, 2]
    assert st.footnotes[1].text.text == "무역협회 통계. 3 같은 자료."
    c = st.citations[0]
    assert (c.publisher, c.title, c.date, c.url, c.accessed) == (
        "외교부", "한중 외교장관회담 결과", "2025-03-21", "https://www.mofa.go.kr/a/b.do", "2025-03-25")


def test_structure_dangling_markers_reported_not_invented():
    text = pdf_style([["양국은 협정에 서명했다.1 이후 이행 점검 회의가 열렸다.2 회의는 순조로웠다."],
                      ["1 관보 제1호."]])
    ctx = analyze_text(text, structure_only=True)
    refs = ctx.structure.footnote_refs
    assert [(r.n, r.dangling) for r in refs] == [(1, False), (2, True)]
    assert [f.n for f in ctx.structure.footnotes] == [1]
    assert any("without a footnote body" in w for w in ctx.structure.warnings)


def test_structure_page_break_mid_sentence_is_joined():
    text = ("정상들은 공동성명에서 북한의 완전한 비핵화 원칙을 \n\n재확인하고, 인도-태평양 \n 지역의 "
            "평화를 위해 협력하기로 했다. \n\n \n\n다음 문단이다. \n")
    ctx = analyze_text(text, structure_only=True)
    body = ctx.structure.body.text
    assert "인도-태평양 지역의 평화" in body
    assert "했다.\n\n다음 문단이다." in body


def test_structure_page_break_between_paragraphs_is_kept():
    text = ("첫 문단은 여기서 길게 이어지며 충분한 길이를 가진 줄로 채워져 있다고 \n\n"
            "가정한다. 문단 끝. \n 둘째 문단이 새 쪽에서 시작된다. 이 줄도 충분히 길게 써서 폭을 맞춘다. \n")
    body = analyze_text(text, structure_only=True).structure.body.text
    assert "문단 끝.\n\n둘째 문단" in body


SINGLE_NEWLINE = """Ⅰ. 서론

한미 양국은 2023년 4월 정상회담에서 확장억제 강화에 합의하고 핵협의그룹
신설을 발표했다.1 이는 동맹의 새로운 단계로 평가된다.

가. 합의의 의미

핵협의그룹은 분기별로 열린다.

<표 1> 주요 합의
안보
○ 핵협의그룹 신설
○ 전략자산 전개 확대
경제
○ 공급망 협력
자료: 대통령실 (2023.4.27)

1 대통령실 보도자료.
"""


def test_structure_single_newline_wraps_with_blank_line_paragraphs():
    ctx = analyze_text(SINGLE_NEWLINE, structure_only=True)
    st = ctx.structure
    assert "핵협의그룹 신설을 발표했다. 이는" in st.body.text
    assert [(h.level, h.text) for h in st.headings] == [(1, "Ⅰ. 서론"), (2, "가. 합의의 의미")]
    t = st.tables[0]
    assert t.caption == "<표 1> 주요 합의"
    assert [(r.header, r.cells) for r in t.rows] == [
        ("안보", ["핵협의그룹 신설", "전략자산 전개 확대"]), ("경제", ["공급망 협력"])]
    assert t.source == "대통령실 (2023.4.27)"
    assert [f.n for f in st.footnotes] == [1] and [r.n for r in st.footnote_refs] == [1]


def test_structure_one_paragraph_per_line_is_not_joined():
    text = ("정상회담이 열렸다. 양국은 협력을 약속했다.\n\n"
            "이번 합의는 의미가 크다는 평가가 나온다.\n\n"
            "다만 후속 조치가 관건이라는 지적도 있다.\n\n"
            "정부는 다음 달 실무 협의를 시작한다.\n")
    body = analyze_text(text, structure_only=True).structure.body.text
    assert body.count("\n\n") == 3


@pytest.mark.parametrize("text", ["가\n", "1\n", "■\n", "[표1]\n", "1 각주만 있다.\n"])
def test_structure_degenerate_inputs_do_not_crash(text):
    ctx = analyze_text(text, structure_only=True)
    assert isinstance(ctx.structure.body.text, str)


def test_structure_every_body_character_maps_back_to_raw():
    ctx = analyze_text(PDF_STYLE, structure_only=True)
    body, raw = ctx.structure.body, ctx.doc.raw
    for i, ch in enumerate(body.text):
        if not ch.isspace():
            assert raw[body.origin[i]] == ch


PAGE_FOOTNOTES = """1. 배경

양국 정상은 지난달 회담에서 반도체 공급망 협력을 강화하기로 합의했다.1 이어
양측은 연내 외교·국방 장관 회의를 열기로 했으며, 이를 위한 실무 협의를

1 외교부 보도자료 (2025.4.2).

시작했다. 전문가들은 이번 합의가 실질적인 진전이라고 평가했다.2

2. 평가

후속 조치의 이행 여부가 관건이다.3

2 연구원 좌담회 발언.
3 같은 자료.
"""


def test_structure_page_bottom_footnotes_between_body_text():
    st = analyze_text(PAGE_FOOTNOTES, structure_only=True).structure
    assert [f.n for f in st.footnotes] == [1, 2, 3]
    assert st.footnotes[0].text.text == "외교부 보도자료 (2025.4.2)."
    assert "실무 협의를 시작했다. 전문가들은" in st.body.text
    assert "보도자료" not in st.body.text
    assert [h.text for h in st.headings] == ["1. 배경", "2. 평가"]
    assert [(r.n, r.dangling) for r in st.footnote_refs] == [(1, False), (2, False), (3, False)]


def test_structure_news_title_and_timestamp_stay_apart():
    text = ("한일 외교장관 회담…셔틀외교 정례화 합의\n입력 2025.09.12 09:05\n\n"
            "(도쿄=뉴스) 기자 = 한일 외교장관이 11일 도쿄에서 만나 셔틀외교를 정례화하기로 했다.\n\n"
            "양측은 연말 정상회담 개최를 위해 실무 협의를 이어가기로 했다.\n")
    body = analyze_text(text, structure_only=True).structure.body.text
    assert body.startswith("한일 외교장관 회담…셔틀외교 정례화 합의\n\n입력 2025.09.12 09:05\n\n(도쿄=뉴스)")


@pytest.mark.parametrize("marks", [("①", "②"), ("(1)", "(2)"), ("1)", "2)"), ("가)", "나)")])
def test_structure_enumerated_items_with_hanging_indent(marks):
    a, b = marks
    text = (f"{a} 공급망 다변화를 서둘러야 한다. 유예 기간은 대체 공급선을 확보할\n"
            "   시간이지 안심할 근거가 아니다.\n"
            f"{b} 위험 관리 체계를 갖춰야 한다. 제재 대상이 될 경우에 대비해야\n"
            "   한다.\n")
    body = analyze_text(text, structure_only=True).structure.body.text
    assert f"확보할 시간이지 안심할 근거가 아니다.\n\n{b} 위험 관리" in body


def test_structure_running_header_removed_only_at_page_breaks():
    page = "연구원 브리프 제12호\n정상회담은 공급망 협력을 다뤘다. 양국은 후속 협의를 이어가기로 했다.\n"
    with_pages = analyze_text("\f".join([page] * 4), structure_only=True).structure.body.text
    assert "연구원 브리프 제12호" not in with_pages
    refrain = "\n\n".join(["경제 협력", "양국은 공급망 협력을 확대하기로 했다."] * 4)
    without_pages = analyze_text(refrain, structure_only=True).structure.body.text
    assert without_pages.count("경제 협력") == 4


INDENTED = """  정상회담 이후 양국 관계는 눈에 띄게 안정되었다. 정상들은 셔틀외교를 복원하고
경제안보 대화를 신설하기로 했다. 이는 지난 몇 년간의 경색을 벗어나는 출발점이다.
  다만 과제도 남아 있다. 역사 문제를 둘러싼 국내 여론은 여전히 엇갈리며, 후속
조치의 속도를 두고도 이견이 크다. 정부는 설명 노력을 강화해야 한다.
  결국 관건은 이행이다. 합의 문서보다 실무 협의가 얼마나 꾸준히 이어지는지가
관계의 향방을 가를 것이다.
"""


def test_structure_first_line_indent_marks_paragraphs():
    body = analyze_text(INDENTED, structure_only=True).structure.body.text
    assert body.count("\n\n") == 2
    assert "복원하고 경제안보 대화를" in body
    assert "강화해야 한다.\n\n결국 관건은" in body


BRACKET_NOTES = """1. 배경

양국 정상은 공급망 협력을 강화하기로 했다.[1] 후속 협의는 다음 달 열린다.[2]

[1] 외교부, “정상회담 결과”, 2025.3.4, https://www.mofa.go.kr/x
[2] 산업부 보도자료.
"""


def test_structure_bracketed_note_numbers():
    st = analyze_text(BRACKET_NOTES, structure_only=True).structure
    assert [r.n for r in st.footnote_refs] == [1, 2]
    assert [f.n for f in st.footnotes] == [1, 2]
    assert "강화하기로 했다. 후속 협의는 다음 달 열린다." in st.body.text
    assert st.citations[0].url == "https://www.mofa.go.kr/x"


PAGED = ("1. 개요\n양국 정상은 회담에서 공급망 협력을 강화하기로 합의했다.1 이어 외교 장관들은 후속\n"
         "1 외교부 발표 (2025.4.2).\n- 1 -\f"
         "연구원 브리프\n회의 일정을 조율했다. 전문가들은 실질적 진전이라고 평가했다.2\n"
         "2 전문가 좌담회.\n- 2 -\f"
         "연구원 브리프\n2. 평가\n후속 이행이 관건이다.\n- 3 -\f연구원 브리프\n정부의 대응이 중요하다.\n")


def test_structure_page_bottom_footnotes_with_form_feeds():
    st = analyze_text(PAGED, structure_only=True).structure
    assert [f.n for f in st.footnotes] == [1, 2]
    assert [r.n for r in st.footnote_refs] == [1, 2]
    assert "외교 장관들은 후속 회의 일정을 조율했다." in st.body.text
    assert "연구원 브리프" not in st.body.text and "- 2 -" not in st.body.text


GRID = """1. 주요 합의

정상들은 다음 사항에 합의했다.

[붙임] 정상회담 주요 합의 사항
┌────────┬──────────────────────────┐
│ 구분   │ 내용                     │
├────────┼──────────────────────────┤
│ 안보   │ 외교·국방 2+2 회의 정례화 │
│        │ (연 1회)                  │
├────────┼──────────────────────────┤
│ 경제   │ 공급망 조기경보 체계 구축 │
└────────┴──────────────────────────┘
출처: 외교부 (2025.8.24)

양측은 후속 협의를 이어간다.
"""


def test_structure_ruled_table_rows_and_continuations():
    st = analyze_text(GRID, structure_only=True).structure
    t = st.tables[0]
    assert t.caption == "[붙임] 정상회담 주요 합의 사항"
    assert [(r.header, r.cells) for r in t.rows] == [
        ("안보", ["외교·국방 2+2 회의 정례화 (연 1회)"]), ("경제", ["공급망 조기경보 체계 구축"])]
    assert t.source == "외교부 (2025.8.24)"
    assert "┌" not in st.body.text and "│" not in st.body.text
    assert "양측은 후속 협의를 이어간다." in st.body.text


def test_structure_marker_before_a_full_stop():
    text = "정상들은 안보 협력을 약속했다1. 경제 협력도 논의했다2. 시기는 미정이다3.\n\n1 가.\n2 나.\n3 다.\n"
    assert [r.n for r in analyze_text(text, structure_only=True).structure.footnote_refs] == [1, 2, 3]


ALIGNED = """<표 2> 공급망 협력 합의의 구성
구분            대상 품목        이행 시기
핵심광물        리튬, 흑연       2026년 상반기
반도체 소재     불화수소         즉시
자료: 산업통상자원부 (2025.9.1)
"""


def test_structure_space_aligned_table():
    t = analyze_text(ALIGNED, structure_only=True).structure.tables[0]
    assert t.caption == "<표 2> 공급망 협력 합의의 구성"
    assert [(r.header, r.cells) for r in t.rows] == [
        ("핵심광물", ["리튬, 흑연", "2026년 상반기"]), ("반도체 소재", ["불화수소", "즉시"])]
    assert t.source == "산업통상자원부 (2025.9.1)"


def _canon_with_table_notes(first_in_table: int, last_in_table: int, total: int):
    """A native document: note 1 cited in a paragraph, notes first..last cited in a table's cells,
    the rest cited in a paragraph after it."""
    from summitwatch.ingest.canon import Canon, marker
    canon = Canon()
    canon.native = True
    for n in range(1, total + 1):
        canon.footnote(n, f"풀이 {'가나다라마바사아자차카'[n - 1]}")
    canon.paragraph(f"표 앞 문단.{marker(1)}")
    canon.table([["항목", "값"]] + [[f"행{k}{marker(k)}", str(k * 7)] for k in range(first_in_table, last_in_table + 1)])
    canon.paragraph("표 뒤 문단." + "".join(f" 덧붙임{marker(n)}" for n in range(last_in_table + 1, total + 1)))
    return canon.document(doc_id="d", source="t", fmt="hwpx")


def test_structure_notes_after_their_table_are_body_and_linked_footnotes():
    from summitwatch.pipeline import analysis_text
    from summitwatch.structure import recover
    st = recover(_canon_with_table_notes(2, 3, 4))
    assert st.body.text.split("\n\n") == ["표 앞 문단.", "항목\n값\n행2\n14\n행3\n21", "2) 풀이 나", "3) 풀이 다",
                                          "표 뒤 문단. 덧붙임"]
    assert [(f.n, f.text.text, f.in_body) for f in st.footnotes] == [
        (1, "풀이 가", False), (2, "풀이 나", True), (3, "풀이 다", True), (4, "풀이 라", False)]
    assert [(r.n, r.dangling) for r in st.footnote_refs] == [(1, False), (2, False), (3, False), (4, False)]
    assert not st.warnings
    text, body_end = analysis_text(st)
    assert text.text.count("풀이 나") == 1 and text.text[body_end:].split() == ["풀이", "가", "풀이", "라"]


def test_structure_notes_after_the_body_skip_any_number_of_table_notes():
    from summitwatch.structure import recover
    st = recover(_canon_with_table_notes(2, 9, 10))
    assert [(f.n, f.text.text) for f in st.footnotes if not f.in_body] == [(1, "풀이 가"), (10, "풀이 차")]
    assert [f.n for f in st.footnotes] == list(range(1, 11))


def test_structure_no_marker_is_found_inside_a_note_written_after_its_table():
    from summitwatch.ingest.canon import Canon, marker
    from summitwatch.structure import recover
    canon = Canon()
    canon.native = True
    canon.places_markers = False    # markers are found in the text, as for a web page
    canon.footnote(1, "둘째 항목2에 관한 풀이")
    canon.footnote(2, "뒤 문단의 풀이")
    canon.table([["항목", "값"], [f"가{marker(1)}", "5"]])
    canon.paragraph("뒤 문단이 이어진다 (참조). 2 다음 말이 온다.")
    st = recover(canon.document(doc_id="d", source="t", fmt="html"))
    assert "둘째 항목2에 관한 풀이" in st.body.text and "(참조). 다음 말이 온다." in st.body.text
    assert [(r.n, r.dangling) for r in st.footnote_refs] == [(1, False), (2, False)]


def test_structure_section_labels_of_an_archive_page_are_headings():
    # a library's record of a paper: title, record fields, then the paper's own parts, each label
    # on a line of its own right against the text it names
    text = ("연구 보고서 열람\n\n"
            "해양 경계 협상의 쟁점과 과제\n\n"
            "저자 한바다\n발행기관 해양연구원\n발간 연도 2024년\n주제어 #해양 #경계 #협상\n"
            "요약\n"
            "이 보고서는 두 나라가 벌여 온 해양 경계 협상의 쟁점을 정리하고 앞으로의 협상 전략을 제시한다. "
            "양측의 입장 차이는 기준선 설정에서 가장 크다.\n"
            "차례\n"
            "협상의 경과\n\n"
            "쟁점별 입장\n")
    st = analyze_text(text, structure_only=True).structure
    assert [(h.level, h.text) for h in st.headings] == [
        (1, "해양 경계 협상의 쟁점과 과제"), (2, "요약"), (2, "차례")]
    assert "제시한다. 양측의 입장 차이는 기준선 설정에서 가장 크다.\n\n차례" in st.body.text


def test_structure_barred_section_title_after_body_text():
    text = ("항만 협력 점검\n\n"
            "지난 반년 동안 두 나라의 항만 협력은 눈에 띄게 속도를 냈다. 신규 항로가 세 곳에 열리고 부두 공동 투자도 늘었다.\n"
            "    | 남은 과제\n"
            "      화물 통관 절차를 하나로 맞추는 일이 남아 있다. 양국 세관은 협의를 이어 가기로 했다.\n")
    st = analyze_text(text, structure_only=True).structure
    assert [(h.level, h.text) for h in st.headings] == [(1, "항만 협력 점검"), (2, "남은 과제")]
