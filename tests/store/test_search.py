"""Morpheme search on both databases: 투자 finds 투자를 and 투자하기로, with raw offsets."""
from handmade_corpus import prepared


def _load(store):
    for name in ("statement.txt", "news.txt", "poll.txt"):
        store.save(prepared(name), f"/corpus/{name}")


def test_search_finds_inflected_forms(store):
    _load(store)
    hits = store.search("투자")
    texts = [h.snippet for h in hits]
    assert any("투자하기로" in t for t in texts) and any("투자를" in t or "투자는" in t for t in texts)
    raw = {name: prepared(name).raw_text for name in ("statement.txt", "news.txt")}
    by_id = {prepared(n).id: t for n, t in raw.items()}
    for h in hits:
        assert by_id[h.document][h.start:h.end].strip()
        assert all(by_id[h.document][a:z] == "투자" for a, z in h.hits)
    assert [h.rank for h in hits] == sorted((h.rank for h in hits), reverse=True)


def test_search_query_is_analysed_too(store):
    _load(store)
    # a verb in another ending finds its stem: 늘리다 -> 늘리 (in 늘리기로)
    hits = store.search("늘리다")
    assert len(hits) == 1 and "청년 교류" in hits[0].snippet
    # every morpheme is required
    assert store.search("배터리 청년") == []
    assert store.search("없는낱말") == []


def test_search_same_results_on_both_databases(store):
    """Both backends index the same morphemes: a compound query needs all of its parts."""
    _load(store)
    raw = {prepared(n).id: prepared(n).raw_text for n in ("statement.txt", "news.txt")}
    got = store.search("정상회담")
    assert {h.document for h in got} == set(raw)
    for h in got:
        assert sorted({raw[h.document][a:z] for a, z in h.hits}) == ["정상", "회담"]
