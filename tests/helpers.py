"""Helpers the tests share: reading and writing data rows, small notebooks, folder snapshots."""

from __future__ import annotations

import csv
import hashlib
from pathlib import Path

import pandas as pd


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


def update_row(path: Path, changes: dict[str, str], **match: str) -> dict[str, str]:
    """Set cells of the first row matching every ``column=value``; return the row as it was."""
    rows = read_rows(path)
    row = rows[line_of(rows, **match) - 2]
    before = dict(row)
    row.update(changes)
    write_rows(path, rows)
    return before


def append_row(path: Path, row: dict[str, str]) -> None:
    """Add a row at the end of a table."""
    write_rows(path, [*read_rows(path), row])


def remove_row(path: Path, **match: str) -> dict[str, str]:
    """Remove the first row matching every ``column=value``; return it."""
    rows = read_rows(path)
    removed = rows.pop(line_of(rows, **match) - 2)
    write_rows(path, rows)
    return removed


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


# The plans of the small corpus the batch tests run on: the six seed plans and their provinces'
# plans (Jiangxi's and Hubei's 2023 plans quoted, the others cited; so cities sit beside their
# province, and a province has two successive plans).
SMALL_CORPUS = (
    "national-2023",
    "jian-2024",
    "jiangsu-2023",
    "yichang-2023",
    "jilin-2018",
    "jiangmen-2016",
    "jiangxi-2023",
    "jiangxi-2017",
    "hubei-2023",
    "hubei-undated",
    "guangdong-2023",
)


def write_subset(data_dir: Path, out: Path, doc_ids: tuple[str, ...] = SMALL_CORPUS) -> Path:
    """A valid data folder holding only some plans (and their targets): every jurisdiction,
    indicator and observation is kept, so the subset validates like the whole."""
    import shutil

    out.mkdir(parents=True)
    (out / "sources").mkdir()
    for name in ("jurisdictions.csv", "indicators.csv", "observations.csv", "vintages.csv", "datapackage.json"):
        shutil.copy(data_dir / name, out / name)
    documents = [d for d in read_rows(data_dir / "documents.csv") if d["doc_id"] in doc_ids]
    write_rows(out / "documents.csv", documents)
    write_rows(out / "targets.csv", [t for t in read_rows(data_dir / "targets.csv") if t["doc_id"] in doc_ids])
    for d in documents:
        if d["source_file"]:
            shutil.copy(data_dir / d["source_file"], out / d["source_file"])
    for f in out.rglob("*"):
        f.chmod(0o644 if f.is_file() else 0o755)
    return out


def province_of(data_dir: Path) -> dict[str, str]:
    """Each jurisdiction's province, read from the parent chain in jurisdictions.csv (a province
    is its own; the nation has none)."""
    rows = {r["jurisdiction_id"]: r for r in read_rows(data_dir / "jurisdictions.csv")}
    out: dict[str, str] = {}
    for j in rows:
        at: str | None = j
        while at and rows[at]["level"] != "province":
            at = rows[at]["parent_id"] or None
        if at:
            out[j] = at
    return out


def expected_reports(data_dir: Path, langs: tuple[str, ...] = ("zh", "en")) -> set[str]:
    """The report folders a batch should write, worked out from the CSVs (not by the library):
    in each language, the overview, the progress report, each indicator set by two or more
    jurisdictions, each province with a plan of its own or of a city under it, and each
    jurisdiction with a plan."""
    documents = read_rows(data_dir / "documents.csv")
    jurisdiction_of = {d["doc_id"]: d["jurisdiction_id"] for d in documents}
    setters: dict[str, set[str]] = {}
    for t in read_rows(data_dir / "targets.csv"):
        setters.setdefault(t["indicator_id"], set()).add(jurisdiction_of[t["doc_id"]])
    shared = {f"indicator/{i}" for i, who in setters.items() if len(who) >= 2}
    planners = set(jurisdiction_of.values())
    provinces = {f"province/{p}" for j, p in province_of(data_dir).items() if j in planners}
    reports = {"overview", "progress"} | shared | provinces | {f"jurisdiction/{j}" for j in planners}
    return {f"{lang}/{report}" for lang in langs for report in reports}


def rows_like(frame: pd.DataFrame, key: str, value: str, *changes: dict[str, object]) -> pd.DataFrame:
    """Hand-made rows for measure tests: copies of ``frame``'s row where ``key == value``, one per
    dict of ``changes`` (column -> value), with the frame's columns and dtypes kept."""
    template = frame[frame[key] == value]
    assert len(template) == 1, f"{key}={value} matches {len(template)} rows"
    out = pd.concat([template] * len(changes), ignore_index=True)
    for i, change in enumerate(changes):
        for column, v in change.items():
            out.loc[i, column] = v
    return out
