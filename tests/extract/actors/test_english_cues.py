"""English names by the words around them: titles, bylines, organisation shapes."""
import pytest

from summitwatch.extract.actors.english_cues import find_english
from summitwatch.extract.actors import entities
from summitwatch.pipeline import analyze_text


def _found(text):
    return [(f.name, f.type) for f in find_english(text, [])]


@pytest.mark.parametrize("text, expected", [
    ("Talks with President Amara Okafor ended.", [("Amara Okafor", "PERSON")]),
    ("Prime Minister TANAKA Ichiro spoke first.", [("TANAKA Ichiro", "PERSON")]),
    ("Reporting by Lena Park and Tom Reyes; Editing by Ann Lowe", [("Lena Park", "PERSON"), ("Tom Reyes", "PERSON"),
                                                                  ("Ann Lowe", "PERSON")]),
    ("Northwind Energy Inc. signed the deal.", [("Northwind Energy Inc.", "ORG")]),
    ("the Ministry of Ocean and Fisheries said", [("Ministry of Ocean and Fisheries", "ORG")]),
])
def test_english_cues_names_from_context(text, expected):
    assert _found(text) == expected


@pytest.mark.parametrize("text", [
    "The President said on Tuesday that talks would go on.",    # a title without a name
    "Both leaders met in the morning.",
])
def test_english_cues_no_name_without_one(text):
    assert _found(text) == []


def test_english_cues_known_place_named_as_written():
    ents = {e.name: e for e in entities.extract(analyze_text(
        "Officials in Beijing said the visit would go ahead.", structure_only=True))}
    assert "Beijing" in ents and "베이징" in ents["Beijing"].aliases


def test_english_cues_dateline_city_named_in_its_usual_case():
    ents = {e.name: e for e in entities.extract(analyze_text("TOKYO, May 3 - Officials met.", structure_only=True))}
    assert "Tokyo" in ents and [m.text for m in ents["Tokyo"].mentions] == ["TOKYO"]


@pytest.mark.parametrize("text, expected", [
    ("UN Secretary General Ana Ruiz spoke.", [("Ana Ruiz", "PERSON")]),
    ("First Lady Mia Stone hosted.", [("Mia Stone", "PERSON")]),
    ("The Department of Ocean Affairs said", [("Department of Ocean Affairs", "ORG")]),
    ("Harbor Hydro & Nuclear Power Co. signed", [("Harbor Hydro & Nuclear Power Co.", "ORG")]),
    ("the Bank of Arland Governor Lee Park said", [("Lee Park", "PERSON"), ("Bank of Arland", "ORG")]),
])
def test_english_cues_titles_and_names_keep_apart(text, expected):
    assert _found(text) == expected


def test_english_cues_a_hall_is_no_person():
    assert _found("The United Nations General Assembly Hall was full.") == []
