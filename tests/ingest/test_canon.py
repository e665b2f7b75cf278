from summitwatch.ingest.canon import TableSpec, flatten


def test_canon_flatten_reads_caption_then_cells_of_nested_tables():
    inner = TableSpec(rows=[["a1", ["b1", "  "]], ["a2\n wrapped", "b2"]], caption="Inner")
    items = ["  first  line ", inner, "", "last"]
    assert flatten(items) == ["first line", "Inner", "a1", "b1", "a2 wrapped", "b2", "last"]


def test_canon_flatten_is_shared_by_hwp_and_hwpx():
    from summitwatch.ingest import hwp_body, hwpx
    assert hwp_body.flatten is flatten and hwpx.flatten is flatten
    assert not hasattr(hwp_body, "_flatten") and not hasattr(hwpx, "_flatten")


def _noted_table(late_body: bool = False):
    """Canonical text of: a paragraph, a table whose cells cite notes 1 and 2, a paragraph citing 3."""
    from summitwatch.ingest.canon import Canon, marker
    canon = Canon()
    canon.native = True
    canon.paragraph("앞 문단이다.")
    canon.footnote(1, "첫 칸의 풀이")
    if not late_body:
        canon.footnote(2, "둘째 칸의 풀이")
    canon.table([["항목", "값"], [f"가{marker(1)}", f"12{marker(2)}"]])
    canon.paragraph(f"뒤 문단이 셋째를 단다.{marker(3)}")
    if late_body:
        canon.footnote(2, "둘째 칸의 풀이")
    canon.footnote(3, "본문 주석")
    return canon.document(doc_id="d", source="t", fmt="hwp")


def test_canon_notes_anchored_in_cells_follow_their_table():
    doc = _noted_table()
    assert doc.raw.split("\n\n") == ["앞 문단이다.", "항목\n- 값\n가1\n- 122", "1) 첫 칸의 풀이", "2) 둘째 칸의 풀이",
                                     "뒤 문단이 셋째를 단다.3", "3 본문 주석\n"]
    assert [(doc.raw[a:b], n) for a, b, n in doc.layout.notes] == [("첫 칸의 풀이", 1), ("둘째 칸의 풀이", 2)]
    assert doc.raw[doc.layout.footnotes_start:].startswith("3 본문 주석")


def test_canon_note_body_known_only_after_its_table_stays_after_the_body():
    doc = _noted_table(late_body=True)
    assert doc.raw.split("\n\n")[2:] == ["1) 첫 칸의 풀이", "뒤 문단이 셋째를 단다.3", "2 둘째 칸의 풀이", "3 본문 주석\n"]
    assert [n for _, _, n in doc.layout.notes] == [1]
