"""Words that make a clause a commitment, and the words around them that undo it.

Everything here works on Kiwi tokens (``summitwatch.nlp.Token``): a cue is a noun such as
약속/합의/재확인 used as the predicate (followed by 하다/되다), or the verb 밝히다, or an
English pledge verb. The modality of the clause that follows the cue tells a reported
commitment ("합의했다") from the author's advice ("강화해야 한다"), a possibility
("제시될 수 있는") or background ("발표한 바 있다").
"""
from __future__ import annotations

import json
import re
from importlib import resources

from ...clauses.lexicon import words as clause_words
from ...clauses.predicate import tail_modality  # noqa: F401  (the clause layer decides)


def _load() -> dict:
    raw = resources.files(__package__).joinpath("data", "cues.json").read_text(encoding="utf-8")
    return {k: v for k, v in json.loads(raw).items() if not k.startswith("_")}


_DATA = _load()


def _rx(key: str, flags: int = 0) -> re.Pattern:
    return re.compile("|".join(_DATA[key]), flags)


# Strong cues commit a party on their own; weak ones ("확대", "강화") describe policy as often
# as they pledge it, so they need a summit, statement or agreement nearby.
STRONG_CUES = tuple(_DATA["strong_cues"])
WEAK_CUES = tuple(_DATA["weak_cues"])
# Cues that name a done act (signing, concluding): a pledge when they report the summit's own act,
# background when they only modify a noun ("체결한 합의").
ACT_CUES = frozenset(_DATA["act_cues"])
# Agreement idioms: noun -> the verbs (or 같이 + 하다) that make it one ("뜻을 모았다").
IDIOM_CUES = {k: tuple(v) for k, v in _DATA["idiom_cues"].items() if not k.startswith("_")}
# 협력 is only a cue in tables ("협력 추진"); in prose it is too common to count as one.
PROSE_CUES = frozenset(STRONG_CUES + WEAK_CUES) - set(_DATA["table_only_cues"])
TABLE_CUES = STRONG_CUES + WEAK_CUES
ENGLISH_CUE = re.compile(r"^(pledg|commit|agree|reaffirm|announc|vow)", re.I)

# Predicate-forming suffixes after a cue noun ("약속/NNG 하/XSV", "확인/NNG 되/XSV").
PREDICATE_TAGS = frozenset({"XSV", "XSA"})
PREDICATE_FORMS = frozenset({"하", "되", "시키"})

# Connective endings that close a clause. Adverbial -어/-아 ("통해", "위해") and quotative
# -다고/-라고 do not: the clause goes on.
CLAUSE_EC = clause_words("korean", "clause_ec")
# Bound nouns that, after an adnominal ending, join two clauses ("합의한 만큼").
CLAUSE_NNB = clause_words("korean", "clause_nnb")
GENERIC_NOUNS = frozenset(_DATA["generic_nouns"])
# A hypothetical clause opener anywhere before the cue in its clause.
HYPOTHETICAL = frozenset(_DATA["hypothetical"])

# Follow-ups: wording that a later act undid a commitment, or carried it out. A member going
# back on a collective pledge in other words ("…하지 않았다", "…에 서명하지 않겠다") is read by
# the clause layer as a negated predicate (followups._negated).
REVERSAL = _rx("reversal")
# A pledge not (yet) carried out: "약속은 아직 지켜지지 않고 있다", "발효가 미뤄졌다".
NON_FULFILMENT = _rx("non_fulfilment")
DEFINITIVE_REVERSAL = _rx("definitive_reversal")
FULFILMENT = _rx("fulfilment")
PARTIAL = _rx("partial")
# A later meeting that agrees on the pledge again ("뜻을 모았다", "재확인했다").
REAFFIRMATION = _rx("reaffirmation")
# Pledges and acts that stop, suspend, lift, cut or withdraw something: doing it keeps such a
# pledge ("제소를 취하하기로 했다" … "제소를 취하했다" supports it).
STOPPING = _rx("stopping")
# An act that stops the stopping itself ("금지 해제를 보류했다") keeps nothing.
STOPPING_STOPPED = re.compile("(?:" + "|".join(_DATA["stopped_acts"]) + r")\s?(?:을|를|은|는|이|가|도)?\s?(?:"
                              + "|".join(_DATA["stopping_verbs"]) + ")")
# Which way an act moves a level: a pledge to ease export controls is undone by tightening them.
# The same verb moves a barrier (규제, 관세) and a flow (수입, 투자) in opposite senses for the
# partner, so a direction is compared only between clauses that speak of the same kind of object.
RAISING = _rx("raising")
LOWERING = _rx("lowering")
BARRIER = _rx("barrier", re.I)
# A barrier that stays as it was ("제한은 그대로 유지되고 있다"): a pledge to lower it is not kept.
UNCHANGED = _rx("unchanged")

# The act a cue word performs when the word does not name it: "조율할 것" and "would" put a
# party's act in the future (will), "concurred" agrees, "pledging" pledges.
_CUE_ACTS = [(act, re.compile("|".join(rx), re.I)) for act, rx in _DATA["cue_acts"].items() if not act.startswith("_")]


def is_idiom(cue: str) -> bool:
    """A cue read from an agreement idiom ("뜻을 모으", "뜻을 같이")."""
    return " " in cue and cue.split(" ", 1)[0][:-1] in IDIOM_CUES


def cue_label(cue: str | None) -> str | None:
    """A commitment's cue as exported: the word, and the act it performs in brackets when the word
    itself does not name it ("조율할 것 (will)", "concurred (agree)", "pledging (pledge)")."""
    if not cue:
        return cue
    for act, rx in _CUE_ACTS:
        if rx.search(cue):
            return cue if act in cue.lower() else f"{cue} ({act})"
    return cue
