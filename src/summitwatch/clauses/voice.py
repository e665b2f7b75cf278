"""Who speaks in a sentence and how: the author's assessment, a forecast, advice, a narrated
past act, a party's pledge, or someone else's words (a reporting frame, a quotation).

``sentence_voice`` reads the last predicate of a sentence (clauses.predicate) and its frames
(clauses.frames). ``author_voice`` says how much of a document the author speaks in: analyses
speak in their own voice (assessments, forecasts, advice), news reports narrate past acts and
others' words, statements speak for their parties.
"""
from __future__ import annotations

from dataclasses import dataclass

from . import frames as F
from . import predicate as P
from .lexicon import words

_K = "korean"
# Stative predicates: a copula, an adjective, existence ("…이다", "높다", "없는 상태이다").
_STATIVE_TAGS = frozenset({"VCP", "VA", "VA-R", "VA-I", "XSA", "VCN"})


@dataclass(slots=True, frozen=True)
class Voice:
    kind: str            # assessment, forecast, advice, narrative, present, reported, quoted, pledge, other
    predicate: P.Predicate | None


def sentence_voice(tokens) -> Voice:
    """The voice of a sentence from its last predicate."""
    if not tokens:
        return Voice("other", None)
    depths = F.quote_depths(tokens)
    last = len(tokens) - 1
    while last > 0 and tokens[last].tag in ("SF", "SP", "SE", "SO", "SW"):
        last -= 1
    if depths[last] > 0 or tokens[last].tag in ("SS", "SSC") and tokens[last].form[:1] in "”’\"'″":
        return Voice("quoted", None)
    pred = P.read(tokens, 0, len(tokens) - 1)
    if pred is None or not pred.final:
        return Voice("other", pred)
    if F.frames(tokens):
        return Voice("reported", pred)
    if pred.advice:
        return Voice("advice", pred)
    if "forecast" in pred.modality or ("prospective" in pred.modality and not _party_subject(tokens)):
        return Voice("forecast", pred)
    if pred.modality & P.FUTURE or "proposal" in pred.modality:
        return Voice("pledge", pred)
    # a copula or an adjective assesses, in the past too ("성공적인 회담이었다")
    if _stative(tokens, pred):
        return Voice("assessment", pred)
    if pred.past:
        return Voice("narrative", pred)
    return Voice("present", pred)


def _stative(tokens, pred: P.Predicate) -> bool:
    k = pred.head
    t = tokens[k]
    if t.tag in _STATIVE_TAGS:
        return True
    if t.tag in ("NNG", "XR") and k + 1 < len(tokens) and tokens[k + 1].tag == "XSA":
        return True
    # "의미가 있다", "필요성이 크다", "한계가 없다": existence said of an abstract noun
    if t.tag in ("VV", "VA") and t.form in ("있", "없"):
        return True
    # the passive of an evaluation: "…으로 평가된다", "…라고 할 수 있다" is not here (possible)
    lemma = pred.lemma
    return lemma.endswith("되") and lemma[:-1] in words(_K, "assessment_nouns")


def _party_subject(tokens) -> bool:
    """A subject naming parties in the words of statements ("양 정상은", "3국은")."""
    subj = F.subjects(tokens, 0, len(tokens))
    if not subj:
        return False
    s = subj[0]
    forms = {t.form for t in tokens[s.first:s.particle]}
    return bool(forms & words(_K, "party_words"))
