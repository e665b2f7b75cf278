"""News and web pages: headline, deck lines, subheads and page furniture (pages written here)."""
from summitwatch.pipeline import analyze_text
from summitwatch.structure.news import furniture_kind

from summitwatch.model.mapped import MappedText
from summitwatch.model.structure import Block, Structure
from summitwatch.structure import news

# A news page as blocks (one per line here): the segmenter's reflow is tested elsewhere.
NEWS_PAGE = [
    "전체메뉴",
    "정치 외교 경제",
    "한·필리핀 외교장관, 해양 협력 문서 서명…“공급망 함께 지킨다”",
    "• 윤가람 기자 (garam@example.kr)",
    "• 승인 2024.06.03 18:05",
    "이 기사를 공유합니다",
    "공동 순찰 확대하고 연말 정상 방문 추진",
    "희토류 가공 설비에 공동 투자",
    "양국 외교장관은 3일 마닐라에서 회담을 열고 해양 협력 문서에 서명했다. 장관들은 공동 순찰을 확대하기로 했다고 밝혔다.",
    "악수하는 두 장관. (사진=가상통신)",
    "양국은 희토류 가공 설비에 공동으로 투자하기로 하고 실무단을 꾸리기로 했다. 투자 규모는 추후 정하기로 했다.",
    "후속 협의 일정",
    "양측은 다음 달 실무 협의를 열어 세부 사항을 정하기로 했다. 외교부는 이번 합의가 공급망 안정에 기여할 것이라고 설명했다.",
    "많이 본 뉴스",
    "다른 나라 정상 방문 일정 확정",
    "환율 하루 만에 반등",
    "ⓒ 가상일보 무단 전재 및 재배포 금지",
]


def _page(blocks):
    st = Structure(body=MappedText.identity("\n\n".join(blocks)))
    pos = 0
    for b in blocks:
        st.blocks.append(Block("list_item" if b.startswith("•") else "paragraph", pos, pos + len(b)))
        pos += len(b) + 2
    news.apply(st)
    return st


def test_news_headline_decks_and_subhead():
    st = _page(NEWS_PAGE)
    assert [(h.level, h.text, h.role) for h in st.headings] == [
        (1, "한·필리핀 외교장관, 해양 협력 문서 서명…“공급망 함께 지킨다”", "headline"),
        (2, "공동 순찰 확대하고 연말 정상 방문 추진", "deck"),
        (2, "희토류 가공 설비에 공동 투자", "deck"),
        (2, "후속 협의 일정", "subhead"),
    ]
    assert all(st.body.text[h.start:h.start + len(h.text)] == h.text for h in st.headings)


def test_news_furniture_is_marked():
    st = _page(NEWS_PAGE)
    kinds = {st.body.text[b.start:b.end].strip("• "): b.kind for b in st.furniture}
    assert kinds == {
        "전체메뉴": "menu", "윤가람 기자 (garam@example.kr)": "byline", "승인 2024.06.03 18:05": "stamp",
        "이 기사를 공유합니다": "tools", "악수하는 두 장관. (사진=가상통신)": "caption", "많이 본 뉴스": "related",
        "다른 나라 정상 방문 일정 확정": "related", "환율 하루 만에 반등": "related",
        "ⓒ 가상일보 무단 전재 및 재배포 금지": "copyright"}


def test_news_english_wire_subheads():
    text = ("SEOUL, June 3 (Wire) - The two ministers met on Monday and agreed to widen joint patrols in the disputed "
            "waters, officials said on condition of anonymity.\n"
            "Patrols and supply chains\n"
            "The ministers also discussed minerals and the processing plants both governments plan to fund. They will "
            "meet again in the autumn, the ministry said.\n"
            "A second round of talks is expected before the end of the year, according to two diplomats.\n")
    st = analyze_text(text, structure_only=True).structure
    assert [(h.level, h.text) for h in st.headings] == [(2, "Patrols and supply chains")]


def test_news_outlined_brief_keeps_its_title_out_of_headings():
    text = "동북아 해양 협력의 과제\n\n1. 배경\n\n양국은 협력을 확대해 왔다. 협의체도 만들었다.\n\n2. 과제\n\n정례화가 필요하다."
    st = analyze_text(text, structure_only=True).structure
    assert [h.text for h in st.headings] == ["1. 배경", "2. 과제"]


def test_news_furniture_kinds():
    assert furniture_kind("Reporting by Jane Roe; Editing by John Doe") == "byline"
    assert furniture_kind("Feb 3, 2024, 7:15 AM | Updated: Feb 4, 2024, 1:00 pm") == "stamp"
    assert furniture_kind("양측은 회담에서 협력을 확대하기로 했다.") is None


def test_news_title_over_outline_after_preamble_is_a_heading():
    # A statement: its title, a preamble in prose, then its numbered parts. The title is a
    # heading above the parts (which go one level down); a brief whose outline opens right
    # under its title keeps the title out (test above).
    text = ("두 나라 해양 협력에 관한 공동 발표문\n\n"
            "양국 장관은 오늘 항구 도시에서 만나 바다의 안전과 자원 관리를 위해 힘을 모으기로 하였다. "
            "장관들은 지난 협의의 결과를 함께 점검하였다.\n\n"
            "I. 해상 안전\n\n"
            "양측은 공동 순찰을 늘리고 구조 훈련을 해마다 열기로 하였다. 정보 공유 체계도 손보기로 하였다.\n")
    st = analyze_text(text, structure_only=True).structure
    assert [(h.level, h.text) for h in st.headings] == [
        (1, "두 나라 해양 협력에 관한 공동 발표문"), (2, "I. 해상 안전")]


def test_news_field_list_item_after_metadata_is_not_a_deck():
    page = ["정책 자료실",
            "섬 지역 물류 지원, 항만 연계 강화로 풀어야",
            "• 보도일 2024. 5. 2.",
            "• 분류 연구기관",
            "• 기관명 해양정책연구소",
            "섬 지역의 물류비는 내륙보다 두 배 가까이 높다. 연구소는 항만 사이의 연계를 늘리고 정기 화물선을 "
            "지원하는 방안을 내놓았다."]
    st = _page(page)
    assert [(h.level, h.text) for h in st.headings] == [(1, "섬 지역 물류 지원, 항만 연계 강화로 풀어야")]
    kinds = {st.body.text[b.start:b.end]: b.kind for b in st.furniture}
    assert kinds.get("• 분류 연구기관") == "metadata"
