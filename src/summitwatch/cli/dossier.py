"""``summitwatch dossier SUMMIT -o FILE.html|FILE.md``: a summit's dossier, from the corpus
database (``--db``) or from documents analysed in memory (``--from PATH``, repeatable: files,
folders, globs)."""
from __future__ import annotations

import glob
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from ..atomic import write_atomic


def _say(line: str) -> None:
    sys.stderr.write(" ".join(line.split()) + "\n")
    sys.stderr.flush()


def _files(specs: list[str]) -> list[Path]:
    out: list[Path] = []
    for spec in specs:
        p = Path(spec)
        if p.is_dir():
            out += sorted(q for q in p.rglob("*") if q.is_file() and not q.name.startswith("."))
        elif p.exists():
            out.append(p)
        else:
            hits = sorted(Path(x) for x in glob.glob(spec, recursive=True) if Path(x).is_file())
            if not hits:
                raise FileNotFoundError(spec)
            out += hits
    return list(dict.fromkeys(out))


def _from_files(specs: list[str]):
    from ..ingest.errors import InputError
    from ..track import build
    from ..track.load import from_path

    try:
        paths = _files(specs)
    except FileNotFoundError as e:
        _say(f"summitwatch: no such file or folder: {e}")
        raise typer.Exit(2)
    docs, failed = [], 0
    for p in paths:
        try:
            docs.append(from_path(p))
        except InputError as e:
            failed += 1
            _say(f"summitwatch: {e}")
        except Exception as e:  # noqa: BLE001 — one line per document, then stop before writing
            failed += 1
            _say(f"summitwatch: {p.name}: internal error while analysing: {type(e).__name__}: {e}")
    if failed:
        _say(f"summitwatch: {failed} of {len(paths)} documents could not be read; no dossier written")
        raise typer.Exit(1)
    return build(docs), {d.id: d for d in docs}


def _from_db(url: str | None):
    """The corpus's documents and reviews from the store; tracking is rebuilt from them (``build``
    is deterministic, so this is the tracking the store holds)."""
    try:
        from ..store import StoreError, open_store
    except ImportError:
        _say("summitwatch: the corpus store is not part of this installation; give the documents with --from PATH")
        raise typer.Exit(2)
    from ..track import build

    try:
        with open_store(url) as store:
            docs, reviews = store.track_docs(), store.reviews()
    except StoreError as e:
        _say(f"summitwatch: {e}")
        raise typer.Exit(1)
    return build(docs, reviews), {d.id: d for d in docs}


def _pick(tracking, key: str) -> str:
    """A summit by id, id prefix or date (YYYY-MM-DD)."""
    hits = [s for s in tracking.summits if s.id == key] or \
        [s for s in tracking.summits if s.id.startswith(key) or s.date == key]
    if len(hits) == 1:
        return hits[0].id
    known = "; ".join(f"{s.id} {s.label}" for s in tracking.summits[:10]) or "none"
    why = "no summit matches" if not hits else f"{len(hits)} summits match"
    _say(f"summitwatch: {why} {key!r}; summits: {known}")
    raise typer.Exit(1)


def dossier(
    summit: Annotated[str, typer.Argument(help="Summit id, id prefix or date (YYYY-MM-DD).", show_default=False)],
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="FILE.html or FILE.md "
                                                   "(standard output when omitted).")] = None,
    fmt: Annotated[Optional[str], typer.Option("--format", "-f", help="html or md (default: from the "
                                               "output's suffix, else md).")] = None,
    db: Annotated[Optional[str], typer.Option("--db", help="Corpus database URL (default: SUMMITWATCH_DB, "
                                              "else sqlite:///summitwatch.db).")] = None,
    sources: Annotated[Optional[list[str]], typer.Option("--from", help="Analyse these files, folders or globs "
                                                         "in memory instead of reading the database "
                                                         "(repeatable).")] = None,
) -> None:
    """Write a summit's dossier: who met, commitments with status and evidence, timeline, polls,
    recommendations and sources."""
    from ..report.dossier import render_dossier

    if fmt is None:
        suffix = output.suffix.lower() if output else ""
        fmt = "html" if suffix in (".html", ".htm") else "md"
    if fmt not in ("html", "md"):
        _say(f"summitwatch: unknown format {fmt!r}: use html or md")
        raise typer.Exit(2)
    if sources:
        tracking, docs = _from_files(sources)
    else:
        tracking, docs = _from_db(db)
    text = render_dossier(tracking, _pick(tracking, summit), docs, fmt)
    if output is None:
        sys.stdout.write(text)
        return
    try:
        write_atomic(output, text)
    except OSError as e:
        _say(f"summitwatch: cannot write {output}: {e.strerror or e}")
        raise typer.Exit(1)
