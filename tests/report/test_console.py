"""The terminal report shows document text as written: markup in it is neither obeyed nor lost."""
import io
import subprocess
import sys

from rich.console import Console

from summitwatch.report.console import render

from .hostile import HOSTILE, hostile_analysis


def _render(untitled: bool = False, **kw) -> str:
    a = hostile_analysis()
    if untitled:                                 # the report is headed by the file name instead
        a = a.model_copy(deep=True)
        a.document.title = None
    buf = io.StringIO()
    render(a, Console(file=buf, width=200, **kw))
    return buf.getvalue()


def test_console_markup_in_document_is_shown_as_written():
    out = _render(force_terminal=False, color_system=None)
    for literal in ("[/]", "[bold]보고서[/bold]", "[i]", "[sic]", "[/kor/index.do]", "[link=https://evil.example/a]"):
        assert literal in out, literal
    assert "[/]<b>[link=https://evil.example]x[/link].txt" in _render(untitled=True, color_system=None)


def test_console_never_emits_hyperlinks_or_escape_sequences_from_the_document():
    out = _render(force_terminal=True, color_system="truecolor")
    assert "\x1b]8;" not in out                       # OSC 8: a terminal hyperlink
    assert "evil.example" in out                       # shown as text instead


def test_console_cli_report_of_markup_document_and_a_good_file(tmp_path):
    bad = tmp_path / "markup.txt"
    bad.write_text(HOSTILE, encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text("1. 개요\n\n한일 정상은 2025년 3월 5일 만났다.\n", encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "summitwatch.cli", "analyze", str(bad), str(good), "--structure-only"],
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    assert "Traceback" not in r.stderr
    assert "[/]" in r.stdout and "[i]" in r.stdout and "good.txt" not in r.stderr
    assert r.stdout.count("reference date") == 2      # both reports printed


def test_console_terminal_controls_and_bidi_overrides_are_shown_escaped():
    a = hostile_analysis().model_copy(deep=True)
    a.document.title = "제목\x1b[31m빨강\u202e역순\x07"
    a.headings[0].text = "머리\x1b]8;;https://evil.example\x1b\\말"
    buf = io.StringIO()
    render(a, Console(file=buf, width=200, color_system=None))
    out = buf.getvalue()
    assert "\x1b" not in out and "\u202e" not in out and "\x07" not in out
    assert "제목\\x1b[31m빨강\\u202e역순\\x07" in out and "머리\\x1b]8;;https://evil.example\\x1b\\말" in out
