"""Recalled pledges: an earlier agreement the text recalls is a commitment when the text also
reports that it was carried out; its fulfilment is the evidence."""
from __future__ import annotations

import datetime as dt

from summitwatch.pipeline import analyze_text


def _commitments(text, ref):
    return analyze_text(text, reference_date=ref).facts["commitments"]


def test_recalled_subject_of_a_fulfilment_is_a_commitment_with_evidence():
    text = ("2024년 6월 10일 서울에서 한-호주 정상회담이 개최되었다. 양측은 같은 날 논의에서 지난 2월 두 나라 "
            "외교장관이 합의한 '청정에너지 로드맵'이 계획대로 이행되고 있다고 평가하였다.")
    found = [c for c in _commitments(text, dt.date(2024, 6, 11)) if "로드맵" in c.text]
    assert len(found) == 1
    c = found[0]
    assert set(c.actors) == {"KR", "AU"} and c.text.endswith("'청정에너지 로드맵'")
    assert [(e.date, e.relation) for e in c.evidence] == [("2024-06-10", "supports")]
    assert c.status == "kept"


def test_recalled_measure_from_an_earlier_agreement_takes_the_previous_act():
    text = ("오늘 3월 5일 한국과 캐나다 정부는 핵심광물 공급에 관한 협정에 서명했습니다.\n\n"
            "작년 10월 8일 장관회의에서 기본 방향에 합의한 이후 다섯 달 만입니다.")
    found = [c for c in _commitments(text, dt.date(2025, 3, 5)) if "기본 방향" in c.text]
    assert len(found) == 1
    c = found[0]
    assert set(c.actors) == {"KR", "CA"}
    assert [(e.date, e.relation) for e in c.evidence] == [("2025-03-05", "supports")]
    assert "협정에 서명" in c.evidence[0].text


def test_recalled_pledge_with_nothing_done_stays_background():
    text = ("2024년 6월 10일 서울에서 한-호주 정상회담이 개최되었다. 양측은 같은 날 논의에서 지난 2월 두 나라 "
            "외교장관이 합의한 '청정에너지 로드맵'을 언급하며 공급망 문제를 논의하였다.")
    assert not [c for c in _commitments(text, dt.date(2024, 6, 11)) if "로드맵" in c.text]


def test_recalled_pledge_that_failed_is_no_fulfilment():
    text = ("오늘 3월 5일 한국과 캐나다 정부는 핵심광물 협정 서명을 연기했습니다.\n\n"
            "작년 10월 8일 장관회의에서 기본 방향에 합의한 이후 다섯 달 만입니다.")
    found = [c for c in _commitments(text, dt.date(2025, 3, 5)) if "기본 방향" in c.text]
    assert not [e for c in found for e in c.evidence if e.relation == "supports"]


def test_recalled_measured_fulfilment_is_the_previous_sentence_act():
    text = ("(서울=가상일보) 김 기자 = 호주 정부는 5월 2일 한국산 철강에 대한 관세를 없앴다.\n\n"
            "지난 3월 통상장관회의에서 합의한 관세 철폐가 두 달 만에 이행된 것이다.")
    (c,) = [c for c in _commitments(text, dt.date(2025, 5, 3)) if "관세 철폐" in c.text]
    assert c.actors == ["AU"]
    assert [(e.date, e.text) for e in c.evidence] == [("2025-05-02", "호주 정부는 5월 2일 한국산 철강에 대한 관세를 없앴다.")]


def test_recalled_summit_pledge_in_a_follow_up_report_is_left_to_tracking():
    text = ("(서울=가상일보) 김 기자 = 호주 정부는 5월 2일 한국산 철강에 대한 관세를 없앴다.\n\n"
            "지난 3월 정상회담에서 합의한 관세 철폐가 두 달 만에 이행된 것이다.")
    assert not [c for c in _commitments(text, dt.date(2025, 5, 3)) if c.evidence]
