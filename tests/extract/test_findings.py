"""Findings: numbered explanatory claims in an explanatory passage, each stated once."""
import json
import sys
from pathlib import Path

import pytest

from summitwatch.extract import findings
from summitwatch.pipeline import analyze_text


def _find(text):
    return findings.extract(analyze_text(text, structure_only=True))


@pytest.mark.parametrize("text,keys", [
    ("이번 협상이 타결될 수 있었던 이유로 (1) 양국 실무진의 오랜 신뢰, (2) 공급망 재편이라는 공통의 "
     "이해관계, 그리고 (3) 정상 간 직접 소통 채널의 복원을 꼽을 수 있다.",
     ["신뢰", "공급망", "소통 채널"]),
    ("회담이 순조로웠던 요인은 첫째, 사전 실무협의의 충실함, 둘째, 의제의 축소, 셋째, 통역과 의전의 "
     "세심한 준비였다.", ["실무협의", "의제", "의전"]),
    ("이번 합의에서 주목해야 할 점은 다음과 같다.\n\n첫째, 양국은 안보 협력의 범위를 우주와 사이버 영역으로 "
     "넓혔다.\n\n둘째, 경제안보 대화를 정례화했다.\n\n셋째, 제3국과의 공동 개발 사업에 합의했다.",
     ["우주", "정례화", "공동 개발"]),
    ("정상회담이 무난히 끝난 배경에는 ① 여야를 아우르는 외교 기조, ② 전략 목표의 일치, ③ 축적된 인적 "
     "네트워크가 있다.", ["외교 기조", "전략 목표", "네트워크"]),
])
def test_findings_enumeration_styles(text, keys):
    found = _find(text)
    assert [p.n for p in found] == list(range(1, len(keys) + 1))
    for p, k in zip(found, keys):
        assert k in p.text
        assert len(p.text) <= 600


def test_findings_item_text_is_the_item_not_the_paragraph():
    text = ("이번 협상이 타결될 수 있었던 이유로 (1) 양국 실무진의 오랜 신뢰, (2) 공급망 재편이라는 공통의 "
            "이해관계를 들 수 있다.")
    first = _find(text)[0]
    assert "공급망" not in first.text and "이유로" not in first.text


def test_findings_restated_in_body_counted_once():
    text = ("회담이 성공한 이유로 (1) 초당적 지지, (2) 전략 목표의 일치, (3) 실무 네트워크를 들 수 있다.\n\n"
            "본문에서 주목해야 할 점은, 첫째, 여야를 아우르는 초당적 지지이고, 둘째, 양국 전략 목표의 일치, "
            "셋째, 오랜 기간 쌓아 온 실무 네트워크이다.")
    found = _find(text)
    assert [p.n for p in found] == [1, 2, 3]
    assert "초당적 지지" in found[0].text and "이유로" not in found[0].text


@pytest.mark.parametrize("text", [
    # A list of contents, not an explanation.
    "공동성명에는 (1) 동맹 강화, (2) 공급망 협력, (3) 기후 대응이 포함되었다.",
    # A prescriptive list is a recommendation.
    "정부는 다음과 같은 이유로 대비해야 한다. 첫째, 통상 협의체를 상설화해야 한다. 둘째, 투자 계획을 제시해야 한다.",
    # "두 번째 회담" is no marker.
    "첫 번째 회담은 2월에, 두 번째 회담은 3월에 열렸으며 그 이유는 일정 때문이었다.",
])
def test_findings_not_emitted_for_other_lists(text):
    assert _find(text) == []


def test_findings_seed_score():
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
    pred = [json.loads(p.model_dump_json()) for p in findings.extract(ctx)]
    assert score.score_numbered("findings", gold["findings"], pred).f1 >= 0.85
