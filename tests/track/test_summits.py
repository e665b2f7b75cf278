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


def test_summits_a_named_coalition_meets_as_one():
    text = "한미일 정상은 9월 3일 하와이에서 3국 정상회의를 가졌다."
    d = doc("t", "2026-09-04", text, countries=[KR, US, JP], places=["하와이"], groups=[("한미일", ["KR", "US", "JP"])],
            events=[(text, "2026-09-03", ["KR", "US", "JP"])], dates=[("9월 3일", "2026-09-03")])
    [s] = build([d]).summits
    assert (s.date, s.parties, s.forum, s.place) == ("2026-09-03", ["JP", "KR", "US"], None, "하와이")


def test_summits_the_day_beside_the_word_not_the_visit_start():
    # one sentence, two events (one per date): the visit's first day is not the summit's
    text = "한국 대통령은 5월 10일부터 14일까지 일본을 방문했고, 5월 12일 도쿄에서 일본 총리와 정상회담을 가졌다."
    d = doc("v", "2026-05-15", text, countries=[KR, JP], places=["도쿄"],
            events=[(text, "2026-05-10", ["JP"]), (text, "2026-05-12", ["JP"])],
            dates=[("5월 10일부터 14일까지", "2026-05-10"), ("5월 12일", "2026-05-12")])
    assert [(s.date, s.parties) for s in build([d]).summits] == [("2026-05-12", ["JP", "KR"])]


def test_summits_a_verb_saying_it_took_place_dates_it_by_the_sentence():
    # the day is far from the word; 가졌다 after it says the meeting took place that day
    text = "한미 정상은 2월 7일 오후 백악관 집무실에 이어 내각회의실로 자리를 옮겨 두 시간 가까이 정상회담을 가졌다."
    d = doc("h", "2026-02-08", text, countries=[KR, US], groups=[("한미", ["KR", "US"])],
            events=[(text, "2026-02-07", ["KR", "US"])], dates=[("2월 7일", "2026-02-07")])
    assert [(s.date, s.parties) for s in build([d]).summits] == [("2026-02-07", ["KR", "US"])]
    plan = doc("p", "2026-02-08", text.replace("가졌다", "두고 이견을 보였다").replace("정상회담을", "정상회담 의제를"),
               countries=[KR, US], groups=[("한미", ["KR", "US"])],
               events=[(text.replace("가졌다", "두고 이견을 보였다").replace("정상회담을", "정상회담 의제를"), "2026-02-07",
                        ["KR", "US"])], dates=[("2월 7일", "2026-02-07")])
    assert build([plan]).summits == []


def test_summits_a_date_counted_from_the_summit_is_not_its_own():
    first = "한일 정상은 3월 9일 도쿄에서 정상회담을 가졌다."
    later = "한일 정상회담 사흘 뒤(3.12) 일본 정부는 수출 규제를 풀었다."
    text = first + " " + later
    d = doc("r", "2026-03-20", text, countries=[KR, JP], places=["도쿄"], groups=[("한일", ["KR", "JP"])],
            events=[(first, "2026-03-09", ["KR", "JP"]), (later, "2026-03-12", ["KR", "JP"])],
            dates=[("3월 9일", "2026-03-09"), ("3.12", "2026-03-12")])
    assert [s.date for s in build([d]).summits] == ["2026-03-09"]


def test_summits_forum_by_its_short_name():
    text = "동아시아정상회의가 11월 13일 프놈펜에서 열렸다."
    d = doc("e", "2026-11-14", text, places=["프놈펜"], forums=[("동아시아정상회의", "igo:eas")],
            events=[(text, "2026-11-13", [])], dates=[("11월 13일", "2026-11-13")])
    [s] = build([d]).summits
    assert (s.forum, s.place, len(s.parties)) == ("EAS", "프놈펜", 19)
    assert s.label == "EAS summit, 2026-11-13, 프놈펜"


def test_summits_days_of_a_meeting_of_several_days_are_one():
    def forum_doc(id, day_text, day, end=None):
        text = f"G7 정상회의가 {day_text} 캐나다에서 열렸다."
        d = doc(id, "2026-06-20", text, countries=[("캐나다", "CA")], forums=[("G7", "igo:g7")],
                events=[(text, day, [])], dates=[(day_text, day)])
        d.analysis.events[0].end = end
        return d
    docs = [forum_doc("a", "6월 15~17일", "2026-06-15", "2026-06-17"), forum_doc("b", "6월 17일", "2026-06-17"),
            forum_doc("c", "6월 16일", "2026-06-16")]
    [s] = build(docs).summits
    assert (s.date, s.end, s.documents) == ("2026-06-15", "2026-06-17", ["a", "b", "c"])
    # without the span, the third day is another meeting
    assert len(build(docs[1:2] + [forum_doc("a2", "6월 15일", "2026-06-15")]).summits) == 2


def test_summits_a_coalition_on_a_forums_sidelines_is_not_the_forum():
    text = "G7 정상회의 기간인 6월 16일 한미일 정상은 별도로 3국 정상회의를 가졌다."
    d = doc("q", "2026-06-18", text, countries=[KR, US, JP], forums=[("G7", "igo:g7")],
            groups=[("한미일", ["KR", "US", "JP"])], events=[(text, "2026-06-16", ["KR", "US", "JP"])],
            dates=[("6월 16일", "2026-06-16")])
    assert [(s.forum, s.parties) for s in build([d]).summits] == [("G7", ["JP", "KR", "US"])]
    g7 = "G7 정상회의가 6월 15일 캐나다에서 열렸다."
    e = doc("g", "2026-06-18", g7, countries=[("캐나다", "CA")], forums=[("G7", "igo:g7")],
            events=[(g7, "2026-06-15", [])], dates=[("6월 15일", "2026-06-15")])
    assert len(build([d, e]).summits) == 2


def test_summits_of_document_is_the_corpus_finder_on_one_document():
    from summitwatch.track.summits import of_document

    d = doc("one", "2031-05-02", "한국과 프랑스 정상은 5월 1일 파리에서 정상회담을 가졌다. 양국은 공급망 협력을 강화하기로 했다.",
            countries=[("한국", "KR"), ("프랑스", "FR")], places=["파리"],
            events=[("한국과 프랑스 정상은 5월 1일 파리에서 정상회담을 가졌다.", "2031-05-01", ["KR", "FR"])],
            dates=[("5월 1일", "2031-05-01")])
    [s] = of_document(d)
    assert (s.date, s.parties, s.place, s.forum) == ("2031-05-01", ["FR", "KR"], "파리", None)
    assert s.id == build([d]).summits[0].id


def test_summits_two_leaders_named_without_their_countries_give_the_parties():
    # nothing names 한국 or 미국: the leaders' countries are the parties
    import datetime as dt

    from summitwatch.track.load import from_bytes
    from summitwatch.track.summits import of_document

    text = "트럼프 대통령과 이재명 대통령은 10월 29일 경주에서 정상회담을 가졌다. 양 정상은 조선 협력을 논의했다."
    [s] = of_document(from_bytes(text.encode(), "leaders.txt", dt.date(2025, 10, 30)))
    assert (s.date, s.parties) == ("2025-10-29", ["KR", "US"])


def test_summits_two_leaders_who_held_talks_without_the_word_summit():
    import datetime as dt

    from summitwatch.track.load import from_bytes
    from summitwatch.track.summits import of_document

    met = "시진핑 주석과 이재명 대통령은 11월 1일 경주에서 회담하고 교역 확대 방안을 논의했다."
    [s] = of_document(from_bytes(met.encode(), "talks.txt", dt.date(2025, 11, 2)))
    assert (s.date, s.parties) == ("2025-11-01", ["CN", "KR"])
    # one leader meeting a minister is no summit
    minister = "이재명 대통령은 11월 1일 경주에서 왕이 외교부장과 회담하고 교역 확대 방안을 논의했다."
    assert of_document(from_bytes(minister.encode(), "minister.txt", dt.date(2025, 11, 2))) == []
