"""Structure recovery throughput, as a ratio to merely reading and decoding the same input.

    python bench/bench_structure.py [--chars 2000000]
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import best_of, corpus, peak_rss_mb, print_rows  # noqa: E402


def main(argv=None) -> list[dict]:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--chars", type=int, default=2_000_000)
    a = ap.parse_args(argv)
    from summitwatch.ingest import load
    from summitwatch.ingest.decode import decode_bytes
    from summitwatch.structure import recover

    text = corpus(a.chars)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "corpus.txt"
        path.write_text(text, encoding="cp949", errors="ignore")
        n = len(path.read_bytes().decode("cp949"))

        def read_decode():
            decode_bytes(path.read_bytes())

        def structure():
            recover(load(path))

        t_base = best_of(read_decode)
        t_struct = best_of(structure)
        rows = [
            {"benchmark": "read + decode (baseline)", "chars/s": n / t_base, "ratio": 1.0},
            {"benchmark": "read + decode + structure recovery", "chars/s": n / t_struct, "ratio": t_base / t_struct},
        ]
        big = Path(tmp) / "big.txt"
        with open(big, "wb") as f:
            chunk = ("정상회담 결과를 분석한다. " * 100 + "\n").encode()
            for _ in range(100 * 1024 * 1024 // len(chunk) + 1):
                f.write(chunk)
        line = Path(tmp) / "line.txt"
        line.write_bytes(("가" * 1000).encode() * 3500)
        probe = ("from summitwatch.ingest import load\nfrom summitwatch.ingest.errors import InputError\n"
                 "try:\n    load({!r})\nexcept InputError:\n    pass\n")
        base_rss = peak_rss_mb("import summitwatch.ingest, summitwatch.structure")
        rows.append({"benchmark": "peak RSS: 100 MB text file (refused)", "MB": peak_rss_mb(probe.format(str(big))),
                     "baseline MB": base_rss})
        rows.append({"benchmark": "peak RSS: one 10 MB line (refused)", "MB": peak_rss_mb(probe.format(str(line))),
                     "baseline MB": base_rss})
        rows.append({"benchmark": f"peak RSS: structure of {n / 1e6:.1f} M chars",
                     "MB": peak_rss_mb("from summitwatch.ingest import load\nfrom summitwatch.structure import "
                                       f"recover\nrecover(load({str(path)!r}))"), "baseline MB": base_rss})
    print_rows(f"corpus: {n:,} characters (CP949), best of 3 runs", rows)
    return rows


if __name__ == "__main__":
    main()
