"""Markdown rendering of an analysis.

Document text is data, never Markdown or HTML: every ASCII punctuation character of it is
backslash-escaped (CommonMark shows an escaped character as itself, and an escaped ``<`` or ``&``
cannot start a tag or an entity; separate escapes also keep GFM from autolinking a bare
``https://`` or ``www.``), line breaks become spaces, so no heading, list, image, raw HTML or link
can come from a document. The one exception is a citation's URL: an http(s) URL the document
cites becomes a link, percent-encoded so that it cannot leave its parentheses.
"""
from __future__ import annotations

import re
from urllib.parse import quote, urlsplit

from ..model.export import Analysis

# ASCII punctuation that Markdown, GFM or HTML give a meaning (, ; = ? % / ' " have none outside
# link syntax, which cannot start without an unescaped bracket)
_PUNCT = re.compile(r"([!#$&()*+\-.:<>@\[\\\]^_`{|}~])")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")   # and bidi overrides


def _esc(s: object) -> str:
    """Document text as inert Markdown on one line."""
    s = "" if s is None else str(s)
    s = _CONTROL.sub(" ", s)
    return _PUNCT.sub(r"\\\1", s)


def _table(header: list[str], rows: list[list[str]], raw_cols: tuple[int, ...] = ()) -> list[str]:
    """A GFM table; cells are escaped except the columns in ``raw_cols`` (already Markdown)."""
    out = ["| " + " | ".join(_esc(h) for h in header) + " |", "|" + "---|" * len(header)]
    out += ["| " + " | ".join(c if i in raw_cols else _esc(c) for i, c in enumerate(r)) + " |" for r in rows]
    return out + [""]


def link(url: str | None) -> str:
    """A cited URL as a Markdown link when it is a well-formed http(s) URL; otherwise as text."""
    if not url:
        return ""
    try:
        parts = urlsplit(url)
    except ValueError:
        return _esc(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc or _CONTROL.search(url) \
            or any(c.isspace() for c in url):
        return _esc(url)
    # parentheses, angle brackets, quotes and backslashes encoded: the target cannot end early
    target = quote(url, safe="/:?#[]@!$&'*+,;=%-._~")
    target = target.replace("(", "%28").replace(")", "%29").replace("'", "%27")
    return f"[{_esc(url)}]({target})"


def render(a: Analysis) -> str:
    d = a.document
    out = [f"# {_esc(d.title or d.source)}", "",
           f"- source: {_esc(d.source)} ({_esc(d.format)}{', ' + _esc(d.encoding) if d.encoding else ''})",
           f"- reference date: {_esc(d.reference_date or 'unknown')}", f"- document id: `{d.id[:16]}`", ""]
    if a.headings:
        out += ["## Outline", ""]
        out += [f"{'  ' * (min(h.level, 6) - 1)}- {_esc(h.text)}" for h in a.headings] + [""]
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
            names = [_esc(e.name + (f" ({e.iso})" if e.iso else "")) for e in a.entities if e.type == typ]
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
                      [[str(c.footnote), c.publisher or "", c.title or "", c.date or "", link(c.url),
                        c.accessed or ""] for c in a.citations], raw_cols=(4,))
    if a.warnings:
        out += ["## Warnings", ""] + [f"- {_esc(w)}" for w in a.warnings] + [""]
    return "\n".join(out).rstrip() + "\n"
