"""The policy domain of a claim: security, economy, diplomacy, trade, energy, technology,
climate or other — from a table's row header when there is one, else from keywords."""
from __future__ import annotations

import re

DOMAINS = ("security", "economy", "diplomacy", "trade", "energy", "technology", "climate", "other")

# Ordered: the first domain whose pattern matches wins, so narrower domains come first.
_KEYWORDS = (
    ("climate", r"기후|탄소|온실가스|넷제로|탄소중립|climate|emission|carbon"),
    ("energy", r"에너지|LNG|액화천연가스|원전|원자력|석유|원유|가스|수소|전력|energy|oil|nuclear power"),
    ("technology", r"반도체|인공지능|\bAI\b|기술|디지털|양자|우주|사이버|배터리|바이오|semiconductor|technolog"),
    ("trade", r"관세|무역|수출|수입|통상|FTA|WTO|세계무역기구|제소|공급망|tariff|trade|export|import"),
    ("security", r"안보|방위|국방|억제|억지|군사|미군|핵|미사일|동맹|무력|강압|현상\s*변경|해협|영유권|"
                 r"조약|도발|위협|무기|방산|security|defen[cs]e|deterren|military|denucleari"),
    ("economy", r"경제|투자|금융|산업|공장|일자리|통화|조선업|조선소|선박|economy|econom|invest|shipbuild"),
    ("diplomacy", r"방문|외교|정상회의|대화|교류|협의체|연대|초청|diplomac|visit"),
)
_COMPILED = tuple((d, re.compile(p, re.I)) for d, p in _KEYWORDS)

# Table row headers and section labels: "외교안보", "경제", "에너지·기후" ...
_HEADER = (
    ("security", r"안보|국방|방위|군사|security|defen"),
    ("economy", r"경제|투자|금융|econom"),
    ("trade", r"통상|무역|관세|trade"),
    ("energy", r"에너지|자원|energy"),
    ("technology", r"기술|과학|디지털|tech"),
    ("climate", r"기후|환경|climate"),
    ("diplomacy", r"외교|diplom"),
)
_HEADER_COMPILED = tuple((d, re.compile(p, re.I)) for d, p in _HEADER)


def from_header(header: str | None) -> str | None:
    """Domain named by a row header ("외교안보" is security: the narrower word wins)."""
    if not header:
        return None
    for domain, rx in _HEADER_COMPILED:
        if rx.search(header):
            return domain
    return None


def classify(text: str, header: str | None = None) -> str:
    hinted = from_header(header)
    if hinted:
        return hinted
    for domain, rx in _COMPILED:
        if rx.search(text or ""):
            return domain
    return "other"


_TERMS = re.compile("|".join(sorted({t for _, p in _KEYWORDS for t in p.split("|")
                                     if t.isalnum() and not t.isascii()}, key=len, reverse=True)))


def topic_terms(text: str) -> set[str]:
    """The policy words a passage uses (관세, 투자, 정상회의): two passages that share one speak of
    the same field, whatever else their wording."""
    return set(_TERMS.findall(text or ""))
