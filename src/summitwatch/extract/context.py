"""What every extractor receives: the document, its structure, the analysis text and
what earlier extractors produced."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from ..model.document import Document
from ..model.mapped import MappedText
from ..model.structure import Structure


@dataclass
class Context:
    doc: Document
    structure: Structure
    # Body (reflowed, footnote markers removed) followed by "\n\n" and the footnote texts,
    # one per paragraph. Facts are spans on this text; text.origin maps them to raw offsets.
    text: MappedText
    body_end: int                                   # text.text[:body_end] is the body
    reference_date: dt.date | None = None           # set by the dates extractor unless given
    reference_date_given: bool = False
    # where it came from: given, metadata, dateline, byline, latest_date, known_summit, term_of_office, ... none
    reference_date_source: str = "none"
    facts: dict[str, list[Any]] = field(default_factory=dict)   # extractor name -> its facts
    _sentences: list | None = field(default=None, repr=False)

    @property
    def sentences(self):
        """Kiwi sentences with tokens over the whole analysis text, computed once."""
        if self._sentences is None:
            from ..nlp import split_sentences

            self._sentences = split_sentences(self.text.text)
        return self._sentences

    def raw_offset(self, start: int) -> int:
        return self.text.raw(start)

    def place(self, fact, start: int, stop: int):
        """Set a fact's span, surface text and raw offset from analysis-text positions."""
        fact.start, fact.stop = start, stop
        fact.text = self.text.text[start:stop]
        fact.raw_offset = self.text.raw(start)
        return fact
