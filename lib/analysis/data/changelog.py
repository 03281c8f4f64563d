"""What changed in the data between two versions: rows added, removed and changed (which fields,
old -> new) in each table, keyed by the table's id, compared as typed values (so 86.50 and 86.5
are the same number), and written as Markdown for release notes.

Both folders are read through the validated loader: a change log of data that does not validate
would describe rows that cannot be trusted.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from .chinese import format_number
from .dataset import Dataset
from .loading import load_folder
from .schema import TABLE_ORDER, TABLES


@dataclass(frozen=True)
class FieldChange:
    column: str
    old: object
    new: object


@dataclass(frozen=True)
class RowChange:
    key: str
    fields: tuple[FieldChange, ...]


@dataclass(frozen=True)
class TableChanges:
    """One table's changes: keys added (in the new file's order), removed (in the old file's
    order), and the rows whose values changed."""

    table: str
    added: tuple[str, ...]
    removed: tuple[str, ...]
    changed: tuple[RowChange, ...]

    def __bool__(self) -> bool:
        return bool(self.added or self.removed or self.changed)


def _same(old: object, new: object) -> bool:
    if pd.isna(old) or pd.isna(new):
        return bool(pd.isna(old) and pd.isna(new))
    return bool(old == new)


def compare_table(name: str, old: pd.DataFrame, new: pd.DataFrame) -> TableChanges:
    """The changes to one table, by its primary key."""
    key = TABLES[name].primary_key
    old_rows, new_rows = old.set_index(key), new.set_index(key)
    changed = []
    for k in new_rows.index.intersection(old_rows.index, sort=False):
        before, after = old_rows.loc[k], new_rows.loc[k]
        fields = tuple(
            FieldChange(c, before[c], after[c])
            for c in TABLES[name].columns
            if c != key and not _same(before[c], after[c])
        )
        if fields:
            changed.append(RowChange(str(k), fields))
    return TableChanges(
        table=name,
        added=tuple(str(k) for k in new_rows.index.difference(old_rows.index, sort=False)),
        removed=tuple(str(k) for k in old_rows.index.difference(new_rows.index, sort=False)),
        changed=tuple(changed),
    )


def compare(old: Dataset, new: Dataset) -> dict[str, TableChanges]:
    """The changes to every table, in the data folder's table order."""
    return {name: compare_table(name, old.table(name), new.table(name)) for name in TABLE_ORDER}


def shown(value: object) -> str:
    """A cell as the change log prints it."""
    if pd.isna(value):
        return "(empty)"
    if isinstance(value, bool | np.bool_):
        return str(bool(value)).lower()
    if isinstance(value, float):
        return format_number(value)
    return str(value)


def target_line(targets: pd.DataFrame, target_id: str) -> str:
    """A target in one line: `id` document · indicator: comparator value unit (year)."""
    t = targets.set_index("target_id").loc[target_id]
    year = "" if pd.isna(t["target_year"]) else f" ({t['target_year']})"
    return (
        f"- `{target_id}` {t['doc_id']} · {t['indicator_id']}: {t['comparator']} {shown(t['value'])} {t['unit']}{year}"
    )


def changed_line(row: RowChange) -> str:
    fields = "; ".join(f"{f.column} `{shown(f.old)}` → `{shown(f.new)}`" for f in row.fields)
    return f"- `{row.key}`: {fields}"


def _target_sections(changes: TableChanges, old: Dataset, new: Dataset) -> list[str]:
    lines: list[str] = []
    for title, entries in (
        ("Added", [target_line(new.targets, k) for k in changes.added]),
        ("Changed", [changed_line(r) for r in changes.changed]),
        ("Removed", [target_line(old.targets, k) for k in changes.removed]),
    ):
        if entries:
            lines += [f"### {title} ({len(entries)})", "", *entries, ""]
    return lines


def _other_sections(changes: dict[str, TableChanges]) -> list[str]:
    lines: list[str] = []
    for name, c in changes.items():
        if name == "targets" or not c:
            continue
        lines += [f"## {name.capitalize()}", ""]
        lines += [f"- {kind}: {', '.join(keys)}" for kind, keys in (("added", c.added), ("removed", c.removed)) if keys]
        lines += [f"- changed: {', '.join(r.key for r in c.changed)}"] if c.changed else []
        lines.append("")
    return lines


def changelog_markdown(old: Dataset, new: Dataset, old_name: str, new_name: str) -> str:
    """The change log: a count per table, every target added, changed (fields, old -> new) and
    removed, then the ids of the other tables' changed rows."""
    changes = compare(old, new)
    lines = [
        f"# Data changes: {old_name} → {new_name}",
        "",
        "| table | added | removed | changed |",
        "|---|---|---|---|",
        *(f"| {n} | {len(c.added)} | {len(c.removed)} | {len(c.changed)} |" for n, c in changes.items()),
        "",
    ]
    if not any(changes.values()):
        return "\n".join([*lines, "No changes."]) + "\n"
    if changes["targets"]:
        lines += ["## Targets", "", *_target_sections(changes["targets"], old, new)]
    lines += _other_sections(changes)
    return "\n".join(lines).rstrip("\n") + "\n"


def changelog(old_dir: Path | str, new_dir: Path | str) -> str:
    """The Markdown change log between two data folders (see :func:`changelog_markdown`).

    Raises
    ------
    AnalysisError
        If a folder does not exist (the message says which).
    DataValidationError
        If a folder does not validate (the message names it, with every problem).
    """
    old = load_folder(old_dir, "old data folder")
    new = load_folder(new_dir, "new data folder")
    return changelog_markdown(old, new, str(old_dir), str(new_dir))
