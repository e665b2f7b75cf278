"""Footnote markers: a number glued to a word is a marker only when a footnote with that number
exists (or it continues the linked chain past the last note); a marker linking to nothing
stays in the text."""
import pytest

from summitwatch.pipeline import analyze_text
from summitwatch.structure.markers import find_markers


@pytest.mark.parametrize("text", [
    "협정의 별표2와 부칙을 함께 개정하였다. 본문은 세 쪽이다.\n",
    "모델 run3의 결과를 비교하였다.\n",
    "자세한 내용은 참고 4 를 보라.\n",
])
def test_markers_glued_number_without_any_footnote_stays(text):
    st = analyze_text(text, structure_only=True).structure
    assert st.footnote_refs == []
    assert st.body.text == text.strip()


def test_markers_glued_number_outside_the_chain_stays():
    # notes 1 and 2 exist; "조항3은" comes before them and links to nothing
    text = ("이번 개정은 조항3은 그대로 두고 협력 범위를 넓혔다.1 시행은 내년이다.2\n\n"
            "1 관계 부처 합동 발표.\n\n2 같은 발표의 부속 자료.\n")
    st = analyze_text(text, structure_only=True).structure
    assert [(r.n, r.dangling) for r in st.footnote_refs] == [(1, False), (2, False)]
    assert "조항3은 그대로" in st.body.text
    assert [f.n for f in st.footnotes] == [1, 2]


def test_markers_find_markers_with_notes():
    text = "첫 합의가 있었다.1 둘째 합의도 있었다.2 셋째는 아직이다.3"
    assert [m.n for m in find_markers(text, notes={1, 2})] == [1, 2, 3]      # 3 continues the chain
    assert [m.n for m in find_markers(text, notes={2})] == [2, 3]
    assert find_markers(text, notes=set()) == []


def test_markers_number_alone_on_its_line_is_no_marker():
    text = "요구사항 목록은 다음과 같다.\n1\n- 첫째 요구\n2\n- 둘째 요구\n\n1 각주가 하나 있다.\n"
    assert [m.n for m in find_markers(text.split("\n\n")[0], notes={1, 2})] == []
