"""The team's own small corpus for the store tests: documents written here, in our own words,
about a made-up summit, and a hand-made ``Tracking`` that matches them (the contract's shapes)."""
from __future__ import annotations

import os
from functools import lru_cache

from sqlalchemy import create_engine, text

from summitwatch.track import model as tm

PG_ENV = "SUMMITWATCH_TEST_PG"

STATEMENT = """한국·캐나다 공동성명

2031년 4월 9일 오타와

양국 정상은 9일 오타와에서 회담을 열고 핵심광물 공급망 협력을 강화하기로 합의했다.
캐나다는 한국 기업의 배터리 소재 공장에 20억 달러를 투자하기로 했다.
양국은 청년 교류 프로그램을 두 배로 늘리기로 했다.
"""

NEWS = """캐나다 총리 "배터리 투자 약속 지킬 것"

입력 2031.05.20 10:00

(토론토=한빛뉴스) 캐나다 정부는 20일 한국 기업과의 배터리 소재 투자를 예정대로 집행한다고 밝혔다.
그러나 청년 교류 확대 방안은 예산 문제로 미뤄졌다.
투자 규모는 지난달 정상회담에서 약속한 수준이다.
"""

POLL = """여론조사 한빛리서치

입력 2031.04.15 09:00

한빛리서치가 4월 12일부터 13일까지 성인 1,000명을 대상으로 조사한 결과 대통령 국정 지지율은 48%로 나타났다.
부정 평가는 45%였다.
"""

DOCS = {"statement.txt": STATEMENT, "news.txt": NEWS, "poll.txt": POLL}


def fresh_url(kind: str, tmp_path) -> str:
    """An empty database: a new SQLite file, or the test PostgreSQL database wiped clean."""
    if kind == "sqlite":
        return f"sqlite:///{tmp_path / 'corpus.db'}"
    url = os.environ[PG_ENV]
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()
    return url


def write_docs(folder) -> list:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, body in DOCS.items():
        p = folder / name
        p.write_text(body, encoding="utf-8")
        paths.append(p)
    return paths


@lru_cache(maxsize=None)
def prepared(name: str):
    from summitwatch.store.prepare import prepare

    return prepare(DOCS[name].encode("utf-8"), name)


def span(doc: str, start: int, end: int) -> tm.Span:
    raw = prepared(doc).raw_text
    return tm.Span(document=prepared(doc).id, start=start, end=end, quote=raw[start:end])


def tracking() -> tm.Tracking:
    """A tracking result in the contract's shapes, over the documents above."""
    st, nw, pl = prepared("statement.txt"), prepared("news.txt"), prepared("poll.txt")
    s_raw, n_raw = st.raw_text, nw.raw_text
    inv = s_raw.index("캐나다는 한국 기업의")
    inv_span = span("statement.txt", inv, s_raw.index("\n", inv))
    youth = s_raw.index("양국은 청년")
    youth_span = span("statement.txt", youth, s_raw.index("\n", youth))
    kept = n_raw.index("캐나다 정부는 20일")
    kept_span = span("news.txt", kept, n_raw.index("\n", kept))
    late = n_raw.index("그러나 청년")
    late_span = span("news.txt", late, n_raw.index("\n", late))
    again = n_raw.index("투자 규모는")
    again_span = span("news.txt", again, n_raw.index("\n", again))
    summit = tm.Summit(id="s-kr-ca-20310409", date="2031-04-09", place="Ottawa", parties=["KR", "CA"],
                       label="KR-CA summit, 2031-04-09, Ottawa", documents=[st.id, nw.id],
                       spans=[span("statement.txt", 0, 9)])
    invest = tm.Commitment(
        id="c-invest", summit=summit.id, actors=["CA"], domain="economy", text=inv_span.quote,
        mentions=[tm.LineageMention(document=st.id, date="2031-04-09", span=inv_span, wording=inv_span.quote),
                  tm.LineageMention(document=nw.id, date="2031-05-20", span=again_span, wording=again_span.quote,
                                    changes=["softened"])],
        evidence=[tm.EvidenceLink(id="e-kept", document=nw.id, date="2031-05-20", relation="supports",
                                  party="CA", text=kept_span.quote, span=kept_span)],
        history=[tm.StatusPoint(date="2031-04-09", score=None, verdict="not_yet_rated", source="evidence"),
                 tm.StatusPoint(date="2031-05-20", score=1, verdict="kept", source="evidence", ref="e-kept")],
        score=1, verdict="kept")
    youth_c = tm.Commitment(
        id="c-youth", summit=summit.id, actors=["KR", "CA"], domain="people", text=youth_span.quote,
        mentions=[tm.LineageMention(document=st.id, date="2031-04-09", span=youth_span, wording=youth_span.quote)],
        evidence=[tm.EvidenceLink(id="e-late", document=nw.id, date="2031-05-20", relation="contradicts",
                                  degree="partial", text=late_span.quote, span=late_span)],
        history=[tm.StatusPoint(date="2031-05-20", score=0, verdict="stalled", source="evidence", ref="e-late")],
        score=0, verdict="stalled")
    point = tm.PollPoint(id="p-0412", pollster="한빛리서치", field_start="2031-04-12", field_end="2031-04-13",
                         question="대통령 국정 지지율", results={"긍정": 48.0, "부정": 45.0}, sample_size=1000,
                         documents=[pl.id], spans=[span("poll.txt", 0, 10)])
    series = tm.PollSeries(id="ps-approval", pollster="한빛리서치", question="대통령 국정 지지율", points=[point])
    scores = [tm.PartyScore(party="CA", summit=summit.id, score=0.5, rated=2, total=2),
              tm.PartyScore(party="KR", summit=summit.id, score=0.0, rated=1, total=1)]
    return tm.Tracking(summits=[summit], commitments=[invest, youth_c], poll_series=[series], scores=scores)
