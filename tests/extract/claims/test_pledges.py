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
