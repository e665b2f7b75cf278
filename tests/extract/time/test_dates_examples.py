"""Dates of the example documents (examples/*.txt) against the hand-written expectations in
examples/expected/*.json: every expected date is found with its value and end, no look-alike
in ``not_dates`` becomes a date, and the reference date is the expected one.

An expected date is located in the analysed text by its surface (in document order, spaces
matching any run of whitespace); a fact matches when it overlaps that place. The surface may
differ by a leading tense cue: the examples write "오는 26일" but "8월 18일" for "오는 8월
18일", and the seed's gold leaves 지난/오는 out, so the cue is not part of the comparison.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from functools import lru_cache
from pathlib import Path

import pytest

from summitwatch.extract.time import dates

EXAMPLES = Path(__file__).resolve().parents[3] / "examples"
NAMES = sorted(p.stem for p in (EXAMPLES / "expected").glob("*.json")) if EXAMPLES.is_dir() else []
CUE = re.compile(r"^(?:지난|오는)\s*")


@lru_cache(maxsize=None)
def _analyse(name: str):
    from summitwatch.ingest import load
    from summitwatch.pipeline import build_context

    expected = json.loads((EXAMPLES / "expected" / f"{name}.json").read_text(encoding="utf-8"))
    ctx = build_context(load(EXAMPLES / f"{name}.txt"))
    return expected, ctx, dates.extract(ctx)


def _surface(s: str) -> re.Pattern:
    return re.compile(r"\s+".join(re.escape(part) for part in s.split()))


def _bare(s: str) -> str:
    return CUE.sub("", re.sub(r"\s+", " ", s).strip())


def _need_examples():
    if not NAMES:
        pytest.fail(f"example documents not found at {EXAMPLES} (they are part of the repository)")


@pytest.mark.parametrize("name", NAMES or ["(none)"])
def test_dates_examples_reference_date(name):
    _need_examples()
    expected, ctx, _ = _analyse(name)
    assert ctx.reference_date == dt.date.fromisoformat(expected["reference_date"])


@pytest.mark.parametrize("name", NAMES or ["(none)"])
def test_dates_examples_expected_dates_are_found(name):
    _need_examples()
    expected, ctx, facts = _analyse(name)
    text = ctx.text.text
    pos, missing = 0, []
    for want in expected["dates"]:
        place = _surface(_bare(want["text"])).search(text, pos)
        assert place, f"{want['text']!r} not in the analysed text after offset {pos}"
        pos = place.end()
        hit = [f for f in facts if f.start < place.end() and place.start() < f.stop
               and (f.value, f.end) == (want["value"], want["end"]) and _bare(f.text) == _bare(want["text"])]
        if not hit:
            near = [(f.text, f.value, f.end) for f in facts if f.start < place.end() and place.start() < f.stop]
            missing.append((want["text"], want["value"], want["end"], near))
    assert not missing, missing


@pytest.mark.parametrize("name", NAMES or ["(none)"])
def test_dates_examples_look_alikes_are_not_dates(name):
    _need_examples()
    expected, ctx, facts = _analyse(name)
    text = ctx.text.text
    wrong = []
    for s in expected.get("not_dates", []):
        for place in _surface(s).finditer(text):
            wrong += [(s, f.text) for f in facts if f.start < place.end() and place.start() < f.stop]
    assert not wrong, wrong
