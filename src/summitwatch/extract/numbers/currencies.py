"""Currency words and symbols -> ISO 4217 codes (with a factor for minor units: 센트 = 0.01 USD).

Longer names come first in the regex so "캐나다 달러" wins over "달러". A bare 달러 is USD,
as Korean news uses it. Obsolete national currencies keep their historical ISO codes.
"""
from __future__ import annotations

import re

# name -> (ISO code, factor to the main unit)
KO_CURRENCIES: dict[str, tuple[str, float]] = {
    "미국 달러": ("USD", 1), "미 달러": ("USD", 1), "미달러": ("USD", 1), "미국달러": ("USD", 1),
    "캐나다 달러": ("CAD", 1), "호주 달러": ("AUD", 1), "홍콩 달러": ("HKD", 1),
    "싱가포르 달러": ("SGD", 1), "대만 달러": ("TWD", 1), "뉴질랜드 달러": ("NZD", 1),
    "달러": ("USD", 1), "불": ("USD", 1),
    "유로": ("EUR", 1), "엔": ("JPY", 1), "엔화": ("JPY", 1), "위안": ("CNY", 1), "위안화": ("CNY", 1),
    "중국 위안": ("CNY", 1), "인민폐": ("CNY", 1), "원": ("KRW", 1), "원화": ("KRW", 1),
    "파운드": ("GBP", 1), "영국 파운드": ("GBP", 1), "펜스": ("GBP", 0.01), "페니": ("GBP", 0.01),
    "센트": ("USD", 0.01), "스위스 프랑": ("CHF", 1), "프랑": ("FRF", 1), "루블": ("RUB", 1),
    "루피": ("INR", 1), "인도 루피": ("INR", 1), "스리랑카 루피": ("LKR", 1),
    "핀란드 마르카": ("FIM", 1), "마르카": ("FIM", 1), "마르크": ("DEM", 1),
    "페세타": ("ESP", 1), "네덜란드 휠던": ("NLG", 1), "휠던": ("NLG", 1), "길더": ("NLG", 1),
    "콜론": ("CRC", 1), "라리": ("GEL", 1), "킵": ("LAK", 1), "바트": ("THB", 1), "페소": ("MXN", 1),
    "헤알": ("BRL", 1), "루피아": ("IDR", 1), "링깃": ("MYR", 1), "리라": ("TRY", 1),
    "디르함": ("AED", 1), "리얄": ("SAR", 1), "즐로티": ("PLN", 1), "크로나": ("SEK", 1),
    "크로네": ("NOK", 1), "흐리브냐": ("UAH", 1), "동": ("VND", 1), "베트남 동": ("VND", 1),
    "마오": ("CNY", 0.1), "지아오": ("CNY", 0.1),
    # Japanese and Chinese script
    "円": ("JPY", 1), "ドル": ("USD", 1), "米ドル": ("USD", 1), "ユーロ": ("EUR", 1), "元": ("CNY", 1),
    "美元": ("USD", 1), "人民币": ("CNY", 1), "ウォン": ("KRW", 1),
}
# Units too ambiguous to accept without a number glued to them (원 in 위원, 동 in 활동...).
# Words too ambiguous to accept unless a particle or a non-letter follows (원 in 원자력,
# 동 in 활동, 엔 in 엔진, 킵 in 킵하다).
_PARTICLE = r"(?=[^가-힣]|[이가을를의에로와과도만은는으입짜씩화]|$)"
# 원인 is a cause, but "…억원인 것으로" is an amount followed by the copula.
_NEEDS_GUARD = {"원": r"(?!(?:자|전|칙|유|장|래|격|작|본|형|년|고|생|리|론|주|소|조|수|회)"
                     r"|인(?![ \t]*(?:것|셈|데|만큼|점)|데|지[ \t,]|가[ \t]|만큼))",
                "엔": r"(?!진|터|지|트)"}
_NEEDS_GUARD.update({w: _PARTICLE for w in ("동", "불", "킵", "라리", "콜론", "리라", "마오", "바트", "랜드")})


def _alt(names) -> str:
    parts = []
    for n in sorted(names, key=len, reverse=True):
        rx = re.escape(n).replace(r"\ ", r"[ \t]?")
        parts.append(rx + _NEEDS_GUARD.get(n, ""))
    return "|".join(parts)


KO_UNIT = _alt(KO_CURRENCIES)

SYMBOLS = {"US$": "USD", "U.S.$": "USD", "$": "USD", "USD": "USD", "€": "EUR", "EUR": "EUR",
           "£": "GBP", "GBP": "GBP", "¥": "JPY", "JPY": "JPY", "₩": "KRW", "KRW": "KRW",
           "CNY": "CNY", "RMB": "CNY", "A$": "AUD", "C$": "CAD", "HK$": "HKD"}
SYMBOL = "|".join(re.escape(s) for s in sorted(SYMBOLS, key=len, reverse=True))
EN_SCALE = {"trillion": 1e12, "tn": 1e12, "billion": 1e9, "bn": 1e9, "million": 1e6, "mn": 1e6,
            "m": 1e6, "thousand": 1e3, "k": 1e3}
# A country adjective before an English currency name: "7.12 Chinese yuan", "U.S. dollars".
EN_ADJECTIVES = {"u.s.": "USD", "us": "USD", "american": "USD", "chinese": "CNY", "japanese": "JPY",
                 "south korean": "KRW", "korean": "KRW", "canadian": "CAD", "australian": "AUD",
                 "hong kong": "HKD", "singapore": "SGD", "taiwan": "TWD", "new taiwan": "TWD",
                 "new zealand": "NZD"}
EN_NAMES = {"dollars": "USD", "dollar": "USD", "euros": "EUR", "euro": "EUR", "yen": "JPY",
            "won": "KRW", "yuan": "CNY", "pounds": "GBP", "pound": "GBP"}


_BY_KEY = {k.replace(" ", ""): v for k, v in KO_CURRENCIES.items()}


def lookup(name: str) -> tuple[str, float]:
    """ISO code and minor-unit factor of a currency word as written ("캐나다달러" too)."""
    return _BY_KEY.get(re.sub(r"\s+", "", name), ("XXX", 1))
