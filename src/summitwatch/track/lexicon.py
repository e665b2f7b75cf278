"""Word lists of tracking, read from ``track/data`` (data, not code: analysts extend them)."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).parent / "data"


def _rows(name: str) -> list[list[str]]:
    out = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            out.append(line.split("\t"))
    return out


@lru_cache(maxsize=None)
def cue(kind: str) -> re.Pattern:
    """The alternatives of one kind in cues.tsv as one pattern."""
    alts = [row[1] for row in _rows("cues.tsv") if row[0] == kind and len(row) > 1]
    if not alts:
        raise KeyError(f"cues.tsv has no entry of kind {kind!r}")
    return re.compile("|".join(f"(?:{a})" for a in alts))


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    return frozenset(row[0].strip() for row in _rows("stopwords.tsv"))


@lru_cache(maxsize=1)
def verdict_scores() -> dict[str, int | None]:
    return {row[0]: (int(row[1]) if len(row) > 1 and row[1].strip() else None) for row in _rows("verdicts.tsv")}


@lru_cache(maxsize=1)
def poll_questions() -> tuple[tuple[str, re.Pattern], ...]:
    return tuple((row[0], re.compile(row[1], re.I)) for row in _rows("poll_questions.tsv"))
