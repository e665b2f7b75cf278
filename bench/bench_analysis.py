"""Whole-analysis throughput as a ratio to Kiwi's own tokenisation of the same text, and
peak memory on a 1 MB document against Kiwi tokenising it alone.

    python bench/bench_analysis.py [--chars 300000]
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
    ap.add_argument("--chars", type=int, default=300_000)
    ap.add_argument("--mb-doc", type=int, default=1_000_000, help="characters of the memory test document")
    a = ap.parse_args(argv)
    from summitwatch.nlp import kiwi
    from summitwatch.pipeline import analyze_text

    text = corpus(a.chars)
    k = kiwi()
    k.tokenize("워밍업 문장이다.")          # model load is not throughput
    analyze_text("워밍업 문장이다. 2025년 2월 7일 회담.")
    # Kiwi at its fastest on one core: one call per paragraph (one call on the whole text is
    # several times slower, so it would flatter the ratio)
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    t_kiwi = best_of(lambda: [k.tokenize(p) for p in paragraphs])
    t_all = best_of(lambda: analyze_text(text))
    n = len(text)
    rows = [{"benchmark": "Kiwi tokenize (baseline)", "chars/s": n / t_kiwi, "ratio": 1.0},
            {"benchmark": "summitwatch whole analysis", "chars/s": n / t_all, "ratio": t_kiwi / t_all}]
    with tempfile.TemporaryDirectory() as tmp:
        doc = Path(tmp) / "doc.txt"
        doc.write_text(corpus(a.mb_doc), encoding="utf-8")
        kiwi_rss = peak_rss_mb(f"from kiwipiepy import Kiwi\nk = Kiwi()\n"
                               f"[k.tokenize(p) for p in open({str(doc)!r}).read().split(chr(10) * 2) if p.strip()]")
        all_rss = peak_rss_mb("from summitwatch.ingest import load\nfrom summitwatch.pipeline import run\n"
                              f"run(load({str(doc)!r}))")
    rows.append({"benchmark": f"peak RSS on {a.mb_doc / 1e6:.1f} M chars", "Kiwi alone MB": kiwi_rss,
                 "summitwatch MB": all_rss, "ratio": all_rss / kiwi_rss})
    print_rows(f"corpus: {n:,} characters, best of 3 runs (model loaded beforehand)", rows)
    return rows


if __name__ == "__main__":
    main()
