"""The analysis export: document title, pages and schema fields."""
import pytest

from summitwatch.export import to_analysis
from summitwatch.pipeline import analyze_text


@pytest.mark.parametrize("text,title", [
    ("현안진단 2025-7\n한미 정상회담의 성과와 과제\n2025. 9. 1.\n홍길동 연구위원\n\n"
     "양국 정상은 8월 25일 회담을 가졌다. 조선 협력을 확대하기로 합의했다.\n", "한미 정상회담의 성과와 과제"),
    ("한일 외교장관 회담…셔틀외교 정례화 합의\n입력 2025.09.12 09:05\n\n"
     "(도쿄=뉴스) 기자 = 한일 외교장관이 11일 도쿄에서 만나 셔틀외교를 정례화하기로 했다.\n",
     "한일 외교장관 회담…셔틀외교 정례화 합의"),
    ("양국 정상은 회담을 가졌다. 협력을 확대하기로 합의했다.\n", None),
])
def test_export_title_from_the_title_block(text, title):
    assert to_analysis(analyze_text(text, structure_only=True)).document.title == title
