"""Real documents nobody on this team wrote (``../shared/realdev``): gold beside the shared
folder, texts in ``../realdev-texts`` (or $SUMMITWATCH_REALDEV_TEXTS), checked by SHA-256 against
the manifest. Scored as a corpus (micro counts per category) by the shared ``corpus.py``."""
from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path


@dataclass
class CorpusScore:
    documents: int
    macro_f1: float
    categories: dict[str, dict]       # name -> {gold, pred, tp, p, r, f1, counted}
    per_doc: dict[str, float]


def texts_dir(shared: Path) -> Path:
    env = os.environ.get("SUMMITWATCH_REALDEV_TEXTS")
    return Path(env) if env else shared.parent / "realdev-texts"


def available(shared: Path) -> tuple[list[str], list[str]]:
    """Sources whose text is present and intact, and lines saying what is not."""
    manifest = shared / "realdev" / "manifest.json"
    if not manifest.is_file():
        return [], ["no realdev manifest in ../shared"]
    folder = texts_dir(shared)
    ok, problems = [], []
    for entry in json.loads(manifest.read_text(encoding="utf-8")):
        path = folder / entry["file"]
        if not path.is_file():
            problems.append(f"{entry['file']}: not in {folder}")
        elif hashlib.sha256(path.read_bytes()).hexdigest() != entry["sha256"]:
            problems.append(f"{entry['file']}: SHA-256 differs from the manifest; left out")
        else:
            ok.append(entry["file"])
    return ok, problems


def score(shared: Path, sources: list[str]) -> CorpusScore:
    """Analyse the texts in this process (one Kiwi) and add the counts up with corpus.py."""
    from ..export import to_analysis
    from ..ingest import load
    from ..pipeline import run

    folder = texts_dir(shared)
    golds = {json.loads(g.read_text(encoding="utf-8"))["source"]: g
             for g in sorted((shared / "realdev").glob("*.gold.json"))}
    with tempfile.TemporaryDirectory() as tmp:
        gold_dir, pred_dir = Path(tmp) / "gold", Path(tmp) / "pred"
        gold_dir.mkdir()
        pred_dir.mkdir()
        for source in sources:
            if source not in golds:
                continue
            (gold_dir / golds[source].name).write_bytes(golds[source].read_bytes())
            analysis = to_analysis(run(load(folder / source)))
            (pred_dir / f"{source}.json").write_text(analysis.to_json(), encoding="utf-8")
        out = subprocess.run([sys.executable, str(shared / "eval" / "corpus.py"), "--gold-dir", str(gold_dir),
                              "--text-dir", str(folder), "--pred-dir", str(pred_dir), "--json"],
                             capture_output=True, text=True, check=True).stdout
    data = json.loads(out)
    return CorpusScore(data["documents"], data["macro_f1"], data["categories"], data["per_doc"])


def table(s: CorpusScore) -> str:
    lines = [f"{'category':<17}{'gold':>6}{'pred':>6}{'tp':>6}{'P':>7}{'R':>7}{'F1':>7}"]
    for name, c in s.categories.items():
        mark = "" if c["counted"] else "  (no gold: not in macro)"
        lines.append(f"{name:<17}{c['gold']:>6}{c['pred']:>6}{c['tp']:>6}{c['p']:>7.2f}{c['r']:>7.2f}"
                     f"{c['f1']:>7.2f}{mark}")
    lines.append(f"micro-per-category macro-F1 {s.macro_f1:.3f} over {s.documents} documents")
    return "\n".join(lines)


def check(s: CorpusScore, floors: dict) -> list[str]:
    f = floors.get("realdev")
    if not f:
        return []
    out = []
    if s.macro_f1 + 1e-9 < f["macro_f1"]["min_f1"]:
        out.append(f"realdev: macro-F1 {s.macro_f1:.3f} is below its floor {f['macro_f1']['min_f1']:.3f}")
    for name, floor in f.get("categories", {}).items():
        got = s.categories.get(name, {}).get("f1")
        if got is not None and got + 1e-9 < floor["min_f1"]:
            out.append(f"realdev: {name} F1 {got:.3f} is below its floor {floor['min_f1']:.3f}")
    return out


def raise_floors(s: CorpusScore, floors: dict) -> list[str]:
    f = floors.setdefault("realdev", {"_doc": "real documents (../shared/realdev), micro counts; gated only "
                                              "where the texts are present", "macro_f1": {"min_f1": 0.0},
                                      "categories": {}})
    changed = []
    got = int(s.macro_f1 * 100) / 100
    if got > f["macro_f1"]["min_f1"]:
        changed.append(f"realdev macro_f1: {f['macro_f1']['min_f1']:.2f} -> {got:.2f}")
        f["macro_f1"]["min_f1"] = got
    for name, c in s.categories.items():
        if not c["counted"]:
            continue
        got = int(c["f1"] * 100) / 100
        floor = f["categories"].setdefault(name, {"min_f1": 0.0})
        if got > floor["min_f1"]:
            changed.append(f"realdev {name}: {floor['min_f1']:.2f} -> {got:.2f}")
            floor["min_f1"] = got
    return changed
