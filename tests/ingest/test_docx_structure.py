"""DOCX: nested tables and header rows, footnote markers in cells, headers and footers apart,
a text box read once (not again from its fallback copy), pictures counted."""
from __future__ import annotations

import io
import zipfile

from summitwatch.export import to_analysis
from summitwatch.ingest import load_bytes
from summitwatch.pipeline import Options, run

NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
      'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
      'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"')


def _p(text: str, extra: str = "") -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r>{extra}</w:p>"


def _tc(*content: str) -> str:
    return f"<w:tc>{''.join(content)}</w:tc>"


def _docx(body: str, header: str, notes: str) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("word/document.xml", f'<w:document {NS}><w:body>{body}</w:body></w:document>')
        z.writestr("word/header1.xml", f'<w:hdr {NS}>{header}</w:hdr>')
        z.writestr("word/footnotes.xml", f'<w:footnotes {NS}>{notes}</w:footnotes>')
    return out.getvalue()


def test_docx_structure_nested_table_note_in_cell_header_box():
    ref = '<w:r><w:footnoteReference w:id="5"/></w:r>'
    inner = f"<w:tbl><w:tr>{_tc(_p('속 하나'))}{_tc(_p('속 둘'))}</w:tr></w:tbl>"
    table = (f"<w:tbl><w:tr><w:trPr><w:tblHeader/></w:trPr>{_tc(_p('구분'))}{_tc(_p('내용'))}</w:tr>"
             f"<w:tr>{_tc(_p('첫 칸', ref))}{_tc(_p('겉 글'), inner, _p(''))}</w:tr></w:tbl>")
    box = ('<w:r><mc:AlternateContent><mc:Choice><w:drawing><w:txbxContent>' + _p("상자 속 글")
           + '</w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent>' + _p("상자 속 글")
           + '</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r>')
    body = (_p("문서의 첫 문단이다.") + table + f"<w:p>{box}</w:p>"
            + '<w:p><w:r><w:drawing><a:blip/></w:drawing></w:r></w:p>' + _p("마지막 문단이다."))
    notes = '<w:footnote w:id="5"><w:p><w:r><w:t>칸에 달린 각주</w:t></w:r></w:p></w:footnote>'
    got = to_analysis(run(load_bytes(_docx(body, _p("머리글 문구"), notes), source="t.docx"),
                          Options(structure_only=True)))
    # the note whose marker a cell holds is written right after its table (and stays a footnote)
    assert got.text.split("\n\n") == ["문서의 첫 문단이다.", "구분\n내용\n첫 칸\n겉 글 속 하나 속 둘", "1) 칸에 달린 각주",
                                      "상자 속 글", "마지막 문단이다.", "머리글 문구"]
    assert [(t.header_rows, t.parent, [(r.header, r.cells) for r in t.rows]) for t in got.tables] == [
        (1, None, [("구분", ["내용"]), ("첫 칸", ["겉 글 속 하나 속 둘"])]),
        (0, 0, [("속 하나", ["속 둘"])]),
    ]
    assert [(f.n, f.text) for f in got.footnotes] == [(1, "칸에 달린 각주")]
    assert [(r.n, r.dangling) for r in got.footnote_refs] == [(1, False)]
    assert got.warnings == ["1 image(s) not read"]


def test_docx_structure_numbered_paragraphs_are_list_items_with_levels():
    def item(text: str, ilvl: int) -> str:
        return (f'<w:p><w:pPr><w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="1"/></w:numPr></w:pPr>'
                f'<w:r><w:t>{text}</w:t></w:r></w:p>')
    body = _p("목록 앞 문단.") + item("첫 항목", 0) + item("딸린 항목", 1) + _p("목록 뒤 문단.")
    ctx = run(load_bytes(_docx(body, "", ""), source="l.docx"), Options(structure_only=True))
    st = ctx.structure
    assert [(b.kind, b.level, st.body.text[b.start:b.end]) for b in st.blocks] == [
        ("paragraph", None, "목록 앞 문단."), ("list_item", 1, "첫 항목"), ("list_item", 2, "딸린 항목"),
        ("paragraph", None, "목록 뒤 문단.")]
