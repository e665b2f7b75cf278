"""Line-level patterns of Korean (and English) briefs: headings, captions, sources, bullets."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from .lines import display_width, ends_sentence

ROMAN = "ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ"
HANGUL_ENUM = "가나다라마바사아자차카타파하"
BULLETS = "■□◆◇●○◦•▪▫▶▷►▸※ㅇ◎◈☐❍➢✓·-–*"

# Heading styles, most specific first. The key names a style; levels follow the order in
# which styles first appear in a document (1. before ■ makes ■ a sub-heading, and vice versa).
_HEADING_STYLES: list[tuple[str, re.Pattern]] = [
    ("chapter", re.compile(r"^제\s*\d{1,2}\s*[장부편]\s+\S")),
    ("section", re.compile(r"^제\s*\d{1,2}\s*절\s+\S")),
    ("roman", re.compile(rf"^(?:[{ROMAN}]|(?:X{{0,1}}(?:IX|IV|V?I{{1,3}}|V)))\s*[.．]\s*\S")),
    ("num", re.compile(r"^\d{1,2}\s*[.．]\s+(?!\d)\S")),
    ("numnum", re.compile(r"^\d{1,2}\.\d{1,2}\.?\s+\S")),
    ("hangul", re.compile(rf"^[{HANGUL_ENUM}]\s*[.．]\s+\S")),
    ("num_paren", re.compile(r"^\d{1,2}\)\s+\S")),
    ("hangul_paren", re.compile(rf"^[{HANGUL_ENUM}]\)\s+\S")),
    ("paren_num", re.compile(r"^\(\d{1,2}\)\s+\S")),
    ("bullet", re.compile(rf"^([{re.escape('■□◆◇▶▷►')}])\s*\S")),
    # a vertical bar some report layouts print before a section title ("| 배경"); one bar only,
    # so a row of a table drawn with bars is not taken for one
    ("bar", re.compile(r"^[|│┃▍▌▎]\s*(?![|│┃])[^|│┃]+$")),
]
BAR_MARK = re.compile(r"[|│┃▍▌▎]\s*")
MAX_BAR_HEADING_WIDTH = 60     # a barred title is short; a longer barred line is a quotation or a cell

CAPTION_RE = re.compile(r"^\s*[\[<〈【(《]?\s*(?:표|그림|도표|차트|Table|Figure|Fig\.|Chart)\s*\d{1,3}(?:[-.]\d{1,2})?\s*[\]>〉】)》.:]?")
SOURCE_RE = re.compile(r"^\s*(?:※\s*)?(?:출처|자료|자료출처|Source|Sources)\s*[:：]\s*")
# A news page's publication stamp: "입력 2025.08.26 14:30", "기사입력 …", "Published …"
TIMESTAMP_RE = re.compile(r"^\s*(?:입력|기사입력|수정|최종\s*수정|등록|송고|발행일?|작성일|업데이트|Published|Updated|Posted)"
                          r"\s*[:：]?\s*\d{4}\s*[-./년]", re.I)
BULLET_RE = re.compile(rf"\s*([{re.escape(BULLETS)}])\s+")

MAX_HEADING_WIDTH = 110   # display columns; headings are short
MAX_ROW_HEADER_CHARS = 12


@lru_cache(maxsize=1 << 16)
def heading_style(text: str) -> str | None:
    """The heading style a stripped line has, or None when it does not look like a heading."""
    if not text or display_width(text) > MAX_HEADING_WIDTH:
        return None
    for name, rx in _HEADING_STYLES:
        m = rx.match(text)
        if not m:
            continue
        if name == "bullet":
            name = f"bullet{m.group(1)}"
        if name == "bar" and display_width(text) > MAX_BAR_HEADING_WIDTH:
            return None
        # A heading names a topic; a sentence ending in 다. is a list item or prose.
        if ends_sentence(text) and not text.endswith("?"):
            return None
        if text.count(",") > 3:
            return None
        return name
    return None


# A title in angle or square brackets ("< 국가별 동향 >", "[ 주요 합의 ]"): a press release's table
# caption when table rows follow it.
BRACKET_CAPTION_RE = re.compile(r"^\s*(?:<[^<>]{2,80}>|‹[^‹›]{2,80}›|〈[^〈〉]{2,80}〉|\[[^\[\]]{2,80}\]|"
                                r"【[^【】]{2,80}】)\s*$")


def is_bracket_caption(text: str) -> bool:
    return bool(BRACKET_CAPTION_RE.match(text)) and not re.match(r"^\s*\[\d{1,3}\]", text)


def is_caption(text: str) -> bool:
    return bool(CAPTION_RE.match(text)) and display_width(text) <= 160


def is_source_line(text: str) -> bool:
    return bool(SOURCE_RE.match(text))


# The Korean list letters 가 나 다 … 하 (a range 가-하 would hold every syllable between them, e.g. 음 or 것)
LIST_LETTERS = "가나다라마바사아자차카타파하"
# An enumerated item at a line start: (1) 1) ① 가) (가)
ENUM_RE = re.compile(r"\s*(?:\(\d{1,2}\)|\d{1,2}\)|[\u2460-\u2473\u2776-\u277f]|"
                     rf"[{LIST_LETTERS}]\)|\([{LIST_LETTERS}]\))\s*(?=\S)")


def list_marker(text: str) -> str | None:
    """The bullet or enumeration that opens a list item, if the line starts with one."""
    b = bullet_of(text)
    if b:
        return b
    m = ENUM_RE.match(text)
    return m.group().strip() if m else None


def bullet_of(text: str) -> str | None:
    m = BULLET_RE.match(text)
    return m.group(1) if m else None


def is_timestamp(text: str) -> bool:
    return bool(TIMESTAMP_RE.match(text))


SECTION_LABELS = Path(__file__).resolve().parent / "data" / "section_labels.txt"


@lru_cache(maxsize=1)
def _section_labels() -> frozenset[str]:
    lines = SECTION_LABELS.read_text(encoding="utf-8").splitlines()
    return frozenset(_label_key(x) for x in lines if x.strip() and not x.startswith("#"))


def _label_key(s: str) -> str:
    return re.sub(r"\s+", "", s).lower()


@lru_cache(maxsize=1 << 12)
def section_label(text: str) -> bool:
    """A line that only names a part of a paper or report (초록, 목차, 결론, Abstract)."""
    s = text.strip()
    return 0 < len(s) <= 30 and _label_key(s) in _section_labels()
