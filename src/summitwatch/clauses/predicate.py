"""The predicate of a Korean clause, read from Kiwi morphemes: its tense, aspect and modality.

A clause ends in a verbal complex: a stem (a verb, an adjective, a verbal noun with 하/되, a
copula), auxiliaries and endings. Reading that complex right to left tells

- tense: past (-었-), future (-겠-, -ㄹ 것이다, -기로 하-, -ㄹ 예정이다) or present;
- modality: volition (-겠-), decision (-기로 하-), prospective (-ㄹ 것이다), plan (-ㄹ 예정/계획이다),
  obligation (-아야 하-), necessity (-ㄹ 필요가 있-), desirability (바람직하다), possibility
  (-ㄹ 수 있-), forecast (-ㄹ 전망이다, 예상된다, -ㄹ 것으로 보인다), proposal (-자);
- aspect: ongoing (-고 있-); negation (-지 않-, 안/못);
- form: final (ends the sentence), adnominal (modifies a noun: not a narrative predicate).
"""
from __future__ import annotations

from dataclasses import dataclass

from .lexicon import words

_K = "korean"
# Tags that can sit inside a verbal complex.
_STEMS = frozenset({"VV", "VA", "XSV", "XSA", "VCP", "VCN", "VX", "VV-R", "VV-I", "VA-R", "VA-I"})
_ENDINGS = frozenset({"EP", "EF", "EC", "ETM", "ETN"})
_TRAILING = frozenset({"SF", "SP", "SS", "SSC", "SSO", "SE", "SO", "SW"})
FUTURE = frozenset({"volition", "decision", "prospective", "plan"})
ADVICE = frozenset({"obligation", "necessity", "desirable"})


@dataclass(slots=True, frozen=True)
class Predicate:
    head: int                    # token index of the main stem (a verbal noun before 하/되 counts)
    end: int                     # token index of the last ending
    lemma: str                   # the stem as written in the dictionary form without 다 ("강화하", "열리")
    past: bool
    modality: frozenset[str]
    negated: bool
    ongoing: bool
    final: bool                  # the ending closes a sentence (EF)
    adnominal: bool              # the clause modifies a noun (ETM last)
    quotative: bool              # ends in a quotative ending (-다고, -라고, -자고, -다며)

    @property
    def tense(self) -> str:
        if self.modality & FUTURE:
            return "future"
        return "past" if self.past else "present"

    @property
    def advice(self) -> bool:
        return bool(self.modality & ADVICE)


def read(tokens, first: int, last: int) -> Predicate | None:
    """The predicate of tokens[first..last], or None when the span ends in no verbal complex."""
    end = last
    while end >= first and tokens[end].tag in _TRAILING:
        end -= 1
    if end < first or tokens[end].tag not in _ENDINGS | _STEMS:
        return None
    start = _complex_start(tokens, first, end)
    head = _main_stem(tokens, start, end)
    if head is None:
        return None
    seg = tokens[start:end + 1]
    forms = [t.form for t in seg]
    tags = [t.tag for t in seg]
    mods: set[str] = set()
    past = negated = ongoing = False
    for i, (f, tag) in enumerate(zip(forms, tags)):
        nf = forms[i + 1] if i + 1 < len(forms) else ""
        nt = tags[i + 1] if i + 1 < len(tags) else ""
        n2 = forms[i + 2] if i + 2 < len(forms) else ""
        if tag == "EP" and f in words(_K, "past"):
            past = True
        elif tag == "EP" and f in words(_K, "volition"):
            mods.add("volition")
        elif tag == "ETN" and f == "기" and nf == "로" and n2 == "하":
            mods.add("decision")
        elif tag == "ETM" and f in ("ᆯ", "을"):
            if nf in words(_K, "prospective_nnb"):
                if n2 in ("으로", "로"):
                    mods.add("forecast")                  # -ㄹ 것으로 보인다/예상된다
                else:
                    mods.add("prospective")
            elif nf in words(_K, "plan_nouns"):
                mods.add("plan")
            elif nf in words(_K, "possible_nnb"):
                mods.add("possible")
            elif nf in words(_K, "forecast_nouns"):
                mods.add("forecast")
        elif tag == "EC" and f in words(_K, "obligation_ec") and nf in ("하", "되"):
            mods.add("obligation")
        elif tag == "NNG" and f in words(_K, "necessity_nouns") and (nt in ("XSA", "XSV") or n2 in ("있",) or nf == "있"):
            mods.add("necessity")
        elif tag == "XR" and f in words(_K, "desirable_roots"):
            mods.add("desirable")
        elif tag == "NNG" and f in words(_K, "forecast_nouns") and nt in ("VCP", "XSV"):
            mods.add("forecast")
        elif tag in ("VV", "XSV") and f in words(_K, "forecast_verbs") and i > 0 and forms[i - 1] in ("으로", "로"):
            mods.add("forecast")
        elif tag == "EC" and f == "지" and nf in words(_K, "negators"):
            negated = True
        elif tag == "MAG" and f in words(_K, "negating_adverbs"):
            negated = True
        elif tag == "EC" and f == "고" and nf in words(_K, "auxiliary_ongoing") and nt == "VX":
            ongoing = True
        elif tag in ("EF", "EC") and (f in words(_K, "proposal_ef") or f == "자고"):
            mods.add("proposal")
    last_tag, last_form = tags[-1], forms[-1]
    lemma = _lemma(tokens, head)
    return Predicate(head=head, end=end, lemma=lemma, past=past, modality=frozenset(mods), negated=negated,
                     ongoing=ongoing, final=last_tag == "EF", adnominal=last_tag == "ETM",
                     quotative=last_tag == "EC" and last_form in words(_K, "quotative_ec") and last_form != "고"
                     or (last_tag == "EC" and last_form == "고" and _after_final(tokens, end)))


def _after_final(tokens, end) -> bool:
    """"…했다고" as Kiwi sometimes cuts it: 다/EF 고/EC."""
    return end > 0 and tokens[end - 1].tag == "EF"


# Nouns that belong to the verbal complex of the clause they close ("할 필요가 있다").
_COMPLEX_NOUNS = None


def _complex_nouns() -> frozenset[str]:
    global _COMPLEX_NOUNS
    if _COMPLEX_NOUNS is None:
        _COMPLEX_NOUNS = (words(_K, "prospective_nnb") | words(_K, "possible_nnb") | words(_K, "plan_nouns")
                          | words(_K, "forecast_nouns") | words(_K, "necessity_nouns"))
    return _COMPLEX_NOUNS


def _complex_start(tokens, first: int, end: int) -> int:
    """First token of the verbal complex ending at ``end``, read right to left."""
    i = end
    while i > first:
        t = tokens[i - 1]
        if t.tag in _ENDINGS or t.tag in _STEMS or t.tag == "XR":
            i -= 1
        elif t.tag in ("NNB", "NNG") and t.form in _complex_nouns() and i - 2 >= first \
                and tokens[i - 2].tag == "ETM":
            i -= 1
        elif t.tag in ("JKS", "JKB", "JX") and i - 2 >= first and tokens[i - 2].form in _complex_nouns():
            i -= 1                                    # 필요/가 있다, 것/으로 보인다
        elif t.tag == "JKB" and t.form == "로" and i - 2 >= first and tokens[i - 2].form == "기":
            i -= 1                                    # -기/로 하다
        elif t.tag in ("NNG", "XR") and tokens[i].tag in ("XSV", "XSA"):
            i -= 1                                    # the verbal noun of 강화/하다
            break
        elif t.tag == "XSN" and tokens[i].tag in ("XSV", "XSA"):
            i -= 1                                    # 활성/화/하다
        elif t.tag == "MAG" and t.form in words(_K, "negating_adverbs"):
            i -= 1
        else:
            break
    # a verbal noun is part of its complex
    if i > first and tokens[i].tag in ("XSV", "XSA") and tokens[i - 1].tag in ("NNG", "XR", "XSN"):
        i -= 1
        while i > first and tokens[i].tag == "XSN" and tokens[i - 1].tag == "NNG":
            i -= 1
    return i


def _main_stem(tokens, start: int, end: int) -> int | None:
    """The first stem of the complex: a verbal noun before 하/되, a verb, an adjective, a copula."""
    for k in range(start, end + 1):
        t = tokens[k]
        if t.tag in ("NNG", "XR") and k + 1 <= end and tokens[k + 1].tag in ("XSV", "XSA", "XSN"):
            return k
        if t.tag in ("VV", "VA", "VCP", "VCN", "VV-R", "VV-I", "VA-R", "VA-I"):
            return k
    return None


def _lemma(tokens, head: int) -> str:
    t = tokens[head]
    if t.tag in ("NNG", "XR"):
        k = head + 1
        while k < len(tokens) and tokens[k].tag == "XSN":
            k += 1
        if k < len(tokens) and tokens[k].tag in ("XSV", "XSA"):
            return "".join(x.form for x in tokens[head:k + 1])
    return t.form


def tail_modality(tail) -> str | None:
    """Why the tokens after a commitment cue (to its clause's end) take it back, or None:
    'advice', 'possible', 'conditional', 'background', 'negated', 'ongoing'."""
    forms = [t.form for t in tail]
    tags = [t.tag for t in tail]
    for i, (f, tag) in enumerate(zip(forms, tags)):
        nxt = forms[i + 1] if i + 1 < len(forms) else ""
        if tag == "EC" and f in words(_K, "obligation_ec"):
            return "advice"
        if f in words(_K, "necessity_nouns") or (tag == "XR" and f in words(_K, "desirable_roots")):
            return "advice"
        if tag == "ETM" and f in ("ᆯ", "을") and nxt in ("수", "것", "거", "경우", "예정", "계획"):
            return "possible" if nxt in ("수", "것", "거") else "conditional"
        if tag == "ETM" and nxt == "바" and i + 2 < len(forms) and forms[i + 2] in ("있", "없"):
            return "background"
        if tag == "EC" and f in ("지", "지는") and (nxt in words(_K, "negators") or (
                nxt in ("는", "도", "은") and i + 2 < len(forms) and forms[i + 2] in words(_K, "negators"))):
            return "negated"
        if tag == "EC" and f in ("면", "으면", "다면", "ᆫ다면", "는다면"):
            return "conditional"
        if tag == "EC" and f == "고" and nxt in words(_K, "auxiliary_ongoing"):
            return "ongoing"
    return None
