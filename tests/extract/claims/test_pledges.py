"""Korean prose commitments read through the clause layer: decisions past auxiliaries, volition,
prospective statements of the parties, subjects named by short forms."""
from __future__ import annotations

import datetime as dt

from summitwatch.extract.claims import commitments
from test_commitments import _context

REF = dt.date(2025, 9, 1)

INTER = """한국과 북한 정상은 2025년 6월 1일 판문점에서 정상회담을 가졌다.

북과 남은 이산가족 화상 상봉을 정례화해 나가기로 했다. 양 정상은 산림 병해충 공동 방제를 추진할 것이다.

한국은 접경 지역 도로 정비를 서두르겠다고 밝혔다. 정부는 협력 성과를 이끌어내야 할 것이다.
"""


def _by_word(found, word):
    return [c for c in found if word in c.text]


def test_pledges_decision_through_an_auxiliary_with_short_form_subjects():
    (c,) = _by_word(commitments.extract(_context(INTER, ref=REF)), "화상 상봉")
    assert set(c.actors) == {"KR", "KP"} and c.cue.endswith("기로")


def test_pledges_prospective_statement_of_the_parties():
    (c,) = _by_word(commitments.extract(_context(INTER, ref=REF)), "병해충")
    assert set(c.actors) == {"KR", "KP"}


def test_pledges_volition_of_one_party():
    (c,) = _by_word(commitments.extract(_context(INTER, ref=REF)), "도로 정비")
    assert c.actors == ["KR"]


def test_pledges_advice_is_no_commitment():
    assert not _by_word(commitments.extract(_context(INTER, ref=REF)), "이끌어내야")


STATEMENT = """한국과 일본 정상은 2025년 6월 1일 도쿄에서 정상회담을 가졌다.

양 정상은 청년 교류를 넓히고, 문화 협력을 심화하며, 공동 번영을 추구하는 양국 관계를 재확인하였다. \
양 정상은 재난 대응 훈련을 정례화해 나가기로 하였다. 양 정상은 공급망 점검 회의를 매년 열어 나갈 것이다.

북한 비핵화는 한일 공조를 통해 이루겠다는 입장도 재확인하였다.
"""


def test_pledges_clauses_chained_into_a_modifier_are_not_pledges():
    found = commitments.extract(_context(STATEMENT, ref=REF))
    assert not [c for c in found if c.text.startswith("양 정상은 청년 교류를 넓히고")]
    assert not _by_word(found, "문화 협력을 심화하며")


def test_pledges_distinct_acts_in_one_statement_stay_apart():
    found = commitments.extract(_context(STATEMENT, ref=REF))
    assert len(_by_word(found, "재난 대응")) == 1 and len(_by_word(found, "공급망 점검")) == 1
    assert _by_word(found, "재난 대응")[0] is not _by_word(found, "공급망 점검")[0]


def test_pledges_a_thing_named_after_a_country_is_no_actor():
    found = commitments.extract(_context(STATEMENT, ref=REF))
    assert all(c.actors != ["KP"] for c in found)


RESTATED = """한국과 일본 정상은 2025년 6월 1일 도쿄에서 정상회담을 가졌다.

양 정상은 수산물 수입 제한을 단계적으로 해제하는 내용에 합의했다. 일본은 수입 제한을 내년까지 해제하기로 했다.

양국의 협력은 지난 10년간 교류를 통해 확대되었다.
"""


def test_pledges_the_act_restated_in_a_predicate_is_one_commitment():
    found = commitments.extract(_context(RESTATED, ref=REF))
    assert len(_by_word(found, "해제")) == 1


def test_pledges_a_passive_past_of_a_policy_verb_is_a_description():
    assert not _by_word(commitments.extract(_context(RESTATED, ref=REF)), "확대되었다")


MET = """한국 대통령과 일본 총리는 2025년 6월 1일 도쿄에서 만났다.

한국과 일본은 청년 교류 기금을 매년 늘려 나갈 것이다.
"""


def test_pledges_a_meeting_with_만나다_names_the_parties():
    (c,) = _by_word(commitments.extract(_context(MET, ref=REF)), "청년 교류")
    assert set(c.actors) == {"KR", "JP"}


GAPPED = """한국과 일본 정상은 2025년 6월 1일 도쿄에서 정상회담을 가졌다.

이와 함께 일본 정부는 ‘반도체 소재 규제 해제’를, 우리 정부는 ‘분쟁 제소 철회’에 합의했다.
"""


def test_pledges_gapped_subjects_give_one_commitment_each_with_its_actor():
    found = commitments.extract(_context(GAPPED, ref=REF))
    (jp,) = _by_word(found, "소재 규제")
    (kr,) = _by_word(found, "제소 철회")
    assert jp.actors == ["JP"] and kr.actors == ["KR"]


QUOTED = """한국과 일본 정상은 2025년 6월 1일 도쿄에서 정상회담을 가졌다.

한국 대통령은 회견에서 “그(일본 총리)는 어선 나포 문제를 조속히 풀기로 했다”고 말했다.
"""


def test_pledges_inside_a_quotation_the_quoted_subject_pledges():
    (c,) = _by_word(commitments.extract(_context(QUOTED, ref=REF)), "어선 나포")
    assert c.actors == ["JP"]


SIGNED = """한국과 일본 정상은 2025년 6월 1일 도쿄에서 정상회담을 가졌다.

한국과 일본 정부는 이날 항만 물류 협력 양해각서를 체결하였다. 양국이 과거 체결한 어업 협정은 거론되지 않았다.
"""


def test_pledges_signing_is_a_pledge_but_a_signed_thing_as_modifier_is_not():
    found = commitments.extract(_context(SIGNED, ref=REF))
    assert len(_by_word(found, "항만 물류")) == 1
    assert not _by_word(found, "어업 협정")


FIELDS = """한국과 일본 정상은 2025년 6월 1일 도쿄에서 정상회담을 가졌다.

양 정상은 해운, 수산, 관광 등에서 폭넓은 협력을 이루기로 했다.
"""


def test_pledges_a_list_of_fields_is_one_act():
    found = commitments.extract(_context(FIELDS, ref=REF))
    (c,) = _by_word(found, "폭넓은 협력")
    assert "해운" in c.text and len(found) == 1


DECLARED = """한국과 호주 정상은 2025년 6월 1일 캔버라에서 정상회담을 가졌다.

양국은 해양 안전 증진을 위해 힘쓰며, 정부가 마련한 공동 계획은 연안 감시 체계를 한층 보강할 것이다.
"""


def test_pledges_clause_chained_to_a_pledge_whose_subject_holds_a_modifier():
    found = commitments.extract(_context(DECLARED, ref=REF))
    (c,) = _by_word(found, "해양 안전")
    assert set(c.actors) == {"KR", "AU"}


RESTORED = """한국과 일본 정상은 2025년 6월 1일 도쿄에서 정상회담을 가졌다.

양 정상은 어업 협정을 다시 맺기로 한 지난 만남을 토대로 수산물 교역 확대 방안을 논의할 예정이다.

양국이 발표한 조사에 따르면 교역량은 늘었다.
"""


def test_pledges_decision_modifying_a_noun_is_not_undone_by_the_main_clause_plan():
    found = commitments.extract(_context(RESTORED, ref=REF))
    (c,) = _by_word(found, "어업 협정")
    assert c.cue.endswith("기로")


def test_pledges_cue_modifying_a_noun_keeps_its_own_condition():
    assert not _by_word(commitments.extract(_context(RESTORED, ref=REF)), "조사")


CONSEQUENCE = """한국과 일본 정상은 2025년 6월 1일 도쿄에서 정상회담을 가졌다.

양국이 어업 협정 개정에 합의하면서 일본 어선이 내는 입어료는 절반으로 인하된다.

두 정상이 항공 노선 증편에 합의하면서 회담은 예정보다 일찍 끝났다.
"""


def test_pledges_present_clause_an_agreement_brings_about_is_a_term_of_it():
    found = commitments.extract(_context(CONSEQUENCE, ref=REF))
    (c,) = _by_word(found, "입어료")
    assert c.cue == "합의" and "어업 협정" not in c.text
    assert _by_word(found, "어업 협정")          # the agreement itself stays a pledge of its own


def test_pledges_past_clause_after_an_agreement_is_narration():
    assert not _by_word(commitments.extract(_context(CONSEQUENCE, ref=REF)), "일찍 끝났다")


SUBTITLED = """한일 정상, 어업 협정 개정 추진
해양 쓰레기 공동 조사…연안 어민 지원 협력 강화도

한국과 일본 정상은 2025년 6월 1일 도쿄에서 정상회담을 갖고 어업 협정을 개정하기로 했다.
"""


def test_pledges_subtitle_phrases_ending_in_a_cue_are_pledges_of_the_summit():
    found = commitments.extract(_context(SUBTITLED, ref=REF))
    (c,) = _by_word(found, "연안 어민")
    assert set(c.actors) == {"KR", "JP"} and "해양 쓰레기" not in c.text


def test_pledges_headline_phrase_the_body_states_adds_no_mention():
    found = commitments.extract(_context(SUBTITLED, ref=REF))
    (c,) = _by_word(found, "어업 협정")
    assert [m.text for m in c.mentions] == [c.text] and c.text.startswith("한국과 일본 정상은")
