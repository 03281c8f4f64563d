"""Reading one CSV table as strings, keeping each row's line number for the error messages.

Encoding, header and ragged-row problems are reported as ``file:line: column: message``;
nothing is dropped silently.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd

from .problems import Problem
from .schema import Table


def _encoding_hint(data: bytes) -> str:
    for encoding in ("gb18030", "big5"):
        try:
            data.decode(encoding)
        except UnicodeDecodeError:
            continue
        return f"; it decodes as {encoding.upper()}: re-save it as UTF-8"
    return ""


def _decode(name: str, data: bytes) -> tuple[str | None, list[Problem]]:
    """The file's text (None if it is not UTF-8), and a problem for a byte-order mark."""
    problems = []
    if data.startswith(b"\xef\xbb\xbf"):
        bom = "file starts with a UTF-8 byte-order mark (BOM); save it as UTF-8 without BOM"
        problems.append(Problem(name, 1, "encoding", bom))
        data = data[3:]
    try:
        return data.decode("utf-8"), problems
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        bad = data[e.start : e.start + 2].hex(" ")
        problems.append(Problem(name, line, "encoding", f"not valid UTF-8 (bytes {bad}){_encoding_hint(data)}"))
        return None, problems


def _header_problems(name: str, header: list[str], table: Table) -> tuple[list[Problem], bool]:
    """Problems with the header row, and whether the rows can still be read."""
    expected = ",".join(table.columns)
    missing = [c for c in table.columns if c not in header]
    extra = [c for c in header if c not in table.columns]
    dupes = sorted({c for c in header if header.count(c) > 1})
    problems = [Problem(name, 1, c, "missing column") for c in missing]
    problems += [Problem(name, 1, c or "(blank)", f"unexpected column; the columns are: {expected}") for c in extra]
    problems += [Problem(name, 1, c, "column appears more than once") for c in dupes]
    if not (missing or dupes or extra) and header != list(table.columns):
        problems.append(Problem(name, 1, "header", f"columns are out of order; expected: {expected}"))
    return problems, not (missing or dupes)


def _records(name: str, reader, header: list[str], table: Table) -> tuple[list[dict], list[int], list[Problem]]:
    """The rows (None for empty cells) and the line each starts on; ragged rows are problems."""
    rows, lines, problems = [], [], []
    previous_end = reader.line_num
    try:
        for record in reader:
            start, previous_end = previous_end + 1, reader.line_num
            if not record:  # a blank line holds nothing to lose
                continue
            if len(record) != len(header):
                problems.append(Problem(name, start, "row", f"has {len(record)} fields, the header has {len(header)}"))
                continue
            rows.append({c: v or None for c, v in zip(header, record, strict=True) if c in table.columns})
            lines.append(start)
    except csv.Error as e:
        problems.append(Problem(name, reader.line_num, "row", f"cannot be parsed as CSV: {e}"))
    return rows, lines, problems


def read_csv_text(path: Path, table: Table) -> tuple[pd.DataFrame, pd.Series, list[Problem], bool]:
    """Read a table as strings (None for empty cells) with each row's line number.

    Returns the raw frame, the line of each row (the line the record starts on), the
    problems met while reading (encoding, header, ragged rows), and whether the table could
    be read at all (if not, checks that refer to it are skipped rather than cascading).
    An extra column is reported and ignored; a missing one makes the table unreadable.
    """
    name = table.file
    empty = pd.DataFrame(columns=list(table.columns), dtype=object)
    no_lines = pd.Series([], dtype="int64")
    if not path.is_file():
        return empty, no_lines, [Problem(name, 1, "file", f"not found in {path.parent}")], False
    text, problems = _decode(name, path.read_bytes())
    if text is None:
        return empty, no_lines, problems, False
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader, None)
    if header is None:
        problems.append(Problem(name, 1, "header", f"file is empty; expected a header row: {','.join(table.columns)}"))
        return empty, no_lines, problems, False
    header_problems, readable = _header_problems(name, header, table)
    problems += header_problems
    if not readable:
        return empty, no_lines, problems, False
    rows, lines, row_problems = _records(name, reader, header, table)
    problems += row_problems
    if not rows and not problems:
        problems.append(Problem(name, 1, "rows", "the file has a header but no rows"))
    frame = pd.DataFrame(rows, columns=list(table.columns), dtype=object)
    return frame, pd.Series(lines, dtype="int64"), problems, True
