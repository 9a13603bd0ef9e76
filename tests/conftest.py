"""Shared fixtures: where the seeds and the taxonomy package are, and the --update-golden flag."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# CI runs each property test on the same examples every time (a landing must not depend on
# the draw); locally the draw stays random, so new counterexamples keep being looked for.
settings.register_profile("ci", derandomize=True, suppress_health_check=[HealthCheck.too_slow])
if os.environ.get("CI"):
    settings.load_profile("ci")

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("IXBRL_SHARED", REPO.parent / "shared")).resolve()
SEEDS = SHARED / "seeds"
SEED_FILES = sorted(p.name for p in SEEDS.glob("0*.txt")) if SEEDS.is_dir() else []


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true",
                     help="Rewrite golden files from the current output instead of comparing.")


@pytest.fixture(scope="session")
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    if not SEEDS.is_dir():
        pytest.skip(f"seed documents not found at {SEEDS} (set IXBRL_SHARED)")
    return SEEDS


@pytest.fixture(scope="session")
def taxonomy_package() -> Path:
    value = os.environ.get("IXBRL_TAXONOMY_PACKAGE") or str(SHARED / "taxonomy" / "IFRSAT-2025.zip")
    path = Path(value)
    if not path.is_file():
        pytest.skip(f"IFRS taxonomy package not found at {path}")
    return path.resolve()
