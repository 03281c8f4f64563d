"""The validated dataset: every table typed and checked, the source texts, and the joined long
table of targets. :func:`validate` reports every problem in one run (``loading.load`` is what
notebooks and the library call).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pandas as pd

from .. import paths
from . import rules
from .parsing import type_table
from .problems import Problem
from .provenance import check_documents, check_quotes
from .reading import read_csv_text
from .schema import TABLE_ORDER, TABLES
from .vocabularies import UNIT_BY_CODE


@dataclass
class Dataset:
    """The validated tables, the source texts, and the joined long table of targets."""

    data_dir: Path
    jurisdictions: pd.DataFrame
    documents: pd.DataFrame
    indicators: pd.DataFrame
    vintages: pd.DataFrame
    targets: pd.DataFrame
    observations: pd.DataFrame
    texts: dict[str, str] = field(repr=False)
    targets_long: pd.DataFrame = field(repr=False)
    # The indicators whose targets are held in full (None: all). A report's scoped dataset keeps
    # the other indicators' targets as outlines without values (analysis.data.scope).
    indicators_in_full: frozenset[str] | None = None

    def table(self, name: str) -> pd.DataFrame:
        return getattr(self, name)

    def names(self, kind: str, lang: str) -> dict[str, str]:
        """Display names by id: ``kind`` is "jurisdiction" or "indicator", ``lang`` "zh" or "en"."""
        cache = self.__dict__.setdefault("_names", {})
        if (kind, lang) not in cache:
            table = self.jurisdictions if kind == "jurisdiction" else self.indicators
            cache[(kind, lang)] = dict(zip(table[f"{kind}_id"], table[f"name_{lang}"].astype(str), strict=True))
        return cache[(kind, lang)]


def _scale(unit: pd.Series, indicator_unit: pd.Series) -> pd.Series:
    factor = unit.map(lambda u: UNIT_BY_CODE[u].factor if u in UNIT_BY_CODE else float("nan"))
    base = indicator_unit.map(lambda u: UNIT_BY_CODE[u].factor if u in UNIT_BY_CODE else float("nan"))
    return (factor / base).astype("Float64")


def long_targets(frames: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Targets joined with their plan, jurisdiction and indicator: one row per target.

    Adds ``value_std``/``value_high_std``, the values in the indicator's unit (6万件 -> 60000
    件); relative targets (较2020年下降14%) keep NaN there, since they are not levels.
    """
    columns = ["doc_id", "jurisdiction_id", "tier", "standing", "family", "coverage", "issued", "title_zh", "title_en"]
    docs = frames["documents"][columns]
    jur = frames["jurisdictions"].rename(columns={"name_zh": "jurisdiction_zh", "name_en": "jurisdiction_en"})
    ind = frames["indicators"].rename(
        columns={
            "name_zh": "indicator_zh",
            "name_en": "indicator_en",
            "unit": "indicator_unit",
            "notes": "indicator_notes",
        }
    )
    out = (
        frames["targets"]
        .merge(docs, on="doc_id", how="left", validate="many_to_one")
        .merge(jur, on="jurisdiction_id", how="left", validate="many_to_one")
        .merge(ind.drop(columns=["aliases"]), on="indicator_id", how="left", validate="many_to_one")
    )
    out["issue_year"] = out["issued"].str.slice(0, 4).astype("Int64")
    relative = (out["kind"] == "relative").fillna(False).astype(bool)
    scale = _scale(out["unit"], out["indicator_unit"]).mask(relative)
    out["is_relative"] = relative
    out["value_std"] = out["value"] * scale
    out["value_high_std"] = out["value_high"] * scale
    return out


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
    problems += rules.check_keys(frames, lines, unreadable)
    problems += rules.check_jurisdictions(frames["jurisdictions"], lines["jurisdictions"])
    problems += rules.check_documents(frames["documents"], lines["documents"], today)
    problems += rules.check_indicators(frames["indicators"], lines["indicators"])
    problems += rules.check_vintages(frames["vintages"], lines["vintages"])
    problems += rules.check_targets(frames, lines["targets"])
    problems += rules.check_observations(frames, lines["observations"], today)
    doc_problems, texts = check_documents(frames["documents"], lines["documents"], data_dir)
    problems += doc_problems
    problems += check_quotes(frames["targets"], lines["targets"], texts)
    if problems:
        return None, first_per_cell(problems)
    dataset = Dataset(data_dir=data_dir, texts=texts, targets_long=long_targets(frames), **frames)
    return dataset, []


def first_per_cell(problems: list[Problem]) -> list[Problem]:
    """One problem per cell, the first found: a cell that failed its type check is unknown to the
    later rules, which must not report it again as missing."""
    seen: set[tuple[str, int, str]] = set()
    out = []
    for p in problems:
        if (p.file, p.line, p.column) not in seen:
            seen.add((p.file, p.line, p.column))
            out.append(p)
    return out
