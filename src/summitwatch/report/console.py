"""The readable terminal report (rich).

Every string that comes from a document (headings, cells, footnotes, citations, even the file
name) is handed to rich as a ``Text``, never as a markup string: ``[/]``, ``[sic]`` or
``[link=…]`` in a document are shown as written and cannot change the report.
"""
from __future__ import annotations

import re

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text
from rich.tree import Tree

from ..model.export import Analysis

# controls a terminal would act on (ESC starts colour and hyperlink sequences; rich's Text only
# strips a few of them) and bidirectional overrides, which reorder what the reader sees
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def T(s: object, style: str | None = None) -> Text:
    """Document text as rich Text: no markup, controls shown as \\xNN."""
    s = "" if s is None else str(s)
    if _CONTROL.search(s):
        s = _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}" if m.group() < "\u0100" else
                         f"\\u{ord(m.group()):04x}", s)
    return Text(s, style=style or "")


def _outline(a: Analysis) -> Tree:
    tree = Tree(T("Outline", "bold"))
    stack: list[tuple[int, Tree]] = [(0, tree)]
    for h in a.headings:
        while stack and stack[-1][0] >= h.level:
            stack.pop()
        node = stack[-1][1].add(T(h.text))
        stack.append((h.level, node))
    return tree


def _simple(title: str, columns: list[str], rows: list[list[str]]) -> Table:
    t = Table(title=T(title), title_justify="left", show_lines=False, expand=False)
    for c in columns:
        t.add_column(T(c), overflow="fold")
    for r in rows:
        t.add_row(*(T(c) for c in r))
    return t


def render(a: Analysis, console: Console) -> None:
    d = a.document
    console.print(Panel(Text.assemble(T(d.title or d.source, "bold"), "\n",
                                      T(f"{d.format}{' · ' + d.encoding if d.encoding else ''} · reference date "
                                        f"{d.reference_date or 'unknown'} · id {d.id[:12]}")), expand=False))
    if a.headings:
        console.print(_outline(a))
    for t in a.tables:
        tab = Table(title=T(t.caption), title_justify="left", caption=T(f"Source: {t.source}") if t.source else None,
                    show_lines=True)
        tab.add_column(T("row"))
        tab.add_column(T("items"), overflow="fold")
        for r in t.rows:
            tab.add_row(T(r.header), T("\n".join(f"• {c}" for c in r.cells)))
        console.print(tab)
    if a.events:
        console.print(_simple("Timeline", ["date", "status", "event"],
                              [[e.date + (f" – {e.end}" if e.end else ""), e.status, e.text[:160]]
                               for e in sorted(a.events, key=lambda e: e.date)]))
    if a.commitments:
        console.print(_simple("Commitments", ["id", "actors", "domain", "status", "commitment", "evidence"],
                              [[c.id, ", ".join(c.actors), c.domain, c.status, c.text[:160],
                                "\n".join(f"{ev.date}: {ev.relation} — {ev.text[:80]}" for ev in c.evidence)]
                               for c in a.commitments]))
    if a.polls:
        console.print(_simple("Polls", ["pollsters", "field dates", "question", "results"],
                              [[", ".join(p.pollsters), f"{p.field_start or '?'} – {p.field_end or '?'}", q.topic,
                                ", ".join(f"{k} {v:g}%" for k, v in q.results.items())]
                               for p in a.polls for q in (p.questions or [])]))
    if a.entities:
        rows = []
        for typ in ("PERSON", "COUNTRY", "ORG", "LOCATION"):
            ents = [e for e in a.entities if e.type == typ]
            if ents:
                rows.append([typ, ", ".join(f"{e.name}{f' ({e.iso})' if e.iso else ''} ×{len(e.mentions)}"
                                            for e in ents)])
        console.print(_simple("Actors", ["type", "entities"], rows))
    if a.groups:
        seen = {}
        for g in a.groups:
            seen.setdefault(g.text, g.members)
        console.print(_simple("Country groups", ["as written", "members"],
                              [[k, ", ".join(v)] for k, v in seen.items()]))
    if a.dates or a.quantities:
        console.print(T(f"{len(a.dates)} dates, {len(a.quantities)} quantities "
                        f"(see --format json for every span)", "dim"))
    for title, pts in (("Findings", a.findings), ("Recommendations", a.recommendations)):
        if pts:
            lines = []
            for p in pts:
                lines.append(T(f"{p.n or '-'}. {p.text}"))
                lines += [T(f"    · {c.text}", "dim") for c in p.children]
            console.print(Panel(Group(*lines), title=T(title), title_align="left"))
    if a.footnotes or a.footnote_refs:
        have = {f.n for f in a.footnotes}
        ft = _simple(f"Footnotes ({len(a.footnote_refs)} markers, {len(a.footnotes)} bodies)",
                     ["n", "text"], [[str(f.n), f.text[:200]] for f in a.footnotes])
        console.print(ft)
        missing = [r.n for r in a.footnote_refs if r.n not in have]
        if missing:
            console.print(T(f"Markers without a body: {', '.join(map(str, missing))}", "yellow"))
    if a.citations:
        console.print(_simple("Citations", ["fn", "publisher", "title", "date", "url", "accessed"],
                              [[str(c.footnote), c.publisher or "", c.title or "", c.date or "", c.url or "",
                                c.accessed or ""] for c in a.citations]))
    for w in a.warnings:
        console.print(T(f"warning: {w}", "yellow"))
