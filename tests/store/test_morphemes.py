"""Search morphemes: content morphemes only, the same for a query and a document."""
from summitwatch.store.morphemes import hits, query_terms, units_of


def test_morphemes_query_keeps_stems_not_endings():
    assert query_terms("투자하기로") == ["투자"]
    assert query_terms("투자를 투자") == ["투자"]
    assert query_terms("LNG를 구매하다") == ["lng", "구매"]


def test_morphemes_query_without_content_falls_back_to_words():
    assert query_terms("을") == ["을"]
    assert query_terms("   ") == []


def test_morphemes_units_carry_raw_spans():
    from summitwatch.pipeline import analyze_text

    text = "양국은 배터리에 투자하기로 했다.\n\n정부는 투자를 늘렸다.\n"
    ctx = analyze_text(text)
    units = units_of(ctx)
    assert [u["text"] for u in units] == ["양국은 배터리에 투자하기로 했다.", "정부는 투자를 늘렸다."]
    for u in units:
        assert text[u["raw_start"]:u["raw_end"]] == u["text"]
        assert [text[a:z] for a, z in hits(u["morphemes"], u["offsets"], ["투자"])] == ["투자"]
