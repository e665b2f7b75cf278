"""A short text's wall time as a user gets it (`summitwatch analyze`), with its start-up cost
broken down: interpreter start, imports, Kiwi's model, the KB, the analysis, the output.

    python bench/bench_startup.py [--text examples/news_summit.txt] [--repeat 5]

Every figure comes from fresh processes. "first" is the first run of this invocation (the
operating system's file cache may already hold the model), "best" the fastest of --repeat.
The parts are timed inside one instrumented process that does what the command does, step by
step; their sum is set against the command's own wall time, and the remainder (command-line
parsing, process exit) is shown as such.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent

# The instrumented process: each step in the order the command takes it.
PARTS = r'''
import time
_t = [time.perf_counter()]
marks = {}
def mark(name):
    now = time.perf_counter(); marks[name] = now - _t[0]; _t[0] = now
import summitwatch.cli.app                                  # what the console script imports
mark("import the command line (typer, rich)")
from summitwatch.export import to_analysis
from summitwatch.ingest import load
from summitwatch.pipeline import EXTRACTORS, Options, _extractor, run
for name in EXTRACTORS:
    _extractor(name)
mark("import the pipeline and extractors (pydantic models)")
import kiwipiepy
mark("import kiwipiepy")
from summitwatch.nlp import kiwi
kiwi()
mark("load Kiwi's model: Kiwi()")
kiwi().tokenize("모형을 깨운다.")                             # Kiwi reads part of its model on the first call
mark("load Kiwi's model: its first call")
from summitwatch.kb import load_kb
from summitwatch.kb.matcher import kb_matcher
kb_matcher(load_kb())
mark("load the KB and build its name matcher")
ctx = run(load(PATH), Options())
mark("analyse (first document of the process)")
from summitwatch.atomic import AtomicWriter
with AtomicWriter(OUT) as w:
    w.write(to_analysis(ctx).to_json(indent=1) + "\n")
mark("export and write the JSON")
ctx = run(load(PATH), Options())
mark("(analyse the same text again, warm)")
import json, sys
sys.stdout.write(json.dumps(marks))
'''


def wall(cmd: list[str], repeat: int) -> tuple[float, float]:
    """(first, best) wall time of a command in fresh processes."""
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True)
        times.append(time.perf_counter() - t0)
    return times[0], min(times)


def parts(text: Path, out: Path, repeat: int) -> tuple[dict, dict]:
    """(first, best) time of each part, from --repeat instrumented processes."""
    runs = []
    code = f"PATH = {str(text)!r}\nOUT = {str(out)!r}\n" + PARTS
    for _ in range(repeat):
        res = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
        runs.append(json.loads(res.stdout))
    return runs[0], {k: min(r[k] for r in runs) for k in runs[0]}


def heavy_imports(top: int = 10) -> list[tuple[str, float]]:
    """The top-level packages whose import costs most (python -X importtime, self times summed)."""
    code = ("import summitwatch.cli.app, summitwatch.export, kiwipiepy\n"
            "from summitwatch.pipeline import EXTRACTORS, _extractor\n"
            "[_extractor(n) for n in EXTRACTORS]")
    err = subprocess.run([sys.executable, "-X", "importtime", "-c", code], check=True,
                         capture_output=True, text=True).stderr
    by_package: Counter = Counter()
    for line in err.splitlines():
        if line.startswith("import time:") and "|" in line and "self [us]" not in line:
            self_us, _cum, name = line[len("import time:"):].split("|")
            by_package[name.strip().split(".")[0]] += int(self_us) / 1e6
    return by_package.most_common(top)


def main(argv=None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--text", type=Path, default=ROOT / "examples" / "news_summit.txt")
    ap.add_argument("--repeat", type=int, default=5)
    a = ap.parse_args(argv)
    from summitwatch.ingest import load

    chars = len(load(a.text).raw)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out.json"
        interp = wall([sys.executable, "-c", "pass"], a.repeat)
        helpw = wall([str(BIN / "summitwatch"), "--help"], a.repeat)
        analyze = wall([str(BIN / "summitwatch"), "analyze", str(a.text), "-f", "json", "-o", str(out)], a.repeat)
        first, best = parts(a.text, out, a.repeat)
    rows = [("interpreter start (python -c pass)", interp[0], interp[1])]
    rows += [(k, first[k], best[k]) for k in first if not k.startswith("(")]
    parts_best = sum(r[2] for r in rows)
    print(f"text: {a.text.name}, {chars:,} characters; {a.repeat} fresh processes each; seconds")
    print(f"summitwatch analyze {a.text.name} -f json -o FILE   first {analyze[0]:.3f}   best {analyze[1]:.3f}")
    print(f"summitwatch --help                                first {helpw[0]:.3f}   best {helpw[1]:.3f}")
    print()
    print("| part | first | best | share of the command's best wall time |")
    print("|---|---|---|---|")
    for name, f, b in rows:
        print(f"| {name} | {f:.3f} | {b:.3f} | {b / analyze[1]:.0%} |")
    rest_b = analyze[1] - parts_best
    # (the first runs of the parts and of the command are different processes: no "first" rest)
    print(f"| rest (command-line parsing, process exit) | – | {rest_b:.3f} | {rest_b / analyze[1]:.0%} |")
    print(f"| **summitwatch analyze, wall** | **{analyze[0]:.3f}** | **{analyze[1]:.3f}** | 100% |")
    warm = best["(analyse the same text again, warm)"]
    print(f"\nthe analysis itself once everything is loaded: {warm:.3f} s "
          f"({warm / analyze[1]:.1%} of the command's wall time)")
    print("\nheaviest imports (python -X importtime, self time by top-level package):")
    for name, sec in heavy_imports():
        print(f"  {name:24s} {sec:.3f} s")
    return {"analyze": analyze, "help": helpw, "interpreter": interp, "parts": best, "first": first}


if __name__ == "__main__":
    main()
