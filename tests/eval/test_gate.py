"""The evaluation gate: floors are held on the seed, raised easily, lowered only with a reason."""
import copy

import pytest

from summitwatch.eval import gate
from sharedpath import need

SHARED = gate.shared_dir()


def test_gate_floors_file_covers_every_scorer_category():
    floors = gate.load_floors()
    assert set(floors["categories"]) >= {"reflow_checks", "headings", "table_cells", "footnote_refs", "footnotes",
                                         "citation_fields", "dates", "money_percent", "polls", "entities",
                                         "country_groups", "commitments", "evidence_links", "events", "findings",
                                         "recommendations", "reference_date"}


def test_gate_lowering_needs_a_reason():
    floors = copy.deepcopy(gate.load_floors())
    name = next(iter(floors["categories"]))
    floors["categories"][name]["min_f1"] = 0.9
    with pytest.raises(ValueError):
        gate.lower_floor(floors, name, 0.5, "")
    with pytest.raises(ValueError):
        gate.lower_floor(floors, name, 0.95, "a raise is not a lowering")
    gate.lower_floor(floors, name, 0.5, "the gold was corrected upstream")
    assert floors["categories"][name]["min_f1"] == 0.5
    assert floors["categories"][name]["lowered"][-1]["reason"] == "the gold was corrected upstream"


def test_gate_raise_never_lowers():
    floors = {"categories": {"a": {"min_f1": 0.9}, "b": {"min_f1": 0.2}}, "macro_f1": {"min_f1": 0.5}}
    score = gate.SeedScore("x", 0.7, {"a": {"f1": 0.5}, "b": {"f1": 0.8}}, "")
    gate.raise_floors([score], floors)
    assert floors["categories"]["a"]["min_f1"] == 0.9 and floors["categories"]["b"]["min_f1"] == 0.8
    assert floors["macro_f1"]["min_f1"] == 0.7


def test_gate_check_reports_categories_below_floor():
    floors = {"categories": {"a": {"min_f1": 0.9}}, "macro_f1": {"min_f1": 0.5}}
    assert gate.check(gate.SeedScore("x", 0.6, {"a": {"f1": 0.95}}, ""), floors) == []
    assert "a F1" in gate.check(gate.SeedScore("x", 0.6, {"a": {"f1": 0.5}}, ""), floors)[0]


def test_gate_seed_meets_every_floor():
    need(SHARED and SHARED / "seed", "the seed brief")
    floors = gate.load_floors()
    golds = gate.golds(SHARED)
    seeds = [p for p in sorted((SHARED / "seed").glob("*.txt")) if p.name in golds]
    assert seeds, "no seed document has a gold file"
    for seed in seeds:
        score = gate.score_seed(seed, golds[seed.name], SHARED)
        print(score.table)
        assert gate.check(score, floors) == []
