"""``summitwatch eval``: the evaluation gate on the seed briefs."""
from __future__ import annotations

from typing import Annotated, Optional

import typer
from rich.console import Console


def evaluate(
    raise_floors: Annotated[bool, typer.Option("--raise-floors", help="Raise pinned floors to today's scores "
                                               "(never lowers one).")] = False,
    lower: Annotated[Optional[str], typer.Option("--lower", help="CATEGORY=VALUE: lower one floor "
                                                 "(needs --reason).")] = None,
    reason: Annotated[Optional[str], typer.Option("--reason", help="Why a floor is lowered; kept in "
                                                  "floors.json.")] = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Print the score table of every held-out "
                                          "document too.")] = False,
) -> None:
    """Analyse every ../shared/seed/*.txt, score it against ../shared/gold and fail when a
    category falls below its pinned floor; then the team's development sets (devsets/) and, where
    their texts are present (../realdev-texts), the real documents of ../shared/realdev."""
    from ..eval import gate, realdev

    con = Console(highlight=False, soft_wrap=True)
    floors = gate.load_floors()
    if lower:
        name, _, value = lower.partition("=")
        try:
            msg = gate.lower_floor(floors, name.strip(), float(value), reason or "")
        except ValueError as e:
            con.print(f"summitwatch eval: {e}", markup=False)
            raise typer.Exit(2)
        gate.save_floors(floors)
        con.print(f"lowered {msg}", markup=False)
        return
    shared = gate.shared_dir()
    if shared is None:
        con.print("summitwatch eval: ../shared (seed, gold and scorer) is not here; nothing to evaluate.")
        return
    gold = gate.golds(shared)
    seeds = sorted((shared / "seed").glob("*.txt"))
    scores, failures = [], []
    for seed in seeds:
        if seed.name not in gold:
            con.print(f"{seed.name}: no gold file names it; skipped", markup=False)
            continue
        s = gate.score_seed(seed, gold[seed.name], shared)
        scores.append(s)
        con.print(f"[bold]{seed.name}[/bold]")
        con.print(s.table, markup=False)
        failures += gate.check(s, floors)
    held = []
    for name in ("a", "b"):
        for doc, g in gate.heldout_docs(name):
            s = gate.score_seed(doc, g, shared)
            if name == "a":
                held.append(s)
            con.print(f"[bold]development set {name}: {doc.name}[/bold]  macro-F1 {s.macro_f1:.3f}")
            if verbose:
                con.print(s.table, markup=False)
    if held:
        mean = sum(s.macro_f1 for s in held) / len(held)
        con.print(f"development set a: mean macro-F1 {mean:.3f} over {len(held)} document(s)")
        failures += gate.check_heldout(held, floors)
    real = None
    sources, problems = realdev.available(shared)
    for line in problems[:3]:
        con.print(f"realdev: {line}", markup=False)
    if len(problems) > 3:
        con.print(f"realdev: … and {len(problems) - 3} more", markup=False)
    if sources:
        real = realdev.score(shared, sources)
        con.print("[bold]realdev[/bold] (real documents, micro counts per category)")
        con.print(realdev.table(real), markup=False)
        failures += realdev.check(real, floors)
    if raise_floors and scores:
        changed = gate.raise_floors(scores, floors) + gate.raise_heldout_floors(held, floors)
        if real is not None:
            changed += realdev.raise_floors(real, floors)
        gate.save_floors(floors)
        con.print("raised: " + ("; ".join(changed) if changed else "nothing (no score above its floor)"))
        return
    if failures:
        for f in failures:
            con.print(f"[red]FAIL[/red] {f}")
        raise typer.Exit(1)
    con.print(f"[green]gate passed[/green]: {len(scores)} seed document(s), every category at or above its floor")
