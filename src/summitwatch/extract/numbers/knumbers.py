"""Korean (and Japanese) number words: "7천 5백만", "1백억 5천만", "30만9천381", "이십이",
"5,000억", "4億2千万" -> a float.

Korean groups digits by 10^4: small units (십 백 천) build a group below 10^4, big units
(만 억 조 경) multiply the group before them. Digits and sino-Korean numerals mix freely.
"""
from __future__ import annotations

import re

SINO_DIGITS = {"영": 0, "공": 0, "일": 1, "이": 2, "삼": 3, "사": 4, "오": 5, "육": 6, "륙": 6,
               "칠": 7, "팔": 8, "구": 9,
               "〇": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
SMALL_UNITS = {"십": 10, "백": 100, "천": 1000, "十": 10, "百": 100, "千": 1000}
BIG_UNITS = {"만": 10**4, "억": 10**8, "조": 10**12, "경": 10**16,
             "万": 10**4, "萬": 10**4, "億": 10**8, "兆": 10**12}

# One regex piece usable inside larger patterns: a run of digits, numerals and units.
_D = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_K = r"[영일이삼사오육칠팔구〇一二三四五六七八九]"
_SMALL = rf"(?:(?:{_D}|{_K})\s?)?[십백천十百千]"
_GROUP = rf"(?:{_SMALL}\s?)*(?:{_D}|{_K})?"
# "30여억" keeps the approximation marker 여 inside the amount.
_BIG = rf"{_GROUP}여?\s?[만억조경万萬億兆]"
AMOUNT = rf"(?:(?:{_BIG}\s?)+(?:{_D}|{_GROUP})?|{_GROUP})"
# Plain decimal numbers, with thousands separators.
DECIMAL = _D

_TOKEN = re.compile(rf"(?P<num>{_D})|(?P<k>{_K})|(?P<small>[십백천十百千])|(?P<big>[만억조경万萬億兆])")


def parse_number(text: str) -> float | None:
    """Value of a number written with digits and/or Korean/Japanese numerals, or None."""
    total = 0.0       # completed big-unit parts
    group = 0.0       # current part below 10^4
    pending = None    # a number not yet attached to a unit
    seen = False
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup
        tok = m.group()
        seen = True
        if kind == "num":
            if pending is not None:        # "1 2" is not one number
                return None
            pending = float(tok.replace(",", ""))
        elif kind == "k":
            if pending is not None:
                return None
            pending = float(SINO_DIGITS[tok])
        elif kind == "small":
            group += (pending if pending is not None else 1.0) * SMALL_UNITS[tok]
            pending = None
        else:
            part = group + (pending if pending is not None else 0.0)
            if part == 0:
                part = 1.0                 # "만 원", "억 달러"
            total += part * BIG_UNITS[tok]
            group, pending = 0.0, None
    if not seen:
        return None
    return total + group + (pending or 0.0)


NATIVE_DAYS = {"하루": 1, "이틀": 2, "사흘": 3, "나흘": 4, "닷새": 5, "엿새": 6, "이레": 7,
               "여드레": 8, "아흐레": 9, "열흘": 10, "보름": 15}
NATIVE_COUNTS = {"한": 1, "두": 2, "세": 3, "네": 4, "다섯": 5, "여섯": 6, "일곱": 7, "여덟": 8,
                 "아홉": 9, "열": 10, "열한": 11, "열두": 12}
ORDINALS = {"첫": 1, "첫째": 1, "첫 번째": 1, "둘째": 2, "두 번째": 2, "셋째": 3, "세 번째": 3,
            "넷째": 4, "네 번째": 4, "다섯째": 5, "다섯 번째": 5, "마지막": -1}
