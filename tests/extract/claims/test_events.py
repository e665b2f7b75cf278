"""Events: one per date mention of a happening, with its clause, status and actors.
Dates and entities are given by hand (their extractors are tested on their own)."""
import datetime as dt

import pytest

from summitwatch.extract.claims import events
from summitwatch.model.facts import Poll, PollQuestion

from handmade import handmade_context

REF = dt.date(2025, 3, 10)


def _ctx(text, dates=(), entities=(), polls=()):
    return handmade_context(text, REF, dates, entities, polls)


@pytest.mark.parametrize("text,surface,value,status", [
    ("양국 정상은 2월 7일 워싱턴에서 첫 정상회담을 가졌다.", "2월 7일", "2025-02-07", "occurred"),
    ("한미일 외교장관 회의는 오는 4월 3일 서울에서 개최될 예정이다.", "4월 3일", "2025-04-03", "scheduled"),
    ("대통령의 방한 시기로는 6월이 거론되며, 9월 방한 가능성도 있다.", "6월", "2025-06", "candidate"),
    ("정부는 7월 중 특사를 파견할 수도 있다고 밝혔다.", "7월", "2025-07", "candidate"),
    ("지난해 11월 치러진 대선에서 공화당 후보가 당선되었다.", "지난해 11월", "2024-11", "occurred"),
])
def test_events_status_from_wording(text, surface, value, status):
    found = events.extract(_ctx(text, [(surface, value, None)]))
    assert len(found) == 1
    ev = found[0]
    assert (ev.date, ev.status) == (value, status)
    assert surface in ev.text and len(ev.text) <= 300


def test_events_options_in_an_enumeration_are_candidates():
    text = ("방일 시기로 생각해 볼 수 있는 것은 1) 취임 100일을 맞는 4월, 2) 국제회의가 열리는 6월, "
            "3) 양국 수교 기념일이 있는 9월 등이다.")
    found = events.extract(_ctx(text, [("4월", "2025-04", None), ("6월", "2025-06", None),
                                       ("9월", "2025-09", None)]))
    assert [e.date for e in found] == ["2025-04", "2025-06", "2025-09"]
    assert {e.status for e in found} == {"candidate"}


def test_events_long_sentence_trimmed_to_clause():
    text = ("정부는 그간 여러 차례에 걸쳐 동맹국과 긴밀히 협의해 왔다고 설명하면서 관련 부처 간 조율을 "
            "거듭했다고 밝혔으나, 재무장관은 3월 4일 철강 수입품에 25%의 관세를 부과하는 조치를 발표했으며, "
            "이에 대해 주요 교역국들은 보복 조치를 검토하겠다는 입장을 밝히면서 협상의 여지를 남겨두었고, "
            "시장은 향후 추가 조치가 나올 가능성을 주시하고 있다.")
    ev = events.extract(_ctx(text, [("3월 4일", "2025-03-04", None)]))[0]
    assert "관세" in ev.text
    assert len(ev.text) < len(text) and "시장은" not in ev.text


def test_events_actors_from_entities_in_the_clause():
    text = "지난 1월 13일 일본 외무대신이 서울을 방문해 한국 외교부 장관과 회담했다."
    ctx = _ctx(text, [("1월 13일", "2025-01-13", None)],
               [("일본", "COUNTRY", "JP", ["일본"]), ("대한민국", "COUNTRY", "KR", ["한국"])])
    ev = events.extract(ctx)[0]
    assert set(ev.actors) == {"JP", "KR"}
    assert ev.status == "occurred"


@pytest.mark.parametrize("text,surface,value", [
    ("연합뉴스. “정상회담 개최” https://example.com/a (검색일: 2025.2.10)", "2025.2.10", "2025-02-10"),
    ("회담 일정 요약\n출처: 닛케이 보도 (2024.11.3)", "2024.11.3", "2024-11-03"),
])
def test_events_access_dates_and_source_lines_are_not_events(text, surface, value):
    assert events.extract(_ctx(text, [(surface, value, None)])) == []


def test_events_coarse_date_framing_a_finer_one_is_dropped():
    text = "양국은 지난 2023년, 동맹 70주년을 맞아 공동성명(2023.4.26)을 발표한 바 있다."
    found = events.extract(_ctx(text, [("2023년", "2023", None), ("2023.4.26", "2023-04-26", None)]))
    assert [e.date for e in found] == ["2023-04-26"]


def test_events_restated_happening_kept_once():
    text = ("셋째, 총리가 연내 서울과 중동을 찾을 가능성을 고려해야 한다.\n\n"
            "특히 연내 총리의 중동 방문과 서울 방문 가능성에 맞춘 준비가 요구된다.")
    found = events.extract(_ctx(text, [("연내", "2025", None), ("연내", "2025", None)]))
    assert len(found) == 1


def test_events_poll_field_dates_left_to_the_poll():
    text = "NHK가 14~16일 실시한 여론조사에서 내각 지지율은 44%였다."
    ctx = _ctx(text, [("14~16일", "2025-02-14", "2025-02-16")])
    poll = ctx.place(Poll(pollsters=["NHK"], field_start="2025-02-14", field_end="2025-02-16",
                          questions=[PollQuestion(topic="내각 지지율", results={"support": 44.0})]), 0, len(text) - 3)
    ctx.facts["polls"] = [poll]
    assert events.extract(ctx) == []


# --- the document's own date, title blocks and news datelines ---

def test_events_publication_timestamp_is_not_an_event():
    text = ("정상회담 앞두고 분주한 외교부\n입력 2025.03.09 08:15\n\n"
            "(서울=한빛뉴스) 박지훈 기자 = 외교부는 3월 8일 관계 부처 회의를 열었다.")
    found = events.extract(_ctx(text, [("2025.03.09", "2025-03-09", None), ("3월 8일", "2025-03-08", None)]))
    assert [e.date for e in found] == ["2025-03-08"]
    assert found[0].text.startswith("외교부는")          # the dateline is not part of the event


@pytest.mark.parametrize("label", ["입력", "기사입력", "수정", "Published"])
def test_events_timestamp_labels(label):
    text = f"양국 외교장관 통화\n{label} 2025.03.09\n\n두 장관은 통화에서 협력을 약속했다."
    assert events.extract(_ctx(text, [("2025.03.09", "2025-03-09", None)])) == []


def test_events_title_block_date_is_the_document_date_and_the_title_no_event():
    text = "한중 정상회담(2025.3.2) 평가 2025년 3월 10일 국제협력팀\n\n양국 정상은 3월 2일 베이징에서 만났다."
    found = events.extract(_ctx(text, [("2025.3.2", "2025-03-02", None), ("2025년 3월 10일", "2025-03-10", None),
                                       ("3월 2일", "2025-03-02", None)]))
    assert "2025-03-10" not in [e.date for e in found]
    # the title has no predicate: the happening comes from the sentence that narrates it
    assert [(e.date, e.text) for e in found] == [("2025-03-02", "양국 정상은 3월 2일 베이징에서 만났다.")]


@pytest.mark.parametrize("text", [
    "양국 정상은 회담을 가졌다.\n\n외교부는 3월 10일 후속 협의를 열었다.",
    "외교부는 3월 10일 후속 협의를 열었다.",           # the first sentence of the document
])
def test_events_date_in_a_sentence_equal_to_reference_date_is_kept(text):
    found = events.extract(_ctx(text, [("3월 10일", "2025-03-10", None)]))
    assert [e.date for e in found] == ["2025-03-10"]


def test_events_access_date_written_after_is_not_an_event():
    text = "외교부. “한중 정상회담 결과” (2025.3.3) https://example.org/a (2025.3.5 검색)"
    found = events.extract(_ctx(text, [("2025.3.3", "2025-03-03", None), ("2025.3.5", "2025-03-05", None)]))
    # the access date is none; nor is the citation itself, which narrates nothing (no predicate)
    assert "2025-03-05" not in [e.date for e in found]


# --- relative days, years of statistics, periods named in headings ---

@pytest.mark.parametrize("text,dates,value,word", [
    # the last day named earlier in the paragraph
    ("중국 상무부는 2월 9일 희토류 수출통제를 발표했다. 미국 대통령은 다음 날 추가 관세를 예고했다.",
     [("2월 9일", "2025-02-09", None)], "2025-02-10", "추가 관세"),
    # no day in the paragraph: the summit it speaks of ("회담에서")
    ("양국 정상은 2월 7일 워싱턴에서 정상회담을 가졌다.\n\n일본 총리는 회담에서 투자 확대를 제안했다. "
     "미국 대통령은 다음 날 이를 환영한다고 밝혔다.", [("2월 7일", "2025-02-07", None)], "2025-02-08", "환영"),
])
def test_events_relative_day_counts_from_the_day_named_before(text, dates, value, word):
    found = events.extract(_ctx(text, dates))
    assert any(ev.date == value and word in ev.text for ev in found), [(e.date, e.text) for e in found]


def test_events_relative_day_with_its_date_written_is_not_doubled():
    text = "미국 대통령은 정상회담 이틀 후(2.9) 인수 불허 방침을 밝혔다."
    found = events.extract(_ctx(text, [("2.9", "2025-02-09", None)]))
    assert [ev.date for ev in found] == ["2025-02-09"]


def _with_quantities(ctx, spans):
    from summitwatch.model.facts import Quantity

    t = ctx.text.text
    ctx.facts["quantities"] = [ctx.place(Quantity(kind=kind, value=1.0), t.index(s), t.index(s) + len(s))
                               for s, kind in spans]
    return ctx


@pytest.mark.parametrize("text,surface,value,quantity,kind", [
    ("2023년 기준 두 나라의 교역액은 약 3천억 달러다.", "2023년", "2023", "3천억 달러", "money"),
    ("대미 수출 비중은 2019년 14.1%에서 크게 늘었다.", "2019년", "2019", "14.1%", "percent"),
    ("9월 말 외환보유액은 4,100억 달러로 늘었다.", "9월 말", "2024-09", "4,100억 달러", "money"),
])
def test_events_years_of_statistics_are_not_events(text, surface, value, quantity, kind):
    ctx = _with_quantities(_ctx(text, [(surface, value, None)]), [(quantity, kind)])
    assert events.extract(ctx) == []


def test_events_month_with_an_amount_of_an_act_is_an_event():
    text = "중국은 9월 말 5천억 위안 규모의 정책 금융수단을 도입했다."
    ctx = _with_quantities(_ctx(text, [("9월 말", "2024-09", None)]), [("5천억 위안", "money")])
    assert [ev.date for ev in events.extract(ctx)] == ["2024-09"]


def test_events_period_named_in_a_heading_is_not_an_event():
    from summitwatch.model.structure import Heading

    text = "□ 사전 협상과 1월의 긴장 고조\n\n양국은 1월 20일 고위급 협상을 열었다."
    ctx = _ctx(text, [("1월", "2025-01", None), ("1월 20일", "2025-01-20", None)])
    ctx.structure.headings = [Heading(level=2, text="□ 사전 협상과 1월의 긴장 고조", raw_offset=0, start=0)]
    assert [ev.date for ev in events.extract(ctx)] == ["2025-01-20"]


def test_events_press_release_header_dates_are_not_events():
    from summitwatch.pipeline import analyze_text

    text = ("외교부 보도자료\n보도시점: 2025. 9. 2.(화) 06:00\n배포일시: 2025. 9. 1.(월) 14:00\n\n"
            "□ 양국 외교장관은 9. 1.(월) 서울에서 회담을 갖고 공급망 협력에 합의하였다.\n")
    ctx = analyze_text(text)
    assert [e.date for e in ctx.facts["events"]] == ["2025-09-01"]
    assert "회담" in ctx.facts["events"][0].text


@pytest.mark.parametrize("text,surface,value", [
    ("2025.6.3 /사진=한빛통신", "2025.6.3", "2025-06-03"),          # a photo stamp
    ("2025년 국제 정세 회고", "2025년", "2025"),                     # a section title
])
def test_events_need_a_narrative_predicate(text, surface, value):
    assert events.extract(_ctx(text, [(surface, value, None)])) == []


@pytest.mark.parametrize("text,surface,value,status", [
    ("양국은 2030년 1월 5일 협정에 서명했다.", "2030년 1월 5일", "2030-01-05", "occurred"),   # past, whatever the date
    ("협의체는 2025년 9월 첫 회의를 열 예정이다.", "2025년 9월", "2025-09", "scheduled"),
])
def test_events_status_from_the_predicate(text, surface, value, status):
    (e,) = events.extract(_ctx(text, [(surface, value, None)]))
    assert e.status == status


@pytest.mark.parametrize("text,surface,value", [
    ("두 나라는 21세기에 걸맞은 동반자 관계를 만들어 가기로 했다.", "21세기", "2000"),
    ("양국 교역은 1990년대에 빠르게 늘었다.", "1990년대", "1990"),
])
def test_events_an_era_is_no_event_date(text, surface, value):
    assert events.extract(_ctx(text, [(surface, value, None)])) == []


def test_events_a_year_is_still_an_event_date():
    text = "양국 교역은 1995년에 빠르게 늘었다."
    assert [e.date for e in events.extract(_ctx(text, [("1995년", "1995", None)]))] == ["1995"]


def test_events_a_date_opening_a_quoted_statement_name_is_part_of_the_name():
    text = "두 정상은 해양 협력을 담은 ‘5월 부산 공동성명’을 발표했다."
    assert events.extract(_ctx(text, [("5월", "2025-05", None)])) == []
    plain = "두 정상은 5월 부산에서 공동성명을 발표했다."
    assert [e.date for e in events.extract(_ctx(plain, [("5월", "2025-05", None)]))] == ["2025-05"]


# --- a second happening told in its own clause; English spans judged by their verbs ---

def test_events_second_happening_with_its_own_predicate_is_its_own_event():
    text = ("양국 외교장관은 3월 5일 제네바에서 회담을 갖고 공급망 협력을 논의했다. "
            "차관은 같은 날 제네바 외교장관 회담이 끝난 뒤 기자회견을 열고 공급망 협력 일정을 소개했다.")
    found = events.extract(_ctx(text, [("3월 5일", "2025-03-05", None), ("같은 날", "2025-03-05", None)]))
    assert [e.date for e in found] == ["2025-03-05", "2025-03-05"]
    assert "회견" in found[1].text and "회견" not in found[0].text


def test_events_restated_happening_without_a_new_one_still_kept_once():
    text = ("양국 외교장관은 3월 5일 제네바에서 회담을 갖고 공급망 협력을 논의했다. "
            "같은 날 제네바 회담에서 두 장관은 공급망 협력 방안도 점검했다.")
    found = events.extract(_ctx(text, [("3월 5일", "2025-03-05", None), ("같은 날", "2025-03-05", None)]))
    assert len(found) == 1


def test_events_modifier_holding_verb_does_not_split():
    # "…을 여는 계기" modifies a noun: it holds no happening of its own
    text = ("양국 장관은 3월 5일 제네바에서 회담을 갖고 공급망 협력을 논의했다. "
            "같은 날 제네바 회담은 공급망 협력의 새 장을 여는 계기로 평가됐다.")
    found = events.extract(_ctx(text, [("3월 5일", "2025-03-05", None), ("같은 날", "2025-03-05", None)]))
    assert len(found) == 1


def test_events_english_weekday_on_the_reference_day_is_an_event():
    # the weekday names the document's own day, but the sentence tells what happened on it
    text = ("Border talks resume\n\nMarch 10, 2025\n\n"
            "The two defence chiefs met in Manila on Monday and agreed to reopen a hotline.")
    found = events.extract(_ctx(text, [("March 10, 2025", "2025-03-10", None), ("Monday", "2025-03-10", None)]))
    assert [(e.date, e.status) for e in found] == [("2025-03-10", "occurred")]
    assert found[0].text.startswith("The two defence chiefs")


@pytest.mark.parametrize("sentence,surface,status", [
    # dated on the reference day itself, so only the verbs can tell
    ("Negotiators wrapped up a fourth round in Oslo on Monday, officials said.", "Monday", "occurred"),
    ("On Monday the ministers signed a fisheries pact in Lima.", "Monday", "occurred"),
    ("The envoy will fly to Nairobi on Monday for a regional forum, her office said.", "Monday", "scheduled"),
    # the decision is past, the happening it aims at is not
    ("Both navies agreed to aim at a joint rescue drill later this year.", "later this year", "scheduled"),
    # an -ed adjective after a determiner is no past verb
    ("The ministers will review the revised fishing quota in Lima on Monday.", "Monday", "scheduled"),
])
def test_events_english_status_from_the_verbs(sentence, surface, status):
    text = "Regional roundup\n\nThe region saw a busy week of diplomacy. " + sentence
    value = "2025" if surface.endswith("year") else "2025-03-10"
    found = events.extract(_ctx(text, [(surface, value, None)]))
    assert [(e.date, e.status) for e in found] == [(value, status)]


def test_events_english_headline_date_is_not_an_event():
    # a capitalised headline verb and a date line under it: the document's own date
    text = "Ministers Sign Fisheries Pact\n\nMarch 10, 2025\n\nThe pact covers three seas."
    assert events.extract(_ctx(text, [("March 10, 2025", "2025-03-10", None)])) == []


def test_events_part_of_day_opener_carries_the_previous_day():
    text = ("통상장관은 3월 12일 오전에 베를린에서 독일 경제장관과 만나 배터리 협력을 논의한다.\n"
            "이어 저녁에는 현지 진출 기업인 간담회를 주재할 예정이다.")
    found = events.extract(_ctx(text, [("3월 12일", "2025-03-12", None)]))
    assert [e.date for e in found] == ["2025-03-12", "2025-03-12"]
    assert found[1].text.startswith("이어 저녁에는") and found[1].status == "scheduled"


def test_events_part_of_day_opener_after_a_span_of_days_is_not_dated():
    # "12~14일" names no one day to carry on
    text = ("통상장관은 3월 12~14일 베를린을 방문한다.\n"
            "오후에는 현지 기업인 간담회를 주재할 예정이다.")
    found = events.extract(_ctx(text, [("3월 12~14일", "2025-03-12", "2025-03-14")]))
    assert [e.date for e in found] == ["2025-03-12"]


def test_events_a_wire_datelines_day_is_when_it_was_filed_not_what_happened():
    from summitwatch.pipeline import analyze_text

    story = ("Port accord reached\n\nBUSAN, April 9, 2026 (Wire) -- The two transport ministers met in Busan "
             "on Wednesday and signed a port accord.\n")
    found = [(e.date, e.status) for e in analyze_text(story).facts["events"]]
    assert found == [("2026-04-08", "occurred")]
    # with no other day in its sentence, the dateline's day stays the day of what happened
    same_day = story.replace(" on Wednesday", "")
    assert [e.date for e in analyze_text(same_day).facts["events"]] == ["2026-04-09"]
