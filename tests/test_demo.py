"""`make demo` writes a dossier of the summit that examples/news_summit.txt reports: the example
corpus must keep giving tracking that summit, or the demo breaks for a new user."""
from pathlib import Path

from summitwatch.track import build
from summitwatch.track.load import from_path

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def test_demo_examples_report_the_summit_the_makefile_names():
    makefile = (EXAMPLES.parent / "Makefile").read_text(encoding="utf-8")
    assert "dossier 2025-08-25" in makefile
    docs = [from_path(p) for p in sorted(EXAMPLES.glob("*.txt"))]
    summits = build(docs, []).summits
    assert any(s.date == "2025-08-25" and set(s.parties) == {"KR", "US"} for s in summits), \
        [s.label for s in summits]
