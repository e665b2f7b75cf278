"""Recommendations: prescriptive enumerations and implications sections, numbered once each,
with sub-points as children."""
import json
import sys
from pathlib import Path

import pytest

from summitwatch.extract import recommendations
from summitwatch.pipeline import analyze_text


def _recs(text):
    return recommendations.extract(analyze_text(text, structure_only=True))


@pytest.mark.parametrize("text,keys", [
    ("이번 회담은 한국에 다음과 같은 시사점을 준다. 첫째, 한일 통상 협의체를 상설화해야 한다. "
     "둘째, 대미 투자 계획을 선제적으로 제시할 필요가 있다. 셋째, 공공외교 예산을 확대하는 것이 바람직하다.",
     ["통상 협의체", "투자 계획", "공공외교"]),
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
    text = ("요약하면 다음과 같은 시사점을 도출할 수 있다. 첫째, 한일 공조를 활용한 대미정책을 마련해야 한다. "
            "둘째, 정상 방한 가능성에 대비해야 한다.\n\n"
            "본문\n\n"
            "첫째, 한미 채널에 더해 한일 공조를 적극 활용한 대미정책을 마련해야 한다. 이를 위해 실무 협의를 늘려야 한다.\n\n"
            "둘째, 연내 정상 방한 가능성에 대비한 전략을 세워야 한다.")
    found = _recs(text)
    assert [p.n for p in found] == [1, 2]
    # the concise wording is kept
    assert found[0].text == "한일 공조를 활용한 대미정책을 마련해야 한다."


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
    if not any("함의" in h.text for h in ctx.structure.headings):
        pytest.skip("structure recovery does not mark this heading")
    found = recommendations.extract(ctx)
    assert found and found[0].n == 1
    assert found[0].text == "정부는 통상 현안에 대한 상시 협의체를 운영해야 한다."
    assert not any("안정적으로" in p.text for p in found)


def test_recommendations_seed_score():
    shared = Path(__file__).resolve().parents[2] / ".." / "shared"
    seed = shared / "seed" / "000_ae09e089aea9dcdf.txt"
    if not seed.exists():
        pytest.skip("../shared/seed is not available")
    sys.path.insert(0, str(shared / "eval"))
    import score
    from summitwatch.ingest import load
    from summitwatch.pipeline import build_context

    ctx = build_context(load(seed))
    gold = json.loads((shared / "gold" / "seed.gold.json").read_text(encoding="utf-8"))
    pred = [json.loads(p.model_dump_json()) for p in recommendations.extract(ctx)]
    assert score.score_numbered("recommendations", gold["recommendations"], pred).f1 >= 0.85
