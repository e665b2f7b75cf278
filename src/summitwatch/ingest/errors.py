"""The one error type that ingest raises: its message is the one line the user sees."""
from __future__ import annotations

import os


class InputError(Exception):
    """Input that cannot be analysed; ``str(err)`` says what is wrong in one line."""


def printable(s: str) -> str:
    """``s`` safe to print on one terminal line: control characters, line breaks and other
    unprintable characters escaped (\\n, \\x1b, \\u200b); undecodable bytes of a file name
    (surrogate escapes) shown as the byte they were (\\xff)."""
    if s.isprintable():
        return s
    out = []
    for c in s:
        if c.isprintable():
            out.append(c)
        elif c == "\\":
            out.append(c)
        elif "\udc80" <= c <= "\udcff":
            out.append(f"\\x{ord(c) - 0xdc00:02x}")
        elif c in "\n\t\r":
            out.append({"\n": "\\n", "\t": "\\t", "\r": "\\r"}[c])
        elif ord(c) < 0x100:
            out.append(f"\\x{ord(c):02x}")
        elif ord(c) < 0x10000:
            out.append(f"\\u{ord(c):04x}")
        else:
            out.append(f"\\U{ord(c):08x}")
    return "".join(out)


def display_path(path: str | os.PathLike) -> str:
    """A path as the user gave it, printable (see ``printable``)."""
    return printable(os.fsdecode(path))
