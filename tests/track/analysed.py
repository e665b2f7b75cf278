"""The test corpus (tests/track/corpus: our own sentences) analysed once per session by the real
pipeline, and a builder of hand-made documents for unit tests."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from summitwatch.model.export import Analysis, DocumentInfo
from summitwatch.model.facts import Commitment, DateFact, Entity, Event, Group, Mention, Poll, PollQuestion, Quantity
from summitwatch.track.model import TrackDoc

CORPUS = Path(__file__).parent / "corpus"


@lru_cache(maxsize=1)
def corpus_docs() -> tuple[TrackDoc, ...]:
    from summitwatch.track.load import from_path

    return tuple(from_path(p) for p in sorted(CORPUS.glob("*.txt")))


def by_name() -> dict[str, TrackDoc]:
    """File name (without .txt) -> document."""
    return {Path(d.source).stem: d for d in corpus_docs()}


def _at(text: str, part: str, nth: int = 0) -> int:
    pos = -1
    for _ in range(nth + 1):
        pos = text.index(part, pos + 1)
    return pos


def doc(id: str, date: str | None, text: str, *, countries=(), places=(), forums=(), groups=(), events=(),
        commitments=(), polls=(), quantities=(), dates=(), title=None) -> TrackDoc:
    """A document whose facts are placed by finding their text in ``text``.
    countries: (name, iso); places: names; forums: (name, kb id); groups: (text, members);
    events: (text, date, actors[, status]); commitments: (text, actors, domain[, [evidence]]) with
    evidence (text, date, relation); polls: (text, pollsters, start, end, size, [(topic, results)]);
    quantities: (text, kind, value, unit); dates: (text, value)."""
    ents = []
    for name, iso in countries:
        ms = [Mention(text=name, raw_offset=i) for i in _all(text, name)]
        ents.append(Entity(name=name, type="COUNTRY", iso=iso, mentions=ms))
    for name in places:
        ents.append(Entity(name=name, type="LOCATION", mentions=[Mention(text=name, raw_offset=i)
                                                               for i in _all(text, name)]))
    for name, kb_id in forums:
        ents.append(Entity(name=name, type="ORG", kb_id=kb_id, mentions=[Mention(text=name, raw_offset=i)
                                                                      for i in _all(text, name)]))
    gs = [Group(text=t, raw_offset=i, members=list(m)) for t, m in groups for i in _all(text, t)]
    evs = [Event(text=e[0], raw_offset=_at(text, e[0]), date=e[1], actors=list(e[2]),
                 status=e[3] if len(e) > 3 else "occurred") for e in events]
    cs = []
    for n, c in enumerate(commitments):
        from summitwatch.model.facts import Evidence
        ev = [Evidence(text=t, date=d, relation=r, raw_offset=_at(text, t)) for t, d, r in (c[3] if len(c) > 3 else ())]
        cs.append(Commitment(id=f"c{n + 1}", text=c[0], raw_offset=_at(text, c[0]), actors=list(c[1]), domain=c[2],
                             evidence=ev, mentions=[Mention(text=c[0], raw_offset=_at(text, c[0]))]))
    ps = [Poll(text=p[0], raw_offset=_at(text, p[0]), pollsters=list(p[1]), field_start=p[2], field_end=p[3],
               sample_size=p[4], questions=[PollQuestion(topic=t, results=r) for t, r in p[5]]) for p in polls]
    qs = [Quantity(text=q[0], raw_offset=_at(text, q[0]), kind=q[1], value=q[2], unit=q[3]) for q in quantities]
    ds = [DateFact(text=t, raw_offset=i, value=v) for t, v in dates for i in _all(text, t)]
    a = Analysis(document=DocumentInfo(id=id, source=f"{id}.txt", reference_date=date, title=title), text=text,
                 entities=ents, groups=gs, events=evs, commitments=cs, polls=ps, quantities=qs, dates=ds)
    return TrackDoc(id=id, source=f"{id}.txt", reference_date=date, reference_date_source="given", analysis=a)


def _all(text: str, part: str) -> list[int]:
    out, i = [], text.find(part)
    while i >= 0:
        out.append(i)
        i = text.find(part, i + 1)
    return out
