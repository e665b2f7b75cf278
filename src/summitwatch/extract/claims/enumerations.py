"""The enumeration scanner shared by findings and recommendations.

An enumeration is a run of at least two items numbered 1, 2, … without gaps, in one of these
styles: "첫째, … 둘째, …", "첫 번째로 …", "(1) … (2) …", "1) … 2) …", "① … ②", or sequence words
"우선, … 다음으로, … 마지막으로, …" (also 먼저 / 끝으로, and 또한 / 아울러 when they open a
paragraph). Items may sit inline in one sentence or each open its own sentence, paragraph or list
item; a sentence-initial item's claim is its first sentence.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

MAX_TEXT = 600

_ORDINALS = {"첫": 1, "둘": 2, "두": 2, "셋": 3, "세": 3, "넷": 4, "네": 4, "다섯": 5, "여섯": 6,
             "일곱": 7, "여덟": 8, "아홉": 9, "열": 10}
# Marker styles; each gives the item number. "두 번째" needs a comma or 로 ("두 번째 회담" is no marker).
# (Each pattern opens with what its first character must be, so the regex engine skips ahead
# quickly; the look-behind that follows is the same test as one written before the marker.)
_MARKERS = (
    ("ordinal", re.compile(r"(?=[첫둘셋넷다여일아열])(?<![가-힣])(첫|둘|셋|넷|다섯|여섯|일곱|여덟|아홉|열)째(?:로)?(?=[\s,])\s*,?")),
    ("ordinal", re.compile(r"(?=[첫두세네다여일아열])(?<![가-힣])(첫|두|세|네|다섯|여섯|일곱|여덟|아홉|열)\s*번째(?:로\s*,?|\s*,)")),
    ("paren", re.compile(r"\((?<![\w.]\()(\d{1,2})\)\s*")),             # "(" not after a word or "."
    ("half", re.compile(r"(\d(?<![\w.(]\d)\d?)\)\s+")),                  # a number not after a word, "." or "("
    ("circled", re.compile(r"([①-⑩])\s*")),
)
# Sequence words carry no number: an opener starts the run, the others continue it, a closer ends it.
_OPEN, _NEXT, _WEAK, _LAST = "open", "next", "weak", "last"
_SEQUENCE_WORDS = {"우선": _OPEN, "먼저": _OPEN, "다음으로": _NEXT, "그다음으로": _NEXT, "그 다음으로": _NEXT,
                   "이어서": _NEXT, "또한": _WEAK, "아울러": _WEAK, "나아가": _WEAK, "더불어": _WEAK,
                   "마지막으로": _LAST, "끝으로": _LAST}
# 우선/먼저 and the weak words are ordinary adverbs too: they need a comma to count as a marker
# (an opener may go without one where it opens a paragraph).
_SEQUENCE = re.compile(r"(?<![가-힣])(?:(우선|먼저|또한|아울러|나아가|더불어)\s*,|"
                       r"(다음으로|그\s?다음으로|이어서|마지막으로|끝으로)(?:\s*,)?|(우선|먼저)(?=\s))\s*")
_LEAD_IN = re.compile(r"(?:그리고|마지막으로|끝으로|또한|및)\s*$")
SENTENCE_END = re.compile(r"(?<=[가-힣)”’\"'])[.?!](?=\s|$)|\n")
_SENTENCE_DONE = re.compile(r"[.?!。]\s*$|[가-힣]다\s*$")
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

    def head_texts(self, text: str) -> list[str]:
        return [text[slice(*it.head)] for it in self.items]


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


def _before(text: str, pos: int) -> str:
    """The last non-blank character before pos ("" at the start of the text)."""
    k = pos
    while k > 0 and text[k - 1] in " \t\u3000":
        k -= 1
    return text[k - 1] if k else ""


def at_paragraph_start(text: str, pos: int) -> bool:
    return _before(text, pos) in ("", "\n")


def _at_sentence_start(text: str, pos: int) -> bool:
    return _before(text, pos) in ("", "\n", ".", "?", "!", "。")


def _memo(ctx, name: str, key: tuple, build):
    """A value computed once per document: kept on the context with the objects it was computed
    from, and rebuilt when any of them is replaced."""
    slot = "_enumerations_" + name
    held = getattr(ctx, slot, None)
    if held is not None and len(held[0]) == len(key) and all(
            a is b or (type(a) is int and a == b) for a, b in zip(held[0], key)):
        return held[1]
    value = build()
    try:
        setattr(ctx, slot, (key, value))
    except (AttributeError, TypeError):     # a context that takes no attributes: no memo
        pass
    return value


def _headings(ctx) -> tuple[list, list[int], frozenset[int]]:
    """Headings sorted by start (stable), their starts, and the set of starts."""
    hs = getattr(ctx.structure, "headings", []) or []

    def build():
        ordered = sorted(hs, key=lambda h: h.start)
        starts = [h.start for h in ordered]
        return ordered, starts, frozenset(starts)

    return _memo(ctx, "headings", (ctx.structure, hs, len(hs)), build)


def heading_starts(ctx) -> list[int]:
    return list(_headings(ctx)[1])


def _numbered_marks(text: str, hi: int) -> list[tuple]:
    marks = []
    for style, rx in _MARKERS:
        for m in rx.finditer(text, 0, hi):
            marks.append((m.start(), m.end(), style, _number(style, m)))
    return marks


def _sequence_marks(text: str, hi: int) -> list[tuple]:
    """Sequence words that open a sentence; the weak ones (또한, 아울러) only when they open a paragraph."""
    marks = []
    for m in _SEQUENCE.finditer(text, 0, hi):
        if not _at_sentence_start(text, m.start()):
            continue
        role = _SEQUENCE_WORDS.get(re.sub(r"\s+", " ", m.group(1) or m.group(2) or m.group(3)), _NEXT)
        needs_paragraph = role == _WEAK or m.group(3) is not None
        if needs_paragraph and not at_paragraph_start(text, m.start()):
            continue
        marks.append((m.start(), m.end(), "sequence", role))
    return marks


def find_blocks(ctx) -> list[Block]:
    """Enumerations (at least two items, numbered 1, 2, … without gaps) in the body.
    Findings and recommendations both read them: they are found once per document (the blocks
    are not to be changed by their readers)."""
    text, hi = ctx.text.text, ctx.body_end
    heads = _headings(ctx)[1]

    def build():
        runs = _numbered_runs(text, _numbered_marks(text, hi), heads) + _sequence_runs(
            text, _sequence_marks(text, hi), heads)
        blocks = [_block(text, hi, run, heads) for run in runs]
        blocks.sort(key=lambda b: b.items[0].marker_start)
        return blocks

    return list(_memo(ctx, "blocks", (text, hi, heads), build))


def _numbered_runs(text: str, marks: list[tuple], heads: list[int]) -> list[list[tuple]]:
    marks.sort()
    runs: list[list[tuple]] = []
    open_: dict[str, list] = {}
    for a, z, style, n in marks:
        run = open_.get(style)
        if run and n == run[-1][3] + 1 and _joinable(run[-1], a, heads):
            run.append((a, z, style, n))
            continue
        if run and len(run) >= 2:
            runs.append(run)
        open_[style] = [(a, z, style, n)] if n == 1 else []
    runs.extend(run for run in open_.values() if len(run) >= 2)
    return runs


def _sequence_runs(text: str, marks: list[tuple], heads: list[int]) -> list[list[tuple]]:
    """우선 … 다음으로 … 마지막으로: numbered in order. A run needs a word beyond the opener that
    only enumerations use (다음으로, 마지막으로), so "먼저, … 또한, …" prose is no list."""
    runs: list[list[tuple]] = []
    run: list[tuple] = []
    strong = False

    def close():
        if len(run) >= 2 and strong:
            runs.append(run)

    for a, z, _, role in marks:
        if role == _OPEN:
            close()
            run, strong = [(a, z, "sequence", 1)], False
            continue
        if not run or not _joinable(run[-1], a, heads):
            close()
            run, strong = [], False
            continue
        # A weak word continues a list of paragraphs only; inline items are never weak.
        if role == _WEAK and not at_paragraph_start(text, run[0][0]):
            continue
        run.append((a, z, "sequence", run[-1][3] + 1))
        strong = strong or role in (_NEXT, _LAST)
        if role == _LAST:
            close()
            run, strong = [], False
    close()
    return runs


def _joinable(prev, a: int, heads: list[int]) -> bool:
    """Consecutive markers belong together unless a heading or a long stretch lies between."""
    if a - prev[1] > 4000:
        return False
    # heads are sorted: the first one after the previous marker must not come before a
    k = bisect.bisect_right(heads, prev[1])
    return not (k < len(heads) and heads[k] < a)


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
            k = bisect.bisect_right(heads, a)
            nxt_head = heads[k] if k < len(heads) else hi
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


def heading_before(ctx, pos: int):
    """The nearest heading at or before pos, or None."""
    ordered, starts, _ = _headings(ctx)
    k = bisect.bisect_right(starts, pos)     # the last of equal starts, as in document order
    return ordered[k - 1] if k else None


def items_are_headings(ctx, block: Block) -> bool:
    """Numbered headings ("1) 진전된 분야") are sections, not list items."""
    heads = _headings(ctx)[2]
    return any(it.marker_start in heads for it in block.items)


def items_are_sentences(text: str, block: Block) -> bool:
    return all(_SENTENCE_DONE.search(h) for h in block.head_texts(text))


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
    """Two wordings of one point: they share at least half of the shorter one's character bigrams."""
    x, y = _bigrams(a), _bigrams(b)
    return bool(x and y) and len(x & y) >= 0.5 * min(len(x), len(y))


def repeats(text: str, block: Block, earlier: Block) -> bool:
    """A block restating an earlier one (summary and body): same count, most items alike."""
    if len(block.items) != len(earlier.items):
        return False
    alike = sum(similar(a, b) for a, b in zip(block.head_texts(text), earlier.head_texts(text)))
    return alike * 2 > len(block.items)


def prescriptive_share(text: str, block: Block) -> float:
    if block.inline:
        last = block.items[-1]
        return 1.0 if PRESCRIPTIVE.search(text[last.start:last.stop]) else 0.0
    heads = block.head_texts(text)
    return sum(1 for h in heads if PRESCRIPTIVE.search(h)) / len(heads)
