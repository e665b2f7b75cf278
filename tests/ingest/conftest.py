"""Fixtures for the ingest tests: every format rendered once per session from the test brief."""
from __future__ import annotations

import os
import sys

import pytest

sys.path.insert(0, os.path.dirname(__file__))

import fixtures  # noqa: E402


@pytest.fixture(scope="session")
def rendered() -> dict[str, bytes]:
    return {"pdf": fixtures.to_pdf(), "docx": fixtures.to_docx(), "hwpx": fixtures.to_hwpx(),
            "hwp": fixtures.to_hwp(), "html": fixtures.to_html()}
