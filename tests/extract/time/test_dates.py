"""Dates: forms, year inference, look-alikes, reference-date inference, the extractor."""
from __future__ import annotations

import datetime as dt

import pytest

from summitwatch.extract.time import dates
from summitwatch.extract.time.dates import infer_reference_date, parse_dates

REF = dt.date(2025, 3, 10)


def _one(text, ref=REF, **kw):
    found = parse_dates(text, ref, **kw)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize("text, surface, value, end", [
    ("협정은 2025.2.7 서명되었다.", "2025.2.7", "2025-02-07", None),
    ("공동성명(2025. 2. 7.)을 참조", "2025. 2. 7.", "2025-02-07", None),
    ("외교부는 2024년 11월 5일 발표했다.", "2024년 11월 5일", "2024-11-05", None),
    ("보고서(2024-12-03)에 따르면", "2024-12-03", "2024-12-03", None),
    ("회의록 2024/9/30 기준", "2024/9/30", "2024-09-30", None),
    ("2024년 6월 통계에 따르면", "2024년 6월", "2024-06", None),
    ("양국은 2023년 정상회담을 가졌다.", "2023년", "2023", None),
    ("'24.5.21 회의에서", "'24.5.21", "2024-05-21", None),
    ("The statement of February 7, 2025 says", "February 7, 2025", "2025-02-07", None),
    ("Signed on 7 Feb 2025 in Washington", "7 Feb 2025", "2025-02-07", None),
    ("首脳会談は2025年2月7日に行われた", "2025年2月7日", "2025-02-07", None),
    ("정상회담은 2월 7일 열렸다.", "2월 7일", "2025-02-07", None),
    ("정상은 통화했다(2.9).", "2.9", "2025-02-09", None),
    ("조사 기간(2.14-2.16) 결과", "2.14-2.16", "2025-02-14", "2025-02-16"),
    ("외교장관회의(2.20-21)에서", "2.20-21", "2025-02-20", "2025-02-21"),
    ("박람회(4.13-10.13) 기간", "4.13-10.13", "2025-04-13", "2025-10-13"),
    ("국경일(7.19)이 있는 달", "7.19", "2025-07-19", None),
    ("정상회의는 10월 말~11월 초에 개최 예정이다.", "10월 말~11월 초", "2025-10", "2025-11"),
    ("지난해 10월 내각이 출범했다.", "지난해 10월", "2024-10", None),
    ("작년 11월부터 교류가 이어졌다.", "작년 11월", "2024-11", None),
    ("올해 1월 새 행정부가 출범했다.", "올해 1월", "2025-01", None),
    ("연내 방문이 추진된다.", "연내", "2025", None),
    ("올해 내 성사될 전망이다.", "올해 내", "2025", None),
    ("오는 7월 선거가 있다.", "오는 7월", "2025-07", None),
    ("내년 예산안이 제출됐다.", "내년", "2026", None),
    ("올해 상반기 수출이 늘었다.", "올해 상반기", "2025-01", "2025-06"),
    ("2024년 3분기 성장률", "2024년 3분기", "2024-07", "2024-09"),
    ("3월 중순 협의가 재개됐다.", "3월 중순", "2025-03", None),
])
def test_dates_forms(text, surface, value, end):
    d = _one(text)
    assert d.text.replace("\n", "") == surface
    assert text[d.start:d.stop] == d.text
    assert (d.value, d.end) == (value, end)


@pytest.mark.parametrize("text", [
    "트럼프 2.0 시대의 외교",
    "민·관 1.5 track 회의를 제안한다",
    "투자액은 5조 원 규모이다",            # money, not a date
    "트럼프 2기 행정부",
    "30여 년간 이어진 관계",
    "동맹 70주년을 맞아",
    "득표율은 50.1%였다",
    "버전 2.3.1 배포",
    "https://www.example.org/news/20240201/view?id=2025-02-07",
    "2. 한미관계의 과제",
    "5,000억 달러 투자",
    "지분의 1/3을 매각했다",
    "성장률은 2.5-3.0%로 예상된다",
])
def test_dates_look_alikes_are_not_dates(text):
    assert parse_dates(text, REF) == []


@pytest.mark.parametrize("text, ref, value", [
    ("12월 28일 회담이 열렸다.", dt.date(2025, 1, 10), "2024-12-28"),   # December in a January text
    ("1월 5일 회담이 열린다.", dt.date(2024, 12, 20), "2025-01-05"),
    ("지난 11월 선거에서", dt.date(2025, 3, 1), "2024-11"),
    ("오는 2월 회담", dt.date(2024, 11, 1), "2025-02"),
    ("7월 선거", dt.date(2025, 2, 20), "2025-07"),
    ("4월 총선", dt.date(2025, 2, 20), "2025-04"),
])
def test_dates_year_inference_stays_near_reference(text, ref, value):
    assert _one(text, ref).value == value


@pytest.mark.parametrize("text, ref, surface, value, end", [
    ("정상회의는 15~16일 열린다.", dt.date(2025, 8, 10), "15~16일", "2025-08-15", "2025-08-16"),
    ("지난 11~13일 실시한 조사에서 지지율이 올랐다.", dt.date(2025, 8, 20), "지난 11~13일", "2025-08-11", "2025-08-13"),
    ("지난 3~5일 실시한 조사 결과가 나왔다.", dt.date(2025, 8, 2), "지난 3~5일", "2025-07-03", "2025-07-05"),
    ("관세 협상은 지난달 30일 타결됐다.", dt.date(2025, 8, 26), "지난달 30일", "2025-07-30", None),
    ("정상회의는 오는 26일 부산에서 열린다.", dt.date(2025, 8, 28), "오는 26일", "2025-09-26", None),
    ("외교부는 25일(현지시간) 성명을 냈다.", dt.date(2025, 8, 26), "25일", "2025-08-25", None),
    ("26일 부산에서 열리는 회의에 두 정상이 참석한다.", dt.date(2025, 8, 20), "26일", "2025-08-26", None),
    ("트럼프 대통령은 25일 기자회견에서 이같이 밝혔다.", dt.date(2025, 8, 26), "25일", "2025-08-25", None),
    ("양측은 24일 전화 통화를 했다.", dt.date(2025, 8, 26), "24일", "2025-08-24", None),
    ("한편, 12일 발표된 자료에 따르면 수출이 늘었다.", dt.date(2025, 8, 20), "12일", "2025-08-12", None),
    ("협상은 이달 초 재개된다.", dt.date(2025, 8, 20), "이달 초", "2025-08", None),
    ("정부는 다음 달 초 협상단을 보낸다.", dt.date(2025, 8, 26), "다음 달 초", "2025-09", None),
    ("정상들은 15일부터 17일까지 회담한다.", dt.date(2025, 8, 1), "15일부터 17일까지", "2025-08-15", "2025-08-17"),
    ("박람회는 3월 15~16일 열린다.", dt.date(2025, 2, 1), "3월 15~16일", "2025-03-15", "2025-03-16"),
    # past tense, and the day would be more than a week after the reference: last month
    ("대통령은 28일 성명을 발표했다.", dt.date(2025, 8, 5), "28일", "2025-07-28", None),
    ("대통령은 28일 성명을 발표한다.", dt.date(2025, 8, 5), "28일", "2025-08-28", None),
])
def test_dates_news_day_only_dates(text, ref, surface, value, end):
    d = _one(text, ref)
    assert (d.text, d.value, d.end) == (surface, value, end)


def test_dates_day_only_takes_the_month_named_before_it():
    found = parse_dates("양국은 3월 5일 협상을 시작해 7일 타결했다.", dt.date(2025, 6, 1))
    assert [(d.text, d.value) for d in found] == [("3월 5일", "2025-03-05"), ("7일", "2025-03-07")]


def test_dates_day_after_a_departure_day_is_read_in_sequence():
    # a journey told day by day: the later days stand bare after a verb
    found = parse_dates("특사단은 9일 제네바를 출발하여 11일 빈에 닿는다.", dt.date(2025, 6, 8))
    assert [(d.text, d.value) for d in found] == [("9일", "2025-06-09"), ("11일", "2025-06-11")]
    # an earlier day, a day weeks later, or a day in the next sentence is no continuation
    assert [d.text for d in parse_dates("특사단은 19일 출발하여 11일 빈에 닿는다.", dt.date(2025, 6, 8))] == ["19일"]
    assert [d.text for d in parse_dates("특사단은 2일 출발하여 25일 빈에 닿는다.", dt.date(2025, 6, 8))] == ["2일"]
    assert [d.text for d in parse_dates("특사단은 9일 출발했다. 그러다 11일 빈에 닿는다.",
                                        dt.date(2025, 6, 8))] == ["9일"]


def test_dates_nights_and_days_of_a_trip_are_a_length():
    found = parse_dates("사절단은 5월 1일 출국해 2박 3일 머문다.", dt.date(2025, 4, 20))
    assert [(d.text, d.value) for d in found] == [("5월 1일", "2025-05-01")]


def test_dates_day_only_month_does_not_cross_paragraphs():
    found = parse_dates("회담은 3월 5일 열렸다.\n\n정부는 7일 발표했다.", dt.date(2025, 6, 10))
    assert [(d.text, d.value) for d in found] == [("3월 5일", "2025-03-05"), ("7일", "2025-06-07")]


@pytest.mark.parametrize("text", [
    "회의는 3일간 이어졌다.",
    "취임 100일을 맞아 회견을 했다.",
    "정부는 30일 이내에 답변해야 한다.",
    "협상 7일째 진전이 없다.",
    "체류 기간은 3일.",
    "처리에는 3~5일 정도 걸린다.",
    "심사에 2~3일 소요된다.",
    "회담 2일차 일정이 시작됐다.",
    "정부는 3일 동안 협의했다.",
    "대표단은 5일 일정으로 방미했다.",
    "그는 3일 만에 귀국했다.",
    "하루 1일 2회 복용한다.",
    "방문단은 이틀 뒤 3일 후에 다시 온다",
    "순방단은 2박 3일 머문다.",
    "대표단은 5일 간 머문다.",
])
def test_dates_day_counts_and_durations_are_not_dates(text):
    assert parse_dates(text, REF) == []


@pytest.mark.parametrize("text, surface, value", [
    ("두 정상은 2025년 11월 1일 경주에서 만났다.", "2025년 11월 1일", "2025-11-01"),
    ("대통령은 오는 10월 경주에서 열리는 회의에 참석한다.", "오는 10월", "2025-10"),
    ("발표는 10월경에 나온다.", "10월경", "2025-10"),
    ("이번 회담은 2018년 대법원 판결 이후 처음이다.", "2018년", "2018"),
    ("양측은 24일 전화 통화를 했다.", "24일", "2025-03-24"),
])
def test_dates_words_after_a_date_are_not_swallowed(text, surface, value):
    d = _one(text, dt.date(2025, 3, 26))
    assert (d.text, d.value) == (surface, value)


def test_dates_explicit_date_in_brackets_wins_over_relative_phrase():
    found = parse_dates("회담 이틀 후(2.9) 발표가 있었고 다음 날(2.10) 관세를 부과했다.", REF, deictic=True)
    assert [(d.text, d.value) for d in found] == [("2.9", "2025-02-09"), ("2.10", "2025-02-10")]


@pytest.mark.parametrize("text, value, end", [
    ("내일 발표한다", "2025-03-11", None),
    ("어제 회담이 열렸다", "2025-03-09", None),
    ("다음 주 금요일에 만난다", "2025-03-21", None),
    ("이틀 전에 통화했다", "2025-03-08", None),
    ("이번 주말에 출국한다", "2025-03-15", "2025-03-16"),
])
def test_dates_deictic_forms_resolve_against_reference(text, value, end):
    d = _one(text, deictic=True)
    assert (d.value, d.end) == (value, end)


def test_dates_deictic_forms_are_off_in_documents():
    assert parse_dates("오늘날 국제질서와 내일의 과제", REF) == []


@pytest.mark.parametrize("text, expected", [
    ("한미 정상회담 결과 분석\n2025년 3월 5일 발행\n\n지난 2월 7일 회담에서 2024.12.1 합의를 재확인했다.",
     dt.date(2025, 3, 5)),
    ("작성일: 2024.11.20\n\n본문 2024.10.1 체결", dt.date(2024, 11, 20)),
    ("입력 2025.03.05 14:22\n\n회담은 2025.3.4 열렸다.", dt.date(2025, 3, 5)),
    # the latest full date, not the scheduled one, then poll dates shortly after it
    ("협정(2025.1.20)에 이어 회의(2025.6.1 개최 예정)가 열린다. 여론조사(1.25-1.27) 결과 지지율 40%.",
     dt.date(2025, 1, 27)),
    # an access date in a footnote pushes the reference forward
    ("성명(2024.9.1)을 보라.\n\n1 외교부, 보도자료 (검색일: 2024.10.15)", dt.date(2024, 10, 15)),
])
def test_dates_reference_date_inference(text, expected):
    assert infer_reference_date(text) == expected


def test_dates_extract_sets_reference_and_places_facts():
    from summitwatch.pipeline import analyze_text

    text = "양국 정상은 2025.2.7 만났다. 여론조사(2.14-2.16)에서 긍정 평가가 많았다. 연내 방문이 추진된다."
    ctx = analyze_text(text, structure_only=True)
    facts = dates.extract(ctx)
    assert ctx.reference_date == dt.date(2025, 2, 16)
    assert [(f.value, f.end) for f in facts] == [
        ("2025-02-07", None), ("2025-02-14", "2025-02-16"), ("2025", None)]
    assert all(text[f.raw_offset:].startswith(f.text) for f in facts)


def test_dates_extract_keeps_given_reference():
    from summitwatch.pipeline import analyze_text

    ctx = analyze_text("지난해 10월 출범한 내각", reference_date=dt.date(2030, 1, 1), structure_only=True)
    assert dates.extract(ctx)[0].value == "2029-10"
    assert ctx.reference_date == dt.date(2030, 1, 1)


def test_dates_wrapped_range_spans_hard_wrap():
    d = _one("정상회의가 10월 \n\n말~11월 초에 열릴 예정이다.", dt.date(2025, 2, 23))
    assert (d.value, d.end) == ("2025-10", "2025-11")


def test_dates_one_megabyte_document():
    para = ("지난해 10월 출범한 내각은 2025.2.7 정상회담(2.9)을 거쳐 올해 상반기 5,000억 달러 투자를 "
            "약속했고, 조사(2.14-2.16)에서 51%가 긍정 평가했다. 트럼프 2.0 시대 연내 방문이 추진된다.\n")
    text = para * (1_000_000 // len(para))
    found = parse_dates(text)
    assert len(found) > 1000


def test_dates_html_published_date_is_the_reference():
    from summitwatch.ingest import load_bytes
    from summitwatch.pipeline import run

    html = ("<html><head><title>회담</title><meta property='article:published_time' content='2025-06-03'>"
            "</head><body><article><h1>회담</h1><p>양국 장관은 2일 서울에서 만나 공급망 협력에 합의했다. "
            "후속 협의는 오는 7월에 열린다.</p><p>정부는 이번 합의가 의미 있다고 밝혔다.</p></article></body></html>")
    ctx = run(load_bytes(html.encode("utf-8"), source="news.html"))
    assert ctx.reference_date == dt.date(2025, 6, 3)
    assert {d.value for d in ctx.facts["dates"]} >= {"2025-06-02", "2025-07"}


@pytest.mark.parametrize("text, expected", [
    # a header date under the title, alone on its line, in the spellings briefs use
    ("동아시아 현안 점검 제2024-07호\n한일 경제안보 대화의 쟁점\n2024. 9. 3.\n국제정치센터 오세린 연구위원\n\n"
     "양국은 8월 27일 대화를 재개했다. 관세 유예는 2025년 3월 1일까지 연장됐다.", dt.date(2024, 9, 3)),
    ("한일 경제안보 대화의 쟁점\n2024. 9. 3\n\n양국은 2024년 8월 27일 대화를 재개했다.", dt.date(2024, 9, 3)),
    ("한일 경제안보 대화의 쟁점\n2024.9.3.\n\n양국은 2024년 8월 27일 대화를 재개했다.", dt.date(2024, 9, 3)),
    ("한일 경제안보 대화의 쟁점\n2024년 9월 3일 (화)\n\n양국은 2024년 8월 27일 대화를 재개했다.", dt.date(2024, 9, 3)),
    # on one line with the author or the institute
    ("정책 메모\n2024.9.3 | 국제정치연구실 오세린 선임연구원\n\n회의는 2024.8.27 열렸다.", dt.date(2024, 9, 3)),
    ("정책 메모\n국제정치연구실 오세린 연구위원  2024. 9. 3.\n\n회의는 2024.8.27 열렸다.", dt.date(2024, 9, 3)),
    # a label anywhere
    ("정책 메모\n\n회의는 2024.8.27 열렸다.\n\n배포일: 2024. 9. 3.", dt.date(2024, 9, 3)),
    ("정책 메모\n\n회의는 2024.8.27 열렸다.\n\n2024. 9. 3. 배포", dt.date(2024, 9, 3)),
    # a title that merely starts with a date is not the date line
    ("2023년 1월 5일 회담이 남긴 과제\n\n양국 외교장관은 2024년 6월 2일 다시 만났다.", dt.date(2024, 6, 2)),
    # a deadline (…까지 연장) or an expiry is not a happening the text reports
    ("양국은 2024년 8월 20일 회담했다. 관세 유예는 2025년 2월 1일까지 1년 연장하기로 했다.",
     dt.date(2024, 8, 20)),
    ("양국은 2024년 8월 20일 회담했다. 조치 대부분이 2025년 2월 1일을 전후해 만료된다.", dt.date(2024, 8, 20)),
    # only announced dates: the day before the first of them, never today
    ("차기 정상회의는 2026년 4월 10일 도쿄에서 열릴 예정이다.", dt.date(2026, 4, 9)),
])
def test_dates_reference_date_header_and_fallbacks(text, expected):
    assert infer_reference_date(text) == expected


def test_dates_extract_finds_header_date_hidden_by_reflow():
    from summitwatch.pipeline import analyze_text

    text = ("통상 현안 분석 제2024-11호\n반도체 수출통제 협의의 향방\n2024. 12. 2.\n통상연구센터 문가람 연구위원\n\n"
            "양측은 11월 20일 회의를 가졌다. 후속 협의는 연내 열린다.")
    ctx = analyze_text(text, structure_only=True)
    found = {f.text: f.value for f in dates.extract(ctx)}
    assert ctx.reference_date == dt.date(2024, 12, 2)
    assert found["11월 20일"] == "2024-11-20"
    assert found["연내"] == "2024"


@pytest.mark.parametrize("text, ref, surface, value, end", [
    # a relative month keeps its day or day range: one span
    ("긍정률은 직전 조사(지난달 14~16일)보다 4%p 높았다.", dt.date(2025, 4, 8), "지난달 14~16일", "2025-03-14", "2025-03-16"),
    ("협정은 지난달 29일 발효됐다.", dt.date(2025, 4, 8), "지난달 29일", "2025-03-29", None),
    ("박람회는 이달 9~11일 열린다.", dt.date(2025, 4, 2), "이달 9~11일", "2025-04-09", "2025-04-11"),
    ("특사단은 다음 달 2일 출국한다.", dt.date(2025, 4, 20), "다음 달 2일", "2025-05-02", None),
    # a month range
    ("수출은 4~6월 석 달 연속 줄었다.", dt.date(2025, 8, 1), "4~6월", "2025-04", "2025-06"),
    ("2024년 1~3월 실적이 발표됐다.", dt.date(2025, 8, 1), "2024년 1~3월", "2024-01", "2024-03"),
    ("지난해 10~12월 수입이 늘었다.", dt.date(2025, 8, 1), "지난해 10~12월", "2024-10", "2024-12"),
    # a year written in Japanese or Chinese, alone
    ("資料: 外務省「外交青書 2023年」", dt.date(2025, 8, 1), "2023年", "2023", None),
    ("两国在2019年恢复了对话", dt.date(2025, 8, 1), "2019年", "2019", None),
    # a bare four-digit year where only a year can be meant
    ("이 법(1974)은 지금도 유효하다.", dt.date(2025, 8, 1), "1974", "1974", None),
    ("the Trade Act of 1974 allows retaliation", dt.date(2025, 8, 1), "1974", "1974", None),
    ("1988 서울 올림픽은 냉전 완화의 상징이었다.", dt.date(2025, 8, 1), "1988", "1988", None),
    ("2030 부산 엑스포 유치는 무산됐다.", dt.date(2025, 8, 1), "2030", "2030", None),
    # a bare day before the verb of a reported happening
    ("통계청이 물가 지표를 14일 발표한 결과 상승률이 둔화됐다.", dt.date(2025, 8, 20), "14일", "2025-08-14", None),
    ("외교부가 공개한 자료는 11일 열린 회의 내용을 담았다.", dt.date(2025, 8, 20), "11일", "2025-08-11", None),
    # a fuzzy "말" is a particle-led suffix, not the first syllable of a name
    ("장관들은 3월 4~5일 말레이시아에서 만났다.", dt.date(2025, 8, 1), "3월 4~5일", "2025-03-04", "2025-03-05"),
    ("협상은 6월 말까지 이어진다.", dt.date(2025, 5, 1), "6월 말", "2025-06", None),
    ("1990年代の経済", dt.date(2025, 8, 1), "1990年代", "1990", "1999"),
    # an English year between a determiner (and an adjective) and the happening it names
    ("Turnout after the bitter 2016 election was low.", dt.date(2025, 8, 1), "2016", "2016", None),
    ("Canberra's 2021 Quad meeting set the agenda.", dt.date(2025, 8, 1), "2021", "2021", None),
    # a report title after its series label
    ("[분기 점검] 2027 동남아 통상 환경", dt.date(2025, 8, 1), "2027", "2027", None),
])
def test_dates_relative_months_ranges_and_bare_years(text, ref, surface, value, end):
    d = _one(text, ref)
    assert (d.text, d.value, d.end) == (surface, value, end)


@pytest.mark.parametrize("text", [
    "행사에 1988명이 참석했다.",
    "재고는 2000 t 규모이다.",
    "총 2030 달러를 지불했다.",
    "This happened in 2000 cases out of 9000.",
    "The 2000 delegates left the summit early.",
    "[공지] 2000 명 참석 예정",
    "참가자 1,988명",
    "보고서 제2024-31호",
    "2019년간의 기록",
    "3년間の交渉",
    "2020年間の推移",
])
def test_dates_bare_year_look_alikes_are_not_dates(text):
    found = parse_dates(text, REF)
    assert all(not d.text.isdigit() or len(d.text) != 4 for d in found), found
    assert not any(d.text.endswith("年") for d in found), found


# ---------------------------------------------------------------- government documents
# 보도자료, 보고서, 공문 write dates with dots, a dot after the day and the weekday in brackets.
GOV_REF = dt.date(2025, 8, 20)


@pytest.mark.parametrize("text, surface, value, end", [
    ("차관은 8.23.(토) 제네바로 출국한다.", "8.23.(토)", "2025-08-23", None),
    ("차관은 8. 23.(토) 제네바로 출국한다.", "8. 23.(토)", "2025-08-23", None),
    ("설명회는 8.23.(토) 오후 세종청사에서 열린다.", "8.23.(토)", "2025-08-23", None),
    ("설명회는 8. 23.(토) 15:00 세종청사에서 열린다.", "8. 23.(토)", "2025-08-23", None),
    ("협의회는 '25.8.23.(토) 개최되었다.", "'25.8.23.(토)", "2025-08-23", None),
    ("이 자료는 2025. 8. 24.(일) 조간부터 보도하여 주시기 바랍니다.", "2025. 8. 24.(일)", "2025-08-24", None),
    ("공동위원회는 8.23.(토)~24.(일) 부산에서 열린다.", "8.23.(토)~24.(일)", "2025-08-23", "2025-08-24"),
    ("공동위원회는 8.23.~8.24. 부산에서 열린다.", "8.23.~8.24.", "2025-08-23", "2025-08-24"),
    ("공동위원회는 8.23.(토)~8.24.(일) 부산에서 열린다.", "8.23.(토)~8.24.(일)", "2025-08-23", "2025-08-24"),
    ("공동위원회는 8. 23.(토)∼24.(일) 부산에서 열린다.", "8. 23.(토)∼24.(일)", "2025-08-23", "2025-08-24"),
    ("공동위원회는 8. 23.(토)〜24.(일) 부산에서 열린다.", "8. 23.(토)〜24.(일)", "2025-08-23", "2025-08-24"),
    ("공동위원회는 2025.8.23.(토)～8.24.(일) 부산에서 열린다.", "2025.8.23.(토)～8.24.(일)", "2025-08-23", "2025-08-24"),
    ("접수 기간: 8.23.(토) 09:00 ~ 8.24.(일) 18:00", "8.23.(토) 09:00 ~ 8.24.(일)", "2025-08-23", "2025-08-24"),
    ("온라인 신청은 9.1.(월)부터 받는다.", "9.1.(월)", "2025-09-01", None),
    ("차관은 고위급 회의(8.23.)에 참석했다.", "8.23.", "2025-08-23", None),
    ("실무 협의는 8.23.부터 재개된다.", "8.23.", "2025-08-23", None),
    ("대표단은 8월 23일(토) 입국한다.", "8월 23일(토)", "2025-08-23", None),
    ("대표단은 8월 23일（토） 입국한다.", "8월 23일（토）", "2025-08-23", None),
    ("대표단은 8.23.（토） 입국한다.", "8.23.（토）", "2025-08-23", None),
    ("연수는 8월 23일(토)∼24일(일) 진행된다.", "8월 23일(토)∼24일(일)", "2025-08-23", "2025-08-24"),
    ("연휴 특별 근무(12.30.(화)~1.2.(금))를 실시한다.", "12.30.(화)~1.2.(금)", "2025-12-30", "2026-01-02"),
    # a commemoration names the day it recurs on: this year's
    ("정부는 8.15 광복절 경축식을 광화문에서 연다.", "8.15", "2025-08-15", None),
    ("3.1절 기념식에는 독립유공자 후손이 참석했다.", "3.1절", "2025-03-01", None),
])
def test_dates_government_dotted_forms(text, surface, value, end):
    d = _one(text, GOV_REF)
    assert (d.text, d.value, d.end) == (surface, value, end)
    assert text[d.start:d.stop] == d.text


@pytest.mark.parametrize("text", [
    "2.1. 추진 배경\n2.2. 주요 내용",
    "1.2.3. 세부 추진 과제",
    "세부 지침은 3.2. 항목을 따른다.",
    "프로그램 버전 1.2.3 배포 안내",
    "문서번호 제2025-14호",
    "문의: 북미국 02-2100-7000, 팩스 044-215-2114",
    "6.25 전쟁 참전용사 초청 행사",        # a historical event's name, not a day of this year
    "5.18 민주화운동 관련 자료",
    "회의는 오후 3시 15:00에 시작한다.",
])
def test_dates_government_look_alikes_are_not_dates(text):
    assert parse_dates(text, GOV_REF) == []


@pytest.mark.parametrize("text, ref, value", [
    # a Monday 5 January seen from August 2025 is 2026's (2025-01-05 was a Sunday)
    ("시무식은 1.5.(월) 본관에서 열린다.", dt.date(2025, 8, 20), "2026-01-05"),
    ("시무식은 1월 5일(월) 본관에서 열린다.", dt.date(2025, 8, 20), "2026-01-05"),
    # a weekday no neighbouring year fits (a typo) changes nothing
    ("설명회는 8.23.(월) 열린다.", dt.date(2025, 8, 20), "2025-08-23"),
])
def test_dates_weekday_picks_the_year(text, ref, value):
    assert _one(text, ref).value == value


@pytest.mark.parametrize("text, expected", [
    # the later of 배포일시 and 보도시점 (the embargo the release is written to be read at)
    ("외교부 보도자료\n보도시점: 2025. 8. 24.(일) 06:00\n배포일시: 2025. 8. 23.(토) 14:00\n\n"
     "장관은 2025. 7. 30. 회담했다.", dt.date(2025, 8, 24)),
    ("보도일시 2025. 8. 24.(일) 조간 | 배포일시 2025. 8. 23.(토) 14:00\n\n차관 면담 결과", dt.date(2025, 8, 24)),
    ("엠바고: 2025. 9. 2.(화) 12:00 이후 보도\n\n양국 협의 결과", dt.date(2025, 9, 2)),
    ("보도일시: '25. 9. 2.(화) 조간\n\n양국 협의 결과", dt.date(2025, 9, 2)),
    ("배포일시: 2025. 8. 23.(토) 14:00\n\n양측은 2025. 8. 29.(금) 후속 협의를 연다.", dt.date(2025, 8, 23)),
])
def test_dates_reference_date_press_release_header(text, expected):
    assert infer_reference_date(text) == expected


def test_dates_extract_press_release():
    from summitwatch.pipeline import analyze_text

    text = ("통일부 보도자료\n보도시점: 2025. 10. 12.(일) 12:00\n배포일시: 2025. 10. 11.(토) 15:00\n"
            "담당: 남북협력과 (02-2100-5800)\n\n"
            "□ 차관은 10.9.(목)~10.(금) 판문점을 방문하였다.\n"
            "  ㅇ 10. 9.(목) 14:00 현장 점검 회의를 주재하였다.\n"
            "  ㅇ 후속 점검은 10.20.(월)부터 진행된다.\n")
    ctx = analyze_text(text, structure_only=True)
    facts = dates.extract(ctx)
    assert ctx.reference_date == dt.date(2025, 10, 12)
    assert [(f.text, f.value, f.end) for f in facts] == [
        ("2025. 10. 12.(일)", "2025-10-12", None), ("2025. 10. 11.(토)", "2025-10-11", None),
        ("10.9.(목)~10.(금)", "2025-10-09", "2025-10-10"), ("10. 9.(목)", "2025-10-09", None),
        ("10.20.(월)", "2025-10-20", None)]
    assert all(text[f.raw_offset:].startswith(f.text) for f in facts)


@pytest.mark.parametrize("text,value", [
    ("8월 5일 미국은 공동 비축 계획에 참여하지 않겠다고 밝혔다.", "2025-08-05"),
    ("정부는 10월 5일 특사를 파견할 계획이다.", "2025-10-05"),
])
def test_dates_plan_as_noun_is_not_a_future_cue(text, value):
    assert [d.value for d in parse_dates(text, dt.date(2025, 9, 1))] == [value]


def test_dates_as_scheduled_is_past():
    got = parse_dates("관세 인하는 10월 15일 예정대로 시행됐다.", dt.date(2025, 12, 1))
    assert [d.value for d in got] == ["2025-10-15"]
