"""``summitwatch analyze FILE...``"""
from __future__ import annotations

import datetime as dt
import io
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console

from ..atomic import write_atomic
from ..ingest import load
from ..ingest.errors import InputError


class Format(str, Enum):
    rich = "rich"
    json = "json"
    jsonl = "jsonl"
    markdown = "markdown"


def _date(value: Optional[str]) -> Optional[dt.date]:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date of the form YYYY-MM-DD") from None


def analyze(
    files: Annotated[list[Path], typer.Argument(help="Documents to analyse: text (any Korean encoding), PDF, "
                                                     "HWPX/HWP, DOCX or HTML.", show_default=False)],
    fmt: Annotated[Format, typer.Option("--format", "-f", help="rich report, json (the analysis export), "
                                        "jsonl (one export per line) or markdown.")] = Format.rich,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write to this file (atomically) "
                                                   "instead of standard output.")] = None,
    reference_date: Annotated[Optional[str], typer.Option("--reference-date", help="When the documents were "
                                                          "written (YYYY-MM-DD); inferred when omitted.")] = None,
    structure_only: Annotated[bool, typer.Option("--structure-only", help="Recover structure only; skip "
                                                 "fact extraction.")] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks of internal errors.")] = False,
) -> None:
    """Analyse documents: structure (headings, tables, footnotes, citations) and facts
    (dates, money, polls, actors, commitments, events, findings, recommendations)."""
    from ..export import to_analysis
    from ..pipeline import Options, run

    ref = _date(reference_date)
    err = Console(stderr=True, highlight=False)
    results, failed = [], 0
    show_progress = len(files) > 1 and sys.stderr.isatty()
    if show_progress:
        from rich.progress import track
        it = track(files, description="Analysing", console=err, transient=True)
    else:
        it = files
    for path in it:
        try:
            doc = load(path)
            ctx = run(doc, Options(reference_date=ref, structure_only=structure_only))
            results.append(to_analysis(ctx))
            if ctx.reference_date is None and not structure_only:    # the clock is never used instead
                _say(f"summitwatch: {Path(path).name}: nothing dates this document; relative dates are left "
                     "unresolved (give --reference-date)")
        except InputError as e:
            failed += 1
            _say(f"summitwatch: {e}")
        except Exception as e:  # one bad file must not stop the others
            if debug:
                raise
            failed += 1
            _say(f"summitwatch: {Path(path).name}: internal error while analysing: {type(e).__name__}: {e}")
    if results:
        _emit(results, fmt, output, many=len(files) > 1)
    if failed:
        raise typer.Exit(1)


def _say(line: str) -> None:
    """One line on stderr, never wrapped (scripts and people both read it)."""
    sys.stderr.write(" ".join(line.split()) + "\n")
    sys.stderr.flush()


def _emit(results, fmt: Format, output: Optional[Path], many: bool) -> None:
    if fmt == Format.json:
        data = results[0].to_json() if not many else \
            "[" + ",\n".join(r.to_json(indent=None) for r in results) + "]"
        data += "\n"
    elif fmt == Format.jsonl:
        data = "".join(r.to_json(indent=None) + "\n" for r in results)
    elif fmt == Format.markdown:
        from ..report.markdown import render

        data = "\n\n---\n\n".join(render(r) for r in results)
    else:
        from ..report.console import render

        if output is None:
            con = Console()
            for r in results:
                render(r, con)
            return
        con = Console(record=True, width=120, file=io.StringIO())
        for r in results:
            render(r, con)
        data = con.export_text()
    if output is None:
        sys.stdout.write(data)
    else:
        try:
            write_atomic(output, data)
        except OSError as e:
            _say(f"summitwatch: cannot write {output}: {e.strerror or e}")
            raise typer.Exit(1)
