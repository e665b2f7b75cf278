"""Word lists that help recognise names the KB does not hold, read from ``data/words/``: Korean
family names, titles written next to a name, the last words of institution, organisation and
place names. Each file says what its words do and gives an example; tests pin the examples."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

WORDS_DIR = Path(__file__).parent / "data" / "words"


@lru_cache(maxsize=None)
def rows(name: str) -> tuple[tuple[str, ...], ...]:
    """The rows of a word file in file order: tab-separated columns, comments and blanks skipped."""
    out = []
    for line in (WORDS_DIR / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            out.append(tuple(c.strip() for c in line.split("\t")))
    return tuple(out)


def words(name: str) -> tuple[str, ...]:
    """The first column of a word file, in file order."""
    return tuple(r[0] for r in rows(name))


FAMILY_NAMES = frozenset(words("family_names.txt"))
BYLINE_TITLES = words("byline_titles.txt")
AUTHOR_LABELS = words("author_labels.txt")
INSTITUTION_SUFFIXES = tuple((r[0], r[1]) for r in rows("institution_suffixes.tsv"))
GENERIC_INSTITUTION_PREFIXES = frozenset(words("generic_institution_prefixes.txt"))
AIRPORT_SUFFIXES = words("airport_suffixes.txt")
FACILITY_SUFFIXES = words("facility_suffixes.txt")
EVENT_HEADS = tuple((r[0], r[1]) for r in rows("event_heads.tsv"))
EVENT_FORUMS = words("event_forums.txt")
PERSON_TITLES = words("person_titles.txt")
PERSON_ONLY_TITLES = frozenset(words("person_only_titles.txt"))
TITLE_BETWEEN = frozenset(words("title_between.txt"))
ORG_SUFFIXES = tuple((r[0], r[1]) for r in rows("org_suffixes.tsv"))
DETACHED_ORG_SUFFIXES = frozenset(r[0] for r in rows("org_suffixes.tsv") if r[2:] == ("detached",))
LOCATION_SUFFIXES = tuple((r[0], r[1]) for r in rows("location_suffixes.tsv"))
