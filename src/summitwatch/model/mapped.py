"""Text that remembers where each of its characters came from.

Every transformation of the input (normalisation, reflow, marker removal, joining
footnotes after the body) produces a new ``MappedText`` whose ``origin`` maps each
character back to an index in the decoded input. A span on any derived text can
therefore always be traced to its source: offsets are the source of truth.
"""
from __future__ import annotations

from array import array
from dataclasses import dataclass, field


@dataclass(slots=True)
class MappedText:
    text: str
    # origin[i] is the raw index of text[i]; origin[len(text)] is the raw end.
    origin: array = field(repr=False)

    @classmethod
    def identity(cls, text: str) -> "MappedText":
        return cls(text, array("l", range(len(text) + 1)))

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
        return self.origin[start], self.origin[end - 1] + 1

    def slice(self, start: int, end: int) -> "MappedText":
        o = self.origin[start:end]
        o.append(self.origin[end - 1] + 1 if end > start else self.raw(start))
        return MappedText(self.text[start:end], o)

    def __len__(self) -> int:
        return len(self.text)


class Builder:
    """Assemble a MappedText piece by piece from a source MappedText."""

    __slots__ = ("_parts", "_origin", "_len")

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._origin = array("l")
        self._len = 0

    def copy(self, src: MappedText, start: int, end: int) -> None:
        """Append src.text[start:end] keeping its origins."""
        if end <= start:
            return
        self._parts.append(src.text[start:end])
        self._origin.extend(src.origin[start:end])
        self._len += end - start

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
        o = array("l", self._origin)
        o.append(raw_end if raw_end is not None else (o[-1] + 1 if len(o) else 0))
        return MappedText("".join(self._parts), o)
