import json

import pytest

from summitwatch.kb import load_kb, norm_alias
from summitwatch.kb.loader import _build
from summitwatch.kb.matcher import AliasMatcher


@pytest.fixture(scope="module")
def kb():
    return load_kb()


@pytest.mark.parametrize("name,iso", [
    ("미국", "US"), ("米国", "US"), ("한국", "KR"), ("우리나라", "KR"), ("북한", "KP"), ("DPRK", "KP"),
    ("北朝鮮", "KP"), ("대만", "TW"), ("타이완", "TW"), ("튀르키예", "TR"), ("터키", "TR"), ("호주", "AU"),
    ("사우디", "SA"), ("에스토니아", "EE"), ("짐바브웨", "ZW"), ("Japan", "JP"),
])
def test_kb_country_names(kb, name, iso):
    entries = [e for e in kb.lookup(name) if e.type == "COUNTRY"]
    assert entries and entries[0].iso == iso


def test_kb_every_iso_country_present(kb):
    import pycountry

    missing = [c.alpha_2 for c in pycountry.countries if kb.country(c.alpha_2) is None]
    assert missing == []


@pytest.mark.parametrize("word", ["수단", "오만", "가나", "말리", "기니", "조선", "기후", "나라", "한화", "한정", "시안"])
def test_kb_common_words_are_not_names(kb, word):
    assert kb.lookup(word) == []


@pytest.mark.parametrize("alias,entry_id", [
    ("기시다", "person:kishida-fumio"), ("石破茂", "person:ishiba-shigeru"),
    ("Ishiba Shigeru", "person:ishiba-shigeru"), ("루비오", "person:marco-rubio"),
    ("자민당", "party:jp-ldp"), ("自民党", "party:jp-ldp"), ("닛케이", "media:nikkei"),
    ("テレビ東京", "media:tv-tokyo"), ("나토", "igo:nato"), ("쿼드", "igo:quad"),
    ("外務省", "gov:jp-mofa"), ("U.S. Steel", "company:us-steel"), ("댜오위다오", "loc:senkaku"),
    ("인도태평양", "loc:indo-pacific"), ("돗토리", "loc:jp-tottori"),
    ("Gallup Korea", "pollster:gallup-korea"), ("코리아리서치", "pollster:korea-research"),
    ("NBS", "pollster:nbs"), ("여심위", "pollster:nesdc"), ("문체부", "gov:kr-mcst"),
    ("관세세칙위원회", "gov:cn-tariff-commission"), ("JNTO", "gov:jp-jnto"), ("TCS", "igo:tcs"),
    ("김해공항", "loc:airport-pus"), ("成都", "loc:cn-chengdu"), ("王文涛", "person:wang-wentao"),
    ("武藤容治", "person:muto-yoji"), ("Kia", "company:kia"),
])
def test_kb_aliases_resolve(kb, alias, entry_id):
    assert entry_id in [e.id for e in kb.lookup(alias)]


def test_kb_democratic_party_is_one_ambiguous_entity(kb):
    (entry,) = kb.lookup("민주당")
    assert entry.ambiguous and entry.type == "ORG" and entry.country is None


def test_kb_people_have_roles_and_country(kb):
    people = [e for e in kb.entries.values() if e.type == "PERSON"]
    assert len(people) > 200
    assert all(e.country for e in people)
    assert "prime_minister:2024-2025" in kb.get("person:ishiba-shigeru").roles


def test_kb_user_directory_extends_and_overrides(tmp_path):
    (tmp_path / "extra.json").write_text(json.dumps([
        {"id": "person:test-hanako", "type": "PERSON", "subtype": "official", "name": "야마다 하나코",
         "country": "JP", "aliases": ["야마다", "山田花子"]},
        {"id": "country:JP", "type": "COUNTRY", "name": "일본", "aliases": ["닛폰"]},
    ], ensure_ascii=False), encoding="utf-8")
    kb = load_kb([tmp_path])
    assert kb.lookup("山田花子")[0].name == "야마다 하나코"
    assert kb.lookup("닛폰")[0].iso == "JP" and kb.lookup("Japan")[0].iso == "JP"
    assert load_kb().lookup("山田花子") == []


def test_kb_env_directory(tmp_path, monkeypatch):
    (tmp_path / "more.tsv").write_text(
        "id\ttype\tsubtype\tname\tcountry\taliases\textra\n"
        "org:test-institute\tORG\tthink_tank\t가상연구원\tKR\tImaginary Institute\t\n", encoding="utf-8")
    monkeypatch.setenv("SUMMITWATCH_KB_DIR", str(tmp_path))
    assert load_kb().lookup("Imaginary Institute")[0].id == "org:test-institute"


def test_kb_bad_entry_names_the_file(tmp_path):
    (tmp_path / "bad.json").write_text('[{"id": "x", "type": "THING", "name": "뭔가"}]', encoding="utf-8")
    with pytest.raises(ValueError, match="bad.json"):
        load_kb([tmp_path])


def test_kb_is_built_once_per_process():
    _build.cache_clear()
    kb = load_kb()
    assert AliasMatcher.from_kb(kb) is not None
    assert load_kb() is kb


@pytest.mark.parametrize("raw,key", [("도요타 자동차", "도요타자동차"), ("Ｇ２０", "g20"), ("미・일", "미·일")])
def test_kb_norm_alias(raw, key):
    assert norm_alias(raw) == key


@pytest.mark.parametrize("subtype,minimum", [("pollster", 30), ("airport", 12), ("government", 120)])
def test_kb_broad_coverage_by_subtype(kb, subtype, minimum):
    assert sum(e.subtype == subtype for e in kb.entries.values()) >= minimum


@pytest.mark.parametrize("text,blocked", [("기아 문제", True), ("빈곤과 기아", True), ("기아는 발표했다", False)])
def test_kb_block_after_keeps_a_leading_space(kb, text, blocked):
    from summitwatch.kb.matcher import kb_matcher

    hits = [m for m in kb_matcher(kb).scan(text) if "company:kia" in m.ids]
    assert (hits == []) == blocked
