"""Citations in footnotes: publisher, title, publication date, URL and access date (검색일)."""
from __future__ import annotations

import re

from ..model.structure import Citation

_URL = re.compile(r"https?://[^\s<>\"”’)\]]+[^\s<>\"”’)\].,;]|www\.[^\s<>\"”’)\]]+[^\s<>\"”’)\].,;]")
_DATE = r"(\d{4})\s*[.\-/년]\s*(\d{1,2})\s*[.\-/월]\s*(\d{1,2})\s*[.일]?"
_ACCESS = re.compile(r"[(\[]?\s*(?:검색일|접속일|열람일|최종\s*접속|accessed|retrieved)\s*[:：]?\s*" + _DATE + r"\s*[)\]]?",
                     re.I)
_PUB_DATE = re.compile(r"[(\[]\s*" + _DATE + r"\s*[)\]]|,\s*" + _DATE + r"\s*[.,]?")
# The title is the outermost quoted or bracketed part: “…”, "…", 「…」, 『…』, 《…》, <…>
_TITLE = re.compile(r"“(.+)”|\"(.+)\"|「([^」]+)」|『([^』]+)』|《([^》]+)》|〈([^〉]+)〉|<([^>]+)>")


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
    title_m = _TITLE.search(ref)
    title = next((g for g in title_m.groups() if g), None) if title_m else None
    if title is not None:
        title = title.strip()
    publisher = None
    if title_m:
        pub = ref[:title_m.start()].strip(" .,:-–")
        if 0 < len(pub) <= 60:
            publisher = pub
    after = ref[title_m.end():] if title_m else ref
    date_m = _PUB_DATE.search(after)
    date = None
    if date_m:
        g = [x for x in date_m.groups() if x]
        date = _iso(*g[:3])
    acc_m = _ACCESS.search(text)
    accessed = _iso(*acc_m.groups()) if acc_m else None
    if date and acc_m and date_m and title_m and ref.find(date_m.group()) < 0:
        date = None
    if not url_m and not (title and (date or publisher)):
        return None
    return Citation(footnote=n, publisher=publisher, title=title, date=date,
                    url=url_m.group() if url_m else None, accessed=accessed, raw_offset=raw_offset)
