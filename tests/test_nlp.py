"""Kiwi's view of the text: sentences and tokens with offsets on the analysed text."""
from summitwatch.nlp import split_sentences


def test_nlp_long_paragraph_is_cut_but_offsets_hold():
    text = "".join(f"{i % 12 + 1}월 {i % 28 + 1}일 회담이 열렸다. " for i in range(2000))   # one paragraph
    sents = split_sentences(text)
    hits = [t for s in sents for t in s.tokens if t.form == "회담"]
    assert len(hits) == 2000
    assert all(text[t.start:t.start + 2] == "회담" for t in hits)
    assert sents[0].start == 0 and sents[-1].stop <= len(text)


def test_nlp_paragraphs_are_analysed_apart():
    text = "첫 문단이다.\n\n둘째 문단이다."
    sents = split_sentences(text)
    assert [text[s.start:s.stop] for s in sents] == ["첫 문단이다.", "둘째 문단이다."]
