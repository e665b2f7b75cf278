"""Findings: numbered explanatory claims in an explanatory passage, each stated once."""

import pytest

from summitwatch.extract.claims import findings
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


def _headed(text, word):
    ctx = analyze_text(text, structure_only=True)
    assert any(word in h.text for h in ctx.structure.headings), f"structure recovery missed the heading with {word!r}"
    return ctx


@pytest.mark.parametrize("text,word,keys", [
    # "(1) …" items, one paragraph each with a hanging indent, under an assessment heading.
    ("2. 회담 결과 평가\n\n(1) 이번 합의로 양국은 통상 분쟁의 확전을 일단 피했다. 다만 쟁점은\n"
     "    그대로 남았다.\n(2) 일본은 대미 투자 확대를 협상 카드로 활용했다. 이는 관세 인하로\n"
     "    이어졌다.\n(3) 안보 분야의 성과는 선언적 수준에 머물렀다.\n\n3. 향후 전망\n\n"
     "양국은 연내 후속 협의를 열 예정이다.", "평가", ["확전", "협상 카드", "선언적"]),
    # Circled numbers under an analysis heading.
    ("Ⅲ. 합의 배경 분석\n\n① 양국 모두 국내 경기 둔화로 타협이 절실했다.\n\n"
     "② 실무 협상단이 석 달 동안 쟁점을 미리 좁혀 두었다.\n\nⅣ. 결론\n\n"
     "관계는 당분간 안정될 것이다.", "분석", ["경기 둔화", "실무 협상단"]),
    # Sequence words, each opening a paragraph, under a heading naming the factors.
    ("3. 타결 요인\n\n먼저, 양국 정상이 회담 전에 두 차례 통화하며 신뢰를 쌓았다.\n\n"
     "다음으로, 재계가 투자 계획을 앞당겨 발표해 협상에 힘을 실었다.\n\n"
     "끝으로, 의회의 초당적 지지가 협상의 여지를 넓혔다.", "요인", ["통화", "재계", "초당적"]),
])
def test_findings_listed_under_assessment_heading(text, word, keys):
    found = findings.extract(_headed(text, word))
    assert [p.n for p in found] == list(range(1, len(keys) + 1))
    for p, k in zip(found, keys):
        assert k in p.text
    # the claim is the item's first sentence, without its marker
    assert not found[0].text.startswith(("(", "①", "먼저"))
    assert "쟁점은 그대로" not in found[0].text


@pytest.mark.parametrize("text,word", [
    # Numbered sub-headings of an assessment section are sections, not findings.
    ("Ⅲ. 이행 평가\n\n1) 성과가 있었던 분야\n\n청소년 교류는 계획대로 늘었다.\n\n"
     "2) 부진한 분야\n\n환경 협력은 한 차례도 회의를 열지 못했다.", "평가"),
    # A list of topics (no sentences) under an assessment heading.
    ("2. 분야별 평가\n\n이번 회담의 성과는 다음 세 분야로 나누어 살펴볼 수 있다.\n"
     "(1) 자동차 관세율의 인하와 대미 투자 이행 일정의 조정을 포함한 통상 분야의 합의,\n"
     "(2) 연합 훈련의 규모 조정과 방위비 분담을 둘러싼 안보 분야의 논의,\n"
     "(3) 청년 교류와 관광 활성화를 위한 인적 교류 분야의 협력 사업\n\n3. 전망\n\n"
     "양국은 내년 봄에 후속 회담을 열 예정이다.", "평가"),
    # A prescriptive list under an assessment heading is a recommendation.
    ("4. 평가와 과제\n\n(1) 정부는 후속 협의 일정을 조속히 확정해야 한다.\n\n"
     "(2) 기업 지원 대책을 마련해야 한다.", "평가"),
])
def test_findings_not_emitted_for_other_lists_under_assessment_heading(text, word):
    assert findings.extract(_headed(text, word)) == []


@pytest.mark.parametrize("first,second,expected", [
    ("자동차 관세율의 인하와 대미 투자 일정의 조정,", "연합 훈련의 규모 조정과 방위비 분담 논의", []),
    ("자동차 관세율이 내려가고 대미 투자 일정이 조정되었다.", "연합 훈련의 규모는 줄어들었다.", [1, 2]),
])
def test_findings_items_under_assessment_heading_must_be_sentences(first, second, expected):
    text = f"2. 분야별 평가\n\n(1) {first}\n(2) {second}\n\n3. 전망\n\n양국은 내년 봄에 다시 만난다."
    ctx = _headed(text, "평가")
    # Keep only the section headings, so that the items are judged as list items.
    ctx.structure.headings = [h for h in ctx.structure.headings if not h.text.startswith("(")]
    assert [p.n for p in findings.extract(ctx)] == expected


def test_findings_sequence_words_in_prose_are_no_list():
    text = ("양국이 타협한 이유는 분명하다. 먼저, 정상들은 회담 전에 여러 차례 통화했다.\n\n"
            "또한, 재계는 투자 계획을 발표했다.")
    assert _find(text) == []


