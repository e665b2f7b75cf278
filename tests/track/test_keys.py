"""Morpheme keys: content nouns and actions, without stop words and names."""
from summitwatch.track.keys import keys, overlap, without


def test_keys_nouns_and_actions_from_morphemes():
    k = keys("캐나다는 전기차 관세를 인하하기로 했다")
    assert {"관세", "인하"} <= k.nouns and "인하" in k.actions
    assert "낮추" in keys("관세를 낮추기로 했다").actions
    # inflected forms give the same keys (투자를, 투자하기로)
    assert keys("배터리 투자를 늘린다").nouns & keys("배터리에 투자하기로 했다").nouns == {"배터리", "투자"}


def test_keys_without_names_and_stop_words():
    k = without(keys("양국 정상은 오타와에서 캐나다 배터리 협력을 강화하기로 합의했다"), frozenset({"캐나다", "오타와"}))
    assert "캐나다" not in k.nouns and "오타와" not in k.nouns
    assert not k.nouns & {"양국", "정상", "합의"}
    assert {"배터리", "협력", "강화"} <= k.nouns


def test_keys_overlap_over_the_smaller_set():
    assert overlap(frozenset({"a", "b"}), frozenset({"a", "b", "c", "d"})) == 1.0
    assert overlap(frozenset(), frozenset({"a"})) == 0.0


def test_keys_stored_digest_gives_the_same_tracking():
    from summitwatch.track import build
    from summitwatch.track.keys import cache_clear, digest, version

    from .analysed import corpus_docs

    docs = list(corpus_docs())
    cache_clear()
    plain = build(docs).model_dump_json()
    keyed = [d.model_copy(update={"keys": digest(d.analysis)}) for d in docs]
    assert all(d.keys["version"] == version() and d.keys["keys"] for d in keyed if d.analysis.commitments)
    cache_clear()
    assert build(keyed).model_dump_json() == plain
    # a digest made by another version of the key function is not used
    stale = [d.model_copy(update={"keys": {"version": "old", "keys": {t: [["엉뚱한"], []] for t in d.keys["keys"]}}})
             for d in keyed]
    cache_clear()
    assert build(stale).model_dump_json() == plain
