"""Korean commitment cues from the clause layer: -기로 하- past auxiliaries, -겠-, -ㄹ 것이다,
and verbs under obligation, which are advice."""
from __future__ import annotations

import pytest

from summitwatch.extract.claims.pledge_cues import cue_hits, is_decision, nominal_hits
from summitwatch.nlp import kiwi


@pytest.mark.parametrize("sentence,word", [
    ("양측은 어업 협력을 확대해 나가기로 했다.", "확대하기로"),
    ("정부는 피해 기업 지원을 늘려 가겠다고 밝혔다.", "늘리겠"),
    ("두 나라는 공동 조사단을 꾸릴 것이다.", "꾸릴 것"),
])
def test_pledge_cues_future_modality_of_a_verb(sentence, word):
    words = [w for _, _, w in cue_hits(kiwi().tokenize(sentence))]
    assert word in words and is_decision(word)


@pytest.mark.parametrize("sentence", [
    "정부는 성과를 이끌어내야 할 것이다.",       # obligation: advice
    "협상은 길어질 것으로 보인다.",               # forecast
    "기온이 높을 것이다.",                        # an adjective: no act
    "회의 결과를 간단히 보고드리겠습니다.",         # the speaker's courtesy to the audience
])
def test_pledge_cues_no_future_cue(sentence):
    assert not [w for _, _, w in cue_hits(kiwi().tokenize(sentence)) if is_decision(w)]


def test_pledge_cues_agreement_idioms():
    def cues_of(s):
        return [h[2] for h in cue_hits(kiwi().tokenize(s))]

    assert cues_of("두 정상은 훈련 정례화에 뜻을 모았다.") == ["뜻을 모으"]
    assert cues_of("양측은 해법을 함께 찾는다는 뜻을 같이했다.") == ["뜻을 같이"]
    assert cues_of("양측은 해법이 시급하다는 인식을 같이했다.") == []    # a shared view, no pledge
    assert cues_of("그는 유족에게 위로의 뜻을 전했다.") == []          # a message, no agreement


def test_pledge_cues_headline_decision_without_하():
    def cues_of(s):
        return [h[2] for h in cue_hits(kiwi().tokenize(s))]

    assert cues_of("양국, 어업 협정 개정키로") == ["개정하기로"]
    assert cues_of("양측 대표단 상호 방문키로") == ["방문하기로"]
    assert cues_of("두 나라는 직항로를 재개키로 했다.") == ["재개하기로"]      # the contraction in prose
    assert cues_of("상자 무게가 5키로 넘는다") == []            # a weight, no decision


def test_pledge_cues_prospective_before_a_closing_mark():
    toks = kiwi().tokenize("양측은 ″공동 연구소를 세울 것″이라고 설명했습니다.")
    hits = cue_hits(toks)
    assert [h[2] for h in hits] == ["세우\u11af 것"]
    assert toks[hits[0][1]].tag == "VCP"              # the predicate index is the copula after the mark
    assert cue_hits(kiwi().tokenize("양측은 공동 연구소를 세울 것으로 보인다.")) == []


def test_pledge_cues_nominal_headline_phrases_end_in_a_cue_noun():
    tokens = kiwi().tokenize("해운 협력 확대…항만 보안 공조 강화도")
    assert [w for _, _, w in nominal_hits(tokens)] == ["확대", "강화"]


def test_pledge_cues_no_nominal_cue_in_a_sentence_with_a_final_ending():
    assert nominal_hits(kiwi().tokenize("정부는 항만 보안 공조 강화…라고 적었다.")) == []
