"""What it costs to refuse the inputs of issue 8's budget audit, in a fresh process each:
6.2 M characters of text, a small HWPX of 250 sections that each unpack to just under 1 MB,
and a DOCX of 1.2 M paragraphs. Baseline: the same process importing summitwatch and
refusing an empty file.

    .venv/bin/python bench/bench_budgets.py
"""
from __future__ import annotations

import io
import os
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import print_rows  # noqa: E402

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def inputs() -> dict[str, bytes]:
    para = "정상회담 결과를 분석한 보고서의 한 문단이다. 양국은 협력을 확대하기로 했다. " * 4 + "\n\n"
    text = (para * (6_200_000 // len(para) + 1)).encode("utf-8")
    hwpx = io.BytesIO()
    with zipfile.ZipFile(hwpx, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/hwp+zip", compress_type=zipfile.ZIP_STORED)
        sec = ('<hs:sec xmlns:hs="s" xmlns:hp="p">' + '<hp:p><hp:run><hp:t>가</hp:t></hp:run></hp:p>' * 21_000
               + "</hs:sec>").encode()
        for i in range(250):
            z.writestr(f"Contents/section{i}.xml", sec)
    docx = io.BytesIO()
    with zipfile.ZipFile(docx, "w", zipfile.ZIP_DEFLATED) as z:
        body = "".join(f"<w:p><w:r><w:t>{i}</w:t></w:r></w:p>" for i in range(1_200_000))
        z.writestr("word/document.xml", f"<w:document {W}><w:body>{body}</w:body></w:document>")
    return {"text, 6.2 M characters": text, "HWPX, 250 sections of ~1 MB": hwpx.getvalue(),
            "DOCX, 1.2 M paragraphs": docx.getvalue()}


PROBE = """import sys, time
t0 = time.perf_counter()
from summitwatch.ingest import load
from summitwatch.ingest.errors import InputError
try:
    load(sys.argv[1])
    what = "accepted"
except InputError as e:
    what = str(e).split(": ", 1)[1]
dt = time.perf_counter() - t0
hwm = [l.split()[1] for l in open('/proc/self/status') if l.startswith('VmHWM')][0]
print(f"{dt}\\t{int(hwm) / 1024}\\t{what}")
"""


def probe(path: str) -> tuple[float, float, str]:
    out = subprocess.run([sys.executable, "-c", PROBE, path], capture_output=True, text=True, check=True).stdout
    t, mb, what = out.strip().split("\t", 2)
    return float(t), float(mb), what


def main(argv=None) -> list[dict]:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        empty = os.path.join(tmp, "empty.txt")
        open(empty, "wb").close()
        t0, mb0, _ = probe(empty)
        rows.append({"input": "empty file (baseline)", "bytes": 0, "s": round(t0, 2), "peak MB": round(mb0, 1)})
        for name, data in inputs().items():
            path = os.path.join(tmp, "in." + ("txt" if name.startswith("text") else name.split(",")[0].lower()))
            with open(path, "wb") as f:
                f.write(data)
            t, mb, what = probe(path)
            rows.append({"input": name, "bytes": len(data), "s": round(t, 2), "peak MB": round(mb, 1),
                         "outcome": what})
    print_rows("refusals, each in a fresh process (time includes the imports)", rows)
    return rows


if __name__ == "__main__":
    main()
