"""Typing one table: parse its strings into typed columns, then check them with pandera.

Unparseable cells are reported with their line; a cell that fails a check is set to missing
so that later checks treat it as unknown instead of cascading.
"""

from __future__ import annotations

import math
import re

import pandas as pd
import pandera.pandas as pa

from .problems import Problem
from .schema import VOCABULARY_OF, Table, pandas_dtype, pandera_schema

INTEGER = re.compile(r"^[+-]?\d+$")


def _parse_cell(kind: str, raw: str) -> tuple[object, str | None]:
    """Parse one cell of a Frictionless type; return the value or an error message."""
    if kind == "integer":
        if INTEGER.match(raw.strip()):
            return int(raw), None
        return None, f"expected a whole number, got {raw!r}"
    if kind == "number":
        try:
            value = float(raw)
        except ValueError:
            return None, f"expected a number, got {raw!r}"
        if not math.isfinite(value):
            return None, f"expected a finite number, got {raw!r}"
        return value, None
    if kind == "boolean":
        if raw in ("true", "false"):
            return raw == "true", None
        return None, f"expected true or false, got {raw!r}"
    return raw, None


def type_table(raw: pd.DataFrame, lines: pd.Series, table: Table) -> tuple[pd.DataFrame, list[Problem]]:
    """Parse the strings into typed columns, then check them with the table's pandera schema."""
    problems: list[Problem] = []
    bad_cells: set[tuple[int, str]] = set()
    typed = {}
    for column in table.columns:
        kind = table.field(column).type
        dtype = "string" if column in VOCABULARY_OF else pandas_dtype(table.field(column))
        if kind == "string":
            typed[column] = pd.array(raw[column].tolist(), dtype=dtype)
            continue
        values = []
        for idx, raw_value in raw[column].items():
            if raw_value is None:
                values.append(None)
                continue
            value, error = _parse_cell(kind, raw_value)
            if error:
                problems.append(Problem(table.file, int(lines[idx]), column, error))
                bad_cells.add((idx, column))
            values.append(value)
        typed[column] = pd.array(values, dtype=dtype)
    frame = pd.DataFrame(typed, index=raw.index)
    try:
        pandera_schema(table).validate(frame, lazy=True)
    except pa.errors.SchemaErrors as e:
        for case in e.failure_cases.itertuples(index=False):
            if case.index is None or pd.isna(case.index):
                continue
            idx = int(case.index)
            if (idx, case.column) in bad_cells:
                continue
            if case.check == "not_nullable":
                message = "missing value (required)"
            else:
                frame.loc[idx, case.column] = pd.NA  # later checks treat a failed cell as unknown
                got = case.failure_case
                message = f"{case.check}, got {got!r}" if isinstance(got, str) else f"{case.check}, got {got}"
            problems.append(Problem(table.file, int(lines[idx]), case.column, message))
    for column in VOCABULARY_OF:
        if column in frame:  # values outside the vocabulary were reported above
            dtype = pandas_dtype(table.field(column))
            frame[column] = frame[column].where(frame[column].isin(dtype.categories)).astype(dtype)
    return frame, problems
