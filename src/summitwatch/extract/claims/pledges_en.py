"""Commitments in English prose, from the clause layer's English reading (clauses/english.py).

A clause commits its subject when its verb group pledges or agrees ("pledged to", "agreed on",
"reaffirmed", "decided to", "signed") or puts a party's act in the future ("Canada will fund",
"both presidents shall meet"). The actors are the countries and leaders its subject names; "the two
leaders" are the summit's parties; "he"/"she" the person last named as a subject; a subject that
names no party ("all needed steps would follow") leaves the clause to its speaker ("X
repeated that …", "…, a government spokesman stated"). Not commitments: obligations written by
an author ("should", "must": see findings/recommendations), relative clauses, and clauses whose
subject is neither a party nor said by one.
"""
from __future__ import annotations

import re

from ...clauses import english
from ...clauses.lexicon import load, words
from .claimkeys import keys_from_tokens, person_country
from .summit import before

MAX_CLAIM = 400
_CAPITAL = re.compile(r"\b[A-Z][a-z]+(?: [A-Z][a-z]+)?\b")
_LINK = re.compile(r"(?:[,;]?\s*\b(?:which|and|while|or|but|who|whereas)\b)+\s*$", re.I)
# Subjects that are no party: the reader, the audience, an impersonal "it".
_NOT_A_PARTY = frozenset({"you", "it", "this", "there", "that"})
# A passive or existential verb group: its subject is what is done, not who does it.
_IMPERSONAL = re.compile(r".*\b(?:be|been)\b", re.I)
# Words around a conjunct of a subject: "and Beijing", "Beijing and …", ", Beijing".
_BEFORE_CONJUNCT = re.compile(r"(?:^|\b(?:and|or)\s+|,\s*)$")
_AFTER_CONJUNCT = re.compile(r"\s*(?:,|\b(?:and|or)\b)")
# A bullet or a number that opens a list item.
_BULLET = re.compile(r"[ \t]*(?:[•▪◦‣∙●○■□\-–*]|\(?\d{1,2}[.)])[ \t]+")
_PRONOUN = re.compile(r"^(?:he|she|they|we)$", re.I)


class EnglishReader:
    def __init__(self, ctx, index, summit, party_forms, units, groups_start: int = 0):
        self.ctx, self.index, self.summit, self.party_forms = ctx, index, summit, party_forms
        self.text = ctx.text.text
        self.units = units
        self.groups = groups_start
        self._last_person: list[str] = []
        # name parts of the people the document names, with their countries
        self._surnames = {}
        for e in ctx.facts.get("entities", []) or []:
            iso = person_country(e) if getattr(e, "type", None) == "PERSON" else None
            if iso:
                for part in (e.name or "").split():
                    if part[:1].isupper() and len(part) > 2:
                        self._surnames.setdefault(part, iso)

    def claims(self, make_claim) -> list:
        """Claims of every English unit; ``make_claim`` builds a pledges.Claim from keywords."""
        out = []
        lead = None              # the pledge a list of bullets may spell out, and the unit after it
        for u in self.units:
            if not english.is_english(self.text, u.start, u.stop):
                lead = None
                continue
            own = []
            last_sentence = None
            for a, b in english.sentences(self.text, u.start, u.stop):
                last_sentence = []
                for c in english.read(self.text, a, b):
                    claim = self._claim(u, a, b, c, make_claim)
                    if claim is not None:
                        own.append(claim)
                        last_sentence.append(claim)
                self._note_people(a, b)
            bullet = _BULLET.match(self.text, u.start)
            if bullet and lead is not None and lead[1] == u.index:
                # "reaffirmed the deal." then "• It includes $5 billion for …": each item is a
                # part of what the lead sentence pledged, by its parties, unless it pledges itself
                if not own:
                    item = self._item(u, bullet.end(), lead[0], make_claim)
                    own = [item] if item is not None else []
                lead = (lead[0], u.index + 1)
            else:
                lead = (last_sentence[-1], u.index + 1) if last_sentence else None
            out.extend(own)
        return out

    def _item(self, u, start, lead, make_claim):
        """A bullet item under a pledge: the item's text with the pledge's cue and parties."""
        stop = u.stop
        while stop > start and self.text[stop - 1] in " .;\n":
            stop -= 1
        return self._keyed(u, start, stop, make_claim, cue=lead.cue, actors=list(lead.actors),
                           explicit=lead.explicit, source="list")

    def _keyed(self, u, start, stop, make_claim, **fields):
        """A claim over text[start:stop] (cut to MAX_CLAIM) when its words hold a key."""
        if stop - start > MAX_CLAIM:
            stop = start + MAX_CLAIM
        toks = [t for t in u.tokens if start <= t.start < stop]
        keys = keys_from_tokens(toks, self.index, start, stop, self.party_forms)
        if not any(w >= 1 for w in keys.values()):
            return None
        self.groups += 1
        claim = make_claim(start=start, stop=stop, keys=keys, group=self.groups, unit=u.index, clause_stop=stop,
                           **fields)
        claim.text = self.text[start:stop]
        return claim

    def _note_people(self, a, b) -> None:
        """The person a sentence opens with (its subject), else the first it names: "he"/"she" in
        the next sentences is most often them. A surname alone ("Takaichi, …") is matched against
        the people the document names in full."""
        head = re.match(r"\s*((?:[A-Z][\w'’\-]*\s?){1,3})", self.text[a:b])
        if head:
            for part in head.group(1).split():
                if part in self._surnames:
                    self._last_person = [self._surnames[part]]
                    return
        people = [s[3] for s in self.index.within(a, b) if s[2] == "PERSON" and s[0] >= a]
        if people:
            # a person of unknown country leaves "he"/"she" unresolved rather than someone else's
            self._last_person = [people[0]] if isinstance(people[0], str) else []

    def _claim(self, u, a, b, c, make_claim):
        if "obligation" in c.modality or english.frame_only(self.text, c):
            return None
        parties = list(self.summit.parties_at(c.start))
        subject = self.text[c.subject[0]:c.subject[1]].strip().lower() if c.subject else ""
        if subject.split()[-1:] and subject.split()[-1] in _NOT_A_PARTY:
            return None
        actors = self._actors(c.subject, parties)
        if not actors and c.speaker is not None and (subject in ("i", "we") or _IMPERSONAL.match(c.verb)):
            # "all needed steps would follow", "the credit facility will stay open": the
            # speaker's side commits to it
            actors = self._actors(c.speaker, parties)
        if not actors or self._earlier_act(a, b, c):
            return None
        start = c.subject[0] if c.subject and not c.inherited and c.subject[0] >= a else c.verb_start
        stop = c.stop
        tail = _LINK.search(self.text, start, stop)     # ", which", " and": the next clause's link
        if tail:
            stop = tail.start()
        while stop > start and self.text[stop - 1] in " ,;\"“”'":
            stop -= 1
        return self._keyed(u, start, stop, make_claim, cue=c.verb.lower(), actors=actors, explicit=True,
                           source="prose")

    def _conjunct(self, a, m) -> bool:
        """Whether the capital matched at m is a conjunct of the subject that starts at a."""
        before_ = self.text[a:m.start()].strip()
        if before_:
            return _BEFORE_CONJUNCT.search(before_ + " ") is not None
        return _AFTER_CONJUNCT.match(self.text, m.end()) is not None

    def _earlier_act(self, a, b, c) -> bool:
        """A past act dated before the summit ("in 2023 signed …") is background, not a pledge of it."""
        if not c.past or not self.summit.date:
            return False
        return any(before(d.value, self.summit.date) for d in self.index.dates_within(a, b) if d.start >= a)

    def _actors(self, span, parties) -> list[str]:
        if span is None:
            return []
        a, b = span
        words_ = self.text[a:b].strip().lower()
        out: list[str] = []
        for s, e, kind, value in self.index.within(a, b):
            if s < a or e > b:
                continue
            if kind in ("COUNTRY", "PERSON") and isinstance(value, str):
                out.append(value)
            elif kind == "GROUP":
                out.extend(value)
        # a capital as the subject, or as one of its conjuncts, stands for its government ("Tokyo
        # pledged …", "Ottawa and Mexico agreed …"); elsewhere in the subject it is a place
        capitals = load("english")["capitals"]
        for m in _CAPITAL.finditer(self.text, a, b):
            if m.group(0) in capitals and (not out or self._conjunct(a, m)):
                out.append(capitals[m.group(0)])
        if out:
            return list(dict.fromkeys(out))
        if any(words_.endswith(p) or words_ == p for p in words("english", "party_subjects")):
            return list(parties)
        if _PRONOUN.match(words_):
            return list(parties) if words_ in ("they", "we") else list(self._last_person)
        return []
