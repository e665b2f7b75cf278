"""Korean persons by the words around their names: dotted lists sharing a title, a name closing
a parenthesis after its title, a name a headline quotation follows."""
import pytest

from summitwatch.extract.actors import entities
from summitwatch.pipeline import analyze_text


def _persons(text):
    ents = entities.extract(analyze_text(text, structure_only=True))
    return sorted(e.name for e in ents if e.type == "PERSON")


@pytest.mark.parametrize("text, names", [
    ("발표문(서민재·한도윤·표지안 연구관 공동 작성)이 나왔다.", ["서민재", "표지안", "한도윤"]),
    ("연구원 측(원장 권한대행 남궁별)은 입장을 냈다.", ["남궁별"]),
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


def _found(text):
    from summitwatch.extract.actors.person_cues import find_named_persons
    from summitwatch.nlp import split_sentences
    return [f.name for f in find_named_persons(text, split_sentences(text), [])]


def test_person_cues_author_label_starting_a_line():
    assert _found("발간 정보\n필자 서하진\n소속 연구실") == ["서하진"]


def test_person_cues_author_label_inside_a_sentence_needs_more():
    # mid-sentence, "저자" followed by a name and more words is no byline
    assert _found("그는 저자 서하진을 만났다고 했다.") == []
