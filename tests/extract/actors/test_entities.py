
import pytest

from summitwatch.extract.actors import entities
from summitwatch.pipeline import analyze_text



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


@pytest.mark.parametrize("text,country,first_mention", [
    ("미·일·인·호 협력을 확인했다. 인도와의 관계도 깊어졌다.", "인도", "인"),       # named elsewhere
])
def test_entities_group_members_are_country_mentions(text, country, first_mention):
    ent = _by_name(_run(text))[country]
    assert ent.mentions[0].text == first_mention


@pytest.mark.parametrize("text,absent", [
    ("정부는 북·중·러 연대에 맞서 대응책을 마련했다.", "러시아"),
    ("정부는 북·중·러 연대에 맞서 대응책을 마련했다.", "북한"),
    # however often abbreviated, a member never named in full speaks of the group only
    ("미·일·호 훈련과 미·일·인·호 회의가 이어졌다.", "호주"),
    ("한미일 공조와 한·미·일 훈련이 논의됐다.", "일본"),
])
def test_entities_single_group_member_is_not_an_entity(text, absent):
    assert absent not in _by_name(_run(text))


@pytest.mark.parametrize("text,name", [
    ("(부산=한결일보) 최은비 기자 = 항만 물동량이 늘었다.", "최은비"),
    ("정치외교연구실 배도현 선임연구위원", "배도현"),
    ("이날 토론에는 권나래 한울국제연구소 수석연구원이 참석했다.", "권나래"),
    ("남궁혜린 주중 특파원이 전했다.", "남궁혜린"),
    ("연구위원 표민재", "표민재"),
    ("글: 육서온 (객원연구위원)", "육서온"),
    ("진하율(논설위원)은 칼럼에서 지적했다.", "진하율"),
    ("안덕근 산업통상자원부 장관이 발표했다.", "안덕근"),
])
def test_entities_korean_person_by_title(text, name):
    ent = _by_name(_run(text)).get(name)
    assert ent is not None and ent.type == "PERSON"


@pytest.mark.parametrize("text", [
    "정부 대변인은 이번 회의 의장과 현지 기자들을 만났다.",
    "방송사 기자와 전문가 위원이 참석했다. 모든 기자가 질문했다.",
    "양국 외교장관은 공동 대표로 나섰다.",
    "그는 고려대 교수로 일했다.",
    "지난 기자회견에서 우리 기자가 질문했다.",
    "연구소 관계자는 책임연구원 채용을 발표했다.",
])
def test_entities_title_words_without_a_name(text):
    assert [e.name for e in _run(text) if e.type == "PERSON"] == []


@pytest.mark.parametrize("text,name,original", [
    ("오가와 다이스케(小川大輔) 일본 외무성 보도관은 입장을 밝혔다.", "오가와 다이스케", "小川大輔"),
    ("저우하이밍(周海明) 중국 상무부 부부장이 방한했다.", "저우하이밍", "周海明"),
])
def test_entities_transliterated_person_keeps_original(text, name, original):
    ent = _by_name(_run(text)).get(name)
    assert ent is not None and ent.type == "PERSON" and original in ent.aliases


@pytest.mark.parametrize("text,name,typ,subtype", [
    ("서해평화연구원은 보고서를 냈다.", "서해평화연구원", "ORG", "institute"),
    ("동아시아미래재단이 후원했다.", "동아시아미래재단", "ORG", "institute"),
    ("가온리서치가 지난 2일 성인 1,000명에게 물은 조사에서 찬성이 52%였다.", "가온리서치", "ORG", "pollster"),
    ("울산 조선소에서 진수식이 열렸다.", "울산 조선소", "ORG", "company"),
    ("(광주=새빛통신) 기사 본문", "새빛통신", "ORG", "media"),
    ("<저작권자 ⓒ 하늘경제신문, 무단 전재 및 재배포 금지>", "하늘경제신문", "ORG", "media"),
    ("대구국제공항에 도착했다.", "대구국제공항", "LOCATION", "airport"),
])
def test_entities_institutions_by_suffix(text, name, typ, subtype):
    ent = _by_name(_run(text)).get(name)
    assert ent is not None and (ent.type, ent.subtype) == (typ, subtype)


@pytest.mark.parametrize("text,absent", [
    ("한국 조선소의 수주가 늘었다.", "한국 조선소"),
    ("비상대책위원회와 운영위원회가 열렸다.", "비상대책위원회"),
    ("책임연구원과 선임연구원이 참석했다.", "책임연구원"),
])
def test_entities_generic_institution_words_are_not_names(text, absent):
    assert absent not in _by_name(_run(text))


def test_entities_place_inside_institution_name_is_not_a_place():
    ents = _by_name(_run("동북아평화연구소가 토론회를 열었다."))
    assert "동북아평화연구소" in ents and "동북아시아" not in ents


@pytest.mark.parametrize("text,name,subtype", [
    ("리얼미터 조사에서 지지율이 올랐다.", "리얼미터", "pollster"),
    ("한국갤럽이 발표한 수치", "한국갤럽", "pollster"),
    ("퓨리서치센터는 미국인의 인식을 조사했다.", "퓨리서치센터", "pollster"),
    ("조달청은 비축 물량을 늘렸다.", "조달청", "government"),
    ("기아는 미국 공장 증설을 검토했다.", "기아", "company"),
])
def test_entities_kb_organisations(text, name, subtype):
    ent = _by_name(_run(text)).get(name)
    assert ent is not None and ent.type == "ORG" and ent.subtype == subtype


@pytest.mark.parametrize("text", ["아프리카의 기아 문제가 심각하다.", "빈곤과 기아를 줄여야 한다.", "기아 퇴치 사업"])
def test_entities_hunger_is_not_the_carmaker(text):
    assert "기아" not in _by_name(_run(text))


def test_entities_mentions_carry_raw_offsets():
    text = "서울에서 바이든 대통령이 연설했다."
    ent = _by_name(_run(text))["조 바이든"]
    m = ent.mentions[0]
    assert text[m.raw_offset:m.raw_offset + len(m.text)] == "바이든"


@pytest.mark.parametrize("seed", range(5))
def test_entities_interval_queries_agree_with_a_scan(seed):
    import random

    from summitwatch.extract.actors.cue_spans import Intervals

    rnd = random.Random(seed)
    spans = [(a, a + rnd.randint(0, 6)) for a in (rnd.randint(0, 40) for _ in range(rnd.randint(0, 12)))]
    index = Intervals(spans)
    for a in range(45):
        for z in range(a, a + 8):
            assert index.overlaps(a, z) == any(s < z and a < e for s, e in spans)
            assert index.holds(a, z) == any(s <= a and z <= e for s, e in spans)
            assert index.holds_longer(a, z) == any(s <= a and z <= e and (s, e) != (a, z) for s, e in spans)


@pytest.mark.parametrize("text, absent", [
    ("두 정상은 부산 선언을 채택했다.", "부산"),            # a document named after a city
    ("양국은 제주 공동성명에서 협력을 약속했다.", "제주"),
])
def test_entities_place_naming_a_document_is_not_a_place(text, absent):
    assert absent not in _by_name(_run(text))


def test_entities_place_beside_a_document_name_stays():
    ents = _by_name(_run("정상들은 부산에서 만나 부산 선언을 채택했다."))
    assert [m.text for m in ents["부산"].mentions] == ["부산"]


def test_entities_country_written_before_its_body_is_mentioned():
    ents = _by_name(_run("미국 국무부 대변인이 브리핑했다."))
    assert [m.text for m in ents["미국"].mentions] == ["미국"]
    assert "국무부" in ents


def test_entities_company_named_after_a_country_mentions_no_country():
    assert "일본" not in _by_name(_run("일본제철이 인수를 마쳤다."))


def test_entities_south_and_north_coordinated():
    ents = _by_name(_run("이번 회담에서 남과 북이 철도 연결에 뜻을 모았다. 북측은 명단을 보냈다."))
    assert [m.text for m in ents["한국"].mentions] == ["남"]
    assert [m.text for m in ents["북한"].mentions] == ["북", "북측"]


@pytest.mark.parametrize("text", ["남과 북쪽 지역을 잇는 도로", "동서남북을 살폈다."])
def test_entities_south_and_north_only_as_the_two_koreas(text):
    assert "한국" not in _by_name(_run(text))


@pytest.mark.parametrize("text, name, typ, subtype", [
    ("대표단은 광주대극장에서 공연을 봤다.", "광주대극장", "LOCATION", "facility"),
    ("정상들은 국립부여박물관을 찾았다.", "국립부여박물관", "LOCATION", "facility"),
    ("수송기가 수원공군기지에 내렸다.", "수원공군기지", "LOCATION", "facility"),
    ("한러의원연맹 대표단이 도착했다.", "한러의원연맹", "ORG", "organisation"),
    ("남북공동위원회가 다시 열렸다.", "남북공동위원회", "ORG", "organisation"),
    ("서울시의회사무처가 자료를 냈다.", "서울시의회사무처", "ORG", "government"),
])
def test_entities_facilities_and_joint_bodies(text, name, typ, subtype):
    ent = _by_name(_run(text)).get(name)
    assert ent is not None and (ent.type, ent.subtype) == (typ, subtype)


@pytest.mark.parametrize("text, absent", [
    ("새 박물관을 짓기로 했다.", "새 박물관"),
    ("군 기지 이전이 논의됐다.", "군 기지"),
    ("국립박물관 관람객이 늘었다.", "국립박물관"),
])
def test_entities_facility_word_without_a_name_is_none(text, absent):
    ents = _run(text)
    assert all(e.type != "LOCATION" or e.subtype != "facility" for e in ents), absent
