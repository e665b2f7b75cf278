"""The cue and follow-up word lists loaded from extract/claims/data/cues.json."""
from __future__ import annotations

import pytest

from summitwatch.extract.claims import cues


def test_cues_lists_are_loaded():
    assert "약속" in cues.STRONG_CUES and "확대" in cues.WEAK_CUES and "협력" not in cues.PROSE_CUES
    assert "고" in cues.CLAUSE_EC and "만큼" in cues.CLAUSE_NNB and "만약" in cues.HYPOTHETICAL


@pytest.mark.parametrize("rx,sentence", [
    (cues.NON_FULFILMENT, "약속한 지원금 지급이 또 미뤄졌다"),
    (cues.FULFILMENT, "두 나라는 협정을 체결했다"),
    (cues.STOPPING, "정부는 제소를 취하했다"),
    (cues.STOPPING_STOPPED, "관세 인하를 연기했다"),
    (cues.BARRIER, "new export control rules"),
    (cues.UNCHANGED, "제한은 그대로 유지되고 있다"),
])
def test_cues_patterns_match(rx, sentence):
    assert rx.search(sentence)


@pytest.mark.parametrize("cue,label", [
    ("확대하\u11af 것", "확대하\u11af 것 (will)"),     # Kiwi's ending: a final-consonant jamo
    ("would build", "would build (will)"),
    ("concurs", "concurs (agree)"),
    ("동의", "동의 (agree)"),
    ("다짐", "다짐 (pledge)"),
    ("선언", "선언 (declare)"),
    ("vowing", "vowing (pledge)"),
    ("pledged", "pledged"),            # the word names its act already
    ("합의", "합의"),
    (None, None),
])
def test_cues_label_names_the_act(cue, label):
    assert cues.cue_label(cue) == label
