"""Morpheme keys of a passage: what it is about, to tell whether two passages (a pledge in a joint
statement and in a news story, a pledge and a later act) speak of one thing.

Keys are the content nouns and foreign words Kiwi finds, without the stop words of
``data/stopwords.tsv`` and without the names of the parties (every passage about a KR–CA summit
names Korea and Canada). Actions are the nouns a light verb makes a predicate of (인하하기로 ->
인하) and the verb stems (낮추기로 -> 낮추): what was pledged or done."""
from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from ..nlp import kiwi
from .lexicon import stopwords

_NOUNS = frozenset({"NNG", "NNP", "SL", "SH"})


class Keys(NamedTuple):
    nouns: frozenset[str]
    actions: frozenset[str]


@lru_cache(maxsize=131072)
def keys(text: str) -> Keys:
    """Keys of ``text`` (cached: one passage is looked at by many comparisons and rebuilds)."""
    toks = kiwi().tokenize(text or "")
    nouns, actions = set(), set()
    stop = stopwords()
    for i, t in enumerate(toks):
        form = t.form.lower() if t.tag == "SL" else t.form
        if t.tag in _NOUNS and form not in stop and (len(form) >= 2 or t.tag == "SH"):
            nouns.add(form)
            nxt = toks[i + 1] if i + 1 < len(toks) else None
            if nxt is not None and nxt.tag == "XSV":
                actions.add(form)
        elif t.tag == "VV" and t.form not in ("하", "되", "있", "없", "밝히", "말하", "대하", "통하", "위하"):
            actions.add(t.form)
    return Keys(frozenset(nouns), frozenset(actions))


def without(k: Keys, names: frozenset[str]) -> Keys:
    """Keys without names (parties, places): those say who and where, not what."""
    if not names:
        return k
    return Keys(frozenset(w for w in k.nouns if w not in names and not any(w.startswith(n) and len(n) >= 2
                                                                         for n in names)), k.actions)


def overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """Shared keys over the smaller set's size (a short restatement is wholly inside a long one)."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))
