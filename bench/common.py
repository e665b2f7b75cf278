"""Shared helpers for the benchmarks: corpora made from the team's examples, timing, RSS."""
from __future__ import annotations

import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"


def example_texts() -> list[str]:
    from summitwatch.ingest import load

    return [load(p).raw for p in sorted(EXAMPLES.glob("*.txt"))]


def corpus(chars: int) -> str:
    """About ``chars`` characters of brief-like text: the examples, repeated."""
    texts = [t.lstrip("\ufeff") for t in example_texts()]
    out, n = [], 0
    while n < chars:
        for t in texts:
            out.append(t)
            n += len(t)
    return "\n\n".join(out)[:chars]


def best_of(fn, repeat: int = 3) -> float:
    """Fastest wall time of ``repeat`` runs (the least disturbed by a noisy machine)."""
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def peak_rss_mb(code: str) -> float:
    """Peak RSS (MB) of a fresh Python process running ``code``."""
    # VmHWM belongs to this process's own address space; ru_maxrss would carry the parent's
    # high-water mark across fork and exec.
    wrapper = code + ("\nimport sys\nsys.stdout.write([l.split()[1] for l in open('/proc/self/status') "
                      "if l.startswith('VmHWM')][0])")
    out = subprocess.run([sys.executable, "-c", wrapper], capture_output=True, text=True, check=True).stdout
    return int(out.strip().splitlines()[-1]) / 1024


def self_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def print_rows(header: str, rows: list[dict]) -> None:
    """The benchmark's rows, one a line, after a line saying what was measured."""
    print(header)
    for r in rows:
        print("  " + " | ".join(f"{k}: {v:,.2f}" if isinstance(v, float) else f"{k}: {v}" for k, v in r.items()))
