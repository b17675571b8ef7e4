"""Shared fixtures: where the shared seeds and corpus are, and a CLI runner."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "seeds"
CORPUS = SHARED / "corpus" / "bench"
SAMPLES = REPO / "samples"
SEED_CLEAN = SEEDS / "000_4c0a71c1109e41f2.txt"
SEED_BROKEN = SEEDS / "001_790130a797e033fc.txt"


def need(path: Path) -> Path:
    """Skip the test when a shared input is not on this machine."""
    if not path.exists():
        pytest.skip(f"{path} is not available here")
    return path


@pytest.fixture
def seeds() -> tuple[Path, Path]:
    return need(SEED_CLEAN), need(SEED_BROKEN)


@pytest.fixture
def corpus() -> Path:
    return need(CORPUS)


@pytest.fixture
def cli():
    """Run ``contentlint`` in-process; returns the click result."""
    from linter.cli import main

    runner = CliRunner()

    def run(*args: str, input: str | bytes | None = None):
        return runner.invoke(main, list(args), input=input, catch_exceptions=False)

    return run
