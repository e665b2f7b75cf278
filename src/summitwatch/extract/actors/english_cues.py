"""English names the KB does not know, from the words around them: a title before a person's
name (President Jane Roe, Prime Minister KISHIDA Fumio), bylines (Reporting by …; Editing by
…), and organisations by their shape (Acme Energy Inc., Ministry of Trade and Industry,
People's Bank of China)."""
from __future__ import annotations

import re

from .. import prefilter
from .cue_spans import Found, SpanIndex, covered_by

_CAP = r"(?:[A-Z][a-z]+(?:-[A-Za-z][a-z]+)?|[A-Z]{2,}(?![a-z]))"
_NAME = rf"{_CAP}(?: {_CAP}){{1,2}}"
TITLES = ("President", "Vice President", "Prime Minister", "Deputy Prime Minister", "Foreign Minister",
          "Minister", "Secretary of State", "Secretary-General", "Secretary General", "Secretary", "Chancellor",
          "Premier", "Governor", "Senator", "Ambassador", "Chairman", "Chairwoman", "Chief Executive", "CEO",
          "Spokesperson", "Spokesman", "Spokeswoman", "First Lady", "Crown Prince", "Representative")
_TITLE = "|".join(sorted(map(re.escape, TITLES), key=len, reverse=True))
TITLED_PERSON = re.compile(rf"(?<![A-Za-z])(?:{_TITLE})\s+({_NAME})(?![A-Za-z])")
BYLINE = re.compile(r"(?:Reporting|Writing|Editing|Additional reporting|Compiled)\s+by\s+"
                    rf"({_NAME}(?:(?:,\s*|\s+and\s+){_NAME})*)")
_BYLINE_NAME = re.compile(_NAME)
# the capitalised words of a body's name; a title starts a person, not more of the name
_WORDS = rf"{_CAP}(?:(?:,| &| and| of(?: the)?)? (?!(?:{_TITLE})(?![A-Za-z])){_CAP}){{0,5}}"
ORG_SHAPES = re.compile(
    rf"(?<![A-Za-z])((?:{_CAP}(?: &)? ){{1,4}}(?:Inc\.|Corp\.|Corporation|Co\.|Company|Ltd\.?|LLC|Holdings|Energy|Motors"
    r"|Electronics|Industries|Group|Airlines|Steel|Chemical|Bank|Capital|Partners|Pharmaceuticals))(?![A-Za-z])"
    rf"|(?<![A-Za-z])((?:(?:{_CAP}|People's|People’s) )?(?:Ministry|Department|Bank|Office|Agency|Council) of"
    rf"(?: the)? {_WORDS})")
# The words an organisation's shape holds: the shape is tried only around them (the full regex
# tried at every capital letter of a long text is slow).
_ORG_KEYS = re.compile(r"Inc\.|Corp|Co\.|Company|Ltd|LLC|Holdings|Energy|Motors|Electronics|Industries|Group"
                       r"|Airlines|Steel|Chemical|Bank|Capital|Partners|Pharmaceuticals|Ministry|Department"
                       r"|Office|Agency|Council")


def _org_matches(text: str):
    seen: set[tuple[int, int]] = set()
    for k in _ORG_KEYS.finditer(text):
        for m in ORG_SHAPES.finditer(text, max(0, k.start() - 80), min(len(text), k.end() + 160)):
            if m.start() <= k.start() < m.end() and m.span() not in seen:
                seen.add(m.span())
                yield m


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

    for m in prefilter.finditer(TITLED_PERSON, text):
        person(*m.span(1))
    for m in BYLINE.finditer(text):
        for n in _BYLINE_NAME.finditer(text, m.start(1), m.end(1)):
            person(n.start(), n.end())
    for m in _org_matches(text):
        g = 1 if m.group(1) else 2
        a, z = m.span(g)
        name = text[a:z]
        if name.split()[0] in NOT_NAMES:
            if g == 1:
                continue
            a += len(name.split()[0]) + 1               # "The Department of Defense"
            name = text[a:z]
        if covered_by(covered, a, z):
            continue
        out.append(Found(name, "ORG", "company" if g == 1 else "government", a, z, []))
    return out
