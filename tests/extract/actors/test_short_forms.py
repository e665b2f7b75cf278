"""Short forms of named persons and organisations join the full name the text gave."""
from summitwatch.extract.actors import entities
from summitwatch.pipeline import analyze_text


def _run(text):
    return {e.name: e for e in entities.extract(analyze_text(text, structure_only=True))}


def test_short_forms_family_name_before_a_title():
    ents = _run("윤석열 대통령은 회견에서 입장을 밝혔다. 이어 윤 대통령은 질문에 답했다.")
    assert [m.text for m in ents["윤석열"].mentions] == ["윤석열", "윤"]


def test_short_forms_hanja_family_name_standing_alone():
    ents = _run("윤석열 대통령이 귀국했다. 尹, 순방 성과 강조")
    assert "尹" in [m.text for m in ents["윤석열"].mentions]


def test_short_forms_english_family_name_after_the_full_name():
    ents = _run("President MOON Jae-in met reporters. Moon said the talks went well.")
    moon = next(e for e in ents.values() if "문재인" in e.aliases)       # named as the text writes him
    assert [m.text for m in moon.mentions] == ["MOON Jae-in", "Moon"]


def test_short_forms_shared_family_name_stays_unresolved():
    # two persons named 김…: 김 장관 could be either
    text = "김민지 장관과 김도윤 장관이 만났다. 김 장관은 이후 말을 아꼈다."
    for ent in _run(text).values():
        assert all(m.text != "김" for m in ent.mentions)


def test_short_forms_org_tail_joins_the_full_name():
    ents = _run("한국갤럽이 실시한 조사 결과가 나왔다. 이번 갤럽 조사에서도 같은 흐름이었다.")
    assert "갤럽" not in ents
    assert [m.text for m in ents["한국갤럽"].mentions] == ["한국갤럽", "갤럽"]
