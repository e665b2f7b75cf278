"""Tables: press-release tables in plain text (a bracketed title, a label line, "- " cells) are
recognised; tables a format stores come through as it stores them (see tests/ingest)."""
import pytest

from summitwatch.pipeline import analyze_text


@pytest.mark.parametrize("caption", ["< 분야별 교역 동향(억 달러) >", "‹ 분야별 교역 동향(억 달러) ›",
                                     "[ 분야별 교역 동향(억 달러) ]"])
def test_tables_press_release_caption_and_dash_rows(caption):
    text = (f"올해 교역은 늘었다. 분야별로는 아래와 같다.\n\n{caption}\n구분\n- 수출\n- 수입\n"
            "1분기\n- 120.5\n- 98.1\n2분기\n- 130.2\n- 101.7\n\n다음 분기 전망은 밝다.\n")
    st = analyze_text(text, structure_only=True).structure
    assert [(t.caption, [(r.header, r.cells) for r in t.rows]) for t in st.tables] == [
        (caption, [("구분", ["수출", "수입"]), ("1분기", ["120.5", "98.1"]), ("2분기", ["130.2", "101.7"])])]
    assert "다음 분기 전망은 밝다." in st.body.text


def test_tables_bracketed_line_without_rows_is_a_paragraph():
    st = analyze_text("[ 알림 ]\n\n회의는 다음 주로 미뤄졌다.\n", structure_only=True).structure
    assert st.tables == []
