import json
import sys
from pathlib import Path

import pytest

from summitwatch.extract import entities
from summitwatch.pipeline import analyze_text

SHARED = Path(__file__).resolve().parents[3] / "shared"
SEED = SHARED / "seed" / "000_ae09e089aea9dcdf.txt"
GOLD = SHARED / "gold" / "seed.gold.json"


def _run(text):
    return entities.extract(analyze_text(text, structure_only=True))


def _by_name(ents):
    return {e.name: e for e in ents}


@pytest.mark.parametrize("text,name,typ,iso", [
    ("트럼프는 일본의 요구를 거절했다.", "도널드 트럼프", "PERSON", None),
    ("트럼프는 일본의 요구를 거절했다.", "일본", "COUNTRY", "JP"),
    ("미국과 중국의 갈등", "중국", "COUNTRY", "CN"),
    ("미국산 LNG 수입", "미국", "COUNTRY", "US"),
    ("호주와 필리핀이 참여했다.", "호주", "COUNTRY", "AU"),
    ("자유롭고 열린 인도-태평양 구상", "인도-태평양", "LOCATION", None),
    ("동중국해에서의 현상 변경", "동중국해", "LOCATION", None),
    ("일본제철의 인수 계획", "일본제철", "ORG", None),
    ("그는 NHK와 교도통신의 취재에 응했다.", "교도통신", "ORG", None),
    ("자민당과 공명당은 연립을 유지했다.", "공명당", "ORG", None),
    ("대중국 견제 정책", "중국", "COUNTRY", "CN"),
])
def test_entities_known_names(text, name, typ, iso):
    ent = _by_name(_run(text)).get(name)
    assert ent is not None and ent.type == typ and ent.iso == iso


@pytest.mark.parametrize("text,not_name", [
    ("정부는 인도적 지원을 결정했다.", "인도"),
    ("동중국해에서 훈련이 있었다.", "중국"),
    ("일본제철이 발표했다.", "일본"),
    ("양국은 군비 경주를 멈춰야 한다.", "경주"),
    ("이번 회담에서 신임 총리는 전임 대통령과 만났다.", None),
    ("한미일 공조와 조선, 에너지 협력이 논의됐다.", "조선"),
    ("그 수단과 방법을 가리지 않았다.", "수단"),
    ("세계대전 이후의 대전략", "대전"),
    ("조현동 주미대사가 배석했다.", "조현"),
    ("자민당 정조회장이 밝혔다.", "정조"),
])
def test_entities_negatives(text, not_name):
    ents = _run(text)
    names = {e.name for e in ents} | {m.text for e in ents for m in e.mentions}
    if not_name is None:
        assert [e for e in ents if e.type == "PERSON"] == []
    else:
        assert not_name not in names


def test_entities_short_form_merges_with_full_name():
    ents = _run("이시바 시게루 총리가 도착했다. 이시바는 트럼프 대통령과 만났다. 石破 총리도 말했다.")
    (ishiba,) = [e for e in ents if e.kb_id == "person:ishiba-shigeru"]
    assert [m.text for m in ishiba.mentions] == ["이시바 시게루", "이시바", "石破"]
    assert "Ishiba Shigeru" in ishiba.aliases[:15]


@pytest.mark.parametrize("text,name,typ,subtype", [
    ("사토 겐이치 주한 일본대사는 기자회견을 열었다.", "사토 겐이치", "PERSON", None),
    ("마르틴 셸러 독일 외무부 대변인이 밝혔다.", "마르틴 셸러", "PERSON", None),
    ("호프만 독일 국방장관과 회담했다.", "호프만", "PERSON", None),
    ("레이와당과 참정당이 약진했다.", "레이와당", "ORG", "party"),
    ("마쓰모토 신문과 인터뷰했다.", "마쓰모토 신문", "ORG", "media"),
    ("조현동 주미대사가 배석했다.", "조현동", "PERSON", None),
    ("국회 외교통일위원회 김기현 의원은 비판했다.", "김기현", "PERSON", None),
    ("아산정책연구원 연구진이 참석했다.", "아산정책연구원", "ORG", "institute"),
])
def test_entities_unknown_names_by_cue(text, name, typ, subtype):
    ent = _by_name(_run(text)).get(name)
    assert ent is not None and ent.type == typ and ent.subtype == subtype


def test_entities_unknown_person_family_name_merges():
    ents = _run("사토 겐이치 주한 일본대사는 말했다. 사토 대사는 또 강조했다.")
    persons = [e for e in ents if e.type == "PERSON"]
    assert len(persons) == 1 and [m.text for m in persons[0].mentions] == ["사토 겐이치", "사토"]


def test_entities_group_members_are_country_mentions():
    ents = _by_name(_run("미·일·인·호 협력을 확인했다."))
    assert ents["인도"].iso == "IN" and ents["호주"].iso == "AU"
    assert ents["인도"].mentions[0].text == "인"


def test_entities_mentions_carry_raw_offsets():
    text = "서울에서 바이든 대통령이 연설했다."
    ent = _by_name(_run(text))["조 바이든"]
    m = ent.mentions[0]
    assert text[m.raw_offset:m.raw_offset + len(m.text)] == "바이든"


def test_entities_seed_f1():
    if not (SEED.exists() and GOLD.exists()):
        pytest.skip(f"seed or gold not found under {SHARED}")
    sys.path.insert(0, str(SHARED / "eval"))
    import score
    from summitwatch.ingest import load
    from summitwatch.pipeline import build_context

    ctx = build_context(load(str(SEED)))
    pred = {"entities": [e.model_dump() for e in entities.extract(ctx)]}
    row = score.score_entities(json.loads(GOLD.read_text(encoding="utf-8")), pred)
    assert row.f1 >= 0.85
