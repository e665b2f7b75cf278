"""Word lists read from kb/data/words: each file's stated example holds."""
import pytest

from summitwatch.kb import lexicon
from summitwatch.extract.actors.cue_spans import institution_suffix, suffix_type


def test_lexicon_files_read_in_order_without_comments():
    rows = lexicon.rows("org_suffixes.tsv")
    assert rows and all(not r[0].startswith("#") for r in rows)
    # longest first where institution suffixes overlap: 연구원 before 원-like shorter words
    suffixes = [s for s, _ in lexicon.INSTITUTION_SUFFIXES]
    assert suffixes.index("연구원") < suffixes.index("재단")


@pytest.mark.parametrize("word, kind", [
    ("한빛정책연구원", ("연구원", "institute")), ("누리여론리서치", ("리서치", "pollster")),
    ("연구원", None),                # the suffix alone names nothing
])
def test_lexicon_institution_suffixes(word, kind):
    assert institution_suffix(word) == kind


@pytest.mark.parametrize("word, typed", [
    ("레이와당", ("ORG", "party")), ("마쓰모토신문", ("ORG", "media")), ("가고시마현", ("LOCATION", "prefecture")),
    ("김기현", None),                # three syllables ending in 현: a person's name, not a prefecture
])
def test_lexicon_org_and_place_suffixes(word, typed):
    assert suffix_type(word) == typed


def test_lexicon_lists_hold_their_examples():
    assert {"서", "남궁"} <= lexicon.FAMILY_NAMES
    assert "기자" in lexicon.BYLINE_TITLES and "글" in lexicon.AUTHOR_LABELS
    assert "대사" in lexicon.PERSON_TITLES and "여사" in lexicon.PERSON_ONLY_TITLES
    assert {"전", "주한"} <= lexicon.TITLE_BETWEEN
    assert "신문" in lexicon.DETACHED_ORG_SUFFIXES and "당" not in lexicon.DETACHED_ORG_SUFFIXES
    assert "책임" in lexicon.GENERIC_INSTITUTION_PREFIXES and "공항" in lexicon.AIRPORT_SUFFIXES
