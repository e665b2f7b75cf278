"""Findings: the author's explanatory claims, written as an enumeration — "(1) … (2) …",
"첫째, … 둘째, …", "1) … 2) …", "① … ②" — inside an explanatory passage ("…한 이유로",
"요인은", "특징은", "주목해야 할 점은"). Enumerations that prescribe (…해야 한다) are
recommendations (see recommendations.py, which shares the scanner below).

The same findings are often stated twice (summary and body): a block that repeats an earlier
one is dropped, so each finding is numbered once.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model.facts import Point

NAME = "findings"
REQUIRES = ()

MAX_TEXT = 600

_ORDINALS = {"첫": 1, "둘": 2, "두": 2, "셋": 3, "세": 3, "넷": 4, "네": 4, "다섯": 5, "여섯": 6,
             "일곱": 7, "여덟": 8, "아홉": 9, "열": 10}
# Marker styles; each gives the item number. "두 번째" needs a comma or 로 ("두 번째 회담" is no marker).
_MARKERS = (
    ("ordinal", re.compile(r"(?<![가-힣])(첫|둘|셋|넷|다섯|여섯|일곱|여덟|아홉|열)째(?:로)?(?=[\s,])\s*,?")),
    ("ordinal", re.compile(r"(?<![가-힣])(첫|두|세|네|다섯|여섯|일곱|여덟|아홉|열)\s*번째(?:로\s*,?|\s*,)")),
    ("paren", re.compile(r"(?<![\w.])\((\d{1,2})\)\s*")),
    ("half", re.compile(r"(?<![\w.(])(\d{1,2})\)\s+")),
    ("circled", re.compile(r"([①-⑩])\s*")),
)
_LEAD_IN = re.compile(r"(?:그리고|마지막으로|끝으로|또한|및)\s*$")
SENTENCE_END = re.compile(r"(?<=[가-힣)”’\"'])[.?!](?=\s|$)|\n")
_EXPLAIN = re.compile(r"이유|요인|특징|주목해야\s*할|주목할\s*(?:만한\s*)?점|배경|원인|까닭|교훈|시사하는\s*바|"
                      r"눈여겨|특기할|가지\s*(?:점|측면)|의미는")
PRESCRIPTIVE = re.compile(r"[가-힣]야\s*(?:한다|하며|하고|할\s*것|하겠|함|만\s*한다)|"
                          r"필요가\s*있|필요하다|필요성이\s*있|바람직|모색해야|강화해야|마련해야|추진해야|"
                          r"제안한다|제언한다|권고한다|안\s*될\s*것|않아야|말아야|할\s*때이다|요구된다|"
                          r"should|must|need\s+to", re.I)


@dataclass
class Item:
    n: int
    marker_start: int
    start: int                 # after the marker
    stop: int                  # where the next item (or the block) begins
    sentence_initial: bool
    head: tuple[int, int] = (0, 0)     # the item's own claim: its text or its first sentence


@dataclass
class Block:
    style: str
    items: list[Item] = field(default_factory=list)
    intro: str = ""             # the text leading into the first item

    @property
    def inline(self) -> bool:
        return not self.items[0].sentence_initial


def _number(style: str, m: re.Match) -> int:
    g = m.group(1)
    if style == "ordinal":
        return _ORDINALS[g]
    if style == "circled":
        return ord(g) - ord("①") + 1
    return int(g)


def _sentence_start(text: str, lo: int, pos: int) -> int:
    start = lo
    for m in SENTENCE_END.finditer(text, lo, pos):
        start = m.end()
    return start


def sentence_stop(text: str, pos: int, hi: int) -> int:
    m = SENTENCE_END.search(text, pos, hi)
    return m.end() if m else hi


def _paragraph(text: str, pos: int, hi: int) -> tuple[int, int]:
    a = text.rfind("\n\n", 0, pos)
    z = text.find("\n\n", pos, hi)
    return (a + 2 if a >= 0 else 0), (z if z >= 0 else hi)


def _heading_starts(ctx) -> list[int]:
    return sorted(h.start for h in getattr(ctx.structure, "headings", []) or [])


def find_blocks(ctx) -> list[Block]:
    """Numbered enumerations (at least two items, numbered 1, 2, … without gaps) in the body."""
    text, hi = ctx.text.text, ctx.body_end
    heads = _heading_starts(ctx)
    marks = []
    for style, rx in _MARKERS:
        for m in rx.finditer(text, 0, hi):
            marks.append((m.start(), m.end(), style, _number(style, m)))
    marks.sort()
    blocks: list[Block] = []
    open_: dict[str, list] = {}
    for a, z, style, n in marks:
        run = open_.get(style)
        if run and n == run[-1][3] + 1 and _joinable(text, run[-1], a, heads):
            run.append((a, z, style, n))
            continue
        if run and len(run) >= 2:
            blocks.append(_block(text, hi, run, heads))
        open_[style] = [(a, z, style, n)] if n == 1 else []
    for run in open_.values():
        if len(run) >= 2:
            blocks.append(_block(text, hi, run, heads))
    blocks.sort(key=lambda b: b.items[0].marker_start)
    return blocks


def _joinable(text: str, prev, a: int, heads: list[int]) -> bool:
    """Consecutive markers belong together unless a heading or a long stretch lies between."""
    if a - prev[1] > 4000:
        return False
    return not any(prev[1] < h < a for h in heads)


def _is_sentence_initial(text: str, lo: int, a: int) -> bool:
    s = _sentence_start(text, lo, a)
    lead = text[s:a].strip()
    return not lead or _LEAD_IN.search(lead) is not None and len(lead) <= 6


def _block(text: str, hi: int, run, heads: list[int]) -> Block:
    first = run[0][0]
    para_a, _ = _paragraph(text, first, hi)
    block = Block(style=run[0][2])
    for k, (a, z, _, n) in enumerate(run):
        initial = _is_sentence_initial(text, para_a if k == 0 else run[k - 1][1], a)
        if k + 1 < len(run):
            stop = run[k + 1][0]
            # Drop a lead-in word ("그리고") that belongs to the next marker.
            lead = _LEAD_IN.search(text, z, stop)
            stop = lead.start() if lead else stop
        elif initial:
            nxt_head = next((h for h in heads if h > a), hi)
            stop = nxt_head
        else:
            stop = sentence_stop(text, z, hi)
        block.items.append(Item(n, a, z, stop, initial))
    # The last inline item ends with its sentence; a sentence-initial item's claim is its sentence.
    for it in block.items:
        if it.sentence_initial:
            it.head = (it.start, sentence_stop(text, it.start, it.stop))
        else:
            it.head = (it.start, it.stop)
    s0 = _sentence_start(text, para_a, first)
    if block.items[0].sentence_initial:
        # The sentence before the first item, in this paragraph or at the end of the one before.
        q = s0 if s0 > para_a else para_a
        while q > 0 and text[q - 1] in " \n.?!":
            q -= 1
        block.intro = text[_sentence_start(text, max(0, q - 400), q):first]
    else:
        block.intro = text[s0:first]
    return block


def clean(text: str) -> str:
    """An item's text without its trailing joiners."""
    t = text.strip()
    t = re.sub(r"(?:[,，、]\s*)?(?:그리고|및|또한)?\s*$", "", t).strip()
    t = t.rstrip(",，、 ")
    if len(t) > MAX_TEXT:
        cut = SENTENCE_END.search(t, 0, MAX_TEXT)
        t = t[:cut.end()] if cut else t[:MAX_TEXT]
    return t


def _bigrams(s: str) -> set[str]:
    s = re.sub(r"[^가-힣A-Za-z0-9]", "", s)
    return {s[i:i + 2] for i in range(len(s) - 1)}


def similar(a: str, b: str) -> bool:
    x, y = _bigrams(a), _bigrams(b)
    return bool(x and y) and len(x & y) >= 0.5 * min(len(x), len(y))


def repeats(text: str, block: Block, earlier: Block) -> bool:
    """A block restating an earlier one: same count, most items alike."""
    if len(block.items) != len(earlier.items):
        return False
    alike = sum(similar(text[slice(*a.head)], text[slice(*b.head)]) for a, b in zip(block.items, earlier.items))
    return alike * 2 > len(block.items)


def prescriptive_share(text: str, block: Block) -> float:
    if block.inline:
        last = block.items[-1]
        return 1.0 if PRESCRIPTIVE.search(text[last.start:last.stop]) else 0.0
    heads = [text[slice(*it.head)] for it in block.items]
    return sum(1 for h in heads if PRESCRIPTIVE.search(h)) / len(heads)


def is_explanatory(text: str, block: Block) -> bool:
    if not _EXPLAIN.search(block.intro):
        return False
    # An inline list introduced by a reason is a finding even if the sentence ends in "…안 될 것이다".
    return block.inline or prescriptive_share(text, block) < 0.5


def extract(ctx) -> list[Point]:
    text = ctx.text.text
    kept: list[Block] = []
    out: list[Point] = []
    for block in find_blocks(ctx):
        if not is_explanatory(text, block):
            continue
        if any(repeats(text, block, k) for k in kept):
            continue
        kept.append(block)
        base = len(out)
        for it in block.items:
            a, z = it.head
            body = clean(text[a:z])
            if not body:
                continue
            z = a + text[a:z].find(body) + len(body) if body in text[a:z] else z
            a = a + text[a:z].find(body) if body in text[a:z] else a
            out.append(ctx.place(Point(n=base + it.n), a, z))
    return out
