"""Polls: pollsters, field dates, sample, margin and labelled results, in several writing styles.
Dates are given by hand (the dates extractor is tested on its own)."""
import datetime as dt
import json
import sys
from pathlib import Path

import pytest

from summitwatch.extract import polls
from summitwatch.model.facts import DateFact
from summitwatch.extract.context import Context
from summitwatch.ingest import load_bytes
from summitwatch.model.structure import Structure

REF = dt.date(2025, 3, 10)


def _ctx(text, dates=()):
    """Context over ``text`` with DateFacts for (surface, value, end) given in order of appearance."""
    # The text as written (no structure recovery), so these tests see only this extractor.
    doc = load_bytes(text.encode("utf-8"), source="<test>")
    ctx = Context(doc=doc, structure=Structure(body=doc.text), text=doc.text, body_end=len(doc.text.text),
                  reference_date=REF)
    t = ctx.text.text
    facts, pos = [], 0
    for surface, value, end in dates:
        i = t.index(surface, pos)
        facts.append(ctx.place(DateFact(value=value, end=end), i, i + len(surface)))
        pos = i + len(surface)
    ctx.facts.update({"dates": facts, "quantities": [], "entities": []})
    return ctx


def _results(poll):
    out = {}
    for q in poll.questions:
        out.update(q.results)
    return out


NEWS = ("한국갤럽이 3~5일 전국 성인 1,001명을 대상으로 실시한 조사에서 한미 정상회담 결과에 대해 "
        "긍정 평가는 58%, 부정 평가는 32%로 나타났다(표본오차 95% 신뢰수준에 ±3.1%p).")
JOINT = ("조선일보·TV조선이 칸타코리아에 의뢰해 지난 7일부터 9일까지 유권자 1,000명에게 물은 결과, "
         "이번 방미에 대해 '잘했다'는 응답이 51.2%, '잘못했다'는 응답은 35.0%였다. '모름'은 13.8%였다.")
CABINET = ("NHK가 14~16일 실시한 여론조사에서 내각 지지율은 44%로 지난달보다 3%p 올랐고, "
           "지지하지 않는다는 응답은 37%였다.")
LIST = ("주요 언론의 여론조사 결과는 다음과 같다(《마이니치신문》(3.1-3.2): 긍정 45%, 부정 40%, "
        "《산케이신문· FNN》(3.1-3.3): 긍정 55%, 부정 33%, 《지지통신》(3.7-3.10) 긍정 41.5%, 30.2%).")


@pytest.mark.parametrize("text,dates,pollsters,start,end,results", [
    (NEWS, [("3~5일", "2025-03-03", "2025-03-05")], ["한국갤럽"], "2025-03-03", "2025-03-05",
     {"positive": 58.0, "negative": 32.0}),
    (JOINT, [("7일", "2025-03-07", None), ("9일", "2025-03-09", None)], ["조선일보", "TV조선"],
     "2025-03-07", "2025-03-09", {"positive": 51.2, "negative": 35.0, "dont_know": 13.8}),
    (CABINET, [("14~16일", "2025-02-14", "2025-02-16")], ["NHK"], "2025-02-14", "2025-02-16",
     {"support": 44.0, "oppose": 37.0}),
])
def test_polls_single_mention_styles(text, dates, pollsters, start, end, results):
    found = polls.extract(_ctx(text, dates))
    assert len(found) == 1
    p = found[0]
    assert all(n in p.pollsters for n in pollsters)
    assert (p.field_start, p.field_end) == (start, end)
    assert _results(p) == results
    assert p.raw_offset is not None and p.text


def test_polls_sample_size_and_margin():
    p = polls.extract(_ctx(NEWS, [("3~5일", "2025-03-03", "2025-03-05")]))[0]
    assert p.sample_size == 1001
    assert p.margin_of_error == pytest.approx(3.1)


def test_polls_confidence_level_is_not_a_result():
    p = polls.extract(_ctx(NEWS, [("3~5일", "2025-03-03", "2025-03-05")]))[0]
    assert 95.0 not in _results(p).values()


def test_polls_point_change_is_not_a_result():
    p = polls.extract(_ctx(CABINET, [("14~16일", "2025-02-14", "2025-02-16")]))[0]
    assert 3.0 not in _results(p).values()
    assert "지지율" in p.questions[0].topic


def test_polls_list_in_one_sentence_each_found():
    found = polls.extract(_ctx(LIST, [("3.1-3.2", "2025-03-01", "2025-03-02"),
                                      ("3.1-3.3", "2025-03-01", "2025-03-03"),
                                      ("3.7-3.10", "2025-03-07", "2025-03-10")]))
    assert [p.pollsters for p in found] == [["마이니치신문"], ["산케이신문", "FNN"], ["지지통신"]]
    assert [(p.field_start, p.field_end) for p in found] == [
        ("2025-03-01", "2025-03-02"), ("2025-03-01", "2025-03-03"), ("2025-03-07", "2025-03-10")]


def test_polls_omitted_label_inferred_from_neighbours():
    found = polls.extract(_ctx(LIST, [("3.1-3.2", "2025-03-01", "2025-03-02"),
                                      ("3.1-3.3", "2025-03-01", "2025-03-03"),
                                      ("3.7-3.10", "2025-03-07", "2025-03-10")]))
    assert _results(found[-1]) == {"positive": 41.5, "negative": 30.2}


@pytest.mark.parametrize("text", [
    "정부는 관세율을 25%에서 15%로 낮추기로 합의했다고 밝혔다.",
    "일본은 방위비를 GDP 대비 2%까지 늘리겠다고 약속했다.",
    "「한미 정상 공동성명」은 협력 확대를 약속했으며 교역은 12% 늘었다.",
])
def test_polls_percent_without_poll_is_ignored(text):
    assert polls.extract(_ctx(text)) == []


def test_polls_date_before_pollster():
    text = ("지난 3~5일 리얼미터가 에너지경제신문 의뢰로 실시한 조사에서 대통령 국정수행에 대한 "
            "긍정 평가는 41.2%, 부정 평가는 55.3%였다.")
    found = polls.extract(_ctx(text, [("3~5일", "2025-03-03", "2025-03-05")]))
    assert len(found) == 1
    assert "리얼미터" in found[0].pollsters
    assert (found[0].field_start, found[0].field_end) == ("2025-03-03", "2025-03-05")
    assert _results(found[0]) == {"positive": 41.2, "negative": 55.3}


SEED = Path(__file__).resolve().parents[2] / ".." / "shared"


def test_polls_seed_score():
    seed = SEED / "seed" / "000_ae09e089aea9dcdf.txt"
    if not seed.exists():
        pytest.skip("../shared/seed is not available")
    import importlib

    try:
        importlib.import_module("summitwatch.extract.dates")
    except ImportError:
        pytest.skip("the dates extractor is not written yet")
    sys.path.insert(0, str(SEED / "eval"))
    import score
    from summitwatch.ingest import load
    from summitwatch.pipeline import build_context

    ctx = build_context(load(seed))
    for name in ("dates", "quantities", "entities"):
        try:
            mod = importlib.import_module(f"summitwatch.extract.{name}")
        except ImportError:     # optional here: entities only add actors and pollster candidates
            ctx.facts[name] = []
            continue
        ctx.facts[name] = list(mod.extract(ctx))
    pred = {"polls": [json.loads(p.model_dump_json()) for p in polls.extract(ctx)]}
    gold = json.loads((SEED / "gold" / "seed.gold.json").read_text(encoding="utf-8"))
    assert score.score_polls(gold, pred).f1 >= 0.85
