"""OCR of scanned PDF pages with Tesseract (Korean and English), when it is installed.

The Tesseract binary is called directly (no wrapper: pytesseract would add Pillow for the
same command line): each page is rendered by pdfium in grayscale, written as a PGM and read
back as Tesseract's TSV of words with their boxes. The words become runs like those of a
text layer, so columns, lines, paragraphs and footnotes are found the same way.
"""
from __future__ import annotations

import csv
import functools
import io
import os
import shutil
import subprocess
import tempfile

import pypdfium2.raw as pdfium_c

from .pdf_lines import Run

INSTALL_HINT = "install Tesseract with Korean data to read it (Debian/Ubuntu: apt-get install tesseract-ocr tesseract-ocr-kor)"
_DPI = 300
_TIMEOUT = 120            # seconds for one page
_MIN_CONF = 60            # Tesseract's mean word confidence (0-100) below which a line is noise


@functools.lru_cache(maxsize=1)
def tesseract() -> tuple[str, str] | None:
    """(binary, languages) when Tesseract with Korean data is installed, else None."""
    exe = shutil.which("tesseract")
    if not exe:
        return None
    try:
        out = subprocess.run([exe, "--list-langs"], capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    langs = {ln.strip() for ln in out.splitlines()[1:]}
    if "kor" not in langs:
        return None
    return exe, "+".join(x for x in ("kor", "eng") if x in langs)


def version() -> str:
    found = tesseract()
    if not found:
        return ""
    try:
        out = subprocess.run([found[0], "--version"], capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.SubprocessError):
        return "tesseract"
    return (out.splitlines() or ["tesseract"])[0].strip()


def _pgm(page) -> bytes:
    bitmap = page.render(scale=_DPI / 72, force_bitmap_format=pdfium_c.FPDFBitmap_Gray)
    w, h, stride = bitmap.width, bitmap.height, bitmap.stride
    raw = bytes(bitmap.buffer)
    rows = raw if stride == w else b"".join(raw[k * stride:k * stride + w] for k in range(h))
    return b"P5\n%d %d\n255\n" % (w, h) + rows


def _tesseract(exe: str, langs: str, img: str, base: str, psm: str) -> tuple[str, str]:
    """One run, two outputs: the plain text (Tesseract spaces Korean words well there) and the
    TSV of boxes (whose Korean "words" are often single syllables)."""
    proc = subprocess.run([exe, img, base, "-l", langs, "--psm", psm, "txt", "tsv"],
                          capture_output=True, timeout=_TIMEOUT)
    if proc.returncode != 0:
        tail = proc.stderr.decode("utf-8", "replace").strip().splitlines()[-1:]
        raise OSError(tail[0] if tail else "tesseract failed")
    with open(base + ".txt", encoding="utf-8", errors="replace") as f:
        txt = f.read()
    with open(base + ".tsv", encoding="utf-8", errors="replace") as f:
        tsv = f.read()
    return txt, tsv


def _boxes(tsv: str, level: str) -> list[tuple[int, int, int, int, float, str]]:
    """Boxes of one TSV level; a line's confidence is the mean of its words'."""
    out = []
    confs: dict[tuple, list[float]] = {}
    rows = list(csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE))
    for r in rows:
        if r.get("level") == "5" and (r.get("text") or "").strip():
            try:
                confs.setdefault((r["block_num"], r["par_num"], r["line_num"]), []).append(float(r["conf"]))
            except (KeyError, TypeError, ValueError):
                continue
    for r in rows:
        if r.get("level") != level:
            continue
        try:
            left, top, w, h = (int(r[k]) for k in ("left", "top", "width", "height"))
            conf = float(r.get("conf") or -1)
            if level == "4":
                cs = confs.get((r["block_num"], r["par_num"], r["line_num"])) or [-1.0]
                conf = sum(cs) / len(cs)
        except (KeyError, TypeError, ValueError):
            continue
        out.append((left, top, w, h, conf, (r.get("text") or "").strip()))
    return out


def page_runs(page) -> list[Run]:
    """The lines Tesseract reads on a rendered page, as runs in PDF points (baseline y up):
    each line's text from the plain output, its box from the TSV."""
    found = tesseract()
    if not found:
        return []
    exe, langs = found
    height = page.get_height()
    scale = _DPI / 72
    with tempfile.TemporaryDirectory(prefix="summitwatch-ocr-") as tmp:
        img = os.path.join(tmp, "page.pgm")
        with open(img, "wb") as f:
            f.write(_pgm(page))
        base = os.path.join(tmp, "out")
        for psm in ("3", "6"):          # automatic layout; a sparse page it calls empty, as one block
            txt, tsv = _tesseract(exe, langs, img, base, psm)
            texts = [ln.strip() for ln in txt.splitlines() if ln.strip()]
            if texts:
                break
    lines = [b for b in _boxes(tsv, "4") if b[2] > 0 and b[3] > 0]
    words = [b for b in _boxes(tsv, "5") if b[5] and b[4] >= _MIN_CONF]
    runs: list[Run] = []
    if len(lines) == len(texts):
        for (left, top, w, h, conf, _), text in zip(lines, texts):
            if conf < _MIN_CONF:
                continue                          # noise: a stain, a stamp, a script not installed
            runs.append(Run(text, left / scale, (left + w) / scale, height - (top + h) / scale, 0.8 * h / scale, False))
        return runs
    for left, top, w, h, _, text in words:       # the outputs disagree: words, spaced by their gaps
        runs.append(Run(text, left / scale, (left + w) / scale, height - (top + h) / scale, h / scale, False))
    return runs
