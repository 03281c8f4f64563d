"""Shared fixtures: the repository's data folder, and writable copies of it to break."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from analysis import paths


@pytest.fixture(scope="session")
def dataset():
    """The real curated data, loaded and validated once per test session."""
    from analysis import load

    return load()


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A throw-away copy of data/ that a test may break."""
    target = tmp_path / "data"
    shutil.copytree(paths.DATA_DIR, target)
    for f in target.rglob("*"):
        f.chmod(0o644 if f.is_file() else 0o755)
    return target


def read_rows(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def write_rows(path: Path, rows: list[dict[str, str]]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def notebook_json(*cells: str) -> str:
    """A notebook of the given code cells, as the batch receives it (JSON text)."""
    import nbformat

    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in cells])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    return nbformat.writes(nb)
