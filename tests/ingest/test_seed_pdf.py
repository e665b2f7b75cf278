"""The seed brief rendered to PDF by the tests scores (score.py --loose) within 0.05
macro-F1 of the seed text itself."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest
import fixtures
from sharedpath import need

from summitwatch.eval import gate
from summitwatch.export import to_analysis
from summitwatch.ingest import load, load_bytes
from summitwatch.pipeline import run

SHARED = gate.shared_dir()


def _macro(shared, gold, pred_path, text_path, loose: bool) -> float:
    cmd = [sys.executable, str(shared / "eval" / "score.py"), "--gold", str(gold), "--pred", str(pred_path),
           "--text", str(text_path), "--json"] + (["--loose"] if loose else [])
    return json.loads(subprocess.run(cmd, capture_output=True, text=True, check=True).stdout)["macro_f1"]


def test_seed_pdf_scores_close_to_text(tmp_path):
    need(SHARED and SHARED / "seed", "the seed brief")
    golds = gate.golds(SHARED)
    seeds = [p for p in sorted((SHARED / "seed").glob("*.txt")) if p.name in golds]
    if not seeds:
        pytest.skip("no seed document has a gold file")
    for seed in seeds:
        text_ctx = run(load(seed))
        text_json = tmp_path / "text.json"
        text_json.write_text(to_analysis(text_ctx).to_json(), encoding="utf-8")
        ref = text_ctx.reference_date.isoformat() if text_ctx.reference_date else None
        pdf = fixtures.to_pdf(fixtures.brief_from_text(seed.read_text(encoding="utf-8"), ref))
        pdf_json = tmp_path / "pdf.json"
        pdf_json.write_text(to_analysis(run(load_bytes(pdf, source=seed.stem + ".pdf"))).to_json(),
                            encoding="utf-8")
        text_macro = _macro(SHARED, golds[seed.name], text_json, seed, loose=False)
        pdf_macro = _macro(SHARED, golds[seed.name], pdf_json, seed, loose=True)
        print(f"{seed.name}: text {text_macro:.3f}, PDF (--loose) {pdf_macro:.3f}")
        assert pdf_macro >= text_macro - 0.05
