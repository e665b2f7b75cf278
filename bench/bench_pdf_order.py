"""How much of a real PDF's fidelity gap is reading order, not lost text.

For each named file of ../shared/realfiles: fidelity.py's recall and order of our export as it
is, and of the same export's lines re-sorted into the order in which the reference (pypdfium2's
plain text, the PDF's content-stream order) first shows them. The second pair bounds what any
reading order of our lines could score: when it stays under the per-file floors, the rest is in
how the reference joins lines of boxes side by side, not in text we lose.

    .venv/bin/python bench/bench_pdf_order.py [--out DIR] odl_kb_fund odl_db_china_fund
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def _position(line: str, ref: str, letters) -> int:
    """Where the line's text first shows in the reference (median of its pieces found there)."""
    s = letters(line)
    for n in (8, 6, 4, 3, 2):
        found = sorted(k for i in range(max(1, len(s) - n + 1)) if (k := ref.find(s[i:i + n])) >= 0)
        if found:
            return found[len(found) // 2]
    return len(ref)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("names", nargs="+", help="file names in realfiles/pdf without .pdf")
    ap.add_argument("--out", help="keep the exports here")
    a = ap.parse_args(argv)
    sys.path.insert(0, str(SHARED / "eval"))
    try:
        from fidelity import export_text, letters, order, recall
    except ImportError:
        print(f"needs {SHARED / 'eval' / 'fidelity.py'}", file=sys.stderr)
        return 2
    out = Path(a.out or tempfile.mkdtemp())
    out.mkdir(parents=True, exist_ok=True)
    files = [SHARED / "realfiles" / "pdf" / f"{n}.pdf" for n in a.names]
    jsonl = out / "order.jsonl"
    subprocess.run([str(ROOT / ".venv" / "bin" / "summitwatch"), "analyze", "--structure-only", "--format",
                    "jsonl", "-o", str(jsonl), *map(str, files)], check=True, capture_output=True)
    exports = {}
    for line in jsonl.read_text(encoding="utf-8").splitlines():
        e = json.loads(line)
        exports[Path((e.get("document") or {}).get("source") or "").stem] = e
    print(f"{'file':<22} {'recall':>7} {'order':>7}   {'lines in reference order: recall':>33} {'order':>7}")
    for n in a.names:
        ref = letters((SHARED / "realfiles" / "ref" / f"{n}.pdf.txt").read_text(encoding="utf-8"))
        text = export_text(exports[n])
        got = letters(text)
        lines = [ln for ln in text.splitlines() if letters(ln)]
        resorted = letters("\n".join(sorted(lines, key=lambda ln: _position(ln, ref, letters))))
        print(f"{n:<22} {recall(ref, got):>7.3f} {order(ref, got):>7.3f}   "
              f"{recall(ref, resorted):>33.3f} {order(ref, resorted):>7.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
