"""Korean first, English on request: messages are data (``data/messages.json``); dates are shown
as analysts write them (2024.3.15) and stay ISO in the JSON."""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

LANGS = ("ko", "en")
DEFAULT = "ko"
_ISO = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?(?:[T ](\d{2}):(\d{2}))?")


@lru_cache(maxsize=1)
def messages() -> dict[str, dict[str, str]]:
    return json.loads((Path(__file__).parent / "data" / "messages.json").read_text(encoding="utf-8"))


def translator(lang: str):
    table = messages()

    def t(key: str) -> str:
        entry = table.get(key)
        return entry.get(lang) or entry[DEFAULT] if entry else key
    return t


def kdate(value: str | None) -> str:
    """'2024-03-05' -> '2024.3.5'; '2024-03' -> '2024.3'; a timestamp keeps its hour and minute."""
    if not value:
        return ""
    m = _ISO.match(value)
    if not m:
        return value
    y, mo, d, hh, mm = m.groups()
    out = y + (f".{int(mo)}" if mo else "") + (f".{int(d)}" if d else "")
    return out + (f" {hh}:{mm}" if hh else "")
