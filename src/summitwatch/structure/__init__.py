"""Structure recovery: reflow, headings, tables, footnotes and citations."""
from __future__ import annotations

from ..model.document import Document
from ..model.structure import Structure


def recover(doc: Document) -> Structure:
    # Placeholder until the reflow/heading/footnote recovery lands: the body is the normalised text.
    return Structure(body=doc.text)
