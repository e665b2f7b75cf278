"""Reference dates: where they come from, terms of office, and never the clock."""
from __future__ import annotations

import datetime as dt

import pytest

from summitwatch.extract.time.dates import find_mentions
from summitwatch.extract.time.refdate import infer
from summitwatch.extract.time.terms import window
from summitwatch.pipeline import analyze_text


def _ref(text):
    return infer(text, find_mentions(text, deictic=True, document=True), header=text)


@pytest.mark.parametrize("text, date, source", [
    # a news byline: the first publication, not the update
    ("정상회담 앞두고 막판 조율\n기사입력 2024.06.03 09:12 | 최종수정 2024.06.05 18:40\n\n양측은 3일 만났다.",
     dt.date(2024, 6, 3), "byline"),
    ("Leaders meet in Manila\nMar 4, 2023, 6:10 AM | Updated: Jan 2, 2024, 9:00 pm\n\nThe talks began on Saturday.",
     dt.date(2023, 3, 4), "byline"),
    # the corpus's own first line
    (" date 2024-02-19 양국 장관은 이날 통화했다.", dt.date(2024, 2, 19), "dateline"),
    # a header date with the ministry's name beside it
    ("외교장관 회담 결과\n\n2024.05.02 외교부\n\n장관은 1일 회담했다.", dt.date(2024, 5, 2), "dateline"),
    # an issue of a series: the end of its month
    ("발행: 2021-04\n홍길동(가상연구원)\n\n양국 관계는 개선되었다.", dt.date(2021, 4, 30), "dateline"),
    # US order with a clock time in a wire header
    ("4/9/2022 | Press release\n\nThe two ministers spoke by phone.", dt.date(2022, 4, 9), "dateline"),
    # the latest full date the text reports
    ("양국은 2019년 3월 2일 협정에 서명했고 2019년 5월 8일 발효했다.", dt.date(2019, 5, 8), "latest_date"),
])
def test_refdate_sources(text, date, source):
    assert _ref(text) == (date, source)


def test_refdate_term_of_office_places_a_partial_dateline():
    # Kishida was prime minister from October 2021: "Nov 3" with a Thursday is 2022's
    text = "MANILA, Nov 3 (Wire) - Japanese Prime Minister Fumio Kishida on Thursday met the Philippine president."
    assert _ref(text) == (dt.date(2022, 11, 3), "term_of_office")


def test_refdate_term_of_office_with_a_written_weekday():
    # 박진 장관's term (2022-2024) and a Friday 9 June: 2023
    assert _ref("박진 외교부 장관은 6.9.(금) 오전 방한한 상대 장관과 회담했다.") == (dt.date(2023, 6, 9), "term_of_office")


def test_refdate_former_holders_do_not_date_a_text():
    assert window("아베 신조 전 총리의 유산을 돌아보는 글") is None
    assert window("the late former premier Abe Shinzo, remembered in Tokyo") is None
    assert window("기시다 후미오 일본 총리가 말했다") == [(dt.date(2021, 10, 4), dt.date(2024, 10, 1))]


def test_refdate_terms_that_do_not_overlap_give_nothing():
    assert window("문재인 대통령과 다카이치 총리") == []


def test_refdate_nothing_dates_the_text():
    assert _ref("양측은 이날 회담에서 지난주 합의를 재확인했다.") == (None, "none")


def test_refdate_undated_text_keeps_relative_dates_unresolved():
    ctx = analyze_text("양측은 이날 회담에서 지난주 합의를 재확인했다. 2019년 협정도 언급했다.")
    assert ctx.reference_date is None and ctx.reference_date_source == "none"
    assert [d.value for d in ctx.facts["dates"]] == ["2019"]
    assert [(d.text, d.value, d.unresolved) for d in ctx.facts["dates_unresolved"]] == [
        ("이날", None, True), ("지난주", None, True)]


def test_refdate_given_wins():
    ctx = analyze_text("기사입력 2024.06.03 09:12\n\n양측은 오늘 만났다.", reference_date=dt.date(2024, 7, 1))
    assert ctx.reference_date_source == "given"
    assert [d.value for d in ctx.facts["dates"] if d.text == "오늘"] == ["2024-07-01"]


def test_refdate_export_names_its_source():
    from summitwatch.export import to_analysis

    ctx = analyze_text("입력 2024.06.03 09:12\n\n두 장관은 이날 통화했다.")
    doc = to_analysis(ctx).document
    assert (doc.reference_date, doc.reference_date_source) == ("2024-06-03", "byline")
    undated = to_analysis(analyze_text("두 장관은 이날 통화했다."))
    assert undated.document.reference_date is None and undated.document.reference_date_source == "none"
    assert any("no reference date" in w for w in undated.warnings)


def test_refdate_an_analysis_of_a_past_event_is_written_the_day_after():
    # a researcher's brief that tells of its latest date's meeting in the past tense
    brief = ("홍길동 연구위원\n\n2021년 6월 4일 양국 정상은 오슬로에서 회담하였다. 본 글에서는 그 의미를 살펴본다.")
    assert _ref(brief) == (dt.date(2021, 6, 5), "latest_date")
    # the same sentence as a statement of the parties: written that day
    statement = "2021년 6월 4일 양국 정상은 오슬로에서 회담하였다. 양국은 협력을 확대하기로 하였다."
    assert _ref(statement) == (dt.date(2021, 6, 4), "latest_date")


def test_refdate_a_deputy_or_a_former_holder_gives_no_term():
    # 부총리 holds the word 총리 and "Deputy Prime Minister" holds "Prime Minister"
    assert window("기시다 부총리가 10월 3일 방한했다.") is None
    assert window("Deputy Prime Minister Kishida arrived on Oct 3.") is None
    # a title after a name that 고/전 mark as past
    assert window("고 아베 총리의 생전 발언이 다시 회자됐다.") is None
    assert window("기시다 총리가 10월 3일 방한했다.") is not None
    # 전 as "before" is no former holder
    assert window("회담 전 기시다 총리는 10월 3일 기자들과 만났다.") is not None
    assert window("전 총리 기시다 씨가 10월 3일 방한했다.") is None


def test_refdate_terms_date_nothing_when_several_years_fit():
    # Kishida's term holds four 3 Novembers; without a weekday no year is preferred
    assert _ref("기시다 총리는 11월 3일 기자회견을 열었다.").source != "term_of_office"
    # with its weekday (a Thursday) one year is left: 2022
    assert _ref("기시다 총리는 11월 3일(목) 기자회견을 열었다.") == (dt.date(2022, 11, 3), "term_of_office")


def test_refdate_a_meeting_word_other_than_summit_lets_a_known_summit_date_the_text():
    # "회동" and two leaders' names: no 정상회담 needed (invented data of the real table's shape
    # is in test_summit_dates; this one uses the shipped table: Yoon and Biden met in
    # Washington on 2023-04-26)
    text = "윤석열 대통령과 조 바이든 대통령은 4월 26일 워싱턴에서 회동하였다."
    assert _ref(text) == (dt.date(2023, 4, 26), "known_summit")
