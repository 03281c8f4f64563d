"""Load the curated CSVs into typed DataFrames, validating everything on the way.

Validation is lazy and complete: one run reports every problem, each as
``file:line: column: message`` with the file's own line numbers (the header is line 1), so
an editor opens at the right row. Nothing is dropped silently: a row that cannot be read is
a reported problem, and any problem makes :func:`load` raise.
"""

from __future__ import annotations

import csv
import hashlib
import io
import math
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from . import paths
from .chinese import to_simplified
from .provenance import Problem, check_documents, check_quotes
from .schemas import (
    RELATIVE_CHANGES,
    RELATIVE_UNITS,
    TABLE_ORDER,
    TABLES,
    UNIT_BY_CODE,
    VOCABULARY_OF,
    Table,
    pandas_dtype,
    pandera_schema,
)


class DataValidationError(Exception):
    """The data failed validation; ``problems`` lists every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        shown = "\n".join(str(p) for p in problems[:50])
        more = f"\n... and {len(problems) - 50} more" if len(problems) > 50 else ""
        super().__init__(f"{len(problems)} problem(s) in the data:\n{shown}{more}")


@dataclass
class Dataset:
    """The validated tables, the source texts, and the joined long table of targets."""

    data_dir: Path
    jurisdictions: pd.DataFrame
    documents: pd.DataFrame
    indicators: pd.DataFrame
    targets: pd.DataFrame
    observations: pd.DataFrame
    texts: dict[str, str] = field(repr=False)
    targets_long: pd.DataFrame = field(repr=False)

    def table(self, name: str) -> pd.DataFrame:
        return getattr(self, name)

    def names(self, kind: str, lang: str) -> dict[str, str]:
        """Display names by id: ``kind`` is "jurisdiction" or "indicator", ``lang`` "zh" or "en"."""
        cache = self.__dict__.setdefault("_names", {})
        if (kind, lang) not in cache:
            table = self.jurisdictions if kind == "jurisdiction" else self.indicators
            cache[(kind, lang)] = dict(zip(table[f"{kind}_id"], table[f"name_{lang}"].astype(str)))
        return cache[(kind, lang)]


# ---------------------------------------------------------------------------------------------
# Reading one CSV with line numbers.

INTEGER = re.compile(r"^[+-]?\d+$")


def _encoding_hint(data: bytes) -> str:
    for encoding in ("gb18030", "big5"):
        try:
            data.decode(encoding)
        except UnicodeDecodeError:
            continue
        return f"; it decodes as {encoding.upper()}: re-save it as UTF-8"
    return ""


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
    data = path.read_bytes()
    problems: list[Problem] = []
    if data.startswith(b"\xef\xbb\xbf"):
        problems.append(Problem(name, 1, "encoding", "file starts with a UTF-8 byte-order mark (BOM); save it as UTF-8 without BOM"))
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        bad = data[e.start : e.start + 2].hex(" ")
        problems.append(Problem(name, line, "encoding", f"not valid UTF-8 (bytes {bad}){_encoding_hint(data)}"))
        return empty, no_lines, problems, False
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        problems.append(Problem(name, 1, "header", f"file is empty; expected a header row: {','.join(table.columns)}"))
        return empty, no_lines, problems, False
    missing = [c for c in table.columns if c not in header]
    extra = [c for c in header if c not in table.columns]
    dupes = sorted({c for c in header if header.count(c) > 1})
    for c in missing:
        problems.append(Problem(name, 1, c, "missing column"))
    for c in extra:
        problems.append(Problem(name, 1, c or "(blank)", f"unexpected column; the columns are: {','.join(table.columns)}"))
    for c in dupes:
        problems.append(Problem(name, 1, c, "column appears more than once"))
    if missing or dupes:
        return empty, no_lines, problems, False
    if not extra and header != list(table.columns):
        problems.append(Problem(name, 1, "header", f"columns are out of order; expected: {','.join(table.columns)}"))
    rows, lines = [], []
    previous_end = reader.line_num
    try:
        for record in reader:
            start, previous_end = previous_end + 1, reader.line_num
            if not record:  # a blank line holds nothing to lose
                continue
            if len(record) != len(header):
                problems.append(Problem(name, start, "row", f"has {len(record)} fields, the header has {len(header)}"))
                continue
            rows.append({c: (v if v != "" else None) for c, v in zip(header, record) if c in table.columns})
            lines.append(start)
    except csv.Error as e:
        problems.append(Problem(name, reader.line_num, "row", f"cannot be parsed as CSV: {e}"))
    if not rows and not problems:
        problems.append(Problem(name, 1, "rows", "the file has a header but no rows"))
    frame = pd.DataFrame(rows, columns=list(table.columns), dtype=object)
    return frame, pd.Series(lines, dtype="int64"), problems, True


# ---------------------------------------------------------------------------------------------
# Typing and checking one table.


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


# ---------------------------------------------------------------------------------------------
# Checks across rows and tables.


def _check_keys(frames: dict[str, pd.DataFrame], lines: dict[str, pd.Series], unreadable: set[str]) -> list[Problem]:
    """Unique primary keys and foreign keys that resolve (not against a table that failed to read)."""
    problems: list[Problem] = []
    for name in TABLE_ORDER:
        t, df = TABLES[name], frames[name]
        first_seen: dict[str, int] = {}
        for idx, key in df[t.primary_key].items():
            if pd.isna(key):
                continue
            line = int(lines[name][idx])
            if key in first_seen:
                problems.append(Problem(t.file, line, t.primary_key, f"duplicate id {key!r} (first on line {first_seen[key]})"))
            else:
                first_seen[key] = line
        for fk in t.foreign_keys:
            if fk.table in unreadable:
                continue
            known = set(frames[fk.table][fk.key].dropna())
            for idx, value in df[fk.column].items():
                if pd.notna(value) and value not in known:
                    problems.append(Problem(t.file, int(lines[name][idx]), fk.column, f"unknown {fk.key} {value!r} (not in {fk.table}.csv)"))
    return problems


def _check_jurisdictions(j: pd.DataFrame, lines: pd.Series) -> list[Problem]:
    problems = []
    level_of = dict(zip(j["jurisdiction_id"], j["level"]))
    region_of = dict(zip(j["jurisdiction_id"], j["region"]))
    expected_parent = {"province": "nation", "city": "province"}
    for line, row in zip(lines, j.to_dict("records")):
        line, level = int(line), row["level"]
        if pd.isna(level):
            continue
        if level == "nation":
            for column in ("parent_id", "region"):
                if pd.notna(row[column]):
                    problems.append(Problem("jurisdictions.csv", line, column, "must be empty for the nation"))
            continue
        if pd.isna(row["region"]):
            problems.append(Problem("jurisdictions.csv", line, "region", f"missing value (required for a {level})"))
        parent = row["parent_id"]
        if pd.isna(parent):
            problems.append(Problem("jurisdictions.csv", line, "parent_id", f"missing value (required for a {level})"))
        elif parent in level_of and level_of[parent] != expected_parent[level]:
            problems.append(Problem("jurisdictions.csv", line, "parent_id", f"the parent of a {level} must be a {expected_parent[level]}, {parent!r} is a {level_of[parent]}"))
        elif level == "city" and parent in region_of and pd.notna(row["region"]) and region_of[parent] != row["region"]:
            problems.append(Problem("jurisdictions.csv", line, "region", f"{row['region']!r} differs from its province's region {region_of[parent]!r}"))
    return problems


def _issue_year(issued: str) -> int | None:
    return int(issued[:4]) if isinstance(issued, str) and issued[:4].isdigit() else None


def _check_documents(d: pd.DataFrame, lines: pd.Series, today: date) -> list[Problem]:
    problems = []
    for idx, issued in d["issued"].items():
        if pd.isna(issued):
            continue
        parts = [int(p) for p in issued.split("-")]
        try:
            when = date(parts[0], parts[1], parts[2] if len(parts) == 3 else 1)
        except ValueError as e:
            problems.append(Problem("documents.csv", int(lines[idx]), "issued", f"not a real date: {issued!r} ({e})"))
            d.loc[idx, "issued"] = pd.NA  # unknown from here on: no cascade onto its targets
            continue
        if when > today:
            problems.append(Problem("documents.csv", int(lines[idx]), "issued", f"{issued} is in the future"))
            d.loc[idx, "issued"] = pd.NA
    return problems


def _check_indicators(i: pd.DataFrame, lines: pd.Series) -> list[Problem]:
    problems = []
    for idx, aliases in i["aliases"].items():
        if pd.isna(aliases):
            continue
        for alias in aliases.split(";"):
            if alias.strip() != alias or not alias:
                problems.append(Problem("indicators.csv", int(lines[idx]), "aliases", f"empty alias or stray spaces in {aliases!r}; separate aliases with ';' only"))
            elif to_simplified(alias) != alias:
                problems.append(Problem("indicators.csv", int(lines[idx]), "aliases", f"{alias!r} is in traditional characters; write aliases in simplified (traditional text is matched through OpenCC)"))
    return problems


def _unit_problem(unit: str, indicator_unit: str, change: object) -> str | None:
    if pd.notna(change) and change in RELATIVE_CHANGES:
        if unit not in RELATIVE_UNITS:
            return f"a relative target ({change}) must be stated in {' or '.join(RELATIVE_UNITS)}, not {unit!r}"
        return None
    if unit in UNIT_BY_CODE and indicator_unit in UNIT_BY_CODE and UNIT_BY_CODE[unit].quantity != UNIT_BY_CODE[indicator_unit].quantity:
        return f"{unit!r} does not measure the same quantity as the indicator's unit {indicator_unit!r}"
    return None


def _check_targets(frames: dict[str, pd.DataFrame], lines: pd.Series) -> list[Problem]:
    t = frames["targets"]
    issued = dict(zip(frames["documents"]["doc_id"], frames["documents"]["issued"]))
    unit_of = dict(zip(frames["indicators"]["indicator_id"], frames["indicators"]["unit"]))
    problems = []
    for line, row in zip(lines, t.to_dict("records")):
        line = int(line)
        p = lambda column, message: problems.append(Problem("targets.csv", line, column, message))  # noqa: E731
        year = _issue_year(issued.get(row["doc_id"]))
        if year is not None and pd.notna(row["target_year"]) and row["target_year"] < year:
            p("target_year", f"{row['target_year']} is before the plan was issued ({issued[row['doc_id']]})")
        is_range = row["comparator"] == "range"
        if is_range and pd.isna(row["value_high"]):
            p("value_high", "missing value (required when comparator is range)")
        if not is_range and pd.notna(row["value_high"]) and pd.notna(row["comparator"]):
            p("value_high", f"must be empty unless comparator is range (comparator is {row['comparator']})")
        if is_range and pd.notna(row["value_high"]) and pd.notna(row["value"]) and row["value_high"] <= row["value"]:
            p("value_high", f"{row['value_high']:g} is not above the low end {row['value']:g}")
        if pd.notna(row["baseline_year"]):
            if pd.notna(row["target_year"]) and row["baseline_year"] >= row["target_year"]:
                p("baseline_year", f"{row['baseline_year']} is not before the target year {row['target_year']}")
            if pd.isna(row["change"]) or row["change"] not in RELATIVE_CHANGES:
                p("baseline_year", f"a baseline year needs a relative change ({', '.join(RELATIVE_CHANGES)})")
        if pd.notna(row["unit"]) and row["indicator_id"] in unit_of:
            problem = _unit_problem(row["unit"], unit_of[row["indicator_id"]], row["change"])
            if problem:
                p("unit", problem)
    return problems


def _check_observations(frames: dict[str, pd.DataFrame], lines: pd.Series, today: date) -> list[Problem]:
    o = frames["observations"]
    unit_of = dict(zip(frames["indicators"]["indicator_id"], frames["indicators"]["unit"]))
    problems = []
    for line, row in zip(lines, o.to_dict("records")):
        line = int(line)
        if pd.isna(row["jurisdiction_id"]) == pd.isna(row["region"]):
            problems.append(Problem("observations.csv", line, "jurisdiction_id", "give exactly one of jurisdiction_id (a jurisdiction) or region (a regional aggregate)"))
        if pd.notna(row["year"]) and row["year"] > today.year:
            problems.append(Problem("observations.csv", line, "year", f"{row['year']} is in the future"))
        if pd.notna(row["unit"]) and row["indicator_id"] in unit_of:
            problem = _unit_problem(row["unit"], unit_of[row["indicator_id"]], None)
            if problem:
                problems.append(Problem("observations.csv", line, "unit", problem))
    return problems


# ---------------------------------------------------------------------------------------------
# The joined long table.


def _scale(unit: pd.Series, indicator_unit: pd.Series) -> pd.Series:
    factor = unit.map(lambda u: UNIT_BY_CODE[u].factor if u in UNIT_BY_CODE else float("nan"))
    base = indicator_unit.map(lambda u: UNIT_BY_CODE[u].factor if u in UNIT_BY_CODE else float("nan"))
    return (factor / base).astype("Float64")


def long_targets(frames: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Targets joined with their plan, jurisdiction and indicator: one row per target.

    Adds ``value_std``/``value_high_std``, the values in the indicator's unit (6万件 -> 60000
    件); relative targets (较2020年下降14%) keep NaN there, since they are not levels.
    """
    docs = frames["documents"][["doc_id", "jurisdiction_id", "issued", "title_zh", "title_en"]]
    jur = frames["jurisdictions"].rename(columns={"name_zh": "jurisdiction_zh", "name_en": "jurisdiction_en"})
    ind = frames["indicators"].rename(columns={"name_zh": "indicator_zh", "name_en": "indicator_en", "unit": "indicator_unit", "notes": "indicator_notes"})
    out = (
        frames["targets"]
        .merge(docs, on="doc_id", how="left", validate="many_to_one")
        .merge(jur, on="jurisdiction_id", how="left", validate="many_to_one")
        .merge(ind.drop(columns=["aliases"]), on="indicator_id", how="left", validate="many_to_one")
    )
    out["issue_year"] = out["issued"].str.slice(0, 4).astype("Int64")
    relative = out["change"].isin(RELATIVE_CHANGES).fillna(False).astype(bool)
    scale = _scale(out["unit"], out["indicator_unit"]).mask(relative)
    out["is_relative"] = relative
    out["value_std"] = out["value"] * scale
    out["value_high_std"] = out["value_high"] * scale
    return out


# ---------------------------------------------------------------------------------------------
# Entry points.


def validate(data_dir: Path | str | None = None, today: date | None = None) -> tuple[Dataset | None, list[Problem]]:
    """Validate a data folder completely; return the dataset (None if any problem) and problems."""
    data_dir = Path(data_dir) if data_dir is not None else paths.DATA_DIR
    today = today or date.today()
    problems: list[Problem] = []
    frames: dict[str, pd.DataFrame] = {}
    lines: dict[str, pd.Series] = {}
    unreadable: set[str] = set()
    for name in TABLE_ORDER:
        table = TABLES[name]
        raw, row_lines, read_problems, readable = read_csv_text(data_dir / table.file, table)
        typed, type_problems = type_table(raw, row_lines, table)
        frames[name], lines[name] = typed, row_lines
        problems += read_problems + type_problems
        if not readable:
            unreadable.add(name)
    problems += _check_keys(frames, lines, unreadable)
    problems += _check_jurisdictions(frames["jurisdictions"], lines["jurisdictions"])
    problems += _check_documents(frames["documents"], lines["documents"], today)
    problems += _check_indicators(frames["indicators"], lines["indicators"])
    problems += _check_targets(frames, lines["targets"])
    problems += _check_observations(frames, lines["observations"], today)
    doc_problems, texts = check_documents(frames["documents"], lines["documents"], data_dir)
    problems += doc_problems
    problems += check_quotes(frames["targets"], lines["targets"], texts)
    if problems:
        return None, problems
    dataset = Dataset(data_dir=data_dir, texts=texts, targets_long=long_targets(frames), **frames)
    return dataset, []


_cache: dict[Path, tuple[str, Dataset]] = {}


def fingerprint(data_dir: Path) -> str:
    """SHA-256 over every file of a data folder (names and contents): what a load depends on."""
    digest = hashlib.sha256()
    for path in sorted(p for p in Path(data_dir).rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(data_dir)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def load(data_dir: Path | str | None = None) -> Dataset:
    """Load and fully validate the curated data (default: the repository's ``data/``).

    A process that loads the same, unchanged folder again (a warm kernel running report
    after report) gets the validated tables from memory: the folder's content hash decides,
    so an edited file is always validated afresh. Each call returns its own copies of the
    tables (copy-on-write), so nothing one caller does to them reaches another.

    Raises
    ------
    DataValidationError
        With every problem found, each as ``file:line: column: message``.
    """
    data_dir = Path(data_dir).resolve() if data_dir is not None else paths.DATA_DIR.resolve()
    key = fingerprint(data_dir)
    cached = _cache.get(data_dir)
    if cached is None or cached[0] != key:
        dataset, problems = validate(data_dir)
        if problems:
            raise DataValidationError(problems)
        assert dataset is not None
        _cache[data_dir] = cached = (key, dataset)
    base = cached[1]
    return Dataset(
        data_dir=base.data_dir,
        texts=dict(base.texts),
        targets_long=base.targets_long.copy(deep=False),
        **{name: base.table(name).copy(deep=False) for name in TABLE_ORDER},
    )


def summary(dataset: Dataset) -> list[str]:
    """One line per table, for ``analysis validate`` on success."""
    d = dataset
    levels = d.jurisdictions["level"].value_counts()
    t = d.targets_long
    return [
        f"jurisdictions.csv: {len(d.jurisdictions)} rows ({', '.join(f'{levels[lv]} {lv}' for lv in levels.index if levels[lv])})",
        f"documents.csv: {len(d.documents)} plans, issued {d.documents['issued'].min()} to {d.documents['issued'].max()}, all checksums match",
        f"indicators.csv: {len(d.indicators)} indicators in {d.indicators['category'].nunique()} categories, {t['indicator_id'].nunique()} with targets",
        f"targets.csv: {len(t)} targets from {t['doc_id'].nunique()} plans, target years {t['target_year'].min()}-{t['target_year'].max()}, every quote found at its offset",
        f"observations.csv: {len(d.observations)} observed values of {d.observations['indicator_id'].nunique()} indicators, {d.observations['year'].min()}-{d.observations['year'].max()}",
    ]
