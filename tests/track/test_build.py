"""The whole path on our own corpus: the real pipeline analyses a joint statement, two news
reports of one summit, follow-ups that keep and break commitments, two outlets reporting one poll,
a poll of the month before and a brief; ``build`` ties them together."""
import random

from summitwatch.track import Review, build
from summitwatch.track.ids import content_id

from .analysed import by_name, corpus_docs


def _tracking(reviews=()):
    return build(list(corpus_docs()), list(reviews))


def _names():
    return {d.id: name for name, d in by_name().items()}


def _commitment(t, word):
    hits = [c for c in t.commitments if word in c.text]
    assert len(hits) == 1, [c.text for c in t.commitments]
    return hits[0]


def test_build_one_summit_across_time_zones():
    t = _tracking()
    names = _names()
    assert len(t.summits) == 1
    s = t.summits[0]
    # Ottawa's 9 March is Seoul's 10 March: one summit, on the host's day
    assert (s.date, s.place, s.forum, s.parties) == ("2026-03-09", "오타와", None, ["CA", "KR"])
    assert s.id == content_id("s", "CA,KR", "2026-03-09", None)
    assert sorted(names[d] for d in s.documents) == ["01_joint_statement", "02_news_a", "03_news_b", "09_brief"]
    # the documents that date it carry the span that does ("현지시간 9일", "10일(한국시간)", "(3.9)")
    assert {names[sp.document] for sp in s.spans} == {"01_joint_statement", "02_news_a", "03_news_b", "09_brief"}
    assert all("정상회담" in sp.quote for sp in s.spans)


def test_build_lineage_with_wording_changes():
    t = _tracking()
    names = _names()
    assert len(t.commitments) == 4
    assert all(c.summit == t.summits[0].id for c in t.commitments)
    invest = _commitment(t, "200억 달러")
    assert [(names[m.document], m.date, m.changes) for m in invest.mentions] == [
        ("01_joint_statement", "2026-03-09", []),
        *sorted([("03_news_b", "2026-03-10", ["number_changed"]), ("02_news_a", "2026-03-10", [])],
                key=lambda x: by_name()[x[0]].id),
        ("09_brief", "2026-03-25", []),
    ]
    assert invest.actors == ["KR"]
    council = _commitment(t, "협의체를 연내")
    assert [(names[m.document], m.changes) for m in council.mentions] == [
        ("01_joint_statement", []), ("02_news_a", ["softened"])]
    tariff = _commitment(t, "관세를 10%에서")
    assert sorted(names[m.document] for m in tariff.mentions) == ["01_joint_statement", "02_news_a", "03_news_b"]
    assert all(m.changes == [] for m in tariff.mentions)      # 5% is one of the first wording's numbers
    energy = _commitment(t, "청정에너지")
    assert sorted(names[m.document] for m in energy.mentions) == ["01_joint_statement", "02_news_a"]
    for c in t.commitments:             # every quote is the text at its span
        for m in c.mentions:
            doc = next(d for d in corpus_docs() if d.id == m.document)
            raw = open(doc.source, encoding="utf-8").read()
            assert raw[m.span.start:m.span.end] == m.span.quote == m.wording


def test_build_evidence_and_status_history():
    t = _tracking()
    names = _names()
    tariff = _commitment(t, "관세를 10%에서")
    [e] = tariff.evidence
    assert (names[e.document], e.date, e.relation, e.degree, e.party) == (
        "04_followup_kept", "2026-04-15", "supports", "full", "CA")
    assert e.span.quote == "캐나다 정부는 4월 15일 한국산 전기차에 대한 관세를 5%로 인하했다."
    assert [(h.date, h.verdict, h.score, h.source) for h in tariff.history] == [
        ("2026-03-09", "not_yet_rated", None, "evidence"), ("2026-04-15", "kept", 1, "evidence")]
    council = _commitment(t, "협의체를 연내")
    [e] = council.evidence
    assert (names[e.document], e.date, e.relation) == ("05_followup_broken", "2026-06-03", "contradicts")
    assert (council.verdict, council.score) == ("broken", -1)
    for word in ("200억 달러", "청정에너지"):
        c = _commitment(t, word)
        assert (c.evidence, c.verdict, c.score) == ([], "not_yet_rated", None)
    sid = t.summits[0].id
    scores = {(s.party, s.summit): (s.score, s.rated, s.total) for s in t.scores}
    assert scores == {("CA", sid): (0.0, 2, 3), ("KR", sid): (-1.0, 1, 3),
                      ("CA", None): (0.0, 2, 3), ("KR", None): (-1.0, 1, 3)}


def test_build_reviews_are_history_points_on_top_of_evidence():
    t0 = _tracking()
    tariff, invest = _commitment(t0, "관세를 10%에서"), _commitment(t0, "200억 달러")
    reviews = [Review(id="r1", commitment=invest.id, verdict="in_the_works", why="공장 착공 확인",
                      at="2026-05-02T09:00:00+00:00", by="analyst"),
               Review(id="r2", commitment=tariff.id, verdict="stalled", why="고시 지연", at="2026-04-01T00:00:00+00:00")]
    t = _tracking(reviews)
    invest2, tariff2 = _commitment(t, "200억 달러"), _commitment(t, "관세를 10%에서")
    assert [(h.verdict, h.source, h.ref) for h in invest2.history] == [
        ("not_yet_rated", "evidence", None), ("in_the_works", "review", "r1")]
    assert (invest2.verdict, invest2.score) == ("in_the_works", 0)
    # the review comes before later evidence: kept in the history, the evidence after it decides
    assert [(h.date[:10], h.verdict, h.source) for h in tariff2.history] == [
        ("2026-03-09", "not_yet_rated", "evidence"), ("2026-04-01", "stalled", "review"),
        ("2026-04-15", "kept", "evidence")]
    assert tariff2.verdict == "kept" and tariff2.evidence == tariff.evidence


def test_build_poll_reported_twice_counts_once():
    t = _tracking()
    names = _names()
    [series] = t.poll_series
    assert (series.pollster, series.question) == ("한국갤럽", "대통령 직무수행 평가")
    assert [(p.field_start, p.field_end, p.results, p.sample_size, sorted(names[d] for d in p.documents))
            for p in series.points] == [
        ("2026-02-17", "2026-02-19", {"oppose": 37.0, "support": 53.0}, 1000, ["08_poll_february"]),
        ("2026-03-17", "2026-03-19", {"oppose": 33.0, "support": 57.0}, 1000,
         ["06_poll_outlet_a", "07_poll_outlet_b"]),
    ]
    assert len(series.points[1].spans) == 2


def test_build_same_tracking_in_any_order():
    docs = list(corpus_docs())
    first = build(docs).model_dump_json()
    for seed in (1, 2, 3):
        shuffled = docs[:]
        random.Random(seed).shuffle(shuffled)
        assert build(shuffled + shuffled[:2]).model_dump_json() == first     # duplicates count once


def test_build_english_statement_and_report_of_one_summit():
    from summitwatch.track.load import from_bytes

    statement = ("Joint Statement\nMarch 9, 2026\n\nThe leaders of the Republic of Korea and Canada held a summit in "
                 "Ottawa on March 9, 2026.\n\nCanada will cut tariffs on Korean electric vehicles to 5 percent.\n")
    report = ("Korea-Canada summit\nMarch 10, 2026\n\nThe leaders of Korea and Canada met in Ottawa on March 9 for a "
              "summit.\n\nCanada will seek to cut tariffs on Korean electric vehicles to 5 percent.\n")
    docs = [from_bytes(t.encode(), f"{n}.txt") for n, t in (("statement", statement), ("report", report))]
    t = build(docs)
    [s] = t.summits
    assert (s.date, s.parties, s.place, len(s.documents)) == ("2026-03-09", ["CA", "KR"], "Ottawa", 2)
    [c] = t.commitments
    assert c.summit == s.id and [m.changes for m in c.mentions] == [[], ["softened"]]


def test_build_empty_and_factless_documents():
    from .analysed import doc

    assert build([]) == build([], []) and build([]).summits == []
    bare = doc("b", None, "아무 사실도 없는 문장이다.")
    t = build([bare])
    assert (t.summits, t.commitments, t.poll_series, t.scores) == ([], [], [], [])


def test_build_export_summits_are_the_corpus_summits():
    """Each document's export lists the summits tracking finds in it alone; a document dating the
    summit as the corpus does names it by the corpus's id, one dating it by the home clock (10일
    (한국시간)) by its own day, and the corpus files that document under the host's day."""
    import datetime as dt

    t = _tracking()
    names = _names()
    [summit] = t.summits
    got = {}
    for d in corpus_docs():
        for s in d.analysis.summits:
            got[names[d.id]] = (s.id, s.date, s.parties, s.place)
            assert d.id in summit.documents and s.parties == summit.parties
            assert abs(dt.date.fromisoformat(s.date) - dt.date.fromisoformat(summit.date)) <= dt.timedelta(days=1)
            assert (s.id == summit.id) == (s.date == summit.date)
            raw = open(d.source, encoding="utf-8").read()
            assert "정상회담" in raw[s.raw_offset:s.raw_end]
    assert got == {
        "01_joint_statement": (summit.id, "2026-03-09", ["CA", "KR"], "오타와"),
        "02_news_a": (content_id("s", "CA,KR", "2026-03-10", None), "2026-03-10", ["CA", "KR"], "오타와"),
        "03_news_b": (summit.id, "2026-03-09", ["CA", "KR"], "오타와"),
        "09_brief": (summit.id, "2026-03-09", ["CA", "KR"], "오타와"),
    }
