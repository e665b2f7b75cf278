"""Where the measuring material beside the repository lives (../shared), and what a test does
when it is absent: skip with a message on a developer's machine, fail under CI=true."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def need(path: Path | None = SHARED, what: str = "../shared") -> Path:
    """``path`` if it exists; else skip (fail under CI=true, where ../shared is always laid)."""
    if path is not None and path.exists():
        return path
    message = f"{what} not found at {path} (it lives beside the repository)"
    if os.environ.get("CI") == "true":
        pytest.fail(message + "; under CI=true it must be there")
    pytest.skip(message)
