"""English names the KB does not know, from the words around them: a title before a person's
name (President Jane Roe, Prime Minister KISHIDA Fumio), bylines (Reporting by …; Editing by
…), and organisations by their shape (Acme Energy Inc., Ministry of Trade and Industry,
People's Bank of China)."""
from __future__ import annotations

import re

from .cue_spans import Found, SpanIndex, covered_by

_CAP = r"(?:[A-Z][a-z]+(?:-[A-Za-z][a-z]+)?|[A-Z]{2,}(?![a-z]))"
_NAME = rf"{_CAP}(?: {_CAP}){{1,2}}"
TITLES = ("President", "Vice President", "Prime Minister", "Deputy Prime Minister", "Foreign Minister",
          "Minister", "Secretary of State", "Secretary", "Chancellor", "Premier", "Governor", "Senator",
          "Ambassador", "Chairman", "Chairwoman", "Chair", "Chief Executive", "CEO", "Spokesperson",
          "Spokesman", "Spokeswoman", "General", "Admiral", "King", "Queen", "Crown Prince", "Leader")
_TITLE = "|".join(sorted(map(re.escape, TITLES), key=len, reverse=True))
TITLED_PERSON = re.compile(rf"(?<![A-Za-z])(?:{_TITLE})\s+({_NAME})(?![A-Za-z])")
BYLINE = re.compile(r"(?:Reporting|Writing|Editing|Additional reporting|Compiled)\s+by\s+"
                    rf"({_NAME}(?:(?:,\s*|\s+and\s+){_NAME})*)")
_BYLINE_NAME = re.compile(_NAME)
ORG_SHAPES = re.compile(
    rf"(?<![A-Za-z])((?:{_CAP}\s){{1,4}}(?:Inc\.|Corp\.|Corporation|Co\.|Ltd\.?|LLC|Holdings|Energy|Motors"
    r"|Electronics|Industries|Group|Airlines|Steel|Chemical|Bank|Capital|Partners|Pharmaceuticals))(?![A-Za-z])"
    rf"|(?<![A-Za-z])((?:(?:{_CAP}|People's|People’s)\s)?(?:Ministry|Department|Bank|Office|Agency|Council) of"
    rf"(?: the)? {_CAP}(?:(?:,| and| of) {_CAP}){{0,3}})")
# Capitalised words that start a sentence or name a role, not a name.
NOT_NAMES = {"The", "This", "That", "His", "Her", "Their", "Our", "Its", "In", "On", "At", "By", "For",
             "And", "But", "With", "From", "Both", "Two", "Leaders", "Officials", "United", "States"}


def find_english(text: str, covered) -> list[Found]:
    if not re.search(r"[A-Z][a-z]+ (?:of )?[A-Z]", text):
        return []
    covered = SpanIndex(covered)
    out: list[Found] = []

    def person(a: int, z: int) -> None:
        name = text[a:z]
        if name.split()[0] in NOT_NAMES or covered_by(covered, a, z):
            return
        out.append(Found(name, "PERSON", None, a, z, []))

    for m in TITLED_PERSON.finditer(text):
        person(*m.span(1))
    for m in BYLINE.finditer(text):
        for n in _BYLINE_NAME.finditer(text, m.start(1), m.end(1)):
            person(n.start(), n.end())
    for m in ORG_SHAPES.finditer(text):
        g = 1 if m.group(1) else 2
        a, z = m.span(g)
        name = text[a:z]
        if name.split()[0] in NOT_NAMES and g == 1 or covered_by(covered, a, z):
            continue
        out.append(Found(name, "ORG", "company" if g == 1 else "government", a, z, []))
    return out
