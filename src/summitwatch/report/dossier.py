"""A summit's dossier: who met, when and where; commitments by domain with status, score,
lineage and evidence, each quoted from its source span; a timeline; the poll series around the
summit; what briefs in the corpus recommend; the sources. Markdown, or one self-contained HTML
file (inline SVG, no scripts, fonts or images from elsewhere, print CSS). Every string that comes
from a document is escaped."""
from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from ..track.model import Commitment, Span, Summit, Tracking, TrackDoc
from ..track.polls import around

_VERDICT_WORDS = {"not_yet_rated": "not yet rated", "in_the_works": "in the works", "stalled": "stalled",
                  "kept": "kept", "compromise": "compromise", "broken": "broken"}


@dataclass
class Quote:
    doc: str
    date: str | None
    start: int
    end: int
    text: str


@dataclass
class Event:
    date: str
    kind: str
    text: str
    quote: Quote | None = None


@dataclass
class Dossier:
    summit: Summit
    parties: list[tuple[str, str]]                        # (ISO, name)
    domains: list[tuple[str, list[Commitment]]]
    scores: list
    timeline: list[Event]
    polls: list[tuple[str, list]]                          # (series title, points)
    chart: dict[str, dict[str, list[tuple[str, float]]]]  # series title -> line -> points
    recommendations: list[tuple[Quote, str]]              # (where, numbered label)
    sources: list[TrackDoc] = field(default_factory=list)


def find_summit(tracking: Tracking, key: str) -> Summit:
    """A summit by id or unambiguous id prefix."""
    hits = [s for s in tracking.summits if s.id == key] or [s for s in tracking.summits if s.id.startswith(key)]
    if len(hits) != 1:
        raise KeyError(f"no summit {key!r}" if not hits else f"summit id {key!r} is ambiguous ({len(hits)} match)")
    return hits[0]


def _quote(span: Span, docs: dict[str, TrackDoc]) -> Quote:
    d = docs.get(span.document)
    return Quote(span.document, d.reference_date if d else None, span.start, span.end, span.quote)


def _points(p) -> list:
    out = []
    for r in p.children:
        out.append(r)
        out.extend(_points(r))
    return out


def content(tracking: Tracking, summit_id: str, docs: dict[str, TrackDoc]) -> Dossier:
    from ..kb import load_kb

    s = find_summit(tracking, summit_id)
    kb = load_kb()
    parties = [(p, (kb.country(p).name if kb.country(p) else p)) for p in s.parties]
    mine = [c for c in tracking.commitments if c.summit == s.id]
    domains: dict[str, list[Commitment]] = {}
    for c in mine:
        domains.setdefault(c.domain, []).append(c)
    timeline = [Event(s.date, "summit", s.label)]
    for d in s.documents:
        doc = docs.get(d)
        if doc is not None and doc.reference_date:
            timeline.append(Event(doc.reference_date, "report", _title(doc)))
    for c in mine:
        for e in c.evidence:
            timeline.append(Event(e.date or "", e.relation, e.text, _quote(e.span, docs)))
        for h in c.history:
            if h.source == "review":
                timeline.append(Event(h.date or "", "review", f"{_VERDICT_WORDS[h.verdict]}: {c.text}"))
    polls, chart = [], {}
    for ps in tracking.poll_series:
        pts = around(ps, s.date)
        home = _countries(ps.pollster, kb)
        if not pts or (home and not home & set(s.parties)):
            continue                      # another country's opinion (a Japanese cabinet's approval)
        title = f"{ps.pollster} — {ps.question}"
        polls.append((title, pts))
        lines: dict[str, list] = {}
        for p in pts:
            when = p.field_end or p.field_start
            for k, v in p.results.items():
                lines.setdefault(k, []).append((when, v))
            res = ", ".join(f"{k} {v:g}" for k, v in p.results.items())
            timeline.append(Event(when, "poll", f"{title}: {res}"))
        chart[title] = lines
    recs = []
    for d in s.documents:
        doc = docs.get(d)
        if doc is None:
            continue
        flat = []
        for r in doc.analysis.recommendations:
            flat.append(r)
            flat.extend(_points(r))
        for r in flat:
            if isinstance(r.raw_offset, int):
                recs.append((Quote(d, doc.reference_date, r.raw_offset, r.raw_offset + len(r.text), r.text),
                             str(r.n) if r.n is not None else ""))
    timeline.sort(key=lambda e: (e.date, e.kind, e.text))
    cited = set(s.documents)
    for c in mine:
        cited.update(m.document for m in c.mentions)
        cited.update(e.document for e in c.evidence)
    for _, pts in polls:
        for p in pts:
            cited.update(p.documents)
    sources = sorted((docs[d] for d in cited if d in docs), key=lambda d: (d.reference_date or "", d.id))
    scores = [x for x in tracking.scores if x.summit == s.id]
    return Dossier(s, parties, sorted(domains.items()), scores, timeline, polls, chart, recs, sources)


def _countries(pollster: str, kb) -> set[str]:
    """Countries of a poll's pollsters or outlets ("방송사A+신문사B", joined by +), as the knowledge base knows them."""
    out = set()
    for name in pollster.split("+"):
        out.update(e.country for e in kb.lookup(name) if e.country)
    return out


def _title(doc: TrackDoc) -> str:
    return doc.analysis.document.title or doc.source


def render_dossier(tracking: Tracking, summit_id: str, docs: dict[str, TrackDoc], fmt: str) -> str:
    d = content(tracking, summit_id, docs)
    if fmt == "md":
        return _markdown(d, docs)
    if fmt == "html":
        return _html(d, docs)
    raise ValueError(f"unknown dossier format {fmt!r} (html or md)")


def _score(v) -> str:
    if v is None:
        return "—"
    return f"{v:+g}" if v else "0"


# --- Markdown ----------------------------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_\[\]{}<>#|!])")


def _md(s: str | None) -> str:
    return _MD_SPECIAL.sub(r"\\\1", " ".join((s or "").split()))


def _md_where(q: Quote, docs) -> str:
    doc = docs.get(q.doc)
    name = _md(_title(doc)) if doc else q.doc[:12]
    return f"[{name}, {_md(q.date) or 'undated'}, {q.start}–{q.end}](#src-{_md(q.doc[:12])})"


def _markdown(d: Dossier, docs) -> str:
    s = d.summit
    out = [f"# {_md(s.label)}", "", "## Who met, when and where", "",
           f"- parties: {', '.join(f'{_md(n)} ({iso})' for iso, n in d.parties)}",
           f"- date: {_md(s.date)}" + (f" – {_md(s.end)}" if s.end and s.end != s.date else ""),
           f"- place: {_md(s.place) if s.place else 'unknown'}",
           f"- forum: {_md(s.forum) if s.forum else 'none (a stand-alone meeting)'}",
           f"- summit id: `{s.id}`", ""]
    out += ["## Commitments", ""]
    if not d.domains:
        out += ["No commitment of this summit was found.", ""]
    for domain, cs in d.domains:
        out += [f"### {_md(domain)}", ""]
        for c in cs:
            out += [f"- **{_md(c.text)}** — {_md(', '.join(c.actors)) or 'no actor named'}; status "
                    f"{_VERDICT_WORDS[c.verdict]}, score {_score(c.score)} (`{c.id}`)"]
            for m in c.mentions:
                flag = f" — {', '.join(m.changes)}" if m.changes else ""
                out.append(f"  - said: “{_md(m.wording)}” ({_md_where(_quote(m.span, docs), docs)}){flag}")
            for e in c.evidence:
                out.append(f"  - {e.relation} ({e.degree}), {_md(e.date) or 'undated'}: “{_md(e.text)}” "
                           f"({_md_where(_quote(e.span, docs), docs)})")
            hist = " → ".join(f"{_md(h.date) or '?'} {_VERDICT_WORDS[h.verdict]}"
                              + (" (review)" if h.source == "review" else "") for h in c.history)
            out.append(f"  - history: {hist}")
        out.append("")
    if d.scores:
        out += ["### Scores by party", "", "| party | score | rated | commitments |", "|---|---|---|---|"]
        out += [f"| {_md(x.party)} | {_score(x.score)} | {x.rated} | {x.total} |" for x in d.scores] + [""]
    out += ["## Timeline", "", "| date | what | |", "|---|---|---|"]
    for e in d.timeline:
        out.append(f"| {_md(e.date) or '?'} | {e.kind} | {_md(e.text)} |")
    out += ["", "## Polls around the summit", ""]
    if not d.polls:
        out += ["No poll series has points within the window around the summit.", ""]
    for title, pts in d.polls:
        out += [f"### {_md(title)}", "", "| field dates | results | sample | reported by |", "|---|---|---|---|"]
        for p in pts:
            res = ", ".join(f"{_md(k)} {v:g}" for k, v in p.results.items())
            by = "; ".join(_md(_title(docs[x])) if x in docs else x[:12] for x in p.documents)
            when = f"{_md(p.field_start) or '?'} – {_md(p.field_end) or '?'}"
            out.append(f"| {when} | {res} | {p.sample_size or ''} | {by} |")
        out.append("")
    out += ["## Recommendations in the corpus", ""]
    if not d.recommendations:
        out += ["No brief in the corpus makes a recommendation about this summit.", ""]
    for q, n in d.recommendations:
        out.append(f"- {n + '. ' if n else ''}{_md(q.text)} ({_md_where(q, docs)})")
    out += ["", "## Sources", ""]
    for doc in d.sources:
        out.append(f"- <a id=\"src-{_md(doc.id[:12])}\"></a>{_md(_title(doc))} — "
                   f"{_md(doc.reference_date) or 'undated'}, {_md(doc.source)}, id {_md(doc.id[:12])}")
    return "\n".join(out) + "\n"


# --- HTML --------------------------------------------------------------------------------------

def _h(s) -> str:
    return html.escape("" if s is None else str(s), quote=True)


_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI","Noto Sans KR","Malgun Gothic",sans-serif;max-width:60rem;
margin:2rem auto;padding:0 1rem;line-height:1.5;color:#111}
h1{font-size:1.6rem}h2{border-bottom:1px solid #ccc;margin-top:2rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0}td,th{border:1px solid #ccc;padding:.25rem .4rem;
vertical-align:top;text-align:left}
.verdict{font-weight:600}.kept{color:#1b5e20}.broken{color:#b71c1c}.stalled{color:#e65100}
.compromise,.in_the_works{color:#0d47a1}.changes{color:#b71c1c;font-size:.9em}
q{font-style:italic}.where{font-size:.85em;color:#444}.chart svg{max-width:100%;height:auto}
@media print{body{margin:0;max-width:none;font-size:10pt}a{color:inherit;text-decoration:none}
section,li,tr,.chart{break-inside:avoid}h2{break-after:avoid}@page{margin:15mm}}
"""


def _where(q: Quote, docs) -> str:
    doc = docs.get(q.doc)
    name = _title(doc) if doc else q.doc[:12]
    return (f'<a class="where" href="#src-{_h(q.doc[:12])}">{_h(name)}, {_h(q.date or "undated")}, '
            f"{q.start}–{q.end}</a>")


def _html(d: Dossier, docs) -> str:
    from .chart import poll_chart

    s = d.summit
    out = ["<!DOCTYPE html>", '<html lang="ko"><head><meta charset="utf-8">',
           f"<title>{_h(s.label)}</title><style>{_CSS}</style></head><body>", f"<h1>{_h(s.label)}</h1>",
           "<section><h2>Who met, when and where</h2><table>",
           f"<tr><th>parties</th><td>{', '.join(f'{_h(n)} ({_h(iso)})' for iso, n in d.parties)}</td></tr>",
           f"<tr><th>date</th><td>{_h(s.date)}{' – ' + _h(s.end) if s.end and s.end != s.date else ''}</td></tr>",
           f"<tr><th>place</th><td>{_h(s.place or 'unknown')}</td></tr>",
           f"<tr><th>forum</th><td>{_h(s.forum or 'none (a stand-alone meeting)')}</td></tr>",
           f"<tr><th>summit id</th><td><code>{_h(s.id)}</code></td></tr></table></section>",
           "<section><h2>Commitments</h2>"]
    if not d.domains:
        out.append("<p>No commitment of this summit was found.</p>")
    for domain, cs in d.domains:
        out.append(f"<h3>{_h(domain)}</h3><ul>")
        for c in cs:
            out.append(f'<li id="{_h(c.id)}"><strong>{_h(c.text)}</strong> — {_h(", ".join(c.actors))}; '
                       f'<span class="verdict {_h(c.verdict)}">{_h(_VERDICT_WORDS[c.verdict])}</span>, '
                       f"score {_h(_score(c.score))}<ul>")
            for m in c.mentions:
                ch = f' <span class="changes">{_h(", ".join(m.changes))}</span>' if m.changes else ""
                out.append(f"<li>said: <q>{_h(m.wording)}</q> {_where(_quote(m.span, docs), docs)}{ch}</li>")
            for e in c.evidence:
                out.append(f"<li>{_h(e.relation)} ({_h(e.degree)}), {_h(e.date or 'undated')}: <q>{_h(e.text)}</q> "
                           f"{_where(_quote(e.span, docs), docs)}</li>")
            hist = " → ".join(f"{_h(h.date or '?')} {_h(_VERDICT_WORDS[h.verdict])}"
                              + (" (review)" if h.source == "review" else "") for h in c.history)
            out.append(f"<li>history: {hist}</li></ul></li>")
        out.append("</ul>")
    if d.scores:
        out.append("<h3>Scores by party</h3><table><tr><th>party</th><th>score</th><th>rated</th>"
                   "<th>commitments</th></tr>")
        out += [f"<tr><td>{_h(x.party)}</td><td>{_h(_score(x.score))}</td><td>{x.rated}</td><td>{x.total}</td></tr>"
                for x in d.scores]
        out.append("</table>")
    out.append("</section><section><h2>Timeline</h2><table><tr><th>date</th><th>what</th><th></th></tr>")
    for e in d.timeline:
        where = f" {_where(e.quote, docs)}" if e.quote else ""
        out.append(f"<tr><td>{_h(e.date or '?')}</td><td>{_h(e.kind)}</td><td>{_h(e.text)}{where}</td></tr>")
    out.append("</table></section><section><h2>Polls around the summit</h2>")
    if not d.polls:
        out.append("<p>No poll series has points within the window around the summit.</p>")
    for title, pts in d.polls:
        out.append(f"<h3>{_h(title)}</h3>")
        out.append(f'<div class="chart" role="img" aria-label="{_h(title)}">'
                   f"{poll_chart(d.chart[title], s.date)}</div>")
        out.append("<table><tr><th>field dates</th><th>results</th><th>sample</th><th>reported by</th></tr>")
        for p in pts:
            res = ", ".join(f"{_h(k)} {v:g}" for k, v in p.results.items())
            by = "; ".join(f'<a href="#src-{_h(x[:12])}">{_h(_title(docs[x]) if x in docs else x[:12])}</a>'
                           for x in p.documents)
            out.append(f"<tr><td>{_h(p.field_start or '?')} – {_h(p.field_end or '?')}</td><td>{res}</td>"
                       f"<td>{_h(p.sample_size or '')}</td><td>{by}</td></tr>")
        out.append("</table>")
    out.append("</section><section><h2>Recommendations in the corpus</h2>")
    if not d.recommendations:
        out.append("<p>No brief in the corpus makes a recommendation about this summit.</p>")
    else:
        out.append("<ul>")
        out += [f"<li>{_h(n + '. ' if n else '')}{_h(q.text)} {_where(q, docs)}</li>" for q, n in d.recommendations]
        out.append("</ul>")
    out.append("</section><section><h2>Sources</h2><ol>")
    for doc in d.sources:
        out.append(f'<li id="src-{_h(doc.id[:12])}">{_h(_title(doc))} — {_h(doc.reference_date or "undated")}, '
                   f"<code>{_h(doc.source)}</code>, id <code>{_h(doc.id[:12])}</code></li>")
    out.append("</ol></section></body></html>")
    return "\n".join(out) + "\n"
