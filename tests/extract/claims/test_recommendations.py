"""Recommendations: prescriptive enumerations and implications sections, numbered once each,
with sub-points as children."""

import pytest

from summitwatch.extract.claims import recommendations
from summitwatch.pipeline import analyze_text


def _recs(text):
    return recommendations.extract(analyze_text(text, structure_only=True))


@pytest.mark.parametrize("text,keys", [
    ("이 협상 결과에서 우리가 얻을 교훈은 세 가지다. 첫째, 한중 해운 협의체를 정례화해야 한다. "
     "둘째, 대유럽 수출 전략을 미리 내놓을 필요가 있다. 셋째, 문화교류 기금을 늘리는 것이 바람직하다.",
     ["해운 협의체", "수출 전략", "문화교류"]),
    ("정부는 (1) 공급망 점검 체계를 마련해야 하며, (2) 동맹국과의 정보 공유를 강화해야 한다.",
     ["공급망", "정보 공유"]),
    ("첫 번째로, 정상 간 소통 채널을 조기에 구축해야 한다.\n\n두 번째로, 국회 차원의 초당적 협력 틀을 "
     "모색해야 한다.", ["소통 채널", "초당적"]),
])
def test_recommendations_enumeration_styles(text, keys):
    found = _recs(text)
    assert [p.n for p in found] == list(range(1, len(keys) + 1))
    for p, k in zip(found, keys):
        assert k in p.text and len(p.text) <= 600


def test_recommendations_text_is_the_sentence_not_the_paragraph():
    text = ("첫째, 한일 통상 협의체를 상설화해야 한다. 이는 양국 기업의 불확실성을 줄이고 협상력을 높인다. "
            "그간의 경험이 이를 보여준다.\n\n둘째, 대미 투자 계획을 제시할 필요가 있다.")
    first = _recs(text)[0]
    assert first.text.endswith("상설화해야 한다.")
    assert "불확실성" not in first.text


def test_recommendations_sub_points_become_children():
    text = ("첫째, 정상 방한에 대비한 준비가 필요하다. 특히, 조선과 에너지 분야의 협력 성과를 구체화해야 한다. "
            "이 분야는 관심이 높다.\n\n둘째, 민관 협의체를 마련해야 한다.")
    found = _recs(text)
    assert [p.n for p in found] == [1, 2]
    assert len(found[0].children) == 1 and "조선" in found[0].children[0].text
    assert found[1].children == []


def test_recommendations_summary_and_body_counted_once():
    text = ("간추리면 정부가 할 일은 둘이다. 첫째, 한호 협력을 토대로 한 대중 전략을 세워야 한다. "
            "둘째, 총리 방한 일정에 맞춘 준비를 해야 한다.\n\n"
            "본문\n\n"
            "첫째, 기존 경로와 함께 한호 협력을 폭넓게 토대로 한 대중 전략을 세워야 한다. 그러려면 담당 인력을 늘려야 한다.\n\n"
            "둘째, 하반기 총리 방한 일정에 맞춘 준비 계획을 세워야 한다.")
    found = _recs(text)
    assert [p.n for p in found] == [1, 2]
    # the concise wording is kept
    assert found[0].text == "한호 협력을 토대로 한 대중 전략을 세워야 한다."


@pytest.mark.parametrize("text", [
    # Descriptive explanations are findings.
    "회담이 성공한 이유로 (1) 초당적 지지, (2) 전략 목표의 일치, (3) 실무 네트워크를 들 수 있다.",
    # A descriptive list of agenda items.
    "일본의 최대 과제는 첫째, 관세 문제, 둘째, 방위비 문제, 셋째, 신뢰 구축이었다.",
    # Options weighed are not recommendations.
    "시기로는 1) 취임 100일인 4월, 2) 국제회의가 열리는 6월 등이 있다.",
])
def test_recommendations_not_emitted_for_descriptive_lists(text):
    assert _recs(text) == []


def test_recommendations_section_without_enumeration():
    text = ("1. 정세 분석\n\n양국 관계는 안정적으로 관리되고 있다.\n\n"
            "2. 정책적 함의\n\n정부는 통상 현안에 대한 상시 협의체를 운영해야 한다. 그 효과는 이미 입증되었다.\n\n"
            "또한 지방정부 차원의 교류는 확대될 필요가 있다.")
    ctx = analyze_text(text, structure_only=True)
    assert any("함의" in h.text for h in ctx.structure.headings), "structure recovery missed the heading"
    found = recommendations.extract(ctx)
    assert found and found[0].n == 1
    assert found[0].text == "정부는 통상 현안에 대한 상시 협의체를 운영해야 한다."
    assert not any("안정적으로" in p.text for p in found)


@pytest.mark.parametrize("text,keys", [
    # Sequence words, each opening a paragraph, after a lead-in that announces them.
    ("양국 관계는 당분간 안정될 전망이다. 그러나 합의 이행은 아직 초기 단계인 만큼 정부는 다음 과제에 "
     "역량을 모아야 한다.\n\n우선, 통상 협의 채널을 상설화해야 한다. 분기마다 이행 상황을 점검하는 "
     "회의도 필요하다.\n\n다음으로, 지방정부 간 교류 사업을 확대해야 한다.\n\n"
     "마지막으로, 국회 차원의 감독 장치를 마련해야 한다.", ["통상 협의 채널", "지방정부", "감독 장치"]),
    # 먼저 / 끝으로 inline in one paragraph.
    ("정부의 과제는 분명하다. 먼저, 핵심 광물 비축 물량을 늘려야 한다. 다음으로, 수출 기업을 위한 "
     "보험 제도를 정비해야 한다. 끝으로, 제3국 시장 개척을 위한 금융 지원을 확대할 필요가 있다.",
     ["비축", "보험", "금융 지원"]),
    # A paragraph opening with 또한 continues the list; 우선 without a comma opens it.
    ("우선 청년 교류 사업의 예산을 늘려야 한다.\n\n또한, 관광 비자 절차를 간소화해야 한다.\n\n"
     "마지막으로, 양국 대학 간 학점 교류를 제도화할 필요가 있다.", ["청년 교류", "비자", "학점"]),
    # Circled numbers, one wrapped list item each, under a heading naming the tasks.
    ("□ 우리의 대응 과제\n① 핵심 광물의 비축 물량을 늘려야 한다. 비축 기지의 확충도\n"
     "   검토할 필요가 있다.\n② 수출 기업을 위한 보험 제도를 정비해야 한다.\n"
     "③ 제3국 시장 개척을 위한 금융 지원을 확대해야 한다.", ["비축 물량", "보험", "금융 지원"]),
])
def test_recommendations_across_paragraphs_and_sequence_words(text, keys):
    found = _recs(text)
    assert [p.n for p in found] == list(range(1, len(keys) + 1))
    for p, k in zip(found, keys):
        assert k in p.text
    assert not any("다음 과제" in p.text or "확충도" in p.text for p in found)
    assert not found[0].text.startswith(("우선", "먼저", "①"))


@pytest.mark.parametrize("text", [
    # Sequence adverbs in narrative prose: no word that only lists use (다음으로, 마지막으로).
    "먼저, 정상들은 공항에서 짧게 인사를 나눴다.\n\n또한, 양국 장관들은 오찬을 함께했다.",
    # 또한 inside a paragraph is a sub-point, and 다음으로 mid-sentence is no marker.
    "우선, 의제를 줄일 필요가 있다. 또한, 통역을 늘려야 한다. 회의는 다음으로 미뤄졌다.",
])
def test_recommendations_sequence_words_in_prose_are_no_list(text):
    assert _recs(text) == []


def test_recommendations_summary_and_body_in_different_styles_counted_once():
    text = ("요약\n\n이 보고서는 다음과 같은 정책 과제를 제시한다. ① 통상 협의 채널의 상설화가 필요하다. "
            "② 지방정부 간 교류 사업을 확대해야 한다. ③ 국회의 감독 장치를 마련해야 한다.\n\n"
            "본문\n\n양국 관계는 안정되었지만 과제가 남았다.\n\n"
            "우선, 통상 협의 채널을 상설화해 분기마다 이행을 점검해야 한다.\n\n"
            "다음으로, 지방정부 간 교류 사업을 청년층 중심으로 확대해야 한다.\n\n"
            "마지막으로, 투자 사업 선정 과정에 국회의 감독 장치를 마련해야 한다.")
    found = _recs(text)
    assert [p.n for p in found] == [1, 2, 3]
    assert "채널" in found[0].text and "지방정부" in found[1].text and "감독" in found[2].text


def test_recommendations_nested_implication_sections_counted_once():
    # Hard-wrapped paragraphs (one newline inside, a blank line between), as in a brief's text dump.
    text = ("1. 회담 개요\n\n양국 정상은 지난달 수도에서 회담을 가졌다. 회담에서는 통상과\n"
            "안보 현안이 폭넓게 다뤄졌다.\n\n3. 이행 점검과 정책 과제\n\n■ 이행 현황\n\n"
            "관세 인하는 아직 시행되지 않았다. 관보 게재가 늦어지고 있어 업계의\n"
            "부담이 커지고 있다.\n\n■ 정책 제언\n\n"
            "합의 이행이 더딘 만큼 정부는 아래의 두 과제에 힘써야 한다. 시간이\n"
            "많지 않다.\n\n"
            "정부는 관세 인하의 조속한 시행을 미국 측에 요구해야 한다. 업계의\n"
            "피해가 이미 커지고 있다.\n\n"
            "국회는 투자 특별법 심사를 서둘러야 한다. 심사 일정은 아직 정해지지\n"
            "않았다.")
    ctx = analyze_text(text, structure_only=True)
    assert any("제언" in h.text for h in ctx.structure.headings), "structure recovery missed the heading"
    found = recommendations.extract(ctx)
    assert [p.n for p in found] == [1, 2]
    assert "관세 인하" in found[0].text and "특별법" in found[1].text


