"""HTML -> canonical text: the main text of a news page or a brief without navigation and
boilerplate (trafilatura), title, date and author as metadata; the standard library's parser
when trafilatura finds nothing."""
from __future__ import annotations

import re
from html.parser import HTMLParser
from xml.etree import ElementTree as ET

from ..model.document import DocMeta, Document
from .canon import Canon, marker, one_line
from .decode import decode_bytes
from .errors import InputError
from .html_dom import nested_cell, prepare, restore
from .limits import MAX_TEXT_CHARS

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_\-]+)""", re.I)
_NOTE = re.compile(r"^(\d{1,3})[.)]?\s+(\S.*)$", re.S)
_AUTHOR = re.compile(r"""<meta\s+(?:name|property)\s*=\s*["'](?:author|article:author|dc\.creator)["']\s+"""
                     r"""content\s*=\s*["']([^"'<>]{1,100})["']""", re.I)
_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})")


def _decode(data: bytes) -> str:
    m = _CHARSET.search(data[:4096])
    if m:
        enc = m.group(1).decode("ascii").lower()
        enc = "cp949" if enc in ("euc-kr", "ks_c_5601-1987", "ksc5601") else enc
        try:
            return data.decode(enc)
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_bytes(data)[0]


def _split_notes(blocks: list[tuple]) -> tuple[list[tuple], list[tuple[int, str]]]:
    """Trailing paragraphs numbered 1, 2, 3 ... are the page's footnotes."""
    k = len(blocks)
    while k > 0 and blocks[k - 1][0] == "p" and _NOTE.match(blocks[k - 1][1]):
        k -= 1
    tail = [_NOTE.match(b[1]) for b in blocks[k:]]
    nums = [int(m.group(1)) for m in tail]
    while nums and nums[0] != 1:                         # the run must start at 1
        nums.pop(0)
        tail.pop(0)
        k += 1
    if not nums or nums != list(range(1, len(nums) + 1)):
        return blocks, []
    return blocks[:k], [(int(m.group(1)), m.group(2)) for m in tail]


def _title_and_levels(blocks: list[tuple], meta: DocMeta) -> list[tuple]:
    """A single h1 that opens the article is its title, not a heading; the heading tags used
    below it are ranked into levels 1, 2, ..."""
    h1 = [b for b in blocks if b[0] == "h" and b[1] == 1]
    if blocks and blocks[0][0] == "h" and blocks[0][1] == 1 and len(h1) == 1:
        blocks = [("title", blocks[0][2])] + blocks[1:]
        meta.title = meta.title or blocks[0][1]
    used = sorted({b[1] for b in blocks if b[0] == "h"})
    rank = {lv: i + 1 for i, lv in enumerate(used)}
    return [("h", rank[b[1]], b[2]) if b[0] == "h" else b for b in blocks]


_BREAKS = {"item", "p", "lb", "list", "row", "cell", "head", "quote"}


def _cell_text(el: ET.Element) -> str:
    """The text of an element, with a space where a list item, line or paragraph ends."""
    out: list[str] = []

    def walk(e: ET.Element) -> None:
        out.append(e.text or "")
        for c in e:
            brk = c.tag in _BREAKS
            out.append(" " if brk else "")
            walk(c)
            out.append(" " if brk else "")
            out.append(c.tail or "")
    walk(el)
    return one_line("".join(out))


def _extract(text: str, **precision) -> ET.Element | None:
    import trafilatura

    xml = trafilatura.extract(text, output_format="xml", with_metadata=True, include_tables=True,
                              include_images=True, include_comments=False, deduplicate=False, **precision)
    if not xml:
        return None
    try:
        return ET.fromstring(xml)
    except ET.ParseError:
        return None


def _blocks(root: ET.Element) -> list[tuple]:
    blocks: list[tuple] = []
    main = root.find("main")
    for el in (main if main is not None else root):
        tag = el.tag
        if tag == "head":
            level = int(el.get("rend", "h2")[1:] or 2) if re.match(r"^h\d$", el.get("rend", "")) else 2
            blocks.append(("h", level, _cell_text(el)))
        elif tag in ("p", "quote", "code"):
            blocks.append(("p", _cell_text(el)))
        elif tag == "list":
            blocks += [("li", "- " + _cell_text(it)) for it in el if it.tag == "item"]
        elif tag == "table":
            rows = [[c for c in row if c.tag == "cell"] for row in el.iter("row")]
            head = 0
            while head < len(rows) - 1 and rows[head] and all(c.get("role") == "head" for c in rows[head]):
                head += 1
            blocks.append(("t", [[_cell_text(c) for c in r] for r in rows], head))
    # images of the main text (anywhere in it): counted, not read
    blocks += [("img",) for _ in (main if main is not None else root).iter("graphic")]
    return blocks


_P_TAG = re.compile(r"<p[\s>]", re.I)


def _paragraphs(blocks: list[tuple]) -> int:
    return sum(b[0] != "img" for b in blocks)


def _from_trafilatura(text: str) -> tuple[list[tuple], DocMeta] | None:
    root = _extract(text, favor_recall=True)
    if root is None:
        return None
    blocks = _blocks(root)
    # On a short page trafilatura may fall back to the article's whole text as one paragraph
    # (headline, byline, body and related links run together); its precise mode keeps the
    # page's paragraphs, and is taken when it finds more of them.
    if _paragraphs(blocks) <= 1 and len(_P_TAG.findall(text)) >= 2:
        precise = _extract(text, favor_precision=True)
        if precise is not None and _paragraphs(_blocks(precise)) > _paragraphs(blocks):
            blocks = _blocks(precise)
    meta = DocMeta(title=root.get("title") or None, author=root.get("author") or None)
    m = _DATE.match(root.get("date") or "")
    meta.date = m.group(1) if m else None
    return blocks, meta


_H1 = re.compile(r"<h1\b[^>]*>(.*?)</h1\s*>", re.I | re.S)
_TAG = re.compile(r"<[^>]+>")


def _with_headline(blocks: list[tuple], page: str, title: str | None) -> list[tuple]:
    """The page's headline (an h1 whose text is the page's title) first, when the extractor
    kept it only as metadata: a news story's headline is part of its text."""
    if not title:
        return blocks
    import html as html_lib

    key = one_line(title)
    shown = any(one_line(html_lib.unescape(_TAG.sub(" ", m.group(1)))) == key for m in _H1.finditer(page))
    opening = [one_line(b[-1]) for b in blocks if b[0] in ("h", "p", "title")][:3]
    if not shown or any(t.startswith(key) for t in opening):
        return blocks
    return [("h", 1, key)] + blocks


class _Fallback(HTMLParser):
    """Block-level text of the page, without scripts, navigation, headers and footers."""

    SKIP = {"script", "style", "nav", "header", "footer", "aside", "noscript", "form", "template", "svg"}
    BLOCK = {"p", "div", "li", "tr", "br", "section", "article", "main", "blockquote", "table", "ul", "ol",
             "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "dd", "dt"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple] = []
        self.buf: list[str] = []
        self.skip = 0
        self.heading: int | None = None
        self.title: list[str] = []
        self.in_title = False

    def flush(self) -> None:
        text = one_line("".join(self.buf))
        self.buf = []
        if text:
            self.blocks.append(("h", self.heading, text) if self.heading else ("p", text))

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self.skip += 1
        elif tag == "title":
            self.in_title = True
        elif tag in self.BLOCK:
            self.flush()
            if re.match(r"^h[1-6]$", tag):
                self.heading = int(tag[1])

    def handle_endtag(self, tag):
        if tag in self.SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag == "title":
            self.in_title = False
        elif tag in self.BLOCK:
            self.flush()
            if re.match(r"^h[1-6]$", tag):
                self.heading = None

    def handle_data(self, data):
        if self.in_title:
            self.title.append(data)
        elif not self.skip:
            self.buf.append(data)


def _restored(b: tuple) -> tuple:
    """A block with the tokens of ``html_dom.prepare`` turned back (citations as their number;
    in a table as a marker, so that the table's notes are written after it)."""
    if b[0] == "t":
        return ("t", [[restore(c, marker) for c in r] for r in b[1]], *b[2:])
    return (*b[:-1], restore(b[-1], str))


def load_html(data: bytes, *, doc_id: str, source: str) -> Document:
    text = _decode(data)
    if len(text) > MAX_TEXT_CHARS * 4:
        raise InputError(f"the HTML page is {len(text):,} characters long; too large to be one document")
    page, linked, nested = prepare(text)
    got = _from_trafilatura(page)
    if got is None or not any(b[0] not in ("h", "img") for b in got[0]):
        parser = _Fallback()
        try:
            parser.feed(page)
            parser.close()
        except Exception as e:  # html.parser is lenient; this is for the unexpected
            raise InputError(f"the HTML page cannot be parsed ({e})") from None
        parser.flush()
        got = parser.blocks, DocMeta(title=one_line("".join(parser.title)) or None)
    blocks, meta = got
    blocks = _with_headline(blocks, page, meta.title)
    if not meta.author:            # trafilatura drops one-word names, and Korean names are one word
        m = _AUTHOR.search(text[:200_000])
        meta.author = one_line(m.group(1)) if m else None
    if not blocks:
        raise InputError("the HTML page holds no text")
    images = sum(b[0] == "img" for b in blocks)
    blocks = [_restored(b) for b in blocks if b[0] != "img"]
    if linked:
        notes = sorted(linked.items())
    else:
        blocks, notes = _split_notes(blocks)
    blocks = _title_and_levels(blocks, meta)
    canon = Canon()
    canon.native = True
    # a page may cite notes without links (typed superscripts): its markers are found in the
    # text, where a number is a marker only with its note or continuing the linked ones
    canon.places_markers = False
    if images:
        canon.skipped["image(s)"] += images
    for n, body in notes:          # known before the body: a table citing one places it
        canon.footnote(n, body)
    for b in blocks:
        if b[0] == "title":
            canon.paragraph(b[1])
        elif b[0] == "h":
            canon.heading(b[2], b[1])
        elif b[0] == "p":
            canon.paragraph(b[1])
        elif b[0] == "li":
            canon.list_item(b[1], 1)
        else:
            rows = [[nested_cell(c, nested) for c in r] for r in b[1]]
            canon.table(rows, header_rows=b[2] if len(b) > 2 else 0)
    return canon.document(doc_id=doc_id, source=source, fmt="html", meta=meta)
