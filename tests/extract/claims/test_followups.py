"""Follow-ups of commitments: a sentence that reports talks being held is not one."""
from __future__ import annotations

import datetime as dt

from summitwatch.extract.claims import commitments
from test_commitments import _context

REF = dt.date(2025, 9, 1)

TALKS = """한국과 일본 정상은 2025년 6월 1일 도쿄에서 정상회담을 가졌다. 양 정상은 수산물 검역 규제를 완화하기로 합의했다.

2025년 7월 3일 두 나라 외교장관은 도쿄에서 회담을 갖고 수산물 검역 문제를 폭넓게 논의하였다.

일본은 2025년 8월 5일 수산물 검역 규제를 완화했다.
"""


def test_followups_talks_being_held_are_no_follow_up():
    (c,) = [c for c in commitments.extract(_context(TALKS, ref=REF)) if "검역" in c.text]
    assert [(e.date, e.relation) for e in c.evidence] == [("2025-08-05", "supports")]
