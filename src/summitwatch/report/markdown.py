"""Markdown rendering of an analysis."""
from __future__ import annotations

from ..model.export import Analysis


def _esc(s: str | None) -> str:
    return (s or "").replace("|", "\\|").replace("\n", " ")


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    out = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    out += ["| " + " | ".join(_esc(c) for c in r) + " |" for r in rows]
    return out + [""]


def render(a: Analysis) -> str:
    d = a.document
    out = [f"# {_esc(d.title or d.source)}", "",
           f"- source: `{d.source}` ({d.format}{', ' + d.encoding if d.encoding else ''})",
           f"- reference date: {d.reference_date or 'unknown'}", f"- document id: `{d.id[:16]}`", ""]
    if a.headings:
        out += ["## Outline", ""]
        out += [f"{'  ' * (h.level - 1)}- {_esc(h.text)}" for h in a.headings] + [""]
    for t in a.tables:
        out += [f"## {_esc(t.caption)}", ""]
        out += _table(["", "items"], [[r.header, "; ".join(r.cells)] for r in t.rows])
        if t.source:
            out += [f"Source: {_esc(t.source)}", ""]
    if a.events:
        out += ["## Timeline", ""]
        out += _table(["date", "status", "event"],
                      [[e.date + (f" – {e.end}" if e.end else ""), e.status, e.text] for e in
                       sorted(a.events, key=lambda e: e.date)])
    if a.commitments:
        out += ["## Commitments", ""]
        out += _table(["id", "actors", "domain", "status", "commitment", "evidence"],
                      [[c.id, ", ".join(c.actors), c.domain, c.status, c.text,
                        "; ".join(f"{ev.date}: {ev.relation}" for ev in c.evidence)] for c in a.commitments])
    if a.polls:
        out += ["## Polls", ""]
        out += _table(["pollsters", "field", "question", "results"],
                      [[", ".join(p.pollsters), f"{p.field_start or ''}–{p.field_end or ''}", q.topic,
                        ", ".join(f"{k} {v:g}%" for k, v in q.results.items())]
                       for p in a.polls for q in (p.questions or [])])
    if a.entities:
        out += ["## Actors", ""]
        for typ in ("PERSON", "COUNTRY", "ORG", "LOCATION"):
            names = [e.name + (f" ({e.iso})" if e.iso else "") for e in a.entities if e.type == typ]
            if names:
                out.append(f"- **{typ}**: " + ", ".join(names))
        out.append("")
    for title, pts in (("Findings", a.findings), ("Recommendations", a.recommendations)):
        if pts:
            out += [f"## {title}", ""]
            for p in pts:
                out.append(f"{p.n or '-'}. {_esc(p.text)}")
                out += [f"    - {_esc(c.text)}" for c in p.children]
            out.append("")
    if a.footnotes or a.footnote_refs:
        out += ["## Footnotes", ""]
        have = {f.n for f in a.footnotes}
        out += [f"{f.n}. {_esc(f.text)}" for f in a.footnotes]
        missing = [r.n for r in a.footnote_refs if r.n not in have]
        if missing:
            out.append(f"\nMarkers without a footnote body: {', '.join(map(str, missing))}")
        out.append("")
    if a.citations:
        out += ["## Citations", ""]
        out += _table(["fn", "publisher", "title", "date", "url", "accessed"],
                      [[str(c.footnote), c.publisher or "", c.title or "", c.date or "", c.url or "",
                        c.accessed or ""] for c in a.citations])
    if a.warnings:
        out += ["## Warnings", ""] + [f"- {_esc(w)}" for w in a.warnings] + [""]
    return "\n".join(out).rstrip() + "\n"
