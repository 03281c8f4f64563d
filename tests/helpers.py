"""Helpers the tests share: reading and writing data rows, small notebooks, folder snapshots."""

from __future__ import annotations

import csv
import hashlib
from pathlib import Path


def read_rows(path: Path) -> list[dict[str, str]]:
    """A CSV's rows as dicts of strings (empty cells as "")."""
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def write_rows(path: Path, rows: list[dict[str, str]]) -> None:
    """Write rows back in the data folder's CSV format."""
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def line_of(rows: list[dict[str, str]], **match: str) -> int:
    """The file line of the first row matching every ``column=value`` (the header is line 1)."""
    return next(i for i, r in enumerate(rows) if all(r[k] == v for k, v in match.items())) + 2


def snapshot(folder: Path) -> dict[str, str]:
    """SHA-256 of every file under a folder, by relative path: "nothing changed" is equality."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def notebook_json(*cells: str) -> str:
    """A notebook of the given code cells, as the batch receives it (JSON text)."""
    import nbformat

    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in cells])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    return nbformat.writes(nb)
