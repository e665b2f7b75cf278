"""Poll points counted once across outlets; series by pollster and normalised question."""
from summitwatch.track import around, build
from summitwatch.track.polls import question

from .analysed import doc


def _poll_doc(id, date, start, end, support, topic="대통령 직무 수행 평가", pollster="리서치하나"):
    text = f"{pollster} 조사에서 긍정 {support}%였다."
    return doc(id, date, text, polls=[(text, [pollster], start, end, 1000, [(topic, {"support": support})])])


def test_polls_question_normalised():
    assert question("대통령 직무수행 평가") == question("대통령 국정 지지") == "대통령 직무수행 평가"
    assert question("한중  정상회담   평가") == "한중 정상회담 평가"


def test_polls_same_poll_two_outlets_one_point_series_by_field_date():
    a = _poll_doc("a", "2026-03-21", "2026-03-17", "2026-03-19", 48.0)
    b = _poll_doc("b", "2026-03-22", "2026-03-17", "2026-03-19", 48.0, topic="대통령 국정 지지")
    c = _poll_doc("c", "2026-02-21", "2026-02-17", "2026-02-19", 45.0)
    d = _poll_doc("d", "2026-03-21", "2026-03-17", "2026-03-19", 48.0, pollster="다른조사")
    series = build([a, b, c, d]).poll_series
    assert [(s.pollster, s.question, [(p.field_end, p.results["support"], p.documents) for p in s.points])
            for s in series] == [
        ("다른조사", "대통령 직무수행 평가", [("2026-03-19", 48.0, ["d"])]),
        ("리서치하나", "대통령 직무수행 평가", [("2026-02-19", 45.0, ["c"]), ("2026-03-19", 48.0, ["a", "b"])]),
    ]


def test_polls_different_figures_or_no_field_dates_stay_apart():
    a = _poll_doc("a", "2026-03-21", "2026-03-17", "2026-03-19", 48.0)
    b = _poll_doc("b", "2026-03-21", "2026-03-17", "2026-03-19", 47.0)
    c = _poll_doc("c", "2026-03-21", None, None, 50.0)
    e = _poll_doc("e", "2026-03-22", None, None, 50.0)
    [s] = build([a, b, c, e]).poll_series
    assert sorted(tuple(p.documents) for p in s.points) == [("a",), ("b",), ("c",), ("e",)]


def test_polls_around_a_summit_date():
    docs = [_poll_doc(str(m), f"2026-{m:02d}-25", f"2026-{m:02d}-17", f"2026-{m:02d}-19", 40.0 + m)
            for m in (1, 3, 4, 9)]
    [s] = build(docs).poll_series
    assert [p.field_end for p in around(s, "2026-03-09", days=45)] == ["2026-03-19", "2026-04-19"]
    assert [p.field_end for p in around(s, "2026-03-09")] == ["2026-01-19", "2026-03-19", "2026-04-19"]


def test_polls_an_outlet_giving_some_figures_reports_the_same_poll():
    text = "리서치하나 조사에서 긍정 48%, 부정 41%였다."
    full = doc("a", "2026-03-21", text, polls=[(text, ["리서치하나"], "2026-03-17", "2026-03-19", 1000,
                                                [("대통령 직무 수행 평가", {"support": 48.0, "oppose": 41.0})])])
    part = _poll_doc("b", "2026-03-22", "2026-03-17", "2026-03-19", 48.0)
    other = _poll_doc("c", "2026-03-22", "2026-03-17", "2026-03-19", 47.0)
    [s] = build([part, full, other]).poll_series
    assert [(p.results, p.documents) for p in s.points] == [
        ({"support": 47.0}, ["c"]), ({"oppose": 41.0, "support": 48.0}, ["a", "b"])]
