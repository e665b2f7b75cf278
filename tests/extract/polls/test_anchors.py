"""Pollster anchors: bracketed media, commissioned firms, plain names before a survey word."""
import pytest

from summitwatch.extract.polls.anchors import find_anchors, merge_co_pollsters


def _anchors(text):
    return [a.names for a in merge_co_pollsters(text, find_anchors([], text, 0, len(text)))]


@pytest.mark.parametrize("text, names", [
    ("<한빛일보>가 조사업체 '누리리서치'에 의뢰해 실시한 조사에서 찬성은 52%였다.", [["한빛일보", "누리리서치"]]),
    ("누리리서치가 지난주 실시한 여론조사에서 찬성은 52%였다.", [["누리리서치"]]),
    ("The poll found 52% in favour.", []),                       # a sentence's first word names no one
])
def test_anchors_pollster_names(text, names):
    assert _anchors(text) == names


def test_anchors_firm_in_quotes_needs_its_kind_word():
    # a quoted word without 조사업체/조사기관 before it is no pollster
    assert _anchors("그는 '누리'라는 말을 했고 찬성은 52%였다.") == []
