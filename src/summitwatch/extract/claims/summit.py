"""The document's main summit: who met (the parties) and when (the date).

Parties: the country group or countries written just before 정상회담/summit or 정상 ("한미 정상"),
else the countries of the leaders who meet in the sentence ("A 대통령과 B 총리는 … 정상회담을
가졌다"), most often; ``Summit.parties_at`` gives the parties of the summit a section is about.
A multilateral summit (G7, NATO, APEC …, or "A, B, C 세 나라 정상은") has for parties the
participants the document names (countries with a leader's title near the meeting, countries listed
before "N개국"), then the forum's members; it wins when its mentions outnumber a pair's.
Date: the day-precision date written next to the summit word ("3월 15일의 한일정상회담",
"정상회담(3.15)"), most often — dates after "이틀 후" or "이후" relate to the summit and are not it.
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache
from collections import Counter
from dataclasses import dataclass

from .. import prefilter
from .claimkeys import FactIndex

SUMMIT_WORD = re.compile(r"정상\s?회담|정상\s?회의|首脳会談|summit|Summit")
# Words that say a statement or meeting of the parties stands behind a claim.
SUMMIT_CONTEXT = re.compile(r"정상\s?회담|정상\s?회의|회담|공동\s?성명|공동\s?선언|공동\s?발표|합의문|성명|선언문|"
                            r"정상들?|양\s?정상|두\s?정상|양국|양측|首脳|summit|joint statement|communiqu", re.I)
_MET = re.compile(r"(?<!정상)회담(?:했|하였|을\s?(?:가졌|열었|개최))|회동(?:했|하였|을\s?가졌)|만났다|만나\s"
                  r"|\b(?:met|held\s+talks)\b")
_LEADERS = re.compile(r"정상(?!\s?회[담의])")
_RELATIVE = re.compile(r"후|전|뒤|이후|이전|다음|앞서|after|before")
_BEFORE_WINDOW = 30
_AFTER_WINDOW = 4


@dataclass(slots=True)
class Summit:
    parties: tuple[str, ...] = ()
    date: str | None = None
    # (position, parties) of every mention that names who met, and section starts: a brief on two
    # summits ("□ 미중 정상회담 … □ 중일 정상회담") speaks of each one's parties in its section
    mentions: tuple = ()
    sections: tuple = ()
    positions: tuple = ()        # the mentions' positions, for look-ups (filled in by ``find``)

    def parties_at(self, pos: int) -> tuple[str, ...]:
        """Parties of the summit last named before ``pos`` in its section, else the main ones."""
        k = bisect.bisect_right(self.sections, pos) - 1
        lo = self.sections[k] if k >= 0 else 0
        if len(self.positions) == len(self.mentions):
            j = bisect.bisect_right(self.positions, pos) - 1
        else:
            j = bisect.bisect_right(self.mentions, pos, key=lambda m: m[0]) - 1   # mentions are in text order
        return self.mentions[j][1] if j >= 0 and self.mentions[j][0] >= lo else self.parties


_JOINER = re.compile(r"\s*(?:과|와|및|,|·|ㆍ)\s*")


def _joined_countries(text: str, index: FactIndex, at: int) -> tuple[str, ...] | None:
    """The two countries of "A과 B " ending right before ``at`` (A and B joined by 과/와/및)."""
    near = [s for s in index.within(max(0, at - 24), at) if s[2] == "COUNTRY" and s[3]]
    if len(near) < 2:
        return None
    a, b = near[-2], near[-1]
    if text[b[1]:at].strip() or not _JOINER.fullmatch(text[a[1]:b[0]]) or a[3] == b[3]:
        return None
    return (a[3], b[3])


def find(ctx, index: FactIndex) -> Summit:
    text = ctx.text.text
    party_votes: Counter = Counter()
    # (parties of the summit word, date) -> votes: "APEC 정상회의(10월 31일~11월 1일)" is a summit
    # word too, but not the meeting of the parties, so its date must not become theirs
    date_votes: Counter = Counter()
    starts = [x.start for x in ctx.sentences]
    mentions: list = []
    # "한미 정상", "한·중 정상은": a group right before the word for the leaders names the parties
    for m in _LEADERS.finditer(text, 0, ctx.body_end):
        groups = [s for s in index.within(max(0, m.start() - 12), m.start())
                  if s[2] == "GROUP" and 0 <= m.start() - s[1] <= 1 and len(s[3]) == 2]
        if groups:
            party_votes[tuple(groups[-1][3])] += 1
            mentions.append((m.start(), tuple(groups[-1][3])))
            continue
        # "한국과 호주 정상은": two countries joined by 과/와/및 right before the word
        pair = _joined_countries(text, index, m.start())
        if pair:
            party_votes[pair] += 1
            mentions.append((m.start(), pair))
    for m in SUMMIT_WORD.finditer(text, 0, ctx.body_end):
        # parties: a group or countries right before the word ("미일정상회담", "한·일 정상회담")
        near = [s for s in index.within(max(0, m.start() - 12), m.start()) if s[1] <= m.start() + 1]
        groups = [s for s in near if s[2] == "GROUP" and m.start() - s[1] <= 2]
        who: tuple = ()
        if groups:
            who = tuple(groups[-1][3])
            party_votes[who] += 1
        else:
            isos = [s[3] for s in near if s[2] == "COUNTRY" and s[3]]
            if len(set(isos)) >= 2:
                who = tuple(dict.fromkeys(isos))[-2:]
                party_votes[who] += 1
            else:
                who = _participants(ctx, index, starts, m.start()) or ()
                if len(who) == 2:
                    party_votes[who] += 1
        if who:
            mentions.append((m.start(), who))
        for d in index.dates_within(m.start() - _BEFORE_WINDOW, m.end() + _AFTER_WINDOW + 12):
            # "이틀 후" is a date relative to the summit, not the summit's own
            if len(d.value) != 10 or _RELATIVE.search(d.text or ""):
                continue
            if d.stop <= m.start():
                between = text[d.stop:m.start()]
                if m.start() - d.stop > _BEFORE_WINDOW or _RELATIVE.search(between) or "." in between:
                    continue
            elif d.start >= m.end():
                between = text[m.end():d.start]
                if d.start - m.end() > _AFTER_WINDOW or _RELATIVE.search(between):
                    continue
            date_votes[(who, d.value)] += 1
        # "A와 B는 2025년 10월 30일 부산에서 … 정상회담을 가졌다": the day the sentence gives
        held = HELD.match(text, m.end())
        if held:
            d = _sentence_day(ctx, index, starts, m.start())
            if d is not None:
                date_votes[(who, d.value)] += 1
    # a bare "회담했다" names the parties too ("A와 B는 … 회담했다"), but not the summit's date
    for m in _MET.finditer(text, 0, ctx.body_end):
        met = _participants(ctx, index, starts, m.start())
        if met and len(met) == 2:
            if not party_votes:
                party_votes[met] += 1
            mentions.append((m.start(), met))
    # "시진핑 주석과 정상회담을 갖고": one party named, the other is the one the document follows
    # (ties go to the country the document names most often)
    home = Counter(p for _, who in mentions if len(who) >= 2 for p in who)
    named = Counter(s[3] for s in index.spans if s[2] in ("COUNTRY", "PERSON") and isinstance(s[3], str))
    first: dict[str, int] = {}
    for s in index.spans:                 # spans are in text order: the side named first
        if s[2] in ("COUNTRY", "PERSON") and isinstance(s[3], str):
            first.setdefault(s[3], s[0])
    total = 1 + sum(named.values())
    home = Counter({p: n + (named[p] + 1 / (2 + first.get(p, len(text)))) / total for p, n in home.items()})
    mentions = [(at, _complete(who, home)) for at, who in mentions]
    mentions = [(at, who) for at, who in mentions if len(who) >= 2]
    parties = party_votes.most_common(1)[0][0] if party_votes else ()
    multi = _multilateral(ctx, index, starts, party_votes)
    if multi is not None:
        parties, forum_mentions, forum_dates = multi
        mentions.extend(forum_mentions)
        for value, n in forum_dates.items():
            date_votes[(parties, value)] += n
    mentions.sort()
    sections = tuple(sorted(h.start for h in getattr(ctx.structure, "headings", []) or []))
    date = None
    votes: Counter = Counter()
    for (who, value), n in date_votes.items():
        who = _complete(who, home)
        if not parties or set(who) == set(parties):
            votes[value] += n
    if not votes:              # no date next to the parties' summit: any summit word's
        for (who, value), n in date_votes.items():
            if not who:
                votes[value] += n
    if votes:
        best = max(votes.values())
        date = min(v for v, n in votes.items() if n == best)
    return Summit(tuple(parties), date, tuple(mentions), sections, tuple(at for at, _ in mentions))


# A summit word followed by the verb that says it took place.
HELD = re.compile(r"(?:을|를)?\s?(?:갖|가졌|가진|열었|열고|연\s|하고|했|하였|개최(?:했|하였|하고|됐|되었))")


def _complete(who: tuple, home: Counter) -> tuple:
    if len(who) != 1:
        return who
    others = [(n, p) for p, n in home.items() if p not in who]
    return (max(others)[1], who[0]) if others else who


def _sentence_day(ctx, index: FactIndex, starts, pos: int):
    """The first day-precision date of the sentence before ``pos``, when it dates the sentence
    (not "이틀 후", not a deadline "…까지")."""
    i = bisect.bisect_right(starts, pos) - 1
    if i < 0:
        return None
    lo = ctx.sentences[i].start
    text = ctx.text.text
    for d in index.dates_within(lo, pos):
        if d.start < lo or len(d.value) != 10 or _RELATIVE.search(d.text or ""):
            continue
        if (d.text or "").endswith(("까지", "부터")) or text.startswith(("까지", "부터"), d.stop):
            continue
        return d
    return None


def _participants(ctx, index: FactIndex, starts, pos: int) -> tuple[str, ...] | None:
    """The two countries whose leaders meet in the sentence that holds a summit word:
    "A와 B는 … 정상회담을 가졌다", "A는 … B 총리와 정상회담을 가졌다" (people named before the word)."""
    i = bisect.bisect_right(starts, pos) - 1
    if i < 0:
        return None
    lo = ctx.sentences[i].start
    people = [s[3] for s in index.within(lo, pos) if s[2] == "PERSON" and isinstance(s[3], str) and s[0] >= lo]
    isos = tuple(dict.fromkeys(people))
    return isos if len(isos) in (1, 2) else None


def after(value: str | None, summit_date: str | None) -> bool:
    """True when a date lies wholly after the summit day (at the date's own precision)."""
    if not value or not summit_date:
        return False
    return value > summit_date[:len(value)]


def before(value: str | None, summit_date: str | None) -> bool:
    if not value or not summit_date:
        return False
    return value < summit_date[:len(value)]


# --- multilateral summits --------------------------------------------------------------------

# Forums whose summits have a fixed membership: their members are knowledge-base data
# (kb/data/organisations.tsv, "members="). Small coalitions with an abbreviation (Quad, 한중일,
# AUKUS) are country groups already.
_FORUMS = ("G7", "G20", "NATO", "APEC", "ASEAN", "EAS", "BRICS", "SCO", "EU", "MIKTA")


@lru_cache(maxsize=1)
def forum_members() -> dict[str, tuple[str, ...]]:
    from ...kb import load_kb

    kb = load_kb()
    out = {}
    for key in _FORUMS:
        entry = kb.get(f"igo:{key.lower()}")
        if entry is not None and entry.members:
            out[key] = entry.members
    return out


_FORUM_NAMES = {
    "G7": r"G-?7|주요\s?7개국", "G20": r"G-?20|주요\s?20개국", "NATO": r"NATO|나토|북대서양조약기구",
    "APEC": r"APEC|에이펙|아시아태평양경제협력체|아태경제협력체",
    "EAS": r"동아시아\s?정상\s?회의|EAS", "ASEAN": r"ASEAN|아세안|동남아시아국가연합",
    "BRICS": r"BRICS|브릭스", "SCO": r"SCO|상하이협력기구", "EU": r"EU|유럽연합", "MIKTA": r"MIKTA|믹타",
}
FORUM = _FORUM = re.compile("|".join(f"(?P<{k}>(?<![A-Za-z0-9]){v}(?![A-Za-z0-9]))" for k, v in _FORUM_NAMES.items()))
# A forum's name and its summit: "G7 정상회의", "나토 정상회의에서", "APEC 정상들은".
_FORUM_GAP = 14
_SENTENCE_WINDOW = 400
# Collective subjects: the leaders or members of the meeting as one ("회원국들은", "세 나라 정상은").
# ("양국 정상들은" is a pair's).
COLLECTIVE = re.compile(r"(?:동맹국|회원국|참가국|참석국|참여국|가맹국|당사국|각국)(?:\s?정상)?들?(?:은|는|이|가)\s|"
                        r"(?<!양국 )(?<!양국)(?<!두 )(?<!양 )정상들(?:은|는|이|가)\s|"
                        r"(?<![\d.])(?:[3-9]|[1-9]\d)\s?개?국(?:\s?정상들?)?(?:은|는|이|가)\s")
# A leader's title right after a country ("A국 총리", "A국, B국 정상이").
_LEADER_AFTER = re.compile(r"\s?(?:의\s)?(?:정상|총리|대통령|수상|주석|국왕|총통|지도자)")
# A list of countries closed by how many they are: "A, B, C 3개국", "… 등 N개국".
_COUNT_AFTER = re.compile(r"\s?(?:등\s?)?\d+\s?개?국")
_LIST_JOINT = re.compile(r"\s?(?:,|·|ㆍ|、|/|및|와|과|그리고)?\s?")
# Words of a sentence that speaks of the meeting and who took part in it.
_TAKING_PART = re.compile(r"정상|회의|회담|참석|참가|참여|초청|성명|선언|동맹국|회원국")


def _multilateral(ctx, index: FactIndex, starts, party_votes: Counter):
    """(parties, mentions, date votes) of the multilateral summit the document is about, or None
    when a pair's summit (or a named coalition such as 한중일) is named at least as often."""
    text = ctx.text.text
    forum_votes: Counter = Counter()
    forum_at: list = []            # (position, forum) of every forum summit
    body = text[:ctx.body_end]        # (a slice reads like endpos; the filtered scan takes no bounds)
    every_forum = [(fm.end(), fm.start(), fm.lastgroup) for fm in prefilter.finditer(_FORUM, body)]
    forum_ends = [e for e, _, _ in every_forum]
    for m in SUMMIT_WORD.finditer(text, 0, ctx.body_end):
        f = None
        for fm in _FORUM.finditer(text, max(0, m.start() - _FORUM_GAP), m.start()):
            f = fm.lastgroup
        if f is None and not _pair_before(index, m.start()):
            i = bisect.bisect_right(starts, m.start()) - 1
            # the sentence's forum, looked for in a bounded window (a "sentence" may be huge)
            lo = max(ctx.sentences[i].start if i >= 0 else 0, m.start() - _SENTENCE_WINDOW)
            k = bisect.bisect_right(forum_ends, m.start()) - 1       # the last forum named before
            f = every_forum[k][2] if k >= 0 and every_forum[k][1] >= lo else None
        if f is not None:
            forum_votes[f] += 1
            forum_at.append((m.start(), f))
    collective = [m.start() for m in prefilter.finditer(COLLECTIVE, body)]
    pair = max((n for who, n in party_votes.items() if len(who) == 2), default=0)
    top = party_votes.most_common(1)[0] if party_votes else None
    if top is not None and len(top[0]) >= 3 and top[1] >= pair:
        return None                # a named coalition's summit ("한중일 정상회의"): its group says who
    forum, votes = forum_votes.most_common(1)[0] if forum_votes else (None, 0)
    if votes + len(collective) <= pair or (forum is None and not collective):
        return None
    named = _named_participants(ctx, index, starts)
    members = forum_members().get(forum, ()) if forum else ()
    parties = tuple(dict.fromkeys(named + list(members)))
    if len(parties) < 3:
        return None
    mentions = [(at, parties) for at, f in forum_at if f == forum] + [(at, parties) for at in collective]
    dates: Counter = Counter()
    for at, f in forum_at:
        if f != forum:
            continue
        d = _sentence_day(ctx, index, starts, at)
        if d is not None:
            dates[d.value] += 1
    return parties, mentions, dates


def _pair_before(index: FactIndex, pos: int) -> bool:
    """A pair right before a summit word ("한미 정상회담", "미·일 정상회담") makes it theirs."""
    near = [s for s in index.within(max(0, pos - 12), pos) if s[1] <= pos + 1]
    return any(s[2] == "GROUP" and len(s[3]) == 2 for s in near) or \
        len({s[3] for s in near if s[2] == "COUNTRY" and s[3]}) >= 2


def _named_participants(ctx, index: FactIndex, starts) -> list[str]:
    """Countries the document names as taking part: with a leader's title in a sentence about the
    meeting ("회의를 주재한 A국 총리는"), or listed with their number ("A, B, C 3개국")."""
    text = ctx.text.text
    out: list[str] = []
    chain: list = []               # consecutive countries joined by commas or 와/과
    spans = [s for s in index.spans if s[0] < ctx.body_end and s[2] in ("COUNTRY", "PERSON", "GROUP")]
    for k, s in enumerate(spans):
        start, stop, kind, value = s
        isos = list(value) if kind == "GROUP" else [value] if isinstance(value, str) else []
        if not isos:
            continue
        if chain and _LIST_JOINT.fullmatch(text, chain[-1][1], start):
            chain.append(s)
        else:
            chain = [s]
        if _COUNT_AFTER.match(text, stop) or _LEADER_AFTER.match(text, stop):
            i = bisect.bisect_right(starts, start) - 1
            lo, hi = (ctx.sentences[i].start, ctx.sentences[i].stop) if i >= 0 else (0, len(text))
            listed = _COUNT_AFTER.match(text, stop) is not None
            if listed or _TAKING_PART.search(text, lo, hi):
                members = chain if len(chain) > 1 else [s]
                for c in members:
                    out.extend(list(c[3]) if c[2] == "GROUP" else [c[3]])
    return list(dict.fromkeys(out))
