"""Run every benchmark: `make bench` (results go into docs/benchmarks.md by hand)."""
from __future__ import annotations

import importlib
import platform
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

BENCHMARKS = ["bench_structure", "bench_analysis", "bench_pdf", "bench_linear", "bench_pdf_linear", "bench_budgets",
              "bench_store", "bench_startup"]

if __name__ == "__main__":
    print(f"# {platform.python_implementation()} {platform.python_version()} on {platform.machine()}")
    for name in BENCHMARKS:
        print(f"\n## {name}")
        try:
            mod = importlib.import_module(name)
        except ModuleNotFoundError as e:
            print(f"skipped: {e}")
            continue
        mod.main([])
