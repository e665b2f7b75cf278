"""The clause layer's predicate reading: tense, aspect and modality from Kiwi morphemes."""
from __future__ import annotations

import pytest

from summitwatch.clauses import predicate
from summitwatch.nlp import kiwi


def _read(sentence):
    toks = kiwi().tokenize(sentence)
    return predicate.read(toks, 0, len(toks) - 1)


@pytest.mark.parametrize("sentence,modality,tense", [
    ("두 장관은 항만 협력을 넓혀 가기로 했다.", "decision", "future"),
    ("우리는 어민 지원을 늘려 나가겠다.", "volition", "future"),
    ("양측은 공동 조사를 이어 갈 것이다.", "prospective", "future"),
    ("정부는 다음 달 시행령을 고칠 예정이다.", "plan", "future"),
    ("당국은 통계 체계를 정비해야 한다.", "obligation", "present"),
    ("의회는 감시 기구를 둘 필요가 있다.", "necessity", "present"),
    ("분쟁은 대화로 푸는 것이 바람직하다.", "desirable", "present"),
    ("협상은 연말까지 이어질 전망이다.", "forecast", "present"),
    ("물가 상승이 당분간 예상된다.", "forecast", "present"),
    ("타결은 연내에 이뤄질 것으로 보인다.", "forecast", "present"),
    ("두 정부는 언제든 협의할 수 있다.", "possible", "present"),
    ("함께 길을 찾아 나가자.", "proposal", "present"),
])
def test_predicate_modality_and_tense(sentence, modality, tense):
    p = _read(sentence)
    assert modality in p.modality
    assert p.tense == tense


@pytest.mark.parametrize("sentence", ["협의체는 지난주 첫 회의를 열었다.", "양국은 협정에 서명하였다."])
def test_predicate_past_narrative(sentence):
    p = _read(sentence)
    assert p.past and not p.modality and p.tense == "past" and p.final


@pytest.mark.parametrize("sentence,negated,ongoing", [
    ("회의는 끝내 열리지 않았다.", True, False),
    ("그는 기한을 지키지 못했다.", True, False),
    ("두 나라는 공동 훈련을 이어가고 있다.", False, True),
    ("두 나라는 공동 훈련을 마쳤다.", False, False),
])
def test_predicate_negation_and_aspect(sentence, negated, ongoing):
    p = _read(sentence)
    assert p.negated is negated and p.ongoing is ongoing


def test_predicate_lemma_of_a_verbal_noun():
    assert _read("양국은 공급망 협력을 강화했다.").lemma == "강화하"


def test_predicate_adnominal_clause_is_not_final():
    toks = kiwi().tokenize("새로 세운 기구")
    p = predicate.read(toks, 0, 2)
    assert p is not None and p.adnominal and not p.final


def test_predicate_none_without_a_verb():
    toks = kiwi().tokenize("2026년 정세 전망")
    assert predicate.read(toks, 0, len(toks) - 1) is None


@pytest.mark.parametrize("tail,why", [
    ("해야 한다", "advice"), ("할 필요가 있다", "advice"), ("할 수 있다", "possible"), ("한 바 있다", "background"),
    ("하지 않았다", "negated"), ("하면", "conditional"), ("하고 있다", "ongoing"), ("했다", None),
])
def test_predicate_tail_modality(tail, why):
    toks = kiwi().tokenize("약속" + tail)
    assert predicate.tail_modality(toks[1:]) == why


@pytest.mark.parametrize("sentence", [
    "두 정상은 위기에 대처하기 위해서 앞으로도 협력해 나가기로 했다.",
    "두 나라는 계속해서 협력하기로 했다.",
])
def test_clauses_adverbial_어서_joins_no_clause(sentence):
    from summitwatch import clauses

    toks = kiwi().tokenize(sentence)
    assert all(b >= len(toks) - 2 for b in clauses.boundaries(toks))      # only the final ending and "."


def test_clauses_causal_어서_ends_a_clause():
    from summitwatch import clauses

    toks = kiwi().tokenize("비가 많이 와서 회의가 미뤄졌다.")
    assert any(b < len(toks) - 2 for b in clauses.boundaries(toks))


@pytest.mark.parametrize("sentence", [
    "양측은 해상 사고를 줄이는 데 합의했다.",
    "두 나라는 교역 장벽을 낮추는 데에 힘쓰기로 했다.",
])
def test_clauses_데_complement_joins_no_clause(sentence):
    from summitwatch import clauses

    toks = kiwi().tokenize(sentence)
    assert all(b >= len(toks) - 2 for b in clauses.boundaries(toks))


def test_clauses_데_joint_ends_a_clause():
    from summitwatch import clauses

    toks = kiwi().tokenize("회의가 길어지는 데 참석자들이 지쳤다.")
    assert any(b < len(toks) - 2 for b in clauses.boundaries(toks))
