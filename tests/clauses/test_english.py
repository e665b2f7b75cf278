"""English clauses: verb groups with modality, subjects (shared across "and"), speakers."""
from __future__ import annotations

from summitwatch.clauses import english


def _read(s):
    return [(c.verb, sorted(c.modality), s[c.subject[0]:c.subject[1]] if c.subject else None,
             s[c.speaker[0]:c.speaker[1]].strip() if c.speaker else None) for c in english.read(s, 0, len(s))]


def test_english_future_modal_and_subject():
    assert _read("Norway will fund the new seed vault.") == [("will fund", ["future"], "Norway", None)]


def test_english_two_acts_share_the_subject():
    out = _read("The minister pledged to double port spending and reaffirmed the fishing accord.")
    assert [(v, subj) for v, _, subj, _ in out] == [("pledged", "The minister"), ("reaffirmed", "The minister")]


def test_english_complement_subject_after_that():
    out = _read('The mayor added that Oslo would "open its harbour to trade," and would cut fees.')
    assert [subj for _, _, subj, _ in out] == ["Oslo", "Oslo"]


def test_english_relative_clause_is_skipped():
    out = _read("Chile will build a plant, which will employ 300 workers.")
    assert [v for v, *_ in out] == ["will build"]


def test_english_speaker_before_and_after():
    out = _read("The envoy reiterated that every safeguard would be applied.")
    assert out[-1][3] == "The envoy"
    out = _read("The credit line will stay open for three years, the central bank said.")
    assert out[0][3] == "the central bank"


def test_english_obligation_is_not_a_pledge():
    assert _read("Governments must act now.")[0][1] == ["obligation"]


def test_english_noun_is_not_a_verb_group():
    assert _read("The announcement came late.") == []


def test_english_frame_only_clause():
    s = "The envoy reiterated that every safeguard would be applied."
    first = english.read(s, 0, len(s))[0]
    assert english.frame_only(s, first)


def test_english_sentences_keep_abbreviations():
    s = "The U.S. will act. Mr. Lee agreed. It rained."
    assert [s[a:b] for a, b in english.sentences(s, 0, len(s))] == ["The U.S. will act.", "Mr. Lee agreed.",
                                                                     "It rained."]


def test_english_is_english():
    assert english.is_english("The leaders met in Lima.", 0, 24)
    assert not english.is_english("두 정상은 리마에서 만났다 (Lima).", 0, 23)
