"""Entities: every KB name found in the text, plus proper nouns the KB does not know, typed
from the title or suffix next to them. Mentions of one real entity become one Entity."""
from __future__ import annotations

import re
from bisect import bisect_left, insort
from collections import Counter

from .. import prefilter
from ...kb import load_kb, norm_alias
from ...kb.matcher import AliasMatcher, Compact, compact_key, kb_matcher
from ...model.facts import Entity, Mention
from .cue_spans import Found, Intervals
from .entity_cues import find_institutions, find_orgs_and_places, find_outlets, find_pollsters, swallowed_matches
from .person_cues import find_named_persons, find_persons
from .english_cues import find_english
from .groups import group_units
from .short_forms import add_short_forms, merge_org_short_forms

NAME = "entities"
REQUIRES = ()
MAX_ALIASES = 30


def _mention(ctx, a: int, z: int) -> Mention:
    return Mention(text=ctx.text.text[a:z], raw_offset=ctx.text.raw(a), start=a, stop=z)


def _aliases(name: str, surface: list[str], known: list[str]) -> list[str]:
    """Forms seen in the text first, then the KB's (Korean, native script, English)."""
    seen, out = {norm_alias(name)}, []
    for a in [*surface, *known]:
        k = norm_alias(a)
        if k and k not in seen:
            seen.add(k)
            out.append(a)
    return out[:MAX_ALIASES]


def _group_member_hits(text: str, kb, named: set[str]) -> list[tuple[int, int, str]]:
    """Each member of a group abbreviation (미·일·인·호) is a mention of its country when the
    document names that country elsewhere: an abbreviation alone (the 일 of 한미일, however
    often repeated) speaks of the group, and does not make Japan an entity of the document."""
    units = [(a, z, f"country:{iso}") for a, z, iso in group_units(text) if kb.country(iso)]
    return [u for u in units if u[2] in named]


# "남과 북은": the two Koreas, each named by one syllable, coordinated.
_SOUTH_AND_NORTH = re.compile(r"(?<![가-힣])(남)[과와] (북)(?=[은는이과의도을측]|\s)")


def _two_koreas(text: str) -> list[tuple[int, int, str]]:
    out = []
    for m in prefilter.finditer(_SOUTH_AND_NORTH, text):
        out += [(m.start(1), m.end(1), "country:KR"), (m.start(2), m.end(2), "country:KP")]
    return out


def _country_prefix_hits(text: str, hits, kb) -> list[tuple[int, int, str]]:
    """A body named with its country in front (미국 국무부, 일본 외무성) mentions that country."""
    out = []
    for start, stop, entry_id in hits:
        e = kb.get(entry_id)
        country = kb.country(e.country) if e.type == "ORG" and e.country else None
        if country is None:
            continue
        surface = text[start:stop]
        for n in (country.name, *country.aliases):
            # written apart only: a country name glued to a word is part of another name (a company's, say)
            if surface.startswith(n + " ") and "\uac00" <= n[0] <= "\ud7a3":
                out.append((start, start + len(n), country.id))
                break
    return out


_LATIN = re.compile(r"[A-Za-z][A-Za-z0-9 .,'’&\-]*")
# A place name that starts the name of a document: "… 선언", "… 공동성명".
_NAMED_DOCUMENT = re.compile(r"\s?(?:공동\s?)?(?:선언|성명|합의문|협정|조약|의정서)(?![가-힣]*(?:장|지))")


def _known_entities(ctx, matches, kb) -> tuple[list[Entity], list[tuple[int, int, str]]]:
    by_id: dict[str, Entity] = {}
    covered = []
    hits = [(m.start, m.stop, m.ids[0]) for m in matches]
    text = ctx.text.text
    hits += _country_prefix_hits(text, hits, kb) + _two_koreas(text)
    hits += _group_member_hits(text, kb, {h[2] for h in hits})
    for start, stop, entry_id in sorted(hits):
        e = kb.get(entry_id)
        if e.type == "LOCATION" and _NAMED_DOCUMENT.match(text, stop):
            continue                    # 워싱턴 선언 names a document, not the city
        covered.append((start, stop, e.type))
        ent = by_id.get(e.id)
        if ent is None:
            ent = by_id[e.id] = Entity(name=e.name, type=e.type, iso=e.iso, subtype=e.subtype, kb_id=e.id)
            if e.country and e.type != "COUNTRY":
                ent.country = e.country
            if e.ambiguous:
                ent.ambiguous = True
        ent.mentions.append(_mention(ctx, start, stop))
    for ent in by_id.values():
        e = kb.get(ent.kb_id)
        surface = [x.text for x in ent.mentions if len(x.text) > 1]    # not the 미 of 한미일
        latin = [x for x in surface if _LATIN.fullmatch(x)]
        if latin and ent.name not in surface and len(latin) * 2 > len(surface):
            # an English text names Beijing, not 베이징: the name as written leads, the KB's follows
            name = Counter(latin).most_common(1)[0][0]
            if name.isupper():                  # a dateline's GYEONGJU is the KB's Gyeongju
                name = next((a for a in e.aliases if a.lower() == name.lower() and not a.isupper()), name)
            ent.name = name
            surface = [e.name, *surface]
        ent.aliases = _aliases(ent.name, surface, e.aliases)
    return list(by_id.values()), covered


def _unknown_entities(ctx, found: list[Found], covered, compact: Compact) -> list[Entity]:
    """Group cue finds by name, then find every other mention of each (also a person's
    family name alone after the full name was introduced)."""
    by_name: dict[str, tuple[Found, Entity]] = {}
    short = {norm_alias(x) for f in found for x in f.short_forms}
    # full names first, so that 사토 (대사) joins 사토 겐이치 rather than standing alone
    for f in sorted(found, key=lambda f: -len(f.short_forms)):
        key = norm_alias(f.name)
        if key in short and not f.short_forms:
            continue
        if key not in by_name:
            by_name[key] = (f, Entity(name=f.name, type=f.type, subtype=f.subtype,
                                      aliases=list(f.short_forms)))
    names: dict[str, tuple[str, ...]] = {}
    for key, (f, ent) in by_name.items():
        for n in [f.name, *f.short_forms]:
            k = compact_key(n)
            if len(k) >= 2 and k not in names:
                names[k] = (key,)
    if not names:
        return []
    text = ctx.text.text
    # the matches of one scan never overlap one another, so only the KB names can take a place
    taken = Intervals((a, z) for a, z, _ in covered)
    for m in AliasMatcher(names).scan(text, compact):
        if taken.overlaps(m.start, m.stop):
            continue
        by_name[m.ids[0]][1].mentions.append(_mention(ctx, m.start, m.stop))
    return [ent for _, ent in by_name.values() if ent.mentions]


def _drop_overlaps(found: list[Found]) -> list[Found]:
    """Finds in order of trust; a later find overlapping an earlier one is dropped."""
    kept: list[Found] = []
    # the kept spans never overlap, so sorted by start their ends rise too: only the last
    # kept span starting before f ends can reach into f
    spans: list[tuple[int, int]] = []
    for f in found:
        k = bisect_left(spans, (f.stop, -1)) - 1
        if k < 0 or spans[k][1] <= f.start:
            kept.append(f)
            insort(spans, (f.start, f.stop))
    return kept


def extract(ctx) -> list[Entity]:
    kb = load_kb()
    text = ctx.text.text
    compact = Compact(text)
    matches = kb_matcher(kb).scan(text, compact)
    sentences = ctx.sentences
    inside = swallowed_matches(sentences, matches, [kb.get(m.ids[0]).type for m in matches])
    matches = [m for n, m in enumerate(matches) if n not in inside]
    # an institution named after a place or country (동북아정책연구원) holds that name
    institutions = find_institutions(text, sentences, [(m.start, m.stop, kb.get(m.ids[0]).type)
                                                       for m in matches])
    holders = Intervals((f.start, f.stop) for f in institutions)
    matches = [m for m in matches if not holders.holds_longer(m.start, m.stop)]
    known, covered = _known_entities(ctx, matches, kb)
    found = find_named_persons(text, sentences, covered)
    found += institutions + find_outlets(text, covered)
    found += find_pollsters(text, sentences, covered + [(f.start, f.stop, f.type) for f in found])
    found += find_persons(text, sentences, covered)
    found += find_english(text, covered + [(f.start, f.stop, f.type) for f in found])
    found = _drop_overlaps(found)
    found += find_orgs_and_places(text, sentences, covered + [(f.start, f.stop, f.type) for f in found])
    entities = known + _unknown_entities(ctx, found, covered, compact)
    add_short_forms(ctx, entities, kb)
    entities = merge_org_short_forms(entities)
    _mark_venues(text, entities)
    return entities


# 청와대에서 만났다, 백악관에 도착했다: the body's seat used as the place where things happen.
_AT_PLACE = re.compile(r"\s?(?:에서|에 도착|에 들어|로 초청|으로 초청|경내|앞에서|안에서)")


def _mark_venues(text: str, entities: list[Entity]) -> None:
    """An organisation whose name the text uses as a place keeps its kind (ORG) and says so:
    ``venue_mentions`` holds the indexes of those mentions in ``mentions``."""
    for e in entities:
        if e.type == "ORG" and e.subtype in ("government", "office", None):
            at = [k for k, m in enumerate(e.mentions) if _AT_PLACE.match(text, m.stop)]
            if at:
                e.venue_mentions = at
