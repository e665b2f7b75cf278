"""What the analyse command needs around the pipeline: names that tell inputs apart, the
record of a failed input, one-line messages, and each document's rendering kept apart."""
from __future__ import annotations

import io
import json
import os
import sys
from collections import Counter
from dataclasses import dataclass

from ..ingest.errors import printable

FAILED_SCHEMA = "summitwatch.failed/1"
BATCH_SCHEMA = "summitwatch.batch/1"


def source_names(paths: list[str]) -> list[str]:
    """For each input, the shortest tail of its path that no other input of the batch shares:
    a lone file is known by its name, ``a/x.txt`` and ``b/x.txt`` by their directory too.
    Tails are counted per length over the distinct paths (linear in the inputs, not pairwise)."""
    parts = [tuple(p for p in os.path.normpath(os.fsdecode(x)).split(os.sep) if p not in ("", ".")) or
             (os.fsdecode(x),) for x in paths]
    distinct = set(parts)
    names: list[str | None] = [None] * len(parts)
    depth = max((len(p) for p in parts), default=0)
    for k in range(1, depth + 1):
        counts = Counter(p[-k:] for p in distinct)
        for i, p in enumerate(parts):
            if names[i] is None and (counts[p[-k:]] == 1 or k == len(p)):
                names[i] = printable("/".join(p[-k:]))    # undecodable bytes and controls escaped
        if all(n is not None for n in names):
            break
    return [n or "" for n in names]


@dataclass
class Failure:
    """An input that could not be analysed (or rendered), as the JSON outputs record it."""
    path: str
    source: str
    error: str
    stage: str = "input"        # input: the file itself; internal: a fault of summitwatch

    def record(self) -> dict:
        return {"schema": FAILED_SCHEMA, "failed": True, "source": self.source,
                "path": printable(self.path), "stage": self.stage, "error": self.error}

    def to_json(self) -> str:
        return json.dumps(self.record(), ensure_ascii=False)


def say(line: str) -> None:
    """One line on stderr, never wrapped, nothing unprintable in it (a file name may hold
    escape sequences or line breaks)."""
    sys.stderr.write(printable(line) + "\n")
    sys.stderr.flush()


def rich_chunk(analysis, like) -> str:
    """One document's terminal report as a string, rendered apart so that a failure leaves
    nothing half-printed; ``like`` is the console whose width and colours it takes."""
    from rich.console import Console

    from ..report.console import render

    buf = io.StringIO()
    con = Console(file=buf, width=like.width, color_system=like.color_system, force_terminal=like.is_terminal,
                  no_color=like.no_color, highlight=False, emoji=False, markup=False,
                  legacy_windows=False)
    render(analysis, con)
    return buf.getvalue()
