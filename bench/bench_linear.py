"""Time per character from 1x to 64x of a document, per format and per stage, and peak RSS per
million characters: every stage must be linear in its input, and memory bounded.

The inputs are generated here: the test brief (tests/ingest/brief.py, the team's own text)
repeated k times with its footnotes renumbered, rendered by the test fixtures into each format.
The baseline of each row is the same stage on the 1x input, in the same run: "ratio" is time
per character at k x divided by time per character at 1x (flat = 1.00; quadratic would double
with every doubling of the input).

    .venv/bin/python bench/bench_linear.py [--unit 8] [--max-scale 64] [--formats text,docx,hwpx]

To add a format, add a renderer to FORMATS: a function Brief -> bytes (the PDF renderer,
``fixtures.to_pdf``, is the hook for the PDF reader's linearity: FORMATS["pdf"] = _pdf).
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "ingest"))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import peak_rss_mb  # noqa: E402


def _text(brief) -> bytes:
    from brief import canonical_text
    return canonical_text(brief).encode("utf-8")


def _docx(brief) -> bytes:
    from fixtures import to_docx
    return to_docx(brief)


def _hwpx(brief) -> bytes:
    from fixtures import to_hwpx
    return to_hwpx(brief)


def _pdf(brief) -> bytes:
    from fixtures import to_pdf
    return to_pdf(brief)


# format -> renderer (Brief -> bytes of a file of that format). Extend here for HWP, HTML.
FORMATS = {"text": _text, "docx": _docx, "hwpx": _hwpx, "pdf": _pdf}
SUFFIX = {"text": "txt"}


def repeated(k: int):
    """The test brief k times over (one title; headings, paragraphs, tables and footnotes
    repeated with the footnote numbers continued)."""
    from brief import BRIEF, MARK, Brief
    blocks, notes = [BRIEF.blocks[0]], {}
    per = len(BRIEF.footnotes)
    for i in range(k):
        shift = i * per
        for b in BRIEF.blocks[1:]:
            if b[0] == "p":
                b = ("p", MARK.sub(lambda m: "{%d}" % (int(m.group(1)) + shift), b[1]))
            blocks.append(b)
        notes.update({n + shift: t for n, t in BRIEF.footnotes.items()})
    return Brief(BRIEF.title, BRIEF.date, BRIEF.author, BRIEF.header, blocks, notes)


def stages():
    """stage name -> function(bytes, name) run on the input; each includes the previous."""
    from summitwatch.export import to_analysis
    from summitwatch.ingest import load_bytes
    from summitwatch.pipeline import run
    from summitwatch.structure import recover

    def whole(data, name):
        import io

        from rich.console import Console

        from summitwatch.report import console, markdown
        a = to_analysis(run(load_bytes(data, source=name)))
        a.to_json()
        markdown.render(a)
        console.render(a, Console(file=io.StringIO(), width=120))
        return a

    return {"ingest": lambda d, n: load_bytes(d, source=n),
            "ingest+structure": lambda d, n: recover(load_bytes(d, source=n)),
            "whole analysis + 3 outputs": whole}


def timed(fn, repeat: int) -> float:
    """Best CPU time of this process (all its threads) over ``repeat`` runs. CPU time, not wall
    time: on a shared machine a run longer than a scheduler slice waits for the others, so wall
    time per character grows with the input for reasons that have nothing to do with the code."""
    best = float("inf")
    for _ in range(repeat):
        t0 = time.process_time()
        fn()
        best = min(best, time.process_time() - t0)
    return best


def main(argv=None) -> list[dict]:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--unit", type=int, default=8, help="copies of the test brief in the 1x input")
    ap.add_argument("--max-scale", type=int, default=64)
    ap.add_argument("--formats", default=",".join(FORMATS))
    ap.add_argument("--stages", default="", help="comma-separated subset of the stages (default: all)")
    ap.add_argument("--no-rss", action="store_true")
    a = ap.parse_args(argv)
    from summitwatch.ingest import load_bytes
    from summitwatch.pipeline import analyze_text

    analyze_text("워밍업 문장이다. 2025년 2월 7일 회담.")        # Kiwi loaded before any timing
    todo = stages()
    if a.stages:
        todo = {k: v for k, v in todo.items() if k in a.stages.split(",")}
    scales = [1 << i for i in range(a.max_scale.bit_length()) if (1 << i) <= a.max_scale]
    rows = []
    for fmt in a.formats.split(","):
        render = FORMATS[fmt]
        inputs = {k: render(repeated(a.unit * k)) for k in scales}
        name = f"bench.{SUFFIX.get(fmt, fmt)}"
        chars = {k: len(load_bytes(d, source=name).raw) for k, d in inputs.items()}
        for stage, fn in todo.items():
            base = None
            for k in scales:
                # the whole analysis of the large inputs takes minutes: fewer repeats there
                repeat = 3 if k <= 8 or not stage.startswith("whole") else 1 if k >= 32 else 2
                t = timed(lambda: fn(inputs[k], name), repeat)
                per = t / chars[k] * 1e6
                base = base or per
                rows.append({"format": fmt, "stage": stage, "scale": f"{k}x", "chars": chars[k],
                             "cpu s": round(t, 3), "us/char": round(per, 3), "ratio": round(per / base, 2)})
                print("  " + " | ".join(f"{kk}: {v}" for kk, v in rows[-1].items()), flush=True)
        if not a.no_rss:
            rows.append(_rss(fmt, inputs[scales[-1]], chars[scales[-1]], name))
            print("  " + " | ".join(f"{kk}: {v}" for kk, v in rows[-1].items()), flush=True)
    return rows


def _rss(fmt: str, data: bytes, chars: int, name: str) -> dict:
    """Peak RSS of a whole analysis in a fresh process, against a fresh process that has loaded
    the same modules and Kiwi and analysed one sentence (the fixed cost)."""
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, name)
        with open(path, "wb") as f:
            f.write(data)
        warm = ("from summitwatch.pipeline import analyze_text, run\nfrom summitwatch.ingest import load\n"
                "from summitwatch.export import to_analysis\nanalyze_text('워밍업 문장이다. 2025년 2월 7일 회담.')\n")
        idle = peak_rss_mb(warm)
        peak = peak_rss_mb(warm + f"to_analysis(run(load({path!r}))).to_json()\n")
    return {"format": fmt, "stage": "peak RSS, whole analysis", "chars": chars, "baseline MB": round(idle, 1),
            "peak MB": round(peak, 1), "MB per M chars above baseline": round((peak - idle) / chars * 1e6, 1)}


if __name__ == "__main__":
    main()
