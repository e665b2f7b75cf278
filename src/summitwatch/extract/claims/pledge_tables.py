"""Commitment mentions in outcome tables: every cell with a cue in a table of a summit's results
("경제 | 1조 달러 투자 표명"); the row header hints the domain."""
from __future__ import annotations

import itertools
import operator
import re
from functools import lru_cache

from .claimkeys import keys_from_text, keys_from_tokens
from .cues import ENGLISH_CUE, STRONG_CUES, TABLE_CUES
from .pledges import Claim

OUTCOME_CAPTION = re.compile(r"정상\s?회담|정상\s?회의|회담|공동\s?성명|공동\s?선언|합의|성과|결과|주요\s?내용|"
                             r"summit|outcome|agreement|statement|首脳", re.I)
_CUE_RX = re.compile("|".join(sorted(TABLE_CUES, key=len, reverse=True)))
_SUBJECT = re.compile(r"^\s*(\S+?)(?:은|는|이|가|,|:)\s")
_QUOTED = re.compile(r"'[^']*'|‘[^’]*’|\"[^\"]*\"|“[^”]*”|「[^」]*」|『[^』]*』")
# A caption that calls the whole table agreements or pledges: every row is one, cue or not.
_AGREED_CAPTION = re.compile(r"합의|약속|공약|공동\s?성명|공동\s?선언|agreement|commitment|pledge", re.I)
# The cue a caption lends its rows: the pledge word it names ("공동선언의 주요 합의" -> 합의), else
# what a joint statement or declaration does to its contents, agree on them.
_CAPTION_CUE = re.compile(r"합의|약속|공약|agreement|commitment|pledge", re.I)
_POSSESSIVE = re.compile(r"^\s*(\S+?)의\s")


@lru_cache(maxsize=1024)
def _cell_pattern(cell: str) -> re.Pattern | None:
    chars = [re.escape(c) for c in cell if not c.isspace()]
    if not chars:
        return None
    return re.compile(r"\s*".join(chars))


def cell_cue(cell: str) -> str | None:
    """The cue of a cell: a strong cue if there is one, else the last weak cue. A cue word inside
    quotation marks is part of a name ("'워싱턴 선언' 채택"), not the cell's predicate."""
    bare = _QUOTED.sub(lambda m: " " * len(m.group(0)), cell)
    found = [m.group(0) for m in _CUE_RX.finditer(bare)]
    for f in found:
        if f in STRONG_CUES:
            return f
    if found:
        return found[-1]
    m = re.search(r"\b(pledg\w*|commit\w*|agree\w*|reaffirm\w*|announc\w*)", cell, re.I)
    return m.group(1).lower() if m and ENGLISH_CUE.match(m.group(1)) else None


def _caption_cue(caption: str) -> str | None:
    if not _AGREED_CAPTION.search(caption):
        return None
    m = _CAPTION_CUE.search(caption)
    return m.group(0).lower() if m else "합의"


def table_claims(ctx, index, summit, party_forms, group_start: int = 10_000):
    """Claims of outcome tables, and the spans of ctx.text the tables cover."""
    out: list[Claim] = []
    spans = []
    text = ctx.text.text
    tokens: list = []
    starts: list[int] = []
    import bisect

    for n, table in enumerate(getattr(ctx.structure, "tables", []) or []):
        lo, hi = (table.start, table.end) if table.end > table.start else (0, ctx.body_end)
        if table.end > table.start:
            spans.append((table.start, table.end))
        cells = [(row.header, c) for row in table.rows for c in row.cells]
        with_cue = [(h, c, cell_cue(c)) for h, c in cells]
        if not OUTCOME_CAPTION.search(table.caption or "") and \
                sum(1 for *_, cue in with_cue if cue) < max(2, len(cells) // 2):
            continue
        agreed = _caption_cue(table.caption or "")
        cursor = lo
        for header, cell, cue in with_cue:
            if not cue and agreed and _has_content(cell):
                cue = agreed
            if not cue:
                continue
            start = stop = -1
            rx = _cell_pattern(cell)
            m = rx.search(text, cursor, hi) if rx else None
            if m:
                start, stop = m.start(), m.end()
                cursor = stop
                if not tokens:          # all tokens by position, gathered for the first cell found
                    tokens = list(itertools.chain.from_iterable(s.tokens for s in ctx.sentences))
                    starts = list(map(operator.attrgetter("start"), tokens))
                a, b = bisect.bisect_left(starts, start), bisect.bisect_left(starts, stop)
                keys = keys_from_tokens(tokens[a:b], index, start, stop, party_forms)
            else:
                keys = keys_from_text(cell, index, -1, party_forms)
            actors = _cell_actors(cell, start, index, summit)
            head = _head(tokens[a:b] if m else [], cue)
            out.append(Claim(start=start if start >= 0 else lo, stop=stop if stop >= 0 else lo,
                             cue=cue, actors=actors or list(summit.parties), explicit=bool(actors),
                             keys=keys, source="table", group=group_start + n, header=header,
                             text=" ".join(cell.split()), head=head))
    return out, spans


def _cell_actors(cell: str, start: int, index, summit) -> list[str]:
    """Countries a cell names as its subject ("미국은 ...") or owner ("일본의 LNG ...")."""
    if start < 0:
        return []
    for rx in (_SUBJECT, _POSSESSIVE):
        m = rx.match(cell)
        if m:
            isos = index.countries(start, start + len(m.group(1)))
            if rx is _POSSESSIVE and summit.parties:
                isos = [i for i in isos if i in summit.parties]
            if isos:
                return isos
    return []


def _has_content(cell: str) -> bool:
    return len(re.findall(r"[가-힣A-Za-z]{2,}", cell)) >= 2


def _head(tokens, cue: str) -> str | None:
    """The last content noun before the cell's cue ("1조 달러 투자 표명" -> 투자)."""
    from .claimkeys import stem
    from .cues import GENERIC_NOUNS

    head = None
    for t in tokens:
        if t.form in cue or cue.endswith(t.form):
            if head:
                return head
        elif t.tag in ("NNG", "NNP") and t.form not in GENERIC_NOUNS:
            head = stem(t.form)
    return head
