"""Reading the KB data files (bundled and user-supplied) into one alias index."""
from __future__ import annotations

import json
import os
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .countries import generated_countries

DATA_DIR = Path(__file__).with_name("data")
ENV_DIR = "SUMMITWATCH_KB_DIR"
TSV_COLUMNS = ("id", "type", "subtype", "name", "country", "aliases", "extra")
TYPES = ("PERSON", "COUNTRY", "LOCATION", "ORG")


def norm_alias(s: str) -> str:
    """Lookup form of a name: NFKC, no whitespace, Latin lowercased, dots of all kinds unified."""
    s = unicodedata.normalize("NFKC", s).replace("・", "·").replace("･", "·")
    return "".join(s.split()).lower()


@dataclass
class KBEntry:
    id: str
    type: str                     # PERSON, COUNTRY, LOCATION, ORG
    name: str                     # canonical Korean name
    subtype: str | None = None
    country: str | None = None    # ISO alpha-2; for a COUNTRY entry its own code
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)     # "prime_minister:2024-2025"
    block_after: tuple[str, ...] = ()    # Hangul continuations that make another word
    block_before: tuple[str, ...] = ()   # words right before that make another meaning
    ambiguous: bool = False       # one name shared by several real entities (민주당)
    drop: tuple[str, ...] = ()    # generated names to discard (common words such as 수단)
    members: tuple[str, ...] = ()  # for a forum or alliance: its member countries (ISO alpha-2)

    @property
    def iso(self) -> str | None:
        return self.country if self.type == "COUNTRY" else None

    def all_names(self) -> list[str]:
        return [self.name, *self.aliases]

    def merge(self, other: "KBEntry") -> None:
        """Fold a later definition of the same id into this one (later name wins)."""
        if other.name:
            if other.name != self.name:
                self.aliases.insert(0, self.name)
            self.name = other.name
        self.aliases = _dedupe([*other.aliases, *self.aliases], self.name)
        for attr in ("subtype", "country"):
            if getattr(other, attr):
                setattr(self, attr, getattr(other, attr))
        self.roles = _dedupe([*self.roles, *other.roles])
        self.block_after = tuple(dict.fromkeys(self.block_after + other.block_after))
        self.block_before = tuple(dict.fromkeys(self.block_before + other.block_before))
        self.ambiguous = self.ambiguous or other.ambiguous
        self.drop = self.drop + other.drop
        self.members = other.members or self.members


def _dedupe(names, exclude=None) -> list[str]:
    seen, out = {norm_alias(exclude)} if exclude else set(), []
    for n in names:
        k = norm_alias(n)
        if n and k not in seen:
            seen.add(k)
            out.append(n)
    return out


class KB:
    """Entries by id and an index from normalised alias to entry ids."""

    def __init__(self, entries: list[KBEntry]):
        self.entries: dict[str, KBEntry] = {}
        for e in entries:
            if e.id in self.entries:
                self.entries[e.id].merge(e)
            else:
                self.entries[e.id] = e
        for e in self.entries.values():
            drop = {norm_alias(d) for d in e.drop}
            e.aliases = [a for a in _dedupe(e.aliases, e.name) if norm_alias(a) not in drop]
        self.index: dict[str, list[str]] = {}
        for e in self.entries.values():
            for n in e.all_names():
                ids = self.index.setdefault(norm_alias(n), [])
                if e.id not in ids:
                    ids.append(e.id)

    def __len__(self) -> int:
        return len(self.entries)

    def get(self, entry_id: str) -> KBEntry | None:
        return self.entries.get(entry_id)

    def lookup(self, name: str) -> list[KBEntry]:
        return [self.entries[i] for i in self.index.get(norm_alias(name), ())]

    def country(self, iso: str) -> KBEntry | None:
        return self.entries.get(f"country:{iso.upper()}")


def _split(v: str | list | None) -> list[str]:
    if not v:
        return []
    if isinstance(v, list):
        return [str(x).strip() for x in v if str(x).strip()]
    return [x.strip() for x in v.split("|") if x.strip()]


def _split_context(v: str | list | None) -> list[str]:
    """Like _split, but a leading space is kept: block_after " 문제" means after a space."""
    if isinstance(v, str):
        return [x.rstrip() for x in v.split("|") if x.strip()]
    return _split(v)


def entry_from_dict(d: dict, source: str = "") -> KBEntry:
    """One entry from a JSON object or a TSV row; raises ValueError with the source on bad data."""
    extra = d.get("extra") or {}
    if isinstance(extra, str):
        extra = dict(kv.split("=", 1) for kv in extra.split(";") if "=" in kv)
    get = lambda k: d.get(k) if d.get(k) not in (None, "") else extra.get(k)  # noqa: E731
    typ = (get("type") or "").strip().upper()
    if not d.get("id") or typ not in TYPES or not (get("name") or "").strip():
        raise ValueError(f"{source}: entry needs id, name and type in {TYPES}: {d.get('id')!r}")
    iso = get("iso") or get("country")
    e = KBEntry(
        id=str(d["id"]).strip(), type=typ, name=unicodedata.normalize("NFKC", get("name").strip()),
        subtype=(get("subtype") or None), country=(iso.strip().upper() if iso else None),
        aliases=[unicodedata.normalize("NFKC", a) for a in _split(get("aliases"))],
        roles=_split(get("roles")),
        block_after=tuple(_split_context(get("block_after"))),
        block_before=tuple(_split(get("block_before"))),
        ambiguous=str(get("ambiguous") or "").lower() in ("1", "true", "yes"),
        drop=tuple(_split(get("drop"))),
        members=tuple(m.upper() for m in _split(get("members"))),
    )
    return e


def read_tsv(path: Path) -> list[KBEntry]:
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if cells[0] == "id":                       # header row
            continue
        row = dict(zip(TSV_COLUMNS, (c.strip() for c in cells)))
        out.append(entry_from_dict(row, f"{path.name}:{n}"))
    return out


def read_json(path: Path) -> list[KBEntry]:
    data = json.loads(path.read_text(encoding="utf-8"))
    if isinstance(data, dict):
        data = data.get("entries", [])
    return [entry_from_dict(d, path.name) for d in data if isinstance(d, dict)]


def read_dir(directory: Path) -> list[KBEntry]:
    out: list[KBEntry] = []
    for p in sorted(directory.iterdir()):
        if p.suffix == ".tsv":
            out += read_tsv(p)
        elif p.suffix == ".json":
            out += read_json(p)
    return out


def _user_dirs(extra_dirs) -> tuple[Path, ...]:
    dirs = [Path(d) for d in (extra_dirs or ())]
    env = os.environ.get(ENV_DIR)
    if env:
        dirs += [Path(p) for p in env.split(os.pathsep) if p]
    return tuple(d for d in dirs if d.is_dir())


@lru_cache(maxsize=8)
def _build(user_dirs: tuple[Path, ...]) -> KB:
    entries = generated_countries() + read_dir(DATA_DIR)
    for d in user_dirs:
        entries += read_dir(d)
    return KB(entries)


def load_kb(extra_dirs=None) -> KB:
    """The KB: bundled data plus the user's directories (cached per set of directories)."""
    return _build(_user_dirs(extra_dirs))
