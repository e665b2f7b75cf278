"""Morpheme keys of a passage: what it is about, to tell whether two passages (a pledge in a joint
statement and in a news story, a pledge and a later act) speak of one thing.

Keys are the content nouns and foreign words Kiwi finds, without the stop words of
``data/stopwords.tsv`` and without the names of the parties (every passage about a KR–CA summit
names Korea and Canada). Actions are the nouns a light verb makes a predicate of (인하하기로 ->
인하) and the verb stems (낮추기로 -> 낮추): what was pledged or done.

Tokenising is most of a cold ``build``; a document's keys can be computed once, when it is
ingested (``digest``), kept with it (``TrackDoc.keys``) and handed back to ``build`` with it."""
from __future__ import annotations

import hashlib
from functools import lru_cache
from typing import NamedTuple

from ..nlp import kiwi
from .lexicon import DATA, stopwords

_NOUNS = frozenset({"NNG", "NNP", "SL", "SH"})
_LIGHT = frozenset({"하", "되", "있", "없", "밝히", "말하", "대하", "통하", "위하"})
_CACHE: dict[str, "Keys"] = {}
CACHE_MAX = 200_000            # passages kept between builds in one process (about 100 MB at most)
_VERSION_OF_CODE = "1"          # bump when the key function changes


class Keys(NamedTuple):
    nouns: frozenset[str]
    actions: frozenset[str]


@lru_cache(maxsize=1)
def version() -> str:
    """What keys depend on: this code's version and the stop words (a stored digest of another
    version is recomputed)."""
    h = hashlib.sha256((_VERSION_OF_CODE + (DATA / "stopwords.tsv").read_text(encoding="utf-8")).encode())
    return h.hexdigest()[:12]


def keys(text: str) -> Keys:
    """Keys of ``text`` (cached: one passage is looked at by many comparisons and rebuilds)."""
    text = text or ""
    k = _CACHE.get(text)
    if k is None:
        k = _compute(text)
        remember(text, k)
    return k


def remember(text: str, k: Keys) -> None:
    if len(_CACHE) >= CACHE_MAX:
        _CACHE.clear()
    _CACHE[text] = k


def cache_clear() -> None:
    _CACHE.clear()


def _compute(text: str) -> Keys:
    toks = kiwi().tokenize(text)
    nouns, actions = set(), set()
    stop = stopwords()
    for i, t in enumerate(toks):
        form = t.form.lower() if t.tag == "SL" else t.form
        if t.tag in _NOUNS and form not in stop and (len(form) >= 2 or t.tag == "SH"):
            nouns.add(form)
            nxt = toks[i + 1] if i + 1 < len(toks) else None
            if nxt is not None and nxt.tag == "XSV":
                actions.add(form)
        elif t.tag == "VV" and t.form not in _LIGHT:
            actions.add(t.form)
    return Keys(frozenset(nouns), frozenset(actions))


def passages(analysis) -> list[str]:
    """The passages of a document whose keys ``build`` looks at: its commitments' mentions and
    its events."""
    out = []
    for c in analysis.commitments:
        out.append(c.text)
        out.extend(m.text for m in c.mentions)
    out.extend(e.text for e in analysis.events)
    return list(dict.fromkeys(t for t in out if t))


def digest(analysis) -> dict:
    """The keys of a document's passages, to keep with it: {"version": …, "keys": {text: [nouns, actions]}}."""
    return {"version": version(),
            "keys": {t: [sorted(k.nouns), sorted(k.actions)] for t in passages(analysis) for k in [keys(t)]}}


def seed(stored: dict | None) -> None:
    """Take a document's stored digest into the cache (ignored when made by another version)."""
    if not stored or stored.get("version") != version():
        return
    for text, (nouns, actions) in (stored.get("keys") or {}).items():
        if text not in _CACHE:
            remember(text, Keys(frozenset(nouns), frozenset(actions)))


def without(k: Keys, names: frozenset[str]) -> Keys:
    """Keys without names (parties, places): those say who and where, not what."""
    if not names:
        return k
    # a noun that starts with a name ("한국산", "캐나다산") is about the name too
    return Keys(frozenset(w for w in k.nouns if not any(w[:i] in names for i in range(2, len(w) + 1))), k.actions)


def overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """Shared keys over the smaller set's size (a short restatement is wholly inside a long one)."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))
