"""Every ISO 3166-1 country with its Korean, English and Japanese names, from pycountry's
own data and gettext catalogues (nothing is downloaded)."""
from __future__ import annotations

import gettext
import re

# Territories that are not sovereign states: typed LOCATION, keeping their code.
TERRITORIES = frozenset(
    "AS AI AX AQ TF BQ BL BM BV CC CK CW CX KY FK FO GG GI GP GF GU HK HM IM IO JE MF MO MP MS "
    "MQ YT NC NF NU PN PR PF RE GS SH SJ PM SX TC TK UM VG VI WF EH GL".split())
_PAREN = re.compile(r"\s*[(（][^)）]*[)）]")


def _clean(name: str) -> str | None:
    """A usable name: no parenthetical, and none of the 'X, Republic of' inverted forms."""
    name = _PAREN.sub("", name).strip()
    return None if not name or "," in name or "、" in name else name


def _translator(lang: str):
    import pycountry

    try:
        return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang]).gettext
    except OSError:
        return lambda s: s


def generated_countries():
    import pycountry

    from .loader import KBEntry

    ko, ja = _translator("ko"), _translator("ja")
    out = []
    for c in pycountry.countries:
        english = [getattr(c, "common_name", None), c.name, getattr(c, "official_name", None)]
        korean = _clean(ko(c.name)) or _clean(ko(getattr(c, "common_name", "") or c.name))
        names = [korean, *english, _clean(ja(c.name))]
        names = [n for n in (_clean(x) if x else None for x in names) if n]
        if not names:                      # only comma-listed names (Bonaire, Sint Eustatius and Saba)
            names = [ko(c.name), c.name]
        out.append(KBEntry(
            id=f"country:{c.alpha_2}", type="LOCATION" if c.alpha_2 in TERRITORIES else "COUNTRY",
            name=names[0], subtype="territory" if c.alpha_2 in TERRITORIES else "country",
            country=c.alpha_2, aliases=names[1:]))
    return out
