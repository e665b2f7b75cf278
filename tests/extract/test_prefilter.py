"""The start filter of a pattern: finditer's matches, found by trying the pattern only where
a match can begin."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from summitwatch.extract import prefilter
from summitwatch.extract.time import dates

ROOT = Path(__file__).resolve().parents[2]
# Our own sentences, dense in the forms the date patterns read, with their look-alikes
# right next to each other (adjacent starts, a start inside a match, the text's edges).
MIXED = ("지난주 금요일에 이어 이번 달 셋째 주 화요일, 다음 주말 초반과 그다음 날 오전까지\n"
         "올해 추석 연휴와 지난해 성탄절 사이, 내일모레 그리고 이날 오후 7시, 새해 첫 주\n"
         "2024 Annual Report\n'25.3.4(화) 10.03.25 9:30 AM, 3·1절 기념식 직후, 향후 3년간 2주 이내\n"
         "Last week and next month, since 2019 they met; on Tuesday, not Tuesday, March 4. Today's "
         "talks began today, in March or early April.\n상반기 1/4분기 연말 연내 12월 둘째 주 일요일")


def _own_texts() -> list[str]:
    texts = [MIXED, MIXED * 3, "금요일", "x 지난주", ""]
    texts += [p.read_text(encoding="utf-8", errors="replace") for p in sorted((ROOT / "examples").glob("*.txt"))]
    texts += [p.read_text(encoding="utf-8", errors="replace") for p in sorted((ROOT / "devsets").glob("*/*.txt"))]
    return texts


def _seen(matches):
    return [(m.span(), m.groupdict()) for m in matches]


def test_prefilter_matches_are_finditers_for_every_date_pattern():
    patterns = [p[0] for p in dates.SCANNED + dates.ALL_DEICTIC + dates.PATTERNS]
    assert sum(prefilter.start_filter(rx) is not None for rx in patterns) >= 10   # most slow ones filtered
    for text in _own_texts():
        for rx in patterns:
            assert _seen(prefilter.finditer(rx, text, min_length=0)) == _seen(rx.finditer(text)), rx.pattern


@pytest.mark.parametrize("pattern, expected", [
    (r"(?<![가-힣])(?:(?P<w>지난|오는)\s?)?주말", r"[지오주](?<!(?:[가-힣])(?s:.))"),
    (r"\b(?:[Ll]ast|[Nn]ext)\s+week\b", r"[LlNn](?<!\w(?s:.))"),
    (r"\b(?:-|x)y", r"[\-x]"),                     # \b before a hyphen is no "after no letter"
    (r"(?m)^[ \t]*(?P<y>20\d{2})(?=\s)", "[" + re.escape(" ") + re.escape("\t") + r"2](?<![^\n](?s:.))"),
    (r"(?:(?P<m>\d{1,2})월\s?)?(?:첫|둘)째\s?주", r"[\d첫둘]"),
    (r"(?=\d)(?:(?P<m>\d{1,2})월\s?)?1일", r"[\d1]"),    # a look-ahead is left to the pattern
])
def test_prefilter_filter_is_the_first_characters_then_the_leading_assertions(pattern, expected):
    rx = re.compile(pattern)
    assert prefilter.start_filter(rx).pattern == expected
    text = "지난 주말 주말에 오는주말 Last week, next  week; xy -y 2021 x\n2020 2월 1일 11월 둘째 주"
    assert _seen(prefilter.finditer(rx, text, min_length=0)) == _seen(rx.finditer(text))


@pytest.mark.parametrize("pattern", [
    r"주말|주초",              # opens with literals: the engine skips ahead by itself
    r"[가-힣]주",              # a class
    r"(?<!\d)(?:x)?",          # may match empty
    r"(?<!\d)[^가-힣]월",      # a negated class may start anywhere
    r"(?<!\d).월",
])
def test_prefilter_plain_finditer_where_a_filter_would_not_help(pattern):
    rx = re.compile(pattern)
    assert prefilter.start_filter(rx) is None
    text = "3월 주말 x월 가월"
    assert _seen(prefilter.finditer(rx, text, min_length=0)) == _seen(rx.finditer(text))


def test_prefilter_matches_are_finditers_for_the_name_and_dateline_patterns():
    # the patterns of the actors and reference-date finders scanned through a start filter
    from summitwatch.extract.actors import english_cues, entities, entity_cues, named_events, short_forms
    from summitwatch.extract.time import refdate

    patterns = [english_cues.TITLED_PERSON, entities._SOUTH_AND_NORTH, entity_cues.COPYRIGHT,
                named_events._HEAD_RE, named_events._EN_HEAD_RE, short_forms.HANJA_ALONE, refdate.DATELINE_AFTER]
    assert all(prefilter.start_filter(rx) is not None for rx in patterns)
    own = ("남과 북은 합의했다. 외교부 장관 회의와 APEC 정상회의, Secretary of State Jane Roe said. "
           "무토(武藤) 대사, 저작권자 ⓒ 한빛일보. 서울 2025년 3월 4일 (연합) 2025.3.4 Seoul, March 4 (Reuters)")
    for text in _own_texts() + [own, own * 2]:
        for rx in patterns:
            assert _seen(prefilter.finditer(rx, text, min_length=0)) == _seen(rx.finditer(text)), rx.pattern


def test_prefilter_short_texts_are_scanned_plainly(monkeypatch):
    # a short document pays no filter building; a long one is filtered
    rx = re.compile(r"(?<![가-힣])(?:지난|오는)\s?주말")
    built = []
    monkeypatch.setattr(prefilter, "start_filter", lambda r: built.append(r) or None)
    short = "지난 주말에 만났다. " * 10
    assert _seen(prefilter.finditer(rx, short)) == _seen(rx.finditer(short)) and not built
    long = short * (prefilter.LONG_TEXT // len(short) + 1)
    list(prefilter.finditer(rx, long))
    assert built == [rx]


def test_prefilter_matches_are_finditers_for_the_forum_and_collective_patterns():
    # the multilateral-summit finder scans these two over the whole body
    from summitwatch.extract.claims.summit import _FORUM, COLLECTIVE

    assert prefilter.start_filter(_FORUM) is not None and prefilter.start_filter(COLLECTIVE) is not None
    own = ("G20 정상회의와 G-7, 나토 정상회의에서 회원국 정상들은 합의했다. G70은 없다. 양국 정상들은 만났다. "
           "12개국 정상은 APEC과 EAS, 동아시아 정상회의에 참석했다. 참가국들이 AG7B와 EU를 언급했다.")
    for text in _own_texts() + [own, own * 2]:
        for rx in (_FORUM, COLLECTIVE):
            got = [(m.span(), m.lastgroup) for m in prefilter.finditer(rx, text, min_length=0)]
            assert got == [(m.span(), m.lastgroup) for m in rx.finditer(text)], rx.pattern
