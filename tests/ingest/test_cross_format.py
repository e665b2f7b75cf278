"""Every format of the same brief gives the same analysis as its text version.

The text version and each rendering go through the same structure recovery and the extractors
that exist; headings, footnote links, tables and every extracted fact (without offsets, which
differ between renderings) must agree."""
from __future__ import annotations

import datetime as dt
import importlib
from pathlib import Path

import pytest
import fixtures
from brief import BRIEF, canonical_text

from summitwatch import pipeline
from summitwatch.ingest import load_bytes

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
FORMATS = ["pdf", "docx", "hwpx", "hwp", "html"]
_OFFSET_KEYS = {"start", "stop", "raw_offset", "page", "also_at"}


def _strip(v):
    if isinstance(v, dict):
        return {k: _strip(x) for k, x in v.items() if k not in _OFFSET_KEYS}
    if isinstance(v, list):
        return [_strip(x) for x in v]
    return v


def analysis(doc) -> dict:
    ctx = pipeline.build_context(doc)
    s = ctx.structure
    out = {
        "headings": [(h.level, h.text) for h in s.headings],
        "footnote_refs": sorted(r.n for r in s.footnote_refs),
        "footnotes": [(f.n, " ".join(f.text.text.split())) for f in s.footnotes],
        "tables": [(t.caption, [(r.header, list(r.cells)) for r in t.rows], t.source) for t in s.tables],
    }
    for name in pipeline.EXTRACTORS:
        mod = pipeline._extractor(name)
        try:
            facts = list(mod.extract(ctx))
        except Exception as e:   # a prerequisite that does not exist yet
            out[name] = f"failed: {type(e).__name__}"
            continue
        ctx.facts[name] = facts
        dumped = [_strip(f.model_dump()) if hasattr(f, "model_dump") else repr(f) for f in facts]
        out[name] = sorted(dumped, key=repr)
    return out


@pytest.fixture(scope="module")
def brief_text_analysis():
    return analysis(load_bytes(canonical_text(BRIEF).encode("utf-8"), source="brief.txt"))


@pytest.mark.parametrize("fmt", FORMATS)
def test_cross_format_brief_agrees_with_text(rendered, brief_text_analysis, fmt):
    got = analysis(load_bytes(rendered[fmt], source=f"brief.{fmt}"))
    for key, want in brief_text_analysis.items():
        assert got[key] == want, f"{fmt}: {key} differs from the text version"


def _examples():
    return sorted(p for p in EXAMPLES.glob("*.txt")) if EXAMPLES.is_dir() else []


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("path", _examples(), ids=lambda p: p.stem)
def test_cross_format_examples_agree_with_text(path, fmt):
    doc = load_bytes(path.read_bytes(), source=path.name)
    want = analysis(doc)
    ref = pipeline.run(doc).reference_date
    text = doc.raw
    brief = fixtures.brief_from_text(text, ref.isoformat() if isinstance(ref, dt.date) else None)
    got = analysis(load_bytes(getattr(fixtures, f"to_{fmt}")(brief), source=f"{path.stem}.{fmt}"))
    if fmt not in ("pdf", "html"):
        # these formats store a marker only with its note: one linking to nothing is plain text there
        noted = {n for n, _ in want["footnotes"]}
        want["footnote_refs"] = [n for n in want["footnote_refs"] if n in noted]
    for key, value in want.items():
        assert got[key] == value, f"{path.name} as {fmt}: {key} differs from the text version"
