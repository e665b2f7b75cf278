"""Splitting a pledge clause into the things it lists: numbered items ("(1) … (2) …"), items
before 등 ("A, B, C 등을 합의"), and the noun phrase a list belongs to. A mixin of
``pledges.ProseReader`` (it reads ``self.text`` and ``self.index``)."""
from __future__ import annotations

import re

from .cues import GENERIC_NOUNS

NUMBERED = re.compile(r"\(\d{1,2}\)|(?<![\w.])\d{1,2}\)|[①-⑳]")
SUBJECT_PARTICLES = frozenset({"은", "는", "이", "가", "께서", "에서는"})
_SEPARATOR_FORMS = frozenset({",", "및", "와", "과", "이나", "나", "또는", "그리고"})


class ItemReader:
    def _numbered(self, toks, a) -> bool:
        return any(NUMBERED.match(self.text, t.start) for t in toks[max(0, a - 3):a + 1])

    def _items(self, toks, a, ci):
        """Token ranges (first, last) of the things a clause lists before its cue."""
        seg = toks[a:ci]
        if not seg:
            return [(a, max(a, ci - 1))]
        # numbered list: (1) ... (2) ... — every number starts an item
        marks = [a + k for k, t in enumerate(seg) if t.tag in ("SSO", "SN", "SW", "SB")
                 and NUMBERED.match(self.text, t.start)]
        marks = [m for m in marks if not (m > a and toks[m - 1].tag == "SSO" and m - 1 in marks)]
        if len(marks) >= 2:
            ranges = []
            for k, m in enumerate(marks):
                stop = marks[k + 1] - 1 if k + 1 < len(marks) else self._list_end(toks, m, ci)
                first = m
                while first <= stop and (toks[first].tag in ("SSO", "SSC", "SN", "SW", "SB")
                                         or toks[first].form in (")", "(")):
                    first += 1
                stop = self._trim(toks, first, stop)
                if first <= stop:
                    ranges.append((first, stop))
            return ranges or [(a, ci - 1)]
        # "A와 B, C 등이 재확인" lists things; "A, B 등 유사입장국과의 연대" gives examples of one
        # thing unless the examples are whole claims themselves ("투자 확대, LNG 수입 확대 등 ...")
        etc = next((k for k in range(ci - 1, a - 1, -1) if toks[k].form == "등" and toks[k].tag == "NNB"), None)
        if etc is not None and etc > a:
            ranges = self._split(toks, self._np_start(toks, a, etc), etc - 1, commas=True)
            if etc + 1 < ci and toks[etc + 1].tag == "JKB":
                return [(a, ci - 1)]    # "경제, 공급망, 보건 등에서 협력": the fields of one act
            if etc + 1 < ci and toks[etc + 1].tag.startswith("J"):
                return ranges
            if len(ranges) >= 2 and not all(self._atomic(toks, r) for r in ranges):
                return ranges
            return [(a, ci - 1)]
        return [(a, ci - 1)]

    def _atomic(self, toks, r) -> bool:
        """An item that is one named thing (a country group, a place), not a claim of its own."""
        s, e = toks[r[0]].start, toks[r[1]].start + toks[r[1]].len
        return content_count(toks, *r) < 2 or any(a <= s and e <= b for a, b, *_ in self.index.within(s, e))

    def _list_end(self, toks, m, ci):
        for k in range(ci - 1, m, -1):
            if toks[k].form == "등" and toks[k].tag == "NNB":
                return k - 1
        return ci - 1

    def _np_start(self, toks, a, etc):
        """Start of the noun phrase that ends at ``etc``: after the last subject or topic
        that still has content after it (the phrase's own particle does not count)."""
        start = a
        depth = 0
        for k in range(a, etc):
            t = toks[k]
            if t.tag == "SSO":
                depth += 1
            elif t.tag == "SSC":
                depth = max(0, depth - 1)
            elif depth == 0 and t.tag in ("JX", "JKS") and t.form in SUBJECT_PARTICLES \
                    and content_count(toks, k + 1, etc - 1) > 0:
                start = k + 1
        return start

    def _split(self, toks, a, b, commas=True):
        ranges, cur, depth = [], a, 0
        for k in range(a, b + 1):
            t = toks[k]
            if t.tag == "SSO":
                depth += 1
            elif t.tag == "SSC":
                depth = max(0, depth - 1)
            elif depth == 0 and ((commas and t.tag == "SP" and t.form == ",") or t.tag == "JC"
                                 or (t.tag == "MAJ" and t.form in _SEPARATOR_FORMS)):
                if k - 1 >= cur:
                    ranges.append((cur, self._trim(toks, cur, k - 1)))
                cur = k + 1
        if cur <= b:
            ranges.append((cur, self._trim(toks, cur, b)))
        # an item of one content word ("평화와 안정") belongs with the next one
        merged: list[tuple[int, int]] = []
        pending = None
        for r in ranges:
            if pending is not None:
                r = (pending, r[1])
                pending = None
            if content_count(toks, *r) < 2:
                pending = r[0]
                continue
            merged.append(r)
        if pending is not None:
            if merged:
                merged[-1] = (merged[-1][0], ranges[-1][1])
            else:
                merged.append((pending, ranges[-1][1]))
        return merged or [(a, b)]

    def _trim(self, toks, a, b):
        while b > a and (toks[b].tag in ("SP", "JC", "JKG", "JKO", "JKS", "JX", "SSC") and toks[b].form != ")"
                         or toks[b].form == "등"):
            b -= 1
        return b


def content_count(toks, a, b) -> int:
    return sum(1 for t in toks[a:b + 1] if t.tag in ("NNG", "NNP", "SL", "SN") and t.form not in GENERIC_NOUNS)
