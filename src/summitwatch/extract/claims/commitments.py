"""Commitments made at the document's summit, with their mentions, follow-ups and status.

1. Find the summit (parties, date) from groups and dates next to 정상회담.
2. Collect mentions: cells of outcome tables, then clauses in prose whose predicate is a
   commitment cue (see ``pledges``), split when they list several things.
3. Merge mentions of one thing (summary, table, body) into one commitment by shared key
   terms; mentions listed side by side (one table, one enumeration) stay apart.
4. Attach follow-ups dated after the summit (``followups``) and set the status.
"""
from __future__ import annotations

from . import followups, recalled
from .claimkeys import FactIndex, shared, similarity
from .cues import DEFINITIVE_REVERSAL, PARTIAL, cue_label
from .domains import classify
from .pledge_tables import table_claims
from .pledge_cues import is_decision
from .pledges import MAX_CLAIM, Claim, ProseReader
from .pledges_en import EnglishReader
from .summit import find as find_summit
from ...model.facts import Commitment, Evidence, Mention

NAME = "commitments"
REQUIRES = ("dates", "entities", "groups")

MERGE_SIMILARITY = 0.5       # shared key weight over the smaller claim's key weight
TOPIC_MIN = 3               # claims that must share a term before it counts as the document's topic
TOPIC_WEIGHT = 0.5
_SOURCE_RANK = {"table": 0, "list": 1, "prose": 2}


def extract(ctx) -> list[Commitment]:
    index = FactIndex(ctx)
    summit = find_summit(ctx, index)
    index.parties = frozenset(summit.parties)
    party_forms = _party_forms(ctx, index.parties)
    table, table_spans = table_claims(ctx, index, summit, party_forms)
    reader = ProseReader(ctx, index, summit, party_forms, skip_spans=table_spans)
    prose = reader.claims()
    earlier = recalled.find(reader, Claim)
    # the recalled pledge's own clause, read as a pledge of this summit, is that pledge
    prose = [c for c in prose if not any(r.claim.unit == c.unit and r.claim.start <= c.start and c.stop <= r.claim.stop
                                         for r in earlier)]
    prose += EnglishReader(ctx, index, summit, party_forms, reader.units, reader.groups).claims(Claim)
    merged = _merge(table + prose, ctx.text.text, followups.nation_forms(ctx))
    # a headline's phrase that the body states too adds no mention of its own
    merged = [[c for c in ms if not c.extra.get("headline")] or ms for ms in merged] + [[r.claim] for r in earlier]
    merged.sort(key=lambda ms: min(c.start for c in ms))
    keys = [_union_keys(ms) for ms in merged]
    texts = [" ".join(c.text or ctx.text.text[c.start:c.stop] for c in ms) for ms in merged]
    follow = followups.find(ctx, index, summit, keys, party_forms, units=reader.units, skip_spans=table_spans,
                            texts=texts, mains=[_main(ms).text or ctx.text.text[_main(ms).start:_main(ms).stop]
                                                for ms in merged],
                            pledge_units={c.unit for ms in merged for c in ms
                                          if c.source != "table" and not c.extra.get("restated")},
                            actors=[_actors(ms) for ms in merged])
    for r in earlier:
        n = next(k for k, ms in enumerate(merged) if ms[0] is r.claim)
        follow.append(followups.FollowUp(r.start, r.stop, r.date, "supports", n))
    out = []
    for n, ms in enumerate(merged):
        out.append(_commitment(ctx, n, ms, [f for f in follow if f.target == n]))
    return out


def _party_forms(ctx, parties) -> frozenset[str]:
    """Surface forms naming the parties or their people: they tell nothing about the subject."""
    forms = set()
    for e in ctx.facts.get("entities", []) or []:
        iso = getattr(e, "iso", None)
        if (e.type == "COUNTRY" and iso in parties) or (e.type == "PERSON"):
            forms.add(e.name)
            forms.update(getattr(e, "aliases", []) or [])
            forms.update(m.text for m in getattr(e, "mentions", []) or [])
    for g in ctx.facts.get("groups", []) or []:
        if set(g.members) == set(parties):
            forms.add(g.text)
    return frozenset(forms)


def _merge(claims, text, nations=frozenset()):
    """Group claims that speak of one thing. Tables and numbered lists come first as seeds;
    claims of one table or one numbered list never merge with each other. Countries (``nations``:
    their names, lower-cased) say who acts, not what: claims that share nothing else stay apart."""
    order = sorted(range(len(claims)), key=lambda i: (_SOURCE_RANK[claims[i].source], claims[i].start))
    domains = [classify(c.text or text[c.start:c.stop], c.header) for c in claims]
    groups: list[list] = []
    gkeys: list[dict] = []
    gheads: list[set] = []
    gdomains: list[str] = []
    taken: dict[int, set[int]] = {}        # table or numbered list -> commitments its items went to
    # key -> commitments holding it: a commitment sharing no key with a claim scores 0, so only
    # those that share one are scored (in order, so ties still go to the earliest)
    holders: dict[str, set[int]] = {}
    # the examples a claim names on the way ("A를 비롯한 B") do not say what it pledges
    keyed = _topic_damped([{k: w for k, w in c.keys.items() if k not in c.extra.get("examples", ())} or c.keys
                           for c in claims])
    announced: set[int] = set()          # commitments seeded by an item of an announced list
    for i in order:
        c = claims[i]
        ckeys = keyed[i]
        used = taken.setdefault(c.group, set()) if c.source in ("table", "list") else set()
        best, best_score = None, 0.0
        candidates = set()
        for k in ckeys:
            if k in holders:
                candidates |= holders[k]
        for n in sorted(candidates):
            if n in used or n in announced or c.extra.get("announced") or _distinct_acts(c, groups[n], text):
                continue          # the items of an agreement's own text are each a pledge of their own
            score = _affinity(c, ckeys, domains[i], gkeys[n], gheads[n], gdomains[n], nations)
            if score > best_score:
                best, best_score = n, score
        if best is None and c.extra.get("restated"):
            continue               # a restatement of nothing the document lists as pledged
        if best is None:
            if c.extra.get("announced"):
                announced.add(len(groups))
            groups.append([c])
            gkeys.append(dict(ckeys))
            gheads.append({c.head} - {None})
            gdomains.append(domains[i])
            best = len(groups) - 1
        else:
            groups[best].append(c)
            for k, w in ckeys.items():
                gkeys[best][k] = max(w, gkeys[best].get(k, 0.0))
            if c.head:
                gheads[best].add(c.head)
        for k in ckeys:
            holders.setdefault(k, set()).add(best)
        used.add(best)
    return groups


def _topic_damped(keys: list[dict[str, float]]) -> list[dict[str, float]]:
    """Keys with the document's topic words damped: a term half the claims or more share ("한반도" in every
    pledge of a peninsula summit) says what the whole text is about, not which pledge a claim
    restates, so two reaffirmations that share only it stay apart."""
    df: dict[str, int] = {}
    for ks in keys:
        for k in ks:
            df[k] = df.get(k, 0) + 1
    common = {k for k, n in df.items() if n >= TOPIC_MIN and n * 2 >= len(keys)}
    if not common:
        return keys
    return [{k: (min(w, TOPIC_WEIGHT) if k in common else w) for k, w in ks.items()} for ks in keys]


def _distinct_acts(c, group, text: str) -> bool:
    """Two clauses of one text that each name their act in the predicate ("협력해 나가기로 했다",
    "조율해 나갈 것이다") pledge two things, however many words they share; a restatement in a
    lead or a table repeats the act, or names none."""
    if c.source != "prose" or c.extra.get("embedded"):
        return False
    # "A를 열기로 합의했고, B를 돕겠다는 방침도 확인했다": a sentence does not restate itself
    if any(m.source == "prose" and m.unit == c.unit and m.clause_stop != c.clause_stop
           and not m.extra.get("embedded") for m in group):
        return True
    cues = {m.cue for m in group if m.source == "prose"}
    if not cues or c.cue in cues or not (is_decision(c.cue) or any(is_decision(x) for x in cues)):
        return False
    # "관세 인상을 미루는 방안에 합의했다" … "인상을 반년 미루기로 했다": the same act restated
    own = _act(c.cue)
    if own and any(own in (m.text or text[m.start:m.stop]) for m in group):
        return False
    mine = c.text or text[c.start:c.stop]
    return not any(_act(x) and _act(x) in mine for x in cues)


def _act(cue: str) -> str:
    """The act a future-modality cue names: "유예하기로" -> "유예", "늘리겠" -> "늘리"."""
    if not is_decision(cue):
        return ""
    stem = cue.removesuffix("기로").removesuffix("겠").removesuffix("ᆯ 것")
    for suffix in ("시키", "하"):
        if stem.endswith(suffix) and len(stem) > len(suffix) + 1:
            return stem[:-len(suffix)]
    return stem


def _affinity(c, ckeys, domain, keys, heads, gdomain, nations=frozenset()) -> float:
    """How surely a claim (keys ``ckeys``) speaks of the same thing as a commitment (0: not at all)."""
    s, anchor = shared(ckeys, keys)
    if not s or not any(k in keys and not _who(k, nations) for k in ckeys):
        return 0.0
    sim = similarity(ckeys, keys)
    if sim >= MERGE_SIMILARITY and (anchor or s >= 2):
        return 1.0 + sim + s / 10
    if domain != gdomain:
        return 0.0
    # a short claim wholly inside another ("방위력 강화" in "방위비 증액"), or one whose head
    # noun is the commitment's ("대미 투자" and "1조 달러 투자 표명")
    if all(k in keys for k in ckeys):
        return 0.5 + sim
    if c.head and c.head in heads:
        return 0.2 + sim
    return 0.0


def _who(key: str, nations) -> bool:
    """A key that names a country or a pair of them ("C:KP", "G:KPKR", "북한", "남북"); a grouping
    of three or more ("한미일 협력") is a framework, something a pledge can be about."""
    return key.startswith("C:") or (key.startswith("G:") and len(key) <= 6) or key.lower() in nations


def _union_keys(ms):
    out: dict[str, float] = {}
    for c in ms:
        for k, w in c.keys.items():
            out[k] = max(w, out.get(k, 0.0))
    return out


def _main(ms):
    """The mention that speaks for a commitment: a table cell, a list item, then the first in prose."""
    return min(ms, key=lambda c: (_SOURCE_RANK[c.source], c.start))


def _actors(ms) -> list[str]:
    """Actors named by the mentions, else those of the main mention (the summit's parties)."""
    explicit = [a for c in ms if c.explicit for a in c.actors]
    return list(dict.fromkeys(explicit or _main(ms).actors))


def _commitment(ctx, n, ms, follow) -> Commitment:
    text = ctx.text.text
    main = _main(ms)
    actors = _actors(ms)
    header = next((c.header for c in ms if c.header), None)
    fact = Commitment(id=f"c{n + 1}", actors=actors, cue=cue_label(main.cue))
    ctx.place(fact, main.start, main.stop)
    if main.text:
        fact.text = main.text
    fact.text = fact.text[:MAX_CLAIM]
    fact.domain = classify(fact.text, header)
    fact.mentions = [Mention(text=(c.text or text[c.start:c.stop])[:MAX_CLAIM], raw_offset=ctx.raw_offset(c.start),
                             start=c.start, stop=c.stop) for c in sorted(ms, key=lambda c: c.start)]
    for f in follow:
        fact.evidence.append(Evidence(date=f.date, relation=f.relation, text=text[f.start:f.stop],
                                      raw_offset=ctx.raw_offset(f.start)))
    fact.status = _status(fact.evidence)
    return fact


def _status(evidence) -> str:
    against = [e for e in evidence if e.relation == "contradicts"]
    if against:
        return "broken" if any(DEFINITIVE_REVERSAL.search(e.text) for e in against) else "contradicted"
    if evidence:
        return "partly_kept" if any(PARTIAL.search(e.text) for e in evidence) else "kept"
    return "pending"
