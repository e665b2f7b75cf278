"""docs/export.md describes every field of the analysis export, and nothing the models lack."""
import re
import typing
from pathlib import Path

from pydantic import BaseModel

from summitwatch.model.export import Analysis

DOC = Path(__file__).resolve().parents[2] / "docs" / "export.md"


def _rows() -> dict[str, str]:
    """First-column field name -> the row's description, from the markdown table."""
    rows = {}
    for line in DOC.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 2 and cells[0].startswith("`"):
            for name in re.findall(r"`([^`]+)`", cells[0]):
                rows[name] = cells[1]
    return rows


def _models(annotation) -> list[type[BaseModel]]:
    """The pydantic models inside a field's type (list[X], X | None, X)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [m for arg in typing.get_args(annotation) for m in _models(arg)]


def _field_names(model: type[BaseModel], seen=None) -> set[str]:
    """Exported field names of a model and of the models nested in it."""
    seen = seen if seen is not None else set()
    if model in seen:
        return set()
    seen.add(model)
    names = set()
    for name, field in model.model_fields.items():
        if field.exclude:
            continue
        names.add(field.alias or name)
        for sub in _models(field.annotation):
            names |= _field_names(sub, seen)
    return names


def test_export_doc_lists_every_top_level_field():
    rows = _rows()
    fields = {f.alias or n for n, f in Analysis.model_fields.items()}
    assert fields == set(rows), f"missing from docs: {fields - set(rows)}; not in the model: {set(rows) - fields}"


def test_export_doc_names_every_nested_field():
    rows = _rows()
    for name, field in Analysis.model_fields.items():
        key = field.alias or name
        documented = set(re.findall(r"`([a-z_]+)`", rows.get(key, "")))
        for model in _models(field.annotation):
            missing = _field_names(model) - documented
            assert not missing, f"docs/export.md row `{key}` does not name {sorted(missing)}"


def test_export_doc_names_only_real_fields():
    """A backticked lower-case word in a row that is neither a field nor a documented value is stale."""
    rows = _rows()
    for name, field in Analysis.model_fields.items():
        key = field.alias or name
        models = _models(field.annotation)
        if not models:
            continue
        known = set().union(*(_field_names(m) for m in models))
        named = {w for w in re.findall(r"`([a-z_]+)`", rows[key]) if "_" in w}
        assert named <= known | {"partly_kept"}, f"row `{key}` names {sorted(named - known)}"
