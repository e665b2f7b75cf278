"""Morphemes for search: the content morphemes Kiwi finds (nouns, verb and adjective stems,
roots, foreign words, numbers), so that 투자 matches 투자를 and 투자하기로. Documents are indexed
from the tokens the analysis already made (no second Kiwi pass); a query goes through Kiwi too."""
from __future__ import annotations

# Sejong tag prefixes of the morphemes that carry meaning; particles, endings, suffixes and
# punctuation are left out (they would match nearly every sentence)
CONTENT_TAGS = ("NN", "NR", "NP", "VV", "VA", "XR", "SL", "SH", "SN", "MAG", "MM")


def _term(form: str) -> str:
    return "_".join(form.lower().split())


def is_content(tag: str) -> bool:
    return tag.startswith(CONTENT_TAGS)


def units_of(ctx) -> list[dict]:
    """One search unit per sentence: raw span, raw text, morphemes and each one's raw span."""
    raw, mapped = ctx.doc.raw, ctx.text
    units = []
    for s in ctx.sentences:
        terms, offsets = [], []
        for t in s.tokens:
            if is_content(t.tag) and t.form.strip():
                a, z = mapped.raw_span(t.start, t.start + t.len)
                terms.append(_term(t.form))
                offsets.append(f"{a}:{z}")
        if not terms:
            continue
        a, z = mapped.raw_span(s.start, s.stop)
        units.append(dict(raw_start=a, raw_end=z, text=raw[a:z], morphemes=" ".join(terms),
                          offsets=" ".join(offsets)))
    return units


def query_terms(query: str) -> list[str]:
    """The query's content morphemes, in order and once each (its words when Kiwi finds none)."""
    from ..nlp import kiwi

    terms = [_term(t.form) for t in kiwi().tokenize(query) if is_content(t.tag) and t.form.strip()]
    if not terms:
        terms = [_term(w) for w in query.split()]
    return list(dict.fromkeys(t for t in terms if t))


def hits(unit_morphemes: str, unit_offsets: str, terms: list[str]) -> list[tuple[int, int]]:
    """Raw spans of the query's morphemes inside one unit."""
    wanted = set(terms)
    out = []
    for term, off in zip(unit_morphemes.split(" "), unit_offsets.split(" ")):
        if term in wanted:
            a, z = off.split(":")
            out.append((int(a), int(z)))
    return out
