"""Findings and recommendations from modality anywhere in an analysis."""
from __future__ import annotations

import datetime as dt

from summitwatch.extract.claims import findings, recommendations
from summitwatch.pipeline import analyze_text

ANALYSIS = """항만 협력의 현황과 과제

김하늘 선임연구위원

두 나라의 항만 협력은 아직 초기 단계에 머물러 있는 것이 현실이다. 물류 정보 공유는 협력의 가장 약한 고리이다. \
내년에는 공동 물류 플랫폼 논의가 본격화될 전망이다. 본 글에서는 협력의 쟁점을 살펴본다.

양국 정부는 물류 정보 표준을 먼저 통일해야 한다. 또한 항만 당국 간 상설 협의체를 둘 필요가 있다. \
장관은 지난달 협의체 설치를 검토하겠다고 밝혔다. 첫 실무 회의는 지난 5월 부산에서 열렸다.
"""

NEWS = """항만 협력 논의 속도

[부산=한빛통신] 박바다 기자 = 두 나라의 항만 협력은 아직 초기 단계이다. 양국은 정보 표준을 통일해야 한다.
"""


def _ctx(text):
    return analyze_text(text, reference_date=dt.date(2025, 9, 1))


def test_voiced_findings_are_the_authors_assessments_and_forecasts():
    texts = [p.text for p in findings.extract(_ctx(ANALYSIS))]
    assert any("가장 약한 고리" in t for t in texts)
    assert any("본격화될 전망" in t for t in texts)
    assert not any("본 글에서는" in t for t in texts)            # about the text itself
    assert not any("열렸다" in t for t in texts)                 # a narrated past act
    assert all(p.n is None for p in findings.extract(_ctx(ANALYSIS)))


def test_voiced_recommendations_are_advice_not_reported_speech():
    texts = [p.text for p in recommendations.extract(_ctx(ANALYSIS))]
    assert any("통일해야 한다" in t for t in texts) and any("둘 필요가 있다" in t for t in texts)
    assert not any("검토하겠다고 밝혔다" in t for t in texts)


def test_voiced_nothing_in_a_news_report():
    ctx = _ctx(NEWS)
    assert findings.extract(ctx) == [] and recommendations.extract(ctx) == []


SECTIONED = """항만 협력 평가와 과제

김하늘 선임연구위원

1. 개요

두 나라의 항만 협력은 아직 초기 단계이다.

2. 평가

물류 정보 공유는 협력의 가장 약한 고리이다.

3. 과제

정부는 물류 정보 표준을 먼저 통일해야 한다.
"""


def test_voiced_no_sentence_findings_in_a_sectioned_brief():
    assert findings.extract(_ctx(SECTIONED)) == []


def test_voiced_a_statistic_is_no_finding():
    text = "물동량 분석\n\n김하늘 선임연구위원\n\n두 항만의 환적 물동량 비중은 전체의 42%이다. 두 항만 협력의 중심은 앞으로도 환적 물류이다."
    texts = [p.text for p in findings.extract(_ctx(text))]
    assert texts == ["두 항만 협력의 중심은 앞으로도 환적 물류이다."]


BACKGROUND = """해운 동맹의 앞날

윤바람 연구위원

(편집자 주) 해운 동맹은 두 나라 관계의 오래된 축으로 여겨진다. 필자는 그 변화를 진단한다.

이 항구는 1962년 군항으로 지어졌고 1987년 민간에 개방되었으며 2004년 국제 박람회를 치른 도시의 관문이다. \
공동 해운 기금은 두 나라 관계의 버팀목이다. 올해 말에는 기금 개편 논의가 시작될 전망이다.
"""


def test_voiced_findings_skip_editor_notes_and_dated_histories():
    texts = [p.text for p in findings.extract(_ctx(BACKGROUND))]
    assert any("버팀목이다" in t for t in texts)                 # the author's own assessment stays
    assert any("시작될 전망" in t for t in texts)
    assert not any("오래된 축" in t or "진단한다" in t for t in texts)   # the editor's framing note
    assert not any("1962년" in t for t in texts)                # a history told by its dates


def test_voiced_findings_keep_an_assessment_with_one_past_date():
    text = BACKGROUND.replace("이 항구는 1962년 군항으로 지어졌고 1987년 민간에 개방되었으며 2004년 국제 박람회를 치른 도시의 관문이다. ",
                              "2019년 협정 이후의 기금 확대는 동맹 강화의 결정적 전환점이다. ")
    texts = [p.text for p in findings.extract(_ctx(text))]
    assert any("결정적 전환점" in t for t in texts)


FOUNDED = """어업 협력의 공백

윤바람 연구위원

두 나라 수산 당국 사이에는 공동 조사단이 상설 기구로 설치되어 있다. 그러나 분쟁 수역을 다룰 중재 기구는 설치되어 있지 않다. \
이 공백은 어업 협력의 가장 취약한 지점이다.
"""


def test_voiced_findings_skip_a_founded_institution_but_keep_its_absence():
    texts = [p.text for p in findings.extract(_ctx(FOUNDED))]
    assert not any("공동 조사단" in t for t in texts)            # that a body exists is the setting
    assert any("설치되어 있지 않다" in t for t in texts)          # a missing body is a finding
    assert any("가장 취약한 지점" in t for t in texts)


WEB_ANALYSIS = """바닷길 공급망의 재편

- 항만 물류 협력은 정보 공유가 관건
- 상설 협의체 논의가 곧 본격화

김하늘 선임연구위원

두 나라의 항만 협력은 아직 초기 단계에 머물러 있는 것이 현실이다. 물류 정보 공유는 협력의 가장 약한 고리이다. \
내년에는 공동 물류 플랫폼 논의가 본격화될 전망이다.
"""


def test_voiced_a_pages_headline_and_deck_lines_are_no_sections():
    ctx = _ctx(WEB_ANALYSIS)
    roles = [h.role for h in ctx.structure.headings]
    assert len(roles) >= 3 and set(roles) <= {"headline", "deck"}
    texts = [p.text for p in findings.extract(ctx)]
    assert any("가장 약한 고리" in t for t in texts)
