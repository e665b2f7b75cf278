"""Commitment mentions in prose: a clause whose predicate is a cue (약속했다, 합의한, 재확인되었고,
밝혔으나, a party's decision "해제하기로 했다") said of a summit's parties, split into items when it
lists several things; a clause joined to it by -고 ("A를 재개하고, B를 신설하기로 합의") is pledged too.
The actors are the clause's subject (coordinated subjects give every party, "이 대통령" the person
named in full before), else the nearest earlier one in the sentence or the paragraph.

Not commitments: the author's advice ("강화해야 한다"), possibilities ("제시될 수 있는"),
conditions, negations, background ("발표한 바 있다", or a date before the summit) and
follow-ups (a date after the summit: those are evidence, see ``followups``).
"""
from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass, field

from ... import clauses
from ...clauses import english, frames, lexicon, predicate
from .genre import is_analysis, is_news
from .claimkeys import keys_from_tokens
from .cues import (ACT_CUES, ENGLISH_CUE, GENERIC_NOUNS, HYPOTHETICAL, PROSE_CUES, STRONG_CUES, WEAK_CUES, is_idiom,
                   tail_modality)
from .pledge_cues import cue_hits, is_decision, nominal_hits
from .pledge_items import SUBJECT_PARTICLES as _SUBJECT_PARTICLES, ItemReader
from . import terms
from .summit import FORUM, SUMMIT_CONTEXT, after, before

MAX_CLAIM = 400
# Nouns for a meeting or statement: a date in a modifier of one dates the pledge made there.
_MEETING = re.compile(r"회담|정상\s?회의|회의|공동\s?성명|성명|선언|합의문|summit|statement", re.I)
_PHRASE_BREAK = frozenset({"JKS", "JKO", "JX", "JKC", "JKQ", "SSC"})
_PARTY_WORDS = frozenset({"양국", "양측", "정상", "두", "양", "정상들", "양국정상"})
# The members of a multilateral meeting as one subject: "회원국들은", "3국은", "세 나라 정상은", "이들은".
_COLLECTIVE_WORDS = frozenset({"동맹국", "회원국", "참가국", "참석국", "참여국", "가맹국", "당사국", "각국", "국",
                               "개국", "이들", "동맹", "회원"})
_NOT_WHEN = re.compile(r"\s?(?:까지|부터|을|를)")
OBJECT_DATE = re.compile(r"\s?(?:을|를)")
# "A와 정상회담을 갖고": the sentence reports a summit, so its date is that summit's, not a later act.
HELD_SUMMIT = _HELD = re.compile(r"(?:정상\s?회담|정상\s?회의|首脳会談)(?:을|를)?\s?"
                                 r"(?:갖|가졌|가진|열었|열고|연\s|하고|했|하였|개최(?:했|하였|하고|됐|되었))")
_CHAIN_EC = frozenset({"고", "며", "으며"})
_CONSEQUENCE_EC = frozenset({"면서", "으면서"})
# Past or present adnominal endings: a cue with one modifies a noun.
_DONE_ETM = frozenset({"ᆫ", "은", "는"})
# A section heading that says its contents are the summit's outcome ("2. 주요 합의 내용").
_OUTCOME_HEADING = re.compile(SUMMIT_CONTEXT.pattern + r"|합의|약속|공약|성과", re.I)
_FOLLOWUP_HEADING = re.compile(r"이행|후속|follow|implement", re.I)
# "다음과 같이 합의했다", "아래와 같이 선언한다": the items that follow are pledged by that cue.
_ANNOUNCES_LIST = terms.ANNOUNCES_LIST
_ANNOUNCED_REACH = terms.REACH
_ITEM_START = re.compile(r"\s*(?:\d{1,2}[.)]|\(\d{1,2}\)|[①-⑳])")
# A date right before the name of a statement or an accord that the clause reaffirms or builds on
# is part of that name, not the clause's time.
_NAMED_BY_DATE = re.compile(r"\s?[^\s,.()]{0,8}\s?(?:공동\s?)?(?:선언|성명|합의서?|공동선언문|선언문|협정|합의문)"
                            r"(?:을|를|과|와|의)")     # an object or a modifier, not the occasion ("…에서")
# Heads of a subject that act for a country.
_ROLES = frozenset(lexicon.words("korean", "roles"))
# Compound titles Kiwi reads as one noun ("정책실장", "외교부장관"): a role by their last part.
_ROLE_SUFFIXES = tuple(lexicon.words("korean", "role_suffixes"))
_HOME = lexicon.load("korean")["home_subjects"]
# Offices only one country has ("청와대 안보수석은"): who speaks for them, when no country is named.
_OFFICES = lexicon.load("korean")["home_offices"]


@dataclass
class Claim:
    start: int
    stop: int
    cue: str
    actors: list[str]
    explicit: bool                       # actors named in the text, not assumed
    keys: dict[str, float]
    source: str                          # table, list, prose
    group: int                           # claims of one table or one enumeration share it
    header: str | None = None
    unit: int = -1                       # sentence index, prose only
    clause_stop: int = -1
    text: str = ""
    head: str | None = None              # the last content noun before the cue
    extra: dict = field(default_factory=dict)


class ProseReader(ItemReader):
    def __init__(self, ctx, index, summit, party_forms, skip_spans=()):
        self.ctx, self.index, self.summit = ctx, index, summit
        self.parties = list(summit.parties)
        self.party_forms = party_forms
        self.text = ctx.text.text
        self.skip = sorted(skip_spans)
        self._skip_starts = [a for a, _ in self.skip]
        self._skip_reach = list(itertools.accumulate((b for _, b in self.skip), max))
        self.units = clauses.units(ctx)
        self.groups = 0
        self.summit_parties = list(summit.parties)
        # a page's headline titles the whole text, it does not open a section
        self.headings = sorted((h.start, h.level, h.text) for h in getattr(ctx.structure, "headings", []) or []
                               if getattr(h, "role", None) != "headline")
        self._starts = [h[0] for h in self.headings]
        self._outline: list | None = None
        self.analysis = is_analysis(self.text[:ctx.body_end])
        # neither an analysis nor a news report: a statement or briefing spoken by its parties
        self._spoken = not self.analysis and not is_news(self.text[:ctx.body_end])
        self._named: list[str] | None = None  # the party whose pledge the current unit names
        self._term: str | None = None        # the agreement whose terms the current unit may read out
        self._headline = False               # the current unit is a title or subtitle line
        self._term_parties: list[str] = []   # the parties of the last agreement read (explicit, two or more)

    def _skipped(self, u) -> bool:
        k = bisect.bisect_right(self._skip_starts, u.start) - 1
        return k >= 0 and self._skip_reach[k] > u.start

    def claims(self) -> list[Claim]:
        out: list[Claim] = []
        term_at = terms.announced(self.text, self.units, self._starts)     # units that may read out terms
        top = next((u.index for u in self.units if any(t.tag == "EF" for t in u.tokens)), 0)
        for u in self.units:
            if self._skipped(u) or english.is_english(self.text, u.start, u.stop):
                continue              # English clauses are read by pledges_en
            self._named = None
            term, explained = term_at.get(u.index, (None, False))
            self._term = term if explained else None
            hits = cue_hits(u.tokens)
            # the title and subtitles over the body sum up the summit's outcome in nominal phrases
            self._headline = u.index < top
            nominal = not hits and self._headline
            if nominal:
                hits = nominal_hits(u.tokens)
            if not hits and self._spoken and not term:
                # a text spoken by its parties affirms a party's pledge it names as a noun
                named = terms.named_pledge(u.tokens, self._party_named)
                if named:
                    hits = [(named[0], named[0], u.tokens[named[0]].form)]
                    self._named = named[1]
            if not hits and term:
                # a term of an announced agreement, stated with no cue word: pledged by the announcement
                d = terms.declared(u.tokens)
                hits = [(d[0], d[1], term)] if d else []
                self._term = term
            if not hits:
                continue
            bounds = clauses.boundaries(u.tokens)
            if nominal:           # "…" ends a headline's phrase
                bounds = sorted(set(bounds) | {k for k, t in enumerate(u.tokens) if t.tag == "SE"})
            governing: dict[tuple[int, int], tuple] = {}
            for hit in hits:
                governing[clauses.clause_of(bounds, hit[1])] = hit     # the last cue of a clause
            pledged: set[tuple[int, int]] = set()
            announced = self._announced(u)
            for (first, last), hit in governing.items():
                found = self._clause(u, bounds, first, last, hit, governed=self._named)
                if announced and is_decision(hit[2]):
                    for c in found:       # "다음과 같이 합의했다. 1. 양국은 …할 것이다": pledged by that agreement
                        c.cue = announced
                        c.extra["announced"] = True
                elif announced and _ITEM_START.match(self.text, u.start):
                    for c in found:       # "3. 북한은 …을 다짐했다": an item of it with a cue of its own
                        c.extra["announced"] = True
                if nominal:
                    for c in found:
                        c.extra["headline"] = True
                out.extend(found)
                if found:
                    pledged.add((first, last))
                    self._term_parties = next((c.actors for c in found if c.explicit and len(c.actors) > 1),
                                              self._term_parties)
                if found and (hit[2] in STRONG_CUES or is_decision(hit[2]) or is_idiom(hit[2])):
                    out.extend(self._coordinated(u, bounds, first, hit, pledged))
                if found and hit[2] in STRONG_CUES:
                    out.extend(self._consequence(u, bounds, last, found[0]))
        self._term, self._headline, self._named = None, False, None
        return out

    def _party_named(self, start: int, stop: int) -> list[str]:
        return [i for i in self.index.countries(start, stop) if i in self.summit.parties]

    def _consequence(self, u, bounds, last, pledge):
        """"A에 합의하면서 B의 관세는 10%로 내려간다": the sentence's last clause, joined by -면서 to an
        agreement and with no cue of its own, states what the agreement does — one of its terms."""
        toks = u.tokens
        if toks[last].tag != "EC" or toks[last].form not in _CONSEQUENCE_EC or last not in bounds:
            return []
        k = bounds.index(last)
        if k + 1 >= len(bounds) or toks[bounds[k + 1]].tag != "EF":
            return []
        nfirst, nlast = last + 1, bounds[k + 1]
        if cue_hits(toks[nfirst:nlast + 1]):
            return []
        d = terms.declared(toks[nfirst:nlast + 1])
        if d is None:
            return []
        return self._clause(u, bounds, nfirst, nlast, (d[0] + nfirst, d[1] + nfirst, pledge.cue),
                            governed=pledge.actors)

    def _gapped(self, toks, a, ci) -> list:
        """"A는 X를, B는 Y에 합의했다": subjects that each carry their own object before one shared
        predicate make one pledge each, with its own actor. [((first, last), actors), ...] or []."""
        subj = [x for x in frames.subjects(toks, a, ci) if x.particle < ci]
        if len(subj) < 2:
            return []
        out = []
        for k, x in enumerate(subj):
            stop = subj[k + 1].first - 1 if k + 1 < len(subj) else ci - 1
            while stop > x.particle and toks[stop].tag in ("SP", "JKO", "JKB"):
                stop -= 1
            if k + 1 < len(subj) and not any(t.tag == "SP" and t.form == "," for t in toks[x.particle:subj[k + 1].first]):
                return []              # no comma between: one clause with an embedded subject
            who = self._actors_in(toks[x.first].start, toks[x.particle].start)
            if not who or stop <= x.particle:
                return []
            out.append(((x.particle + 1, stop), who))
        return out

    def _reports_past_act(self, toks, ci) -> bool:
        """The content a reporting verb at ci frames is a past act without a cue of its own."""
        for f in frames.frames(toks):
            if f.verb != ci:
                continue
            a, b = f.content
            p = predicate.read(toks, a, b)
            return p is not None and p.past and not (p.modality & predicate.FUTURE) and not cue_hits(toks[a:b + 1])
        return False

    def _announced(self, u) -> str | None:
        """The cue of an announcement of a list ("다음과 같이 합의하였다") that heads the items this
        unit may belong to: the last one within the preceding units of its section."""
        for k in range(u.index - 1, max(-1, u.index - _ANNOUNCED_REACH), -1):
            v = self.units[k]
            m = _ANNOUNCES_LIST.search(self.text, v.start, v.stop)
            if m:
                return m.group(1)
        return None

    def _coordinated(self, u, bounds, first, hit, pledged):
        """"A를 재개하고, B를 설치하기로 합의했다": a clause joined by -고/-며 to a pledge, with no cue
        of its own, is pledged by the same cue — and so is a chain of them ("A를 늘리고, B를
        구매하며, C를 제공하겠다고 약속했다"). A clause that made a pledge of its own stops the chain;
        one whose cue only modifies a noun ("10월 9일 발표한 조치의 시행을 유예하고") does not."""
        toks = u.tokens
        out = []
        # "기술로 이끌고, 신뢰를 바탕으로 삼아, 공동 성장을 꾀하는 관계를 다짐했다": when the pledge
        # clause opens with a modifier, the clauses before it are that modifier's, not pledges
        # — unless a subject follows that modifier ("A는 X하며, B가 세운 계획은 Y할 것이다"): then the
        # modifier sits inside the pledge clause's own subject and the clause before is coordinated
        e = next((k for k in range(first, hit[0]) if toks[k].tag.startswith("E")), None)
        if e is not None and toks[e].tag == "ETM" and not any(
                t.tag in ("JX", "JKS") and t.form in _SUBJECT_PARTICLES for t in toks[e + 1:hit[0]]):
            return out
        while True:
            k = bounds.index(first - 1) if first - 1 in bounds else -1
            if k < 0:
                return out
            pfirst = bounds[k - 1] + 1 if k > 0 else 0
            plast = first - 1
            while plast > pfirst and toks[plast].tag == "SP":
                plast -= 1
            if (pfirst, first - 1) in pledged or toks[plast].tag != "EC" or toks[plast].form not in _CHAIN_EC:
                return out
            verb = plast - 1
            if verb <= pfirst or toks[verb].tag not in ("XSV", "VV") or toks[verb].form == "되":
                return out
            if not any(t.tag == "JKO" for t in toks[pfirst:verb]):
                return out
            found = self._clause(u, bounds, pfirst, first - 1, (verb, verb, hit[2]))
            if not found:
                return out
            out.extend(found)
            first = pfirst

    # --- one clause ---------------------------------------------------------------------

    def _clause(self, u, bounds, first, last, hit, governed=None):
        """Claims of one clause whose cue is ``hit``; ``governed``: the actors of the pledge a clause
        states a term of (its context and, for want of its own subject, its actors)."""
        toks = u.tokens
        ci, pi, cue = hit
        self.parties = list(self.summit.parties_at(toks[ci].start))
        if self._term and not self.parties:
            self.parties = list(self._term_parties)     # an agreement of no summit: its signatories
        strong = cue in STRONG_CUES or ENGLISH_CUE.match(cue) is not None or is_decision(cue) or is_idiom(cue)
        if not strong and cue in WEAK_CUES:
            # "협력을 넓혀 가겠다는 의지를 확인했다": a weak cue over a party's stated will is a pledge
            strong = any(is_decision(h[2]) and not h[2].endswith("기로") for h in cue_hits(toks[first:ci]))
        strong = strong or self._term is not None       # the announced agreement pledges it
        tail = toks[pi + 1:last + 1]
        # "…하기로 한 회의를 바탕으로 논의할 예정이다": a cue that modifies a noun is judged up to
        # the next ending ("합의한 바 있다", "발표한 결과에 따르면"); a modality further on is the
        # main clause's, not the cue's
        if tail and tail[0].tag == "ETM" and tail[0].form in _DONE_ETM:
            nxt = next((k for k in range(1, len(tail)) if tail[k].tag.startswith("E")), len(tail) - 1)
            why = tail_modality(tail[:nxt + 1])
        else:
            why = tail_modality(tail)
        if why == "advice" and governed and self._named:
            why = None         # "미국의 방위 공약은 … 긴요하다": a named pledge judged essential stands
        if why and not (why == "ongoing" and strong) and not (self._term and terms.planned(tail)):
            return []
        if any(t.form in HYPOTHETICAL for t in toks[first:ci]):
            return []
        if cue in WEAK_CUES and toks[pi].form == "되" and any(t.tag == "EP" and t.form in ("었", "았", "였")
                                                             for t in tail):
            return []          # "협력을 통해 강화되었다": a passive past describes, it pledges nothing
        if self.analysis and cue in WEAK_CUES and not self._subject(toks, 0, ci, nearest=True):
            return []          # in an analysis a weak cue with no subject is the author's ("…을 제시한다")
        if cue in ACT_CUES and tail and tail[0].tag == "ETM":
            return []          # "동맹국과 체결한 투자 합의": background of a noun
        if cue == "밝히" and self._reports_past_act(toks, ci):
            return []          # "…에 시간을 할애했다고 밝혔다": a reported past act, no pledge
        if cue.endswith("ᆯ 것") and self.analysis and not frames.quote_depths(toks)[ci]:
            return []          # in an analysis, "…할 것이다" is the author's forecast
        # time: the clause's dates, else the sentence's, else the previous sentence's after 그리고
        clause_start, clause_stop = toks[first].start, toks[last].start + toks[last].len
        dates = self._own_dates(toks, clause_start, clause_stop) or self._own_dates(toks, u.start, u.stop)
        prev = self.units[u.index - 1] if u.index > 0 else None
        same_paragraph = prev is not None and prev.paragraph == u.paragraph
        carried = same_paragraph and u.starts_with_carry_over()
        if not dates and carried:
            dates = self._own_dates(prev.tokens, prev.start, prev.stop)
        sd = self.summit.date
        values = [d.value for d in dates]
        held = _HELD.search(self.text, u.start, u.stop) is not None
        # a year that holds the summit ("연내") does not outweigh a later month beside it
        if sd and values and not held and not any((sd.startswith(v) or v.startswith(sd)) and (len(v) >= 7 or len(values) == 1)
                                                  for v in values):
            if any(before(v, sd) for v in values) or any(after(v, sd) for v in values):
                return []
        heads = self._headings_over(u.start)
        context = SUMMIT_CONTEXT.search(self.text, u.start, u.stop) is not None or (
            prev is not None and prev.paragraph == u.paragraph
            and SUMMIT_CONTEXT.search(self.text, prev.start, prev.stop) is not None) or any(
            _OUTCOME_HEADING.search(h[2]) for h in heads)
        context = context or self._term is not None or governed is not None or (
            self._headline and bool(self.parties))
        if not context and not strong:
            return []          # a weak cue needs a summit nearby, whoever the actors (see below)
        # who: the clause's subject, the sentence's, a carried-over one, or the summit's parties;
        # the subject of a passive cue ("...이 재확인되었다") is what was committed to, not who
        passive = toks[pi].form == "되"
        actors = [] if passive else self._subject(toks, first, ci)
        depths = frames.quote_depths(toks)
        if depths[ci] and not passive:
            # a pledge inside a quotation is the quoted subject's ("“그는 …하기로 했다”고 말했다")
            q = max((x for x in range(first, ci) if depths[x] < depths[ci]), default=None)
            inner = self._subject(toks, q + 1, ci) if q is not None else []
            actors = inner or actors
        if not actors and first > 0 and not passive:
            actors = self._subject(toks, 0, first, nearest=True)
        if not actors and same_paragraph and not passive and not held:
            # a sentence without a subject goes on with the previous sentence's ("미국은 … 발표했다.
            # 자동차 관세도 … 내리기로 했다.")
            actors = self._subject(prev.tokens, 0, len(prev.tokens))
        if not actors and not passive:
            actors = self._comma_subject(toks, first, ci, depths)
        if not actors and tail and tail[0].tag == "ETM":
            actors = self._head_actor(tail[1:3])
        if not actors and not passive and heads:
            # "□ 중국의 조치" over items without a subject of their own: the heading names who
            actors = self._actors_in(heads[-1][0], heads[-1][0] + len(heads[-1][2]))
        actors = actors or governed or []
        if is_decision(cue) and not context and not (actors and (not self.parties or set(actors) <= set(self.parties))):
            return []          # "-기로 했다" of anyone but the summit's parties is news, not its pledge
        if not context and not (strong and actors):
            return []
        if not self.parties and not actors:
            return []
        # under "합의 이후 이행 상황" a cue restates a pledge or reports a later act: it may be a
        # mention of a commitment, never a new one
        restated = any(_FOLLOWUP_HEADING.search(h[2]) for h in heads)
        # "…하겠다는 (의지를 확인했다)": the pledge is the content of a noun, most often restated
        embedded = bool(tail) and tail[0].tag == "ETM"
        end = clauses.word_end(self.text, toks[pi].start)
        cue_start = toks[ci - 1].start if cue.startswith("재") and ci else toks[ci].start
        content = self._content_start(toks, first, ci)
        dateline = clauses.DATELINE.match(self.text, toks[content].start) if content < ci else None
        if dateline:
            while content < ci and toks[content].start < dateline.end():
                content += 1
        if cue.startswith("재") and ci and toks[ci - 1].tag == "XPN":
            ci -= 1           # 재/XPN 확인/NNG: the content ends before 재
        gapped = self._gapped(toks, content, ci)
        items = [g[0] for g in gapped] if gapped else self._items(toks, content, ci)
        self.groups += 1
        out = []
        for k, (a, b) in enumerate(items):
            s = toks[a].start
            # a single item runs on to its predicate; listed items stop at their own end
            e = end if len(items) == 1 else toks[b].start + toks[b].len
            if e - s > MAX_CLAIM:
                s = max(s, e - MAX_CLAIM)
            if len(items) > 1:
                keys = keys_from_tokens(toks, self.index, toks[a].start, toks[b].start + toks[b].len,
                                        self.party_forms)
            else:
                # what was pledged: the phrase after the subject, and an object put before the
                # subject ("차기 회의를 일본이 … 개최하기로")
                np = self._np_start(toks, a, ci)
                kept = [toks[i] for i in sorted(self._fronted_objects(toks, a, np))] + toks[np:ci]
                keys = keys_from_tokens(kept, self.index, kept[0].start if kept else cue_start, cue_start,
                                        self.party_forms)
            examples = self._examples(toks, a, ci if len(items) == 1 else b + 1)
            if not any(w >= 1 for w in keys.values()):
                continue
            own = gapped[k][1] if gapped else self._possessive(toks, a, b)
            who = own or actors
            out.append(Claim(start=s, stop=e, cue=cue, actors=who or list(self.parties), explicit=bool(who),
                             keys=keys, source="list" if len(items) > 1 and self._numbered(toks, a) else "prose",
                             head=_head(toks, a, b if len(items) > 1 else ci - 1),
                             group=self.groups, unit=u.index, clause_stop=clause_stop,
                             extra={"restated": restated, "embedded": embedded, "examples": examples}))
        return out

    def _examples(self, toks, a, stop) -> frozenset[str]:
        """Keys of the examples a pledge names on the way to its object ("A를 비롯한 B 구축", "A를
        포함한 B"): a lead that sums up several pledges names one of them so, it does not restate it."""
        out: set[str] = set()
        for k in range(a + 2, stop - 1):
            # Kiwi reads 비롯한 as 비롯/XR 하/XSV ᆫ or as 비롯하/VV ᆫ
            glued = toks[k].form in ("비롯하", "포함하") and toks[k + 1].tag == "ETM"
            split = toks[k].form in ("비롯", "포함") and toks[k + 1].form == "하" and k + 2 < stop \
                and toks[k + 2].tag == "ETM"
            if (glued or split) and toks[k - 1].tag == "JKO":
                j = k - 2
                while j > a and toks[j - 1].tag not in ("JKB", "JKS", "JX", "EC", "ETM", "SP", "JKO"):
                    j -= 1
                out.update(keys_from_tokens(toks[j:k - 1], self.index, toks[j].start, toks[k - 1].start,
                                            self.party_forms))
        return frozenset(out)

    def _own_dates(self, toks, start, stop):
        """Dates in [start, stop) that date the clause itself, not a noun inside it: a date inside
        a modifier ("2019년 단행한 규제를", "2011년 이후 중단되었던 셔틀외교를") tells when that
        thing began, not when the pledge was made — unless the noun is a meeting or statement
        ("2018년 열린 정상회담에서")."""
        out = []
        for d in self.index.dates_within(start, stop):
            if not _time_adverbial(self.text, d):
                continue
            if _NAMED_BY_DATE.match(self.text, d.stop):
                continue           # "2011년 9월 3일 서울 합의서를": the date names a document

            k = next((i for i, t in enumerate(toks) if t.start >= d.stop), None)
            # the date's phrase runs on to an adnominal ending, with no case or comma in between
            while k is not None and k < len(toks) and toks[k].tag not in ("ETM", "EC", "EF", "SF") \
                    and toks[k].tag not in _PHRASE_BREAK and toks[k].form != ",":
                k += 1
            if k is not None and k < len(toks) and toks[k].tag == "ETM":
                head = self.text[toks[k].start:toks[min(k + 4, len(toks) - 1)].start + 8]
                if not _MEETING.search(head):
                    continue
            out.append(d)
        return out

    def _content_start(self, toks, first, ci):
        """First token of the clause worth keeping: past connective adverbs and punctuation."""
        i = first
        while i < ci and (toks[i].tag in ("SP", "SF", "MAJ", "SSC", "EC", "ETM", "NNB", "JC", "JX", "JKB")
                          or toks[i].form in ("뿐", "아니", "만", "그러나", "또한", "그리고")):
            i += 1
        return i

    # --- actors -------------------------------------------------------------------------

    def _subject(self, toks, first, stop, nearest=False) -> list[str]:
        """Countries named by the subject of tokens[first:stop] (before 은/는/이/가).

        The subject may coordinate several parties ("A와 B가", "A 및 B는"); subjects inside a
        quotation speak for the quoted sentence, not for the clause that reports it. ``nearest``:
        the last subject before ``stop`` (an earlier clause's, for a clause without its own)."""
        found: list[str] = []
        depth = 0
        for k in range(first, min(stop, len(toks))):
            t = toks[k]
            if t.tag == "SSO":
                depth += 1
            elif t.tag == "SSC":
                depth = max(0, depth - 1)
            if depth or not (t.tag in ("JX", "JKS") and t.form in _SUBJECT_PARTICLES and k > first):
                continue
            j = k - 1
            if toks[j].tag == "SSC" and toks[j].form == ")":
                # "그(시 주석)는": a pronoun with the person in brackets
                o = next((x for x in range(j - 1, max(first, j - 8) - 1, -1) if toks[x].form == "("), None)
                j = o - 1 if o is not None and o - 1 >= first else j
            while j > first and frames.in_subject(toks, j - 1):
                j -= 1
            span_start, span_stop = toks[j].start, toks[k].start
            isos = self._actors_in(span_start, span_stop) if self._agentive(toks, k - 1) else []
            isos = isos or self._abbreviated(toks, j, k)
            if not isos and (any(x.form in _PARTY_WORDS for x in toks[j:k]) or self._collective(toks, j, k)):
                isos = list(self.parties)
            if isos and not nearest:
                return isos
            found = isos or found
        return found

    def _comma_subject(self, toks, first, ci, depths) -> list[str]:
        """A headline's subject: a party named before a comma that opens the phrase ("日, 옥수수
        수입 확대키로", "한미, 공동 훈련 확대키로"), in the quotation that holds the cue if any."""
        start = first
        if depths[ci]:
            start = max((x for x in range(first, ci) if depths[x] < depths[ci]), default=first - 1) + 1
        for k in range(start, min(ci, start + 3)):
            if toks[k].tag == "SP" and toks[k].form == ",":
                return self._actors_in(toks[start].start, toks[k].start) if k > start else []
        return []

    def _agentive(self, toks, h) -> bool:
        """Whether the head noun of a subject (token h) can act: a named country, person or group,
        or a role ("정부", "대통령", "정상"). "북한 비핵화는" names a country but is a thing."""
        if toks[h].tag == "SSC" and h > 0:
            h -= 1                      # "그(시 주석)는": the bracketed person
        t = toks[h]
        if t.form in _ROLES or t.tag == "NNB" or (t.tag == "NNG" and t.form.endswith(_ROLE_SUFFIXES)):
            return True
        return any(s <= t.start and t.start + t.len <= e for s, e, *_ in self.index.within(t.start, t.start + t.len))

    def _abbreviated(self, toks, j, k) -> list[str]:
        """"남과 북은", "한·미는": coordinated one-syllable short names of the parties."""
        conj = frames.subjects(toks, j, k + 1)
        if not conj or len(conj[-1].conjuncts) < 2:
            return []
        abbr = lexicon.load("korean")["abbreviations"]
        isos = [abbr.get("".join(x.form for x in toks[a:b + 1])) for a, b in conj[-1].conjuncts]
        if None in isos or not set(isos) <= set(self.parties):
            return []
        return list(dict.fromkeys(isos))

    def _collective(self, toks, j, k) -> bool:
        """A subject that names a multilateral meeting's members as one ("동맹국들은", "3국은",
        "G7은"): it stands for all the parties."""
        if len(self.parties) < 3:
            return False
        return any(x.form in _COLLECTIVE_WORDS for x in toks[j:k]) or \
            FORUM.search(self.text, toks[j].start, toks[k].start) is not None

    def _fronted_objects(self, toks, a, stop) -> set[int]:
        """Indices of object phrases ("…를") standing before the subject, in [a, stop)."""
        out: set[int] = set()
        for k in range(a, stop):
            if toks[k].tag == "JKO":
                j = k - 1
                while j > a and frames.in_subject(toks, j - 1):
                    j -= 1
                out.update(range(j, k))
        return out

    def _headings_over(self, pos: int) -> list[tuple]:
        """The headings a position lies under, outermost first (the last one of each level)."""
        if self._outline is None:
            # the stack of open headings after each heading, computed once
            self._outline, stack = [], {}
            for h in self.headings:
                stack = {lv: x for lv, x in stack.items() if lv < h[1]}
                stack[h[1]] = h
                self._outline.append([stack[lv] for lv in sorted(stack)])
        k = bisect.bisect_right(self._starts, pos) - 1
        return list(self._outline[k]) if k >= 0 else []

    def _actors_in(self, start: int, stop: int) -> list[str]:
        """Countries named in a subject, but not as an origin: "미국산 대두는" is the soybeans. A
        Korean writer's "우리 정부" is Korea's, and so is "대통령실" when no country is named."""
        out: list[str] = []
        home = _HOME.get(" ".join(self.text[start:stop].split()))
        if home:
            return [home]
        for s, e, kind, value in self.index.within(start, stop):
            if self.text.startswith("산", e):
                continue
            if kind in ("COUNTRY", "PERSON") and isinstance(value, str):
                out.append(value)
            elif kind == "GROUP":
                out.extend(value)
        if not out:
            span = self.text[start:stop]
            out = [iso for office, iso in _OFFICES.items() if office in span][:1]
        return list(dict.fromkeys(out))

    def _head_actor(self, toks) -> list[str]:
        if not toks:
            return []
        return self.index.countries(toks[0].start, toks[-1].start + toks[-1].len)

    def _possessive(self, toks, a, b) -> list[str]:
        """'일본의 대미투자': a party in the possessive at an item's start is its actor."""
        for k in range(a, min(b + 1, a + 4)):
            if toks[k].tag == "JKG":
                isos = self.index.countries(toks[a].start, toks[k].start)
                return [i for i in isos if i in self.parties] if self.parties else isos
        return []


def _time_adverbial(text: str, d) -> bool:
    """Whether a date says when the clause happened: "2030년까지" is a deadline, "11월 1일부터" the
    start of the pledged measure and "2025~2026년을 … 지정" its object — none dates the pledge."""
    if (d.text or "").endswith(("까지", "부터")):
        return False
    return _NOT_WHEN.match(text, d.stop) is None


def _head(toks, a, b) -> str | None:
    from .claimkeys import stem

    for t in reversed(toks[a:b + 1]):
        if t.tag in ("NNG", "NNP") and t.form not in GENERIC_NOUNS and t.form not in PROSE_CUES:
            return stem(t.form)
    return None
