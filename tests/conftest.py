"""Shared fixtures: the only place tests get models, documents and graphs from."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
SAMPLE = ROOT / "examples" / "ep-2013-kazakhstan.txt"


@pytest.fixture(scope="session")
def sample_path() -> Path:
    return SAMPLE
