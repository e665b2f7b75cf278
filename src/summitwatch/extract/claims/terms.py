"""The terms of an agreement read out sentence by sentence, with no cue word of their own.

A briefing announces that it explains an agreement ("협정 골자를 소개해 드리겠습니다") or a
statement announces its items ("다음과 같이 합의하였다"); the plain declaratives that follow
("위원회는 … 사업을 추천합니다", "양국은 … 협의체를 둔다") are that agreement's terms, so each is a
commitment pledged by the announcing word. Past-tense narration, definitions ("…란 …을 의미한다"),
the speaker's own asides ("설명드리겠습니다") and questions are not terms.
"""
from __future__ import annotations

import bisect
import json
import re
from importlib import resources


def _load() -> dict:
    raw = resources.files(__package__).joinpath("data", "terms.json").read_text(encoding="utf-8")
    return {k: v for k, v in json.loads(raw).items() if not k.startswith("_")}


_DATA = _load()
_DOCS = "|".join(_DATA["agreement_documents"])
# a briefer announcing the content of an accord ("협정 골자를 간략히 소개해 드리면", "합의서 내용은 다음과 같다"): found
# from the noun 내용/골자/조항 (a plain string search), then the agreement before it and the verb after.
_CONTENT_NOUNS = ("내용", "골자", "조항")
_DOC_BEFORE = re.compile(r"(" + _DOCS + r")(?:의|에서)?\s?(?:주요\s?|세부\s?|구체적인?\s?)?$", re.I)
_EXPLAIN_AFTER = re.compile(r"(?:에\s?대해서?|을|를|은|는)?\s?(?:간략히\s?|간단히\s?)?"
                            r"(?:설명|소개|말씀|보고|브리핑)(?:을\s?)?(?:드리|하겠|해\s?드리)|은\s?다음과\s?같")
# "다음과 같이 합의했다", "아래와 같이 선언한다": the items that follow are pledged by that cue.
ANNOUNCES_LIST = re.compile(r"(?:다음|아래|이하)(?:과|와)?\s*같이\s*(?:\S+\s+){0,2}?(합의|선언|약속|공약|천명|발표|결의)")
REACH = 12                    # units after an announcement that may still read out its terms
_SKIP_STEMS = frozenset(_DATA["not_terms"])
_PAST = frozenset({"었", "았", "였", "엇"})
_VERB_TAGS = frozenset({"VV", "VV-R", "VV-I"})


def announced(text: str, units, heading_starts) -> dict[int, tuple[str, bool]]:
    """Unit index -> (the announcing word, whether it explains an agreement read out in prose) for
    the units that may read out an agreement's terms: those within ``REACH`` after an
    announcement, in its section (no heading between), up to a question. A briefing's explained
    agreement is the context of every sentence that follows ("…에 따라 의견을 제시합니다"); an
    announced list ("다음과 같이 합의했다") only pledges its items that have no cue of their own."""
    out: dict[int, tuple[str, bool]] = {}
    # one pass of each pattern over the text, not one search per unit
    found = sorted(_explained(text) + [(m.start(), m.group(1), False) for m in ANNOUNCES_LIST.finditer(text)],
                   key=lambda x: (x[0], not x[2]))
    if not found:
        return out
    starts = [f[0] for f in found]
    word, left, since, explains = None, 0, 0, False
    for u in units:
        if word is not None and left > 0:
            k = bisect.bisect_right(heading_starts, u.start) - 1
            if k >= 0 and heading_starts[k] > since:
                word = None                       # a new section begins
            elif text[u.start:u.stop].rstrip().endswith("?"):
                word = None                       # questions and answers follow
            else:
                out[u.index] = word, explains
                left -= 1
        k = bisect.bisect_left(starts, u.start)
        if k < len(found) and found[k][0] < u.stop:
            _, named, explaining = found[k]
            word, left, since, explains = named, REACH, u.start, explaining
    return out


def _explained(text: str) -> list[tuple[int, str, bool]]:
    """(position, agreement word, True) of each announcement that a briefing explains an agreement."""
    out = []
    for noun in _CONTENT_NOUNS:
        i = text.find(noun)
        while i >= 0:
            before = _DOC_BEFORE.search(text, max(0, i - 30), i)
            if before and _EXPLAIN_AFTER.match(text, i + len(noun)):
                out.append((before.start(), before.group(1), True))
            i = text.find(noun, i + 1)
    return out


def _final_ending(toks) -> int | None:
    """Index of the sentence's final ending (EF); None when it has none or asks a question."""
    f = next((k for k in range(len(toks) - 1, -1, -1) if toks[k].tag == "EF"), None)
    if f is None or f + 1 < len(toks) and toks[f + 1].form == "?":
        return None
    return f


def _scheduled(toks, k: int) -> bool:
    """toks[k:k + 2] read "-ㄹ 예정" / "-을 계획": an act scheduled, not yet done."""
    return toks[k].tag == "ETM" and toks[k].form in ("ᆯ", "을") and k + 1 < len(toks) \
        and toks[k + 1].form in ("예정", "계획")


def declared(toks) -> tuple[int, int] | None:
    """(stem index, predicate index) of a sentence's final predicate when it declares an act in
    the present: an action verb or a verbal noun with 하/되, not past, not a copula or adjective,
    not the speaker's courtesy verb (드리다) nor a definition. None otherwise."""
    f = _final_ending(toks)
    if f is None:
        return None
    k = f - 1
    if k >= 3 and toks[k].tag == "VCP" and _scheduled(toks, k - 2):
        k -= 3                    # "발급해 나갈 예정입니다": the scheduled act
    while k > 0 and toks[k].tag in ("EP", "VX", "EC"):
        if toks[k].tag == "EP" and toks[k].form in _PAST:
            return None
        if toks[k].tag == "VX" and toks[k].form in _SKIP_STEMS:
            return None
        k -= 1
    if any(t.form in _SKIP_STEMS for t in toks[max(0, k - 1):f]):
        return None
    t = toks[k]
    if t.tag == "XSV" and k > 0 and toks[k - 1].tag == "NNG":
        return k - 1, k
    if t.tag in _VERB_TAGS and t.form not in ("있", "없", "되", "하"):
        return k, k
    return None


def planned(tail) -> bool:
    """"…해 나갈 예정입니다": in an agreement's terms a scheduled act is what the parties will do."""
    return any(_scheduled(tail, k) for k in range(len(tail)))


_PLEDGE_NOUNS = frozenset(_DATA["pledge_nouns"])


def named_pledge(toks, is_party) -> tuple[int, list[str]] | None:
    """"미국의 확고한 방위 공약을 신뢰한다": a party's pledge named as a noun ("<party>의 … 공약"),
    in a sentence that is not past narration nor a question. (noun index, [party]) or None;
    ``is_party(start, stop)`` gives the parties a span names."""
    f = _final_ending(toks)
    if f is None or any(t.tag == "EP" and t.form in _PAST for t in toks[max(0, f - 3):f]):
        return None
    for i, t in enumerate(toks):
        if t.tag != "NNG" or t.form not in _PLEDGE_NOUNS or (i + 1 < len(toks) and toks[i + 1].tag == "XSV"):
            continue
        for k in range(i - 1, max(0, i - 9), -1):
            if toks[k].tag == "JKG":
                who = is_party(toks[k - 1].start, toks[k - 1].start + toks[k - 1].len) if toks[k - 1].tag == "NNP" else []
                if who:
                    return i, who
                break
    return None
