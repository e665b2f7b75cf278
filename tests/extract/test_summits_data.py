"""The summit table (extract/data/summits.tsv) is data the dating code trusts: every row is
checked here for form (header, ids, ISO days, codes) and for consistency with the people and
terms-of-office tables it points into."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pycountry
import pytest

PKG = Path(__file__).resolve().parents[2] / "src" / "summitwatch"
SUMMITS = PKG / "extract" / "data" / "summits.tsv"
TERMS = PKG / "extract" / "data" / "terms_of_office.tsv"
PEOPLE_DIR = PKG / "kb" / "data"

HEADER = ["id", "start", "end", "parties", "leaders", "places", "names"]
FORUMS = {"G7", "G20", "APEC", "NATO", "EAS", "ASEAN+3", "QUAD"}
ID_RE = re.compile(r"^summit:(\d{4}-\d{2}-\d{2})-[a-z0-9][a-z0-9+-]*$")
# the longest meeting in the table (a three-day state visit or forum); a longer span is a typo
MAX_SPAN_DAYS = 3


def _rows(path: Path) -> tuple[list[str], list[list[str]]]:
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
    body = [ln for ln in lines if not ln.startswith("#")]
    return body[0].split("\t"), [ln.split("\t") for ln in body[1:]]


def _people_ids() -> set[str]:
    ids = set()
    for p in sorted(PEOPLE_DIR.glob("people*.tsv")):
        for ln in p.read_text(encoding="utf-8").splitlines():
            if ln.startswith("person:"):
                ids.add(ln.split("\t", 1)[0])
    return ids


def _terms() -> dict[str, list[tuple[dt.date, dt.date | None]]]:
    out: dict[str, list[tuple[dt.date, dt.date | None]]] = {}
    for cols in _rows(TERMS)[1]:
        cols += [""] * 5
        end = cols[4].strip()
        out.setdefault(cols[0], []).append(
            (dt.date.fromisoformat(cols[3]), dt.date.fromisoformat(end) if end else None))
    return out


def _is_country(code: str) -> bool:
    return len(code) == 2 and code.isupper() and pycountry.countries.get(alpha_2=code) is not None


def row_problems(cols: list[str], people: set[str], terms) -> list[str]:
    """What is wrong with one row of the table (empty when nothing is)."""
    if len(cols) != len(HEADER):
        return [f"{len(cols)} columns, want {len(HEADER)}"]
    rid, start, end, parties, leaders, places, names = cols
    bad = []
    try:
        d0, d1 = dt.date.fromisoformat(start), dt.date.fromisoformat(end)
    except ValueError:
        return [f"not ISO days: {start!r} {end!r}"]
    if d1 < d0:
        bad.append("end before start")
    elif (d1 - d0).days >= MAX_SPAN_DAYS:
        bad.append(f"spans {(d1 - d0).days + 1} days")
    m = ID_RE.match(rid)
    if not m:
        bad.append(f"id form: {rid!r}")
    elif m.group(1) != start:
        bad.append(f"id day {m.group(1)} is not start {start}")
    codes = parties.split("|")
    if codes[0] in FORUMS:
        if len(codes) != 2 or not _is_country(codes[1]):
            bad.append(f"forum row wants FORUM|HOST: {parties!r}")
        if leaders:
            bad.append("forum row names leaders")
    else:
        if len(codes) < 2 or len(set(codes)) != len(codes) or not all(_is_country(c) for c in codes):
            bad.append(f"parties: {parties!r}")
        ids = leaders.split("|") if leaders else []
        if len(ids) != len(codes):
            bad.append(f"{len(ids)} leaders for {len(codes)} parties")
        for pid in ids:
            if pid not in people:
                bad.append(f"unknown person {pid}")
            elif not any(a <= d0 and (b is None or d0 <= b) for a, b in terms.get(pid, ())):
                bad.append(f"{pid} holds no office on {start}")
    for col, text in (("places", places), ("names", names)):
        parts = text.split("|") if text else []
        if any(not p.strip() or p != p.strip() for p in parts):
            bad.append(f"empty or padded item in {col}")
    if not places:
        bad.append("no place")
    return bad


@pytest.fixture(scope="module")
def table():
    return _rows(SUMMITS)


def test_summits_data_header(table):
    header, rows = table
    assert header == HEADER
    assert len(rows) > 200


def test_summits_data_rows_are_well_formed(table):
    people, terms = _people_ids(), _terms()
    problems = {cols[0]: p for cols in table[1] if (p := row_problems(cols, people, terms))}
    assert problems == {}


def test_summits_data_ids_unique(table):
    ids = [cols[0] for cols in table[1]]
    assert len(ids) == len(set(ids))


def test_summits_data_no_meeting_twice(table):
    # the same leaders on the same day are one meeting, whatever the place slug says
    keys = [(cols[1], cols[3], cols[4]) for cols in table[1]]
    assert len(keys) == len(set(keys))


def test_summits_data_terms_cover_every_leader_id(table):
    terms = _terms()
    assert _people_ids() >= set(terms), set(terms) - _people_ids()
    named = {pid for cols in table[1] for pid in cols[4].split("|") if pid}
    assert named <= set(terms)


def test_summits_data_known_meetings(table):
    by_id = {cols[0]: cols for cols in table[1]}
    ny = by_id["summit:2019-09-23-kr-us-new-york"]
    assert ny[4] == "person:moon-jae-in|person:donald-trump" and "뉴욕" in ny[5].split("|")
    camp = by_id["summit:2023-08-18-kr-us-jp-camp-david"]
    assert "Camp David summit" in camp[6].split("|")
    hanoi = by_id["summit:2019-02-27-us-kp-hanoi"]
    assert (hanoi[1], hanoi[2]) == ("2019-02-27", "2019-02-28")
    assert by_id["summit:2025-10-31-apec-kr-gyeongju"][3] == "APEC|KR"


@pytest.mark.parametrize("cols, want", [
    (["summit:2019-09-23-kr-us-x", "2019-09-23", "2019-09-22", "KR|US",
      "person:moon-jae-in|person:donald-trump", "뉴욕", ""], "end before start"),
    (["summit:2019-09-24-kr-us-x", "2019-09-23", "2019-09-23", "KR|US",
      "person:moon-jae-in|person:donald-trump", "뉴욕", ""], "is not start"),
    (["summit:2016-09-23-kr-us-x", "2016-09-23", "2016-09-23", "KR|US",
      "person:moon-jae-in|person:barack-obama", "뉴욕", ""], "holds no office"),
    (["summit:2019-09-23-kr-xx-x", "2019-09-23", "2019-09-23", "KR|XX",
      "person:moon-jae-in|person:donald-trump", "뉴욕", ""], "parties"),
    (["summit:2019-09-23-g8-jp-x", "2019-09-23", "2019-09-23", "G8|JP", "", "도쿄", ""], "parties"),
    (["summit:2019-09-23-g20-jp-x", "2019-09-23", "2019-09-23", "G20|JP",
      "person:abe-shinzo", "도쿄", ""], "forum row names leaders"),
    (["summit:2019-09-23-kr-us-x", "2019-09-23", "2019-09-23", "KR|US",
      "person:moon-jae-in|person:donald-trump", "", ""], "no place"),
    (["summit:2019-09-23-kr-us-x", "2019-09-23", "2019-09-23", "KR|US",
      "person:moon-jae-in|person:donald-trump", "뉴욕||New York", ""], "empty or padded"),
    (["summit:2019-09-23-kr-us-x", "2019-09-23", "2019-10-23", "KR|US",
      "person:moon-jae-in|person:donald-trump", "뉴욕", ""], "spans"),
])
def test_summits_data_checks_reject_bad_rows(cols, want):
    problems = row_problems(cols, _people_ids(), _terms())
    assert any(want in p for p in problems), problems
