"""Morpheme search: SQLite FTS5 (bm25) or PostgreSQL full text ('simple' tsvector, ts_rank) over the
same morpheme strings; every result is a sentence with its raw span and the spans of the matches."""
from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.orm import Session

from . import views as v
from .morphemes import hits, query_terms

SNIPPET = 160          # characters of context shown around the first match

# ranked inside the FTS table first: only the page of best rows is joined to its sentence and title
_SQLITE = text("""
SELECT u.document_id, d.title, u.raw_start, u.raw_end, u.text, u.morphemes, u.offsets, best.r
FROM (SELECT rowid AS id, bm25(search_fts) AS r FROM search_fts WHERE search_fts MATCH :q
      ORDER BY r, rowid LIMIT :n OFFSET :o) AS best
JOIN search_units u ON u.id = best.id JOIN documents d ON d.id = u.document_id
ORDER BY best.r, best.id""")

_POSTGRES = text("""
SELECT u.document_id, d.title, u.raw_start, u.raw_end, u.text, u.morphemes, u.offsets,
       -ts_rank(to_tsvector('simple', u.morphemes), q) AS r
FROM search_units u JOIN documents d ON d.id = u.document_id, plainto_tsquery('simple', :q) q
WHERE to_tsvector('simple', u.morphemes) @@ q ORDER BY r, u.id LIMIT :n OFFSET :o""")


def _fts5(terms: list[str]) -> str:
    """Every morpheme as a quoted FTS5 string (a phrase when the tokenizer splits it), all required."""
    return " ".join('"' + t.replace('"', '""') + '"' for t in terms)


def snippet(unit_text: str, unit_start: int, spans: list[tuple[int, int]], width: int = SNIPPET) -> str:
    """The sentence, cut to ``width`` characters around its first match, on one line."""
    s = " ".join(unit_text.split()) if len(unit_text) <= width else None
    if s is not None:
        return s
    first = spans[0][0] - unit_start if spans else 0
    a = max(0, min(first - width // 3, len(unit_text) - width))
    cut = unit_text[a:a + width]
    return ("…" if a else "") + " ".join(cut.split()) + ("…" if a + width < len(unit_text) else "")


class SearchMixin:
    engine: object
    dialect: str

    def search(self, query: str, limit: int = 20, offset: int = 0) -> list[v.SearchHit]:
        """Sentences holding every content morpheme of ``query``, best first."""
        terms = query_terms(query)
        if not terms:
            return []
        if self.dialect == "sqlite":
            sql, q = _SQLITE, _fts5(terms)
        else:
            sql, q = _POSTGRES, " ".join(terms)
        with Session(self.engine) as ses:
            rows = ses.execute(sql, {"q": q, "n": limit, "o": offset}).all()
        out = []
        for doc, title, a, z, unit_text, morphemes, offsets, rank in rows:
            spans = hits(morphemes, offsets, terms)
            out.append(v.SearchHit(document=doc, title=title, start=a, end=z, snippet=snippet(unit_text, a, spans),
                                   hits=spans, rank=round(-float(rank), 6)))
        return out
