"""The poll chart: inline SVG, text left as text (Hangul included), byte-identical runs."""
import warnings

from summitwatch.report.chart import poll_chart


def test_chart_svg_keeps_text_and_is_deterministic():
    lines = {"긍정": [("2026-02-19", 53.0), ("2026-03-19", 57.0)], "부정": [("2026-02-19", 37.0), ("2026-03-19", 33.0)]}
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        svg = poll_chart(lines, "2026-03-09")
    assert svg.startswith("<svg") and svg.rstrip().endswith("</svg>")
    assert ">긍정<" in svg and ">부정<" in svg and ">summit<" in svg and ">57<" in svg
    assert "<image" not in svg and "<script" not in svg and "<metadata>" not in svg
    assert poll_chart(lines, "2026-03-09") == svg
