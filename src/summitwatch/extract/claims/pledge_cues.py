"""Commitment cues in a sentence's Kiwi tokens: a cue noun used as a predicate (약속했다,
합의한, 재확인되었고), the verb 밝히다, an English pledge verb, and the clause layer's future
modalities of an action verb — decision (-기로 하-), volition (-겠-), prospective (-ㄹ 것이다).
A verb under obligation ("이끌어내야 할 것이다", "해야겠다") is advice, not a cue."""
from __future__ import annotations

from ...clauses import lexicon
from .cues import ENGLISH_CUE, IDIOM_CUES, PREDICATE_FORMS, PREDICATE_TAGS, PROSE_CUES

_CUE_TAGS = frozenset({"VV", "SL", "ETN", "NNG", "EP", "ETM"})
# Auxiliaries between a verb and its ending: "강화해 나가기로", "협력해 가겠다".
_AUX_CHAIN = frozenset({"VX", "EC"})
_OBLIGATION_EC = lexicon.words("korean", "obligation_ec")


def cue_hits(tokens):
    """(cue index, predicate index, cue word) for every cue used as a predicate: a cue noun with
    하/되, 밝히다, an English pledge verb, and the clause layer's future modalities of a verb —
    decision (-기로 하-), volition (-겠-) and prospective (-ㄹ 것이다)."""
    out = []
    n = len(tokens)
    for i, (form, tag, _, _) in enumerate(tokens):
        # most tokens cannot be a cue: pass them over with the fewest look-ups
        if tag not in _CUE_TAGS:
            continue
        if tag == "NNG":
            if form in ("키로", "키"):
                hit = _headline_decision(tokens, i)
                if hit:
                    out.append(hit)
                continue
            if form in IDIOM_CUES:
                idiom = _idiom(tokens, i)
                if idiom:
                    out.append(idiom)
                continue
            if form not in PROSE_CUES:
                continue
        elif tag == "VV":
            if form != "밝히":
                continue
        elif tag == "ETN" and form != "기":
            continue
        elif tag == "EP" and form != "겠":
            continue
        elif tag == "ETM" and not (form in ("ᆯ", "을") and _prospective(tokens, i) is not None):
            continue
        if tag == "VV" and form == "밝히":
            out.append((i, i, "밝히"))
        elif tag == "SL" and ENGLISH_CUE.match(form):
            out.append((i, i, form.lower()))
        elif tag == "ETN" and form == "기" and _decided(tokens, i):
            # "해제하기로 했다", "강화해 나가기로 하였다": the party decided to do it
            word = _verb_word(tokens, i)
            if word:
                out.append((i, i + 2, word + "기로"))
        elif tag == "EP":
            # "강화해 나가겠다", "지원하겠다고 밝혔다": the speaker's will
            word = _verb_word(tokens, i, passive=False)
            if word:
                out.append((i, i, word + "겠"))
        elif tag == "ETM":
            # "노력을 조율해 나갈 것이다": what the parties will do
            word = _verb_word(tokens, i, passive=False)
            if word:
                out.append((i, _prospective(tokens, i), word + "ᆯ 것"))
        elif tag == "NNG" and form in PROSE_CUES:
            t = tokens[i]
            j = i + 1
            while j < n and tokens[j].tag in ("SSC", "SS", "SSO") and j - i <= 2:
                j += 1
            glued = j < n and tokens[j].tag == "VV" and tokens[j].start == t.start + t.len
            # the light verb: "큰 틀의 합의를 했다", "약속을 하였다"
            light = j + 1 < n and tokens[j].tag == "JKO" and tokens[j + 1].tag == "VV" and tokens[j + 1].form == "하"
            if light:
                j += 1
            if j < n and (tokens[j].tag in PREDICATE_TAGS or glued or light) and tokens[j].form in PREDICATE_FORMS:
                word = t.form
                if i and tokens[i - 1].form == "재" and tokens[i - 1].tag == "XPN":
                    word = "재" + word
                out.append((i, j, word))
    return out


def nominal_hits(tokens):
    """Cues of a headline's nominal phrases ("공급망 협력 강화…관세 인하 합의도"): a cue noun that
    ends a phrase — before "…", a comma, the line's end, or with 도 — in a line with no final
    ending. (cue index, cue index, cue word) as ``cue_hits`` gives them."""
    if any(t.tag == "EF" for t in tokens):
        return []
    out = []
    n = len(tokens)
    for i, t in enumerate(tokens):
        if t.tag != "NNG" or t.form not in PROSE_CUES or not i or tokens[i - 1].tag not in ("NNG", "NNP", "XSN"):
            continue
        j = i + 1
        if j < n and tokens[j].tag == "JX" and tokens[j].form == "도":
            j += 1
        if j >= n or tokens[j].tag in ("SE", "SF") or tokens[j].form in (",", "…"):
            out.append((i, i, t.form))
    return out


def _headline_decision(tokens, i):
    """"관세 인하키로", "어업 협정 개정키로": -하기로 with 하 dropped, which Kiwi reads as a noun 키로
    (or 키 + 로) glued to the verbal noun; it ends a headline's phrase or comes before 하다."""
    end = i + 1 if tokens[i].form == "키" else i
    if end >= len(tokens) or tokens[end].form != "로" and end != i:
        return None
    if end == i + 1 and tokens[end].tag != "JKB":
        return None
    prev = tokens[i - 1] if i else None
    if prev is None or prev.tag != "NNG" or prev.start + prev.len != tokens[i].start or len(prev.form) < 2:
        return None
    nxt = tokens[end + 1] if end + 1 < len(tokens) else None
    if nxt is not None and nxt.tag == "VV" and nxt.form == "하":
        return i, end + 1, prev.form + "하기로"        # "복원키로 했다": the same contraction in prose
    if nxt is not None and nxt.tag not in ("SF", "SP", "SSC", "SS", "SW", "SE"):
        return None
    return i, end, prev.form + "하기로"


def _idiom(tokens, i):
    """"뜻을 모았다", "뜻을 같이했다": (noun index, predicate index, cue), the idioms from the data."""
    n = len(tokens)
    if i + 2 >= n or tokens[i + 1].tag != "JKO":
        return None
    verbs = IDIOM_CUES[tokens[i].form]
    v = tokens[i + 2]
    cue = tokens[i].form + tokens[i + 1].form + " " + v.form
    if v.form in verbs and v.tag in ("VV", "NNG"):
        j = i + 2 if v.tag == "VV" else i + 3
    elif v.form == "같이" and v.tag == "MAG" and "같이" in verbs:
        j = i + 3
    else:
        return None
    if j >= n or (j > i + 2 and not (tokens[j].form == "하" and tokens[j].tag in ("VV", "XSV"))):
        return None
    return i, j, cue


def _verb_word(tokens, i, passive: bool = True) -> str | None:
    """The verb an ending at i attaches to, past auxiliaries ("강화해 나가" -> "강화하"), or None
    when it is no action verb (an adjective, a copula, 되다 of a state) — nor, unless ``passive``,
    a passive ("가시화될 것이다" is a forecast, not someone's act)."""
    stem = i - 1
    while stem > 0 and tokens[stem].tag in _AUX_CHAIN:
        if tokens[stem].tag == "EC" and tokens[stem].form in _OBLIGATION_EC:
            return None        # "이끌어내야 할 것이다", "해야겠다": advice, not a pledge
        stem -= 1
    if stem < 0:
        return None
    t = tokens[stem]
    if not passive and t.tag == "XSV" and t.form == "되":
        return None
    if t.form == "드리" and stem > 0 and tokens[stem - 1].tag == "NNG" \
            and tokens[stem - 1].start + tokens[stem - 1].len == t.start:
        return None            # "설명드리겠습니다", "말씀드리겠다": the speaker's courtesy, no pledge
    if t.tag in PREDICATE_TAGS and t.tag == "XSV" and stem > 0 and tokens[stem - 1].tag in ("NNG", "XSN"):
        k = stem - 1
        while k > 0 and tokens[k].tag == "XSN":
            k -= 1
        return "".join(x.form for x in tokens[k:stem + 1])
    if t.tag in ("VV", "VV-R", "VV-I") and t.form not in ("하", "되", "있", "보이"):
        return t.form
    if t.tag == "VV" and t.form == "하" and stem > 0 and tokens[stem - 1].tag in ("MAG", "NNG"):
        return tokens[stem - 1].form + "하"          # "공고히 하다", "노력을 하다"
    return None


def _prospective(tokens, i) -> int | None:
    """ᆯ/ETM 것/NNB 이/VCP at the end of a clause: "-ㄹ 것이다" (not "-ㄹ 것으로 보인다"), also with
    a closing quotation mark before 이 ("…할 것″이라고"). The index of 이, or None."""
    n = len(tokens)
    if not (i + 2 < n and tokens[i + 1].form in ("것", "거") and tokens[i + 1].tag == "NNB"):
        return None
    j = i + 2
    while j < n and j <= i + 3 and tokens[j].tag in ("SSC", "SS", "SW") and not tokens[j].form.isalnum():
        j += 1
    if j + 1 < n and j > i + 2 and tokens[j].tag == "NP" and tokens[j].form == "이" and tokens[j + 1].tag == "VCP":
        j += 1          # after a mark Kiwi may read 이 twice ("것″이라고": 이/NP 이/VCP)
    if j < n and tokens[j].tag == "VCP" and (j + 1 >= n or tokens[j + 1].tag in ("EF", "EC", "ETM")):
        return j
    return None


def _decided(tokens, i) -> bool:
    """기/ETN 로/JKB 하/VV: "-기로 했다" (not "-기로 합의했다", whose cue is 합의)."""
    return i + 2 < len(tokens) and tokens[i + 1].form == "로" and tokens[i + 1].tag == "JKB" \
        and tokens[i + 2].tag == "VV" and tokens[i + 2].form == "하"


def is_decision(cue: str) -> bool:
    """A cue of the clause layer's future modality: the party decided or means to act."""
    return cue.endswith(("기로", "겠", "ᆯ 것"))
