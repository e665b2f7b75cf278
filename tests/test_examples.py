"""The team's example briefs, analysed and checked against structures written by hand
(examples/expected/*.json)."""
import json
import re
from pathlib import Path

import pytest

from summitwatch.ingest import load
from summitwatch.pipeline import Options, run

ROOT = Path(__file__).resolve().parents[1]
EXPECTED = sorted((ROOT / "examples" / "expected").glob("*.json"))


def _case(path):
    exp = json.loads(path.read_text(encoding="utf-8"))
    return pytest.param(exp, id=exp["source"])


@pytest.fixture(scope="module")
def analysed():
    cache = {}

    def get(source):
        if source not in cache:
            cache[source] = run(load(ROOT / "examples" / source), Options(structure_only=True))
        return cache[source]

    return get


def flat(s: str) -> str:
    return re.sub(r"\s+", " ", s)


@pytest.mark.parametrize("exp", [_case(p) for p in EXPECTED])
def test_examples_encoding(exp, analysed):
    enc = analysed(exp["source"]).doc.encoding
    assert enc == exp["encoding"] or (exp["encoding"].startswith("utf-16") and enc.startswith("utf-16"))


@pytest.mark.parametrize("exp", [_case(p) for p in EXPECTED])
def test_examples_headings(exp, analysed):
    st = analysed(exp["source"]).structure
    assert [(h.level, h.text) for h in st.headings] == [(h["level"], h["text"]) for h in exp["headings"]]


@pytest.mark.parametrize("exp", [_case(p) for p in EXPECTED])
def test_examples_tables(exp, analysed):
    st = analysed(exp["source"]).structure
    got = [{"caption": t.caption, "rows": [{"header": r.header, "cells": r.cells} for r in t.rows],
            "source": t.source} for t in st.tables]
    assert got == exp.get("tables", [])


@pytest.mark.parametrize("exp", [_case(p) for p in EXPECTED])
def test_examples_footnote_links(exp, analysed):
    ctx = analysed(exp["source"])
    st, raw = ctx.structure, ctx.doc.raw
    assert [r.n for r in st.footnote_refs] == [r["n"] for r in exp.get("footnote_refs", [])]
    for ref, want in zip(st.footnote_refs, exp.get("footnote_refs", [])):
        assert raw[ref.raw_offset:ref.raw_offset + len(str(ref.n))] == str(ref.n)
        before = raw[max(0, ref.raw_offset - 40):ref.raw_offset]
        assert flat(before).endswith(flat(want["context"])), (ref.n, before)
    assert [(f.n, f.text.text[:len(w["starts"])]) for f, w in zip(st.footnotes, exp.get("footnotes", []))] == \
        [(w["n"], w["starts"]) for w in exp.get("footnotes", [])]
    assert len(st.footnotes) == len(exp.get("footnotes", []))
    assert [r.n for r in st.footnote_refs if r.dangling] == exp.get("dangling", [])


@pytest.mark.parametrize("exp", [_case(p) for p in EXPECTED])
def test_examples_citations(exp, analysed):
    st = analysed(exp["source"]).structure
    got = [{"footnote": c.footnote, "publisher": c.publisher, "title": c.title, "date": c.date, "url": c.url,
            "accessed": c.accessed} for c in st.citations]
    assert got == exp.get("citations", [])


@pytest.mark.parametrize("exp", [_case(p) for p in EXPECTED])
def test_examples_reflow(exp, analysed):
    body = analysed(exp["source"]).structure.body.text
    for phrase in exp.get("text_contains", []):
        assert phrase in body, phrase
    for end, start in exp.get("paragraph_breaks", []):
        i = body.find(end)
        assert i >= 0, end
        j = body.find(start, i)
        assert j >= 0, start
        assert "\n" in body[i + len(end):j], (end, start)
    assert "\n\n\n" not in body
