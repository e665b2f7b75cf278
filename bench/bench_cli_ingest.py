"""Fixed start-up cost of a reader-only CLI run, per input format.

`summitwatch analyze --structure-only` on one small file (the test fixtures' brief, made here in
each format) is what fidelity.py and any reader-only use pay per call. Measured in the same run:

- interpreter: `python -c pass` (the floor of any Python command);
- pypdfium2 CLI equivalent: `python -c` that imports pypdfium2 and prints the plain text of the
  same small PDF (the baseline the PDF throughput target is set against);
- in process: load + structure + export of the same file with every module already imported;
- CLI: the command itself; start-up = CLI - in process (imports, argument parsing, writing).

The whole-analysis start-up (extractors and their models) is measured by bench/bench_startup.py.

    .venv/bin/python bench/bench_cli_ingest.py [--repeat 7]
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "ingest"))
CLI = Path(sys.executable).with_name("summitwatch")


def _wall(cmd: list[str], repeat: int) -> float:
    """Fastest wall time of ``repeat`` runs of a command (the least disturbed by a noisy machine)."""
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        best = min(best, time.perf_counter() - t0)
    return best


def _in_process(data: bytes, name: str, repeat: int) -> float:
    from summitwatch.export import to_analysis
    from summitwatch.ingest import load_bytes
    from summitwatch.pipeline import Options, run

    def once() -> None:
        to_analysis(run(load_bytes(data, source=name), Options(structure_only=True))).to_json()

    once()                                     # imports and first-call caches are start-up, not this
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        once()
        best = min(best, time.perf_counter() - t0)
    return best


def files() -> dict[str, bytes]:
    import fixtures
    from brief import BRIEF, canonical_text
    return {"txt": canonical_text(BRIEF).encode("utf-8"), "html": fixtures.to_html(), "docx": fixtures.to_docx(),
            "hwpx": fixtures.to_hwpx(), "hwp": fixtures.to_hwp(), "pdf": fixtures.to_pdf()}


def main(argv=None) -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=7)
    args = ap.parse_args(argv)
    made = files()
    with tempfile.TemporaryDirectory() as tmp:
        paths = {}
        for fmt, data in made.items():
            paths[fmt] = Path(tmp) / f"brief.{fmt}"
            paths[fmt].write_bytes(data)
        out = str(Path(tmp) / "out.jsonl")
        t_py = _wall([sys.executable, "-c", "pass"], args.repeat)
        t_pdfium = _wall([sys.executable, "-c", "import sys, pypdfium2 as p\nd = p.PdfDocument(sys.argv[1])\n"
                          "print(''.join(d[i].get_textpage().get_text_range() for i in range(len(d))))",
                          str(paths["pdf"])], args.repeat)
        rows = []
        for fmt, path in paths.items():
            t_cli = _wall([str(CLI), "analyze", "--structure-only", "--format", "jsonl", "-o", out, str(path)],
                          args.repeat)
            t_in = _in_process(made[fmt], path.name, args.repeat)
            rows.append((fmt, len(made[fmt]), t_cli, t_in, t_cli - t_in))
    print(f"interpreter (python -c pass): {t_py * 1000:.0f} ms; pypdfium2 plain text of the small PDF as a "
          f"command: {t_pdfium * 1000:.0f} ms")
    print(f"{'format':<7} {'bytes':>7} {'CLI ms':>7} {'in process ms':>14} {'start-up ms':>12} "
          f"{'start-up / interpreter':>23} {'CLI / pypdfium2 cmd':>20}")
    for fmt, size, t_cli, t_in, fixed in rows:
        print(f"{fmt:<7} {size:>7} {t_cli * 1000:>7.0f} {t_in * 1000:>14.1f} {fixed * 1000:>12.0f} "
              f"{fixed / t_py:>23.1f} {t_cli / t_pdfium:>20.2f}")


if __name__ == "__main__":
    main()
