"""The voice of a sentence: the author's assessment, forecast or advice; narrated acts;
reported speech; quotations; pledges."""
from __future__ import annotations

import pytest

from summitwatch.clauses import voice
from summitwatch.nlp import kiwi


@pytest.mark.parametrize("sentence,kind", [
    ("이번 협정의 핵심은 어업 자원의 공동 관리이다.", "assessment"),
    ("첫 협의는 기대 이상의 성과였다.", "assessment"),
    ("협의체가 자리 잡는 데에는 시간이 걸릴 전망이다.", "forecast"),
    ("정부는 감시 체계를 보완해야 한다.", "advice"),
    ("두 나라는 지난달 협정에 서명했다.", "narrative"),
    ("장관은 기금을 늘리겠다고 밝혔다.", "reported"),
    ("양 정상은 교류를 넓혀 나갈 것이다.", "pledge"),
    ("협상은 새 국면에 들어선다.", "present"),
])
def test_voice_of_a_sentence(sentence, kind):
    assert voice.sentence_voice(kiwi().tokenize(sentence)).kind == kind


def test_voice_of_a_quotation():
    toks = kiwi().tokenize("“우리는 물러서지 않는다”")
    assert voice.sentence_voice(toks).kind == "quoted"
