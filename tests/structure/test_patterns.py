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
