"""A seeded mutator over every reader and all three output formats (run by test_fuzz.py in a
child process, so that a hang or a memory blow-up fails the test instead of the whole suite).

Three kinds of input, all from the test brief: its content mutated (hostile strings in titles,
headings, paragraphs, cells and footnotes) and rendered into each format; the rendered bytes
mutated (flips, overwrites, cuts, duplications, splices of other formats' magic numbers); and
for the zip formats, one XML part mutated and re-zipped (so the damage gets past the zip's CRC
into the XML reader). Each input goes through ingest, the whole pipeline, the JSON export, the
Markdown export and the terminal report. Only InputError may come out.

    python tests/ingest/fuzzing.py --seed 8 --cases 24     # prints one JSON summary line
"""
from __future__ import annotations

import argparse
import io
import json
import os
import random
import sys
import time
import traceback
import zipfile

sys.path.insert(0, os.path.dirname(__file__))

HOSTILE = ["[/]", "[bold]", "[link=https://x.example]y[/link]", "<script>alert(1)</script>", "![](https://t.example/p.png)",
           "[a](javascript:alert(1))", "# ", "| ", "`", "*", "&amp;", "\u200b", "\ufeff", "\u3000", "\u00a0",
           "\u1100\u1161\u11a8", "e\u0301", "\u0301", "1.", "2025년 13월 45일", "제1장", "①", "※", "＊", "1)", "(1)",
           "https://", "http://a.example/" + "x" * 300, "\U0001F600", "「", "」", "\u2028", "출처:", "[표 1]", "99999999999999"]
CONTROLS = ["\x00", "\x07", "\x1b[31m", "\x1b]8;;https://x\x1b\\", "\x0b", "\x0c", "\r", "\x7f", "\x85"]
MAGIC = [b"%PDF-1.7", b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b"<html>", b"\xef\xbb\xbf", b"\xff\xfe",
         b"\x00" * 16, b"<!DOCTYPE x>", b"]]>", b"</w:p>", b"<hp:p>"]


def _renderers():
    import fixtures
    return {"text": lambda b: __import__("brief").canonical_text(b).encode("utf-8"),
            "pdf": fixtures.to_pdf, "docx": fixtures.to_docx, "hwpx": fixtures.to_hwpx,
            "hwp": fixtures.to_hwp, "html": fixtures.to_html}


def mutate_brief(rng: random.Random, xml_safe: bool):
    from brief import BRIEF, Brief
    blocks = list(BRIEF.blocks)
    palette = HOSTILE + ([] if xml_safe else CONTROLS)

    def spoil(s: str) -> str:
        for _ in range(rng.randint(1, 4)):
            i = rng.randint(0, len(s))
            s = s[:i] + rng.choice(palette) + s[i:]
        return s

    for _ in range(rng.randint(1, 6)):
        k = rng.randrange(len(blocks))
        b = blocks[k]
        if b[0] in ("title", "p"):
            blocks[k] = (b[0], spoil(b[1]))
        elif b[0] == "h":
            blocks[k] = ("h", rng.choice([b[1], 1, 2, 3, 7]), spoil(b[2]))
        elif b[0] == "t":
            rows = [[spoil(c) if rng.random() < 0.3 else c for c in r] for r in b[2]]
            blocks[k] = ("t", spoil(b[1]), rows, b[3])
    if rng.random() < 0.2:
        blocks += blocks[1:] * rng.randint(1, 3)           # repeated content, repeated markers
    if rng.random() < 0.1:
        blocks = blocks[:1]                                   # almost nothing
    notes = {n: spoil(t) if rng.random() < 0.5 else t for n, t in BRIEF.footnotes.items()}
    if rng.random() < 0.2:
        notes.pop(rng.choice(list(notes)))                    # a marker without a body
    return Brief(BRIEF.title, BRIEF.date, BRIEF.author, BRIEF.header, blocks, notes)


def mutate_bytes(rng: random.Random, data: bytes) -> bytes:
    b = bytearray(data)
    for _ in range(rng.randint(1, 5)):
        if not b:
            break
        op = rng.randrange(6)
        i = rng.randrange(len(b))
        n = rng.randint(1, min(64, len(b) - i))
        if op == 0:
            b[i] ^= 1 << rng.randrange(8)
        elif op == 1:
            b[i:i + n] = bytes(rng.randrange(256) for _ in range(n))
        elif op == 2:
            del b[i:i + n]
        elif op == 3:
            b[i:i] = b[i:i + n] * rng.randint(2, 50)
        elif op == 4:
            b[i:i] = rng.choice(MAGIC)
        else:
            del b[rng.randint(len(b) // 2, len(b)):]        # truncated
    return bytes(b)


def mutate_zip_member(rng: random.Random, data: bytes) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    xml = [i.filename for i in src.infolist() if i.filename.endswith((".xml", ".hpf"))]
    victim = rng.choice(xml)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for item in src.infolist():
            body = src.read(item.filename)
            if item.filename == victim:
                body = mutate_bytes(rng, body)
            z.writestr(item, body)
    return out.getvalue()


def check(data: bytes, name: str) -> None:
    """Everything a user can ask of one input; only InputError may escape."""
    from rich.console import Console

    from summitwatch.export import to_analysis
    from summitwatch.ingest import load_bytes
    from summitwatch.ingest.errors import InputError
    from summitwatch.pipeline import run
    from summitwatch.report import console, markdown

    try:
        doc = load_bytes(data, source=name)
    except InputError as e:
        assert str(e) and "\n" not in str(e), repr(str(e))
        return
    a = to_analysis(run(doc))
    json.loads(a.to_json())
    markdown.render(a)
    buf = io.StringIO()
    console.render(a, Console(file=buf, width=100, force_terminal=True, color_system="truecolor"))
    assert "\x1b]8;" not in buf.getvalue(), "a terminal hyperlink came out of a document"


def main(argv=None) -> dict:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=8)
    ap.add_argument("--cases", type=int, default=24, help="inputs per format")
    ap.add_argument("--deadline", type=float, default=50.0, help="seconds; stop starting new cases after")
    ap.add_argument("--save", default="", help="directory to save failing inputs in")
    a = ap.parse_args(argv)
    from summitwatch.pipeline import analyze_text
    analyze_text("워밍업 문장이다.")
    t_start = time.perf_counter()
    renderers = _renderers()
    seeds = {fmt: r(__import__("brief").BRIEF) for fmt, r in renderers.items()}
    summary = {"cases": 0, "failures": [], "slowest": [0.0, ""], "by_format": {}}
    for k in range(a.cases):
        for fmt, render in renderers.items():
            if time.perf_counter() - t_start > a.deadline:
                break
            rng = random.Random(f"{a.seed}-{fmt}-{k}")
            kind = ("content", "bytes", "member")[k % (3 if fmt in ("docx", "hwpx") else 2)]
            try:
                if kind == "content":
                    data = render(mutate_brief(rng, xml_safe=fmt not in ("text",)))
                elif kind == "bytes":
                    data = mutate_bytes(rng, seeds[fmt])
                else:
                    data = mutate_zip_member(rng, seeds[fmt])
            except Exception:                                 # the renderer refused the mutation
                continue
            name = f"fuzz.{ {'text': 'txt'}.get(fmt, fmt) }"
            t0 = time.perf_counter()
            try:
                check(data, name)
            except Exception:
                case = f"{fmt}/{kind}/{a.seed}-{k}"
                summary["failures"].append({"case": case, "error": traceback.format_exc().splitlines()[-1]})
                if a.save:
                    with open(os.path.join(a.save, case.replace("/", "_")), "wb") as f:
                        f.write(data)
            dt = time.perf_counter() - t0
            if dt > summary["slowest"][0]:
                summary["slowest"] = [round(dt, 3), f"{fmt}/{kind}/{k}"]
            summary["cases"] += 1
            summary["by_format"][fmt] = summary["by_format"].get(fmt, 0) + 1
    summary["seconds"] = round(time.perf_counter() - t_start, 1)
    summary["peak_rss_mb"] = round(int([ln.split()[1] for ln in open("/proc/self/status")
                                        if ln.startswith("VmHWM")][0]) / 1024, 1)
    print(json.dumps(summary, ensure_ascii=False))
    return summary


if __name__ == "__main__":
    main()
