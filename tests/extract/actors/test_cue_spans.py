"""Shared pieces of the name finders: span indexes, particles, group words."""
from summitwatch.extract.actors.cue_spans import Intervals, SpanIndex, is_group_word, strip_particle


def test_cue_spans_intervals_overlap_and_hold():
    iv = Intervals([(0, 5), (10, 20)])
    assert iv.overlaps(4, 6) and not iv.overlaps(5, 10)
    assert iv.holds(11, 19) and not iv.holds(8, 12)
    assert iv.holds_longer(10, 15) and not iv.holds_longer(10, 20)


def test_cue_spans_span_index_first_overlap():
    idx = SpanIndex([(0, 3, "ORG"), (5, 9, "PERSON")])
    assert idx.first_overlap(6, 7) == "PERSON" and idx.first_overlap(3, 5) is None


def test_cue_spans_particles_and_group_words():
    assert strip_particle("한빛재단은") == ["한빛재단은", "한빛재단"]
    assert strip_particle("은") == ["은"]                     # a particle alone stays
    assert is_group_word("한미일") and not is_group_word("한빛")
