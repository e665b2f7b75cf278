"""Terms of an agreement read out after an announcement: a briefing that explains an accord's
content, a statement that lists its items; definitions, narration and asides are not terms."""
from __future__ import annotations

import datetime as dt

from summitwatch.extract.claims import commitments, terms
from summitwatch.nlp import split_sentences
from test_commitments import _context

REF = dt.date(2025, 9, 1)

BRIEFING = """어제 한국과 일본 정부는 어업 자원 보호에 관한 협정을 체결하였습니다.

체결된 협정의 골자를 간략히 소개해 드리겠습니다.

공동 관리 수역에서는 양측 감시선이 번갈아 순찰합니다.

여기서 공동 관리 수역이란 두 나라의 배타적 경제수역이 겹치는 바다를 의미합니다.

조업 허가는 매년 수산 당국 간 협의를 거쳐 발급해 나갈 예정입니다.

작년에는 어획량이 크게 줄었습니다.
"""


def _found(text):
    return commitments.extract(_context(text, ref=REF))


def test_terms_read_out_after_an_explained_agreement_are_commitments():
    found = _found(BRIEFING)
    (patrol,) = [c for c in found if "순찰" in c.text]
    assert patrol.cue == "협정 (agree)" and set(patrol.actors) == {"KR", "JP"}
    assert [c for c in found if "조업 허가" in c.text]


def test_terms_definition_narration_and_asides_are_not_terms():
    found = _found(BRIEFING)
    for word in ("의미합니다", "어획량", "소개해"):
        assert not [c for c in found if word in c.text], word


LISTED = """한국과 호주 정상은 2025년 6월 1일 시드니에서 정상회담을 가졌다.

양 정상은 다음과 같이 합의하였다.

1. 양국은 해저 케이블 보호를 위한 공동 점검단을 운영한다.

2. 양국은 재생에너지 기술 인력을 해마다 교환한다.
"""


def test_terms_items_of_an_announced_list_without_a_cue_are_pledged_by_it():
    found = _found(LISTED)
    (cable,) = [c for c in found if "해저 케이블" in c.text]
    (staff,) = [c for c in found if "기술 인력" in c.text]
    assert cable.cue == staff.cue == "합의"


def _units(text):
    from types import SimpleNamespace

    out = []
    for i, s in enumerate(split_sentences(text)):
        out.append(SimpleNamespace(start=s.start, stop=s.stop, tokens=s.tokens, index=i))
    return out


def test_terms_announcement_reach_stops_at_a_question():
    text = "합의문의 주요 내용을 소개해 드리겠습니다. 양측은 연락관을 둡니다. 질문 있으십니까? 양측은 회의를 연다."
    units = _units(text)
    got = terms.announced(text, units, [])
    assert set(got) == {1} and got[1] == ("합의문", True)


def test_terms_declared_predicate_is_a_present_act():
    def pred(sentence):
        (s,) = split_sentences(sentence)
        return terms.declared(s.tokens)

    assert pred("양측은 연락관을 파견한다.") is not None
    assert pred("양측은 연락관을 파견하였다.") is None          # narration
    assert pred("연락관은 양측의 대표이다.") is None             # a copula
    assert pred("이 조항은 연락 체계를 뜻합니다.") is None        # a definition


NAMED = """한국과 호주 정상은 2025년 6월 1일 캔버라에서 정상회담을 가졌다.

호주의 변함없는 해양 안보 약속은 역내 항행의 자유에 필수적이다.

호주의 광물 공급 약속은 지난해 철회되었다.
"""


def test_terms_a_partys_pledge_named_as_a_noun_in_a_statement_is_its_commitment():
    found = _found(NAMED)
    (c,) = [c for c in found if "해양 안보" in c.text]
    assert "AU" in c.actors and c.cue == "약속"


def test_terms_a_named_pledge_in_past_narration_is_not_affirmed():
    assert not [c for c in _found(NAMED) if "광물" in c.text]


def test_terms_named_pledge_needs_a_party_as_possessor():
    (s,) = split_sentences("회의의 약속은 여전히 유효하다.")
    assert terms.named_pledge(s.tokens, lambda a, b: []) is None
