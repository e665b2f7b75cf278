"""Commitments: joint-statement lists, outcome tables, pledges by a named leader, merged
mentions, follow-ups that contradict or support, and what is not a commitment."""
from __future__ import annotations

import datetime as dt
import re

import pytest

from summitwatch import clauses

from summitwatch.extract.claims import commitments

from summitwatch.extract.claims import cues

from summitwatch.extract.time import dates

from summitwatch.extract.claims import domains
from summitwatch.model.facts import Entity, Group, Mention
from summitwatch.model.structure import Table, TableRow
from summitwatch.nlp import split_sentences
from summitwatch.pipeline import analyze_text

REF = dt.date(2025, 7, 1)

COUNTRIES = {"한국": "KR", "미국": "US", "일본": "JP", "북한": "KP", "중국": "CN", "호주": "AU"}
GROUPS = {"한일": ["KR", "JP"], "한미": ["KR", "US"], "미일": ["US", "JP"], "한미일": ["KR", "US", "JP"],
          "미중": ["US", "CN"], "중일": ["CN", "JP"]}
PEOPLE = {"이시바": "이시바 시게루", "트럼프": "도널드 트럼프"}


def _context(text: str, tables=(), people=(), ref=REF):
    """Context with dates from the dates extractor and entities/groups written by hand;
    ``people``: (full name, country) of persons whose entity carries its country."""
    ctx = analyze_text(text, reference_date=ref, structure_only=True)
    body = ctx.text.text
    ctx.facts["dates"] = dates.extract(ctx)
    ents = []
    for name, iso in COUNTRIES.items():
        e = Entity(name=name, type="COUNTRY", iso=iso)
        e.mentions = [Mention(text=name, raw_offset=m.start(), start=m.start(), stop=m.end())
                      for m in re.finditer(name, body)]
        ents.append(e)
    for short, full in PEOPLE.items():       # no country attribute: the KB must supply it
        e = Entity(name=full, type="PERSON", aliases=[short])
        e.mentions = [Mention(text=short, raw_offset=m.start(), start=m.start(), stop=m.end())
                      for m in re.finditer(short, body)]
        ents.append(e)
    for full, iso in people:
        e = Entity(name=full, type="PERSON", country=iso)
        e.mentions = [Mention(text=full, raw_offset=m.start(), start=m.start(), stop=m.end())
                      for m in re.finditer(full, body)]
        ents.append(e)
    ctx.facts["entities"] = ents
    ctx.facts["groups"] = [Group(text=m.group(0), members=GROUPS[m.group(0)], start=m.start(), stop=m.end())
                           for m in re.finditer(r"한미일|한일|한미|미일|미중|중일", body)]
    if tables:
        ctx.structure.tables = [_table(body, *t) for t in tables]
    return ctx


def _table(body, caption, rows, source):
    start = body.index(caption)
    end = body.index(source, start) + len(source)
    return Table(caption=caption, rows=[TableRow(h, cells) for h, cells in rows], source=source,
                 raw_offset=start, start=start, end=end)


JOINT = """지난 3월 4일 서울에서 열린 한일정상회담은 무난하게 마무리되었다. 이번 회담에서 북한의 완전한 비핵화와 청년 교류 확대 등이 재확인되었다.

양국 정상은 공동성명에서 (1) 북한의 완전한 비핵화, (2) 반도체 공급망 협력 강화, (3) 청년 교류 확대 등 기존의 합의 사항을 재확인하였다.

한국은 수소 분야 협력을 위해 기업 간 연계를 강화해야 한다.

그러나 일본 정부는 정상회담 닷새 후(3.9) 반도체 소재 수출 규제를 철회하지 않겠다고 밝혔으며, 공급망 협력 논의에도 불참을 결정하였다.
"""

TABLE_CAPTION = "[표1] 한미정상회담(2025.5.20)의 주요 합의 내용"
TABLE_DOC = f"""지난 5월 20일 워싱턴에서 한미정상회담이 열렸다. 한국은 200억 달러 규모의 대미 반도체 투자를 약속했다.

{TABLE_CAPTION}
안보
미국은 한국 방위에 대한 확장억제 공약 재확인
경제
한국의 대미 반도체 투자 200억 달러 표명
미국산 LNG 도입 확대
출처: 외교부 (2025.5.21)

정상회담 한 달 뒤인 6월 25일 양국 기업은 LNG 장기 도입 계약을 체결하였다.
"""
TABLE_ROWS = [("안보", ["미국은 한국 방위에 대한 확장억제 공약 재확인"]),
              ("경제", ["한국의 대미 반도체 투자 200억 달러 표명", "미국산 LNG 도입 확대"])]

LEADER = """지난 4월 10일 워싱턴에서 열린 미일정상회담에서 이시바 총리는 방위비를 대폭 증액하겠다고 약속했다. \
트럼프 대통령은 일본산 자동차에 대한 관세 인하를 검토하겠다고 밝혔다.
"""

NEGATIVES = """지난 2월 7일 미일정상회담이 열렸다.

한국은 대미 투자를 확대해야 한다. 만약 양국이 관세 철폐에 합의한다면 교역이 늘어날 것이다. \
미일 양국은 2018년 정상회담에서 비핵화 협력을 약속한 바 있다. 미일 양국은 2019년 공동성명에서 우주 협력 확대를 약속했다. \
정부는 조선 협력을 추진할 수 있을 것이다. 일본 언론은 정상회담 결과를 긍정적으로 평가했다.
"""


def _by_word(found, word):
    return [c for c in found if word in c.text or any(word in m.text for m in c.mentions)]


@pytest.mark.parametrize("word", ["비핵화", "공급망", "청년 교류"])
def test_commitments_joint_statement_items_are_separate(word):
    found = commitments.extract(_context(JOINT))
    hits = _by_word(found, word)
    assert len(hits) == 1, [c.text for c in found]
    assert set(hits[0].actors) & {"KR", "JP"}


def test_commitments_joint_statement_count_without_advice():
    found = commitments.extract(_context(JOINT))
    assert len(found) == 3, [c.text for c in found]
    assert not _by_word(found, "수소")


@pytest.mark.parametrize("word,mentions", [("비핵화", 2), ("청년 교류", 2), ("공급망", 1)])
def test_commitments_summary_and_statement_merge(word, mentions):
    (c,) = _by_word(commitments.extract(_context(JOINT)), word)
    assert len(c.mentions) == mentions


def test_commitments_contradicting_follow_up():
    (c,) = _by_word(commitments.extract(_context(JOINT)), "공급망")
    assert c.status in ("contradicted", "broken")
    assert [(e.date, e.relation) for e in c.evidence] == [("2025-03-09", "contradicts")]


def test_commitments_other_items_have_no_evidence():
    found = commitments.extract(_context(JOINT))
    assert sum(len(c.evidence) for c in found) == 1


@pytest.mark.parametrize("word,domain,cue", [
    ("확장억제", "security", "공약"),
    ("200억 달러", "economy", "표명"),
    ("LNG", "energy", "확대"),
])
def test_commitments_outcome_table_rows(word, domain, cue):
    found = commitments.extract(_context(TABLE_DOC, [(TABLE_CAPTION, TABLE_ROWS, "출처: 외교부 (2025.5.21)")]))
    hits = _by_word(found, word)
    assert len(hits) == 1, [c.text for c in found]
    c = hits[0]
    assert c.cue == cue
    if domain != "energy":        # the economy row header decides the LNG row's domain
        assert c.domain == domain
    assert c.raw_offset is not None


def test_commitments_table_and_prose_mention_merge():
    found = commitments.extract(_context(TABLE_DOC, [(TABLE_CAPTION, TABLE_ROWS, "출처: 외교부 (2025.5.21)")]))
    assert len(found) == 3, [c.text for c in found]
    (c,) = _by_word(found, "200억 달러")
    assert len(c.mentions) == 2
    assert c.actors == ["KR"]


def test_commitments_supporting_follow_up():
    found = commitments.extract(_context(TABLE_DOC, [(TABLE_CAPTION, TABLE_ROWS, "출처: 외교부 (2025.5.21)")]))
    (c,) = _by_word(found, "LNG")
    assert [(e.date, e.relation) for e in c.evidence] == [("2025-06-25", "supports")]
    assert c.status == "kept"


@pytest.mark.parametrize("word,actor,cue", [("방위비", "JP", "약속"), ("관세 인하", "US", "밝히")])
def test_commitments_pledge_by_named_leader(word, actor, cue):
    found = commitments.extract(_context(LEADER))
    hits = _by_word(found, word)
    assert len(hits) == 1, [c.text for c in found]
    assert hits[0].actors == [actor]
    assert hits[0].cue == cue
    assert len(hits[0].text) <= 400


def test_commitments_negatives_are_not_commitments():
    found = commitments.extract(_context(NEGATIVES))
    assert found == [], [c.text for c in found]


def test_commitments_ids_are_sequential():
    found = commitments.extract(_context(JOINT))
    assert [c.id for c in found] == [f"c{i + 1}" for i in range(len(found))]


def test_commitments_without_prerequisite_facts_does_not_fail():
    ctx = analyze_text(JOINT, reference_date=REF, structure_only=True)
    found = commitments.extract(ctx)          # no dates, entities or groups: fewer facts, no error
    assert all(c.status == "pending" for c in found)


def test_commitments_empty_text_gives_nothing():
    assert commitments.extract(_context("정상회담은 없었다.")) == []


@pytest.mark.parametrize("header,text,expected", [
    ("외교안보", "협력 추진", "security"),
    ("경제", "LNG 수입 확대", "economy"),
    (None, "방위비 증액", "security"),
    (None, "반도체 공급망 협력", "technology"),
    (None, "일본을 방문하기로 합의", "diplomacy"),
    (None, "탄소중립 목표 달성", "climate"),
    (None, "관세 인하", "trade"),
    (None, "청년 교류", "diplomacy"),
    (None, "WTO 제소 철회", "trade"),
    (None, "조선업 협력 프로젝트 추진", "economy"),
    (None, "무언가", "other"),
])
def test_domains_classify(header, text, expected):
    assert domains.classify(text, header) == expected


@pytest.mark.parametrize("clause,expected", [
    ("협력을 강화해야 한다", "advice"),
    ("협력을 강화할 수 있다", "possible"),
    ("협력을 약속한 바 있다", "background"),
    ("협력을 약속하지 않았다", "negated"),
    ("협력에 합의하면 좋겠다", "conditional"),
    ("협력을 강화하고 있다", "ongoing"),
    ("협력을 약속했다", None),
    ("방문하기로 합의한 만큼", None),
])
def test_cues_tail_modality(clause, expected):
    toks = split_sentences(clause)[0].tokens
    k = next(i for i, t in enumerate(toks) if t.form in ("강화", "약속", "합의"))
    assert cues.tail_modality(toks[k + 1:]) == expected




# --- who pledged: coordinated subjects, short forms of a leader's name, the summit's parties ---

LEADERS = [("문재인", "KR"), ("스콧 모리슨", "AU")]
COORDINATED = """문재인 대통령과 스콧 모리슨 호주 총리는 지난 6월 12일 캔버라에서 정상회담을 갖고 핵심광물 공급망 협력을 강화하기로 합의했다.

문 대통령은 공동기자회견에서 "호주 청년들이 한국에서 마음껏 일하고 배울 수 있도록 문을 넓히겠다"고 밝혔다.

두 정상은 해상 수색구조 훈련을 정례화하기로 했다.
"""


@pytest.mark.parametrize("word,actors", [
    ("핵심광물", {"KR", "AU"}),      # "A 대통령과 B 총리는 … 합의했다": both
    ("청년", {"KR"}),                # "문 대통령은": the person named in full before; not 호주 in the quote
    ("수색구조", {"KR", "AU"}),      # "두 정상은": the summit's parties, found from who met
])
def test_commitments_actors_of_coordinated_and_short_form_subjects(word, actors):
    found = commitments.extract(_context(COORDINATED, people=LEADERS))
    hits = _by_word(found, word)
    assert len(hits) == 1, [(c.text, c.actors) for c in found]
    assert set(hits[0].actors) == actors


@pytest.mark.parametrize("text,span,expected", [
    ("시진핑 국가주석이 방한했다. 시 주석은 협력을 약속했다.", "시", ["CN"]),
    ("시진핑 국가주석이 방한했다. 이 주석은 협력을 약속했다.", "이", []),     # no one named 이
    ("시 주석은 협력을 약속했다. 시진핑 국가주석이 방한했다.", "시", []),     # not named before
])
def test_claimkeys_title_short_form_resolves_to_person_named_before(text, span, expected):
    from summitwatch.extract.claims.claimkeys import FactIndex

    ctx = _context(text, people=[("시진핑", "CN")])
    i = ctx.text.text.index(span + " 주석은")
    assert FactIndex(ctx).countries(i, i + len(span)) == expected


# --- what counts as a pledge: "-기로 했다", dates inside modifiers, coordinated clauses ---

DECISIONS = """한일 정상은 지난 3월 4일 서울에서 정상회담을 가졌다.

양 정상은 2015년 이후 중단되었던 외교차관 전략대화를 재개하기로 합의했다.

일본은 2019년 도입한 불화수소 수출 심사 강화 조치를 해제하기로 했다. 해제에 필요한 세부 절차도 함께 마련하기로 했다.

양측은 끊어진 국방 핫라인을 복구하고, 해양 안전 실무협의체를 신설하기로 합의했다.

한편 현지 중소기업들은 공동 물류센터를 짓기로 했다.
"""


@pytest.mark.parametrize("word,actors,cue", [
    ("전략대화", {"KR", "JP"}, "합의"),      # "2015년 이후 중단되었던": the date dates the noun, not the pledge
    ("불화수소", {"JP"}, "해제하기로"),       # "-기로 했다" of a party; "2019년 도입한" is a modifier too
    ("세부 절차", {"JP"}, "마련하기로"),      # no subject: the previous sentence's carries on
    ("핫라인", {"KR", "JP"}, "합의"),         # "A를 복구하고, B를 신설하기로 합의했다": both pledged
    ("실무협의체", {"KR", "JP"}, "합의"),
])
def test_commitments_decisions_and_coordinated_clauses(word, actors, cue):
    found = commitments.extract(_context(DECISIONS))
    hits = _by_word(found, word)
    assert len(hits) == 1, [(c.text, c.cue) for c in found]
    assert set(hits[0].actors) == actors
    assert hits[0].cue == cue


def test_commitments_decision_of_a_non_party_is_not_a_pledge():
    found = commitments.extract(_context(DECISIONS))
    assert not _by_word(found, "물류센터"), [c.text for c in found]


# --- follow-ups: wording of non-fulfilment, and links that need shared subject terms ---

UNFULFILLED = """지난 5월 20일 서울에서 열린 한미정상회담에서 미국은 한국산 배터리에 매기는 관세를 10%로 내리겠다고 발표했다.

한국 대통령은 만찬 연설에서 "두 나라가 함께 새로운 시대를 열어 가겠다"고 밝혔다.

그러나 관세 인하 약속은 아직 지켜지지 않고 있다. 미국 정부는 6월 20일 현재까지 한국산 배터리의 관세를 10%로 낮추는 고시를 내놓지 않았다.

6월 28일 한국 정부는 공연 교류 사업의 이행 계획을 발표했다.
"""


def test_commitments_non_fulfilment_contradicts():
    (c,) = _by_word(commitments.extract(_context(UNFULFILLED)), "배터리")
    assert [(e.date, e.relation) for e in c.evidence] == [("2025-06-20", "contradicts")]
    assert c.status == "contradicted"
    assert c.actors == ["US"]


# No country group names the summit: the countries are not known to be its parties.
SHARED_ACTOR_ONLY = """지난 5월 20일 열린 정상회담에서 한국 대통령은 "미국과 함께 새로운 시대를 열어 가겠다"고 밝혔다.

6월 28일 한국 정부와 미국 정부는 공연 교류 사업의 이행 계획을 발표했다.
"""


@pytest.mark.parametrize("doc", [UNFULFILLED, SHARED_ACTOR_ONLY])
def test_commitments_follow_up_needs_shared_subject_terms(doc):
    hits = _by_word(commitments.extract(_context(doc)), "새로운 시대")
    assert len(hits) == 1
    assert hits[0].evidence == [] and hits[0].status == "pending"


@pytest.mark.parametrize("sentence", [
    "약속은 아직 지켜지지 않고 있다.",
    "정부는 행정명령을 내놓지 않았다.",
    "합의 사항이 이행되지 않았다.",
    "발효가 다음 달로 미뤄졌다.",
    "시행이 지연되고 있다.",
])
def test_cues_non_fulfilment_wording(sentence):
    assert cues.NON_FULFILMENT.search(sentence)


def test_commitments_titles_and_table_cells_are_not_follow_ups():
    text = ("한미 정상, 공급망 협력 이행 점검\n\n지난 5월 20일 열린 한미정상회담에서 양국은 공급망 협력을 "
            "강화하기로 합의했다.\n\n[표1] 합의 사항 (2025.5.21)\n경제\n공급망 협력 강화 이행\n출처: 외교부 (2025.5.21)\n")
    rows = [("경제", ["공급망 협력 강화 이행"])]
    found = commitments.extract(_context(text, [("[표1] 합의 사항 (2025.5.21)", rows, "출처: 외교부 (2025.5.21)")]))
    assert found and all(c.evidence == [] for c in found), [(c.text, c.evidence) for c in found]


# --- outcome tables: every row of an agreement table, cue or not ---

AGREED_CAPTION = "[표2] 한일 정상회담 합의 사항"
AGREED_DOC = f"""지난 3월 4일 한일정상회담이 열렸다.

{AGREED_CAPTION}
경제
일본, 불화수소 수출 심사 간소화
한국, 분쟁 해결 절차 취하
안보
'서울 선언' 채택 및 군사 소통 채널 복원
자료: 외교부 (2025.3.5)
"""
AGREED_ROWS = [("경제", ["일본, 불화수소 수출 심사 간소화", "한국, 분쟁 해결 절차 취하"]),
               ("안보", ["'서울 선언' 채택 및 군사 소통 채널 복원"])]


@pytest.mark.parametrize("word,actors", [("불화수소", ["JP"]), ("분쟁 해결", ["KR"]), ("소통 채널", ["KR", "JP"])])
def test_commitments_agreement_table_rows_without_cue(word, actors):
    found = commitments.extract(_context(AGREED_DOC, [(AGREED_CAPTION, AGREED_ROWS, "자료: 외교부 (2025.3.5)")]))
    (c,) = _by_word(found, word)
    assert c.cue == "합의"          # the caption's word: '서울 선언' in quotes is a name, not the cue
    assert sorted(c.actors) == sorted(actors)


# --- clauses ---

@pytest.mark.parametrize("sentence", [
    "양측은 펜타닐 원료 물질의 유통을 막기 위한 실무그룹을 설치하기로 합의했다.",
    "미국은 동맹국에 대한 공격에 신속하고 압도적이며 결정적으로 대응하겠다고 약속했다.",
])
def test_clauses_no_boundary_inside_a_word_or_between_modifiers(sentence):
    toks = split_sentences(sentence)[0].tokens
    bounds = clauses.boundaries(toks)
    assert all(toks[b].tag in ("EF", "SF") for b in bounds), [(toks[b].form, toks[b].tag) for b in bounds]


# --- dates that do not date a pledge, other summits in one story, chains of pledged clauses ---

PLEDGE_DATES = """지난 3월 4일 서울에서 열린 한일정상회담에서 양국은 2030년까지 청년 인적교류를 연간 100만 명으로 \
늘리기로 합의했다. 양국은 또 2026년을 '한일 문화교류의 해'로 지정하기로 했다.

인적교류 지표는 개선되었다. 일본 관광청에 따르면 올해 1분기 방일 한국인은 역대 최대였다. 일본은 \
2025년 4월 1일부터 한국인 단체관광객의 입국 절차를 간소화하는 조치를 시행했다.
"""


@pytest.mark.parametrize("word", ["100만 명", "문화교류의 해"])
def test_commitments_deadline_and_object_dates_do_not_date_the_pledge(word):
    # "2030년까지" is a deadline and "2026년을 … 지정" an object: neither is a later act
    found = commitments.extract(_context(PLEDGE_DATES))
    assert len(_by_word(found, word)) == 1, [c.text for c in found]


OTHER_SUMMITS = """이재명 대통령은 지난 3월 4일 서울에서 트럼프 대통령과 정상회담을 열고 관세 협상을 마무리했다. \
미국은 한국산 자동차 관세를 15%로 내리기로 합의했다.

지난 3월 6일에는 이시바 총리와 정상회담을 갖고 셔틀외교를 이어가기로 합의했다.
"""


def test_commitments_pledge_at_another_summit_of_the_story():
    # a sentence that reports a summit dates the pledge made there, not a follow-up; the one
    # leader named meets the leader the story follows
    found = commitments.extract(_context(OTHER_SUMMITS, people=(("이재명", "KR"),)))
    (c,) = _by_word(found, "셔틀외교")
    assert set(c.actors) == {"KR", "JP"}
    assert not c.evidence
    assert _by_word(found, "자동차")


CHAIN = """지난 3월 4일 한미정상회담에서 한국은 국방비를 국내총생산의 3%까지 늘리고, 2030년까지 전투기 40대를 \
구매하며, 주한미군 기지 이전 비용 20억 달러를 부담하겠다고 약속했다. 미국은 한국산 철강과 알루미늄에 대한 \
관세를 10%로 낮추기로 합의했다.
"""


@pytest.mark.parametrize("word,actors", [("국방비", ["KR"]), ("전투기", ["KR"]), ("기지 이전", ["KR"]),
                                         ("알루미늄", ["US"])])
def test_commitments_each_clause_of_a_chain_is_pledged(word, actors):
    found = commitments.extract(_context(CHAIN))
    hits = _by_word(found, word)
    assert len(hits) == 1, [c.text for c in found]
    assert hits[0].actors == actors


def test_commitments_coordinated_objects_of_one_verb_stay_one():
    # "철강과 알루미늄에 대한 관세": one pledge about one tariff, not two
    found = commitments.extract(_context(CHAIN))
    (c,) = _by_word(found, "철강")
    assert "알루미늄" in c.text
    assert len(found) == 4, [c.text for c in found]


HEADED = """지난 3월 4일 미일정상회담이 열렸다.

1. 주요 합의 내용

□ 일본의 조치

○ 미국산 쌀은 2025년 말까지 50만 t을 구매하기로 합의했다.

□ 합의 이후 이행 상황

○ 일본 농림수산성은 4월 5일 미국산 밀 수입 확대 방침을 발표했다.
"""


def test_commitments_heading_names_the_actor_not_the_origin_of_goods():
    ctx = _context(HEADED)
    assert any("일본의 조치" in h.text for h in ctx.structure.headings), "structure recovery missed a □ heading"
    found = commitments.extract(ctx)
    (c,) = _by_word(found, "쌀")
    assert c.actors == ["JP"]          # "미국산 쌀은" is the rice, not its buyer


def test_commitments_follow_up_section_restates_but_never_founds():
    ctx = _context(HEADED)
    assert any("이행 상황" in h.text for h in ctx.structure.headings), "structure recovery missed a □ heading"
    assert not _by_word(commitments.extract(ctx), "밀")


def test_commitments_caption_lends_its_agreement_cue():
    caption = "<표 1> 한일 공동선언의 분야별 주요 합의"
    doc = f"""지난 3월 4일 한일정상회담이 열렸다.

{caption}
교류
청년 교류 100만 명 달성 목표
자료: 외교부
"""
    found = commitments.extract(_context(doc, [(caption, [("교류", ["청년 교류 100만 명 달성 목표"])], "자료: 외교부")]))
    (c,) = _by_word(found, "100만")
    assert c.cue == "합의"


# --- follow-ups: postponement, "현재" non-fulfilment, clause dates, polarity, lead sentences ---

FOLLOW = """지난 3월 4일 도쿄에서 열린 한일정상회담에서 양국 정상은 정상회의를 매년 정례적으로 개최하기로 합의했다. \
일본은 한국산 굴에 대한 수입 관세를 4월부터 인하하겠다고 약속했다. 양국은 반도체 소재 수출 규제의 시행을 \
1년간 유예하기로 했다.

정례 정상회의 합의는 흔들리고 있다. 6월 하순 양국 외교부는 연내 정상회의 개최를 무기한 연기한다고 발표했다.

굴 관세 인하도 늦어지고 있다. 6월 20일 현재 일본 정부의 굴 관세 인하 조치는 시행되지 않았다.

일본 경제산업성은 5월 7일 반도체 소재 수출 규제의 시행을 중단한다고 공고했다.
"""


@pytest.mark.parametrize("word,date,relation", [
    ("정례", "2025-06", "contradicts"),          # 무기한 연기: a postponement
    ("굴", "2025-06-20", "contradicts"),         # "현재 … 시행되지 않았다"
    ("반도체", "2025-05-07", "supports"),        # it stopped what was pledged to be suspended
])
def test_commitments_follow_up_relations(word, date, relation):
    found = commitments.extract(_context(FOLLOW))
    (c,) = _by_word(found, word)
    assert [(e.date, e.relation) for e in c.evidence] == [(date, relation)], [(x.text, x.evidence) for x in found]


LATER = """지난 2월 10일 한미정상회담에서 미국은 한국산 자동차 관세를 15%로 낮추기로 합의했다.

백악관은 3월 1일 합의 내용을 담은 설명자료를 공개했고, 트럼프 대통령은 3월 4일 자동차 관세 인하를 담은 \
행정명령에 서명했다.
"""


def test_commitments_follow_up_takes_the_date_of_its_own_clause():
    (c,) = _by_word(commitments.extract(_context(LATER)), "자동차")
    assert [(e.date, e.relation) for e in c.evidence] == [("2025-03-04", "supports")]
    assert "행정명령" in c.evidence[0].text and "백악관" not in c.evidence[0].text


def test_commitments_paragraph_lead_names_what_a_dated_act_is_about():
    # "인적교류 지표는 개선되었다. … 입국 절차를 간소화하는 조치를 시행했다": the lead says the
    # act is about exchanges, and the written word 인적교류 picks the pledge among two of 교류
    found = commitments.extract(_context(PLEDGE_DATES))
    (people,) = _by_word(found, "100만 명")
    (year,) = _by_word(found, "문화교류의 해")
    assert [(e.date, e.relation) for e in people.evidence] == [("2025-04-01", "supports")]
    assert year.evidence == []


REAFFIRMED = """지난 2월 10일 서울에서 열린 한미일 정상회의에서 세 정상은 차기 정상회의를 일본이 의장국으로서 \
개최하기로 합의했다. 세 정상은 또 외교장관회의를 정례화하기로 했다.

5월 2일 도쿄에서 열린 한미일 외교장관회의에서 세 장관은 차기 정상회의를 조속히 개최하도록 노력한다는 데 \
뜻을 모았다.
"""


def test_commitments_later_meeting_that_agrees_again_supports_the_pledge():
    # the meeting where it happened (외교장관회의에서) is not what was agreed
    found = commitments.extract(_context(REAFFIRMED))
    (chair,) = _by_word(found, "의장국")
    assert [(e.date, e.relation) for e in chair.evidence] == [("2025-05-02", "supports")]
    assert all(not c.evidence for c in found if c is not chair), [(c.text, c.evidence) for c in found]


def test_followups_one_act_bears_on_every_commitment_it_matches_as_well():
    from summitwatch.extract.claims.followups import _best, _Target

    targets = [_Target({"회의": 1.0, "정례": 1.0}, {"정상회의"}, False, {"정상회의"}),
               _Target({"회의": 1.0, "의장국": 1.0}, {"정상회의"}, False, {"정상회의"}),
               _Target({"관세": 1.0}, {"관세"}, False, set())]
    assert _best({"회의": 1.0, "일정": 1.0}, {"정상회의"}, targets, {"정상회의"}) == [0, 1]


@pytest.mark.parametrize("sentence,expected", [
    ("정상회의 개최를 무기한 연기한다고 발표했다", "contradicts"),
    ("공식 협상은 한 차례도 열리지 않았다", "contradicts"),
    ("입국 절차 간소화 조치를 시행했다", "supports"),
    ("조속히 개최한다는 데 뜻을 모았다", "supports"),
    ("논의를 이어가기로 했다", "supports"),
    ("국회 논의 일정이 발표되었다", None),
])
def test_followups_relation_wording(sentence, expected):
    from summitwatch.extract.claims.followups import _relation

    (s,) = split_sentences(sentence)
    assert _relation(sentence, s.tokens) == expected


@pytest.mark.parametrize("text,terms", [
    ("차기 정상회의 개최를 연기했다", {"정상회의"}),
    ("자동차 관세 인하와 대미 투자", {"관세", "투자"}),
    ("오늘은 날씨가 맑다", set()),
])
def test_domains_topic_terms(text, terms):
    assert domains.topic_terms(text) == terms


def test_claimkeys_durations_are_not_keys():
    from summitwatch.extract.claims.claimkeys import FactIndex, keys_from_tokens

    ctx = _context("양국은 수출 규제를 1년간 유예하고 3차 협의를 열기로 했다.")
    toks = ctx.sentences[0].tokens
    keys = keys_from_tokens(toks, FactIndex(ctx), 0, len(ctx.text.text), frozenset())
    assert "1" not in keys and "3" not in keys and "수출" in keys


APEC_AND_SUMMIT = """회담은 경주 아시아태평양경제협력체(APEC) 정상회의(3월 5일~3월 6일) 개막 직전에 열렸다. \
트럼프 대통령과 이시바 총리는 2025년 3월 4일 부산에서 약 90분간 정상회담을 가졌다.
"""


def test_summit_date_is_the_parties_meeting_not_another_summit_word():
    from summitwatch.extract.claims.claimkeys import FactIndex
    from summitwatch.extract.claims.summit import find

    ctx = _context(APEC_AND_SUMMIT)
    summit = find(ctx, FactIndex(ctx))
    assert set(summit.parties) == {"US", "JP"}
    assert summit.date == "2025-03-04"


# --- multilateral summits ----------------------------------------------------------------------

MEMBERS = {"미국": "US", "일본": "JP", "독일": "DE", "프랑스": "FR", "영국": "GB", "이탈리아": "IT",
           "캐나다": "CA", "인도": "IN", "호주": "AU", "스페인": "ES", "폴란드": "PL", "한국": "KR",
           "중국": "CN", "인도네시아": "ID", "말레이시아": "MY", "필리핀": "PH"}


def _multi_context(text: str):
    """Context with dates from the dates extractor and every country of ``MEMBERS`` as an entity;
    country groups (쿼드, 한중일) are left out so the parties must come from the text."""
    ctx = analyze_text(text, reference_date=dt.date(2025, 12, 1), structure_only=True)
    body = ctx.text.text
    ctx.facts["dates"] = dates.extract(ctx)
    ents = []
    for name, iso in MEMBERS.items():
        # "인도" inside "인도네시아"/"인도태평양" is not India
        rx = re.compile(re.escape(name) + r"(?!네시아|태평양|양)")
        e = Entity(name=name, type="COUNTRY", iso=iso)
        e.mentions = [Mention(text=name, raw_offset=m.start(), start=m.start(), stop=m.end()) for m in rx.finditer(body)]
        ents.append(e)
    ctx.facts["entities"] = ents
    ctx.facts["groups"] = []
    return ctx


G7_DOC = """G7 정상회의 결과 분석

2025년 5월 20일 캐나다 밴프에서 G7 정상회의가 열렸다. 회의에는 미국, 일본, 독일, 프랑스, 영국, 이탈리아, 캐나다 정상이 참석했다.

G7 정상들은 희토류 공급망 교란에 공동 대응하기로 했다. 정상들은 해저 케이블 보호 협력을 강화하기로 합의했다.

일본은 희토류 비축 기금에 5억 달러를 출연하겠다고 약속했다.

그러나 2025년 9월 2일 미국은 희토류 공급망 공동 비축 구상에 참여하지 않겠다고 밝혔다.
"""

# A regional forum's summit: one member named with its leader, collective subjects, and later
# members going back on the collective plan in their own words (a negated act, a refusal).
FORUM_DOC = """아세안 정상회의 결과 점검

동남아시아국가연합(ASEAN) 회원국 정상들은 2025년 10월 26일 쿠알라룸푸르에서 정상회의를 열었다. 회원국들은 역내 전력망을 2030년까지 연결하는 계획에 합의했다. 참가국들은 또한 해양 플라스틱 감축 기금을 조성하기로 했다.

회의를 주재한 말레이시아 총리는 폐막 회견에서 기금 운영 방식을 설명했다.

2025년 11월 20일 필리핀은 전력망 연결 협정문에 서명하지 않았다.  2025년 11월 27일 인도네시아 정부는 전력망 연결 일정을 거부했다.
"""

LISTED_DOC = """3개국 정상회의 결과

인도네시아, 말레이시아, 필리핀 3개국 정상은 2025년 4월 3일 자카르타에서 정상회의를 가졌다.

3국 정상은 해양 쓰레기 감축 공동기금을 설치하기로 합의했다. 참가국들은 또한 역내 전력망 연결 사업을 추진하기로 했다.
"""

# Two leaders meeting apart during a larger forum: the meeting stays theirs alone.
SIDELINE_DOC = """한일 정상회담 결과

2025년 6월 16일 G7 정상회의가 열린 캐나다에서 한일 정상회담이 개최되었다. 한일 정상은 셔틀외교를 복원하기로 합의했다.

이번 한일 정상회담에서 양국 정상은 청년 교류를 확대하기로 했다.
"""


@pytest.mark.parametrize("doc,named,members", [
    (G7_DOC, ["US", "JP", "DE", "FR", "GB", "IT", "CA"], 7),
    (FORUM_DOC, ["MY"], 11),                  # one member named with its leader, then the forum's members
    (LISTED_DOC, ["ID", "MY", "PH"], 3),      # no forum name: the countries listed with their number
])
def test_summit_multilateral_parties_are_the_named_participants_and_members(doc, named, members):
    from summitwatch.extract.claims.claimkeys import FactIndex
    from summitwatch.extract.claims.summit import find

    ctx = _multi_context(doc)
    summit = find(ctx, FactIndex(ctx))
    assert set(named) <= set(summit.parties)
    assert len(summit.parties) == members


def test_summit_pair_beside_a_forum_stays_bilateral():
    from summitwatch.extract.claims.claimkeys import FactIndex
    from summitwatch.extract.claims.summit import find

    ctx = _multi_context(SIDELINE_DOC)
    # the pair is a group here, as the groups extractor would give it
    body = ctx.text.text
    ctx.facts["groups"] = [Group(text="한일", members=["KR", "JP"], start=m.start(), stop=m.end())
                           for m in re.finditer("한일", body)]
    summit = find(ctx, FactIndex(ctx))
    assert set(summit.parties) == {"KR", "JP"}
    assert summit.date == "2025-06-16"


@pytest.mark.parametrize("doc,word,expected", [
    (G7_DOC, "공동 대응", {"US", "JP", "DE", "FR", "GB", "IT", "CA"}),      # "G7 정상들은"
    (G7_DOC, "해저 케이블", {"US", "JP", "DE", "FR", "GB", "IT", "CA"}),    # "정상들은"
    (FORUM_DOC, "전력망", {"MY", "PH", "ID", "SG"}),                         # "회원국들은"
    (FORUM_DOC, "플라스틱", {"MY", "PH", "ID", "SG"}),                       # "참가국들은"
    (LISTED_DOC, "해양 쓰레기", {"ID", "MY", "PH"}),                         # "3국 정상은"
    (LISTED_DOC, "전력망", {"ID", "MY", "PH"}),                              # "참가국들은"
])
def test_commitments_collective_subject_gets_the_summit_parties(doc, word, expected):
    found = _by_word(commitments.extract(_multi_context(doc)), word)
    assert len(found) == 1
    assert expected <= set(found[0].actors)


def test_commitments_member_pledge_at_a_multilateral_summit_gets_the_member():
    found = _by_word(commitments.extract(_multi_context(G7_DOC)), "비축 기금")
    assert len(found) == 1
    assert found[0].actors == ["JP"]


@pytest.mark.parametrize("date,text", [
    ("2025-11-20", "서명하지 않았다"),     # a negated act: the clause layer reads the negation
    ("2025-11-27", "거부했다"),            # a refusal
])
def test_commitments_member_going_back_on_a_collective_pledge_contradicts_it(date, text):
    found = _by_word(commitments.extract(_multi_context(FORUM_DOC)), "전력망")
    assert len(found) == 1
    ev = [e for e in found[0].evidence if e.date == date]
    assert len(ev) == 1 and ev[0].relation == "contradicts" and text in ev[0].text
    assert found[0].status == "contradicted"


def test_followups_one_members_act_bears_on_the_collective_pledge_not_anothers_own():
    found = commitments.extract(_multi_context(G7_DOC))
    own = _by_word(found, "비축 기금")[0]
    collective = _by_word(found, "공동 대응")[0]
    assert own.evidence == []
    assert [e.relation for e in collective.evidence] == ["contradicts"]


@pytest.mark.parametrize("sentence", [
    "그 나라는 공동 어업 규정을 받아들이기를 거부했다",
    "두 회원국은 새 규정에 반발했다",
    "정부는 공동 제안을 철회했다",
])
def test_cues_refusal_words_are_a_reversal(sentence):
    assert cues.REVERSAL.search(sentence)


@pytest.mark.parametrize("sentence,negated", [
    ("그 나라는 협정문에 끝내 서명하지 않았다", True),
    ("정부는 약속한 기금을 내지 못했다", True),
    ("정부는 약속한 기금을 모두 냈다", False),
])
def test_followups_negated_act_is_read_from_the_predicate(sentence, negated):
    from summitwatch.extract.claims.followups import _negated

    toks = [t for x in split_sentences(sentence) for t in x.tokens]
    assert _negated(toks) is negated


@pytest.mark.parametrize("split,whole", [
    ("G7 정상들은 희토류 공급망 교란에 대응하기로 했다.", "미국은 희토류 공급망 공동 구상에 불참했다."),
])
def test_claimkeys_compound_split_or_whole_shares_a_key(split, whole):
    from summitwatch.extract.claims.claimkeys import FactIndex, keys_from_tokens

    def keys(s):
        ctx = _multi_context(s)
        toks = [t for x in ctx.sentences for t in x.tokens]
        return keys_from_tokens(toks, FactIndex(ctx), 0, len(s), frozenset())

    assert "공급망" in keys(split) and "공급망" in keys(whole)


# Follow-ups as analysts write them: the object named another way, a report or a quotation, a
# later section with its own heading, relative and partial dates, partial fulfilment.
EASING = """미중 정상회담 결과와 이행 점검

2025년 6월 10일 제네바에서 열린 미중 정상회담에서 양국은 반도체 수출통제를 완화하기로 합의했다. 또한 중국은 \
미국산 대두 수입을 확대하겠다고 약속했다. 양국 정상은 펜타닐 단속 협력을 강화하기로 했다.

그러나 미 상무부는 9월 3일 대중 반도체 장비 수출 규제를 오히려 강화했다. 중국 해관총서 통계에 따르면 중국은 \
10월 중순 미국산 대두 구매를 재개했다.
"""

FUND = """한일 정상회담 평가와 과제

1. 주요 합의

2025년 5월 20일 도쿄에서 열린 한일 정상회담에서 양국은 미래세대 교류를 위한 공동기금을 조성하기로 합의했다. \
일본은 한국산 수산물에 대한 수입 규제를 단계적으로 해제하겠다고 밝혔다. 양국은 외교차관 전략대화를 연내에 \
재개하기로 했다.

2. 이행 점검

교도통신 보도에 따르면 일본 정부는 10월 2일 해당 기금 출연을 보류했다. 한편 첫 전략대화는 지난달 말 서울에서 \
열렸다. 11월 20일 현재 수산물 수입 제한은 그대로 유지되고 있다.
"""

TARIFF = """한미 정상회담 후속 조치 분석

한미 양국 정상은 2025년 7월 30일 워싱턴에서 정상회담을 갖고 한국산 자동차와 부품에 대한 관세를 15%로 \
인하하기로 합의했다. 한국은 3,500억 달러 규모의 대미 투자 펀드를 조성하기로 약속했다. 양국은 조선 협력 협정을 \
체결하기로 했다.

이후 양국은 9월 1일 조선 협력 협정에 공식 서명했다. 미국은 11월 14일 일부 품목에 대해서만 관세를 인하했다. \
투자 펀드 운용 지침은 예정대로 10월 중순 시행됐다.
"""

RARE_EARTH = """중일 정상회담 결과

2025년 4월 15일 베이징에서 열린 중일 정상회담에서 양국은 고위급 경제대화를 연 1회 개최하기로 합의했다. \
중국은 일본산 수산물 수입 금지를 해제하기로 약속했다. 양국은 희토류 공급 제한을 완화하는 방안을 협의하기로 했다.

이행 현황

고위급 경제대화의 첫 회의가 10월 열렸다. 그러나 중국 상무부는 11월 초 희토류 수출 통제 대상을 오히려 확대했다. \
중국 외교부 대변인은 12월 1일 수산물 수입 금지 해제를 보류한다고 밝혔다.
"""

MINERALS = """한-호주 정상회담의 의의

한국과 호주 정상은 2025년 3월 12일 캔버라에서 정상회담을 갖고 핵심광물 공급망 협정을 연내 체결하기로 합의했다. \
호주는 한국 방산업체의 호위함 사업 참여를 지지한다고 밝혔다. 양국은 워킹홀리데이 비자 쿼터를 확대하기로 했다.

양국은 8월 22일 핵심광물 협정에 공식 서명했다. 그러나 호주 정부는 9월 말 호위함 사업에서 한국 업체를 제외했다. \
비자 쿼터 확대는 예정대로 7월 1일부터 시행됐다.
"""

_REFS = {EASING: dt.date(2025, 11, 30), FUND: dt.date(2025, 12, 5), TARIFF: dt.date(2025, 12, 1),
         RARE_EARTH: dt.date(2025, 12, 10), MINERALS: dt.date(2025, 11, 1)}


@pytest.mark.parametrize("doc,word,date,relation,status", [
    (EASING, "반도체", "2025-09-03", "contradicts", "contradicted"),   # 통제 완화 / 규제 오히려 강화
    (EASING, "대두", "2025-10", "supports", "kept"),                   # 수입 확대 / 구매 재개, as reported
    (EASING, "펜타닐", None, None, "pending"),
    (FUND, "기금", "2025-10-02", "contradicts", "contradicted"),       # "해당 기금 출연을 보류"
    (FUND, "전략대화", "2025-11", "supports", "kept"),                 # "지난달 말 … 열렸다"
    (FUND, "수산물", "2025-11-20", "contradicts", "contradicted"),     # 규제 해제 / 제한 그대로 유지
    (TARIFF, "조선", "2025-09-01", "supports", "kept"),
    (TARIFF, "관세", "2025-11-14", "supports", "partly_kept"),         # "일부 품목에 대해서만 … 인하"
    (TARIFF, "투자", "2025-10", "supports", "kept"),                   # 펀드 … 예정대로 시행
    (RARE_EARTH, "경제대화", "2025-10", "supports", "kept"),           # "첫 회의가 10월 열렸다"
    (RARE_EARTH, "희토류", "2025-11", "contradicts", "contradicted"),  # 제한 완화 / 통제 대상 확대
    (RARE_EARTH, "수산물", "2025-12-01", "contradicts", "contradicted"),  # 해제를 보류: stops the lifting
    (MINERALS, "광물", "2025-08-22", "supports", "kept"),
    (MINERALS, "호위함", "2025-09", "contradicts", "contradicted"),    # "사업에서 … 제외" is what was done
    (MINERALS, "비자", "2025-07-01", "supports", "kept"),              # "1일부터" is no partial "일부"
])
def test_commitments_follow_ups_worded_unlike_the_pledge(doc, word, date, relation, status):
    found = commitments.extract(_context(doc, ref=_REFS[doc]))
    (c,) = _by_word(found, word)
    expected = [(date, relation)] if date else []
    assert [(e.date, e.relation) for e in c.evidence] == expected, [(x.text, x.evidence) for x in found]
    assert c.status == status


def _target(text, keys=None):
    from summitwatch.extract.claims.followups import _Target, direction
    from summitwatch.extract.claims.cues import BARRIER

    return _Target(keys or {}, set(), False, set(), frozenset(), direction(text), bool(BARRIER.search(text)))


@pytest.mark.parametrize("pledge,act,relation,expected", [
    ("수출 규제를 완화하기로 합의했다", "수출 통제를 오히려 강화했다", None, "contradicts"),
    ("관세를 인하하기로 했다", "관세를 일부 인하했다", None, "supports"),
    ("수입 금지를 해제하겠다고 밝혔다", "수입 제한은 여전히 유지되고 있다", None, "contradicts"),
    ("투자를 확대하기로 했다", "투자 규모를 늘렸다", None, "supports"),
    ("투자를 확대하기로 했다", "투자 관련 규제를 강화했다", None, None),          # a flow and a barrier
    ("관세를 인하하기로 했다", "관세 인하를 하지 않았다", "contradicts", "contradicts"),
    ("협력을 지속하기로 했다", "협력 예산을 늘렸다", "supports", "supports"),      # no direction pledged
])
def test_followups_direction_of_a_level(pledge, act, relation, expected):
    from summitwatch.extract.claims.followups import _directed

    assert _directed(relation, act, _target(pledge)) == expected


@pytest.mark.parametrize("key,near", [
    ("통제", {"규제"}), ("제한", {"규제"}), ("구매", {"수입"}), ("수출통제", {"수출통제", "수출", "규제"}),
    ("반도체", {"반도체"}), ("E:중국 상무부", {"E:중국 상무부"}),
])
def test_followups_near_terms_of_a_key(key, near):
    from summitwatch.extract.claims.followups import _near_terms

    assert set(_near_terms(key)) == near


@pytest.mark.parametrize("text,partial", [
    ("일부 품목에만 적용했다", True), ("부분적으로 시행됐다", True), ("7월 1일부터 시행됐다", False),
])
def test_cues_partial_fulfilment_wording(text, partial):
    assert bool(cues.PARTIAL.search(text)) == partial


@pytest.mark.parametrize("text,stopped", [
    ("수입 금지 해제를 보류한다고 밝혔다", True), ("관세 인하를 연기했다", True),
    ("수출 규제의 시행을 중단했다", False),
])
def test_cues_stopping_the_stopping(text, stopped):
    assert bool(cues.STOPPING_STOPPED.search(text)) == stopped


MOVE_ONLY = """2025년 4월 2일 한일 정상회담에서 일본은 반도체 소재 수출 규제를 완화하기로 합의했다.

일본 정부는 5월 9일 반도체 소재 수출 규제 완화 방침을 공고했다. 한국 정부도 5월 12일 철강 제품 관세를 인하했다.
"""


def test_followups_a_level_moved_without_naming_the_pledge_is_no_follow_up():
    # the second act sits in a paragraph whose lead speaks of the pledge, but it names other goods
    (c,) = _by_word(commitments.extract(_context(MOVE_ONLY)), "반도체")
    assert [(e.date, e.relation) for e in c.evidence] == [("2025-05-09", "supports")]


def test_commitments_countries_joined_before_leaders_name_the_parties():
    from summitwatch.pipeline import analyze_text

    text = ("2025년 9월 10일 한국과 호주 정상은 캔버라에서 정상회담을 갖고 핵심광물 협력을 강화하기로 합의했다.\n\n"
            "호주는 리튬 공급을 늘리겠다고 약속했다. 양국은 워킹홀리데이 비자 쿼터를 확대하기로 했다.\n")
    got = {c.cue: sorted(c.actors) for c in analyze_text(text).facts["commitments"]}
    assert got.get("확대하기로") == ["AU", "KR"]
    assert got.get("약속") == ["AU"]


def test_commitments_topic_word_does_not_merge_two_reaffirmations():
    # every pledge names the peninsula: that names the text's topic, not one pledge restated
    text = ("한미 정상회담이 2025년 5월 2일 워싱턴에서 개최되었다.\n"
            "양측은 한반도 긴장 완화를 위한 대화 채널 복원 방침을 재확인하였다. 양측은 한반도 방어 훈련을 해마다 "
            "이어 간다는 방침도 재확인하였다. 양측은 한반도 인근 해역의 항행 자유를 함께 지키기로 하였다.")
    found = analyze_text(text, reference_date=dt.date(2025, 5, 3)).facts["commitments"]
    assert len(found) == 3 and all(len(c.mentions) == 1 for c in found)


def test_commitments_topic_damping_needs_half_the_claims_to_share_a_term():
    keys = [{"한반도": 3.0, "평화": 1.0}, {"한반도": 3.0, "훈련": 1.0}, {"한반도": 3.0, "항행": 1.0}, {"관세": 1.0}]
    damped = commitments._topic_damped(keys)
    assert [k["한반도"] for k in damped[:3]] == [commitments.TOPIC_WEIGHT] * 3 and damped[3] == {"관세": 1.0}
    two = commitments._topic_damped(keys[:2])      # two claims make no topic
    assert two == keys[:2]
    wider = keys + [{"관세": 1.0}, {"투자": 1.0}, {"조선": 1.0}]
    assert commitments._topic_damped(wider)[0]["한반도"] == 3.0     # three of seven: not the topic


def test_commitments_sharing_only_countries_stay_apart():
    # both pledges concern the North and inter-Korean ties: that says who, not what was pledged
    text = ("한미 정상회담이 2025년 5월 2일 워싱턴에서 개최되었다.\n"
            "미국 측은 남북 대화 재개와 북한과의 접촉 확대를 돕기로 하였다. 양측은 북한 주민 식량 지원과 "
            "남북 서신 교환을 함께 돕겠다고 밝혔다.")
    found = analyze_text(text, reference_date=dt.date(2025, 5, 3)).facts["commitments"]
    assert [len(c.mentions) for c in found] == [1, 1]
    assert found[0].actors == ["US"] and set(found[1].actors) == {"KR", "US"}


def test_commitments_who_keys_are_countries_and_pairs_not_frameworks():
    nations = frozenset({"북한"})
    assert commitments._who("C:KP", nations) and commitments._who("G:KPKR", nations)
    assert commitments._who("북한", nations) and not commitments._who("G:JPKRUS", nations)
    assert not commitments._who("식량", nations)


def test_commitments_agreement_on_a_complement_keeps_its_content():
    text = ("한미 정상회담이 2025년 5월 2일 워싱턴에서 개최되었다.\n"
            "양측은 해양 쓰레기 수거 사업을 공동으로 벌이는 데 동의하였다.")
    (c,) = analyze_text(text, reference_date=dt.date(2025, 5, 3)).facts["commitments"]
    assert "해양 쓰레기" in c.text and c.cue == "동의 (agree)"


def test_commitments_weak_cue_over_a_stated_will_is_a_pledge():
    text = ("한일 정상회담이 2025년 5월 2일 도쿄에서 개최되었다.\n\n"
            "□ 아울러, 양측은 경제 현안을 논의하였다.\n\n"
            "ㅇ 한국 정부는 청년 교류를 곱절로 늘리겠다는 방침을 거듭 확인하였다.\n\n"
            "ㅇ 한국 정부는 교류 현황을 확인하였다.")
    found = analyze_text(text, reference_date=dt.date(2025, 5, 3)).facts["commitments"]
    assert [c.actors for c in found] == [["KR"]] and "청년 교류" in found[0].text   # not the plain check


def test_commitments_two_clauses_of_one_sentence_are_two_pledges():
    text = ("한미 정상회담이 2025년 5월 2일 워싱턴에서 개최되었다.\n"
            "양측은 해운 안보 관계를 심화하기로 약속하였고, 해운안보협정의 항로 보호 조항을 지키겠다는 방침을 확인하였다.")
    found = analyze_text(text, reference_date=dt.date(2025, 5, 3)).facts["commitments"]
    assert [c.cue for c in found] == ["약속", "확인"] and all(len(c.mentions) == 1 for c in found)


def test_commitments_agreement_idiom_is_a_pledge():
    text = ("한미 정상회담이 2025년 5월 2일 워싱턴에서 개최되었다.\n"
            "양측은 재난 대응 훈련을 해마다 함께 여는 데 뜻을 모았다.")
    (c,) = analyze_text(text, reference_date=dt.date(2025, 5, 3)).facts["commitments"]
    assert "재난 대응 훈련" in c.text and c.cue == "뜻을 모으 (agree)" and set(c.actors) == {"KR", "US"}


def test_commitments_headline_with_a_comma_subject():
    text = ("미일 정상회담 결과\n\n트럼프 “日, 미국산 옥수수 수입 확대키로”\n\n"
            "미일 정상회담이 2025년 5월 2일 도쿄에서 개최되었다.")
    found = analyze_text(text, reference_date=dt.date(2025, 5, 3)).facts["commitments"]
    (c,) = [c for c in found if "옥수수" in c.text]
    assert c.actors == ["JP"] and c.cue == "확대하기로"


def test_commitments_items_of_an_announced_agreement_stand_alone():
    text = ("한일 정상회담이 2025년 5월 2일 도쿄에서 개최되었다. 한국 대통령은 불법 조업 단속 강화 방침을 "
            "재확인하였다.\n양측은 아래와 같이 합의하였다.\n1. 양국은 어업 자원 보호를 위한 공동 조사를 실시할 것이다.\n"
            "2. 양국은 불법 조업 단속을 강화하며 한국은 불법 조업 선박 처벌의 강화를 다짐하였다.")
    found = analyze_text(text, reference_date=dt.date(2025, 5, 3)).facts["commitments"]
    assert all(len(c.mentions) == 1 for c in found)
    lead = [c for c in found if c.cue == "재확인"]
    items = [c for c in found if c.text.startswith(("1.", "2."))]
    assert len(lead) == 1 and len(items) == 2
    assert any(c.cue == "다짐 (pledge)" for c in found)


def test_commitments_official_of_a_home_office_speaks_for_korea():
    # a compound title ("안보수석") is a role; "청와대" is Korea's when no country is named
    text = ("한-호주 정상회담이 2025년 5월 2일 캔버라에서 개최되었다.\n\n"
            "박서준 청와대 안보수석은 기자들에게 “핵심광물 공동 비축 물량을 해마다 10만 톤 넘게 늘리겠다”고 밝혔다.")
    (c,) = analyze_text(text, reference_date=dt.date(2025, 5, 3)).facts["commitments"]
    assert c.actors == ["KR"] and "10만 톤" in c.text


LEAD_WITH_EXAMPLE = """한국과 일본 정상은 2025년 6월 1일 도쿄에서 정상회담을 갖고 어업 지도선 연락 체계를 비롯한 \
해양 안전 협의체 구축에 합의했다.

양 정상은 별도로 어업 지도선 연락 체계 정비에도 합의하였다.
"""


def test_commitments_lead_naming_a_pledge_as_its_example_does_not_absorb_it():
    found = commitments.extract(_context(LEAD_WITH_EXAMPLE))
    assert len(found) == 2
    assert any("협의체" in c.text for c in found) and any(c.text.startswith("양 정상은 별도로") for c in found)


def test_commitments_english_leaders_who_met_are_the_parties_not_a_forum_named_later():
    from summitwatch.pipeline import analyze_text

    story = ("MANILA, May 5, 2026 (Wire) -- President Lee Jae-myung and Philippine President Ferdinand "
             "Marcos Jr. met in Manila on Tuesday. The two leaders pledged to double naval training "
             "exchanges by 2028.\n\nMarcos will attend the ASEAN summit in Kuala Lumpur later this month.\n")
    found = [c for c in analyze_text(story).facts["commitments"] if "naval training" in c.text]
    assert [sorted(c.actors) for c in found] == [["KR", "PH"]]
