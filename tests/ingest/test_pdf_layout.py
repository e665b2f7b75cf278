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
