"""PDF layout: columns read column by column, ruled tables cell by cell. The pages are drawn
here with reportlab; every assertion is on the exact text that comes out."""
from fixtures import PageMaker

from summitwatch.export import to_analysis
from summitwatch.ingest import load_bytes
from summitwatch.pipeline import Options, run

TITLE = "공급망 협력 점검 회의 결과"
LEFT = ("양국은 올해 하반기에 공급망 협력을 위한 실무 협의체를 새로 구성하기로 하였으며 첫 회의는 "
        "서울에서 열릴 예정이라고 밝혔다.")
RIGHT = ("이번 합의에는 핵심 광물의 공동 비축과 기술 인력 교류를 확대하는 방안이 포함되었고 세부 일정은 "
         "추후 발표된다고 덧붙였다.")
LEFT_2 = "협의체는 분기마다 한 번씩 이행 상황을 점검하고 그 결과를 공개한다."


def _paragraphs(doc) -> list[str]:
    return [p for p in doc.raw.strip().split("\n\n")]


def test_pdf_layout_two_columns_read_column_by_column():
    pm = PageMaker()
    pm.line(60, 780, TITLE, 16)
    y = pm.column(60, 740, 220, LEFT)
    pm.column(60, y - 8, 220, LEFT_2)
    pm.column(320, 740, 220, RIGHT)
    doc = load_bytes(pm.bytes(), source="columns.pdf")
    assert _paragraphs(doc) == [TITLE, LEFT, LEFT_2, RIGHT]


def test_pdf_layout_full_width_paragraph_between_column_bands():
    pm = PageMaker()
    pm.column(60, 780, 220, LEFT)
    pm.column(320, 780, 220, RIGHT)
    y = pm.column(60, 660, 480, LEFT_2)
    pm.column(60, y - 20, 220, RIGHT)
    pm.column(320, y - 20, 220, LEFT)
    doc = load_bytes(pm.bytes(), source="bands.pdf")
    assert _paragraphs(doc) == [LEFT, RIGHT, LEFT_2, RIGHT, LEFT]


def test_pdf_layout_ruled_table_read_cell_by_cell():
    pm = PageMaker()
    pm.line(60, 780, "회의 일정", 12)
    xs, ys = [60, 160, 540], [760, 700, 640]
    for x in xs:
        pm.rule(x, ys[-1], x, ys[0])
    for y in ys:
        pm.rule(xs[0], y, xs[-1], y)
    cells = [("1차 회의", "실무 협의체 구성과 운영 규칙을 확정하고 첫 점검 대상을 고른다"),
             ("2차 회의", "핵심 광물 비축 현황을 공유하고 공동 비축 시설의 후보지를 검토한다")]
    for (head, text), top in zip(cells, ys):
        pm.line(70, top - 16, head)
        pm.column(170, top - 16, 170, text)      # wraps inside the cell, beside its row header
    doc = load_bytes(pm.bytes(), source="table.pdf")
    # each cell's wrapped lines are joined into the cell; the grid goes to structure as a table
    assert _paragraphs(doc) == ["회의 일정", "\n".join(f"{h}\n- {t}" for h, t in cells)]
    got = to_analysis(run(doc, Options(structure_only=True)))
    assert [[(r.header, r.cells) for r in t.rows] for t in got.tables] == [[(h, [t]) for h, t in cells]]


def test_pdf_layout_framed_boxes_side_by_side_stay_paragraphs():
    # one row of ruled boxes is page layout, not a table: each box is read as its own paragraph
    pm = PageMaker()
    xs, ys = [60, 300, 540], [760, 640]
    for x in xs:
        pm.rule(x, ys[-1], x, ys[0])
    for y in ys:
        pm.rule(xs[0], y, xs[-1], y)
    pm.column(70, 744, 210, LEFT_2)
    pm.column(310, 744, 210, LEFT_2[::-1].strip())
    doc = load_bytes(pm.bytes(), source="boxes.pdf")
    assert _paragraphs(doc) == [LEFT_2, LEFT_2[::-1].strip()]
    assert doc.layout.tables == []


def test_pdf_layout_stacked_labels_of_side_by_side_charts_are_not_run_together():
    # three small bar charts side by side, their labels on baselines a few points apart: each
    # label stays a word of its own, followed by its value, top to bottom within its chart
    charts = [(60, 700.0, [("소비재", "41.5%"), ("에너지", "12.0%"), ("금융", "9.5%")]),
              (230, 697.0, [("채권", "30.0%"), ("예금", "5.0%")]),
              (400, 694.5, [("미국", "22.0%"), ("일본", "8.0%")])]
    pm = PageMaker()
    pm.line(60, 780, "항목별 배분 현황", 12)
    for x, top, items in charts:
        for k, (label, value) in enumerate(items):
            pm.line(x, top - 8 * k, label, 5)
            pm.line(x + 50, top - 8 * k, value, 7)
    doc = load_bytes(pm.bytes(), source="charts.pdf")
    words = doc.raw.replace("\n- ", " ").split()
    assert words[:3] == ["항목별", "배분", "현황"]
    assert sorted(words[3:]) == sorted(w for _, _, items in charts for pair in items for w in pair)
    for _, _, items in charts:
        at = [words.index(label) for label, _ in items]
        assert at == sorted(at)
        assert all(words[words.index(label) + 1] == value for label, value in items)


def test_pdf_layout_tick_labels_beside_a_paragraph_are_their_own_region():
    # a chart's axis labels, on a step of their own, just left of a paragraph: the labels are
    # read first, the paragraph after them, whole
    text = ("양국 정상은 이번 회담에서 교역 확대와 공급망 안정을 위한 여러 조치에 합의하였고 실무진은 다음 달까지 "
            "세부 이행 계획을 마련하여 각국 정부에 보고하기로 하였다. 또한 청년 교류 사업을 두 배로 늘리고 "
            "문화 행사를 해마다 번갈아 여는 방안도 함께 검토하기로 하였다.")
    ticks = ["40%", "30%", "20%", "10%", "0%"]
    pm = PageMaker()
    for k, tick in enumerate(ticks):
        pm.line(150, 737 - 19 * k, tick, 7)
    pm.column(200, 740, 300, text, 10, 13)
    doc = load_bytes(pm.bytes(), source="ticks.pdf")
    assert _paragraphs(doc) == ticks + [text]


def test_pdf_layout_labels_beside_values_in_a_ruled_box_read_label_then_value():
    # a box of labels, a rule, their values (one wrapped over two lines): row by row
    rows = [("기간", ["2025년 3월부터 2026년 2월까지"]), ("담당", ["국제협력과 교류지원팀,", "지역 사무소 두 곳"]),
            ("예산", ["12억 원"])]
    pm = PageMaker()
    pm.line(60, 780, "사업 개요", 12)
    pm.rule(60, 760, 400, 760)
    pm.rule(60, 680, 400, 680)
    pm.rule(115, 680, 115, 760)
    y = 748
    for label, values in rows:
        pm.line(65, y, label, 9)
        for v in values:
            pm.line(125, y, v, 9)
            y -= 12
    doc = load_bytes(pm.bytes(), source="labels.pdf")
    assert _paragraphs(doc) == ["사업 개요", "기간", "2025년 3월부터 2026년 2월까지", "담당",
                                "국제협력과 교류지원팀, 지역 사무소 두 곳", "예산", "12억 원"]


def test_pdf_layout_two_texts_wrapping_side_by_side_in_a_box_stay_whole():
    # the same rule between two columns of running text of equal width (an old and a new
    # wording side by side): each column is read whole, not line by line across the rule
    pm = PageMaker()
    pm.rule(60, 770, 540, 770)
    pm.rule(60, 640, 540, 640)
    pm.rule(300, 640, 300, 770)
    pm.column(70, 750, 210, LEFT, 10, 14)
    pm.column(310, 750, 210, RIGHT, 10, 14)
    doc = load_bytes(pm.bytes(), source="compare.pdf")
    assert _paragraphs(doc) == [LEFT, RIGHT]


def test_pdf_layout_heading_under_both_columns_follows_them():
    # two columns end; after a gap across the page, a heading on the left (a unit note on the
    # right) opens what comes next: it is read after both columns, not as the left one's end
    pm = PageMaker()
    y_left = pm.column(60, 780, 220, LEFT + " " + LEFT_2)
    y_right = pm.column(320, 780, 220, RIGHT)
    y = min(y_left, y_right) - 30
    pm.line(60, y, "추진 일정", 12)
    pm.line(480, y, "(단위: 건)", 8)
    pm.column(60, y - 30, 480, LEFT_2)
    doc = load_bytes(pm.bytes(), source="sections.pdf")
    assert _paragraphs(doc) == [LEFT + " " + LEFT_2, RIGHT, "추진 일정 (단위: 건)", LEFT_2]
