from summitwatch.ingest.canon import TableSpec, flatten


def test_canon_flatten_reads_caption_then_cells_of_nested_tables():
    inner = TableSpec(rows=[["a1", ["b1", "  "]], ["a2\n wrapped", "b2"]], caption="Inner")
    items = ["  first  line ", inner, "", "last"]
    assert flatten(items) == ["first line", "Inner", "a1", "b1", "a2 wrapped", "b2", "last"]


def test_canon_flatten_is_shared_by_hwp_and_hwpx():
    from summitwatch.ingest import hwp_body, hwpx
    assert hwp_body.flatten is flatten and hwpx.flatten is flatten
    assert not hasattr(hwp_body, "_flatten") and not hasattr(hwpx, "_flatten")
