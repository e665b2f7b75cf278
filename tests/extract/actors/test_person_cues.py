"""Korean persons by the words around their names: dotted lists sharing a title, a name closing
a parenthesis after its title, a name a headline quotation follows."""
import pytest

from summitwatch.extract.actors import entities
from summitwatch.pipeline import analyze_text


def _persons(text):
    ents = entities.extract(analyze_text(text, structure_only=True))
    return sorted(e.name for e in ents if e.type == "PERSON")


@pytest.mark.parametrize("text, names", [
    ("보고서(서민재·한도윤·표지안 입법조사관)가 나왔다.", ["서민재", "표지안", "한도윤"]),
    ("위원회(원장 직무대리 남궁별)는 입장을 냈다.", ["남궁별"]),
    ('고은결 "협상은 끝나지 않았다"', ["고은결"]),
])
def test_person_cues_names_in_context(text, names):
    assert _persons(text) == names


@pytest.mark.parametrize("text", [
    '전문가 "협상은 끝나지 않았다"',              # a common noun before a quotation
    "보고서(초안·수정안 비교)가 나왔다.",           # a dotted list of common nouns
    "위원회(위원장)는 입장을 냈다.",
])
def test_person_cues_no_person_without_a_name(text):
    assert _persons(text) == []
