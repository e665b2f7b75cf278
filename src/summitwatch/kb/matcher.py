"""Finding KB names in text: one dictionary scan, longest match first, with Korean word
boundaries.

The text is scanned in a compact form (whitespace removed, positions remembered), so a
name written with or without its inner spaces (도요타 자동차 / 도요타자동차) is found. A
space may fall inside a match only between pieces of two characters or more, which keeps
"한 국가" from reading as 한국.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

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


class Compact:
    """The text without whitespace, with each kept character's position and the kind of gap
    before it (0 none, 1 spaces, 2 a line break)."""

    __slots__ = ("chars", "pos", "gap")

    def __init__(self, text: str):
        chars, pos, gap = [], [], []
        g = 0
        for i, ch in enumerate(text):
            if ch.isspace():
                g = 2 if ch in "\n\r" or g == 2 else 1
                continue
            if not ch.isascii():
                n = unicodedata.normalize("NFKC", ch)
                ch = n if len(n) == 1 else ch
                ch = "·" if ch in "・･" else ch
            chars.append(ch)
            pos.append(i)
            gap.append(g)
            g = 0
        self.chars = "".join(chars)
        self.pos = pos
        self.gap = gap


class AliasMatcher:
    """Dictionary of compact names -> entry ids, scanned longest-first at each position."""

    def __init__(self, names: dict[str, tuple[str, ...]], rules: dict[str, tuple] | None = None):
        self.names = names
        self.rules = rules or {}                 # id -> (block_after, block_before)
        lengths: dict[str, set[int]] = {}
        for k in names:
            lengths.setdefault(k[0], set()).add(len(k))
        self.lengths = {c: sorted(v, reverse=True) for c, v in lengths.items()}

    @classmethod
    def from_kb(cls, kb: KB) -> "AliasMatcher":
        names: dict[str, list[str]] = {}
        for e in kb.entries.values():
            for n in e.all_names():
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

    def scan(self, text: str, compact: Compact | None = None) -> list[Match]:
        c = compact or Compact(text)
        s, out, i, n = c.chars, [], 0, len(c.chars)
        names, lengths = self.names, self.lengths
        while i < n:
            hit = None
            for L in lengths.get(s[i], ()):
                if i + L > n:
                    continue
                key = s[i:i + L]
                ids = names.get(key)
                if ids and self._inner_gaps_ok(c, i, L):
                    a, z = c.pos[i], c.pos[i + L - 1] + 1
                    ids = tuple(x for x in ids if self._context_ok(text, a, z, key, x))
                    if ids:
                        hit = Match(a, z, key, ids)
                        break
            if hit:
                out.append(hit)
                i += len(hit.key)
            else:
                i += 1
        return out

    @staticmethod
    def _inner_gaps_ok(c: Compact, i: int, L: int) -> bool:
        last = i
        for k in range(i + 1, i + L):
            if c.gap[k]:
                if c.gap[k] == 2 or k - last < 2:
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


@lru_cache(maxsize=4)
def _matcher_for(kb_id: int) -> AliasMatcher:
    return AliasMatcher.from_kb(_KBS[kb_id])


_KBS: dict[int, KB] = {}


def kb_matcher(kb: KB | None = None) -> AliasMatcher:
    """The matcher of a KB (default: the process KB), built once."""
    kb = kb or load_kb()
    _KBS[id(kb)] = kb
    return _matcher_for(id(kb))
