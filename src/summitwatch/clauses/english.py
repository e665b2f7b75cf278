"""English clauses: a verb group with its tense and modality, and the subject before it.

A sentence is read left to right for verb groups: a future or obligation modal with its verb
("will invest", "would not happen", "must continue"), or a pledge/agreement verb ("pledged to",
"agreed on", "reaffirmed", "decided to", "signed"). Each verb group opens a clause that runs to the
next one. Its subject is the words before it back to a clause boundary (sentence start, "that",
a semicolon, a comma after a complete phrase); a verb group with no subject of its own ("…, and
would pay", "while pledging") shares the previous clause's. A clause inside "X said (that) …" or
followed by ", X said" is reported: X is its speaker.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import load, words

_E = "english"


@dataclass(slots=True)
class Clause:
    start: int                       # char offsets of the clause (verb group to the next one)
    stop: int
    verb: str                        # the verb group as written
    verb_start: int
    subject: tuple[int, int] | None  # char span of the subject, None when shared or absent
    modality: frozenset[str]         # future, obligation, pledge, agreement
    past: bool
    negated: bool
    speaker: tuple[int, int] | None = None   # "…, the cabinet office stated"
    inherited: bool = False          # the subject is the previous clause's


def _alts(key: str) -> str:
    return "|".join(sorted((re.escape(w) for w in load(_E)[key]), key=len, reverse=True))


_RX: dict[str, re.Pattern] = {}


def _rx(name: str) -> re.Pattern:
    if not _RX:
        adverbs = r"(?:(?:not|never|also|further|jointly|continue\s+to|now|then|soon|each|both|all)\s+)*"
        _RX["modal"] = re.compile(r"(?<![\w'])(?:(" + _alts("modals_future") + r")|(" + _alts("modals_obligation")
                                  + r"))\s+[\"“]?" + adverbs + r"(?:be\s+|have\s+)?([a-z][a-z\-]+)", re.I)
        _RX["verb"] = re.compile(r"(?<![\w\-])(" + _alts("pledge_verbs") + "|" + _alts("agreement_verbs")
                                 + r")(?![\w\-])", re.I)
        _RX["boundary"] = re.compile(r"(?:;|:|\bthat\b|\bwhich\b|\bwho\b|\bwhile\b|\bwhereas\b|\bbut\b|"
                                     r"\bas\b|\bafter\b|\bbefore\b|\bwhen\b|\bif\b|\bunless\b|\bso\b|"
                                     r"[\"“”])", re.I)
        _RX["speaker_after"] = re.compile(r"[,\"”]\s*((?:[\w.’'\-]+\s+){0,8}?)(?:" + _alts("reporting_verbs")
                                          + r")\b", re.I)
        _RX["speaker_before"] = re.compile(r"((?:[\w.’'\-]+\s+){1,6}?)(?:" + _alts("reporting_verbs")
                                           + r")(?:\s*,[^,]{1,60},)?\s+that\b", re.I)
    return _RX[name]


# Conjunctions and adverbs at a subject's edges: "and Japan", "Both ministers jointly".
_EDGE = re.compile(r"^(?:and|or|but|then|so)\s+|\s+(?:also|then|further|jointly|each|both|all|now)$", re.I)
_PAST = re.compile(r"(?:ed|ook|igned)$", re.I)
_RELATIVE = frozenset({"which", "that", "who", "whom", "what"})


def read(text: str, start: int, stop: int) -> list[Clause]:
    """Commitment-shaped clauses of text[start:stop] (one sentence)."""
    s = text[start:stop]
    groups = []
    for m in _rx("modal").finditer(s):
        mods = {"future"} if m.group(1) else {"obligation"}
        neg = bool(re.search(r"\b(?:not|never)\b|n't", m.group(0), re.I))
        groups.append((m.start(), m.end(), m.group(0), frozenset(mods), False, neg))
    for m in _rx("verb").finditer(s):
        if any(a <= m.start() < b for a, b, *_ in groups):
            continue
        w = m.group(1).lower()
        mods = {"pledge"} if w in words(_E, "pledge_verbs") else {"agreement"}
        before = s[max(0, m.start() - 12):m.start()].lower()
        if re.search(r"\b(?:to|not)\s+$", before) and not re.search(r"\b(?:agreed|pledged|decided|committed)\s+to\s+$", before):
            continue                              # "plans to sign", "failed to agree": not this verb group's act
        if re.search(r"\bwithout\s+(?:\w+\s+){0,3}$", s[max(0, m.start() - 40):m.start()], re.I):
            continue                              # "without either side agreeing to …": not done
        if re.search(r"\b(?:the|a|an|its|their|this|his|her)\s+$", before):
            continue                              # a noun: "the announcement", "a pledge"
        groups.append((m.start(), m.end(), m.group(0), frozenset(mods), bool(_PAST.search(w)) or w.endswith("ed"),
                       False))
    groups.sort()
    # merge a pledge verb followed by its infinitive ("vowed to speed up") into one group
    out: list[Clause] = []
    prev_subject, prev_end = None, 0
    for k, (a, b, verb, mods, past, neg) in enumerate(groups):
        z = groups[k + 1][0] if k + 1 < len(groups) else len(s)
        relative, subj = _subject(s, a, prev_end)
        prev_end = b
        if relative:
            continue                  # "…, which would get": a relative clause says nothing of a party
        inherited = False
        if subj is None and prev_subject is not None:
            subj, inherited = prev_subject, True
        clause = Clause(start=start + a, stop=start + z, verb=verb, verb_start=start + a,
                        subject=(start + subj[0], start + subj[1]) if subj else None, modality=mods, past=past,
                        negated=neg, inherited=inherited, speaker=_speaker(s, start, a))
        out.append(clause)
        if subj is not None:
            prev_subject = subj
    return out


def _subject(s: str, at: int, prev_end: int) -> tuple[bool, tuple[int, int] | None]:
    """(relative, span) of the subject of a verb group at ``at``: the words back to the last clause
    boundary or the previous verb group. None when the group goes on with the previous clause
    (", and would pay", "while pledging"); relative when a relative pronoun stands for it."""
    lo, last = prev_end, None
    for m in _rx("boundary").finditer(s, prev_end, at):
        lo, last = m.end(), m.group(0).lower()
    seg = s[lo:at]
    if not seg.strip() and last in _RELATIVE and last != "that":
        return True, None
    if prev_end and re.search(r"(?:\band|\bor|\bwhile|,)\s*(?:also\s+|then\s+)?$", s[prev_end:at], re.I):
        return False, None
    comma = s.rfind(",", lo, at)
    if comma >= 0:
        lo = comma + 1          # "By spring, Canada will …": the subject follows the comma
    seg = s[lo:at]
    stripped = _EDGE.sub("", seg.strip(" \t\n\"“”'‘’"))
    if not stripped or not re.search(r"[A-Za-z]", stripped):
        return False, None
    if stripped.lower() in _RELATIVE:
        return True, None
    a = lo + seg.index(stripped)
    return False, (a, a + len(stripped))


def _speaker(s: str, base: int, at: int) -> tuple[int, int] | None:
    """The speaker of a reported clause: "X said that …" before it, or ", X said" after it."""
    last = None
    for m in _rx("speaker_before").finditer(s, 0, at):
        last = m
    if last is not None:
        a = last.start(1)
        for b in _rx("boundary").finditer(s, last.start(1), last.end(1)):
            a = b.end()
        seg = s[a:last.end(1)]
        stripped = _EDGE.sub("", seg.strip(" ,\"“”'"))
        if stripped:
            a += seg.index(stripped)
            return base + a, base + a + len(stripped)
    m = _rx("speaker_after").search(s, at)
    if m and m.group(1).strip():
        return base + m.start(1), base + m.end(1)
    return None


def frame_only(text: str, c: Clause) -> bool:
    """A reporting or agreement verb whose clause is only "… that" before the next verb group: the
    content is the next clause, said by this one's subject."""
    rest = text[c.verb_start + len(c.verb):c.stop]
    return bool(re.match(r"\s*(?:,\s*)?(?:as\s+\w+(?:\s+\w+){0,4}\s*,\s*)?that\b", rest, re.I))


# A sentence end: . ! ? (and a closing quote) before a space and a capital or an opening quote,
# not after a title or a one-letter initial ("U.S.", "Mr.", "Oct.", "J.").
_END = re.compile(r"(?<=[.!?])[\"”’)]*\s+(?=[\"“‘(]?[A-Z0-9])")
_NO_END = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Gen|Sen|Rep|Gov|St|Jr|Sr|No|Vol|Inc|Corp|Co|Ltd|vs|etc|approx|"
                     r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)|\b[A-Z]|\b[A-Z]\.[A-Z])\.$")


def sentences(text: str, start: int, stop: int) -> list[tuple[int, int]]:
    """English sentence spans inside text[start:stop]."""
    out, a = [], start
    for m in _END.finditer(text, start, stop):
        if _NO_END.search(text, max(start, m.start() - 8), m.start()):
            continue
        out.append((a, m.start()))
        a = m.end()
    if a < stop:
        out.append((a, stop))
    return [(x, y) for x, y in out if text[x:y].strip()]


_ASCII_LETTER = re.compile(r"[A-Za-z]")
_LOWERS_TO_ASCII = re.compile("[\u0130\u212a]")    # the only non-ASCII letters whose lower() is a-z


def is_english(text: str, start: int, stop: int) -> bool:
    """Whether a span is written in English: Latin letters outnumber Hangul and kana/kanji."""
    span = text[start:stop]
    # most spans of a Korean brief hold a handful of Latin letters: settled by one C-level count
    if not _LOWERS_TO_ASCII.search(span) and len(_ASCII_LETTER.findall(span)) < 12:
        return False
    latin = other = 0
    for ch in span:
        if "a" <= ch.lower() <= "z":
            latin += 1
        elif ord(ch) > 0x2E80 and ch.isalpha():
            other += 1
    return latin > 3 * other and latin >= 12
