"""Dates: forms, year inference, look-alikes, reference-date inference, the extractor."""
from __future__ import annotations

import datetime as dt
import time

import pytest

from summitwatch.extract import dates
from summitwatch.extract.dates import infer_reference_date, parse_dates

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
    ("오는 7월 선거가 있다.", "7월", "2025-07", None),
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


def test_dates_one_megabyte_is_fast():
    para = ("지난해 10월 출범한 내각은 2025.2.7 정상회담(2.9)을 거쳐 올해 상반기 5,000억 달러 투자를 "
            "약속했고, 조사(2.14-2.16)에서 51%가 긍정 평가했다. 트럼프 2.0 시대 연내 방문이 추진된다.\n")
    text = para * (1_000_000 // len(para))
    t0 = time.perf_counter()
    found = parse_dates(text)
    elapsed = time.perf_counter() - t0
    assert len(found) > 1000
    assert elapsed < 2.0, elapsed
