"""``rx.finditer(text)`` without trying every position of a long text.

Python's regex engine skips ahead by itself only when a pattern opens with a literal or a
character class. Many date patterns open with a look-behind ("not after a syllable"), a
word boundary or an optional word (지난, 올해, last), so the engine runs the whole pattern at
every one of a document's characters: about a tenth of a second per 300,000 characters for
the thirty scanned date patterns. Such a pattern is given a *start filter*, read off the
pattern itself: the class of characters a match can begin with, then its leading
look-behinds and boundaries restated one character later (a class first, so the engine skips
ahead through the filter at C speed). The filter's hits are the only places the pattern is
tried, in order, skipping those inside the last match: the matches are exactly finditer's
(the filter holds wherever a match starts, and matches are never empty)."""
from __future__ import annotations

import re
from functools import lru_cache
# The standard library's own parser and prefix analysis read a pattern's structure: there is no
# public API for it, and no library reads Python's regex dialect otherwise. Anything they do
# not give as expected leaves the pattern to plain finditer (tests hold the matches equal).
from re import _compiler as sre_compile
from re import _constants as C
from re import _parser as sre_parse

_CATEGORY = {C.CATEGORY_DIGIT: r"\d", C.CATEGORY_NOT_DIGIT: r"\D", C.CATEGORY_SPACE: r"\s",
             C.CATEGORY_NOT_SPACE: r"\S", C.CATEGORY_WORD: r"\w", C.CATEGORY_NOT_WORD: r"\W"}
_ZERO_WIDTH = (C.AT, C.ASSERT, C.ASSERT_NOT)


class _Unknown(Exception):
    """A construct whose first characters are not read here (the pattern is scanned plainly)."""


def _first(data, items: list[str]) -> bool:
    """Add to ``items`` the class members a match of the sequence ``data`` can start with;
    True when the sequence can match without consuming a character."""
    for op, av in data:
        if not _first_of(op, av, items):
            return False
    return True


def _first_of(op, av, items: list[str]) -> bool:
    if op is C.LITERAL:
        items.append(re.escape(chr(av)))
        return False
    if op is C.IN:
        for o, a in av:
            if o is C.LITERAL:
                items.append(re.escape(chr(a)))
            elif o is C.RANGE:
                items.append(f"{re.escape(chr(a[0]))}-{re.escape(chr(a[1]))}")
            elif o is C.CATEGORY and a in _CATEGORY:
                items.append(_CATEGORY[a])
            else:                               # a negated class may start with nearly anything
                raise _Unknown
        return False
    if op is C.BRANCH:
        return any([_first(alt.data, items) for alt in av[1]])
    if op is C.SUBPATTERN:
        return _first(av[-1].data, items)
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
        lo, _hi, item = av
        return _first(item.data, items) or lo == 0
    if op in _ZERO_WIDTH:
        return True                             # (a necessary condition only: nothing consumed)
    raise _Unknown


def _leading_source(pattern: str) -> list[str]:
    """The sources of the zero-width items a pattern opens with (\\b, ^, look-arounds);
    global flags ("(?m)") are left to the compiled flags."""
    i, n, out = 0, len(pattern), []
    while (flags := re.match(r"\(\?[aiLmsux]+\)", pattern[i:])) is not None:
        i += flags.end()
    while i < n:
        if pattern.startswith(("\\b", "\\B", "\\A"), i):
            out.append(pattern[i:i + 2])
            i += 2
        elif pattern[i] == "^":
            out.append("^")
            i += 1
        elif pattern.startswith(("(?<!", "(?<=", "(?!", "(?="), i):
            end = _group_end(pattern, i)
            out.append(pattern[i:end])
            i = end
        else:
            break
    return out


def _group_end(pattern: str, i: int) -> int:
    """Index after the group opening at ``i`` (escapes and character classes skipped)."""
    depth, k, in_class = 0, i, False
    while k < len(pattern):
        ch = pattern[k]
        if ch == "\\":
            k += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
            if pattern.startswith(("[]", "[^]"), k):          # a leading ] is a member
                k += 2 if pattern[k + 1] == "]" else 3
                continue
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return k + 1
        k += 1
    raise _Unknown


def _one_later(item: str, first: re.Pattern, flags: int) -> str:
    """A leading assertion restated after the match's first character (a look-behind one
    character wider); "" for one that cannot be (a look-ahead): the filter is then wider."""
    any_char = "(?s:.)"
    if item.startswith(("(?<!", "(?<=")):
        return f"{item[:4]}(?:{item[4:-1]}){any_char})"
    if item == "^":                                     # the start of the text, or of a line
        return f"(?<![^\\n]{any_char})" if flags & re.MULTILINE else f"(?<![\\s\\S]{any_char})"
    if item == "\\A":
        return f"(?<![\\s\\S]{any_char})"
    if item == "\\b" and _all_word_chars(first):        # before a word character: after none
        return f"(?<!\\w{any_char})"
    return ""


def _all_word_chars(first: re.Pattern) -> bool:
    """Whether every character of the class ``first`` is a word character (\\w)."""
    word = re.compile(r"\w", first.flags)
    for op, av in sre_parse.parse(first.pattern, first.flags).data[0][1]:
        if op is C.LITERAL:
            chars = (av,)
        elif op is C.RANGE:
            chars = range(av[0], av[1] + 1)
        else:
            return False
        if any(word.match(chr(c)) is None for c in chars):
            return False
    return True


@lru_cache(maxsize=None)
def start_filter(rx: re.Pattern) -> re.Pattern | None:
    """The start filter of ``rx``, or None when plain finditer is as fast (the engine skips
    ahead itself) or the pattern's first characters are not read here."""
    try:
        tree = sre_parse.parse(rx.pattern, rx.flags)
        if tree.getwidth()[0] == 0:
            return None                         # empty matches: finditer's own rules apply
        if sre_compile._get_literal_prefix(tree, rx.flags)[0] or sre_compile._get_charset_prefix(tree, rx.flags):
            return None
        items: list[str] = []
        if _first(tree.data, items):
            return None
        first = re.compile("[" + "".join(items) + "]", rx.flags)
        lead = _leading_source(rx.pattern)
        lead_ops = [op for op, _av in tree.data[:len(lead)]]
        if any(op not in _ZERO_WIDTH for op in lead_ops) or \
                [op for op, _av in sre_parse.parse("".join(lead), rx.flags).data] != lead_ops:
            lead = []
        return re.compile(first.pattern + "".join(_one_later(x, first, rx.flags) for x in lead), rx.flags)
    except (_Unknown, re.error, RecursionError, AttributeError, TypeError, ValueError):
        return None


# Below this many characters a pattern is scanned plainly: building its filter (parsing the
# pattern, about a millisecond or two, once per process) costs more than it saves on a short
# document, and a short document is most often the only one of its process.
LONG_TEXT = 50_000


def finditer(rx: re.Pattern, text: str, min_length: int = LONG_TEXT):
    """The matches of ``rx.finditer(text)``, trying ``rx`` only where its start filter hits
    (in a text of ``min_length`` characters or more)."""
    starts = start_filter(rx) if len(text) >= min_length else None
    if starts is None:
        yield from rx.finditer(text)
        return
    match, pos = rx.match, 0
    for hit in starts.finditer(text):
        p = hit.start()                 # (the hit is the match's first character)
        if p >= pos and (m := match(text, p)) is not None:
            yield m
            pos = m.end()
