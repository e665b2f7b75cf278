"""Corpus commands: ``ingest``, ``reanalyze``, ``review``, ``summits``, ``commitments``, ``show``,
``polls``, ``search``. Every query is a ``Store`` method; this module only parses and prints."""
from __future__ import annotations

import json
import os
import sys
from contextlib import contextmanager
from enum import Enum
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.table import Table

from .analyze import _date
from .batch import say as _say


class Out(str, Enum):
    rich = "rich"
    json = "json"


class Engine(str, Enum):
    pool = "pool"
    ray = "ray"


DB = Annotated[Optional[str], typer.Option("--db", help="Database URL (sqlite:///file.db, "
               "postgresql+psycopg://user@host/db) or a SQLite file; default $SUMMITWATCH_DB, else "
               "./summitwatch.db.", show_default=False)]
FMT = Annotated[Out, typer.Option("--format", "-f", help="rich table or json.")]
PAGE = 50                   # a listing prints a page: its cost does not grow with the corpus
LIMIT = Annotated[int, typer.Option("--limit", "-n", min=1, help="Rows per page.")]
OFFSET = Annotated[int, typer.Option("--offset", min=0, help="Rows to skip (the next page: --offset 50).")]
VERDICTS = ("not_yet_rated", "in_the_works", "stalled", "kept", "compromise", "broken")


@contextmanager
def _store(db: Optional[str]):
    """The store, or one line on stderr and exit 1 when it cannot be opened or an id is unknown."""
    from ..store import NotFound, StoreError, open_store

    try:
        store = open_store(db)
    except StoreError as e:
        _say(f"summitwatch: {e}")
        raise typer.Exit(1)
    from sqlalchemy.exc import SQLAlchemyError

    try:
        yield store
    except NotFound as e:
        _say(f"summitwatch: {e}")
        raise typer.Exit(1)
    except SQLAlchemyError as e:   # the database went away, or its disk is full: one line, no traceback
        _say(f"summitwatch: database error: {' '.join(str(getattr(e, 'orig', None) or e).split())[:300]}")
        raise typer.Exit(1)
    finally:
        store.close()


def _json(data, exclude: set | None = None) -> None:
    if isinstance(data, list):
        sys.stdout.write(json.dumps([d.model_dump(mode="json", exclude=exclude) for d in data], ensure_ascii=False,
                                    indent=1) + "\n")
    else:
        sys.stdout.write(data.model_dump_json(indent=1) + "\n")


def _json_rows(rows, exclude: set | None = None) -> None:
    """A JSON array written row by row (a long page is not built as one string first)."""
    out = sys.stdout
    out.write("[")
    for i, r in enumerate(rows):
        out.write(("," if i else "") + "\n" + json.dumps(r.model_dump(mode="json", exclude=exclude),
                                                          ensure_ascii=False))
    out.write("\n]\n" if rows else "]\n")


def _page_note(shown: int, offset: int, total: int) -> None:
    """Which rows a page shows, and how to get the next (on stderr: stdout stays the table)."""
    if total > offset + shown:
        _say(f"summitwatch: rows {offset + 1}-{offset + shown} of {total}; the next page: --offset {offset + shown}")


def _table(title: str, columns: list[str], rows: list[list]) -> None:
    t = Table(title=title, title_justify="left")
    for i, c in enumerate(columns):         # the last column (text, snippet) keeps room to be read
        t.add_column(c, overflow="fold", min_width=24 if i == len(columns) - 1 else None)
    for r in rows:
        t.add_row(*["" if x is None else str(x) for x in r])
    Console().print(t)


def _track(store) -> bool:
    """Rebuild tracking; False (after one line on stderr) when it failed."""
    from ..store.corpus import rebuild_tracking

    try:
        note = rebuild_tracking(store)
    except Exception as e:  # tracking must not lose what ingest stored
        _say(f"summitwatch: tracking failed ({type(e).__name__}: {e}); the documents are stored, "
             "the previous summits and commitments are kept")
        return False
    if note:
        _say(f"summitwatch: note: {note}")
    return True


def _run_with_progress(label: str, fn, **kw):
    """Run an ingest-like function with a rich progress bar on a terminal."""
    if not sys.stderr.isatty():
        return fn(**kw)
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    with Progress(TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                  TextColumn("{task.fields[name]}"), console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(label, total=None, name="")
        return fn(on_total=lambda n: bar.update(task, total=n),
                  progress=lambda o: bar.update(task, advance=1, name=os.path.basename(o.path)), **kw)


def _report(summary, what: str, fmt: Out, tracked: bool) -> None:
    if fmt == Out.json:
        sys.stdout.write(json.dumps({"outcomes": [o.__dict__ for o in summary.outcomes],
                                     "tracking": summary.tracking}, ensure_ascii=False, indent=1) + "\n")
    else:
        new, unchanged, failed = summary.count(what), summary.count("unchanged"), len(summary.failed)
        if not summary.outcomes and what == "reanalysed":
            print("nothing to re-analyse: every document was analysed by this version (--all for every one)")
        elif not new and not failed and unchanged:
            print(f"nothing new: {unchanged} document{'s' * (unchanged != 1)} already in the store")
        else:
            print(f"{new} {what}, {unchanged} unchanged, {failed} failed")
    for o in summary.failed:
        _say(f"summitwatch: {o.reason}")
    if summary.failed or not tracked:
        raise typer.Exit(1)


def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, folders or globs.", show_default=False)],
    db: DB = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="Worker processes.")] = 1,
    engine: Annotated[Engine, typer.Option("--engine", help="pool (processes here) or ray.")] = Engine.pool,
    ray_address: Annotated[Optional[str], typer.Option("--ray-address", help="A Ray cluster to run on; "
                                                       "a local Ray instance when omitted.")] = None,
    reference_date: Annotated[Optional[str], typer.Option("--reference-date", help="When the documents "
                                                          "were written (YYYY-MM-DD); inferred when omitted.")] = None,
    fmt: FMT = Out.rich,
) -> None:
    """Add documents to the corpus (idempotent: the same bytes are stored once), then update
    summits, commitments and polls."""
    from ..store.corpus import ingest as run_ingest

    ref = _date(reference_date)
    options = {"reference_date": ref.isoformat()} if ref else {}
    with _store(db) as store:
        summary = _run_with_progress("Ingesting", run_ingest, store=store, paths=paths, jobs=jobs,
                                     engine=engine.value, ray_address=ray_address, options=options)
        tracked = _track(store) if summary.count("new") else True
        _report(summary, "new", fmt, tracked)


def reanalyze(
    db: DB = None,
    all_: Annotated[bool, typer.Option("--all", help="Every document, not only those an older "
                                       "pipeline or knowledge base analysed.")] = False,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="Worker processes.")] = 1,
    engine: Annotated[Engine, typer.Option("--engine", help="pool or ray.")] = Engine.pool,
    ray_address: Annotated[Optional[str], typer.Option("--ray-address")] = None,
    fmt: FMT = Out.rich,
) -> None:
    """Analyse stored documents again with this version of summitwatch; reviews are kept."""
    from ..store.corpus import reanalyze as run_reanalyze

    with _store(db) as store:
        summary = _run_with_progress("Re-analysing", run_reanalyze, store=store, all_=all_, jobs=jobs,
                                     engine=engine.value, ray_address=ray_address)
        tracked = _track(store) if summary.count("reanalysed") else True
        _report(summary, "reanalysed", fmt, tracked)


def review(
    commitment: Annotated[str, typer.Argument(help="Commitment id (or a unique prefix).", show_default=False)],
    status: Annotated[str, typer.Option("--status", help="kept, compromise, in_the_works, stalled, broken "
                                        "or not_yet_rated.", show_default=False)],
    why: Annotated[str, typer.Option("--why", help="The reason, in a sentence.", show_default=False)],
    evidence: Annotated[Optional[str], typer.Option("--evidence", help="DOC:START-END, a span of a stored "
                                                    "document (raw offsets).")] = None,
    by: Annotated[Optional[str], typer.Option("--by", help="Who reviews; default $USER.")] = None,
    db: DB = None,
    fmt: FMT = Out.rich,
) -> None:
    """Record an analyst's status for a commitment. Nothing is overwritten: reviews are history."""
    verdict = status.strip().lower().replace("-", "_").replace(" ", "_")
    if verdict not in VERDICTS:
        raise typer.BadParameter(f"{status!r} is not one of {', '.join(VERDICTS)}", param_hint="--status")
    if not why.strip():
        raise typer.BadParameter("say why", param_hint="--why")
    span = _span(evidence)
    with _store(db) as store:
        full = store.commitment(commitment).commitment.id
        ev = store.quote(*span) if span else None
        rec = store.add_review(full, verdict, why.strip(), by or os.environ.get("USER"), ev)
        tracked = _track(store)
        if fmt == Out.json:
            _json(rec)
        else:
            print(f"review {rec.id} recorded: {full[:16]} is {verdict}" + (f" (by {rec.by})" if rec.by else ""))
        if not tracked:
            raise typer.Exit(1)


def _span(value: Optional[str]):
    if not value:
        return None
    doc, _, rng = value.rpartition(":")
    a, _, z = rng.partition("-")
    if not (doc and a.isdigit() and z.isdigit() and int(a) < int(z)):
        raise typer.BadParameter(f"{value!r} is not DOC:START-END (e.g. 1c97519592:120-164)", param_hint="--evidence")
    return doc, int(a), int(z)


def summits(db: DB = None, party: Annotated[Optional[str], typer.Option("--party", help="ISO code.")] = None,
            limit: LIMIT = PAGE, offset: OFFSET = 0, fmt: FMT = Out.rich) -> None:
    """Summits in the corpus, newest first, a page at a time."""
    with _store(db) as store:
        rows = store.summits(party=party, limit=limit, offset=offset)
        total = store.summits_total(party=party) if len(rows) == limit or offset else len(rows)
    if fmt == Out.json:                     # a listing: the quoted spans are in `show ID`
        _json_rows(rows, exclude={"spans"})
    else:
        _table(f"{total} summits", ["id", "date", "end", "place", "forum", "parties", "documents"],
               [[r.id[:12], r.date, r.end, r.place, r.forum, " ".join(r.parties), len(r.documents)] for r in rows])
    _page_note(len(rows), offset, total)


def commitments(db: DB = None, summit: Annotated[Optional[str], typer.Option("--summit")] = None,
                party: Annotated[Optional[str], typer.Option("--party", help="ISO code.")] = None,
                status: Annotated[Optional[str], typer.Option("--status", help="A verdict word or a score "
                                                              "(+1, 0, -1).")] = None,
                limit: LIMIT = PAGE, offset: OFFSET = 0, fmt: FMT = Out.rich) -> None:
    """Commitments, with their current status, a page at a time."""
    with _store(db) as store:
        rows = store.commitments(summit=summit, party=party, status=status, limit=limit, offset=offset)
        total = store.commitments_total(summit=summit, party=party, status=status) \
            if len(rows) == limit or offset else len(rows)
    if fmt == Out.json:
        _json_rows(rows)
    else:
        _table(f"{total} commitments", ["id", "summit", "actors", "domain", "status", "m/e", "text"],
               [[r.id[:10], (r.summit or "")[:10], " ".join(r.actors), r.domain,
                 r.verdict + ("" if r.score is None else f" ({r.score:+d})"), f"{r.mentions}/{r.evidence}", r.text]
                for r in rows])
    _page_note(len(rows), offset, total)


def show(some_id: Annotated[str, typer.Argument(metavar="ID", help="A summit or commitment id (or a unique "
                                                "prefix).", show_default=False)],
         db: DB = None, fmt: FMT = Out.rich) -> None:
    """A summit with its commitments, or a commitment with its lineage, evidence, history and reviews."""
    with _store(db) as store:
        detail = store.summit(some_id) if store.kind_of(some_id) == "summit" else store.commitment(some_id)
    if fmt == Out.json:
        return _json(detail)
    from .corpus_show import print_detail

    print_detail(detail)


def polls(db: DB = None, fmt: FMT = Out.rich) -> None:
    """Poll series (the same poll reported by several outlets counts once)."""
    with _store(db) as store:
        series = store.polls()
    if fmt == Out.json:
        return _json(series)
    rows = [[s.pollster, s.question, p.field_start, p.field_end,
             ", ".join(f"{k} {v:g}" for k, v in p.results.items()), p.sample_size, len(p.documents)]
            for s in series for p in s.points]
    _table(f"{len(series)} poll series", ["pollster", "question", "from", "to", "results", "n", "outlets"], rows)


def search(query: Annotated[str, typer.Argument(help="Words; their morphemes are searched (투자 finds 투자를).",
                                                show_default=False)],
           db: DB = None, limit: Annotated[int, typer.Option("--limit", "-n", min=1)] = 20,
           fmt: FMT = Out.rich) -> None:
    """Search the corpus: sentences holding every morpheme of the query, best first."""
    with _store(db) as store:
        hits = store.search(query, limit=limit)
    if fmt == Out.json:
        return _json(hits)
    _table(f"{len(hits)} results for {query}", ["rank", "document", "start-end", "snippet"],
           [[f"{h.rank:.3f}", f"{h.document[:12]} {h.title or ''}", f"{h.start}-{h.end}", h.snippet] for h in hits])


def register(app: typer.Typer) -> None:
    for name, fn in (("ingest", ingest), ("reanalyze", reanalyze), ("review", review), ("summits", summits),
                     ("commitments", commitments), ("show", show), ("polls", polls), ("search", search)):
        app.command(name)(fn)
