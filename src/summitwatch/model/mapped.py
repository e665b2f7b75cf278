"""Text that remembers where each of its characters came from.

Every transformation of the input (normalisation, reflow, marker removal, joining
footnotes after the body) produces a new ``MappedText`` whose ``origin`` maps each
character back to an index in the decoded input. A span on any derived text can
therefore always be traced to its source: offsets are the source of truth.

A character made of several raw characters (NFC composes decomposed Hangul jamo or a letter
and its accents) maps to the first of them; ``wide`` records where such a cluster ends
(raw start -> raw end), so a span ending on it ends after its last raw character. It is keyed
by raw offsets, which every text derived from one input shares, so derived texts share it.

Origins are 32-bit (``array("i")``): inputs are bounded far below 2**31 characters, and the
maps are the largest per-character structure of a document after the text itself.
"""
from __future__ import annotations

from array import array
from dataclasses import dataclass, field

TYPECODE = "i"


@dataclass(slots=True)
class MappedText:
    text: str
    # origin[i] is the raw index of text[i]; origin[len(text)] is the raw end.
    origin: array = field(repr=False)
    wide: dict[int, int] | None = field(default=None, repr=False, compare=False)

    @classmethod
    def identity(cls, text: str) -> "MappedText":
        return cls(text, array(TYPECODE, range(len(text) + 1)))

    def raw_end(self, i: int) -> int:
        """Raw offset just after the raw character(s) that text[i] came from."""
        r = self.origin[i]
        return self.wide.get(r, r + 1) if self.wide else r + 1

    def raw(self, i: int) -> int:
        """Raw offset of position ``i`` (``i == len(text)`` gives the raw end)."""
        if i < 0:
            i = 0
        if i >= len(self.text):
            return self.origin[len(self.text)] if len(self.origin) > len(self.text) else self.origin[-1]
        return self.origin[i]

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Raw (start, end) covering text[start:end]."""
        if end <= start:
            r = self.raw(start)
            return r, r
        return self.origin[start], self.raw_end(end - 1)

    def slice(self, start: int, end: int) -> "MappedText":
        o = self.origin[start:end]
        o.append(self.raw_end(end - 1) if end > start else self.raw(start))
        return MappedText(self.text[start:end], o, self.wide)

    def __len__(self) -> int:
        return len(self.text)


class Builder:
    """Assemble a MappedText piece by piece from a source MappedText."""

    __slots__ = ("_parts", "_origin", "_len", "_wide")

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._origin = array(TYPECODE)
        self._len = 0
        self._wide: dict[int, int] | None = None

    def _take_wide(self, src: MappedText) -> None:
        w = src.wide
        if w and w is not self._wide:
            if self._wide is None:
                self._wide = w                      # shared, not copied: keyed by raw offsets
            else:
                self._wide = {**self._wide, **w}

    def widen(self, raw_start: int, raw_end: int) -> None:
        """The character just appended for raw_start stands for raw[raw_start:raw_end]."""
        if self._wide is None:
            self._wide = {}
        self._wide[raw_start] = raw_end

    def copy(self, src: MappedText, start: int, end: int) -> None:
        """Append src.text[start:end] keeping its origins."""
        if end <= start:
            return
        self._parts.append(src.text[start:end])
        self._origin.extend(src.origin[start:end])
        self._len += end - start
        self._take_wide(src)

    def insert(self, s: str, raw_at: int) -> None:
        """Append synthetic characters (a joining space, a paragraph break) mapped to raw_at."""
        if not s:
            return
        self._parts.append(s)
        self._origin.extend([raw_at] * len(s))
        self._len += len(s)

    def append(self, other: MappedText) -> None:
        self._parts.append(other.text)
        self._origin.extend(other.origin[: len(other.text)])
        self._len += len(other.text)
        self._take_wide(other)

    @property
    def length(self) -> int:
        return self._len

    def last_char(self) -> str:
        for p in reversed(self._parts):
            if p:
                return p[-1]
        return ""

    def rstrip(self, chars: str = " \t") -> None:
        """Drop trailing characters in ``chars`` from what has been built."""
        while self._parts:
            p = self._parts[-1]
            q = p.rstrip(chars)
            cut = len(p) - len(q)
            if cut:
                del self._origin[len(self._origin) - cut:]
                self._len -= cut
            if q:
                self._parts[-1] = q
                return
            self._parts.pop()

    def build(self, raw_end: int | None = None) -> MappedText:
        # the map is handed over, not copied (a builder builds once): a copy would double the
        # peak memory of the largest structure of a big document
        o, self._origin = self._origin, None
        o.append(raw_end if raw_end is not None else (o[-1] + 1 if len(o) else 0))
        return MappedText("".join(self._parts), o, self._wide)
