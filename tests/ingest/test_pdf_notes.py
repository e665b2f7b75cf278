"""PDF footnotes found by position, size and the marker that announces them. The pages are
drawn here with reportlab; every assertion is on the exact text that comes out."""
from fixtures import PageMaker

from summitwatch.ingest import load_bytes
from summitwatch.structure import recover

NOTE = 7.5
OTHER = "회의에서는 핵심 광물의 공동 비축과 기술 인력 교류를 넓히는 방안도 함께 논의되었다."


def _notes(doc) -> list[tuple[int, str]]:
    return [(f.n, f.text.text) for f in recover(doc).footnotes]


def _body(doc) -> list[str]:
    end = doc.layout.footnotes_start if doc.layout.footnotes_start is not None else len(doc.raw)
    return doc.raw[:end].strip().split("\n\n")


def _foot(pm: PageMaker, notes: list[str], rule: bool = True, y: float = 90.0) -> None:
    if rule:
        pm.rule(60, y + 14, 180, y + 14)
    for text in notes:
        pm.line(60, y, text, NOTE)
        y -= 11


def test_pdf_notes_numbering_may_start_at_three():
    pm = PageMaker()
    pm.column(60, 780, 470, "두 장관은 협의체 구성에 합의했다.{3} 후속 회의는 다음 달에 열린다.{4}")
    pm.column(60, 740, 470, OTHER)
    _foot(pm, ["3 외교부 보도자료 제12호 (2025.3.14)", "4 산업부 설명자료 (2025.3.15)"])
    doc = load_bytes(pm.bytes(), source="notes3.pdf")
    assert _body(doc) == ["두 장관은 협의체 구성에 합의했다.3 후속 회의는 다음 달에 열린다.4", OTHER]
    assert _notes(doc) == [(3, "외교부 보도자료 제12호 (2025.3.14)"), (4, "산업부 설명자료 (2025.3.15)")]
    refs = recover(doc).footnote_refs
    assert [(r.n, r.dangling) for r in refs] == [(3, False), (4, False)]


def test_pdf_notes_glued_number_is_a_note_not_body_text():
    pm = PageMaker()
    pm.column(60, 780, 470, "정부는 공급망 점검 결과를 공개하였다.{2)} 점검은 매년 이어진다.")
    _foot(pm, ["2)｢공급망 백서｣ 제2장 참조"])
    doc = load_bytes(pm.bytes(), source="glued.pdf")
    body = _body(doc)
    assert body == ["정부는 공급망 점검 결과를 공개하였다.2) 점검은 매년 이어진다."]
    assert _notes(doc) == [(2, "｢공급망 백서｣ 제2장 참조")]


def test_pdf_notes_small_print_on_a_later_page_stays_in_the_body():
    pm = PageMaker()
    pm.column(60, 780, 470, "협의체는 분기마다 이행 상황을 점검한다.{1}")
    _foot(pm, ["1 협의체 운영 규정 제3조"])
    pm.next_page()
    pm.column(60, 780, 470, "점검 결과는 다음 분기 초에 공개된다.")
    _foot(pm, ["5 개 부처가 함께 만든 참고 자료입니다."], rule=False)
    doc = load_bytes(pm.bytes(), source="smallprint.pdf")
    assert _notes(doc) == [(1, "협의체 운영 규정 제3조")]
    assert _body(doc) == ["협의체는 분기마다 이행 상황을 점검한다.1 점검 결과는 다음 분기 초에 공개된다.",
                          "5 개 부처가 함께 만든 참고 자료입니다."]


def test_pdf_notes_note_running_on_under_the_next_separator():
    pm = PageMaker()
    pm.column(60, 780, 470, "협의체는 분기마다 이행 상황을 점검한다.{1}")
    _foot(pm, ["1 협의체 운영 규정 제3조에 따르면 점검 결과는"])
    pm.next_page()
    pm.column(60, 780, 470, "점검 결과는 다음 분기 초에 공개된다.")
    _foot(pm, ["관계 부처에 먼저 알린다."])
    doc = load_bytes(pm.bytes(), source="runon.pdf")
    assert _notes(doc) == [(1, "협의체 운영 규정 제3조에 따르면 점검 결과는 관계 부처에 먼저 알린다.")]
    assert _body(doc) == ["협의체는 분기마다 이행 상황을 점검한다.1 점검 결과는 다음 분기 초에 공개된다."]


def test_pdf_notes_numbered_last_paragraph_without_marker_stays_body():
    """A body line that starts "1 …" near the end, in body size and with no marker announcing it,
    is text: neither the reader nor structure turns the rest of the document into note 1."""
    pm = PageMaker()
    pm.column(60, 780, 470, OTHER)
    pm.column(60, 740, 470, "1 단계에서는 협의체가 점검 대상을 정하고 2 단계에서 결과를 공개한다.")
    pm.column(60, 710, 470, "점검은 매년 되풀이된다.")
    doc = load_bytes(pm.bytes(), source="numbered.pdf")
    assert _notes(doc) == []
    assert _body(doc) == [OTHER, "1 단계에서는 협의체가 점검 대상을 정하고 2 단계에서 결과를 공개한다.",
                          "점검은 매년 되풀이된다."]
    assert recover(doc).body.text.split("\n\n")[1].startswith("1 단계에서는")


def test_pdf_notes_numbered_items_in_table_cells_at_the_foot_are_the_tables():
    # a note 1 and 2 are announced on the page; the small print at its foot is a ruled table
    # whose first column numbers its rows "1." "2.": they stay the table's, and no note opens
    pm = PageMaker()
    pm.column(60, 780, 470, "점검 항목은 분기마다 정한다.1) 세부 기준은 별도로 둔다.2)")
    xs, ys = [60, 250, 540], [200, 170, 140]
    for x in xs:
        pm.rule(x, ys[-1], x, ys[0])
    for y in ys:
        pm.rule(xs[0], y, xs[-1], y)
    for (item, how), top in zip([("1. 일정 준수", "계획 대비 완료율"), ("2. 예산 집행", "배정액 대비 집행률")], ys):
        pm.line(70, top - 18, item, NOTE)
        pm.line(260, top - 18, how, NOTE)
    doc = load_bytes(pm.bytes(), source="cells.pdf")
    assert _notes(doc) == []
    assert _body(doc) == ["점검 항목은 분기마다 정한다.1) 세부 기준은 별도로 둔다.2)",
                          "1. 일정 준수\n- 계획 대비 완료율\n2. 예산 집행\n- 배정액 대비 집행률"]


def test_pdf_notes_number_marked_many_pages_back_opens_no_note():
    # "3)" is written in the text of page 1; a numbered list in small print at the foot of
    # page 5 is no note to it (a note follows its marker within two pages)
    pm = PageMaker()
    pm.column(60, 780, 470, "위원회는 세 가지 원칙을 정하였다.3)")
    for k in range(4):
        pm.next_page()
        pm.column(60, 700 - 10 * k, 470, OTHER)
    _foot(pm, ["3 분기별 점검 결과는 위원회에 보고한다."], rule=False)
    doc = load_bytes(pm.bytes(), source="far.pdf")
    assert _notes(doc) == []
    assert _body(doc)[-1] == "3 분기별 점검 결과는 위원회에 보고한다."
