"""Whether a document is an analysis: a brief, report or outlook in which an author assesses,
forecasts and advises in their own voice (a researcher's byline, "본 글에서는"), as opposed to a
news report (a reporter's byline) or a statement spoken by its parties. Findings and
recommendations from modality are read only in analyses."""
from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def _words() -> dict[str, list[str]]:
    raw = resources.files(__package__).joinpath("data", "genre.json").read_text(encoding="utf-8")
    return {k: v for k, v in json.loads(raw).items() if not k.startswith("_")}


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, re.Pattern]:
    w = _words()
    own = re.compile("|".join(re.escape(x) for x in w["author_roles"] + w["self_reference"]), re.I)
    news = re.compile("|".join(re.escape(x) for x in w["news_bylines"]))
    return own, news


def is_analysis(text: str) -> bool:
    own, news = _patterns()
    return own.search(text) is not None and news.search(text) is None


def is_news(text: str) -> bool:
    """A reporter's byline marks a news report."""
    return _patterns()[1].search(text) is not None


def self_reference(sentence: str) -> bool:
    """The sentence speaks of the document itself ("본 글에서는", "this paper")."""
    w = _words()["self_reference"]
    return any(x.lower() in sentence.lower() for x in w)


@lru_cache(maxsize=1)
def _note_label() -> re.Pattern:
    marks = "|".join(re.escape(x) for x in _words()["editor_note_marks"])
    # a short bracketed label whose last word marks a note: "[편집자 주]", "(Editor's note)"
    return re.compile(r"\s*[\[(【〔<〈]\s*[^\]\)】〕>〉\n]{0,15}?(?:" + marks + r")\s*[\]\)】〕>〉]", re.I)


def in_editor_note(text: str, pos: int) -> bool:
    """The paragraph holding ``pos`` opens with an editor's note label: it frames the piece
    in someone else's voice, so nothing in it is the author's own finding."""
    line = text.rfind("\n", 0, pos) + 1
    return _note_label().match(text, line) is not None
