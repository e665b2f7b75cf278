"""Named events (type EVENT) kept apart from entities."""
import datetime as dt

import pytest

from summitwatch.pipeline import analyze_text


def _events(text):
    ctx = analyze_text(text, reference_date=dt.date(2024, 5, 1))
    return ctx, [(e.name, e.subtype) for e in ctx.facts["named_events"]]


@pytest.mark.parametrize("text, expected", [
    ("장관은 G7 외교장관회의에 참석했다.", [("G7 외교장관회의", "meeting")]),
    ("오사카 G20 정상회의가 끝났다.", [("오사카 G20 정상회의", "summit")]),
    ("2018 평창 동계올림픽을 계기로 대화가 열렸다.", [("2018 평창 동계올림픽", "sports")]),
    ("제2차 북미정상회담은 결렬됐다.", [("제2차 북미정상회담", "summit")]),
    ("Leaders gathered for the G7 Summit in May.", [("G7 Summit", "summit")]),
])
def test_named_events_found_from_forum_place_year_or_ordinal(text, expected):
    assert _events(text)[1] == expected


@pytest.mark.parametrize("text", [
    "이번 정상회담은 두 시간 걸렸다.",          # no name before the head
    "정상회의장 앞에 취재진이 모였다.",          # the head inside a longer word
    "The summit ended early.",
])
def test_named_events_a_bare_head_is_no_event(text):
    assert _events(text)[1] == []


def test_named_events_are_not_entities_and_forum_stays_an_organisation():
    ctx, events = _events("G20 정상회의에서 합의가 나왔다.")
    assert events == [("G20 정상회의", "summit")]
    types = {e.name: e.type for e in ctx.facts["entities"]}
    assert "EVENT" not in types.values() and types.get("G20") == "ORG"


def test_named_events_organisation_seat_used_as_a_place():
    ctx, _ = _events("두 정상은 청와대에서 만찬을 했다. 청와대는 입장을 냈다.")
    ent = next(e for e in ctx.facts["entities"] if e.name == "청와대")
    assert ent.type == "ORG" and len(ent.venue_mentions) == 1
