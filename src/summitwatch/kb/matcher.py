"""Finding KB names in text: one dictionary scan, longest match first, with Korean word
boundaries.

The text is scanned in a compact form (whitespace removed, positions remembered), so a
name written with or without its inner spaces (도요타 자동차 / 도요타자동차) is found. A
space may fall inside a match only between pieces of two characters or more, which keeps
"한 국가" from reading as 한국.
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress

from .loader import KB, load_kb

# Syllables that may stand right before a short name without making another word:
# 대중국 (towards China), 친미국, 반일본, 탈중국, 범아시아, 주일본 (posted in Japan).
PREFIXES = frozenset("대친반탈범주재")
# Particles allowed right after a one-syllable name (괌은, 괌에서).
PARTICLE_START = frozenset("은는이가을를의에와과도로만서까")


def is_hangul(ch: str) -> bool:
    return "\uac00" <= ch <= "\ud7a3"


def is_cjk(ch: str) -> bool:
    return ("\u4e00" <= ch <= "\u9fff" or "\u3040" <= ch <= "\u30ff" or "\u3400" <= ch <= "\u4dbf"
            or ch == "々")


def is_ascii_alnum(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def compact_key(name: str) -> str:
    s = unicodedata.normalize("NFKC", name).replace("・", "·").replace("･", "·")
    return "".join(s.split())


@dataclass(slots=True)
class Match:
    start: int          # offsets on the scanned text
    stop: int
    key: str            # the compact alias that matched
    ids: tuple[str, ...]


_SPACE_RUN = re.compile(r"\s+")
# Non-ASCII characters whose NFKC form is one other character (full-width letters, ・), filled
# as new characters are met, so that a text is normalised by one regex pass, not per character.
# Curly apostrophes are read as the straight one (People’s Bank of China).
_NFKC_MAP: dict[str, str] = {"\u2019": "'", "\u2018": "'"}
_NFKC_SEEN: set[str] = set()


def _normalise_chars(text: str) -> str:
    """``text`` with each character replaced by its one-character NFKC form (same length)."""
    present = set(text)
    for ch in present - _NFKC_SEEN:
        if ch.isascii():
            continue
        n = unicodedata.normalize("NFKC", ch)
        out = n if len(n) == 1 else ch
        out = "·" if out in "・･" else out
        if out != ch:
            _NFKC_MAP[ch] = out
    _NFKC_SEEN.update(present)
    todo = present.intersection(_NFKC_MAP)
    if not todo:
        return text
    pattern = "[" + "".join(re.escape(ch) for ch in sorted(todo)) + "]"
    return re.sub(pattern, lambda m: _NFKC_MAP[m.group()], text)


class Compact:
    """The text without whitespace, with each kept character's position and the kind of gap
    before it (0 none, 1 spaces, 2 a line break).

    Positions are kept per run of non-space characters (a word), not per character: only
    the few places where a name matches ever ask for them."""

    __slots__ = ("text", "chars", "run_c", "run_t")

    def __init__(self, text: str):
        self.text = text
        self.chars = "".join(_normalise_chars(text).split())
        run_c, run_t = [], []                  # compact and text offsets where each run starts
        if text and not text[0].isspace():
            run_c.append(0)
            run_t.append(0)
        removed = 0
        for m in _SPACE_RUN.finditer(text):
            a, z = m.span()
            removed += z - a
            run_c.append(z - removed)
            run_t.append(z)
        self.run_c = run_c
        self.run_t = run_t

    def position(self, i: int) -> int:
        """Offset in the text of compact character ``i``."""
        r = bisect_right(self.run_c, i) - 1
        return self.run_t[r] + i - self.run_c[r]

    def gap_kind(self, r: int) -> int:
        """Kind of gap before run ``r``: 0 none (the text start), 1 spaces, 2 a line break."""
        t = self.run_t[r]
        if t == 0:
            return 0
        before = self.run_t[r - 1] + self.run_c[r] - self.run_c[r - 1] if r else 0
        space = self.text[before:t]
        return 2 if "\n" in space or "\r" in space else 1

    def gaps_within(self, i: int, j: int) -> list[tuple[int, int]]:
        """(k, kind) of each gap before a compact character k with i < k < j."""
        run_c = self.run_c
        r = bisect_right(run_c, i)
        out = []
        while r < len(run_c) and run_c[r] < j:
            out.append((run_c[r], self.gap_kind(r)))
            r += 1
        return out

    @property
    def pos(self) -> list[int]:
        return [self.position(i) for i in range(len(self.chars))]

    @property
    def gap(self) -> list[int]:
        out = [0] * len(self.chars)
        for r, k in enumerate(self.run_c):
            if k < len(out):
                out[k] = self.gap_kind(r)
        return out


SMALL_DICTIONARY = 64          # names' first-two-character pairs


class AliasMatcher:
    """Dictionary of compact names -> entry ids, scanned longest-first at each position."""

    def __init__(self, names: dict[str, tuple[str, ...]], rules: dict[str, tuple] | None = None):
        self.names = names
        self.rules = rules or {}                 # id -> (block_after, block_before)
        # candidate lengths by the first two characters (most positions have none), and the
        # one-character names: the same longest-first order, without trying hopeless lengths
        by_pair: dict[str, set[int]] = {}
        for k in names:
            if len(k) >= 2:
                by_pair.setdefault(k[:2], set()).add(len(k))
        self.pair_lengths = {c: sorted(v, reverse=True) for c, v in by_pair.items()}
        self.pairs = frozenset(tuple(c) for c in by_pair)       # as zip() yields them
        # a few names (those of one document) are found faster by the regex engine
        self.pairs_re = re.compile("|".join(map(re.escape, sorted(by_pair)))) \
            if 0 < len(by_pair) <= SMALL_DICTIONARY else None
        self.singles = frozenset(k for k in names if len(k) == 1)
        self.singles_re = re.compile("[" + "".join(map(re.escape, sorted(self.singles))) + "]") \
            if self.singles else None

    @classmethod
    def from_kb(cls, kb: KB) -> "AliasMatcher":
        names: dict[str, list[str]] = {}
        for e in kb.entries.values():
            for n in _with_caps_family(e):
                k = compact_key(n)
                if not k or (len(k) == 1 and is_hangul(k)) and e.type != "LOCATION":
                    continue
                ids = names.setdefault(k, [])
                if e.id not in ids:
                    # the entry whose canonical name this is goes first
                    ids.insert(0 if compact_key(e.name) == k else len(ids), e.id)
        rules = {e.id: (e.block_after, e.block_before) for e in kb.entries.values()
                 if e.block_after or e.block_before}
        return cls({k: tuple(v) for k, v in names.items()}, rules)

    def _starts(self, s: str) -> list[int]:
        """Positions of ``s`` where some name may start: its first two characters begin a
        name, or its first character is a name (found at C speed, not per character)."""
        if self.pairs_re:
            out, pos, search = [], 0, self.pairs_re.search
            while (m := search(s, pos)) is not None:
                out.append(m.start())
                pos = m.start() + 1
        else:
            out = list(compress(range(len(s) - 1), map(self.pairs.__contains__, zip(s, s[1:]))))
        if self.singles_re:
            out = sorted({*out, *(m.start() for m in self.singles_re.finditer(s))})
        return out

    def scan(self, text: str, compact: Compact | None = None) -> list[Match]:
        c = compact or Compact(text)
        s, out, n = c.chars, [], len(c.chars)
        names, pair_lengths, singles = self.names, self.pair_lengths, self.singles
        nxt = 0                                  # where the next match may start
        for i in self._starts(s):
            if i < nxt:
                continue
            cands = pair_lengths.get(s[i:i + 2], ())
            if s[i] in singles:
                cands = (*cands, 1)
            for L in cands:
                if i + L > n:
                    continue
                key = s[i:i + L]
                ids = names.get(key)
                if ids and self._inner_gaps_ok(c, i, L):
                    a, z = c.position(i), c.position(i + L - 1) + 1
                    ids = tuple(x for x in ids if self._context_ok(text, a, z, key, x))
                    if ids:
                        out.append(Match(a, z, key, ids))
                        nxt = i + L
                        break
        return out

    @staticmethod
    def _inner_gaps_ok(c: Compact, i: int, L: int) -> bool:
        last = i
        for k, kind in c.gaps_within(i, i + L):
            if kind == 2 or k - last < 2:
                return False
            last = k
        return last == i or i + L - last >= 2

    def _context_ok(self, text: str, a: int, z: int, key: str, entry_id: str) -> bool:
        prev = text[a - 1] if a > 0 else " "
        nxt = text[z] if z < len(text) else " "
        first, last = key[0], key[-1]
        if is_ascii_alnum(first) and (is_ascii_alnum(prev) or prev in "&"):
            return False
        if is_ascii_alnum(last) and is_ascii_alnum(nxt):
            return False
        if is_cjk(first) and "\u30a0" <= prev <= "\u30ff" and not "\u30a0" <= first <= "\u30ff":
            return False                          # テレビ東京 is not 東京
        if len(key) == 1 and is_cjk(first):
            # 日, 美, 中 as abbreviations stand alone: not inside a Japanese/Chinese word or a date
            if is_cjk(prev) or is_cjk(nxt) or prev.isdigit() or is_ascii_alnum(nxt):
                return False
        if is_hangul(first):
            hangul_len = sum(map(is_hangul, key))
            if hangul_len <= 2 and is_hangul(prev):
                before = text[a - 2] if a > 1 else " "
                if prev not in PREFIXES or is_hangul(before):
                    return False
            if hangul_len == 1 and is_hangul(nxt) and nxt not in PARTICLE_START:
                return False
        rule = self.rules.get(entry_id)
        if rule:
            after, before = rule
            if after and is_hangul(last) and text.startswith(after, z):
                return False
            if before:
                left = text[max(0, a - 12):a].rstrip(" ")
                if left.endswith(before):
                    return False
        return True


_LATIN_NAME = re.compile(r"[A-Z][a-z]+(?:[ -][A-Za-z][a-z]+)+")


def _with_caps_family(e) -> list[str]:
    """An entry's names, and the Latin forms English texts write in capitals: a person's family
    name (YOON Suk Yeol, KISHIDA Fumio as official texts of Korea and Japan write them), a
    city of a dateline."""
    names = list(e.all_names())
    if e.type == "LOCATION":
        # English datelines write the city in capitals: "GYEONGJU, South Korea, Nov 1 (Reuters)"
        names += [n.upper() for n in names if n.isascii() and n.isalpha() and len(n) >= 4 and n[0].isupper()]
    if e.type != "PERSON":
        return names
    for n in list(names):
        if _LATIN_NAME.fullmatch(n):
            first, _, rest = n.partition(" ")
            names.append(f"{first.upper()} {rest}")
    return names


@lru_cache(maxsize=4)
def _matcher_for(kb_id: int) -> AliasMatcher:
    return AliasMatcher.from_kb(_KBS[kb_id])


_KBS: dict[int, KB] = {}


def kb_matcher(kb: KB | None = None) -> AliasMatcher:
    """The matcher of a KB (default: the process KB), built once."""
    kb = kb or load_kb()
    _KBS[id(kb)] = kb
    return _matcher_for(id(kb))
