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


def test_pdf_layout_side_by_side_charts_are_read_one_after_another():
    # three bar charts side by side, each under its own title, their bars on a pitch of their
    # own (a few rows happen to share a baseline across charts); the value of each bar starts
    # where the bar ends; a note runs under all three: chart by chart, each label with its value
    charts = [(60, 27.0, "지역별 비중", [("아시아", "52%", 40), ("유럽", "31%", 25), ("기타", "17%", 12)]),
              (225, 8.3, "분야별 비중", [("반도체", "18.5%", 60), ("자동차", "12.0%", 40), ("조선", "9.1%", 30),
                                        ("철강", "7.7%", 24), ("화학", "5.2%", 16), ("섬유", "2.0%", 6)]),
              (395, 8.3, "상위 품목", [("메모리", "9.9%", 50), ("배터리", "6.4%", 32), ("선박", "4.1%", 20),
                                      ("합금", "3.3%", 16), ("필름", "2.5%", 12), ("원사", "1.2%", 6)])]
    pm = PageMaker()
    pm.line(60, 780, "교역 구성 현황", 12)
    for k, (x, pitch, title, bars) in enumerate(charts):
        pm.line(x, 750, title, 9)
        top = 730 - 3 * k
        for j, (label, value, length) in enumerate(bars):
            pm.line(x, top - pitch * j, label, 5)
            pm.line(x + 40 + length, top - pitch * j, value, 7)
    note = "모든 비중은 지난해 수출액을 기준으로 계산하였으며 반올림하여 합계가 맞지 않을 수 있다."
    pm.line(60, 640, note, 7)
    doc = load_bytes(pm.bytes(), source="charts3.pdf")
    words = doc.raw.replace("\n- ", " ").split()
    want = [w for _, _, title, bars in charts for w in title.split() + [x for b in bars for x in b[:2]]]
    assert words == ["교역", "구성", "현황"] + want + note.split()


def test_pdf_layout_labels_beside_wrapped_values_are_not_cut_from_them():
    # no rules; each label stands on the first line of a value wrapped over three: the labels'
    # step is three lines, the values' one, yet each label is on a line of its value — a
    # table, read label by label, not two strips
    rows = [("기간", ["올해 4월부터 내년 3월까지 이어지며", "중간 점검을 두 번 거친다", "세부 일정은 뒤에 정한다"]),
            ("담당", ["통상협력과 교류지원팀,", "해외 사무소 세 곳과", "협력 기관 두 곳"]),
            ("예산", ["30억 원", "예비비 2억 원 별도", "집행은 반기별로 한다"])]
    pm = PageMaker()
    pm.line(60, 780, "과제 개요", 12)
    y = 750
    for label, values in rows:
        pm.line(65, y, label, 9)
        for v in values:
            pm.line(125, y, v, 9)
            y -= 12
        y -= 6
    pm.line(60, y - 20, "이 과제는 다음 분기 공고를 거쳐 시작되며 결과는 연말에 알린다.", 10)
    doc = load_bytes(pm.bytes(), source="form.pdf")
    words = doc.raw.split()
    assert words == "과제 개요".split() + [w for label, values in rows for w in [label] + " ".join(values).split()] + \
        "이 과제는 다음 분기 공고를 거쳐 시작되며 결과는 연말에 알린다.".split()
