"""Physical lines of a text and what each one looks like."""
from __future__ import annotations

import re
from dataclasses import dataclass

URL_RE = re.compile(r"https?://[^\s<>\"'”’)\]]+|www\.[^\s<>\"'”’)\]]+")
_URL_ONLY = re.compile(r"^\s*(?:https?://|www\.)\S+\s*$")
_PAGE_NUMBER = re.compile(r"^\s*(?:[-–—]\s*\d{1,4}\s*[-–—]|\d{1,4}\s*/\s*\d{1,4}|[Pp]age\s*\d{1,4}|\d{1,4})\s*$")
# Sentence-final forms of Korean prose, and closing punctuation after them.
# (a footnote marker may follow: "합의했다.3")
_SENTENCE_END = re.compile(r"[.!?。？！…][”’\"')\]」』]*(?:\d{1,3}\)?)?\s*$")


@dataclass(slots=True)
class Line:
    index: int
    start: int            # offset of the first character in the source text
    end: int              # offset after the last character (before the newline)
    text: str             # the line as it is
    body_start: int       # offset of the first non-space character
    body_end: int         # offset after the last non-space character

    @property
    def blank(self) -> bool:
        return self.body_start >= self.body_end

    @property
    def stripped(self) -> str:
        return self.text.strip()

    @property
    def leading_space(self) -> bool:
        return self.body_start > self.start

    @property
    def trailing_space(self) -> bool:
        return self.body_end < self.end

    @property
    def ws_only(self) -> bool:
        """A blank line that holds spaces (some PDF extractors mark paragraph breaks so)."""
        return self.blank and self.end > self.start


def split_lines(text: str) -> list[Line]:
    lines = []
    pos = 0
    n = len(text)
    i = 0
    while pos <= n:
        nl = text.find("\n", pos)
        end = n if nl < 0 else nl
        s = text[pos:end]
        lstrip = len(s) - len(s.lstrip())
        rstrip = len(s.rstrip())
        lines.append(Line(i, pos, end, s, pos + lstrip, pos + max(rstrip, lstrip)))
        i += 1
        if nl < 0:
            break
        pos = nl + 1
    return lines


# East Asian wide and fullwidth characters (Hangul, kana, CJK ideographs, fullwidth forms)
_WIDE = re.compile("[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f"
                   "\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]")


def display_width(s: str) -> int:
    """Columns the text takes in a monospaced rendering (wide characters count two)."""
    return len(s) + len(_WIDE.findall(s))


def ends_sentence(s: str) -> bool:
    return bool(_SENTENCE_END.search(s))


def is_url_only(s: str) -> bool:
    return bool(_URL_ONLY.match(s))


def is_page_number(s: str) -> bool:
    return bool(_PAGE_NUMBER.match(s))
