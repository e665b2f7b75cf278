"""News and web pages: headline, deck lines and subheads as headings; page furniture
(menus, share buttons, bylines, photo captions and credits, date stamps, related-article
lists, copyright lines) as spans the extractors can skip.

A page is read block by block from the top. Until the first body paragraph (a block that
holds a sentence), blocks are furniture, metadata or title-like lines: the longest
title-like line is the headline (level 1), the title-like lines after it are deck lines
(level 2). After the body starts, a short title-like block standing between two body
paragraphs is a subhead (level 2), and a repeat of the headline is level 1 again. Headings
the outline already found are left as they are: a document with an outline of its own
(a brief's numbered sections) keeps its title as the document's title, not as a heading.
The patterns of furniture are data (extract/data/page_furniture.tsv).
"""
from __future__ import annotations

import functools
import re
from pathlib import Path

from ..model.structure import Block, Heading, Structure
from .patterns import section_label

FURNITURE = Path(__file__).resolve().parent.parent / "extract" / "data" / "page_furniture.tsv"
FIELD_MAX = 40             # characters: one field of a page's metadata list
MAX_TITLE = 150            # characters: a headline is one line
MIN_TITLE = 6
MAX_SUBHEAD = 70
MAX_CAPTION = 120          # a caption longer than this has run into the story
SECTION_NAME = 12
BODY_MIN = 60              # a block this long that ends a sentence is body text
TOP_BLOCKS = 40            # how far down the page a headline is looked for
# a sentence end: Korean final endings, or a full stop after a word (not "U.S." alone)
SENTENCE_END = re.compile(r"(?:[다요죠음함까][.!?]?|[a-z)\]”\"'’%\d][.!?][\"'”’)]?)\s*$")
BULLET = re.compile(r"^\s*[·•∙◦▪■□●○◆◇▶▷\-–]\s*")
CORPUS_DATE = re.compile(r"^\s*date\s+(?:19|20)\d{2}-\d{2}-\d{2}\b")
WORD = re.compile(r"[가-힣A-Za-z]{2,}")
BRACKETED = re.compile(r"^[<\[(【「『].*[>\])】」』]$")      # [Provisional translation], <speaker>
SECTION_WORD = re.compile(r"[가-힣]{2,8}")
QUOTES = re.compile(r"[‘’`´]")


@functools.lru_cache(maxsize=1)
def _furniture() -> tuple[tuple[str, re.Pattern], ...]:
    out = []
    for line in FURNITURE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, _, pat = line.partition("\t")
        out.append((kind.strip(), re.compile(pat.strip())))
    return tuple(out)


def furniture_kind(text: str) -> str | None:
    """The kind of furniture a short block is (menu, tools, related, copyright, caption,
    credit, byline, stamp, metadata), or None."""
    s = BULLET.sub("", text.strip())
    if not s or len(s) > 200:
        return None
    for kind, rx in _furniture():
        if rx.fullmatch(s) and (kind not in ("caption", "credit") or len(s) <= MAX_CAPTION):
            return kind
    return None


def _is_body(text: str) -> bool:
    s = text.strip()
    return len(s) >= BODY_MIN and bool(SENTENCE_END.search(s)) or len(s) > 2 * MAX_TITLE


def _title_like(text: str, limit: int = MAX_TITLE) -> bool:
    s = BULLET.sub("", text.strip())
    if not MIN_TITLE <= len(s) <= limit or "\n" in s or CORPUS_DATE.match(s) or BRACKETED.match(s):
        return False
    if SENTENCE_END.search(s) and not s.endswith("?"):
        return False
    return len(WORD.findall(s)) >= 2


def apply(st: Structure) -> None:
    """Add the page's headings and furniture to ``st`` (in place)."""
    body = st.body.text
    blocks = [b for b in st.blocks if b.kind in ("paragraph", "list_item", "heading")]
    outline = {h.start for h in st.headings}
    texts = [body[b.start:b.end] for b in blocks]
    kinds = [furniture_kind(t) for t in texts]
    for i in range(1, len(blocks)):
        # a field list ("• 보도일 …", "• 분류 …"): a short item after a metadata item is one too
        if not kinds[i] and kinds[i - 1] in ("metadata", "stamp") and blocks[i].kind == blocks[i - 1].kind \
                == "list_item" and len(texts[i].strip()) <= FIELD_MAX and not _is_body(texts[i]):
            kinds[i] = "metadata"
    # related-article lists: a furniture title, then short lines until the body resumes
    related = False
    for i, t in enumerate(texts):
        if kinds[i] == "related":
            related = True
        elif related and not kinds[i] and not _is_body(t) and len(t) <= MAX_TITLE:
            kinds[i] = "related"
        elif not kinds[i]:
            related = False
    for b, kind in zip(blocks, kinds):
        if kind:
            st.furniture.append(Block(kind, b.start, b.end))

    first_body = next((i for i, t in enumerate(texts[:TOP_BLOCKS]) if not kinds[i] and _is_body(t)), None)
    # A brief's own outline starts right under its title block, and the title stays the
    # document's title; an outline that starts only after body text (a statement's preamble,
    # a page's lead) sits under a title that is a heading like a headline.
    first_outline = next((i for i, b in enumerate(blocks) if b.start in outline), None)
    outlined = first_outline is not None
    under_title = outlined and first_body is not None and first_body < first_outline
    if outlined and not under_title:
        return
    top = first_body if first_body is not None else min(len(texts), TOP_BLOCKS)
    # the site's own name and section sit above its menu: the headline comes after the last menu
    after_menu = max((i + 1 for i in range(top) if kinds[i] == "menu"), default=0)
    cands = [i for i in range(after_menu, top) if not kinds[i] and blocks[i].start not in outline
             and _title_like(texts[i])]
    # a headline glued to the corpus's own date line cannot be told from the line; decks neither
    glued = bool(texts) and CORPUS_DATE.match(texts[0]) and not _is_body(texts[0])
    added: dict[int, int] = {}
    title = None
    if cands and not glued:
        # a section's name (보도자료, 현안분석) is shorter than the headline under it
        head = next((i for i in cands if len(texts[i].strip()) > SECTION_NAME), cands[0])
        title = _norm(texts[head])
        added = {head: 1}
        for i in range(head + 1, top):          # deck lines: the title-like lines right under it
            if kinds[i]:
                continue
            if i not in cands:
                break
            added[i] = 1 if _repeats(title, texts[i]) else 2
    for i in range(1, len(texts)):
        if i in added or kinds[i] or blocks[i].start in outline:
            continue
        t = texts[i]
        if title and i > min(added) and _repeats(title, t):
            added[i] = 1                        # the headline repeated above the body
        elif outlined:
            continue                            # the outline names the sections
        elif section_label(t):
            added[i] = 2                        # 초록, 목차, Abstract: a section whatever stands around it
        elif first_body is not None and first_body < i < len(texts) - 1 and _subhead(t) \
                and _is_body(texts[i + 1]) and _is_body(texts[i - 1]):
            added[i] = 2
    if not added:
        return
    if outlined:
        for h in st.headings:                   # the outline's levels go under the title
            h.level += 1
    for i, level in sorted(added.items()):
        b = blocks[i]
        text = BULLET.sub("", texts[i].strip())
        start = b.start + texts[i].find(text[:1]) if text else b.start
        role = "headline" if level == 1 else "subhead" if section_label(texts[i]) else \
            "deck" if i < (first_body if first_body is not None else top) else "subhead"
        st.headings.append(Heading(level=level, text=text, raw_offset=st.body.raw(start), start=start, role=role))
    st.headings.sort(key=lambda h: h.start)


def _repeats(title: str, text: str) -> bool:
    """The headline again (or its part after a series label), as PDFs print it over the body."""
    n = _norm(text)
    return bool(n) and (n == title or title.endswith(n) and len(n) >= 8)


def _subhead(text: str) -> bool:
    """A subhead between body paragraphs: title-like and short, or one Korean section word
    (들어가며, 결론)."""
    s = text.strip()
    return _title_like(s, MAX_SUBHEAD) or bool(SECTION_WORD.fullmatch(s))


def _norm(s: str) -> str:
    return QUOTES.sub("'", re.sub(r"\s+", "", BULLET.sub("", s)))
