"""Checks across rows and tables: keys, the jurisdiction hierarchy, dates, the two tiers of
provenance, aliases, units, ranges, baselines and the evidence of published figures.

Each ``check_*`` returns problems with the file's own line numbers; the row checks return
``(column, message)`` pairs, so each rule reads on its own.
"""

from __future__ import annotations

import ast
import math
import operator
from collections.abc import Callable, Iterator
from datetime import date

import pandas as pd

from .chinese import format_number, numbers_in, to_simplified
from .kinds import read_kind
from .problems import Problem
from .schema import TABLE_ORDER, TABLES
from .vocabularies import RELATIVE_UNITS, STANDINGS, UNIT_BY_CODE, UNSTATED, codes

Found = list[tuple[str, str]]

# What each tier of provenance requires of a plan and of its targets; the other tier's columns
# must be empty, so a row never mixes the two.
QUOTED_DOCUMENT = ("issued", "script", "source_file", "sha256")
# The id suffix of a document whose text or copy gives no issue date (doc_id <jurisdiction>-undated).
UNDATED = "-undated"
CITED_DOCUMENT = ("source_url", "source_kind", "source_site")
TEXT_HELD = ("script", "source_file", "sha256", "original_name", "original_format", "original_sha256")
QUOTED_TARGET = ("target_year", "section", "char_offset", "quote")
CITED_TARGET = ("indicator_text", "source_url", "evidence")
# A note that records a kind read from words beyond the quote or evidence held starts so.
KIND_NOTE = "kind:"
# A published figure whose excerpt could not be had says so, first thing in its notes.
NO_EVIDENCE = "no evidence held:"
ORIGINAL_FILE = ("original_name", "original_format", "original_sha256")
PARENT_LEVELS = {"province": ("nation",), "city": ("province",), "district": ("province", "city")}


def _rows(frame: pd.DataFrame, lines: pd.Series) -> Iterator[tuple[int, dict]]:
    for line, row in zip(lines, frame.to_dict("records"), strict=True):
        yield int(line), row


def _present(row: dict, column: str) -> bool:
    return bool(pd.notna(row[column]))


def _collect(file: str, frame: pd.DataFrame, lines: pd.Series, *checks: Callable[[dict], Found]) -> list[Problem]:
    """Run row checks over a table; every (column, message) becomes a problem on the row's line."""
    return [
        Problem(file, line, column, message)
        for line, row in _rows(frame, lines)
        for check in checks
        for column, message in check(row)
    ]


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
                message = f"duplicate id {key!r} (first on line {first_seen[key]})"
                problems.append(Problem(t.file, line, t.primary_key, message))
            else:
                first_seen[key] = line
        for fk in t.foreign_keys:
            if fk.table in unreadable:
                continue
            known = set(frames[fk.table][fk.key].dropna())
            for idx, value in df[fk.column].items():
                if pd.notna(value) and value not in known:
                    message = f"unknown {fk.key} {value!r} (not in {fk.table}.csv)"
                    problems.append(Problem(t.file, int(lines[name][idx]), fk.column, message))
    return problems


def check_jurisdictions(j: pd.DataFrame, lines: pd.Series) -> list[Problem]:
    """The nation has no parent; a province sits under the nation, a city under a province, a
    district under a province or city; a city or district shares its parent's region."""
    level_of = dict(zip(j["jurisdiction_id"], j["level"], strict=True))
    region_of = dict(zip(j["jurisdiction_id"], j["region"], strict=True))

    def hierarchy(row: dict) -> Found:
        level, parent = row["level"], row["parent_id"]
        if pd.isna(level):
            return []
        if level == "nation":
            return [(c, "must be empty for the nation") for c in ("parent_id", "region") if _present(row, c)]
        found = [
            (c, f"missing value (required for a {level})") for c in ("region", "parent_id") if not _present(row, c)
        ]
        allowed = PARENT_LEVELS[level]
        if pd.notna(parent) and parent in level_of and level_of[parent] not in allowed:
            parent_level = level_of[parent]
            message = f"the parent of a {level} must be a {' or a '.join(allowed)}, {parent!r} is a {parent_level}"
            found.append(("parent_id", message))
        elif level != "province" and pd.notna(parent) and pd.notna(row["region"]) and parent in region_of:
            if pd.notna(region_of[parent]) and region_of[parent] != row["region"]:
                message = f"{row['region']!r} differs from its parent's region {region_of[parent]!r}"
                found.append(("region", message))
        return found

    return _collect("jurisdictions.csv", j, lines, hierarchy)


def _issue_year(issued: object) -> int | None:
    return int(issued[:4]) if isinstance(issued, str) and issued[:4].isdigit() else None


def _tier_contradiction(row: dict) -> str:
    """Why a plan's tier contradicts what the row holds, or "" (a whole row in the other tier's form)."""
    held = [c for c in TEXT_HELD if _present(row, c)]
    if row["tier"] == "cited" and held:
        return f"cited, but the row gives {', '.join(held)}: a plan whose text is held in sources/ is quoted"
    if row["tier"] == "quoted" and not held and _present(row, "source_url"):
        return "quoted, but no text is held (no source_file or sha256): a plan known from a published copy is cited"
    return ""


def _tier_of_document(row: dict) -> Found:
    """A quoted plan holds its text (checksummed); a cited plan names the copy it is known from.

    A quoted plan's issue date is required unless its id says the text gives none (``-undated``,
    as the id rule writes it): a date is never inferred to fill the column."""
    if row["tier"] == "quoted":
        required: tuple[str, ...] = QUOTED_DOCUMENT
        if isinstance(row["doc_id"], str) and row["doc_id"].endswith(UNDATED):
            required = tuple(c for c in QUOTED_DOCUMENT if c != "issued")
        found = [(c, "missing value (required for a quoted plan)") for c in required if not _present(row, c)]
        given = [c for c in ORIGINAL_FILE if _present(row, c)]
        if given:
            missing = [c for c in ORIGINAL_FILE if c not in given]
            found += [(c, "missing value (the original file is given in full or not at all)") for c in missing]
        return found
    if row["tier"] == "cited":
        return [(c, "missing value (required for a cited plan)") for c in CITED_DOCUMENT if not _present(row, c)]
    return []


def check_documents(d: pd.DataFrame, lines: pd.Series, today: date) -> list[Problem]:
    """Real, past issue dates, and each plan's tier of provenance (a row wholly in the other tier's
    form is one problem, on ``tier``, not one per column)."""
    problems = []
    for idx, issued in d["issued"].items():
        if pd.isna(issued):
            continue
        parts = [int(p) for p in issued.split("-")] + [1, 1]
        try:
            when = date(parts[0], parts[1], parts[2])
        except ValueError as e:
            problems.append(Problem("documents.csv", int(lines[idx]), "issued", f"not a real date: {issued!r} ({e})"))
            d.loc[idx, "issued"] = pd.NA  # unknown from here on: no cascade onto its targets
            continue
        if when > today:
            problems.append(Problem("documents.csv", int(lines[idx]), "issued", f"{issued} is in the future"))
            d.loc[idx, "issued"] = pd.NA
    for idx, row in zip(d.index, d.to_dict("records"), strict=True):
        why = _tier_contradiction(row)
        if why:
            problems.append(Problem("documents.csv", int(lines[idx]), "tier", why))
            d.loc[idx, "tier"] = pd.NA  # unknown from here on: its targets are not checked against it
    return problems + _collect("documents.csv", d, lines, _tier_of_document) + _family_problems(d, lines)


def _family_problems(d: pd.DataFrame, lines: pd.Series) -> list[Problem]:
    """A family is named by its document of highest standing, which names itself; every copy and
    reading of one plan is of the same jurisdiction."""
    rank = {code: i for i, code in enumerate(codes(STANDINGS))}
    by_id = {row["doc_id"]: row for row in d.to_dict("records")}
    problems = []
    for line, row in _rows(d, lines):
        head = by_id.get(row["family"])
        if head is None or pd.isna(row["family"]) or row["family"] == row["doc_id"]:
            continue
        where = ("documents.csv", line, "family")
        if head["family"] != head["doc_id"]:
            problems.append(Problem(*where, f"{row['family']!r} is itself in the family {head['family']!r}: name that"))
        elif head["jurisdiction_id"] != row["jurisdiction_id"]:
            message = f"{row['family']!r} is a plan of {head['jurisdiction_id']}, not of {row['jurisdiction_id']}"
            problems.append(Problem(*where, message))
        elif rank.get(row["standing"], 0) < rank.get(head["standing"], 0):
            message = (
                f"{row['doc_id']} ({row['standing']}) stands above {row['family']} ({head['standing']}):"
                " a family is named by its document of highest standing"
            )
            problems.append(Problem(*where, message))
    return problems


def check_indicators(i: pd.DataFrame, lines: pd.Series) -> list[Problem]:
    """Aliases in simplified characters, separated by ';' only; a complement pair is two rates
    in % with opposite directions (a failure rate and its pass rate)."""
    by_id = i.set_index("indicator_id", drop=False)

    def aliases(row: dict) -> Found:
        if not _present(row, "aliases"):
            return []
        found = []
        for alias in row["aliases"].split(";"):
            if alias.strip() != alias or not alias:
                found.append(
                    ("aliases", f"empty alias or stray spaces in {row['aliases']!r}; separate aliases with ';' only")
                )
            elif to_simplified(alias) != alias:
                message = f"{alias!r} is in traditional characters; write aliases in simplified"
                found.append(("aliases", message + " (traditional text is matched through OpenCC)"))
        return found

    def complement(row: dict) -> Found:
        other = row["complement_of"]
        if pd.isna(other) or other not in by_id.index or other == row["indicator_id"]:
            return [("complement_of", "an indicator is not its own complement")] if other == row["indicator_id"] else []
        pair = by_id.loc[other]
        if row["unit"] != "%" or pair["unit"] != "%":
            return [("complement_of", f"complements are rates in %: {row['unit']!r} and {pair['unit']!r}")]
        if row["higher_is_better"] == pair["higher_is_better"]:
            return [("complement_of", f"{other!r} points the same way; a rate and its complement point opposite ways")]
        return []

    return _collect("indicators.csv", i, lines, aliases, complement)


def _unit_problem(unit: str, indicator_unit: str, kind: object) -> str | None:
    if kind == "relative":
        if unit not in RELATIVE_UNITS:
            return f"a relative target must be stated in {' or '.join(RELATIVE_UNITS)}, not {unit!r}"
        return None
    if unit == UNSTATED or unit not in UNIT_BY_CODE or indicator_unit not in UNIT_BY_CODE:
        return None
    if UNIT_BY_CODE[unit].quantity != UNIT_BY_CODE[indicator_unit].quantity:
        return f"{unit!r} does not measure the same quantity as the indicator's unit {indicator_unit!r}"
    return None


def _range_problems(row: dict) -> Found:
    """A range has a high end above its low end; nothing else has a high end."""
    is_range = row["comparator"] == "range"
    if is_range and pd.isna(row["value_high"]):
        return [("value_high", "missing value (required when comparator is range)")]
    if not is_range and pd.notna(row["value_high"]) and pd.notna(row["comparator"]):
        return [("value_high", f"must be empty unless comparator is range (comparator is {row['comparator']})")]
    if is_range and pd.notna(row["value"]) and row["value_high"] <= row["value"]:
        return [("value_high", f"{row['value_high']:g} is not above the low end {row['value']:g}")]
    return []


def _baseline_problems(row: dict) -> Found:
    """A baseline comes before the target year; a baseline year belongs to a change counted from it
    (较2020年下降, or 十四五期间新增 counted after 2020) or to a stated baseline value (基期值), and a
    baseline value needs its year."""
    if pd.notna(row["baseline_value"]) and pd.isna(row["baseline_year"]):
        return [("baseline_year", "missing value (required with a baseline value)")]
    if pd.isna(row["baseline_year"]):
        return []
    found = []
    if pd.notna(row["target_year"]) and row["baseline_year"] >= row["target_year"]:
        found.append(("baseline_year", f"{row['baseline_year']} is not before the target year {row['target_year']}"))
    counted_from = row["kind"] in ("relative", "addition")
    if not counted_from and pd.isna(row["baseline_value"]):
        found.append(
            ("baseline_year", "a baseline year needs a kind counted from it (relative, addition) or a baseline value")
        )
    return found


def _kind_problems(row: dict, wording: object, indicator_name: object, annual_plan: bool) -> Found:
    """The kind is the one the wording rule reads (:func:`analysis.data.kinds.read_kind`), unless a
    note starting ``kind:`` says which words beyond the quote or evidence decided it; a relative
    target says how it is stated against its baseline, and nothing else does."""
    if pd.isna(row["kind"]):
        return []
    if row["kind"] == "relative" and pd.isna(row["change"]):
        return [("change", "missing value (required for a relative target: increase, decrease or annual_growth)")]
    if row["kind"] != "relative" and pd.notna(row["change"]):
        return [("change", f"must be empty unless kind is relative (kind is {row['kind']})")]
    if not isinstance(wording, str) or pd.isna(row["unit"]) or not isinstance(indicator_name, str):
        return []
    context = row["context"] if _present(row, "context") else ""
    change = row["change"] if _present(row, "change") else None
    reading = read_kind(f"{context} {wording}", row["unit"], indicator_name, change, annual_plan)
    noted = _present(row, "notes") and KIND_NOTE in row["notes"]
    if reading.kind != row["kind"] and not noted:
        message = f"the wording reads as {reading.kind} ({reading.because}), not {row['kind']}"
        return [("kind", message + f"; a kind read from words beyond it needs a note starting {KIND_NOTE!r}")]
    return []


def _tier_of_target(row: dict, tier: object) -> Found:
    """A quoted plan's target carries its quote; a cited plan's target carries the copy's URL and
    the indicator as the copy names it. A row holding both, or the other tier's, is refused."""
    quoted_form = [c for c in ("section", "char_offset", "quote") if _present(row, c)]
    cited_form = [c for c in CITED_TARGET if _present(row, c)]
    if quoted_form and cited_form:  # reported on the column that does not belong to the plan's tier
        message = "a target carries either a quote (quoted plan) or a source URL (cited plan), not both"
        return [(quoted_form[-1] if tier == "cited" else cited_form[-1], message)]
    if tier == "quoted" and cited_form:
        return [(cited_form[0], f"{row['doc_id']} is a quoted plan: its targets carry a quote, not a source URL")]
    if tier == "cited" and quoted_form:
        message = f"{row['doc_id']} is a cited plan (its text is not held): a cited target carries no quote"
        return [(quoted_form[0], message)]
    if tier == "quoted":
        return [
            (c, "missing value (required for a target of a quoted plan)") for c in QUOTED_TARGET if not _present(row, c)
        ]
    if tier == "cited":
        found = [
            (c, "missing value (required for a target of a cited plan)") for c in CITED_TARGET if not _present(row, c)
        ]
        if not _present(row, "target_year") and not _present(row, "notes"):
            found.append(("notes", "missing value (a target without a year says why in notes)"))
        return found
    return []


def check_targets(frames: dict[str, pd.DataFrame], lines: pd.Series) -> list[Problem]:
    """Each target's tier, target years after the plan's issue, ranges, baselines, and units of
    the indicator's quantity (a unit the text does not state is said so in notes)."""
    docs = frames["documents"]
    issued = dict(zip(docs["doc_id"], docs["issued"], strict=True))
    tier_of = dict(zip(docs["doc_id"], docs["tier"], strict=True))
    annual_plans = set(docs.loc[docs["standing"] == "annual", "doc_id"])
    unit_of = dict(zip(frames["indicators"]["indicator_id"], frames["indicators"]["unit"], strict=True))
    name_of = dict(zip(frames["indicators"]["indicator_id"], frames["indicators"]["name_zh"], strict=True))

    def timing(row: dict) -> Found:
        year = _issue_year(issued.get(row["doc_id"]))
        if year is not None and pd.notna(row["target_year"]) and row["target_year"] < year:
            return [("target_year", f"{row['target_year']} is before the plan was issued ({issued[row['doc_id']]})")]
        return []

    def unit(row: dict) -> Found:
        if row["unit"] == UNSTATED and not _present(row, "notes"):
            return [("notes", "missing value (a target whose text states no unit says what scale it is on)")]
        if pd.notna(row["unit"]) and row["indicator_id"] in unit_of:
            problem = _unit_problem(row["unit"], unit_of[row["indicator_id"]], row["kind"])
            return [("unit", problem)] if problem else []
        return []

    def tier(row: dict) -> Found:
        return _tier_of_target(row, tier_of.get(row["doc_id"]))

    def kind(row: dict) -> Found:
        wording = row["quote"] if tier_of.get(row["doc_id"]) == "quoted" else row["evidence"]
        name = name_of.get(row["indicator_id"])
        return _kind_problems(row, wording, name, row["doc_id"] in annual_plans)

    def evidence(row: dict) -> Found:
        """A cited target's evidence holds its numbers, as a quote does."""
        if not _present(row, "evidence"):
            return []
        return [
            (column, f"{format_number(row[column])} does not appear in the evidence {row['evidence']!r}")
            for column in ("value", "value_high")
            if pd.notna(row[column]) and not _holds(row["evidence"], row[column])
        ]

    checks = (tier, timing, _range_problems, _baseline_problems, unit, kind, evidence)
    return _collect("targets.csv", frames["targets"], lines, *checks)


ARITHMETIC: dict[type, Callable[[float, float], float]] = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
}


def evaluate_derivation(expression: str) -> float | None:
    """The value of plain arithmetic over numbers (93.65 - 0.36); None if it is anything else."""

    def value(node: ast.AST) -> float:
        if isinstance(node, ast.Constant) and isinstance(node.value, int | float):
            return float(node.value)
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
            return -value(node.operand)
        if isinstance(node, ast.BinOp) and type(node.op) in ARITHMETIC:
            return ARITHMETIC[type(node.op)](value(node.left), value(node.right))
        raise ValueError(ast.dump(node))

    try:
        return value(ast.parse(expression, mode="eval").body)
    except (SyntaxError, ValueError, ZeroDivisionError):
        return None


def _holds(text: str, number: float) -> bool:
    return any(math.isclose(number, n, rel_tol=0, abs_tol=1e-9) for n in numbers_in(text))


def _basis_problems(row: dict) -> Found:
    """A published figure is in its evidence; a derived one shows arithmetic that gives the value,
    over numbers each quoted in the evidence or, where the excerpt lacks one, given in the notes."""
    if pd.isna(row["basis"]) or pd.isna(row["value"]):
        return []
    value, evidence = row["value"], row["evidence"]
    if row["basis"] == "published":
        if _present(row, "derivation"):
            return [("basis", f"a derived value stored as published: its derivation {row['derivation']!r} computes it")]
        if pd.isna(evidence) and not (_present(row, "notes") and row["notes"].startswith(NO_EVIDENCE)):
            return [
                ("evidence", f"missing value (a figure whose excerpt is not held says so: notes start {NO_EVIDENCE!r})")
            ]
        if pd.notna(evidence) and not _holds(evidence, value):
            return [("evidence", f"does not contain the value {format_number(value)}")]
        return []
    if not _present(row, "derivation"):
        return [("derivation", "missing value (required for a derived value)")]
    result = evaluate_derivation(row["derivation"])
    if result is None:
        return [("derivation", f"{row['derivation']!r} is not plain arithmetic over numbers (+ - * /)")]
    if not math.isclose(result, value, rel_tol=0, abs_tol=1e-6):
        return [
            ("derivation", f"{row['derivation']!r} gives {format_number(round(result, 6))}, not {format_number(value)}")
        ]
    sources = " ".join(str(row[c]) for c in ("evidence", "notes") if _present(row, c))
    missing = [format_number(n) for n in numbers_in(row["derivation"]) if not _holds(sources, n)]
    if missing:
        return [("derivation", f"uses {', '.join(missing)}, found in neither the evidence nor the notes")]
    return []


def check_vintages(v: pd.DataFrame, lines: pd.Series) -> list[Problem]:
    """A vintage's years run forward, and the vintages of one indicator do not overlap."""
    problems = []
    spans: dict[str, list[tuple[int, float, str]]] = {}
    for line, row in _rows(v, lines):
        if pd.isna(row["first_year"]) or pd.isna(row["indicator_id"]):
            continue
        last = math.inf if pd.isna(row["last_year"]) else row["last_year"]
        if last < row["first_year"]:
            problems.append(
                Problem("vintages.csv", line, "last_year", f"{last} is before first_year {row['first_year']}")
            )
            continue
        for first, end, other in spans.get(row["indicator_id"], []):
            if row["first_year"] <= end and first <= last:
                message = f"years overlap those of {other!r} for {row['indicator_id']}"
                problems.append(Problem("vintages.csv", line, "first_year", message))
        spans.setdefault(row["indicator_id"], []).append((int(row["first_year"]), last, row["vintage"]))
    return problems


def _vintage_problem(row: dict, vintages: dict[str, dict], with_vintages: set[str]) -> Found:
    """An indicator with vintages gives each value its own, for the value's indicator and year."""
    if not _present(row, "vintage"):
        if row["indicator_id"] in with_vintages:
            return [("vintage", f"missing value (required: {row['indicator_id']} has vintages in vintages.csv)")]
        return []
    v = vintages.get(row["vintage"])
    if v is None:
        return []
    if v["indicator_id"] != row["indicator_id"]:
        return [("vintage", f"{row['vintage']!r} is a vintage of {v['indicator_id']}, not of {row['indicator_id']}")]
    last = math.inf if pd.isna(v["last_year"]) else v["last_year"]
    if pd.notna(row["year"]) and not v["first_year"] <= row["year"] <= last:
        span = f"{v['first_year']}-{'' if last == math.inf else int(last)}"
        return [("vintage", f"{row['year']} is outside {row['vintage']!r} ({span})")]
    return []


def check_observations(frames: dict[str, pd.DataFrame], lines: pd.Series, today: date) -> list[Problem]:
    """One of jurisdiction or region, past years, units of the indicator's quantity, a URL unless
    there is no web copy, the evidence of each figure, and its method vintage."""
    unit_of = dict(zip(frames["indicators"]["indicator_id"], frames["indicators"]["unit"], strict=True))
    vintages = {row["vintage"]: row for row in frames["vintages"].to_dict("records")}
    with_vintages = {v["indicator_id"] for v in vintages.values()}

    def who_and_when(row: dict) -> Found:
        found = []
        if row["year_basis"] == "inferred" and not _present(row, "notes"):
            found.append(("notes", "missing value (an inferred year says in notes what it was inferred from)"))
        if pd.isna(row["jurisdiction_id"]) == pd.isna(row["region"]):
            message = "give exactly one of jurisdiction_id (a jurisdiction) or region (a regional aggregate)"
            found.append(("jurisdiction_id", message))
        if pd.notna(row["year"]) and row["year"] > today.year:
            found.append(("year", f"{row['year']} is in the future"))
        return found

    def unit(row: dict) -> Found:
        if pd.notna(row["unit"]) and row["indicator_id"] in unit_of:
            problem = _unit_problem(row["unit"], unit_of[row["indicator_id"]], None)
            return [("unit", problem)] if problem else []
        return []

    def copy(row: dict) -> Found:
        if row["source_site"] == "none":
            return (
                [("source_url", "must be empty when there is no web copy (source_site none)")]
                if _present(row, "source_url")
                else []
            )
        return (
            []
            if _present(row, "source_url")
            else [("source_url", "missing value (required unless source_site is none)")]
        )

    def vintage(row: dict) -> Found:
        return _vintage_problem(row, vintages, with_vintages)

    checks = (who_and_when, unit, copy, _basis_problems, vintage)
    return _collect("observations.csv", frames["observations"], lines, *checks)
