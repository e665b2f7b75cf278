"""Citations in footnotes: publisher, title, publication date, URL and access date (검색일)."""
from __future__ import annotations

import re

from ..model.structure import Citation

_URL = re.compile(r"https?://[^\s<>\"”’)\]]+[^\s<>\"”’)\].,;]|www\.[^\s<>\"”’)\]]+[^\s<>\"”’)\].,;]")
_MONTHS = {m: i + 1 for i, m in enumerate(["january", "february", "march", "april", "may", "june", "july",
                                             "august", "september", "october", "november", "december"])}
_MONTHS.update({k[:3]: v for k, v in list(_MONTHS.items())})
_MONTHS["sept"] = 9
_MONTH_NAMES = "|".join(sorted(_MONTHS, key=len, reverse=True))
# Full dates as citations write them: 2024.3.15, 2024-03-15, 2024년 3월 15일, 2024年3月15日,
# February 7, 2025 and 7 February 2025.
_FULL_DATE = re.compile(
    r"(?P<y>\d{4})\s*[.\-/년年]\s*(?P<m>\d{1,2})\s*[.\-/월月]\s*(?P<d>\d{1,2})\s*[.일日]?"
    rf"|(?P<mn>{_MONTH_NAMES})\.?\s+(?P<d2>\d{{1,2}}),?\s+(?P<y2>\d{{4}})"
    rf"|(?P<d3>\d{{1,2}})\s+(?P<mn3>{_MONTH_NAMES})\.?,?\s+(?P<y3>\d{{4}})", re.I)
_ACCESS_BEFORE = re.compile(r"(?:검색일|접속일|열람일|최종\s*접속일?|검색|accessed(?:\s+on)?|retrieved(?:\s+on)?)\s*[:：]?\s*$",
                            re.I)
_ACCESS_AFTER = re.compile(r"^\s*(?:검색|접속|열람)", re.I)
# The title is the outermost quoted or bracketed part: “…”, "…", 「…」, 『…』, 《…》, <…>
_TITLE = re.compile(r"“(.+)”|\"(.+)\"|「([^」]+)」|『([^』]+)』|《([^》]+)》|〈([^〉]+)〉|<([^>]+)>")


def _dates(s: str) -> list[tuple[int, int, str]]:
    out = []
    for m in _FULL_DATE.finditer(s):
        if m.group("y"):
            iso = _iso(m.group("y"), m.group("m"), m.group("d"))
        elif m.group("y2"):
            iso = _iso(m.group("y2"), str(_MONTHS[m.group("mn").lower()]), m.group("d2"))
        else:
            iso = _iso(m.group("y3"), str(_MONTHS[m.group("mn3").lower()]), m.group("d3"))
        if iso:
            out.append((m.start(), m.end(), iso))
    return out


def _is_access(s: str, a: int, b: int) -> bool:
    before = s[max(0, a - 30):a].rstrip(" ([")
    return bool(_ACCESS_BEFORE.search(before + " ")) or bool(_ACCESS_BEFORE.search(before)) \
        or bool(_ACCESS_AFTER.match(s[b:b + 6]))


def _iso(y: str, m: str, d: str) -> str | None:
    y_, m_, d_ = int(y), int(m), int(d)
    if not (1900 <= y_ <= 2100 and 1 <= m_ <= 12 and 1 <= d_ <= 31):
        return None
    return f"{y_:04d}-{m_:02d}-{d_:02d}"


def _reference_part(text: str, url_at: int) -> str:
    """The bibliographic part before a URL: after the last ' - ' or sentence end, if any."""
    head = text[:url_at]
    cut = max(head.rfind(" - "), head.rfind(" – "), head.rfind("- "))
    if cut >= 0 and (cut == 0 or head[cut - 1] in " .다"):
        return head[cut:].lstrip(" -–")
    # the sentence before the reference ends with 다. / 다
    m = None
    for m in re.finditer(r"[다][.]\s+", head):
        pass
    return head[m.end():] if m else head


def parse_citation(n: int, text: str, raw_offset: int) -> Citation | None:
    """A citation when the footnote names a source with a URL, or a quoted title and a date."""
    url_m = _URL.search(text)
    ref = _reference_part(text, url_m.start()) if url_m else text
    ref_at = (url_m.start() if url_m else len(text)) - len(ref)
    title_m = _TITLE.search(ref)
    title = next((g for g in title_m.groups() if g), None) if title_m else None
    if title is not None:
        title = title.strip().rstrip(",.")
    publisher = None
    if title_m:
        pub = ref[:title_m.start()].strip(" .,:-–")
        if 0 < len(pub) <= 60:
            publisher = pub
    date = accessed = None
    after_title = ref_at + (title_m.end() if title_m else 0)
    for a, b, iso in _dates(text):
        if _is_access(text, a, b):
            accessed = accessed or iso
        elif date is None and a >= after_title and (not url_m or a < url_m.start() or not title_m):
            date = iso
    if not url_m and not (title and (date or publisher)):
        return None
    return Citation(footnote=n, publisher=publisher, title=title, date=date,
                    url=url_m.group() if url_m else None, accessed=accessed, raw_offset=raw_offset)
