"""Subjects, quotations and reporting frames of a Korean sentence, on Kiwi tokens.

- A subject is the noun phrase before 은/는/이/가 outside quotation marks; coordinated nouns
  ("A와 B는", "A 및 B 정상은", "A, B, C 3국은") are one subject with several conjuncts.
- A reporting frame ("A는 …하겠다고 밝혔다", "A는 “…”라고 말했다") has a speaker (the subject
  of the reporting verb) and a content (the complement before the quotative ending); what the
  content says is the speaker's unless the content has a subject of its own.
"""
from __future__ import annotations

from dataclasses import dataclass

from .lexicon import words

_K = "korean"
_OPEN = frozenset("“‘「『《〈\"'″")
_CLOSE = frozenset("”’」』》〉\"'″")
_NOMINAL = frozenset({"NNG", "NNP", "SL", "NNB", "MM", "XSN", "SN", "NP", "SH"})


@dataclass(slots=True, frozen=True)
class Subject:
    first: int                       # first token of the noun phrase
    particle: int                    # index of its 은/는/이/가
    conjuncts: tuple[tuple[int, int], ...]   # (first, last) of each coordinated noun phrase


@dataclass(slots=True, frozen=True)
class Frame:
    speaker: Subject | None
    content: tuple[int, int]         # (first, last) token indices of the reported content
    verb: int                        # index of the reporting verb
    quoted: bool                     # the content stands in quotation marks


def quote_depths(tokens) -> list[int]:
    """For each token, how many quotation marks are open around it. Straight quotes toggle."""
    out, depth, straight = [], 0, False
    for t in tokens:
        f = t.form
        if t.tag in ("SS", "SSO", "SSC") and f and f[0] in _OPEN and f[0] not in _CLOSE:
            out.append(depth)
            depth += 1
            continue
        if t.tag in ("SS", "SSO", "SSC") and f and f[0] in _CLOSE and f[0] not in _OPEN:
            depth = max(0, depth - 1)
            out.append(depth)
            continue
        if t.tag in ("SS", "SSO", "SSC") and f and f[0] in _OPEN & _CLOSE:
            if straight:
                depth = max(0, depth - 1)
                out.append(depth)
            else:
                out.append(depth)
                depth += 1
            straight = not straight
            continue
        out.append(depth)
    return out


def subjects(tokens, first: int, stop: int, depths: list[int] | None = None) -> list[Subject]:
    """Subjects (outside quotations) in tokens[first:stop], in order."""
    depths = depths if depths is not None else quote_depths(tokens)
    out = []
    particles = words(_K, "subject_particles")
    for k in range(first + 1, min(stop, len(tokens))):
        t = tokens[k]
        if depths[k] or t.tag not in ("JX", "JKS") or t.form not in particles:
            continue
        j = k - 1
        if tokens[j].tag not in _NOMINAL:
            continue
        while j > first and in_subject(tokens, j - 1):
            j -= 1
        out.append(Subject(j, k, tuple(_conjuncts(tokens, j, k - 1))))
    return out


def in_subject(tokens, j) -> bool:
    """Whether token j still belongs to a subject's noun phrase, read right to left: nouns and the
    joints of coordinated nouns ("대통령과", "및", a comma or a middle dot between nouns)."""
    t = tokens[j]
    if t.tag in _NOMINAL and t.tag != "NP":
        return True
    if t.tag == "NP" and j + 1 < len(tokens) and tokens[j + 1].tag in ("NNG", "NNP"):
        return True                   # "우리 정부", "그 나라": a pronoun determining a noun
    if t.tag == "JC" or (t.tag in ("MAJ", "MAG") and t.form == "및"):     # Kiwi tags 및 either way
        return j > 0 and tokens[j - 1].tag in ("NNG", "NNP", "SL", "XSN")
    if t.tag == "SP" and t.form in ("·", "/", "ㆍ"):
        return True
    if t.tag == "SP" and t.form == ",":
        return j > 0 and j + 1 < len(tokens) and tokens[j - 1].tag in ("NNG", "NNP", "SL") \
            and tokens[j + 1].tag in ("NNG", "NNP", "SL")
    return False


def _conjuncts(tokens, a: int, b: int) -> list[tuple[int, int]]:
    out, cur = [], a
    for k in range(a, b + 1):
        t = tokens[k]
        if t.tag == "JC" or (t.tag in ("MAJ", "MAG") and t.form == "및") or (
                t.tag == "SP" and t.form in (",", "·", "ㆍ")):
            if k - 1 >= cur:
                out.append((cur, k - 1))
            cur = k + 1
    if cur <= b:
        out.append((cur, b))
    return out


def _quotative(tokens, k) -> bool:
    t = tokens[k]
    if t.tag == "JKQ":
        return True
    if t.tag != "EC":
        return False
    if t.form in words(_K, "quotative_ec") and t.form not in ("고", "면서"):
        return True
    # "…했다"고 / "…하겠다”고: a final ending or a closing quote before a bare 고
    return t.form == "고" and k > 0 and (tokens[k - 1].tag == "EF" or (
        tokens[k - 1].tag in ("SS", "SSC") and tokens[k - 1].form[:1] in _CLOSE))


def frames(tokens) -> list[Frame]:
    """Reporting frames of a sentence: a quotative ending followed by a reporting verb."""
    out: list[Frame] = []
    depths = quote_depths(tokens)
    reporting = words(_K, "reporting_verbs")
    n = len(tokens)
    for k in range(1, n):
        if depths[k] or not _quotative(tokens, k):
            continue
        verb = _reporting_verb(tokens, k + 1, reporting)
        if verb is None:
            continue
        before = [s for s in subjects(tokens, 0, k, depths) if s.particle < k]
        prev_frame = out[-1].verb if out else -1
        speaker = next((s for s in before if s.particle > prev_frame), None)
        c0 = speaker.particle + 1 if speaker is not None else prev_frame + 1
        while c0 < k and tokens[c0].tag in ("SP", "MAJ"):
            c0 += 1
        quoted = c0 < k and depths[min(c0 + 1, k - 1)] > 0
        out.append(Frame(speaker, (c0, k - 1), verb, quoted))
    return out


def _reporting_verb(tokens, k: int, reporting) -> int | None:
    """The reporting verb a quotative ending at k-1 attaches to: the next stem within a few
    tokens ("고 밝혔다", "고 거듭 강조했다", "라고 말했다")."""
    for j in range(k, min(k + 5, len(tokens))):
        t = tokens[j]
        if t.tag in ("VV", "VX"):
            return j if t.form in reporting else None
        if t.tag == "NNG" and j + 1 < len(tokens) and tokens[j + 1].tag == "XSV":
            return j if t.form + "하" in reporting else None
        if t.tag in ("EF", "EC", "SF"):
            return None
    return None
