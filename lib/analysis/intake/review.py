"""Reviewing candidates: each beside its context, and the accepted ones as targets.csv rows."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pandas as pd

from .. import files
from ..data.chinese import format_number, to_simplified
from ..data.schema import TABLES
from ..data.vocabularies import UNIT_BY_CODE
from ..errors import IntakeError
from .extraction import COLUMNS, Candidate

TARGET_COLUMNS = list(TABLES["targets"].columns)


def candidates_table(candidates: list[Candidate], text: str, context: int = 25):
    """One row per candidate, numbered from 1, with its context and the quote in 【】.

    ``flag`` says what a reviewer must decide: an indicator phrase with no catalogue match,
    or a unit outside the vocabulary.
    """
    rows = []
    for n, c in enumerate(candidates, 1):
        a, b = c.char_offset, c.char_offset + len(c.quote)
        flags = []
        if not c.indicator_id:
            flags.append("indicator not in catalogue")
        if c.unit and to_simplified(c.unit) not in UNIT_BY_CODE:
            flags.append(f"unit {c.unit} not in vocabulary")
        rows.append(
            {
                "n": n,
                "indicator_phrase": c.indicator_phrase,
                "indicator_id": c.indicator_id,
                "target": ("" if c.comparator in ("=", "range") else c.comparator + " ")
                + format_number(c.value)
                + (f"–{format_number(c.value_high)}" if c.value_high is not None else "")
                + (c.unit if c.unit != "index" else ""),
                "target_year": c.target_year,
                "change": c.change,
                "context": text[max(0, a - context) : a].replace("\n", " ")
                + "【"
                + c.quote
                + "】"
                + text[b : b + context].replace("\n", " "),
                "flag": "; ".join(flags),
            }
        )
    return pd.DataFrame(rows).set_index("n")


def target_rows(candidates: list[Candidate], doc_id: str, reject: set[int] | None = None) -> list[dict]:
    """Accepted candidates (all but the numbers in ``reject``) as rows in targets.csv format."""
    rows: list[dict[str, str]] = []
    for n, c in enumerate(candidates, 1):
        if reject and n in reject:
            continue
        notes = ["candidate from the extractor, reviewed"]
        if not c.indicator_id:
            notes.append(f"indicator not in catalogue: {c.indicator_phrase}")
        rows.append(
            {
                "target_id": f"{doc_id}-{len(rows) + 1:03d}",
                "doc_id": doc_id,
                "indicator_id": c.indicator_id,
                "target_year": "" if c.target_year is None else str(c.target_year),
                "comparator": c.comparator,
                "value": format_number(c.value),
                "value_high": "" if c.value_high is None else format_number(c.value_high),
                "unit": to_simplified(c.unit),
                "baseline_year": "" if c.baseline_year is None else str(c.baseline_year),
                "change": c.change,
                "section": c.section,
                "char_offset": str(c.char_offset),
                "quote": c.quote,
                "notes": "; ".join(notes),
            }
        )
    return rows


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
