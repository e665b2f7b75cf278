"""English commitments: pledge and future clauses, their subjects, speakers, and what is not one."""
from __future__ import annotations

import datetime as dt
import re

from summitwatch.extract.claims import commitments
from summitwatch.extract.time import dates
from summitwatch.model.facts import Entity, Mention
from summitwatch.pipeline import analyze_text

REF = dt.date(2025, 7, 1)

STATEMENT = """Japan-US summit outcome

Ishiba of Japan and Donald Trump of the United States held a summit in Osaka on June 3, 2025. \
Both leaders agreed to launch a working group on shipbuilding. Japan will buy more American \
liquefied gas over five years, which will lower its trade surplus. Ishiba pledged to raise aid \
to Pacific islands and restated his backing for open sea lanes. The tariff cut will be in force \
from August, Japan's trade ministry said. You will see results soon, Trump said. Governments \
must protect shipping.
"""


NAMES = [("Japan", "COUNTRY", "JP", None), ("United States", "COUNTRY", "US", None),
         ("Donald Trump", "PERSON", None, "US"), ("Ishiba", "PERSON", None, "JP")]


def _context(text, ref):
    """Dates from the dates extractor; countries and people written by hand (English names)."""
    ctx = analyze_text(text, reference_date=ref, structure_only=True)
    body = ctx.text.text
    ctx.facts["dates"] = dates.extract(ctx)
    ents = []
    for name, typ, iso, country in NAMES:
        short = name.split()[-1]
        e = Entity(name=name, type=typ, iso=iso, country=country) if country else Entity(name=name, type=typ, iso=iso)
        e.mentions = [Mention(text=m.group(0), raw_offset=m.start(), start=m.start(), stop=m.end())
                      for m in re.finditer(re.escape(short) + r"(?!ese)", body)]
        ents.append(e)
    ctx.facts["entities"] = ents
    ctx.facts["groups"] = []
    return ctx


def _by_word(found, word):
    return [c for c in found if word in c.text]


def test_pledges_en_agreement_of_the_two_leaders_gets_both_parties():
    (c,) = _by_word(commitments.extract(_context(STATEMENT, ref=REF)), "working group")
    assert set(c.actors) == {"US", "JP"} and c.text.startswith("Both leaders agreed")


def test_pledges_en_future_clause_of_a_country():
    (c,) = _by_word(commitments.extract(_context(STATEMENT, ref=REF)), "liquefied gas")
    assert c.actors == ["JP"] and "which will lower" not in c.text


def test_pledges_en_one_commitment_per_act():
    found = commitments.extract(_context(STATEMENT, ref=REF))
    assert len(_by_word(found, "Pacific islands")) == 1 and len(_by_word(found, "sea lanes")) == 1
    assert _by_word(found, "sea lanes")[0].actors == ["JP"]


def test_pledges_en_impersonal_future_goes_to_the_speaker():
    (c,) = _by_word(commitments.extract(_context(STATEMENT, ref=REF)), "tariff cut")
    assert c.actors == ["JP"]


def test_pledges_en_not_the_audience_nor_advice():
    found = commitments.extract(_context(STATEMENT, ref=REF))
    assert not _by_word(found, "see results") and not _by_word(found, "protect shipping")


FOLLOW = """Japan-US summit outcome

Ishiba of Japan and Donald Trump of the United States held a summit in Osaka on June 3, 2025. \
Ishiba, new to the post, spent the talks on the fisheries file. \
She pledged to widen port cooperation. Earlier, Tokyo pledged $75 billion as credit for the U.S. grid.
"""


def test_pledges_en_pronoun_is_the_person_the_previous_sentence_opens_with():
    ctx = _context(FOLLOW, ref=REF)
    (c,) = _by_word(commitments.extract(ctx), "port cooperation")
    assert c.actors == ["JP"]


def test_pledges_en_capital_as_subject_stands_for_its_government():
    (c,) = _by_word(commitments.extract(_context(FOLLOW, ref=REF)), "$75 billion")
    assert c.actors == ["JP"]


CONJUNCTS = """Japan-US summit outcome

Ishiba of Japan and Donald Trump of the United States held a summit in Osaka on June 3, 2025. \
Washington and Japan signed a memorandum on port security. Japan's envoy in Washington pledged \
new funds for undersea cables.
"""


def test_pledges_en_capital_conjunct_of_a_subject_is_a_party_too():
    found = commitments.extract(_context(CONJUNCTS, ref=REF))
    (c,) = _by_word(found, "port security")
    assert set(c.actors) == {"US", "JP"} and c.cue == "signed (agree)"
    (d,) = _by_word(found, "undersea cables")        # a place inside the subject names no party
    assert d.actors == ["JP"]


BULLETS = """Japan-US summit outcome

Ishiba of Japan and Donald Trump of the United States held a summit in Osaka on June 3, 2025. \
Both leaders agreed on a new package for ports, which builds on earlier work.

  • The package covers $4 billion for dredging at three harbours.

  • It also sets up a joint fund for crane replacement.

Trade officials met again in Kobe later.

  • Attendance was high among regional firms.
"""


def test_pledges_en_bullets_after_a_pledge_are_its_items():
    found = commitments.extract(_context(BULLETS, ref=REF))
    (a,) = _by_word(found, "dredging")
    (b,) = _by_word(found, "crane replacement")
    assert a.actors == b.actors and set(a.actors) == {"US", "JP"}
    assert a.cue == b.cue == "agreed"
    assert a.text.startswith("The package covers") and b.id != a.id
    # a list after a sentence that pledges nothing is no pledge
    assert not _by_word(found, "Attendance")
