"""Poll results grouped into questions: labels, graded answers, history, breakdowns."""
import pytest

from summitwatch.extract.polls.anchors import Anchor
from summitwatch.extract.polls.polls import _Block
from summitwatch.extract.polls.questions import block_results, group_questions, label_results, quoted_polarity


def _questions(text, periods=((), ())):
    block = _Block(Anchor(0, 0, ["x"]), ["x"], [(0, len(text), 0)])
    block.results = block_results(text, block, periods)
    label_results(text, block.results, block.anchor)
    quoted_polarity(text, block.results)
    return block, [(q.topic, q.results) for q in group_questions(text, block)]


def test_questions_approval_is_support_and_oppose():
    _, qs = _questions("대통령 직무 수행에 대한 긍정 평가는 47%, 부정 평가는 45%였다.")
    assert qs == [("대통령 직무수행 평가", {"support": 47.0, "oppose": 45.0})]


def test_questions_event_evaluation_is_positive_and_negative():
    _, qs = _questions("정상회담 결과에 대해 긍정 평가는 58%, 부정 평가는 30%였다.")
    assert [r for _, r in qs] == [{"positive": 58.0, "negative": 30.0}]


@pytest.mark.parametrize("text", [
    "'아주 만족한다'가 21%였다.",                   # a graded answer
    "지지 정당별로 보면 여당 지지층의 긍정 평가는 81%였다.",   # a breakdown
])
def test_questions_parts_are_no_results(text):
    assert _questions(text)[1] == []


def test_questions_breakdown_groups_are_recorded():
    block, _ = _questions("지역별로는 서울 45%, 부산 39%였다.")
    assert block.breakdowns == [{"by": "지역", "group": "서울", "value": 45.0},
                                {"by": "지역", "group": "부산", "value": 39.0}]
