"""Shared fixtures (helpers live in tests/helpers.py), and the tiers' markers: every test under
tests/integration/ executes notebooks or the report batch, so the fast tier skips it; every test
under tests/browser/ drives Chromium, so only `make test-browser` runs it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from analysis import paths

INTEGRATION = Path(__file__).parent / "integration"
BROWSER = Path(__file__).parent / "browser"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        folders = Path(item.fspath).parents
        if INTEGRATION in folders:
            item.add_marker(pytest.mark.integration)
        if BROWSER in folders:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def dataset():
    """The real curated data, loaded and validated once per test session."""
    from analysis import load

    return load()


@pytest.fixture(scope="session")
def small_data(tmp_path_factory) -> Path:
    """A small valid corpus (the quoted plans and their provinces' cited plans) for batch tests."""
    from tests.helpers import write_subset

    return write_subset(paths.DATA_DIR, tmp_path_factory.mktemp("small") / "data")


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A throw-away copy of data/ that a test may break."""
    target = tmp_path / "data"
    shutil.copytree(paths.DATA_DIR, target)
    for f in target.rglob("*"):
        f.chmod(0o644 if f.is_file() else 0o755)
    return target
