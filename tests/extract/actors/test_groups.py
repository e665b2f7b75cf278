import pytest

from summitwatch.extract.actors.groups import find_groups, group_units
from summitwatch.pipeline import analyze_text
from summitwatch.extract.actors import groups


def _found(text):
    return [(text[a:z], members) for a, z, members in find_groups(text)]


@pytest.mark.parametrize("text,expected", [
    ("한미일 협력이 강화됐다.", [("한미일", ["KR", "US", "JP"])]),
    ("미일정상회담이 열렸다.", [("미일", ["US", "JP"])]),
    ("한일 공조와 한중 관계", [("한일", ["KR", "JP"]), ("한중", ["KR", "CN"])]),
    ("북중러 밀착에 맞선 한중일 정상회의", [("북중러", ["KP", "CN", "RU"]), ("한중일", ["KR", "CN", "JP"])]),
    ("미중 간 경쟁과 북미 대화", [("미중", ["US", "CN"]), ("북미", ["KP", "US"])]),
    ("미·일·인·호 협의체", [("미·일·인·호", ["US", "JP", "IN", "AU"])]),
    ("한 · 미 · 일 외교장관", [("한 · 미 · 일", ["KR", "US", "JP"])]),
    ("미·일·필리핀 정상회의", [("미·일·필리핀", ["US", "JP", "PH"])]),
    ("한·독 정상은", [("한·독", ["KR", "DE"])]),
    ("日米首脳会談と日米韓の連携", [("日米", ["JP", "US"]), ("日米韓", ["JP", "US", "KR"])]),
    ("米中対立が続く", [("米中", ["US", "CN"])]),
    ("한미한미일 관계", [("한미", ["KR", "US"]), ("한미일", ["KR", "US", "JP"])]),
    ("남북관계 개선", [("남북", ["KR", "KP"])]),
    ("그는 G2 시대가 왔다고 했다.", [("G2", ["US", "CN"])]),
    ("시진핑 주석은 중미는 협력해야 한다고 말했다.", [("중미", ["CN", "US"])]),
    ("中美关系 (중미 관계)", [("中美", ["CN", "US"]), ("중미", ["CN", "US"])]),
])
def test_groups_found(text, expected):
    assert _found(text) == expected


@pytest.mark.parametrize("text", [
    "일본은 대미 투자를 늘리고 대중 견제와 대일 정책, 대북 제재를 논의했다.",
    "한국과 북한, 중국의 미래는 중요하다. 한편 일부는 일한 만큼 받는다.",
    "한일자 모양, 일중독, 미러링, 일러스트",
    "영·호남 지역과 중·고등학교, 대·중소기업 상생",
    "동·서·남·북 네 방향",
    "북한의 北朝鮮 보도와 在日米軍 기지",
    "북미 시장 진출과 중미 국가들",
    "주한미군과 주일미군, 친중 성향",
    "G20 정상회의와 G7, AG2 부품",
    "중미는 미국으로 향하는 이민자의 출발지다. 중국도 과테말라에 투자했다.",
    "중미 순방에서 파나마와 코스타리카를 찾았다.",
])
def test_groups_negatives(text):
    assert _found(text) == []


def test_groups_units_name_each_member():
    text = "미·일·인·호 협력"
    assert [(text[a:z], iso) for a, z, iso in group_units(text)] == \
        [("미", "US"), ("일", "JP"), ("인", "IN"), ("호", "AU")]


def test_groups_extract_places_every_occurrence():
    ctx = analyze_text("한미일 협력과 한미일 공조, 그리고 미일관계.", structure_only=True)
    out = groups.extract(ctx)
    assert [g.text for g in out] == ["한미일", "한미일", "미일"]
    assert all(g.raw_offset == g.start for g in out)


def test_groups_named_group_has_no_member_units():
    """G2 names the US and China, but no character of it is a country abbreviation."""
    assert group_units("G2 경쟁과 한미 공조") == [(7, 8, "KR"), (8, 9, "US")]


@pytest.mark.parametrize("name,lookbehind", [
    ("DOTTED_RE", "가-힣A-Za-z"),
    ("JOINED_RE", "가-힣"),
    ("HANJA_RE", r"\u4e00-\u9fff\u30a0-\u30ff"),
    ("NAMED_RE", "A-Za-z0-9"),
])
@pytest.mark.parametrize("text", [
    "한미일 협력과 대한미일 관계",
    "미·일·인·호와 가미·일",
    "한미한미 미일",
    "日米韓の連携、中日米の三角",
    "G2 시대와 AG2 코드, 2G2",
    "",
])
def test_groups_hand_checked_lookbehind_matches_the_regex(name, lookbehind, text):
    import re

    pattern = getattr(groups, name)
    plain = re.compile(f"(?<![{lookbehind}])" + pattern.core.pattern)
    assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in plain.finditer(text)]


@pytest.mark.parametrize("text", ["동·", "서 · ", "동·\n", "남·", "동서", "", "·", "북동 ·  "])
def test_groups_direction_before_reads_backwards_like_the_regex(text):
    assert groups._direction_before(text, len(text)) == bool(groups.DIRECTION_BEFORE.search(text))


@pytest.mark.parametrize("text,surface,members", [
    ("쿼드 정상들은 해양 안보 협력을 확대하기로 했다.", "쿼드", ["US", "JP", "IN", "AU"]),
    ("나토 정상회의에는 IP4 정상들이 초청되었다.", "IP4", ["KR", "JP", "AU", "NZ"]),
    ("AUKUS는 핵추진 잠수함 협력을 추진한다.", "AUKUS", ["AU", "GB", "US"]),
    ("반도체 동맹 칩4 구상이 다시 거론된다.", "칩4", ["US", "KR", "JP", "TW"]),
])
def test_groups_named_coalitions(text, surface, members):
    assert any(text[a:b] == surface and m == members for a, b, m in groups.find_groups(text))


def test_groups_named_coalition_inside_a_word_is_not_one():
    assert not any(m == ["US", "JP", "IN", "AU"] for _, _, m in groups.find_groups("스쿼드 훈련과 쿼드러플 악셀"))


@pytest.mark.parametrize("text,members", [
    ("한-호주 정상회담이 열렸다.", ["KR", "AU"]),
    ("북-미 대화가 재개될지 주목된다.", ["KP", "US"]),
    ("한-미-일 협력이 강화되었다.", ["KR", "US", "JP"]),
])
def test_groups_tight_hyphen_pairs(text, members):
    assert any(m == members for _, _, m in groups.find_groups(text))


def test_groups_hyphen_is_not_a_range_or_a_phrase():
    assert groups.find_groups("일-대-일 면담을 2-3일 진행했다.") == []


@pytest.mark.parametrize("text, surface, members", [
    ("They praised the U.S.-ROK partnership again.", "U.S.-ROK", ["US", "KR"]),
    ("a Japan-U.S.-ROK meeting of envoys", "Japan-U.S.-ROK", ["JP", "US", "KR"]),
    ("the ROK-Japan summit in May", "ROK-Japan", ["KR", "JP"]),
])
def test_groups_english_hyphenated_pairs(text, surface, members):
    found = [(text[a:z], m) for a, z, m in find_groups(text)]
    assert found == [(surface, members)]


@pytest.mark.parametrize("text", ["a U.S.-led coalition", "the pre-Japan era", "Seoul-Tokyo ties"])
def test_groups_english_hyphen_without_two_countries_is_none(text):
    assert find_groups(text) == []


@pytest.mark.parametrize("text,members", [
    ("中·露 연합훈련 확대", [["CN", "RU"]]),
    ("韓·日 외교장관 통화", [["KR", "JP"]]),
    ("美-中 무역협상 재개", [["US", "CN"]]),
    ("日·米·豪 3국 경비정", [["JP", "US", "AU"]]),
])
def test_groups_dotted_hanja_of_headlines(text, members):
    assert [m for _a, _z, m in find_groups(text)] == members


@pytest.mark.parametrize("text", ["美 국무부와 日 외무성", "中國 경제", "美·美 관계"])
def test_groups_hanja_apart_or_repeated_are_not_groups(text):
    assert find_groups(text) == []
