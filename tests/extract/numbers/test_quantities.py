"""Quantities: money, percent, counts and durations; approximation; no double extraction."""
from __future__ import annotations

import pytest

from summitwatch.extract.time import dates

from summitwatch.extract.numbers import quantities
from summitwatch.extract.numbers.knumbers import parse_number
from summitwatch.extract.numbers.quantities import parse_quantities


def _money_percent(text):
    return [(q.text, q.kind, q.value, q.unit, q.approximate)
            for q in parse_quantities(text) if q.kind in ("money", "percent")]


@pytest.mark.parametrize("text, expected", [
    ("7천 5백만", 75_000_000), ("1만 2천 345", 12_345), ("1백억 5천만", 10_050_000_000),
    ("천 4백만", 14_000_000), ("30만9천381", 309_381), ("5,000억", 5e11), ("이십이", 22),
    ("이백십", 210), ("4億2千万", 420_000_000), ("30여억", 3e9), ("1.5", 1.5),
])
def test_quantities_korean_number_words(text, expected):
    assert parse_number(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("미국은 1조 달러 규모의 투자를 요구했다.", [("1조 달러", "money", 1e12, "USD", False)]),
    ("일본은 5,000억 달러(약 719조 원)를 투자한다.",
     [("5,000억 달러", "money", 5e11, "USD", False), ("719조 원", "money", 7.19e14, "KRW", True)]),
    ("총 7천 5백만 달러의 채권", [("7천 5백만 달러", "money", 7.5e7, "USD", False)]),
    ("대미 투자 3500억 달러", [("3500억 달러", "money", 3.5e11, "USD", False)]),
    ("기금 10억 달러를 조성", [("10억 달러", "money", 1e9, "USD", False)]),
    ("지원금 4억 2천만 엔", [("4억 2천만 엔", "money", 4.2e8, "JPY", False)]),
    ("a pledge of $550 billion", [("$550 billion", "money", 5.5e11, "USD", False)]),
    ("a market of US$ 1.2 trillion", [("US$ 1.2 trillion", "money", 1.2e12, "USD", False)]),
    ("EU는 550억 유로를 배정했다.", [("550억 유로", "money", 5.5e10, "EUR", False)]),
    ("벌금 100만 위안", [("100만 위안", "money", 1e6, "CNY", False)]),
    ("참가비는 1,000만 원이다.", [("1,000만 원", "money", 1e7, "KRW", False)]),
    ("약 30여억 달러 가량", [("30여억 달러 가량", "money", 3e9, "USD", True)]),
    ("관세 25%를 부과", [("25%", "percent", 25.0, "%", False)]),
    ("득표율 50.1%", [("50.1%", "percent", 50.1, "%", False)]),
    ("100 퍼센트 확신", [("100 퍼센트", "percent", 100.0, "%", False)]),
    ("지지율이 3.5%p 올랐다", [("3.5%p", "percent", 3.5, "%p", False)]),
    ("격차는 3.5%포인트", [("3.5%포인트", "percent", 3.5, "%p", False)]),
    ("약 40% 정도가 찬성", [("40% 정도", "percent", 40.0, "%", True)]),
    ("이십 퍼센트 할인", [("이십 퍼센트", "percent", 20.0, "%", False)]),
])
def test_quantities_money_and_percent(text, expected):
    assert _money_percent(text) == expected


@pytest.mark.parametrize("text, kind, value, unit, approx", [
    ("40여 개국이 참여했다", "count", 40, "개국", True),
    ("회의는 30시간 이어졌다", "duration", 30, "hour", False),
    ("취임 후 100일 이내", "duration", 100, "day", False),
    ("30여 년간 이어진", "duration", 30, "year", True),
])
def test_quantities_counts_and_durations(text, kind, value, unit, approx):
    found = parse_quantities(text)
    assert [(q.kind, q.value, q.unit, q.approximate) for q in found] == [(kind, value, unit, approx)]


@pytest.mark.parametrize("text", [
    "트럼프 2.0 시대",
    "민·관 1.5 track 회의",
    "트럼프 2기 행정부",
    "위원회 위원 다섯 명",
    "이 달러화 강세",
    "https://example.com/a?q=30%25%2020%",
    "수백만 달러의 피해",                 # 수백만 is not a number we can state
    "엔진 출력과 원자력 협력",
])
def test_quantities_look_alikes_give_no_money_or_percent(text):
    assert _money_percent(text) == []


def test_quantities_skip_date_spans():
    text = "2025년 2월 7일 회담 후 2월 10일 25% 관세를 발표했다."
    spans = [(d.start, d.stop) for d in dates.parse_dates(text)]
    found = parse_quantities(text, exclude=spans)
    assert [(q.text, q.kind) for q in found] == [("25%", "percent")]


def test_quantities_extract_uses_dates_and_places_facts():
    from summitwatch.pipeline import analyze_text

    text = "정상은 2025.2.7 만나 1조 달러 투자와 관세 25%를 논의했고 30일간 협의하기로 했다."
    ctx = analyze_text(text, structure_only=True)
    ctx.facts["dates"] = dates.extract(ctx)
    facts = quantities.extract(ctx)
    assert [(f.text, f.kind, f.value) for f in facts] == [
        ("1조 달러", "money", 1e12), ("25%", "percent", 25.0), ("30일간", "duration", 30.0)]
    assert all(text[f.raw_offset:].startswith(f.text) for f in facts)


def test_quantities_with_dates_one_megabyte_document():
    """Dates and quantities together on 1 MB of news-like text (a date or an amount every
    40 characters) are found whole; their speed is a benchmark's business, not this test's."""
    
    para = ("(서울=한빛뉴스) 정부는 지난 14~16일 한빛리서치가 성인 1,002명에게 물은 조사(±3.1%p)에서 "
            "응답자의 51%가 정상회담을 긍정적으로 평가했다고 밝혔다. 트럼프 대통령은 25일(현지시간) "
            "백악관에서 열린 회담에서 3,200억 달러(약 430조 원)에 이르는 현지 투자 계획을 환영했다. 양국은 "
            "지난해 10월 출범한 협의체를 통해 올해 상반기 안에 세부 이행 방안을 마련하기로 했으며, "
            "관세율은 25%에서 15%로 낮아진다. 후속 협상은 다음 달 초 워싱턴에서 열릴 예정이다. 한 통상 "
            "전문가는 \"정상 간 우호적 분위기와 별개로 세부 조건이 문서로 확정되기 전까지는 불확실성이 "
            "계속될 것\"이라며 \"기업들은 공급망 재편과 현지 생산 확대를 서둘러야 한다\"고 말했다. "
            "야당은 국회 동의 절차를 거치지 않은 투자 약속이 재정 부담으로 돌아올 수 있다며 정부에 "
            "구체적인 이행 계획과 재원 조달 방안을 공개하라고 요구했다.\n\n")
    text = para * (1_000_000 // len(para))
    # speed is measured in bench/ (bench_analysis.py); this checks the large input is handled whole
    spans = [(d.start, d.stop) for d in dates.parse_dates(text)]
    found = parse_quantities(text, exclude=spans)
    assert len(spans) > 10_000 and len(found) > 14_000


@pytest.mark.parametrize("text, expected", [
    # percentage points in every spelling; a plain percent stays a percent
    ("찬성 여론이 4%P 늘었다.", [("4%P", "percent", 4, "%p", False)]),
    ("격차가 2.5%P로 좁혀졌다.", [("2.5%P", "percent", 2.5, "%p", False)]),
    ("반대는 7％p 줄었다.", [("7％p", "percent", 7, "%p", False)]),
    ("지지도가 1.5퍼센트포인트 내려갔다.", [("1.5퍼센트포인트", "percent", 1.5, "%p", False)]),
    ("세율은 12％로 정해졌다.", [("12％", "percent", 12, "%", False)]),
    ("tariffs fell by 3 percentage points", [("3 percentage points", "percent", 3, "%p", False)]),
    ("a 12 percent levy on steel", [("12 percent", "percent", 12, "%", False)]),
    ("spending of 3.5 per cent of output", [("3.5 per cent", "percent", 3.5, "%", False)]),
])
def test_quantities_percent_points_and_english_percent(text, expected):
    assert _money_percent(text) == expected


def test_quantities_percent_band_is_an_approximate_range():
    q = parse_quantities("여당 지지율은 30%대에 머물렀다.")[0]
    assert (q.text, q.value, q.end, q.approximate) == ("30%대", 30, 40, True)
    q = parse_quantities("물가 상승률이 2%대로 내려왔다.")[0]
    assert (q.value, q.end) == (2, 3)
    # "대" as "versus" between two results is no band
    assert [(q.text, q.end) for q in parse_quantities("찬성 61%대 반대 29%")] == [("61%", None), ("29%", None)]


@pytest.mark.parametrize("text, expected", [
    ("입장료는 만원이다.", [("만원", "money", 1e4, "KRW", False)]),
    ("기부금 만 달러를 보냈다.", [("만 달러", "money", 1e4, "USD", False)]),
    ("손실은 8억원인 것으로 추산됐다.", [("8억원", "money", 8e8, "KRW", False)]),
    ("현지 물가로 5만 동이었다.", [("5만 동", "money", 5e4, "VND", False)]),
])
def test_quantities_bare_man_and_copula_after_won(text, expected):
    assert _money_percent(text) == expected


@pytest.mark.parametrize("text", [
    "정부는 새 조정안을 국회에 넘겼다.",         # 조 of 조정안 is no trillion
    "대표단은 천안과 아산을 둘러봤다.",          # 천 of 천안 is no thousand
    "행사는 마포구 5동 주민센터에서 열렸다.",    # an address quarter, not Vietnamese money
    "사고의 원인이 밝혀졌다.",                   # 원인 is a cause
    "원인 규명에 10일이 걸렸다.",
])
def test_quantities_number_words_only_in_numeric_context(text):
    assert _money_percent(text) == []


@pytest.mark.parametrize("text, value, unit", [
    ("회담은 약 2시간 30분 동안 이어졌다.", 2.5, "hour"),
    ("협상에 1년 6개월이 걸렸다.", 1.5, "year"),
])
def test_quantities_compound_duration_is_one(text, value, unit):
    durations = [q for q in parse_quantities(text) if q.kind == "duration"]
    assert [(q.value, q.unit) for q in durations] == [(value, unit)]


@pytest.mark.parametrize("text, expected", [
    ("pledged to invest $120 Billion Dollars for plants", [("$120 Billion Dollars", "money", 1.2e11, "USD", False)]),
    ("a fund of up to $250 billion", [("$250 billion", "money", 2.5e11, "USD", False)]),
    ("grants of €15 million and ¥2 billion", [("€15 million", "money", 1.5e7, "EUR", False),
                                             ("¥2 billion", "money", 2e9, "JPY", False)]),
    ("worth 90 billion Japanese yen", [("90 billion Japanese yen", "money", 9e10, "JPY", False)]),
    ("about 6.9 Chinese yuan each", [("6.9 Chinese yuan", "money", 6.9, "CNY", False)]),
])
def test_quantities_english_money(text, expected):
    assert _money_percent(text) == expected


def test_quantities_exchange_rate_notes_are_marked():
    qs = parse_quantities("The fund holds 9 trillion won ($1 = 1,390.5 won).")
    assert [(q.text, q.role) for q in qs] == [("9 trillion won", None), ("$1", "exchange_rate"),
                                             ("1,390.5 won", "exchange_rate")]
    qs = parse_quantities("이날 원·달러 환율은 1,380원으로 마감했고 수출액은 500억 달러였다.")
    assert [(q.text, q.role) for q in qs] == [("1,380원", "exchange_rate"), ("500억 달러", None)]


def test_quantities_money_band_is_approximate():
    assert _money_percent("시세는 50만 원대로 올랐다.") == [("50만 원대", "money", 5e5, "KRW", True)]
    # 대 standing between two amounts is "versus"
    assert _money_percent("매입가 500원 대 600원") == [("500원", "money", 500, "KRW", False),
                                                  ("600원", "money", 600, "KRW", False)]


@pytest.mark.parametrize("text,expected", [
    ("内閣支持率は41.5%に上昇した。", [("41.5%", 41.5)]),
    ("「期待する」が57％、「期待しない」が30％。", [("57％", 57.0), ("30％", 30.0)]),
    ("经济增长率为5.2%。", [("5.2%", 5.2)]),
])
def test_quantities_percent_right_after_kana_or_kanji(text, expected):
    got = [(q.text, q.value) for q in parse_quantities(text) if q.kind == "percent"]
    assert got == expected


@pytest.mark.parametrize("text", ["ABC35%", "지지율35%"])
def test_quantities_number_glued_to_latin_or_hangul_still_refused(text):
    assert [q for q in parse_quantities(text) if q.kind == "percent"] == []
