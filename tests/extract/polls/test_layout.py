"""Poll layout: which percentages may be results, sentence spans."""
import pytest

from summitwatch.extract.polls.layout import result_spans, sentence_spans


@pytest.mark.parametrize("text, values", [
    ("찬성 52%, 반대 41%였다.", ["52", "41"]),
    ("95% 신뢰수준에 표본오차 ±3.1%p다.", []),          # confidence level and margin
    ("지지율은 3%p 올라 44%가 됐다.", ["44"]),           # a change in points is no result
    ("응답률은 12.5%였다.", []),
])
def test_layout_result_spans(text, values):
    assert [m.group(1) for m in result_spans(text, 0, len(text))] == values


def test_layout_sentence_spans_cover_the_range():
    text = "첫 문장이다. 둘째 문장이다.\n셋째"
    spans = sentence_spans(text, 0, len(text))
    assert "".join(text[a:z] for a, z in spans) == text          # in order, nothing left out
    assert [text[a:z].strip() for a, z in spans if text[a:z].strip()] == ["첫 문장이다.", "둘째 문장이다.", "셋째"]
