"""The compact text and the dictionary scan: fast paths must read the text exactly as a
plain character-by-character reading would."""
import unicodedata

import pytest

from summitwatch.kb.matcher import SMALL_DICTIONARY, AliasMatcher, Compact


def _reference(text):
    """Compact characters, positions and gap kinds, one character at a time."""
    chars, pos, gap, g = [], [], [], 0
    for i, ch in enumerate(text):
        if ch.isspace():
            g = 2 if ch in "\n\r" or g == 2 else 1
            continue
        if not ch.isascii():
            n = unicodedata.normalize("NFKC", ch)
            ch = n if len(n) == 1 else ch
            ch = "·" if ch in "・･" else ch
        chars.append(ch)
        pos.append(i)
        gap.append(g)
        g = 0
    return "".join(chars), pos, gap


@pytest.mark.parametrize("text", [
    "",
    "   ",
    "외교부 장관은\n\n오늘 발표했다.",
    "  앞에 공백, 뒤에도  ",
    "\r\n줄바꿈 \r 뒤의 말",
    "전각 ＡＢＣ１２３ 과 가운뎃점 한・미･일",
    "넓은\u3000공백과\u00a0붙지 않는 공백",
    "㈜ 같은 합자는 그대로, ﬁ도 그대로",
])
def test_matcher_compact_reads_like_one_character_at_a_time(text):
    c = Compact(text)
    assert (c.chars, c.pos, c.gap) == _reference(text)


def _names(extra: int):
    names = {"도요타자동차": ("org:toyota",), "한국": ("country:KR",), "日": ("country:JP",),
             "세종연구소": ("org:sejong",)}
    # filler names with distinct first pairs push the dictionary past the regex path
    for n in range(extra):
        names[chr(0x4E00 + 2 * n) + chr(0x4E01 + 2 * n) + "x"] = (f"filler:{n}",)
    return names


@pytest.mark.parametrize("extra", [0, SMALL_DICTIONARY + 10])
@pytest.mark.parametrize("text,expected", [
    ("도요타 자동차와 한국 정부", ["도요타자동차", "한국"]),
    ("도요타\n자동차", []),                            # a line break splits a name
    ("한 국가의 선택", []),                             # one syllable alone is no piece
    ("日 정부와 세종연구소의 분석", ["日", "세종연구소"]),
    ("日本의 정책", []),                                # 日 inside a Japanese word
])
def test_matcher_scan_same_for_small_and_large_dictionaries(extra, text, expected):
    found = AliasMatcher(_names(extra)).scan(text)
    assert [m.key for m in found] == expected
    for m in found:
        assert "".join(text[m.start:m.stop].split()) == m.key


def test_matcher_latin_person_with_family_name_in_capitals():
    from summitwatch.kb.matcher import kb_matcher
    text = "Prime Minister ISHIBA Shigeru arrived."
    hits = [text[m.start:m.stop] for m in kb_matcher().scan(text)]
    assert "ISHIBA Shigeru" in hits
    assert [text[m.start:m.stop] for m in kb_matcher().scan("the ishiba shigeru fan page")] == []


def test_matcher_dateline_city_in_capitals_and_curly_apostrophe():
    from summitwatch.kb.matcher import kb_matcher
    text = "SEOUL, Nov 2 - an editorial in the People’s Daily said"
    hits = [text[m.start:m.stop] for m in kb_matcher().scan(text)]
    assert "SEOUL" in hits and "People’s Daily" in hits
