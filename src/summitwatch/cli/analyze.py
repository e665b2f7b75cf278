"""``summitwatch analyze FILE...``"""
from __future__ import annotations

import datetime as dt
import io
import os
import sys
from enum import Enum
from typing import Annotated, Optional

import typer

from ..atomic import AtomicWriter, OutputError, Terminated, check_output
from ..ingest import load
from ..ingest.errors import InputError, display_path
from .batch import BATCH_SCHEMA, Failure, rich_chunk, say, source_names


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


# Paths are plain strings: the framework's own path checks (exists, readable) would abort the
# whole batch with a usage message for one bad file; each input is checked when its turn comes.
def analyze(
    files: Annotated[list[str], typer.Argument(help="Documents to analyse: text (any Korean encoding), PDF, "
                                                    "HWPX/HWP, DOCX or HTML.", show_default=False)],
    fmt: Annotated[Format, typer.Option("--format", "-f", help="rich report, json (the analysis export), "
                                        "jsonl (one export per line) or markdown.")] = Format.rich,
    output: Annotated[Optional[str], typer.Option("--output", "-o", help="Write to this file (atomically) "
                                                  "instead of standard output.")] = None,
    reference_date: Annotated[Optional[str], typer.Option("--reference-date", help="When the documents were "
                                                          "written (YYYY-MM-DD); inferred when omitted.")] = None,
    structure_only: Annotated[bool, typer.Option("--structure-only", help="Recover structure only; skip "
                                                 "fact extraction.")] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks of internal errors.")] = False,
) -> None:
    """Analyse documents: structure (headings, tables, footnotes, citations) and facts
    (dates, money, polls, actors, commitments, events, findings, recommendations)."""
    ref = _date(reference_date)
    inputs = _input_ids(files)
    if output is not None:
        try:
            check_output(output, inputs)       # refused before any analysis, and checked again when written
        except OutputError as e:
            say(f"summitwatch: {display_path(output)}: {e}")
            raise typer.Exit(1)
    try:
        ok = _run(files, fmt, output, ref, structure_only, debug, inputs)
    except Terminated as t:
        raise typer.Exit(128 + t.signum)
    if not ok:
        raise typer.Exit(1)


def _input_ids(files: list[str]) -> set[tuple[int, int]]:
    ids = set()
    for f in files:
        try:
            st = os.stat(f)
        except (OSError, ValueError):
            continue
        ids.add((st.st_dev, st.st_ino))
    return ids


def _analyse(path: str, source: str, ref, structure_only: bool):
    from ..export import to_analysis
    from ..pipeline import Options, run

    doc = load(path, source=source, label=display_path(path))
    return to_analysis(run(doc, Options(reference_date=ref, structure_only=structure_only)))


class _Stream:
    """Where each document goes as soon as it is done (standard output, or the temporary file of
    an AtomicWriter committed at the end): a batch is never held in memory as a whole."""

    def __init__(self, fmt: Format, many: bool, writer: AtomicWriter | None):
        self.fmt, self.many, self.writer = fmt, many, writer
        self.documents = 0
        self.written = False

    def _put(self, text: str) -> None:
        self.written = True
        if self.writer is None:
            _out(text)
        else:
            self.writer.write(text)

    def document(self, piece: str) -> None:
        if self.fmt == Format.json and self.many:
            self._put((_BATCH_HEAD if not self.documents else ",\n") + piece)
        elif self.fmt in (Format.json, Format.jsonl):
            self._put(piece + "\n")
        elif self.fmt == Format.markdown:
            self._put(("\n\n---\n\n" if self.documents else "") + piece)
        else:
            self._put(piece)
        self.documents += 1

    def failure(self, f: Failure) -> None:
        if self.fmt == Format.jsonl and self.many:        # a lone input that fails writes nothing
            self._put(f.to_json() + "\n")

    def finish(self, failures: list[Failure]) -> None:
        if self.fmt == Format.json and self.many:
            head = "" if self.documents else _BATCH_HEAD
            self._put(head + '\n],\n"failed": [\n' + ",\n".join(f.to_json() for f in failures) + "\n]}\n")


_BATCH_HEAD = f'{{"schema": "{BATCH_SCHEMA}",\n"documents": [\n'


def _run(files, fmt: Format, output, ref, structure_only: bool, debug: bool, inputs) -> bool:
    """Analyse every input in turn (one bad file never stops the others), render each apart and
    pass it on at once; an output file appears whole at the end. Returns whether every input
    succeeded."""
    writer = AtomicWriter(output, inputs) if output is not None else None
    try:
        if writer is None:
            return _batch(files, fmt, output, ref, structure_only, debug, None)
        with writer:
            ok = _batch(files, fmt, output, ref, structure_only, debug, writer)
            if ok is None:                  # nothing to write: the target keeps what it had
                writer.abort()
            return bool(ok)
    except OSError as e:                    # OutputError included
        what = str(e) if isinstance(e, OutputError) else f"cannot be written ({e.strerror or e})"
        say(f"summitwatch: {display_path(output)}: {what}")
        return False


def _batch(files, fmt: Format, output, ref, structure_only: bool, debug: bool, writer) -> bool | None:
    """The loop of _run; None when there was nothing to write at all."""
    from rich.console import Console

    sources = source_names(files)
    many = len(files) > 1
    err = Console(stderr=True, highlight=False, markup=False)
    # rich to a file is plain text 120 columns wide; to a terminal, in its width and colours
    stdout_con = Console(highlight=False, markup=False) if output is None else \
        Console(file=io.StringIO(), width=120, color_system=None, force_terminal=False)
    stream = _Stream(fmt, many, writer)
    failures: list[Failure] = []
    items = list(zip(files, sources))
    if many and sys.stderr.isatty():
        from rich.progress import track
        items = track(items, description="Analysing", console=err, transient=True)
    for path, source in items:
        try:
            analysis = _analyse(path, source, ref, structure_only)
            if analysis.document.reference_date is None and not structure_only:   # never the clock instead
                say(f"summitwatch: {display_path(path)}: nothing dates this document; relative dates are left "
                    "unresolved (give --reference-date)")
            if fmt == Format.json:
                piece = analysis.to_json(indent=None if many else 1)
            elif fmt == Format.jsonl:
                piece = analysis.to_json(indent=None)
            elif fmt == Format.markdown:
                from ..report.markdown import render
                piece = render(analysis)
            else:
                piece = rich_chunk(analysis, stdout_con)
            del analysis
        except InputError as e:
            failures.append(Failure(path, source, _reason(e, path)))
            say(f"summitwatch: {e}")
            stream.failure(failures[-1])
            continue
        except Exception as e:  # one bad file must not stop the others
            if debug:
                raise
            failures.append(Failure(path, source, f"internal error: {type(e).__name__}: {e}", "internal"))
            say(f"summitwatch: {display_path(path)}: internal error while analysing: {type(e).__name__}: {e}")
            stream.failure(failures[-1])
            continue
        stream.document(piece)
    stream.finish(failures)
    if not stream.written:
        return None
    return not failures


def _out(data: str) -> None:
    """Write to standard output; a reader that went away (``| head``) ends the run quietly."""
    try:
        sys.stdout.write(data)
        sys.stdout.flush()
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())        # no second error when Python flushes at exit
        raise typer.Exit(141) from None


def _reason(e: InputError, path: str) -> str:
    """The reason of an InputError without the path it starts with."""
    msg, prefix = str(e), display_path(path) + ": "
    return msg[len(prefix):] if msg.startswith(prefix) else msg
