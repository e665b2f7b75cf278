"""Ids from content: the same corpus gives the same ids whatever the order, the process or the store."""
from __future__ import annotations

import hashlib


def content_id(prefix: str, *parts) -> str:
    h = hashlib.sha256("\x1f".join("" if p is None else str(p) for p in parts).encode("utf-8")).hexdigest()
    return f"{prefix}-{h[:16]}"
