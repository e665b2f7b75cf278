"""The word lists of the clause layer (clauses/data/*.json), loaded once."""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=None)
def load(name: str) -> dict:
    """The JSON data file ``name`` of this package (``korean``, ``english``)."""
    raw = resources.files(__package__).joinpath("data", f"{name}.json").read_text(encoding="utf-8")
    return {k: v for k, v in json.loads(raw).items() if not k.startswith("_")}


@lru_cache(maxsize=None)
def words(name: str, key: str) -> frozenset[str]:
    return frozenset(load(name)[key])
