"""HWPX: headers and footers apart from the body, text boxes, nested tables with header rows,
footnote markers in cells, pictures counted."""
from __future__ import annotations

import io
import zipfile

from fixtures import HP, HS, _hwpx_header

from summitwatch.export import to_analysis
from summitwatch.ingest import load_bytes
from summitwatch.pipeline import Options, run

SUB = '<hp:subList id="" textDirection="HORIZONTAL" lineWrap="BREAK" vertAlign="TOP">{}</hp:subList>'


def _p(*runs: str) -> str:
    return f'<hp:p id="0" paraPrIDRef="0" styleIDRef="0">{"".join(runs)}</hp:p>'


def _t(text: str) -> str:
    return f'<hp:run charPrIDRef="0"><hp:t>{text}</hp:t></hp:run>'


def _ctrl(inner: str) -> str:
    return f'<hp:run charPrIDRef="0"><hp:ctrl>{inner}</hp:ctrl></hp:run>'


def _tbl(rows: list[list[str]], header: bool = False) -> str:
    trs = []
    for r, row in enumerate(rows):
        tcs = "".join(f'<hp:tc header="{1 if header and r == 0 else 0}">{SUB.format(cell)}'
                      f'<hp:cellAddr colAddr="{c}" rowAddr="{r}"/></hp:tc>' for c, cell in enumerate(row))
        trs.append(f"<hp:tr>{tcs}</hp:tr>")
    return f'<hp:run charPrIDRef="0"><hp:tbl rowCnt="{len(rows)}">{"".join(trs)}</hp:tbl></hp:run>'


def _hwpx(body: str) -> bytes:
    section = f'<?xml version="1.0" encoding="UTF-8"?><hs:sec xmlns:hs="{HS}" xmlns:hp="{HP}">{body}</hs:sec>'
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("mimetype", "application/hwp+zip")
        z.writestr("Contents/header.xml", _hwpx_header())
        z.writestr("Contents/section0.xml", section)
    return out.getvalue()


def _analysis(data: bytes):
    return to_analysis(run(load_bytes(data, source="t.hwpx"), Options(structure_only=True)))


def test_hwpx_objects_header_footer_box_table_note():
    note = _ctrl(f'<hp:footNote>{SUB.format(_p(_t("칸 속 주석의 내용")))}</hp:footNote>')
    inner = _tbl([[_p(_t("안쪽 하나")), _p(_t("안쪽 둘"))]])
    body = (_p(_ctrl(f'<hp:header>{SUB.format(_p(_t("머리말 글")))}</hp:header>'),
               _ctrl(f'<hp:footer>{SUB.format(_p(_t("꼬리말 글")))}</hp:footer>'), _t("본문이 시작된다"))
            + _p(_tbl([[_p(_t("구분")), _p(_t("값"))],
                       [_p(_t("가"), note), _p(_t("바깥 글")) + _p(inner)]], header=True))
            + _p(f'<hp:run charPrIDRef="0"><hp:rect><hp:drawText>{SUB.format(_p(_t("글상자 속 문장")))}'
                 f'</hp:drawText></hp:rect></hp:run>', _t("본문 끝"))
            + _p('<hp:run charPrIDRef="0"><hp:pic/></hp:run>'))
    got = _analysis(_hwpx(body))
    # the note anchored in a cell follows its table in the body, and stays a linked footnote
    assert got.text.split("\n\n") == ["본문이 시작된다", "구분\n값\n가\n바깥 글 안쪽 하나 안쪽 둘", "1) 칸 속 주석의 내용",
                                      "본문 끝", "글상자 속 문장", "머리말 글", "꼬리말 글"]
    assert [(t.header_rows, t.parent, [(r.header, r.cells) for r in t.rows]) for t in got.tables] == [
        (1, None, [("구분", ["값"]), ("가", ["바깥 글 안쪽 하나 안쪽 둘"])]),
        (0, 0, [("안쪽 하나", ["안쪽 둘"])]),
    ]
    assert [(f.n, f.text) for f in got.footnotes] == [(1, "칸 속 주석의 내용")]
    assert [(r.n, r.dangling) for r in got.footnote_refs] == [(1, False)]
    assert got.warnings == ["1 image(s) not read"]


def test_hwpx_objects_text_only_in_a_header_is_not_refused():
    got = _analysis(_hwpx(_p(_ctrl(f'<hp:header>{SUB.format(_p(_t("머리말뿐인 문서")))}</hp:header>'))))
    assert got.text == "머리말뿐인 문서"


def test_hwpx_objects_markup_nested_thousands_deep_refused_in_one_line():
    import pytest
    from summitwatch.ingest.errors import InputError
    deep = '<hp:run charPrIDRef="0">' * 3000 + _t("글") + "</hp:run>" * 3000
    with pytest.raises(InputError) as e:
        load_bytes(_hwpx(_p(deep)), source="deep.hwpx")
    assert str(e.value) == "the HWPX file nests its parts too deeply to be a document"
