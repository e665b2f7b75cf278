"""PDF reading is linear: time per character flat from 1x to 64x of a document.

The input is the worst case for paragraph joining: pages of Korean words with no sentence end,
so that every line of the document continues one paragraph (a join that rescans the growing
paragraph is quadratic here). The PDFs are made by reportlab in this run, never committed:
1x is 31 pages, 64x is 1,984 pages (the reader's limit is 2,000). Measured: ingest
(summitwatch.ingest.load_bytes, layout analysis included) and ingest + structure recovery.
The ratio column is time per character against the 1x run of the same stage, same run.

    .venv/bin/python bench/bench_pdf_linear.py [--base-pages 31] [--max-factor 64] [--repeat 1]
"""
from __future__ import annotations

import argparse
import io
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import peak_rss_mb, print_rows  # noqa: E402

_WORDS = ("양국 정상은 공동 관심사 협력 방안 경제 안보 공급망 기후 기술 교류 확대 논의 "
          "추진 합의 점검 이행 과제 지역 정세 대화 채널 유지 실무 협의 후속 조치").split()


def no_sentence_pdf(pages: int) -> bytes:
    """``pages`` A4 pages, 30 lines each, of words with no full stop anywhere (1,984 such pages
    stay under the reader's 3,000,000-character budget)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas
    font = "HYSMyeongJo-Medium"
    if font not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(font))
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(595, 842))
    k = 0
    for _ in range(pages):
        y = 780.0
        for _ in range(30):
            words = []
            while len(" ".join(words)) < 44:
                words.append(_WORDS[k % len(_WORDS)])
                k += 7
            c.setFont(font, 10)
            c.drawString(60, y, " ".join(words))
            y -= 17
        c.showPage()
    c.save()
    return buf.getvalue()


def _timed(fn, repeat: int) -> float:
    """CPU seconds, best of ``repeat``: on a shared machine wall time also counts the waits
    for other processes, which grow with the length of a run whatever the code does."""
    best = float("inf")
    for _ in range(repeat):
        t0 = time.process_time()
        fn()
        best = min(best, time.process_time() - t0)
    return best


def _rss(data: bytes) -> float:
    """Peak RSS (MB) of ingest + structure of ``data`` in a fresh process."""
    with tempfile.NamedTemporaryFile(suffix=".pdf", delete=False) as f:
        f.write(data)
    try:
        return peak_rss_mb("from pathlib import Path\nfrom summitwatch.ingest import load_bytes\n"
                           "from summitwatch.structure import recover\n"
                           f"recover(load_bytes(Path({f.name!r}).read_bytes(), source='x.pdf'))")
    finally:
        os.unlink(f.name)


def main(argv=None) -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--base-pages", type=int, default=31)
    ap.add_argument("--max-factor", type=int, default=64)
    ap.add_argument("--repeat", type=int, default=2)
    args = ap.parse_args(argv)
    from summitwatch.ingest import load_bytes
    from summitwatch.structure import recover

    def ingest(data):
        return load_bytes(data, source="linear.pdf")

    def both(data):
        return recover(load_bytes(data, source="linear.pdf"))

    base = no_sentence_pdf(args.base_pages)
    base_chars = len(ingest(base).raw)
    rows = []
    factor = 1
    while factor <= args.max_factor:
        data = base if factor == 1 else no_sentence_pdf(args.base_pages * factor)
        chars = len(ingest(data).raw)
        # the 1x baseline is timed right before each input: a busy machine drifts over minutes
        b_i, t_i = _timed(lambda: ingest(base), args.repeat), _timed(lambda: ingest(data), args.repeat)
        b_a, t_a = _timed(lambda: both(base), args.repeat), _timed(lambda: both(data), args.repeat)
        row = {"factor": f"{factor}x", "pages": args.base_pages * factor, "chars": f"{chars:,}",
               "ingest cpu s": t_i, "ingest us/char": t_i / chars * 1e6,
               "ratio to 1x": (t_i / chars) / (b_i / base_chars),
               "ingest+structure cpu s": t_a, "ingest+structure us/char": t_a / chars * 1e6,
               "ratio to 1x ": (t_a / chars) / (b_a / base_chars)}
        if factor in (1, args.max_factor):
            mb = _rss(data)
            row["peak RSS MB"] = mb
            row["MB per M chars"] = mb / (chars / 1e6)
        rows.append(row)
        factor *= 2
    print_rows(f"PDF without sentence ends, {args.base_pages} pages at 1x, best of {args.repeat}; "
               "ratio = time per character / that of the 1x input timed just before", rows)


if __name__ == "__main__":
    main()
