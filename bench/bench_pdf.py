"""PDF ingest + structure throughput against pypdfium2's own character-level extraction.

Baseline (same PDF, same run): for every page, pdfium's text page, the page text and each
character's font size (FPDFText_GetFontSize) - what any layout-aware reader must at least do.
Measured: summitwatch.ingest.load_bytes (reading order, running heads, footnotes, headings,
tables, paragraph joins) followed by summitwatch.structure.recover.
Peak RSS of ingest+structure on a 500-page PDF is measured in a fresh child process.

    .venv/bin/python bench/bench_pdf.py [--pages 500] [--repeat 3]
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "ingest"))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import best_of, peak_rss_mb  # noqa: E402


def baseline(data: bytes) -> int:
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c
    pdf = pdfium.PdfDocument(data)
    n = len(pdf)
    for i in range(n):
        page = pdf[i]
        tp = page.get_textpage()
        count = tp.count_chars()
        tp.get_text_range(0, count)
        sizes = [pdfium_c.FPDFText_GetFontSize(tp, k) for k in range(count)]
        del sizes
        tp.close()
        page.close()
    pdf.close()
    return n


def plain_text(data: bytes) -> int:
    """pypdfium2's plain text extraction, page by page: the floor any reader stands on."""
    import pypdfium2 as pdfium
    pdf = pdfium.PdfDocument(data)
    n = len(pdf)
    for i in range(n):
        page = pdf[i]
        tp = page.get_textpage()
        tp.get_text_range()
        tp.close()
        page.close()
    pdf.close()
    return n


REAL_RFP = ROOT.parent / "shared" / "realfiles" / "pdf" / "odl_rfp_genai.pdf"


def real_rfp(repeat: int) -> str:
    """The 101-page RFP of ../shared/realfiles: ingest + structure (layout analysis included)
    against pypdfium2's plain text extraction, same run."""
    if not REAL_RFP.exists():
        return f"real RFP: skipped ({REAL_RFP} is absent)"
    data = REAL_RFP.read_bytes()
    t_plain = best_of(lambda: plain_text(data), repeat)
    t_all = best_of(lambda: ours(data), repeat)
    pages = plain_text(data)
    return (f"real RFP ({pages} pages, {REAL_RFP.name}): pypdfium2 plain text {pages / t_plain:.0f} pages/s, "
            f"ingest+structure {pages / t_all:.0f} pages/s, ratio {t_plain / t_all:.2f}")


def ours(data: bytes, structure: bool = True):
    from summitwatch.ingest import load_bytes
    from summitwatch.structure import recover
    doc = load_bytes(data, source="bench.pdf")
    if structure:
        recover(doc)
    return doc


def main(argv=None) -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", type=int, default=500)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    import pypdfium2 as pdfium
    from fixtures import long_pdf, to_pdf

    sections = max(1, int(args.pages * 1.25))      # long_pdf makes about 0.8 pages per section
    docs = {"brief (test fixture)": to_pdf(), f"long ({args.pages}+ pages)": long_pdf(sections)}
    rows = []
    for name, data in docs.items():
        pdf = pdfium.PdfDocument(data)
        pages = len(pdf)
        pdf.close()
        t_base = best_of(lambda: baseline(data), args.repeat)
        t_ingest = best_of(lambda: ours(data, structure=False), args.repeat)
        t_all = best_of(lambda: ours(data), args.repeat)
        rows.append((name, pages, pages / t_base, pages / t_ingest, pages / t_all, t_base / t_all))
    with tempfile.NamedTemporaryFile(suffix=".pdf", delete=False) as f:
        f.write(docs[f"long ({args.pages}+ pages)"])
        path = f.name
    try:
        peak_mb = peak_rss_mb("import sys\nsys.path.insert(0, %r)\nfrom bench_pdf import ours\n"
                              "from pathlib import Path\nours(Path(%r).read_bytes())" % (str(Path(__file__).parent), path))
        idle_mb = peak_rss_mb("import summitwatch.ingest, summitwatch.structure, pypdfium2")
    finally:
        os.unlink(path)
    print(f"{'PDF':<24} {'pages':>6} {'pdfium chars+sizes p/s':>23} {'ingest p/s':>11} "
          f"{'ingest+structure p/s':>21} {'ratio':>6}")
    for name, pages, b, i, a, r in rows:
        print(f"{name:<24} {pages:>6} {b:>23.0f} {i:>11.0f} {a:>21.0f} {r:>6.2f}")
    print(real_rfp(args.repeat))
    print(f"peak RSS, ingest+structure of the {args.pages}+ page PDF in a fresh process: {peak_mb:.1f} MB "
          f"(interpreter with the modules imported: {idle_mb:.1f} MB)")


if __name__ == "__main__":
    main()
