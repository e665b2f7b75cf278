"""Deictic and anaphoric dates in documents, dates named by words, English forms."""
from __future__ import annotations

import datetime as dt

import pytest

from summitwatch.extract.time.dates import find_mentions, resolve

REF = dt.date(2025, 10, 28)          # a Tuesday


def _doc(text, ref=REF):
    """What the CLI does with a document: deictic forms on, document rules, anaphora."""
    return [(s.text, s.value, s.end) for s in resolve(text, find_mentions(text, deictic=True, document=True),
                                                     ref, anaphora=True)]


@pytest.mark.parametrize("text, expected", [
    # deictic: counted from the reference date
    ("외교부는 오늘 담화를 냈다.", [("오늘", "2025-10-28", None)]),
    ("두 장관은 어제 통화했다.", [("어제", "2025-10-27", None)]),
    ("협의는 지난주 시작됐다.", [("지난주", "2025-10-20", "2025-10-26")]),
    ("특사는 다음 주 금요일 출국한다.", [("다음 주 금요일", "2025-11-07", None)]),
    ("무역수지는 지난달 흑자였다.", [("지난달", "2025-09", None)]),
    # a period, not a length
    ("향후 6개월 동향을 본다.", [("향후 6개월", "2025-10-29", "2026-04-29")]),
])
def test_date_words_deictic_in_documents(text, expected):
    assert _doc(text) == expected


def test_date_words_anaphora_counts_from_the_day_just_narrated():
    text = "대표단은 9월 3일 베이징에 도착했다. 이튿날 협상이 열렸고 이틀 후 귀국했다. 대변인은 이날 브리핑했다."
    got = _doc(text)
    assert got[1:] == [("이튿날", "2025-09-04", None), ("이틀 후", "2025-09-06", None),
                       ("이날", "2025-09-06", None)]


def test_date_words_photo_stamps_are_not_narrated_days():
    # a caption reflowed into the story: its stamp is not the day the story tells
    text = "정상들은 14일 회담했다. 악수하는 두 정상. 2025.10.15 /사진=가상통신 양측은 이날 공동성명을 냈다."
    assert ("이날", "2025-10-14", None) in _doc(text)


def test_date_words_anaphora_stays_in_its_paragraph():
    text = "대표단은 9월 3일 도착했다.\n\n장관은 회담에서 지원을 요청했다. 상대국은 다음 날 수용했다. 대변인은 이날 브리핑했다."
    got = _doc(text)
    assert ("다음 날", "2025-09-04", None) not in got and all(t != "다음 날" for t, _, _ in got)
    assert ("이날", "2025-09-03", None) in got          # 이날 may point back across paragraphs
    assert _doc("장관은 이날 브리핑했다.") == [("이날", "2025-10-28", None)]   # none before it: the dateline's day
    assert _doc("나는 이틀 전에 돌아왔다.") == [("이틀 전", "2025-10-26", None)]   # no day told at all: today's


@pytest.mark.parametrize("text", ["오늘날 국제질서와 내일의 과제", "지난날의 과오를 돌아본다.",
                                  "향후 5년간 20억 달러를 투입한다."])
def test_date_words_figurative_forms_are_not_dates(text):
    assert _doc(text) == []


@pytest.mark.parametrize("text, expected", [
    ("올해 추석 연휴 귀성 인파", [("올해 추석 연휴", "2025-10-06", None)]),     # lunar 8.15
    ("지난 설날 가족이 모였다.", [("지난 설날", "2025-01-29", None)]),          # lunar 1.1
    ("광복절 경축식이 열렸다.", [("광복절", "2025-08-15", None)]),
    ("5·18 민주화운동 기념식", [("5·18 민주화운동", "1980-05-18", None)]),
    ("올 가을 정상회의가 열린다.", [("올 가을", "2025-09", "2025-11")]),
    ("새해 첫 순방지는 인도다.", [("새해", "2026", None)]),
    ("다음 달 둘째 주 화요일에 만난다.", [("다음 달 둘째 주 화요일", "2025-11-11", None)]),
    ("이번 달 셋째 주에 재개한다.", [("이번 달 셋째 주", "2025-10-13", "2025-10-19")]),
])
def test_date_words_holidays_seasons_weeks(text, expected):
    assert _doc(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The ministers met on Tuesday in Seoul.", [("Tuesday", "2025-10-28", None)]),
    ("The envoy arrived on Friday.", [("Friday", "2025-10-24", None)]),
    ("Talks will resume on Friday.", [("Friday", "2025-10-31", None)]),
    ("Officials said last week that tariffs would fall.", [("last week", "2025-10-20", "2025-10-26")]),
    ("The first shipment left in July.", [("July", "2025-07", None)]),
    ("Earlier this year, Seoul pledged new loans.", [("Earlier this year", "2025", None)]),
    ("Prices rose yesterday.", [("yesterday", "2025-10-27", None)]),
    ("Both navies in 2021 signed a pact.", [("2021", "2021", None)]),
    ("Posted 09.14.25 08:05 PM EST", [("09.14.25", "2025-09-14", None)]),
])
def test_date_words_english(text, expected):
    assert _doc(text) == expected


def test_date_words_may_the_verb_is_not_a_month():
    assert _doc("The ministers may meet again.") == []


def test_date_words_title_year_opens_a_line_only():
    assert _doc("2027 동아시아 안보 전망\n\n본문은 여기서 시작한다.")[0] == ("2027", "2027", None)
    assert _doc("참석자는 2027 명이었다.") == []


@pytest.mark.parametrize("text, expected", [
    # a list of months inherits the year of the first
    ("수출 증가율은 지난해 8월 12%, 9월 9%, 10월 4%였다.",
     [("지난해 8월", "2024-08", None), ("9월", "2024-09", None), ("10월", "2024-10", None)]),
    ("적자는 지난해 11월 3억 달러, 12월 2억 달러, 1월 1억 달러로 줄었다.",
     [("지난해 11월", "2024-11", None), ("12월", "2024-12", None), ("1월", "2025-01", None)]),
    # a day range inside a month
    ("두 정상은 2021년 6월 11~13일 함께 머물렀다.", [("2021년 6월 11~13일", "2021-06-11", "2021-06-13")]),
    # a weekday picks the month that fits it
    ("특사는 7일 금요일 귀국했다.", [("7일 금요일", "2025-11-07", None)]),
    # a bare day in news, but not a length or a word that starts with a number
    ("총리는 21일 방한했다.", [("21일", "2025-10-21", None)]),
    ("그는 3일 만에 귀국했다.", []),
    ("대통령은 3일 만찬을 주재했다.", []),
    ("두 정상이 11년 만에 마주 앉았다.", []),
])
def test_date_words_lists_ranges_and_bare_days(text, expected):
    assert _doc(text) == expected
