"""Reviewing candidates: each beside its context, and the accepted ones as targets.csv rows."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pandas as pd

from .. import files
from ..data.chinese import format_number, to_simplified
from ..data.kinds import read_kind
from ..data.schema import TABLES
from ..data.vocabularies import RELATIVE_CHANGES, UNSTATED
from ..errors import IntakeError
from .extraction import COLUMNS, Candidate, Rejected
from .rejections import ALL_RULES

TARGET_COLUMNS = list(TABLES["targets"].columns)


REVIEWED = "candidate from the extractor, reviewed"
UNREVIEWED = "candidate from the extractor, unreviewed"


def target_text(c: Candidate) -> str:
    """The target as read: comparator, value (a range low–high) and unit (≥ 94%)."""
    return (
        ("" if c.comparator in ("=", "range") else c.comparator + " ")
        + format_number(c.value)
        + (f"–{format_number(c.value_high)}" if c.value_high is not None else "")
        + (c.unit if c.unit != "index" else "")
    )


YEAR_SOURCES = {
    "sentence": "its sentence",
    "table": "its table column",
    "section": "a heading or the paragraph above",
    "relative": "the plan's date",
    "acceptance": "the year the plan is to pass acceptance",
    "period": "the plan period in the title",
    "title": "the title of an annual plan",
    "duration": "a stated length",
    "stages": "the plan's last stage",
    "horizon": "the plan's horizon",
}


def year_from(c: Candidate) -> str:
    """Where the candidate's year comes from, in words a reviewer can check (the rule, then the text)."""
    if c.target_year is None:
        return ""
    where = YEAR_SOURCES.get(c.year_source, c.year_source)
    return f"{where}: {c.year_basis}" if c.year_basis else where


def in_context(text: str, offset: int, quote: str, context: int = 25) -> str:
    """The quote in 【】 with ``context`` characters of the text on each side, on one line."""
    end = offset + len(quote)
    return (
        text[max(0, offset - context) : offset].replace("\n", " ")
        + "【"
        + quote.replace("\n", " ")
        + "】"
        + text[end : end + context].replace("\n", " ")
    )


def candidates_table(candidates: list[Candidate], text: str, context: int = 25):
    """One row per candidate, numbered from 1 in the order of the text, doubtful ones first.

    ``confidence`` and ``doubts`` say what a reviewer must check (no year found, an indicator
    phrase with no catalogue match, a year taken from the plan's horizon ...); ``mentions``
    counts the places the same target is stated, each shown in ``context``.
    """
    rows = []
    for n, c in enumerate(candidates, 1):
        rows.append(
            {
                "n": n,
                "confidence": c.confidence,
                "indicator_phrase": c.indicator_phrase,
                "indicator_id": c.indicator_id,
                "target": target_text(c),
                "target_year": c.target_year,
                "year_from": year_from(c),
                "change": c.change,
                "obligation": c.obligation,
                "doubts": "; ".join(c.doubts),
                "proposal": c.proposal,
                "read_as": "; ".join(c.repairs),
                "mentions": len(c.occurrences()),
                "context": " ‖ ".join(in_context(text, o, q, context) for o, q in c.occurrences()),
            }
        )
    table = pd.DataFrame(rows, columns=CANDIDATE_TABLE_COLUMNS).set_index("n")
    return table.sort_values("confidence", kind="stable")


CANDIDATE_TABLE_COLUMNS = [
    "n",
    "confidence",
    "indicator_phrase",
    "indicator_id",
    "target",
    "target_year",
    "year_from",
    "change",
    "obligation",
    "doubts",
    "proposal",
    "read_as",
    "mentions",
    "context",
]


def rejected_table(rejected: list[Rejected], text: str, context: int = 15):
    """Every number the rules left out, numbered from 1, with the rule's name and what it means."""
    rows = [
        {
            "n": n,
            "number": r.number,
            "rule": r.rule,
            "why": ALL_RULES[r.rule].description,
            "context": in_context(text, r.char_offset, r.number, context),
        }
        for n, r in enumerate(rejected, 1)
    ]
    return pd.DataFrame(rows, columns=["n", "number", "rule", "why", "context"]).set_index("n")


def overruled(rejected: list[Rejected], numbers: set[int]) -> list[Candidate]:
    """The candidates that rejected numbers (numbered as in :func:`rejected_table`) would make.

    Raises
    ------
    IntakeError
        If a number is not in the list, or its rejection leaves nothing to propose (a page
        number, a number inside quotation marks).
    """
    out = []
    for n in sorted(numbers):
        if not 1 <= n <= len(rejected):
            raise IntakeError(f"no rejected number {n}: the rejected numbers run from 1 to {len(rejected)}")
        r = rejected[n - 1]
        if r.candidate is None:
            raise IntakeError(f"rejected number {n} ({r.number}, {r.rule}) has no words around it to make a target of")
        r.candidate.doubts = (f"overruled rejection: {r.rule}", *r.candidate.doubts)
        out.append(r.candidate)
    return out


def target_rows(
    candidates: list[Candidate],
    doc_id: str,
    reject: set[int] | None = None,
    reviewed: bool = False,
    indicator_names: dict[str, str] | None = None,
) -> list[dict]:
    """Candidates (all but the numbers in ``reject``) as rows of targets.csv, in its columns.

    The columns are the targets table's (:data:`TARGET_COLUMNS`, from the schema), so a column
    the schema adds comes through, empty where the text gives nothing for it. Every column the
    validator requires of a quoted plan's target that the text can give is filled: the section
    (the heading path; above the first heading, the text's title line) and a unit (``unstated``,
    said so in the notes, where the text gives none); the kind, by the data's own rule
    (:func:`analysis.data.kinds.read_kind`) on the quote, with the catalogue's name of the
    indicator where ``indicator_names`` gives it (as the validator reads it), else the phrase.
    Rows say "unreviewed" in their notes until
    a reviewer has read them (``reviewed``); the notes also carry the confidence, its doubts,
    where an inferred year comes from and the other places the target is stated.
    """
    rows: list[dict[str, str]] = []
    for n, c in enumerate(candidates, 1):
        if reject and n in reject:
            continue
        change = c.change if c.change in RELATIVE_CHANGES else ""
        unit = to_simplified(c.unit) or UNSTATED
        name = (indicator_names or {}).get(c.indicator_id) or c.indicator_phrase or ""
        kind = read_kind(c.quote, unit, name, change or None).kind
        filled = {
            "target_id": f"{doc_id}-{len(rows) + 1:03d}",
            "doc_id": doc_id,
            "indicator_id": c.indicator_id,
            "target_year": "" if c.target_year is None else str(c.target_year),
            "comparator": c.comparator,
            "value": format_number(c.value),
            "value_high": "" if c.value_high is None else format_number(c.value_high),
            "unit": unit,
            "kind": kind,
            "baseline_year": "" if c.baseline_year is None else str(c.baseline_year),
            "baseline_value": "" if c.baseline_value is None else format_number(c.baseline_value),
            "change": change,
            "obligation": c.obligation,
            "section": c.section,
            "char_offset": str(c.char_offset),
            "quote": c.quote,
            "notes": "; ".join(_notes(c, reviewed, unit)),
        }
        rows.append({column: filled.get(column, "") for column in TARGET_COLUMNS})
    return rows


def _notes(c: Candidate, reviewed: bool, unit: str) -> list[str]:
    notes = [REVIEWED if reviewed else f"{UNREVIEWED} (confidence {c.confidence:.2f})"]
    if unit == UNSTATED:
        notes.append("no unit in the text: unit unstated (a score on the indicator's own scale)")
    if not reviewed and c.doubts:
        notes.append("doubts: " + ", ".join(c.doubts))
    if c.year_source not in ("", "sentence", "table") and c.target_year is not None:
        notes.append(f"year from {year_from(c)}")
    notes.extend(c.repairs)
    if c.impossible:
        notes.append(f"{c.impossible} as printed; proposed {c.proposal}")
    if not c.indicator_id:
        notes.append(f"indicator not in catalogue: {c.indicator_phrase}")
    if len(c.occurrences()) > 1:
        notes.append("also stated at offsets " + ", ".join(str(o) for o, _ in c.occurrences()[1:]))
    return notes


def write_rows(path: Path, rows: list[dict], columns: list[str], overwrite: bool = False) -> None:
    """Write rows as UTF-8 CSV, atomically; refuse to replace an existing file unless asked."""
    path = Path(path)
    if path.exists() and not overwrite:
        raise IntakeError(f"{path} exists; not overwriting it")
    files.write_csv(path, rows, columns)


def format_rows(candidates: list[Candidate], fmt: str) -> str:
    """Candidates as CSV or JSON text, in the extractor's columns."""

    def cell(v):
        return "" if v is None else format_number(v) if isinstance(v, float) else v

    if fmt == "json":
        return json.dumps([c.row() for c in candidates], ensure_ascii=False, indent=1) + "\n"
    out = io.StringIO()
    writer = csv.DictWriter(out, COLUMNS, lineterminator="\n")
    writer.writeheader()
    for c in candidates:
        writer.writerow({k: cell(v) for k, v in c.row().items()})
    return out.getvalue()


def format_rejected(rejected: list[Rejected], fmt: str) -> str:
    """Rejected numbers as CSV or JSON text: the number, its offset, the rule and its clause."""
    rows = [{"number": r.number, "char_offset": r.char_offset, "rule": r.rule, "context": r.context} for r in rejected]
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=1) + "\n"
    out = io.StringIO()
    writer = csv.DictWriter(out, ["number", "char_offset", "rule", "context"], lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def document_issued(dataset, doc_id: str) -> str | None:
    """The issue date ``documents.csv`` records for ``doc_id`` (YYYY[-MM[-DD]]), or None."""
    documents = dataset.documents
    row = documents[documents["doc_id"] == doc_id]
    if row.empty or pd.isna(row["issued"].iloc[0]):
        return None
    return str(row["issued"].iloc[0])


def indicator_names(dataset) -> dict[str, str]:
    """The catalogue's Chinese name of every indicator, by id (what the kind rule reads)."""
    indicators = dataset.indicators
    return dict(zip(indicators["indicator_id"], indicators["name_zh"], strict=True))
