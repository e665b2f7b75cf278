"""Follow-ups across documents, status history in both vocabularies, reviews and party scores."""
from summitwatch.track import Review, build
from summitwatch.track.evidence import classify

from .analysed import doc

KR, US = ("한국", "KR"), ("미국", "US")
SUMMIT = "한미 정상은 2월 7일 워싱턴에서 정상회담을 가졌다."
PLEDGE = "미국은 한국산 자동차 관세를 인하하기로 했다"


def _statement():
    text = SUMMIT + " " + PLEDGE + "."
    return doc("s", "2026-02-07", text, countries=[KR, US], places=["워싱턴"], groups=[("한미", ["KR", "US"])],
               events=[(SUMMIT, "2026-02-07", ["KR", "US"])], dates=[("2월 7일", "2026-02-07")],
               commitments=[(PLEDGE, ["US"], "trade")])


def _news(id, date, sentence, day, actors=("US", "KR")):
    return doc(id, date, sentence, countries=[KR, US], events=[(sentence, day, list(actors))])


def test_evidence_classify_acts():
    acts = frozenset({"인하"})
    assert classify("관세 인하 방침이 3월 2일 철회됐다", acts, frozenset({"관세", "인하"}))[2] == "broken"
    assert classify("관세 인하 고시가 3월 2일 연기됐다", acts, frozenset({"관세", "인하"}))[2] == "stalled"
    assert classify("관세를 3월 2일 인하하지 않았다", acts, frozenset({"관세", "인하"}))[2] == "stalled"
    assert classify("관세를 3월 2일 인하했다", acts, frozenset({"관세", "인하"})) == ("supports", "full", "kept")
    assert classify("관세를 3월 2일 일부 품목만 인하했다", acts, frozenset({"관세", "인하"}))[2] == "compromise"
    assert classify("관세 인하 절차에 3월 2일 착수했다", acts, frozenset({"관세", "인하", "착수"}))[2] == "in_the_works"
    # the act done is not the pledged one: 인상 for a pledged 인하 is no fulfilment
    assert classify("관세를 3월 2일 인상했다", acts, frozenset({"관세", "인상"})) is None
    # a plan is no act
    assert classify("관세를 4월에 인하할 예정이다", acts, frozenset({"관세", "인하"})) is None


def test_evidence_later_news_keeps_then_breaks():
    kept = _news("k", "2026-03-03", "미국은 3월 2일 한국산 자동차 관세를 인하했다.", "2026-03-02")
    undone = _news("u", "2026-05-02", "미국은 5월 1일 한국산 자동차 관세 인하 조치를 철회했다.", "2026-05-01")
    t = build([undone, _statement(), kept])
    [c] = t.commitments
    assert [(e.document, e.date, e.relation, e.party) for e in c.evidence] == [
        ("k", "2026-03-02", "supports", "US"), ("u", "2026-05-01", "contradicts", "US")]
    assert [(h.date, h.verdict, h.score) for h in c.history] == [
        ("2026-02-07", "not_yet_rated", None), ("2026-03-02", "kept", 1), ("2026-05-01", "broken", -1)]
    assert (c.verdict, c.score) == ("broken", -1)
    scores = {(s.party, s.summit): (s.score, s.rated, s.total) for s in t.scores}
    assert scores[("US", t.summits[0].id)] == (-1.0, 1, 1)


def test_evidence_needs_same_subject_same_party_and_a_later_date():
    other_subject = _news("o", "2026-03-03", "미국은 3월 2일 한국산 철강 쿼터를 폐지했다.", "2026-03-02")
    other_party = _news("p", "2026-03-03", "일본은 3월 2일 한국산 자동차 관세를 인하했다.", "2026-03-02", actors=("JP",))
    before = _news("b", "2026-02-05", "미국은 2월 4일 한국산 자동차 관세를 인하했다.", "2026-02-04")
    future = _news("f", "2026-03-03", "미국은 4월 1일 한국산 자동차 관세를 인하했다.", "2026-04-01")
    [c] = build([_statement(), other_subject, other_party, before, future]).commitments
    assert c.evidence == [] and c.verdict == "not_yet_rated"


def test_evidence_support_after_a_reversal_is_a_compromise():
    undone = _news("u", "2026-03-03", "미국은 3월 2일 한국산 자동차 관세 인하를 철회했다.", "2026-03-02")
    kept = _news("k", "2026-05-02", "미국은 5월 1일 한국산 자동차 관세를 인하했다.", "2026-05-01")
    [c] = build([_statement(), undone, kept]).commitments
    assert [h.verdict for h in c.history] == ["not_yet_rated", "broken", "compromise"]


def test_evidence_review_overrides_without_erasing():
    kept = _news("k", "2026-03-03", "미국은 3월 2일 한국산 자동차 관세를 인하했다.", "2026-03-02")
    [c0] = build([_statement(), kept]).commitments
    r = Review(id="r9", commitment=c0.id, verdict="compromise", why="일부 품목 제외", by="kim",
               at="2026-03-10T08:00:00+00:00")
    [c] = build([_statement(), kept], [r]).commitments
    assert [(h.verdict, h.source) for h in c.history] == [
        ("not_yet_rated", "evidence"), ("kept", "evidence"), ("compromise", "review")]
    assert (c.verdict, c.score) == ("compromise", 0)
    assert c.evidence == c0.evidence


def test_evidence_a_third_country_acting_is_not_a_party_keeping_it():
    # the pledge is joint (both parties named in the sentence) but the act is a third country's
    text = SUMMIT + " 양국은 한국산 자동차 관세를 인하하기로 했다."
    joint = doc("s", "2026-02-07", text, countries=[KR, US], places=["워싱턴"], groups=[("한미", ["KR", "US"])],
                events=[(SUMMIT, "2026-02-07", ["KR", "US"])], dates=[("2월 7일", "2026-02-07")],
                commitments=[("양국은 한국산 자동차 관세를 인하하기로 했다", ["KR", "US"], "trade")])
    third = doc("j", "2026-03-03", "일본은 3월 2일 한국산 자동차 관세를 인하했다.", countries=[KR, ("일본", "JP")],
                events=[("일본은 3월 2일 한국산 자동차 관세를 인하했다.", "2026-03-02", ["JP", "KR"])])
    party = doc("u", "2026-03-03", "미국 정부는 3월 2일 한국산 자동차 관세를 인하했다.", countries=[KR, US],
                events=[("미국 정부는 3월 2일 한국산 자동차 관세를 인하했다.", "2026-03-02", ["US", "KR"])])
    [c] = build([joint, third, party]).commitments
    assert [(e.document, e.relation, e.party) for e in c.evidence] == [("u", "supports", "US")]


def test_evidence_odd_event_dates_are_skipped_not_fatal():
    odd = [_news(f"o{n}", "2026-03-03", f"미국은 한국산 자동차 관세를 인하했다{n}.", day)
           for n, day in enumerate(("0001-01-02", "0002", "2026-13", "9999-12-31"))]
    [c] = build([_statement(), *odd]).commitments
    assert c.evidence == []


def test_evidence_bears_on_the_latest_of_repeated_pledges():
    def statement(id, day, day_text):
        summit = f"한미 정상은 {day_text} 워싱턴에서 정상회담을 가졌다."
        return doc(id, day, summit + " " + PLEDGE + ".", countries=[KR, US], places=["워싱턴"],
                   groups=[("한미", ["KR", "US"])], events=[(summit, day, ["KR", "US"])],
                   dates=[(day_text, day)], commitments=[(PLEDGE, ["US"], "trade")])
    first, second = statement("a", "2025-02-07", "2월 7일"), statement("b", "2026-02-07", "2월 7일")
    kept = _news("k", "2026-03-03", "미국은 3월 2일 한국산 자동차 관세를 인하했다.", "2026-03-02")
    t = build([first, second, kept])
    by_summit = {next(s.date for s in t.summits if s.id == c.summit): c for c in t.commitments}
    assert by_summit["2025-02-07"].evidence == [] and len(by_summit["2026-02-07"].evidence) == 1


def test_evidence_linked_in_the_document_keeps_its_own_degree():
    text = SUMMIT + " " + PLEDGE + ". 미국은 3월 2일 일부 품목의 관세만 인하했다. 미국은 4월 1일 나머지 관세도 인하했다."
    d = doc("s", "2026-04-05", text, countries=[KR, US], places=["워싱턴"], groups=[("한미", ["KR", "US"])],
            events=[(SUMMIT, "2026-02-07", ["KR", "US"])], dates=[("2월 7일", "2026-02-07")],
            commitments=[(PLEDGE, ["US"], "trade", [("미국은 3월 2일 일부 품목의 관세만 인하했다", "2026-03-02", "supports"),
                                                    ("미국은 4월 1일 나머지 관세도 인하했다", "2026-04-01", "supports")])])
    [c] = build([d]).commitments
    assert [(e.date, e.degree) for e in c.evidence] == [("2026-03-02", "partial"), ("2026-04-01", "full")]
    assert [h.verdict for h in c.history] == ["not_yet_rated", "compromise", "kept"]
