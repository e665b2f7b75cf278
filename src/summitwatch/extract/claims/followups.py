"""Follow-ups: what a party did after the summit, set against what it committed to.

A follow-up is a clause dated after the summit (and not after the document was written) whose
wording reports a reversal or a failure to act (불참, 철회, 연기, 보류, 무산, 시행되지 않았다,
"열리지 않았다"), a fulfilment (이행, 서명, 시행했다) or a renewed agreement (뜻을 모았다,
"이어가기로 했다"), and whose subject matches a commitment:

- its own key terms overlap the commitment's ("반도체 수출 ... 불허"), topic words of the policy
  field (관세, 투자, 정상회의) included;
- or the sentence opens with the commitment and turns on a contrastive ending ("협력을
  넓히겠다고 약속했지만, (3.14) 협의에는 빠졌다"): the opening is the subject of the rest;
- or, for a clause with its own date, the paragraph's lead sentence or the sentence before names
  the subject ("정상회의 정례화라는 핵심 합의는 흔들리고 있다. … 11월 하순에는 … 응하지 않겠다").

Each clause of a sentence is read on its own ("A는 11월 1일 … 공개했고, B는 11월 4일 … 서명했다"),
a clause without a date of its own taking the one before it. A follow-up that stops what a pledge
promised to stop (유예, 중단, 철폐) keeps it rather than reversing it.
"""
from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass

from ... import clauses
from .claimkeys import ANCHOR, keys_from_tokens, shared, stem
from .cues import (BARRIER, FULFILMENT, LOWERING, NON_FULFILMENT, RAISING, REAFFIRMATION, REVERSAL, STOPPING,
                   STOPPING_STOPPED, UNCHANGED)
from .domains import topic_terms
from .pledges import HELD_SUMMIT, OBJECT_DATE
from .summit import after

MAX_EVIDENCE = 400
_PREDICATE = frozenset({"VV", "VA", "VX", "XSV", "XSA", "EP", "EF", "VCP"})
# A restated pledge before a contrastive ending: "…하겠다고 밝혔지만", "…에 합의했으나".
_RESTATED = re.compile(r"밝혔|밝힌|약속|합의|공언|천명|표명|다짐|선언|발표")
_NEAR_BEST = 0.8           # a follow-up bears on every commitment scoring this close to the best


@dataclass
class FollowUp:
    start: int
    stop: int
    date: str
    relation: str            # supports, contradicts
    target: int              # index of the commitment it bears on


def find(ctx, index, summit, commitments, party_forms, units=None, skip_spans=(), texts=None,
         mains=None, pledge_units=frozenset(), actors=None) -> list[FollowUp]:
    """``commitments``: list of key dicts, one per commitment (the union of its mentions' keys);
    ``texts``: the text of each commitment's mentions, for its topic words and its polarity;
    ``mains``: the text of its main mention, whose written words break ties; ``pledge_units``:
    indices of the sentences that make a pledge ("…를 4월부터 인하하겠다고 약속했다");
    ``actors``: each commitment's actors — at a multilateral summit, what one member later does
    bears on the pledges it took part in, not on another member's own.
    ``skip_spans``: spans that report no act (outcome tables)."""
    if not summit.date or not commitments:
        return []
    text = ctx.text.text
    texts = texts if texts is not None else [""] * len(commitments)
    ref = ctx.reference_date.isoformat() if ctx.reference_date else None
    nations = nation_forms(ctx)
    places = _places(ctx)
    mains = mains if mains is not None else texts
    actors = actors if actors is not None else [()] * len(commitments)
    targets = [_Target(_subject_terms(ck, nations, places), topic_terms(t), bool(STOPPING.search(t)), _words(m),
                       frozenset(a), direction(m), bool(BARRIER.search(m)))
               for ck, t, m, a in zip(commitments, texts, mains, actors)]
    multilateral = len(summit.parties) >= 3
    units = units if units is not None else clauses.units(ctx)
    leads: dict[int, object] = {}
    for u in units:
        leads.setdefault(u.paragraph, u)
    out: list[FollowUp] = []
    seen: set[tuple[int, str, int]] = set()
    skip = sorted(skip_spans)
    skip_starts = [a for a, _ in skip]
    skip_reach = list(itertools.accumulate((b for _, b in skip), max))   # furthest end so far
    # the dates that can date a follow-up, in text order: most sentences hold none, and are
    # passed over with one look-up
    later = [d for d in index.dates if after(d.value, summit.date) and (ref is None or d.value[:len(ref)] <= ref)
             and not OBJECT_DATE.match(text, d.stop)]
    later_starts = [d.start for d in later]
    for k, u in enumerate(units):
        dated = [d for d in later[bisect.bisect_left(later_starts, u.start):bisect.bisect_left(later_starts, u.stop)]
                 if d.stop > u.start]
        if not dated:
            continue
        # a title, heading or table cell reports nothing: a follow-up is a sentence with a predicate
        j = bisect.bisect_right(skip_starts, u.start) - 1
        if (j >= 0 and skip_reach[j] > u.start) or not any(t.tag in _PREDICATE for t in u.tokens):
            continue
        # a sentence that reports a summit ("B 총리와 정상회담을 하고 …하기로 합의했다") tells what
        # was pledged there, not what was done about an earlier pledge
        if HELD_SUMMIT.search(text, u.start, u.stop) or _HELD_TALKS.search(text, u.start, u.stop) \
                or u.index in pledge_units:
            continue
        toks = u.tokens
        context = None
        last_doer = frozenset()
        premise = None          # keys of a restated pledge that the rest of the sentence turns on
        last_date = None
        # "…개최하도록 노력한다는 데 뜻을 모았다": a bound-noun joint does not end what was done
        bounds = [b for b in clauses.boundaries(toks) if toks[b].tag != "NNB"]
        first = 0
        for last in bounds:
            if last < first:
                continue
            c_start, c_stop = toks[first].start, toks[last].start + toks[last].len
            own = [d for d in dated if c_start <= d.start < c_stop]
            date = own[0] if own else last_date
            last_date = own[-1] if own else last_date
            contrastive = toks[last].tag == "EC" and toks[last].form in clauses.CONTRASTIVE_EC
            if contrastive and _RESTATED.search(text, c_start, c_stop):
                premise = keys_from_tokens(toks, index, c_start, c_stop, party_forms)
                first = last + 1
                continue
            if date is None:
                first = last + 1
                continue
            body = text[c_start:c_stop]
            relation = _relation(body, toks[first:last + 1])
            moves = direction(body) or UNCHANGED.search(body)
            if relation is None and not moves:
                first = last + 1
                continue
            keys = keys_from_tokens(_content_tokens(toks, first, last, index), index, c_start, c_stop, party_forms)
            if premise:
                keys = {**keys, **premise}
            keys = _subject_terms(keys, nations, places)
            terms = topic_terms(body if not premise else text[u.start:c_stop])
            words = {w for w in _words(body) if w + "에서" not in body}
            doer = _doer(toks, first, last, index) if multilateral else frozenset()
            if doer:
                last_doer = doer
            elif multilateral and first > 0:
                doer = last_doer          # a clause that goes on with the sentence's subject
            found = _best(keys, terms, targets, words, doer=doer, anaphora=_anaphora(toks, first, last))
            # a clause that only moves a level ("관세를 인하했다") must name the pledge's subject itself
            if not found and relation is not None and first > 0 and not _has_subject(toks, first, last):
                # "A를 철회하지 않겠다고 밝혔으며, B 논의에도 불참했다": a clause that goes on with the
                # sentence's subject speaks of one thing with the clauses before it
                whole = _subject_terms(keys_from_tokens(_content_tokens(toks, 0, last, index), index, u.start,
                                                        c_stop, party_forms), nations, places)
                found = _best({**whole, **keys}, topic_terms(text[u.start:c_stop]) | terms, targets, words, doer=doer)
            if not found and own and relation is not None:
                # the paragraph's lead sentence says what its dated details are about
                if context is None:
                    context = _lead(units, k, leads, index, party_forms, text, nations, places)
                found = _best({**context[0], **keys}, terms | context[1], targets, words | context[2], lead=context,
                              doer=doer)
            span_start = c_start
            while span_start < c_stop and text[span_start] in " ,":
                span_start += 1
            for n in found:
                rel = _directed(relation, body, targets[n]) if moves else relation
                if rel is None:
                    continue
                if rel == "contradicts" and targets[n].stopping and STOPPING.search(body) \
                        and not NON_FULFILMENT.search(body) and not STOPPING_STOPPED.search(body):
                    rel = "supports"      # it stopped what the pledge promised to stop
                if (n, rel, k) in seen:
                    continue
                seen.add((n, rel, k))
                out.append(FollowUp(span_start, min(c_stop, span_start + MAX_EVIDENCE), date.value, rel, n))
            first = last + 1
    return out


# "외교장관회담을 갖고 …에 대해 의견을 교환하였다": a sentence that reports talks being held tells
# what was said there, not what was done about a pledge — nor does a ministers' meeting.
_HELD_TALKS = re.compile(r"회담(?:을|를)?\s?(?:갖고|가졌|가진|열고|열었|개최(?:하고|했|하였))")


@dataclass
class _Target:
    keys: dict
    terms: set
    stopping: bool           # the pledge is to suspend, lift or cut something
    words: set = None        # written words of its main mention ("인적교류", "정상회의")
    actors: frozenset = frozenset()
    direction: int = 0       # +1 the pledge raises a level (확대, 강화), -1 lowers one (완화, 인하)
    barrier: bool = False    # what it moves is a barrier (규제, 관세), not a flow (수입, 투자)


def direction(text: str) -> int:
    """Which way the last level-moving word of a passage goes: +1 up, -1 down, 0 none."""
    up = [m.start() for m in RAISING.finditer(text or "")]
    down = [m.start() for m in LOWERING.finditer(text or "")]
    if not up and not down:
        return 0
    return 1 if max(up, default=-1) > max(down, default=-1) else -1


def _directed(relation, body: str, target: _Target) -> str | None:
    """The relation of a clause that moves a level to a pledge that moves one: the same way keeps
    it ("관세를 인하했다" for a pledged cut), the other way undoes it ("수출 규제를 오히려
    강화했다" for pledged easing), a barrier left as it was undoes a pledge to lower it. Levels of
    different kinds of things (a barrier, a flow) are not compared."""
    if relation == "contradicts" or not target.direction:
        return relation
    barrier = bool(BARRIER.search(body))
    if barrier != target.barrier:
        return relation
    if UNCHANGED.search(body) and target.direction < 0 and barrier:
        return "contradicts"
    moved = direction(body)
    if not moved:
        return relation
    return "supports" if moved == target.direction else "contradicts"


def _relation(body: str, toks) -> str | None:
    if REVERSAL.search(body) or NON_FULFILMENT.search(body) or _negated(toks):
        return "contradicts"
    if FULFILMENT.search(body) or REAFFIRMATION.search(body):
        return "supports"
    return None


def _content_tokens(toks, first, last, index):
    """Tokens of a clause that say what was done, without the phrases that say where ("외교장관회의
    에서", "도쿄에서") or who ("조태열 외교부 장관", "왕이 중국 외교부장은"): the occasion and the
    titles of the people at a later meeting are not what they did."""
    drop: set[int] = set()
    nominal = ("NNG", "NNP", "SL", "SH", "XSN", "SN", "NNB")
    for i in range(first, last + 1):
        if toks[i].tag == "JKB" and toks[i].form == "에서" and _occasion(toks, i, index):
            j = i - 1
            while j >= first and toks[j].tag in nominal:
                drop.add(j)
                j -= 1
    people = [(s, e) for s, e, kind, _ in index.within(toks[first].start, toks[last].start + toks[last].len)
              if kind == "PERSON"]
    for s, e in people:
        i = next((k for k in range(first, last + 1) if toks[k].start >= e), None)
        while i is not None and i <= last and (toks[i].tag in nominal or toks[i].tag in ("SSO", "SSC")):
            drop.add(i)
            i += 1
    return [t for i, t in enumerate(toks) if first <= i <= last and i not in drop]


# What a "…에서" phrase names when it says where, not what: a meeting or a place.
_OCCASION = re.compile(r"(?:회의|회담|총회|포럼|대화|협의|행사|대회|세미나|기자회견|회견|인터뷰|브리핑|연설|"
                       r"청문회|정상회의|장관회의|국회|의회|현장|방문|계기)$")


def _occasion(toks, i, index) -> bool:
    """Whether the nouns before 에서 (toks[i]) name a meeting or a place ("외교장관회의에서",
    "서울에서"), not the thing acted on ("호위함 사업에서 제외했다")."""
    noun = toks[i - 1] if i > 0 else None
    if noun is None:
        return False
    if _OCCASION.search(noun.form):
        return True
    kinds = {kind for s, e, kind, _ in index.within(noun.start, noun.start + noun.len)}
    return bool(kinds & {"LOCATION", "COUNTRY", "ORG", "GROUP"}) or noun.tag == "NNP"


def _has_subject(toks, first, last) -> bool:
    return any(t.tag in ("JKS", "JX") and t.form in ("은", "는", "이", "가") for t in toks[first:last + 1])


def _negated(toks) -> bool:
    """A predicate negated with -지 않다/못하다 ("열리지 않았고", "잡지 못했다")."""
    for i in range(len(toks) - 1):
        t, nxt = toks[i], toks[i + 1]
        if t.tag == "EC" and t.form == "지" and nxt.tag in ("VX", "VV") and nxt.form in ("않", "못하", "못"):
            return True
        if t.tag == "MAG" and t.form == "못" and nxt.tag in ("VV", "XSV"):
            return True
    return False


def _lead(units, k, leads, index, party_forms, text, nations, places):
    """Keys and topic words of the lead sentence of a unit's paragraph."""
    u, v = units[k], leads.get(units[k].paragraph)
    if v is None or v is u:
        return {}, set(), set()
    keys = _subject_terms(keys_from_tokens(v.tokens, index, v.start, v.stop, party_forms), nations, places)
    return keys, topic_terms(text[v.start:v.stop]), _words(text[v.start:v.stop])


def _places(ctx) -> frozenset[str]:
    """Keys of places: where a later meeting was held says nothing of what it was about."""
    return frozenset("E:" + e.name for e in ctx.facts.get("entities", []) or []
                     if getattr(e, "type", None) == "LOCATION")


def nation_forms(ctx) -> frozenset[str]:
    forms = set()
    for e in ctx.facts.get("entities", []) or []:
        if getattr(e, "type", None) == "COUNTRY":
            forms.add(e.name)
            forms.update(getattr(e, "aliases", []) or [])
            forms.update(m.text for m in getattr(e, "mentions", []) or [])
    for g in ctx.facts.get("groups", []) or []:
        if len(g.members) <= 2:
            forms.add(g.text)
    return frozenset(f.lower() for f in forms)


def _subject_terms(keys: dict[str, float], nations: frozenset[str], places=frozenset()) -> dict[str, float]:
    """Keys without single countries and pairs ("한미"): those say who. A grouping of three or
    more ("한미일 협력") is a framework, what a pledge can be about."""
    out = {}
    for k, w in keys.items():
        if k.startswith("C:") or (k.startswith("G:") and len(k) <= 6) or k.lower() in nations or k in places:
            continue
        for near in _near_terms(k):
            out[near] = max(w, out.get(near, 0.0))
    return out


# Words analysts use for one thing: a later report seldom repeats the pledge's word ("수출통제를
# 완화" / "수출 규제를 강화", "대두 수입" / "대두 구매").
_NEAR = {"통제": "규제", "제한": "규제", "금지": "규제", "규제조치": "규제", "구매": "수입", "구입": "수입",
         "매입": "수입", "협약": "협정", "합의서": "협정", "펀드": "기금", "회의체": "대화", "협의체": "대화"}
_NEAR_TAIL = re.compile("(" + "|".join(sorted(_NEAR, key=len, reverse=True)) + ")$")


def _near_terms(key: str) -> tuple[str, ...]:
    """A key and the word it stands for; a compound ending in one ("수출통제") also gives its
    head and its modifier (수출, 규제)."""
    if key in _NEAR:
        return (_NEAR[key],)
    m = _NEAR_TAIL.search(key)
    if m and m.start() >= 2 and not key.startswith("E:"):
        return key, key[:m.start()], _NEAR[m.group(1)]
    return (key,)


_WORD = re.compile(r"[가-힣]{3,}|[A-Za-z]{2,}")
_JOSA = re.compile(r"(?:에서는|에서|으로|에는|에게|와의|과의|은|는|이|가|을|를|의|와|과|에|로|도)$")


def _words(text: str) -> set[str]:
    """Written words of three syllables or more without their particles: compounds such as
    인적교류 or 문화교류 tell apart things that share a key (교류)."""
    out = set()
    for m in _WORD.finditer(text or ""):
        w = _JOSA.sub("", m.group(0))
        if len(w) >= 3:
            out.add(w.lower())
    return out


def _topic(word: str) -> bool:
    """A policy word such as 관세 or 교류."""
    return bool(topic_terms(word))


def _doer(toks, first, last, index) -> frozenset[str]:
    """Countries named by a clause's subject ("A국 정부는", "미국은")."""
    for k in range(first + 1, last + 1):
        t = toks[k]
        if t.tag in ("JX", "JKS") and t.form in ("은", "는", "이", "가"):
            return frozenset(index.countries(toks[first].start, t.start))
    return frozenset()


_DEMONSTRATIVES = frozenset({"이", "그", "해당", "동", "상기"})


def _anaphora(toks, first, last) -> frozenset[str]:
    """Nouns a demonstrative points back with ("이 목표를", "해당 계획에", "이러한 목표"): the
    thing the document just said was pledged."""
    out = set()
    for k in range(first, last):
        t, nxt = toks[k], toks[k + 1]
        if nxt.tag != "NNG":
            continue
        if (t.tag in ("MM", "NNG") and t.form in _DEMONSTRATIVES) or (
                t.tag == "ETM" and k >= 2 and toks[k - 2].form in ("이러", "그러")):
            out.add(stem(nxt.form))
    return frozenset(out)


def _best(keys, terms, targets, words=frozenset(), lead=None, doer=frozenset(), anaphora=frozenset()) -> list[int]:
    """Commitments the clause speaks of: a shared name and more, or two shared things (a key
    term, or a topic word such as 정상회의 that is not itself a shared key). With the help of the
    paragraph's ``lead`` sentence, one topic word or name that the lead shares is enough."""
    scored = []
    for n, t in enumerate(targets):
        if doer and t.actors and not (doer & t.actors):
            continue              # one member's act does not undo another member's own pledge
        s, anchor = shared(keys, t.keys)
        common = {k for k in keys if k in t.keys} | {w for w in terms & t.terms if w not in keys}
        enough = (anchor and s >= ANCHOR + 1) or len(common) >= 2
        if not enough and anaphora and (not doer or not t.actors or doer & t.actors):
            # "해당 기금", "이 목표": the thing the document just said was pledged (at a multilateral
            # summit, by a member that took part in the pledge)
            enough = any(k in t.keys for k in anaphora)
        if not enough and lead is not None:
            lead_keys, lead_terms = lead[0], lead[1]
            enough = any(k in t.keys and (w >= ANCHOR or k in lead_terms or _topic(k)) for k, w in lead_keys.items())
        if not enough:
            continue
        scored.append((s + 0.5 * len(terms & t.terms) + len(words & t.words), n))
    if not scored:
        return []
    best = max(s for s, _ in scored)
    return [n for s, n in scored if s >= _NEAR_BEST * best]
