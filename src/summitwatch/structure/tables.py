"""Tables the format stores, handed over by the reader as layout hints (raw spans of every cell).

Structure recovery takes such a table as it is instead of guessing one from the text: the hint
is moved onto the normalised text, its lines become one table segment, and tables nested in a
cell are exported as tables of their own that name the table holding them.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from ..model.document import Document
from .lines import Line
from .patterns import bullet_of, is_bracket_caption


@dataclass(slots=True)
class Hint:
    """A table hint on the normalised text (offsets into ``doc.text.text``)."""
    start: int
    end: int
    rows: list[list[tuple[int, int]]]
    caption: tuple[int, int] | None
    source: tuple[int, int] | None
    header_rows: int
    children: list["Hint"] = field(default_factory=list)   # tables nested in its cells


def normalised_hints(doc: Document) -> list[Hint]:
    """The top-level table hints of a document, with their nested tables as children."""
    layout = doc.layout
    if not layout or not layout.tables:
        return []
    origin = doc.text.origin
    n = len(doc.text.text)

    def pos(raw: int) -> int:
        return bisect.bisect_left(origin, raw, 0, n)

    def span(sp):
        return (pos(sp[0]), pos(sp[1])) if sp else None

    out: list[Hint] = []
    made: list[Hint] = []
    for h in layout.tables:
        hint = Hint(pos(h.start), pos(h.end), [[span(c) for c in r] for r in h.rows], span(h.caption),
                    span(h.source), h.header_rows)
        made.append(hint)
        if h.parent is None or not 0 <= h.parent < len(made) - 1:
            out.append(hint)
        else:
            made[h.parent].children.append(hint)
    return out


def descendants(h: Hint):
    """Nested tables of ``h``, each after the table holding it, with that table's hint."""
    for c in h.children:
        yield c, h
        yield from descendants(c)


def hinted_lines(lines: list[Line], tables) -> tuple[dict[int, object], set[int]]:
    """(index of a table's first line -> its hint, indexes of all lines inside hinted tables)."""
    starts = [x.start for x in lines]
    first: dict[int, object] = {}
    inside: set[int] = set()
    for h in tables or ():
        k = bisect.bisect_right(starts, h.start) - 1
        if k < 0:
            continue
        first[k] = h
        while k < len(lines) and lines[k].start < h.end:
            inside.add(k)
            k += 1
    return first, inside


def rows_follow(body: list[Line], i: int) -> bool:
    """A bracketed title ("< 국가별 동향 >") followed by table rows: a label and "- " cells."""
    if not is_bracket_caption(body[i].stripped):
        return False
    nxt = [x.stripped for x in body[i + 1:i + 4]]
    return len(nxt) >= 2 and not bullet_of(nxt[0]) and sum(x.startswith("- ") for x in nxt[1:]) >= 1
