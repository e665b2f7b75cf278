"""An analysis is told from news and statements by its author's role or its words about itself."""
from __future__ import annotations

import pytest

from summitwatch.extract.claims.genre import in_editor_note, is_analysis, self_reference


@pytest.mark.parametrize("text,expected", [
    ("어업 협정의 쟁점\n이바다 연구위원\n협정은 …", True),
    ("이 보고서는 항만 협력을 다룬다.", True),
    ("[서울=한빛통신] 김산 기자 = 두 정상은 …", False),
    ("양국 정상은 다음과 같이 선언한다.", False),
    ("[서울=한빛통신] 김산 기자 = 한 교수는 …라고 말했다.", False),     # a quoted professor in news
])
def test_genre_is_analysis(text, expected):
    assert is_analysis(text) is expected


def test_genre_self_reference():
    assert self_reference("본 글에서는 쟁점을 살펴본다.") and not self_reference("두 나라는 협정을 맺었다.")


@pytest.mark.parametrize("text, expected", [
    ("[편집자 주] 이번 특집은 세 편의 글로 꾸몄다.", True),
    ("(Editor's note) The series opens with trade.", True),
    ("【연구진 註】 용어는 원문을 따랐다.", True),
    ("[주요 쟁점] 관세와 환율이 남았다.", False),          # a bracketed heading, not a note
    ("회담은 [편집자 주] 표시 없이 끝났다.", False),        # the label must open the paragraph
])
def test_genre_in_editor_note(text, expected):
    assert in_editor_note("앞 문단이다.\n" + text, len("앞 문단이다.\n") + 5) is expected
