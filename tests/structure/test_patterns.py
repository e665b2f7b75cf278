from summitwatch.structure.patterns import ENUM_RE, list_marker


def test_patterns_enum_takes_the_list_letters():
    assert list_marker("가) 첫째 항목") == "가)"
    assert list_marker("(다) 셋째 항목") == "(다)"
    assert list_marker("하) 마지막 항목") == "하)"


def test_patterns_enum_rejects_other_syllables_in_the_range():
    # 것 and 음 lie between 가 and 하 in Unicode but are not list letters
    assert ENUM_RE.match("것) 이 줄은 항목이 아니다") is None
    assert ENUM_RE.match("(음) 이 줄도 아니다") is None
    assert list_marker("각) 무엇") is None


def test_patterns_bar_before_a_short_title_is_a_heading_style():
    from summitwatch.structure.patterns import heading_style
    assert heading_style("| 협상의 경과") == "bar"
    assert heading_style("▍향후 과제") == "bar"
    assert heading_style("| 품목 | 관세율 |") is None          # a row of a ruled table
    assert heading_style("| " + "가" * 40) is None               # too long for a title
    assert heading_style("| 양국은 협상을 마쳤다.") is None       # a sentence


def test_patterns_section_labels_from_the_word_list():
    from summitwatch.structure.patterns import section_label
    assert section_label("요약") and section_label("  Table of Contents ") and section_label("맺음말")
    assert not section_label("요약하면 다음과 같다") and not section_label("상세 정보")
