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


def test_nlp_english_paragraphs_are_split_into_sentences():
    text = "U.S. envoy Jane Roe met Mr. Kim on Feb. 7 in Seoul. The talks lasted 2.5 hours. \"We agreed,\" she said."
    sents = split_sentences(text)
    assert [text[s.start:s.stop] for s in sents] == [
        "U.S. envoy Jane Roe met Mr. Kim on Feb. 7 in Seoul.", "The talks lasted 2.5 hours.", "\"We agreed,\" she said."]
    assert all(text[t.start:t.start + t.len] == t.form for s in sents for t in s.tokens if t.tag == "SL")


def test_nlp_language_by_script():
    from summitwatch.nlp import paragraph_languages, script_language

    assert script_language("양국 정상은 IPEF 협력을 확대하기로 했다.") == "ko"
    assert script_language("The ministers met in Seoul.") == "en"
    assert script_language("両首脳は会談した。") == "ja"
    assert script_language("2025.3.4") is None
    lang, paras = paragraph_languages("The envoy arrived.\n\n대표단은 도착했다. 대표단은 회의했다.\n\nShe left.")
    assert lang == "ko" and [p[1] for p in paras] == ["en", "ko", "en"]


def test_nlp_sentences_and_tokens_are_kiwis_own_split():
    # split_sentences reads Kiwi's sentence numbers itself (one pass over the tokens); what it
    # makes must stay what Kiwi.split_into_sents makes, quotes holding sentences included
    from summitwatch.nlp import Token, kiwi

    para = ("두 장관은 회담 뒤 \"협력을 넓히자. 내년에 다시 만나자.\"라고 말했다. 합의문은 이틀 뒤 나왔다 "
            "그러나 세부 일정은 정하지 않았다! 후속 협의는 3월에 열린다? 대변인은 '조율 중이다'라고 답했다.")
    text = "제목 줄\n\n" + para
    ours = [s for s in split_sentences(text) if s.start >= len("제목 줄\n\n")]
    base = len("제목 줄\n\n")
    theirs = kiwi().split_into_sents(para, return_tokens=True)
    assert len(theirs) >= 4
    assert [(s.start, s.stop) for s in ours] == [(s.start + base, s.end + base) for s in theirs]
    assert [s.tokens for s in ours] == [[Token(t.form, t.tag, t.start + base, t.len) for t in s.tokens]
                                        for s in theirs]
