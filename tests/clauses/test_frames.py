"""Subjects with coordination, quotations and reporting frames."""
from __future__ import annotations

from summitwatch.clauses import frames
from summitwatch.nlp import kiwi


def _toks(s):
    return kiwi().tokenize(s)


def _text(s, toks, a, b):
    return s[toks[a].start:toks[b].start + toks[b].len]


def test_frames_coordinated_subject_has_its_conjuncts():
    s = "동쪽 마을과 서쪽 마을은 공동 축제를 열기로 했다."
    toks = _toks(s)
    subj = frames.subjects(toks, 0, len(toks))[0]
    assert [_text(s, toks, a, b) for a, b in subj.conjuncts] == ["동쪽 마을", "서쪽 마을"]


def test_frames_subject_with_및_and_a_title():
    s = "수산청 및 해양청 청장은 합동 단속에 나서기로 했다."
    toks = _toks(s)
    subj = frames.subjects(toks, 0, len(toks))[0]
    assert len(subj.conjuncts) == 2


def test_frames_subject_inside_quotation_is_not_the_clause_subject():
    s = "대변인은 “협의체가 곧 출범한다”고 말했다."
    toks = _toks(s)
    subjs = frames.subjects(toks, 0, len(toks))
    assert len(subjs) == 1 and _text(s, toks, subjs[0].first, subjs[0].particle - 1) == "대변인"


def test_frames_reporting_frame_gives_speaker_and_content():
    s = "장관은 항만 투자를 두 배로 늘리겠다고 밝혔다."
    toks = _toks(s)
    (f,) = frames.frames(toks)
    assert _text(s, toks, f.speaker.first, f.speaker.particle - 1) == "장관"
    assert _text(s, toks, *f.content).startswith("항만 투자를") and not f.quoted
    assert toks[f.verb].form == "밝히"


def test_frames_quoted_content():
    s = "총리는 “우리는 약속을 지킬 것”이라고 강조했다."
    toks = _toks(s)
    (f,) = frames.frames(toks)
    assert f.quoted and toks[f.verb].form == "강조"


def test_frames_no_frame_without_a_reporting_verb():
    s = "두 나라는 협정을 맺고 교류를 넓혔다."
    assert frames.frames(_toks(s)) == []
