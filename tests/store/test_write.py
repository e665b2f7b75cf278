"""One document per transaction; facts keep the export's stable ids and raw spans."""
from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from summitwatch.store import schema as s

from handmade_corpus import prepared


def _count(store, table):
    with Session(store.engine) as ses:
        return ses.scalar(select(func.count()).select_from(table))


def test_write_save_stores_document_run_facts_and_units(store):
    p = prepared("statement.txt")
    store.save(p, "/corpus/statement.txt")
    detail = store.document(p.id[:10])
    assert detail.document.sources == ["/corpus/statement.txt"]
    assert detail.text == p.raw_text
    assert {f.id for f in detail.facts} == {f["id"] for f in p.facts}
    assert detail.document.reference_date == "2031-04-09"
    assert detail.document.reference_date_source == p.reference_date_source not in ("", "none")
    for f in detail.facts:
        if f.kind in ("dates", "quantities"):
            assert p.raw_text[f.start:f.end] == f.text
    assert _count(store, s.SearchUnit) == len(p.units) > 0


def test_write_save_again_replaces_facts_and_units(store):
    p = prepared("news.txt")
    store.save(p, "/a/news.txt")
    store.save(p, "/b/news.txt")
    assert _count(store, s.Document) == 1
    assert _count(store, s.Fact) == len(p.facts)
    assert _count(store, s.SearchUnit) == len(p.units)
    assert _count(store, s.AnalysisRun) == 2
    assert store.document(p.id).document.sources == ["/a/news.txt", "/b/news.txt"]
    if store.dialect == "sqlite":
        with store.engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM search_fts")).scalar() == len(p.units)


def test_write_failed_transaction_leaves_nothing(store):
    p = prepared("poll.txt")
    broken = type(p)(**{**p.__dict__, "facts": p.facts + [dict(p.facts[0])]})   # a duplicate fact id
    try:
        store.save(broken, "/x/poll.txt")
    except Exception:
        pass
    else:
        raise AssertionError("a duplicate fact id must fail the write")
    assert _count(store, s.Document) == 0 and _count(store, s.Fact) == 0 and _count(store, s.SearchUnit) == 0


def test_write_fact_ids_are_stable_and_positional():
    from summitwatch.store.prepare import prepare

    body = "양국은 2031년 5월 3일 회담했다.\n\n양국은 2031년 5월 3일 회담했다.\n".encode()
    first, again = prepare(body, "a.txt").facts, prepare(body, "b.txt").facts
    assert [f["id"] for f in first] == [f["id"] for f in again]          # same bytes, same ids
    dates = [f for f in first if f["kind"] == "dates"]
    assert [d["text"] for d in dates] == ["2031년 5월 3일", "2031년 5월 3일"]
    assert dates[0]["id"] != dates[1]["id"]                               # same words, other place
    assert len({f["id"] for f in first}) == len(first)


def test_write_unresolved_dates_are_facts_too(store):
    from summitwatch.store.prepare import prepare

    p = prepare("양국은 5월 3일 다시 만나기로 했다.\n".encode(), "undated.txt")
    store.save(p, "/x/undated.txt")
    [f] = [f for f in store.document(p.id).facts if f.kind == "dates_unresolved"]
    assert (f.text, f.value["value"]) == ("5월 3일", None)
    assert p.raw_text[f.start:f.end] == "5월 3일"


def test_write_every_fact_of_the_export_is_stored(store):
    import json

    from summitwatch.model.export import Analysis

    p = prepared("statement.txt")
    store.save(p, "/x/statement.txt")
    export = json.loads(p.analysis)

    def ids(items):
        for it in items:
            yield it["id"]
            yield from ids(it.get("children", []))

    # every list of the export whose items carry an id is a kind of fact
    kinds = [k for k in Analysis.model_fields if any(isinstance(x, dict) and "id" in x for x in export.get(k, []))]
    want = {i for k in kinds for i in ids(export.get(k, []))}
    assert want and {f.id for f in store.document(p.id).facts} == want
