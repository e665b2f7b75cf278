"""Small checks shared by the per-format ingest tests."""
from __future__ import annotations

from brief import BRIEF, canonical_text, headings


def doc_headings(doc) -> list[tuple[int, str]]:
    out = []
    for off, level in sorted(doc.layout.headings.items()):
        out.append((level, doc.raw[off:doc.raw.index("\n", off)]))
    return out


def doc_footnotes(doc) -> list[str]:
    start = doc.layout.footnotes_start
    return [p.strip() for p in doc.raw[start:].split("\n\n") if p.strip()] if start is not None else []


def assert_reads_brief(doc, fmt: str, has_title: bool = True) -> None:
    assert doc.format == fmt
    assert doc.raw == canonical_text()
    assert doc.text.text == doc.raw            # the canonical text is already normal
    assert doc_headings(doc) == headings()
    assert doc_footnotes(doc) == [f"{n} {t}" for n, t in sorted(BRIEF.footnotes.items())]
    assert doc.meta.title == (BRIEF.title if has_title else None)
