"""``summitwatch show``: a summit or a commitment on the terminal, every span quoted."""
from __future__ import annotations

from rich.console import Console
from rich.table import Table

from ..store.views import CommitmentDetail, SummitDetail


def _tab(title: str, columns: list[str], rows: list[list]) -> Table:
    t = Table(title=title, title_justify="left")
    for c in columns:
        t.add_column(c, overflow="fold")
    for r in rows:
        t.add_row(*["" if x is None else str(x) for x in r])
    return t


def _where(span) -> str:
    return f"{span.document[:12]}:{span.start}-{span.end}" + (f" p.{span.page}" if span.page else "")


def print_detail(detail, console: Console | None = None) -> None:
    con = console or Console()
    if isinstance(detail, SummitDetail):
        s = detail.summit
        con.print(f"[bold]{s.label or s.id}[/bold]\nid {s.id}\ndate {s.date}" + (f" – {s.end}" if s.end else "")
                  + f"\nplace {s.place or '-'} · forum {s.forum or '-'} · parties {' '.join(s.parties)}")
        con.print(_tab("mentions", ["where", "quote"], [[_where(sp), sp.quote] for sp in s.spans]))
        con.print(_tab("documents", ["id"], [[d] for d in s.documents]))
        con.print(_tab(f"{len(detail.commitments)} commitments", ["id", "domain", "verdict", "score", "text"],
                       [[c.id[:12], c.domain, c.verdict, c.score, c.text] for c in detail.commitments]))
        if detail.scores:
            con.print(_tab("scores", ["party", "score", "rated", "total"],
                           [[x.party, x.score, x.rated, x.total] for x in detail.scores]))
        return
    assert isinstance(detail, CommitmentDetail)
    c = detail.commitment
    summit = (detail.summit.label or detail.summit.id) if detail.summit else "-"
    con.print(f"[bold]{c.text}[/bold]\nid {c.id}\nsummit {summit}"
              f"\nactors {' '.join(c.actors)} · domain {c.domain} · status {c.verdict} (score {c.score})")
    con.print(_tab("lineage", ["date", "where", "changes", "quote"],
                   [[m.date, _where(m.span), ", ".join(m.changes), m.span.quote] for m in c.mentions]))
    con.print(_tab("evidence", ["date", "relation", "degree", "party", "where", "quote"],
                   [[e.date, e.relation, e.degree, e.party, _where(e.span), e.span.quote] for e in c.evidence]))
    con.print(_tab("status history", ["date", "verdict", "score", "source", "ref"],
                   [[h.date, h.verdict, h.score, h.source, h.ref] for h in c.history]))
    con.print(_tab("reviews", ["at", "by", "verdict", "why", "evidence"],
                   [[r.at, r.by, r.verdict, r.why, f"{_where(r.evidence)} {r.evidence.quote}" if r.evidence else ""]
                    for r in detail.reviews]))
