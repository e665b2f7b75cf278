"""Dating a text by the summits it names: a day of the text anchors a known summit."""
from __future__ import annotations

import datetime as dt

import pytest

from summitwatch.extract.time import summit_dates
from summitwatch.extract.time.dates import find_mentions
from summitwatch.extract.time.refdate import infer

# A made-up knowledge base of our own (real leaders' ids, invented meetings), so that the
# mechanism is tested apart from the shipped data.
KB = """# test rows
id\tstart\tend\tparties\tleaders\tplaces\tnames
summit:2017-11-07-t\t2017-11-07\t2017-11-07\tKR|US\tperson:moon-jae-in|person:donald-trump\t서울|Seoul\t
summit:2018-03-14-t\t2018-03-14\t2018-03-14\tKR|US\tperson:moon-jae-in|person:donald-trump\t부산|Busan\t
summit:2019-03-14-t\t2019-03-14\t2019-03-15\tKR|US\tperson:moon-jae-in|person:donald-trump\t워싱턴|Washington\t
summit:2018-07-02-t\t2018-07-02\t2018-07-03\tKR|CN\tperson:moon-jae-in|person:xi-jinping\t베이징|Beijing\t
summit:2018-10-09-t\t2018-10-09\t2018-10-09\tKR|CN\tperson:moon-jae-in|person:xi-jinping\t톈진|Tianjin\t
"""


@pytest.fixture(autouse=True)
def made_up_kb(tmp_path, monkeypatch):
    path = tmp_path / "summits.tsv"
    path.write_text(KB, encoding="utf-8")
    monkeypatch.setattr(summit_dates, "DATA", path)


def _ref(text):
    return infer(text, find_mentions(text, deictic=True, document=True), header=text)


def test_summit_dates_a_bare_day_picks_the_meeting_and_its_month():
    text = "문재인 대통령은 14일 도널드 트럼프 대통령과 부산에서 정상회담을 갖고 무역 현안을 논의했다."
    assert _ref(text) == (dt.date(2018, 3, 14), "known_summit")


def test_summit_dates_a_day_of_a_two_day_meeting_and_a_later_poll_day():
    # the pair 한미 and one leader name the meeting; the 15th is its second day; a poll
    # taken 지난 16~17일 was published the day after it closed at the earliest
    text = ("한미 정상회담이 15일 워싱턴에서 마무리됐다. 문 대통령은 귀국했다.\n"
            "한 조사기관이 지난 16~17일 성인 1000명에게 물은 결과 회담을 긍정 평가한 응답은 52%였다.")
    assert _ref(text) == (dt.date(2019, 3, 18), "known_summit")


def test_summit_dates_an_english_weekday_anchors_the_meeting():
    text = ("TIANJIN (Wire) - Moon Jae-in and Xi Jinping held summit talks on Tuesday "
            "and agreed to expand a trade pact.")
    assert _ref(text) == (dt.date(2018, 10, 9), "known_summit")


def test_summit_dates_a_weekday_does_not_outweigh_a_written_month_and_day():
    # a dateline of early March cannot report an October meeting that merely fell on the weekday
    text = ("TIANJIN, March 3 (Wire) - Moon Jae-in and Xi Jinping held summit talks on Tuesday "
            "and agreed to expand a trade pact.")
    assert _ref(text).source != "known_summit"
    # the dateline's day next to the meeting: the meeting dates it, and the dateline gives the day
    assert _ref(text.replace("March 3", "Oct. 10")) == (dt.date(2018, 10, 10), "known_summit")


def test_summit_dates_no_day_of_the_text_fits_so_no_date():
    # two leaders who met several times, but the 20th is none of their days
    text = "문재인 대통령과 트럼프 대통령은 20일 정상회담을 했다."
    assert _ref(text).source != "known_summit"


def test_summit_dates_two_meetings_fit_equally_so_no_guess():
    # the 14th is a day of two Moon-Trump meetings a year apart and nothing else decides
    text = "문재인 대통령과 트럼프 대통령이 14일 정상회담을 했다."
    assert _ref(text) == (None, "none")


def test_summit_dates_a_stated_year_rules_out_earlier_meetings():
    text = "2019년 들어 문재인 대통령과 트럼프 대통령이 14일 다시 만나 정상회담을 했다."
    assert _ref(text) == (dt.date(2019, 3, 14), "known_summit")


def test_summit_dates_a_coming_summit_dates_the_text_before_it():
    # a 2018 outlook that looks ahead to meetings with both the US and China
    text = ("발간 2018년\n향후 개최될 한미 정상회담과 한중 정상회담이 비핵화 협상의 분수령이 될 것이다. "
            "문재인 정부의 선택이 주목된다.")
    assert _ref(text) == (dt.date(2018, 3, 13), "known_summit")


def test_summit_dates_a_named_leader_who_never_met_the_other_names_nothing():
    text = "시진핑 주석과 트럼프 대통령은 14일 정상회담을 했다."
    assert summit_dates.named_summits(text) == []


def test_summit_dates_latin_places_match_in_capitals():
    text = "SEOUL (Wire) - Moon Jae-in hosted Donald Trump for a summit on Tuesday."
    assert [s.id for s in summit_dates.named_summits(text)][0] == "summit:2017-11-07-t"
    assert _ref(text) == (dt.date(2017, 11, 7), "known_summit")
