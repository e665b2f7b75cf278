"""Summits from hand-made documents: parties, forum, several per document, one summit across
time zones, and undated reports resolved to the summit before them."""
from summitwatch.track import build

from .analysed import doc

KR, US, JP = ("한국", "KR"), ("미국", "US"), ("일본", "JP")


def _bilateral(id, date, day_text, day, place="워싱턴", extra=""):
    text = f"한미 정상은 {day_text} {place}에서 정상회담을 가졌다.{extra}"
    return doc(id, date, text, countries=[KR, US], places=[place], groups=[("한미", ["KR", "US"])],
               events=[(f"한미 정상은 {day_text} {place}에서 정상회담을 가졌다.", day, ["KR", "US"])],
               dates=[(day_text, day)])


def test_summits_one_day_apart_across_time_zones_are_one():
    a = _bilateral("a", "2026-02-07", "2월 7일", "2026-02-07")
    b = _bilateral("b", "2026-02-08", "8일(한국시간)", "2026-02-08")
    c = _bilateral("c", "2026-02-09", "현지시간 7일", "2026-02-07")
    [s] = build([a, b, c]).summits
    assert (s.date, s.parties, s.place, s.documents) == ("2026-02-07", ["KR", "US"], "워싱턴", ["a", "b", "c"])


def test_summits_home_clock_counts_half():
    # one report on Washington's day, one on Seoul's: the local day wins the tie
    a = _bilateral("a", "2026-02-08", "8일(한국시간)", "2026-02-08")
    b = _bilateral("b", "2026-02-08", "현지시간 7일", "2026-02-07")
    [s] = build([a, b]).summits
    assert s.date == "2026-02-07"


def test_summits_three_days_apart_are_two():
    a = _bilateral("a", "2026-02-07", "2월 7일", "2026-02-07")
    b = _bilateral("b", "2026-02-10", "2월 10일", "2026-02-10")
    assert [s.date for s in build([a, b]).summits] == ["2026-02-07", "2026-02-10"]


def test_summits_several_in_one_document_and_a_sideline_forum():
    text = ("G7 정상회의가 6월 15일 캐나다에서 열렸다. 한일 정상은 6월 16일 G7 정상회의를 계기로 정상회담을 가졌다. "
            "한미 정상은 6월 17일 워싱턴에서 정상회담을 가졌다.")
    d = doc("m", "2026-06-18", text, countries=[KR, US, JP, ("캐나다", "CA")], places=["워싱턴"],
            forums=[("G7", "igo:g7")], groups=[("한일", ["KR", "JP"]), ("한미", ["KR", "US"])],
            events=[("G7 정상회의가 6월 15일 캐나다에서 열렸다.", "2026-06-15", []),
                    ("한일 정상은 6월 16일 G7 정상회의를 계기로 정상회담을 가졌다.", "2026-06-16", ["KR", "JP"]),
                    ("한미 정상은 6월 17일 워싱턴에서 정상회담을 가졌다.", "2026-06-17", ["KR", "US"])],
            dates=[("6월 15일", "2026-06-15"), ("6월 16일", "2026-06-16"), ("6월 17일", "2026-06-17")])
    got = [(s.date, s.forum, s.parties) for s in build([d]).summits]
    assert got == [("2026-06-15", "G7", ["CA", "DE", "FR", "GB", "IT", "JP", "US"]),
                   ("2026-06-16", "G7", ["JP", "KR"]),
                   ("2026-06-17", None, ["KR", "US"])]


def test_summits_a_later_meeting_word_is_no_summit_of_that_day():
    # the summit word is not next to the act's date, and no verb says a summit took place then
    text = "지난달 정상회담에서 약속한 관세 인하가 4월 15일 이행됐다."
    d = doc("f", "2026-04-16", text, countries=[KR, US],
            events=[(text, "2026-04-15", ["KR", "US"])], dates=[("4월 15일", "2026-04-15")])
    assert build([d]).summits == []


def test_summits_undated_report_joins_the_summit_before_it():
    a = _bilateral("a", "2026-02-07", "2월 7일", "2026-02-07")
    text = "한국은 미국에 투자하기로 했다. 미국은 관세를 낮추기로 했다."
    b = doc("b", "2026-02-09", text, countries=[KR, US],
            commitments=[("한국은 미국에 투자하기로 했다", ["KR"], "economy"), ("미국은 관세를 낮추기로 했다", ["US"], "trade")])
    late = doc("z", "2026-09-01", text, countries=[KR, US],
               commitments=[("한국은 미국에 투자하기로 했다", ["KR"], "economy")])
    t = build([a, b, late])
    [s] = t.summits
    assert s.documents == ["a", "b"]                 # 60 days on, a report is not about that summit
    assert {c.summit for c in t.commitments if any(m.document == "b" for m in c.mentions)} == {s.id}
    assert [c.summit for c in t.commitments if c.mentions[0].document == "z"] == [None]
