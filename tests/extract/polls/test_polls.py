"""Polls: pollsters, field dates, sample, margin and labelled results, in several writing styles.
Dates are given by hand (the dates extractor is tested on its own)."""
import datetime as dt

import pytest

from summitwatch.extract.polls import polls

from handmade import handmade_context

REF = dt.date(2025, 3, 10)


def _ctx(text, dates=()):
    return handmade_context(text, REF, dates)


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


def _only_poll(text, dates, pollsters, start, end, results):
    """The one poll of ``text``, checked for its pollsters, field dates and results."""
    found = polls.extract(_ctx(text, dates))
    assert len(found) == 1
    p = found[0]
    assert all(n in p.pollsters for n in pollsters)
    assert (p.field_start, p.field_end) == (start, end)
    assert _results(p) == results
    return p


@pytest.mark.parametrize("text,dates,pollsters,start,end,results", [
    (NEWS, [("3~5일", "2025-03-03", "2025-03-05")], ["한국갤럽"], "2025-03-03", "2025-03-05",
     {"positive": 58.0, "negative": 32.0}),
    (JOINT, [("7일", "2025-03-07", None), ("9일", "2025-03-09", None)], ["조선일보", "TV조선"],
     "2025-03-07", "2025-03-09", {"positive": 51.2, "negative": 35.0, "dont_know": 13.8}),
    (CABINET, [("14~16일", "2025-02-14", "2025-02-16")], ["NHK"], "2025-02-14", "2025-02-16",
     {"support": 44.0, "oppose": 37.0}),
])
def test_polls_single_mention_styles(text, dates, pollsters, start, end, results):
    p = _only_poll(text, dates, pollsters, start, end, results)
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
    # The rating of the president's job is approval (SCHEMA: support/oppose).
    assert _results(found[0]) == {"support": 41.2, "oppose": 55.3}




# --- polls spread over sentences and paragraphs (news style) --------------------------------

def _by_pollster(found, name):
    return next(p for p in found if name in p.pollsters)


def _question_with(poll, label):
    return next(q for q in poll.questions if label in q.results)


ARTICLE = (
    "한미 정상회담 이후 대통령 지지율이 소폭 올랐다.\n\n"
    "한국리서치가 지난 12일 발표한 정기 조사는 지난 8~10일 전국 성인 1,005명을 대상으로 진행됐다.\n\n"
    "대통령이 국정을 '잘하고 있다'는 응답은 48%, '잘못하고 있다'는 44%였다.\n\n"
    "워싱턴 정상회담 결과에 대해서는 긍정 평가가 53%로 부정 평가(35%)를 크게 앞섰다.\n\n"
    "연령대별로는 60대(61%)와 70세 이상(66%)에서 긍정 평가가 높았다.\n\n"
    "이번 조사의 표본오차는 95% 신뢰수준에 ±3.1%p다.\n\n"
    "입소스가 같은 기간 유권자 800명에게 물은 조사에서는 회담 결과를 긍정적으로 본다는 답이 50%, "
    "부정적으로 본다는 답이 39%였다.\n\n"
    "한편 미국은 한국산 철강에 매기던 관세를 25%에서 15%로 낮추고, 반대로 반도체 관세는 10% 올렸다."
)
ARTICLE_DATES = [("지난 12일", "2025-03-12", None), ("지난 8~10일", "2025-03-08", "2025-03-10")]


def test_polls_description_and_results_in_separate_paragraphs():
    found = polls.extract(_ctx(ARTICLE, ARTICLE_DATES))
    p = _by_pollster(found, "한국리서치")
    assert (p.field_start, p.field_end) == ("2025-03-08", "2025-03-10")
    assert p.sample_size == 1005
    assert p.margin_of_error == pytest.approx(3.1)
    assert _question_with(p, "positive").results == {"positive": 53.0, "negative": 35.0}


def test_polls_job_rating_is_approval_and_event_rating_is_evaluation():
    p = _by_pollster(polls.extract(_ctx(ARTICLE, ARTICLE_DATES)), "한국리서치")
    approval = _question_with(p, "support")
    assert approval.results == {"support": 48.0, "oppose": 44.0}
    assert "직무" in approval.topic or "대통령" in approval.topic
    assert "정상회담" in _question_with(p, "positive").topic


def test_polls_breakdown_by_age_is_not_a_question():
    p = _by_pollster(polls.extract(_ctx(ARTICLE, ARTICLE_DATES)), "한국리서치")
    values = [v for q in p.questions for v in q.results.values()]
    assert 61.0 not in values and 66.0 not in values


def test_polls_next_pollster_starts_a_new_poll_and_topic_change_ends_it():
    found = polls.extract(_ctx(ARTICLE, ARTICLE_DATES))
    assert len(found) == 2
    second = _by_pollster(found, "입소스")
    assert _results(second) == {"positive": 50.0, "negative": 39.0}
    # The tariff paragraph after it holds no poll result.
    assert all(v not in (25.0, 15.0, 10.0) for p in found for v in _results(p).values())


@pytest.mark.parametrize("text,dates,pollsters,start,end,results", [
    # Results first, the pollster and field dates in the sentence after ("… 조사 결과다").
    ("이번 한일 정상회담에 대해 응답자의 57%가 '잘했다'고 답했고 31%는 '잘못했다'고 평가했다. "
     "미디어리서치가 지역 방송사 의뢰로 지난 5~7일 만 18세 이상 1,000명을 대상으로 실시한 조사 결과다.",
     [("지난 5~7일", "2025-03-05", "2025-03-07")], ["미디어리서치"], "2025-03-05", "2025-03-07",
     {"positive": 57.0, "negative": 31.0}),
    # 'A% 대 B%' after a list of two labels.
    ("에이스리서치가 지난 2~3일 실시한 여론조사에서 한중 정상회담에 대한 긍정·부정 평가는 49% 대 38%였다.",
     [("지난 2~3일", "2025-03-02", "2025-03-03")], ["에이스리서치"], "2025-03-02", "2025-03-03",
     {"positive": 49.0, "negative": 38.0}),
    # '긍정 평가는 x%로 …, 부정 평가는 y%로 …' with point changes between.
    ("넥스트리서치가 지난 1일부터 3일까지 진행한 조사에서 정상회담 성과에 대한 긍정 평가는 52%로 "
     "지난 조사보다 4%p 올랐고, 부정 평가는 36%로 2%p 내렸다.",
     [("지난 1일", "2025-03-01", None), ("3일", "2025-03-03", None)], ["넥스트리서치"],
     "2025-03-01", "2025-03-03", {"positive": 52.0, "negative": 36.0}),
    # A table of numbers written as prose: listed labels, then '각각' and the values in order.
    ("한국갤럽의 지난 4~6일 조사에서 이번 방일 결과에 대한 긍정/부정/모름 응답은 각각 55%, 33%, 12%였다.",
     [("지난 4~6일", "2025-03-04", "2025-03-06")], ["한국갤럽"], "2025-03-04", "2025-03-06",
     {"positive": 55.0, "negative": 33.0, "dont_know": 12.0}),
    # Bulleted answers in one line.
    ("코리아리서치가 지난 9~10일 실시한 여론조사 결과 한미 정상회담 평가는 ▲잘했다 55% ▲잘못했다 33% "
     "▲모름·무응답 12%로 나타났다.",
     [("지난 9~10일", "2025-03-09", "2025-03-10")], ["코리아리서치"], "2025-03-09", "2025-03-10",
     {"positive": 55.0, "negative": 33.0, "dont_know": 12.0}),
    # Two quoted answers, one the negation of the other.
    ("엠브레인퍼블릭이 지난 6~8일 조사한 결과 정상회담이 국익에 '도움이 됐다'는 응답이 47%, "
     "'도움이 되지 않았다'는 응답이 40%였다.",
     [("지난 6~8일", "2025-03-06", "2025-03-08")], ["엠브레인퍼블릭"], "2025-03-06", "2025-03-08",
     {"positive": 47.0, "negative": 40.0}),
], ids=["results-before-pollster", "a-versus-b", "positive-then-negative-clauses", "listed-labels-each",
        "bulleted-answers", "quoted-negation-pair"])
def test_polls_result_styles(text, dates, pollsters, start, end, results):
    _only_poll(text, dates, pollsters, start, end, results)


@pytest.mark.parametrize("text,dates", [
    # A publication date and the previous survey's period are not the field period.
    ("리얼미터가 지난 10일 공개한 조사에서 긍정 평가는 45%로 직전 조사(지난달 24~26일)보다 3%p 올랐다.\n\n"
     "부정 평가는 50%였다.\n\n"
     "조사는 지난 3~7일 전국 2,500명을 대상으로 실시됐다.",
     [("지난 10일", "2025-03-10", None), ("지난달", "2025-02", None),
      ("24~26일", "2025-02-24", "2025-02-26"), ("지난 3~7일", "2025-03-03", "2025-03-07")]),
], ids=["published-and-previous"])
def test_polls_field_dates_skip_publication_and_previous_survey(text, dates):
    found = polls.extract(_ctx(text, dates))
    assert len(found) == 1
    assert (found[0].field_start, found[0].field_end) == ("2025-03-03", "2025-03-07")
    assert _results(found[0]) == {"positive": 45.0, "negative": 50.0}


def test_polls_heading_line_ends_a_poll():
    text = ("◇ 갤럽 조사\n\n"
            "한국갤럽이 지난 4~6일 실시한 조사에서 정상회담 결과에 대한 긍정 평가는 58%, 부정 평가는 30%였다.\n\n"
            "◇ 통상 협상 전망\n\n"
            "정부 조사에 따르면 대미 수출은 12% 줄었고 긍정적 신호는 아직 5%에 그친다.")
    found = polls.extract(_ctx(text, [("지난 4~6일", "2025-03-04", "2025-03-06")]))
    assert len(found) == 1
    assert _results(found[0]) == {"positive": 58.0, "negative": 30.0}


def test_polls_survey_brand_in_brackets_is_a_pollster_name():
    text = ("네 개 조사기관이 공동으로 실시한 전국지표조사(NBS)에서 정상회담 결과에 대해 "
            "'잘했다'는 응답이 56%, '잘못했다'는 응답이 32%였다.")
    found = polls.extract(_ctx(text))
    assert len(found) == 1 and "NBS" in found[0].pollsters


@pytest.mark.parametrize("text,dates,questions", [
    # The next paragraph names only the answers; it still belongs to the poll above it.
    ("마이니치신문이 지난 14~16일 실시한 여론조사에서 내각 지지율은 33%로 나타났다. "
     "지지하지 않는다는 응답은 52%였다.\n\n"
     "미일 정상회담에 대해서는 '평가한다'가 48%, '평가하지 않는다'가 37%였다.",
     [("지난 14~16일", "2025-02-14", "2025-02-16")],
     [{"support": 33.0, "oppose": 52.0}, {"positive": 48.0, "negative": 37.0}]),
    # English inside a Korean brief.
    ("A Gallup poll conducted Feb. 3-5 found that 45% approve of the way the president handled the "
     "summit, while 51% disapprove.",
     [("Feb. 3-5", "2025-02-03", "2025-02-05")],
     [{"support": 45.0, "oppose": 51.0}]),
], ids=["answers-only-paragraph", "english"])
def test_polls_questions_across_paragraphs_and_languages(text, dates, questions):
    found = polls.extract(_ctx(text, dates))
    assert len(found) == 1
    assert [q.results for q in found[0].questions] == questions
    assert (found[0].field_start, found[0].field_end) == (dates[0][1], dates[0][2])


# --- commissioned polls, graded answers, trend history, repeated leads ------------------------

COMMISSIONED = ("<한빛일보>는 조사기관인 '누리리서치'를 통해 지난 3~4일 성인 1,000명에게 물었다. 조사 결과 "
                "외교장관 회담을 '잘했다'는 응답은 47.5%였다. '잘못했다'는 44.1%였다.")


def test_polls_medium_and_commissioned_firm_are_both_pollsters():
    p = _only_poll(COMMISSIONED, [("3~4일", "2025-03-03", "2025-03-04")], ["한빛일보", "누리리서치"],
                   "2025-03-03", "2025-03-04", {"positive": 47.5, "negative": 44.1})
    assert p.sample_size == 1000


def test_polls_graded_answers_are_not_results():
    text = ("누리리서치가 지난 3~4일 실시한 조사에서 정상회담에 대한 긍정 평가는 41%, 부정 평가는 52%였다. "
            "답을 나눠 보면 '아주 만족'이 19%, '다소 만족'이 22%였고 '아주 불만'은 30%였다.")
    _only_poll(text, [("3~4일", "2025-03-03", "2025-03-04")], ["누리리서치"], "2025-03-03", "2025-03-04",
               {"positive": 41.0, "negative": 52.0})


def test_polls_trend_values_are_history():
    text = ("미래일보가 지난 5~7일 실시한 여론조사에서 총리 내각 지지율은 41%였다. 석 달 전인 지난해 11월엔 "
            "36%, 지난달엔 38%를 기록했다.\n\n한편 내각을 지지하지 않는다는 답은 45%였다.")
    dates = [("5~7일", "2025-03-05", "2025-03-07"), ("지난해 11월", "2024-11", None), ("지난달", "2025-02", None)]
    p = _only_poll(text, dates, ["미래일보"], "2025-03-05", "2025-03-07", {"support": 41.0, "oppose": 45.0})
    assert [(h["when"], h["value"]) for h in p.history] == [("2024-11", 36.0), ("2025-02", 38.0)]


def test_polls_a_day_date_before_a_result_is_not_history():
    # the event asked about is dated to the day: its result is this poll's, not an earlier one
    text = ("누리리서치가 지난 5~6일 벌인 조사에서 지난 2일 열린 정상회담에 대해 '잘했다'는 응답이 55%, "
            "'잘못했다'는 38%였다.")
    _only_poll(text, [("5~6일", "2025-03-05", "2025-03-06"), ("2일", "2025-03-02", None)], ["누리리서치"],
               "2025-03-05", "2025-03-06", {"positive": 55.0, "negative": 38.0})


def test_polls_reasons_are_not_a_question():
    text = ("한국갤럽이 지난 5~7일 실시한 조사에서 대통령 직무 긍정률은 52%, 부정률은 40%였다. "
            "지지 이유로는 '외교'(31%)가 첫손에 꼽혔다.")
    p = _only_poll(text, [("5~7일", "2025-03-05", "2025-03-07")], ["한국갤럽"], "2025-03-05", "2025-03-07",
                   {"support": 52.0, "oppose": 40.0})
    assert len(p.questions) == 1


def test_polls_repeated_lead_is_one_poll():
    lead = ("누리리서치가 지난 5~6일 실시한 조사에서 협정 타결에 대해 '잘했다'는 응답이 48%였다.")
    body = ("누리리서치가 지난 5~6일 성인 1,002명을 대상으로 실시한 조사에서 협정 타결에 대해 '잘했다'는 "
            "응답이 48%, '잘못했다'는 응답이 43%였다.")
    text = lead + "\n\n사진 설명 한 줄\n\n" + body
    dates = [("5~6일", "2025-03-05", "2025-03-06"), ("5~6일", "2025-03-05", "2025-03-06")]
    found = polls.extract(_ctx(text, dates))
    assert len(found) == 1
    assert _results(found[0]) == {"positive": 48.0, "negative": 43.0}
    assert found[0].sample_size == 1002


# --- answer options, breakdowns, method, English polls -----------------------------------------

OPTIONS = ("누리리서치가 지난 5~6일 성인 1,000명에게 휴전이 유지될지를 물었더니 48%가 '유지될 것'이라고 "
           "했다. '유지되지 않을 것'이란 답은 39%, 무응답은 13%였다. 지역별로는 수도권 61%, 영남 40%였다. "
           "조사는 무선 전화면접 방식으로 진행됐다.")


def test_polls_question_split_by_quoted_answer_options():
    p = _only_poll(OPTIONS, [("5~6일", "2025-03-05", "2025-03-06")], ["누리리서치"], "2025-03-05", "2025-03-06",
                   {"positive": 48.0, "negative": 39.0, "dont_know": 13.0})
    assert p.questions[0].options == {"positive": "유지될 것", "negative": "유지되지 않을 것"}


def test_polls_breakdowns_kept_apart_and_method():
    p = polls.extract(_ctx(OPTIONS, [("5~6일", "2025-03-05", "2025-03-06")]))[0]
    assert p.breakdowns == [{"by": "지역", "group": "수도권", "value": 61.0},
                            {"by": "지역", "group": "영남", "value": 40.0}]
    assert p.method == "무선 전화면접"


def test_polls_quoted_answers_without_negation_pair_stay_unlabelled():
    text = ("누리리서치가 지난 5~6일 실시한 조사에서 '경제'를 꼽은 응답이 40%, '안보'가 30%였다.")
    assert polls.extract(_ctx(text, [("5~6일", "2025-03-05", "2025-03-06")])) == []


ENGLISH = ("A Harbor/Lin poll conducted March 3-5 among 1,015 adults found 41% approve of the prime minister's "
           "handling of the talks while 52% disapprove. The online poll has a margin of error of 3.5 percentage points.")


def test_polls_english_poll():
    p = _only_poll(ENGLISH, [("March 3", "2025-03-03", None)], ["Harbor", "Lin"], "2025-03-03", "2025-03-05",
                   {"support": 41.0, "oppose": 52.0})
    assert (p.sample_size, p.margin_of_error, p.method) == (1015, 3.5, "online")
    assert p.questions[0].topic == "prime minister approval"


def test_polls_what_a_poll_is_about_is_never_its_pollster():
    text = ("NATO의 역할에 대한 여론조사에서 긍정 평가는 61%, 부정 평가는 30%였다. "
            "한빛일보가 지난 3~4일 실시한 조사다.")
    ents = [("북대서양조약기구", "ORG", None, ["NATO"])]
    ctx = handmade_context(text, REF, [("3~4일", "2025-03-03", "2025-03-04")], ents)
    ctx.facts["entities"][0].subtype = "igo"
    found = polls.extract(ctx)
    assert [p.pollsters for p in found] == [["한빛일보"]]


def test_polls_english_possessive_pollster_and_no_month_as_pollster():
    text = "Harbor's March 3-20 survey found the president's job approval at 41% and disapproval at 54%."
    p = _only_poll(text, [("March 3", "2025-03-03", None)], ["Harbor"], "2025-03-03", "2025-03-20",
                   {"support": 41.0, "oppose": 54.0})
    assert p.pollsters == ["Harbor"]


# --- an undated text: the date reader leaves relative dates unresolved ---------------------------

def test_polls_undated_text_history_and_repeated_lead():
    lead = "누리리서치가 지난 5~6일 성인 1,002명에게 물은 결과 총리 내각 지지율은 41%였다."
    body = ("누리리서치가 지난 5~6일 성인 1,002명에게 물은 결과 총리 내각 지지율은 41%였다. "
            "지난해 11월에는 36%에 머물렀다. 내각을 지지하지 않는다는 답은 45%였다.")
    text = lead + "\n\n사진 설명\n\n" + body
    dates = [("5~6일", None, None), ("5~6일", None, None), ("지난해 11월", None, None)]
    found = polls.extract(_ctx(text, dates))
    assert len(found) == 1
    p = found[0]
    assert (p.field_start, p.field_end) == (None, None)         # nothing made up from the clock
    assert _results(p) == {"support": 41.0, "oppose": 45.0}
    assert [(h["when"], h["value"]) for h in p.history] == [("지난해 11월", 36.0)]


def test_polls_month_words_without_date_facts_are_history():
    text = ("누리리서치가 실시한 조사에서 내각 지지율은 41%였다. 지난해 11월에는 36%, 12월에는 38%였다.")
    p = polls.extract(_ctx(text, []))[0]
    assert _results(p) == {"support": 41.0}
    assert [h["when"] for h in p.history] == ["지난해 11월", "12월"]


# --- English news: "percent" spelled out, the answer after its value ------------------------
EN_AFTER = ("A Hankook Research survey conducted from March 3 to 5 among 1,012 adults found that 47.5 percent "
            "held a positive view of the tariff agreement and 44 percent a negative one.")
EN_BEFORE = ("Approval of the cabinet stood at 38 percent in the NHK poll taken Saturday through Monday, "
             "while disapproval reached 45 percent. The margin of error was 3.1 percentage points at the "
             "95 percent confidence level.")
EN_OPENER = ("According to a Yomiuri Shimbun survey of 1,050 voters conducted March 7-9, 52 percent were "
             "satisfied with the summit and 33 percent were dissatisfied.")


def test_polls_english_percent_spelled_out_label_after_value():
    p = _only_poll(EN_AFTER, [("March 3", "2025-03-03", None)], ["Hankook Research"], "2025-03-03", "2025-03-05",
                   {"positive": 47.5, "negative": 44.0})
    assert p.sample_size == 1012
    assert p.questions[0].topic == "tariff agreement rating"


def test_polls_english_approval_named_before_value_and_confidence_level_skipped():
    p = _only_poll(EN_BEFORE, [("Saturday", "2025-03-08", None), ("Monday", "2025-03-10", None)], ["NHK"],
                   "2025-03-08", "2025-03-10", {"support": 38.0, "oppose": 45.0})
    assert p.margin_of_error == 3.1
    assert p.questions[0].topic == "cabinet approval"


def test_polls_english_sentence_opener_is_not_a_pollster():
    p = _only_poll(EN_OPENER, [("March 7", "2025-03-07", None)], ["Yomiuri Shimbun"], "2025-03-07", "2025-03-09",
                   {"positive": 52.0, "negative": 33.0})
    assert "According" not in p.pollsters
    assert p.sample_size == 1050


def test_polls_japanese_news_pollster_before_its_particle():
    from summitwatch.pipeline import analyze_text

    text = ("内閣支持率が回復\n\n2025年3月9日\n\n"
            "NHKが3月7日から9日まで行った世論調査で、内閣を支持すると答えた人は39%、支持しないと答えた人は44%だった。")
    found = analyze_text(text).facts["polls"]
    assert [p.pollsters for p in found] == [["NHK"]]
    assert _results(found[0]) == {"support": 39.0, "oppose": 44.0}
