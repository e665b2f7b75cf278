"""Named events as their own kind (type EVENT): a forum's or a place's meeting, games or fair
named by its head word after a forum, a place, a pair of countries, a year or an ordinal —
G20 정상회의, 히로시마 G7 정상회의, 2018 평창 동계올림픽, 제3차 남북정상회담, NATO Summit.
They are kept apart from ``entities`` (whose kinds are persons, countries, places and
organisations): a forum named alone (G20, APEC) stays an organisation there."""
from __future__ import annotations

import re
from bisect import bisect_left

from .. import prefilter
from ...kb.lexicon import EVENT_FORUMS, EVENT_HEADS
from ...model.facts import Entity, Mention

NAME = "named_events"
REQUIRES = ("entities", "groups")

_HEADS = dict(EVENT_HEADS)
_HEAD_RE = re.compile("(" + "|".join(sorted(map(re.escape, _HEADS), key=len, reverse=True)) + ")"
                      r"(?![가-힣])|(" + "|".join(sorted(map(re.escape, _HEADS), key=len, reverse=True)) + ")"
                      r"(?=[은는이가을를의에와과도로])")
_FORUM = "|".join(sorted(map(re.escape, EVENT_FORUMS), key=len, reverse=True))
_FORUM_BEFORE = re.compile(rf"(?<![A-Za-z0-9가-힣])(?:{_FORUM}) ?$")
_YEAR_BEFORE = re.compile(r"(?<!\d)(?:19|20)\d\d년? ?$")
_ORDINAL_BEFORE = re.compile(r"제 ?\d{1,3} ?(?:차|회) ?$")
EN_HEADS = {"Summit": "summit", "summit": "summit", "Ministerial": "meeting", "Olympics": "sports",
            "Olympic Games": "sports", "World Cup": "sports", "Expo": "expo"}
_EN_HEAD_RE = re.compile(r"(?<![A-Za-z])(Olympic Games|World Cup|Ministerial|Olympics|Summit|summit|Expo)(?![A-Za-z])"
                         r"(?: (?:19|20)\d\d)?")
_EN_BEFORE = re.compile(rf"(?<![A-Za-z0-9])(?:the )?(?:{_FORUM}|(?:19|20)\d\d"
                        r"|(?!(?:The|A|An|This|That|Next|Last|Its|Their|Our|His|Her|Each|Every) )[A-Z][a-z]+"
                        r"(?: [A-Z][a-z]+)?) $")
_MAX_PIECES = 3


def _spans_ending(spans, ends, z: int, gap: int) -> int | None:
    """Start of a span that ends at z or z - gap (a space between)."""
    for e in (z, z - gap):
        k = bisect_left(ends, e)
        if k < len(ends) and ends[k] == e:
            return spans[k][0]
    return None


def _named_start(text: str, z: int, spans, ends) -> int | None:
    """Walk back over the pieces that name the event; None when nothing names it."""
    start, pieces = None, 0
    pos = z
    while pieces < _MAX_PIECES:
        window = text[max(0, pos - 16):pos]
        m = _FORUM_BEFORE.search(window) or _YEAR_BEFORE.search(window) or _ORDINAL_BEFORE.search(window)
        if m:
            new = pos - (len(window) - m.start())
        else:
            new = _spans_ending(spans, ends, pos - (1 if text[pos - 1:pos] == " " else 0), 0)
        if new is None or new >= pos:
            break
        start, pos, pieces = new, new, pieces + 1
    return start


def extract(ctx) -> list[Entity]:
    text = ctx.text.text
    # by end, and of spans ending together the longest first (한중일 before 중일), not in set order
    spans = sorted({(m.start, m.stop) for e in ctx.facts.get("entities") or [] for m in e.mentions
                    if e.type in ("LOCATION", "COUNTRY", "ORG")}
                   | {(g.start, g.stop) for g in ctx.facts.get("groups") or []}, key=lambda s: (s[1], s[0]))
    ends = [z for _a, z in spans]
    found: list[tuple[int, int, str]] = []
    for m in prefilter.finditer(_HEAD_RE, text):
        head = m.group(1) or m.group(2)
        a = _named_start(text, m.start(), spans, ends)
        if a is not None:
            found.append((a, m.start() + len(head), _HEADS[head]))
    for m in prefilter.finditer(_EN_HEAD_RE, text):
        b = _EN_BEFORE.search(text, max(0, m.start() - 40), m.start())
        if b:
            a = b.start() + (4 if text.startswith("the ", b.start()) else 0)
            found.append((a, m.end(), EN_HEADS[m.group(1)]))
    by_key: dict[str, Entity] = {}
    for a, z, sub in sorted(found):
        surface = " ".join(text[a:z].split())
        key = surface.replace(" ", "").lower()
        ent = by_key.get(key)
        if ent is None:
            ent = by_key[key] = Entity(name=surface, type="EVENT", subtype=sub)
        ent.mentions.append(Mention(text=text[a:z], raw_offset=ctx.text.raw(a), start=a, stop=z))
    return list(by_key.values())
