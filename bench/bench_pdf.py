"""PDF ingest + structure throughput against pypdfium2's own character-level extraction.

Baseline (same PDF, same run): for every page, pdfium's text page, the page text and each
character's font size (FPDFText_GetFontSize) - what any layout-aware reader must at least do.
Measured: summitwatch.ingest.load_bytes (reading order, running heads, footnotes, headings,
tables, paragraph joins) followed by summitwatch.structure.recover.
Peak RSS of ingest+structure on a 500-page PDF is measured in a fresh child process.
On the real RFP (../shared/realfiles) it also reports CPU time by phase and what one pdfium call
of the reader costs (cffi against ctypes for the page-object walk).

    .venv/bin/python bench/bench_pdf.py [--pages 500] [--repeat 3] [--rfp-only]
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


def _python_loops(data: bytes):
    """Our reader with the C walker switched off (the fallback of an install without a compiler)."""
    from summitwatch.ingest import pdf_lines
    walk, pdf_lines._walk = pdf_lines._walk, None
    try:
        return ours(data)
    finally:
        pdf_lines._walk = walk


def real_rfp(repeat: int) -> str:
    """The 101-page RFP of ../shared/realfiles: ingest + structure (layout analysis included)
    against pypdfium2's plain text extraction, same run, with the compiled page walker and with
    the Python loops. They alternate (a busy machine drifts between them); wall and CPU time
    are the best of ``repeat`` each."""
    if not REAL_RFP.exists():
        return f"real RFP: skipped ({REAL_RFP} is absent)"
    from summitwatch.ingest import pdf_lines
    data = REAL_RFP.read_bytes()
    runs = [("plain", plain_text), ("ours", ours)]
    if pdf_lines._walk is not None:
        runs.append(("python", _python_loops))
    best = {name: [1e9, 1e9] for name, _ in runs}
    for _ in range(repeat):
        for name, fn in runs:
            w, c = time.perf_counter(), time.process_time()
            fn(data)
            w, c = time.perf_counter() - w, time.process_time() - c
            best[name] = [min(best[name][0], w), min(best[name][1], c)]
    pages = plain_text(data)
    (pw, pc), (ow, oc) = best["plain"], best["ours"]
    walker = "compiled page walker" if pdf_lines._walk is not None else "Python loops (C walker not built)"
    out = (f"real RFP ({pages} pages, {REAL_RFP.name}): pypdfium2 plain text {pages / pw:.0f} pages/s, "
           f"ingest+structure ({walker}) {pages / ow:.0f} pages/s, ratio {pw / ow:.2f} (wall); "
           f"CPU {pc:.3f} s against {oc:.3f} s, ratio {pc / oc:.2f}")
    if "python" in best:
        yw, yc = best["python"]
        out += f"; with the Python loops instead: CPU {yc:.3f} s, ratio {pc / yc:.2f} (wall {pw / yw:.2f})"
    return out


def rfp_phases(repeat: int) -> str:
    """Where the reader's CPU time goes on the RFP, best of ``repeat`` per phase: the pdfium
    calls it shares with plain text extraction (page, text page), the ones only it makes (page
    objects for rules and images, character runs) and the Python layout and line work."""
    if not REAL_RFP.exists():
        return "RFP phases: skipped"
    import pypdfium2 as pdfium
    from summitwatch.ingest.pdf_calls import handle, lib
    from summitwatch.ingest.pdf_lines import page_graphics, page_lines, page_runs
    data = REAL_RFP.read_bytes()
    names = ("page load+close", "text page", "page objects", "character runs", "layout + lines")
    best = dict.fromkeys(names, 1e9)
    for _ in range(repeat):
        acc = dict.fromkeys(names, 0.0)
        pdf = pdfium.PdfDocument(data)
        for i in range(len(pdf)):
            t0 = time.process_time()
            page = lib.FPDF_LoadPage(handle(pdf), i)        # raw handles, as the reader does
            t1 = time.process_time()
            g = page_graphics(page)
            t2 = time.process_time()
            tp = lib.FPDFText_LoadPage(page)
            t3 = time.process_time()
            runs = page_runs(tp)
            t4 = time.process_time()
            lib.FPDFText_ClosePage(tp)
            t5 = time.process_time()
            page_lines(runs, i + 1, g)
            t6 = time.process_time()
            lib.FPDF_ClosePage(page)
            t7 = time.process_time()
            for k, v in zip(names, (t1 - t0 + t7 - t6, t3 - t2 + t5 - t4, t2 - t1, t4 - t3, t6 - t5)):
                acc[k] += v
        pdf.close()
        best = {k: min(best[k], acc[k]) for k in names}
    return "RFP CPU by phase (s): " + ", ".join(f"{k} {v:.3f}" for k, v in best.items())


def rfp_calls(repeat: int) -> str:
    """What one pdfium call of the reader costs on the RFP, best of ``repeat``: the object and
    type calls of every page object through cffi (the reader's binding) and through ctypes
    (pypdfium2's), and each per-character and per-run call through cffi, made once per run start."""
    if not REAL_RFP.exists():
        return "RFP pdfium calls: skipped"
    import ctypes
    from itertools import compress, islice, repeat as rep
    from operator import ne
    import pypdfium2 as pdfium
    from summitwatch.ingest.pdf_calls import NULL, ffi, handle, lib
    pdf = pdfium.PdfDocument(REAL_RFP.read_bytes())
    pages = [pdf[i] for i in range(len(pdf))]
    tps = [p.get_textpage() for p in pages]
    objs, starts = [], []
    for p, tp in zip(pages, tps):
        h = handle(p)
        objs.append((h, lib.FPDFPage_CountObjects(h), ctypes.c_void_p(ctypes.cast(p.raw, ctypes.c_void_p).value)))
        th = handle(tp)
        n = lib.FPDFText_CountChars(th)
        o = list(map(lib.FPDFText_GetTextObject, rep(th, n), range(n)))
        first = [0, *compress(range(1, n), map(ne, islice(o, 1, None), o))] if n > 0 else []
        starts.append((th, [i for i in first if o[i] != NULL]))
    from pypdfium2_raw.bindings import _libs
    c_get = _libs["pdfium"]["FPDFPage_GetObject"]          # fresh prototypes: pypdfium2's stay as they are
    c_type = _libs["pdfium"]["FPDFPageObj_GetType"]
    c_get.argtypes, c_get.restype = [ctypes.c_void_p, ctypes.c_int], ctypes.c_void_p
    c_type.argtypes, c_type.restype = [ctypes.c_void_p], ctypes.c_int
    d = ffi.new("double[4]")
    m = ffi.new("FS_MATRIX*")
    per_run = {
        "text object": lambda h, st: list(map(lib.FPDFText_GetTextObject, rep(h), st)),
        "origin": lambda h, st: list(map(lib.FPDFText_GetCharOrigin, rep(h), st, rep(d), rep(d + 1))),
        "box": lambda h, st: list(map(lib.FPDFText_GetCharBox, rep(h), st, rep(d), rep(d + 1), rep(d + 2), rep(d + 3))),
        "matrix": lambda h, st: list(map(lib.FPDFText_GetMatrix, rep(h), st, rep(m))),
        "font size": lambda h, st: list(map(lib.FPDFText_GetFontSize, rep(h), st)),
        "weight": lambda h, st: list(map(lib.FPDFText_GetFontWeight, rep(h), st)),
    }
    n_objs = sum(n for _, n, _ in objs)
    n_runs = sum(len(st) for _, st in starts)
    best: dict[str, float] = {}
    try:
        for _ in range(repeat):
            t = time.process_time()
            for h, n, _ in objs:
                list(map(lib.FPDFPageObj_GetType, map(lib.FPDFPage_GetObject, rep(h, n), range(n))))
            best["objects cffi"] = min(best.get("objects cffi", 1e9), time.process_time() - t)
            t = time.process_time()
            for _, n, ch in objs:
                list(map(c_type, map(c_get, rep(ch, n), range(n))))
            best["objects ctypes"] = min(best.get("objects ctypes", 1e9), time.process_time() - t)
            for name, fn in per_run.items():
                t = time.process_time()
                for h, st in starts:
                    fn(h, st)
                best[name] = min(best.get(name, 1e9), time.process_time() - t)
    finally:
        for tp in tps:
            tp.close()
        for p in pages:
            p.close()
        pdf.close()
    us = {k: v * 1e6 / (2 * n_objs if k.startswith("objects") else n_runs) for k, v in best.items()}
    return (f"RFP pdfium calls (µs a call; {n_objs:,} page objects, get+type each; {n_runs:,} runs): "
            + ", ".join(f"{k} {v:.2f}" for k, v in us.items()))


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
    ap.add_argument("--rfp-only", action="store_true", help="only the real RFP and its phases")
    args = ap.parse_args(argv)
    if args.rfp_only:
        print(real_rfp(args.repeat))
        print(rfp_phases(args.repeat))
        print(rfp_calls(args.repeat))
        return
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
    print(rfp_phases(args.repeat))
    print(rfp_calls(args.repeat))
    print(f"peak RSS, ingest+structure of the {args.pages}+ page PDF in a fresh process: {peak_mb:.1f} MB "
          f"(interpreter with the modules imported: {idle_mb:.1f} MB)")


if __name__ == "__main__":
    main()
