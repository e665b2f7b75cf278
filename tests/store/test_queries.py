"""Tracking's result persisted and read back: summits, commitments with lineage, evidence and
history, polls and scores, exactly as given; filters; replacing keeps reviews."""
import pytest

from summitwatch.store import NotFound
from summitwatch.track import model as tm

from handmade_corpus import prepared, tracking


@pytest.fixture
def tracked(store):
    for name in ("statement.txt", "news.txt", "poll.txt"):
        store.save(prepared(name), f"/corpus/{name}")
    store.replace_tracking(tracking())
    return store


def test_queries_summits_as_json_fields(tracked):
    [s] = tracked.summits()
    data = s.model_dump(mode="json")
    assert {"id", "date", "end", "place", "forum", "parties", "documents"} <= set(data)
    assert data["parties"] == ["KR", "CA"] and data["date"] == "2031-04-09" and data["place"] == "Ottawa"
    assert data["documents"] == [prepared("statement.txt").id, prepared("news.txt").id]
    assert tracked.summits(party="ca") == [s] and tracked.summits(party="JP") == []


def test_queries_commitment_round_trips(tracked):
    want = {c.id: c for c in tracking().commitments}
    for cid, c in want.items():
        got = tracked.commitment(cid[:5]).commitment
        assert got == c
    detail = tracked.commitment("c-invest")
    assert detail.summit.id == "s-kr-ca-20310409"
    assert detail.commitment.mentions[1].changes == ["softened"]
    ev = detail.commitment.evidence[0]
    assert ev.span.quote == prepared("news.txt").raw_text[ev.span.start:ev.span.end]


def test_queries_commitment_filters(tracked):
    ids = lambda rows: [r.id for r in rows]  # noqa: E731
    assert ids(tracked.commitments()) == ["c-invest", "c-youth"]
    assert ids(tracked.commitments(party="KR")) == ["c-youth"]
    assert ids(tracked.commitments(status="kept")) == ["c-invest"]
    assert ids(tracked.commitments(status="0")) == ["c-youth"]
    assert ids(tracked.commitments(summit="s-kr-ca")) == ["c-invest", "c-youth"]
    row = tracked.commitments(status="+1")[0]
    assert (row.mentions, row.evidence, row.score) == (2, 1, 1)


def test_queries_summit_detail_and_polls(tracked):
    d = tracked.summit("s-kr-ca-20310409")
    assert [c.id for c in d.commitments] == ["c-invest", "c-youth"]
    assert [(x.party, x.score) for x in d.scores] == [("CA", 0.5), ("KR", 0.0)]
    assert tracked.polls() == tracking().poll_series
    assert tracked.kind_of("s-kr") == "summit" and tracked.kind_of("c-y") == "commitment"


def test_queries_unknown_or_ambiguous_ids(tracked):
    with pytest.raises(NotFound, match="no summit or commitment"):
        tracked.kind_of("zzz")
    with pytest.raises(NotFound, match="ambiguous"):
        tracked.commitment("c-")


def test_queries_replace_tracking_keeps_reviews_and_drops_old_rows(tracked):
    tracked.add_review("c-youth", "broken", "the programme was cancelled", by="kim")
    t = tracking()
    t.commitments = t.commitments[:1]
    tracked.replace_tracking(t)
    assert [c.id for c in tracked.commitments()] == ["c-invest"]
    [r] = tracked.reviews()
    assert (r.commitment, r.verdict, r.by) == ("c-youth", "broken", "kim")
    tracked.replace_tracking(tm.Tracking())
    assert tracked.summits() == [] and tracked.polls() == [] and len(tracked.reviews()) == 1


def test_queries_reviews_are_appended_in_order(tracked):
    doc = prepared("news.txt")
    ev = tracked.quote(doc.id[:8], 10, 20)
    assert ev.quote == doc.raw_text[10:20] and ev.document == doc.id
    a = tracked.add_review("c-invest", "compromise", "only half was paid", evidence=ev)
    b = tracked.add_review("c-invest", "kept", "the rest followed")
    assert [r.id for r in tracked.reviews("c-invest")] == [a.id, b.id]
    assert tracked.commitment("c-invest").reviews[0].evidence == ev
    with pytest.raises(NotFound):
        tracked.quote(doc.id, 5, 10**6)


def test_queries_pages_and_totals_use_the_same_filters(tracked):
    every = [c.id for c in tracked.commitments()]
    assert [c.id for c in tracked.commitments(limit=1)] + [c.id for c in tracked.commitments(limit=5, offset=1)] \
        == every
    assert tracked.commitments_total() == len(every) == 2
    assert tracked.commitments_total(party="kr") == len(tracked.commitments(party="KR")) == 1
    assert tracked.commitments_total(status="+1") == len(tracked.commitments(status="+1"))
    assert tracked.summits_total() == len(tracked.summits()) == 1
    assert tracked.summits_total(party="JP") == 0 == len(tracked.summits(party="JP"))
    assert tracked.summits(offset=1) == []
