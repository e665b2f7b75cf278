"""Preparing an HTML page for main-text extraction, on its DOM (lxml, which trafilatura uses):

- ``<template>`` content is inert markup, never text: removed;
- footnotes linked from the text (``<a href="#fn1">`` to an element with that id, as in
  ``<section class="footnotes"><ol><li id="fn1">``) are taken out with their bodies, and each
  citation becomes a token that survives extraction (``⟦fn1⟧``);
- a block whose text repeats elsewhere gets a numbered token, so that the extractor's
  duplicate filters (which its options do not turn off) cannot drop the repetition;
- a table inside a table cell is taken out (the extractor would move it after its parent)
  and its place in the cell marked ``⟦tblK⟧``; ``nested_cell`` puts it back as a nested table.
Tokens are turned back by ``restore``.
"""
from __future__ import annotations

import re
from collections import Counter

_NUMBER = re.compile(r"^\s*[\[(]?\s*(\d{1,3})\s*[\])]?\s*$")
_NOTE_LEAD = re.compile(r"^\s*[\[(]?\d{1,3}[\])]?[.:)]?\s+")
_BACKREF = re.compile(r"^\s*(?:↩|↑|\^|back|돌아가기|[⤴︎↩︎]+)\s*$", re.I)
_TOKEN = re.compile(r"\s*⟦(fn)?(\d+)⟧")
_MAX_NOTE = 3000
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_BLOCKS = {"p", "li", "td", "th", "dd", "dt", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre",
           "figcaption", "caption"}


def _text(el) -> str:
    return " ".join("".join(el.itertext()).split())


def _replace(el, text: str) -> None:
    """Put ``text`` where ``el`` was, keeping what follows it."""
    parent = el.getparent()
    if parent is None:
        return
    tail = (el.tail or "")
    prev = el.getprevious()
    if prev is not None:
        prev.tail = (prev.tail or "") + text + tail
    else:
        parent.text = (parent.text or "") + text + tail
    parent.remove(el)


def _drop(el) -> None:
    _replace(el, "")


def _footnotes(root) -> dict[int, str]:
    """Take out footnotes cited by in-page links: {n: body}; citations become ⟦fnN⟧."""
    ids = {el.get("id"): el for el in root.iter() if isinstance(el.tag, str) and el.get("id")}
    order = {el: k for k, el in enumerate(root.iter())}
    cites = []
    for a in root.iter("a"):
        href = a.get("href") or ""
        if not href.startswith("#") or len(href) < 2:
            continue
        target = ids.get(href[1:])
        m = _NUMBER.match(_text(a))
        if target is None or not m or target.tag not in ("li", "p", "div", "aside", "dd", "span"):
            continue
        if any(anc is target for anc in a.iterancestors()):
            continue                                   # a link back from the note to the text
        if order.get(target, -1) < order.get(a, 0) or len(_text(target)) > _MAX_NOTE or \
                any(isinstance(x.tag, str) and x.tag in _HEADINGS for x in target.iter()):
            continue                                   # a note follows its citation and is no section
        cites.append((a, target, int(m.group(1))))
    if not cites:
        return {}
    notes: dict[int, str] = {}
    bodies: dict[int, object] = {}
    for a, target, n in cites:
        if id(target) not in bodies:
            bodies[id(target)] = target
            for back in [x for x in target.iter("a") if _BACKREF.match(_text(x)) or
                         (x.get("href") or "").startswith("#fnref")]:
                _drop(back)
            text = _text(target)
            lead = _NOTE_LEAD.match(text)
            # the note's own number written before its text ("1 …", "[1] …") is not its text
            body = text[lead.end():] if lead and text.split()[0].strip("[]().:") == str(n) else text
            notes.setdefault(n, body)
        sup = a.getparent()
        if sup is not None and sup.tag == "sup" and _text(sup) == _text(a):
            _replace(sup, f"⟦fn{n}⟧")
        else:
            _replace(a, f"⟦fn{n}⟧")
    for target in bodies.values():
        parent = target.getparent()
        _drop(target)
        while parent is not None and parent.getparent() is not None and not _text(parent):
            up = parent.getparent()
            _drop(parent)
            parent = up
    return {n: b for n, b in notes.items() if b}


def _tag_repeats(root) -> None:
    """A numbered token after every block whose text occurs more than once."""
    blocks = [el for el in root.iter(*_BLOCKS)
              if not any(isinstance(c.tag, str) and c.tag in _BLOCKS for c in el.iterdescendants())]
    texts = Counter(_text(el) for el in blocks)
    k = 0
    for el in blocks:
        if texts[_text(el)] > 1 and _text(el):
            k += 1
            if len(el):
                el[-1].tail = (el[-1].tail or "") + f"⟦{k}⟧"
            else:
                el.text = (el.text or "") + f"⟦{k}⟧"


_NEST = re.compile(r"⟦tbl(\d+)⟧")


def _nested_tables(root) -> dict[int, object]:
    """Tables inside table cells, innermost first, each replaced by a token: {K: TableSpec}."""
    from .canon import TableSpec

    found: dict[int, TableSpec] = {}
    inner = [t for t in root.iter("table") if any(a.tag in ("td", "th") for a in t.iterancestors())]
    for k, t in enumerate(reversed(inner), 1):          # document order reversed: innermost first
        rows, head = [], 0
        for tr in t.iter("tr"):                      # tables inside it are tokens already
            cells = [c for c in tr if isinstance(c.tag, str) and c.tag in ("td", "th")]
            if len(rows) == head and cells and all(c.tag == "th" for c in cells):
                head += 1
            rows.append([nested_cell(_text(c), found) for c in cells])
        found[k] = TableSpec(rows=rows, header_rows=head if head < len(rows) else 0)
        _replace(t, f" ⟦tbl{k}⟧ ")
    return found


def nested_cell(text: str, nested: dict[int, object]):
    """A cell's text, or its items (text and nested tables) where it holds ``⟦tblK⟧`` tokens."""
    if "⟦tbl" not in text:
        return text
    items: list = []
    pos = 0
    for m in _NEST.finditer(text):
        items.append(text[pos:m.start()])
        if int(m.group(1)) in nested:
            items.append(nested[int(m.group(1))])
        pos = m.end()
    items.append(text[pos:])
    return [x for x in items if not isinstance(x, str) or x.strip()]


def prepare(html: str) -> tuple[str, dict[int, str], dict[int, object]]:
    """The page ready for extraction, the footnotes taken out of it, and its nested tables."""
    import lxml.html

    try:
        root = lxml.html.document_fromstring(html)
    except Exception:              # lxml refuses some inputs (empty, only comments): leave as is
        return html, {}, {}
    for t in list(root.iter("template")):
        _drop(t)
    notes = _footnotes(root)
    nested = _nested_tables(root)
    _tag_repeats(root)
    return lxml.html.tostring(root, encoding="unicode"), notes, nested


def restore(text: str, marker) -> str:
    """Repeat tokens removed, footnote tokens turned into ``marker(n)``."""
    return _TOKEN.sub(lambda m: marker(int(m.group(2))) if m.group(1) else "", text)
