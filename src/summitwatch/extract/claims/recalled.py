"""Pledges made before the document's own occasion that the text recalls together with what
became of them.

A recalled pledge is a cue in an adnominal clause that names when it was made ("지난 5월 정상회담
당시 서명한 ‘공동 비전’이", "작년 가을 회의에서 기본 합의를 한 이후"). It is a commitment of its
own when the text also reports that it was carried out:

- the recalled thing is the subject of a fulfilment ("…서명한 ‘공동 비전’이 차질 없이 이행되고
  있다": the rest of the sentence);
- or the sentence dates the previous one by it ("… 이후 넉 달 만이다"): the previous sentence's
  act, when it is a fulfilment ("오늘 협정을 체결했다"), is what the pledge led to.

The fulfilment is the commitment's evidence ("supports"), dated by its own date, else by the
summit the sentence reports, else by the document's date. A recalled pledge with nothing done
about it in the text stays background, as before; so does a summit's pledge that a report without
a summit of its own recalls (a follow-up: the tracker sets the act against that summit's commitment).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ... import clauses
from .claimkeys import keys_from_tokens
from .cues import FULFILMENT, NON_FULFILMENT, REVERSAL, STRONG_CUES
from .pledge_cues import cue_hits
from .summit import SUMMIT_CONTEXT, before

MAX_CLAIM = 400
# "…한 이후 석 달 만이다", "…한 지 1년 만에": the sentence measures the previous one from this.
_SINCE = frozenset({"이후", "후", "뒤", "지"})
_MEASURED = re.compile(r"만(?:이다|입니다|이며|이고|의|에)")
# A past the clause names without a date: "당시", "지난번".
_RECALL_WORDS = frozenset({"당시", "지난번", "앞서"})
# A pledge made at a summit, recalled by a text with no summit of its own, is that summit's commitment:
# the tracker links the text's report of the act to it across documents.
_SUMMIT = re.compile(r"정상\s?회담|정상\s?회의|首脳会談|summit", re.I)
_DAY_WORDS = re.compile(r"이날|오늘|같은 날")


@dataclass
class Recalled:
    claim: object                # a pledges.Claim
    date: str                    # when it was carried out
    start: int                   # the fulfilment's span
    stop: int


def find(reader, make_claim) -> list[Recalled]:
    """Recalled pledges of a ProseReader's units, each with its fulfilment."""
    out = []
    units = reader.units
    for u in units:
        toks = u.tokens
        for ci, pi, cue in cue_hits(toks):
            if cue.lstrip("재") not in STRONG_CUES or pi + 1 >= len(toks) or toks[pi + 1].tag != "ETM":
                continue
            head = _head(toks, pi + 2)
            if head is None:
                continue
            h_first, h_last = head
            bounds = clauses.boundaries(toks)
            first, _ = clauses.clause_of(bounds, ci)
            first = reader._content_start(toks, first, ci)
            made = [d for d in reader.index.dates_within(toks[first].start, toks[ci].start)
                    if d.start >= toks[first].start]
            if not made and not any(t.form in _RECALL_WORDS for t in toks[first:ci]):
                continue              # a pledge the clause does not place in the past
            if not reader.summit.date and _SUMMIT.search(reader.text, toks[first].start, toks[ci].start):
                continue              # a report on a summit's pledge: evidence for that summit (see track)
            found = _fulfilment(reader, u, toks, h_first, h_last, made)
            if found is None:
                continue
            start, stop = toks[first].start, toks[h_last].start + toks[h_last].len
            if stop - start > MAX_CLAIM:
                start = stop - MAX_CLAIM
            keys = keys_from_tokens(toks, reader.index, start, stop, reader.party_forms)
            if not any(w >= 1 for w in keys.values()):
                continue
            actors = _actors(reader, u, toks, first, ci)
            if not actors:
                continue
            reader.groups += 1
            claim = make_claim(start=start, stop=stop, cue=cue, actors=actors, explicit=True, keys=keys,
                               source="prose", group=reader.groups, unit=u.index, clause_stop=stop,
                               extra={"recalled": True})
            claim.text = reader.text[start:stop]
            out.append(Recalled(claim, *found))
    return out


def _head(toks, k) -> tuple[int, int] | None:
    """The noun phrase an adnominal cue modifies, from token k: a quoted name or nouns."""
    if k >= len(toks):
        return None
    if toks[k].tag == "SSO":
        close = next((j for j in range(k + 1, min(len(toks), k + 20)) if toks[j].tag == "SSC"), None)
        return (k, close) if close is not None else None
    if toks[k].form in _SINCE:
        return k, k
    j = k
    while j < len(toks) and toks[j].tag in ("NNG", "NNP", "SL", "SN", "XSN"):
        j += 1
    return (k, j - 1) if j > k else None


def _fulfilment(reader, u, toks, h_first, h_last, made):
    """(date, start, stop) of what carried the recalled pledge out, or None."""
    text = reader.text
    nxt = h_last + 1
    since = toks[h_first].form in _SINCE and h_first == h_last
    if not since and (nxt >= len(toks) or toks[nxt].tag not in ("JKS", "JX")):
        return None               # the recalled thing must be what the rest speaks of
    start = toks[h_last].start if since else toks[nxt].start + toks[nxt].len
    rest = text[start:u.stop]
    if _MEASURED.search(rest) and u.index > 0:
        # "… 이후 넉 달 만이다", "…한 X가 한 달 만에 이행된 것이다": measured from the pledge, the
        # act is the previous sentence's, which says when it was done
        prev = reader.units[u.index - 1]
        if prev.paragraph == u.paragraph or _adjacent(text, prev, u):
            # the rest may be what calls that act a fulfilment ("… 만에 이행된 것이다")
            done = None if since or not _fulfils(rest) else rest
            found = _dated(reader, prev, text[prev.start:prev.stop], prev.start, prev.stop, made, done)
            if found is not None or since:
                return found
    if since:
        return None
    return _dated(reader, u, rest, start, u.stop, made)


def _adjacent(text, prev, u) -> bool:
    """Two paragraphs with nothing but blank lines between them."""
    return not text[prev.stop:u.start].strip()


def _fulfils(body: str) -> bool:
    return FULFILMENT.search(body) is not None and not REVERSAL.search(body) and not NON_FULFILMENT.search(body)


def _dated(reader, u, body, start, stop, made, verdict=None):
    """(date, start, stop) of the act in body, when it (or the ``verdict`` on it) is a fulfilment."""
    if not _fulfils(verdict or body) or (verdict and (REVERSAL.search(body) or NON_FULFILMENT.search(body))):
        return None
    earliest = min((d.value for d in made), default=None)
    own = [d for d in reader.index.dates_within(start, stop) if d.start >= start
           and (earliest is None or not before(d.value, earliest)) and d not in made]
    summit = reader.summit.date
    if own:
        date = own[-1].value
    elif summit and (SUMMIT_CONTEXT.search(reader.text, u.start, u.stop) or _DAY_WORDS.search(reader.text, u.start, u.stop)):
        date = summit
    elif reader.ctx.reference_date:
        date = reader.ctx.reference_date.isoformat()
    else:
        return None
    if earliest is not None and before(date, earliest):
        return None
    dateline = clauses.DATELINE.match(reader.text, start)
    if dateline and dateline.end() < stop:
        start = dateline.end()            # "(서울=…) … 기자 =": who wrote it, not what was done
    while start < stop and reader.text[start] in " ,\"'“”‘’":
        start += 1
    return date, start, min(stop, start + MAX_CLAIM)


def _actors(reader, u, toks, first, ci) -> list[str]:
    """The sentence's subject, else the previous sentence's, else the summit's parties."""
    who = reader._subject(toks, 0, ci, nearest=True)
    if not who and u.index > 0:
        prev = reader.units[u.index - 1]
        who = reader._subject(prev.tokens, 0, len(prev.tokens))
    return who or list(reader.summit.parties)
