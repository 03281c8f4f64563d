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


def _typed_column(raw: pd.Series, lines: pd.Series, table: Table, column: str) -> tuple[object, list[Problem]]:
    """One column parsed into its dtype; unparseable cells become missing and are reported."""
    kind = table.field(column).type
    dtype = "string" if column in VOCABULARY_OF else pandas_dtype(table.field(column))
    if kind == "string":
        return pd.array(raw.tolist(), dtype=dtype), []
    values, problems = [], []
    for idx, raw_value in raw.items():
        value, error = (None, None) if raw_value is None else _parse_cell(kind, raw_value)
        if error:
            problems.append(Problem(table.file, int(lines[idx]), column, error))
        values.append(value)
    return pd.array(values, dtype=dtype), problems


def _schema_problems(frame: pd.DataFrame, lines: pd.Series, table: Table, bad_cells: set) -> list[Problem]:
    """The pandera checks' failures as problems; a failed cell is set to missing (unknown from here on)."""
    try:
        pandera_schema(table).validate(frame, lazy=True)
    except pa.errors.SchemaErrors as e:
        problems = []
        for case in e.failure_cases.itertuples(index=False):
            if case.index is None or pd.isna(case.index) or (int(case.index), case.column) in bad_cells:
                continue
            idx = int(case.index)
            if case.check == "not_nullable":
                message = "missing value (required)"
            else:
                frame.loc[idx, case.column] = pd.NA
                got = case.failure_case
                message = f"{case.check}, got {got!r}" if isinstance(got, str) else f"{case.check}, got {got}"
            problems.append(Problem(table.file, int(lines[idx]), case.column, message))
        return problems
    return []


def type_table(raw: pd.DataFrame, lines: pd.Series, table: Table) -> tuple[pd.DataFrame, list[Problem]]:
    """Parse the strings into typed columns, then check them with the table's pandera schema."""
    problems: list[Problem] = []
    typed = {}
    for column in table.columns:
        typed[column], column_problems = _typed_column(raw[column], lines, table, column)
        problems += column_problems
    bad_cells = {(idx, p.column) for p in problems for idx in raw.index[lines == p.line]}
    frame = pd.DataFrame(typed, index=raw.index)
    problems += _schema_problems(frame, lines, table, bad_cells)
    for column in VOCABULARY_OF:
        if column in frame:  # values outside the vocabulary were reported above
            dtype = pandas_dtype(table.field(column))
            frame[column] = frame[column].where(frame[column].isin(dtype.categories)).astype(dtype)
    return frame, problems
