"""Checks across rows and tables: keys, the jurisdiction hierarchy, dates, aliases, units,
ranges and baselines. Each returns a list of problems with the file's own line numbers."""

from __future__ import annotations

from datetime import date

import pandas as pd

from .chinese import to_simplified
from .problems import Problem
from .schema import TABLE_ORDER, TABLES
from .vocabularies import RELATIVE_CHANGES, RELATIVE_UNITS, UNIT_BY_CODE


def check_keys(frames: dict[str, pd.DataFrame], lines: dict[str, pd.Series], unreadable: set[str]) -> list[Problem]:
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
                problems.append(
                    Problem(t.file, line, t.primary_key, f"duplicate id {key!r} (first on line {first_seen[key]})")
                )
            else:
                first_seen[key] = line
        for fk in t.foreign_keys:
            if fk.table in unreadable:
                continue
            known = set(frames[fk.table][fk.key].dropna())
            for idx, value in df[fk.column].items():
                if pd.notna(value) and value not in known:
                    problems.append(
                        Problem(
                            t.file,
                            int(lines[name][idx]),
                            fk.column,
                            f"unknown {fk.key} {value!r} (not in {fk.table}.csv)",
                        )
                    )
    return problems


def check_jurisdictions(j: pd.DataFrame, lines: pd.Series) -> list[Problem]:
    problems = []
    level_of = dict(zip(j["jurisdiction_id"], j["level"], strict=True))
    region_of = dict(zip(j["jurisdiction_id"], j["region"], strict=True))
    expected_parent = {"province": "nation", "city": "province"}
    for line, row in zip(lines, j.to_dict("records"), strict=True):
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
            problems.append(
                Problem(
                    "jurisdictions.csv",
                    line,
                    "parent_id",
                    f"the parent of a {level} must be a {expected_parent[level]}, {parent!r} is a {level_of[parent]}",
                )
            )
        elif level == "city" and parent in region_of and pd.notna(row["region"]) and region_of[parent] != row["region"]:
            problems.append(
                Problem(
                    "jurisdictions.csv",
                    line,
                    "region",
                    f"{row['region']!r} differs from its province's region {region_of[parent]!r}",
                )
            )
    return problems


def _issue_year(issued: object) -> int | None:
    return int(issued[:4]) if isinstance(issued, str) and issued[:4].isdigit() else None


def check_documents(d: pd.DataFrame, lines: pd.Series, today: date) -> list[Problem]:
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


def check_indicators(i: pd.DataFrame, lines: pd.Series) -> list[Problem]:
    problems = []
    for idx, aliases in i["aliases"].items():
        if pd.isna(aliases):
            continue
        for alias in aliases.split(";"):
            if alias.strip() != alias or not alias:
                problems.append(
                    Problem(
                        "indicators.csv",
                        int(lines[idx]),
                        "aliases",
                        f"empty alias or stray spaces in {aliases!r}; separate aliases with ';' only",
                    )
                )
            elif to_simplified(alias) != alias:
                problems.append(
                    Problem(
                        "indicators.csv",
                        int(lines[idx]),
                        "aliases",
                        f"{alias!r} is in traditional characters; write aliases in simplified"
                        " (traditional text is matched through OpenCC)",
                    )
                )
    return problems


def _unit_problem(unit: str, indicator_unit: str, change: object) -> str | None:
    if pd.notna(change) and change in RELATIVE_CHANGES:
        if unit not in RELATIVE_UNITS:
            return f"a relative target ({change}) must be stated in {' or '.join(RELATIVE_UNITS)}, not {unit!r}"
        return None
    if (
        unit in UNIT_BY_CODE
        and indicator_unit in UNIT_BY_CODE
        and UNIT_BY_CODE[unit].quantity != UNIT_BY_CODE[indicator_unit].quantity
    ):
        return f"{unit!r} does not measure the same quantity as the indicator's unit {indicator_unit!r}"
    return None


def _range_problems(row: dict) -> list[tuple[str, str]]:
    """A range has a high end above its low end; nothing else has a high end."""
    is_range = row["comparator"] == "range"
    if is_range and pd.isna(row["value_high"]):
        return [("value_high", "missing value (required when comparator is range)")]
    if not is_range and pd.notna(row["value_high"]) and pd.notna(row["comparator"]):
        return [("value_high", f"must be empty unless comparator is range (comparator is {row['comparator']})")]
    if is_range and pd.notna(row["value"]) and row["value_high"] <= row["value"]:
        return [("value_high", f"{row['value_high']:g} is not above the low end {row['value']:g}")]
    return []


def _baseline_problems(row: dict) -> list[tuple[str, str]]:
    """A baseline year comes before the target year and belongs to a relative change."""
    if pd.isna(row["baseline_year"]):
        return []
    problems = []
    if pd.notna(row["target_year"]) and row["baseline_year"] >= row["target_year"]:
        problems.append(("baseline_year", f"{row['baseline_year']} is not before the target year {row['target_year']}"))
    if pd.isna(row["change"]) or row["change"] not in RELATIVE_CHANGES:
        problems.append(("baseline_year", f"a baseline year needs a relative change ({', '.join(RELATIVE_CHANGES)})"))
    return problems


def check_targets(frames: dict[str, pd.DataFrame], lines: pd.Series) -> list[Problem]:
    """Target years after the plan's issue, ranges, baselines, and units of the indicator's quantity."""
    issued = dict(zip(frames["documents"]["doc_id"], frames["documents"]["issued"], strict=True))
    unit_of = dict(zip(frames["indicators"]["indicator_id"], frames["indicators"]["unit"], strict=True))
    problems = []
    for line, row in zip(lines, frames["targets"].to_dict("records"), strict=True):
        found: list[tuple[str, str]] = []
        year = _issue_year(issued.get(row["doc_id"]))
        if year is not None and pd.notna(row["target_year"]) and row["target_year"] < year:
            found.append(
                ("target_year", f"{row['target_year']} is before the plan was issued ({issued[row['doc_id']]})")
            )
        found += _range_problems(row) + _baseline_problems(row)
        if pd.notna(row["unit"]) and row["indicator_id"] in unit_of:
            problem = _unit_problem(row["unit"], unit_of[row["indicator_id"]], row["change"])
            if problem:
                found.append(("unit", problem))
        problems += [Problem("targets.csv", int(line), column, message) for column, message in found]
    return problems


def check_observations(frames: dict[str, pd.DataFrame], lines: pd.Series, today: date) -> list[Problem]:
    o = frames["observations"]
    unit_of = dict(zip(frames["indicators"]["indicator_id"], frames["indicators"]["unit"], strict=True))
    problems = []
    for line, row in zip(lines, o.to_dict("records"), strict=True):
        line = int(line)
        if pd.isna(row["jurisdiction_id"]) == pd.isna(row["region"]):
            problems.append(
                Problem(
                    "observations.csv",
                    line,
                    "jurisdiction_id",
                    "give exactly one of jurisdiction_id (a jurisdiction) or region (a regional aggregate)",
                )
            )
        if pd.notna(row["year"]) and row["year"] > today.year:
            problems.append(Problem("observations.csv", line, "year", f"{row['year']} is in the future"))
        if pd.notna(row["unit"]) and row["indicator_id"] in unit_of:
            problem = _unit_problem(row["unit"], unit_of[row["indicator_id"]], None)
            if problem:
                problems.append(Problem("observations.csv", line, "unit", problem))
    return problems
