"""AppTest helpers: run the real app script headless (no browser, no JavaScript)."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

MAIN = str(Path(__file__).resolve().parents[2] / "app" / "main.py")


@pytest.fixture
def app() -> AppTest:
    """A fresh app session on its default page, already run once (English UI)."""
    at = AppTest.from_file(MAIN, default_timeout=120)
    at.run()
    assert not at.exception, at.exception
    return at


def metrics(at: AppTest) -> dict[str, str]:
    """The page's metrics as {label: value}."""
    return {m.label: m.value for m in at.metric}
