"""The seed brief rendered to HTML with a footnote section (``<section class="footnotes"><ol>
<li id="fn1">``, citations ``<sup><a href="#fn1">``) scores (score.py --loose) within 0.05
macro-F1 of the seed text itself."""
from __future__ import annotations

import fixtures
from sharedpath import need
from test_seed_pdf import _macro

from summitwatch.eval import gate
from summitwatch.export import to_analysis
from summitwatch.ingest import load, load_bytes
from summitwatch.pipeline import run

SHARED = gate.shared_dir()


def test_seed_html_with_footnote_section_scores_close_to_text(tmp_path):
    need(SHARED and SHARED / "seed", "the seed brief")
    golds = gate.golds(SHARED)
    seeds = [p for p in sorted((SHARED / "seed").glob("*.txt")) if p.name in golds]
    assert seeds, "no seed document has a gold file"
    for seed in seeds:
        text_ctx = run(load(seed))
        text_json = tmp_path / "text.json"
        text_json.write_text(to_analysis(text_ctx).to_json(), encoding="utf-8")
        ref = text_ctx.reference_date.isoformat() if text_ctx.reference_date else None
        page = fixtures.to_html(fixtures.brief_from_text(seed.read_text(encoding="utf-8"), ref), notes="ol")
        assert b'<section class="footnotes"><hr><ol><li id="fn1">' in page
        ctx = run(load_bytes(page, source=seed.stem + ".html"))
        assert [(f.n, f.text.text) for f in ctx.structure.footnotes] == \
            [(f.n, f.text.text) for f in text_ctx.structure.footnotes]      # bodies out of the <ol>
        html_json = tmp_path / "html.json"
        html_json.write_text(to_analysis(ctx).to_json(), encoding="utf-8")
        text_macro = _macro(SHARED, golds[seed.name], text_json, seed, loose=False)
        html_macro = _macro(SHARED, golds[seed.name], html_json, seed, loose=True)
        print(f"{seed.name}: text {text_macro:.3f}, HTML (--loose) {html_macro:.3f}")
        assert html_macro >= text_macro - 0.05
