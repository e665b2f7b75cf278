"""Analyse every ``shared/seed/*.txt``, score it with ``shared/eval/score.py`` against
``shared/gold/``, and compare each category with the floors pinned in ``floors.json``.

Raising a floor is easy (``--raise-floors``); lowering one needs ``--lower CATEGORY=VALUE``
together with ``--reason``, and the reason is kept in the file beside the floor.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

FLOORS = Path(__file__).with_name("floors.json")


@dataclass
class SeedScore:
    source: str
    macro_f1: float
    categories: dict[str, dict]
    table: str


def shared_dir() -> Path | None:
    """``../shared`` beside the repository (or $SUMMITWATCH_SHARED)."""
    env = os.environ.get("SUMMITWATCH_SHARED")
    candidates = [Path(env)] if env else []
    here = Path(__file__).resolve()
    candidates += [here.parents[3].parent / "shared", Path.cwd().parent / "shared", Path.cwd() / "shared"]
    for c in candidates:
        if (c / "eval" / "score.py").is_file() and (c / "gold").is_dir():
            return c
    return None


def load_floors() -> dict:
    return json.loads(FLOORS.read_text(encoding="utf-8"))


def save_floors(data: dict) -> None:
    from ..atomic import write_atomic

    write_atomic(FLOORS, json.dumps(data, ensure_ascii=False, indent=1) + "\n")


def golds(shared: Path) -> dict[str, Path]:
    """Gold files by the name of the source they describe."""
    out = {}
    for g in sorted((shared / "gold").glob("*.json")):
        try:
            out[json.loads(g.read_text(encoding="utf-8"))["source"]] = g
        except (ValueError, KeyError):
            continue
    return out


def score_seed(seed: Path, gold: Path, shared: Path) -> SeedScore:
    from ..export import to_analysis
    from ..ingest import load
    from ..pipeline import run

    doc = load(seed)
    analysis = to_analysis(run(doc))
    with tempfile.TemporaryDirectory() as tmp:
        pred = Path(tmp) / "pred.json"
        pred.write_text(analysis.to_json(), encoding="utf-8")
        text = Path(tmp) / "text.txt"          # the scorer reads the input as UTF-8
        text.write_text(doc.raw, encoding="utf-8")
        base = [sys.executable, str(shared / "eval" / "score.py"), "--gold", str(gold), "--pred", str(pred),
                "--text", str(text)]
        table = subprocess.run(base, capture_output=True, text=True, check=False).stdout
        js = subprocess.run(base + ["--json"], capture_output=True, text=True, check=True).stdout
    data = json.loads(js)
    return SeedScore(seed.name, data["macro_f1"], data["categories"], table)


DEVSETS = Path(__file__).resolve().parents[3] / "devsets"


def heldout_docs(name: str = "a") -> list[tuple[Path, Path]]:
    """A development set of the team's own documents and their gold files
    (devsets/<name>/gold/<stem>.gold.json). Tuned on, so a guard against regressions only."""
    root = DEVSETS / name
    if not root.is_dir():
        return []
    out = []
    for g in sorted((root / "gold").glob("*.gold.json")):
        try:
            source = json.loads(g.read_text(encoding="utf-8"))["source"]
        except (ValueError, KeyError):
            continue
        if (root / source).is_file():
            out.append((root / source, g))
    return out


def check_heldout(scores: list[SeedScore], floors: dict) -> list[str]:
    """The held-out set is held to a floor on its mean macro-F1 and on each document's."""
    f = floors.get("heldout")
    if not f or not scores:
        return []
    out = []
    mean = sum(s.macro_f1 for s in scores) / len(scores)
    if mean + 1e-9 < f["mean_macro_f1"]["min_f1"]:
        out.append(f"held-out mean macro-F1 {mean:.3f} is below its floor {f['mean_macro_f1']['min_f1']:.3f}")
    for s in scores:
        if s.macro_f1 + 1e-9 < f["doc_macro_f1"]["min_f1"]:
            out.append(f"{s.source}: macro-F1 {s.macro_f1:.3f} is below the held-out document floor "
                       f"{f['doc_macro_f1']['min_f1']:.3f}")
    return out


def raise_heldout_floors(scores: list[SeedScore], floors: dict) -> list[str]:
    f = floors.get("heldout")
    if not f or not scores:
        return []
    changed = []
    for key, got in (("mean_macro_f1", sum(s.macro_f1 for s in scores) / len(scores)),
                     ("doc_macro_f1", min(s.macro_f1 for s in scores))):
        got = int(got * 100) / 100
        if got > f[key]["min_f1"]:
            changed.append(f"held-out {key}: {f[key]['min_f1']:.2f} -> {got:.2f}")
            f[key]["min_f1"] = got
    return changed


def check(score: SeedScore, floors: dict) -> list[str]:
    """Categories below their floor, as readable lines."""
    out = []
    for name, floor in floors["categories"].items():
        got = score.categories.get(name, {}).get("f1")
        if got is None:
            out.append(f"{score.source}: category {name} is missing from the scorer's output")
        elif got + 1e-9 < floor["min_f1"]:
            out.append(f"{score.source}: {name} F1 {got:.3f} is below its floor {floor['min_f1']:.3f}")
    if score.macro_f1 + 1e-9 < floors["macro_f1"]["min_f1"]:
        out.append(f"{score.source}: macro-F1 {score.macro_f1:.3f} is below its floor "
                   f"{floors['macro_f1']['min_f1']:.3f}")
    return out


def raise_floors(scores: list[SeedScore], floors: dict) -> list[str]:
    """Raise every floor to the lowest score seen now (never lower one); returns what changed."""
    changed = []
    for name, floor in floors["categories"].items():
        got = min(s.categories.get(name, {}).get("f1", 0.0) for s in scores)
        got = int(got * 100) / 100
        if got > floor["min_f1"]:
            changed.append(f"{name}: {floor['min_f1']:.2f} -> {got:.2f}")
            floor["min_f1"] = got
    got = int(min(s.macro_f1 for s in scores) * 100) / 100
    if got > floors["macro_f1"]["min_f1"]:
        changed.append(f"macro_f1: {floors['macro_f1']['min_f1']:.2f} -> {got:.2f}")
        floors["macro_f1"]["min_f1"] = got
    return changed


def lower_floor(floors: dict, name: str, value: float, reason: str) -> str:
    if not reason or len(reason.strip()) < 10:
        raise ValueError("lowering a floor needs --reason with a real explanation")
    target = floors["macro_f1"] if name == "macro_f1" else floors["categories"].get(name)
    if target is None:
        raise ValueError(f"no floor named {name}")
    if value >= target["min_f1"]:
        raise ValueError(f"{name}: {value} is not lower than the floor {target['min_f1']}; use --raise-floors")
    old = target["min_f1"]
    target["min_f1"] = value
    target.setdefault("lowered", []).append({"from": old, "to": value, "reason": reason.strip()})
    return f"{name}: {old:.2f} -> {value:.2f} ({reason.strip()})"
