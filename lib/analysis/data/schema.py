"""The tables: their columns, keys and references, and the pandera schemas built from the
field dictionary (one source of truth for the validator and the published descriptor)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pandas as pd
import pandera.pandas as pa

from .fields import FIELDS, Field
from .vocabularies import CATEGORIES, CHANGES, COMPARATORS, LEVELS, REGIONS, SCRIPTS, codes


@dataclass(frozen=True)
class ForeignKey:
    """A column whose values must exist in another table's key."""

    column: str
    table: str
    key: str


@dataclass(frozen=True)
class Table:
    """One CSV table: its columns in order, which are required, its key and references."""

    name: str
    description: str
    columns: tuple[str, ...]
    required: tuple[str, ...]
    primary_key: str
    foreign_keys: tuple[ForeignKey, ...] = ()
    overrides: dict[str, dict[str, Any]] = field(default_factory=dict)

    @property
    def file(self) -> str:
        return f"{self.name}.csv"

    def field(self, column: str) -> Field:
        """The dictionary field for a column, with this table's description where it differs."""
        base = FIELDS[column]
        extra = self.overrides.get(column)
        if not extra:
            return base
        return Field(**{**base.__dict__, **extra})


TABLES: dict[str, Table] = {
    t.name: t
    for t in [
        Table(
            "jurisdictions",
            "Nation, provinces and cities that set or report figures.",
            ("jurisdiction_id", "name_zh", "name_en", "level", "parent_id", "region"),
            ("jurisdiction_id", "name_zh", "name_en", "level"),
            "jurisdiction_id",
            (ForeignKey("parent_id", "jurisdictions", "jurisdiction_id"),),
        ),
        Table(
            "documents",
            "The plans in the corpus, with the checksum of each source text.",
            (
                "doc_id",
                "jurisdiction_id",
                "title_zh",
                "title_en",
                "issuer",
                "issued",
                "doc_number",
                "script",
                "source_file",
                "sha256",
                "source_url",
                "notes",
            ),
            ("doc_id", "jurisdiction_id", "title_zh", "title_en", "issued", "script", "source_file", "sha256"),
            "doc_id",
            (ForeignKey("jurisdiction_id", "jurisdictions", "jurisdiction_id"),),
        ),
        Table(
            "indicators",
            "The indicator catalogue: one id per measure, shared by every plan that sets it.",
            ("indicator_id", "name_zh", "name_en", "unit", "higher_is_better", "category", "aliases", "notes"),
            ("indicator_id", "name_zh", "name_en", "unit", "higher_is_better", "category", "aliases"),
            "indicator_id",
            overrides={
                "unit": {"description": "Unit the indicator is compared in."},
                "notes": {"description": "Why phrasings were merged or kept apart."},
            },
        ),
        Table(
            "targets",
            "Every quantitative target of the plans, each traceable to an exact quote at a character offset"
            " of its source text.",
            (
                "target_id",
                "doc_id",
                "indicator_id",
                "target_year",
                "comparator",
                "value",
                "value_high",
                "unit",
                "baseline_year",
                "change",
                "section",
                "char_offset",
                "quote",
                "notes",
            ),
            (
                "target_id",
                "doc_id",
                "indicator_id",
                "target_year",
                "comparator",
                "value",
                "unit",
                "section",
                "char_offset",
                "quote",
            ),
            "target_id",
            (
                ForeignKey("doc_id", "documents", "doc_id"),
                ForeignKey("indicator_id", "indicators", "indicator_id"),
            ),
        ),
        Table(
            "observations",
            "Observed values (national, provincial and regional) with their citation.",
            (
                "observation_id",
                "jurisdiction_id",
                "region",
                "indicator_id",
                "year",
                "value",
                "unit",
                "publisher",
                "source_url",
                "notes",
            ),
            ("observation_id", "indicator_id", "year", "value", "unit", "publisher"),
            "observation_id",
            (
                ForeignKey("jurisdiction_id", "jurisdictions", "jurisdiction_id"),
                ForeignKey("indicator_id", "indicators", "indicator_id"),
            ),
            overrides={
                "jurisdiction_id": {"description": "Jurisdiction observed; empty for a regional aggregate."},
                "region": {"description": "Region of a regional aggregate; empty for a jurisdiction."},
                "value": {"description": "Observed value, in the row's unit."},
                "source_url": {"description": "Where the figure was published (a record of origin)."},
            },
        ),
    ]
}
TABLE_ORDER = ("jurisdictions", "documents", "indicators", "targets", "observations")


VOCABULARY_OF = {
    "level": LEVELS,
    "region": REGIONS,
    "comparator": COMPARATORS,
    "change": CHANGES,
    "category": CATEGORIES,
    "script": SCRIPTS,
}


def pandas_dtype(f: Field) -> Any:
    """The dtype a column has once loaded: nullable ints, floats, ordered categoricals, strings."""
    if f.name in VOCABULARY_OF:
        return pd.CategoricalDtype(codes(VOCABULARY_OF[f.name]), ordered=True)
    return {"integer": "Int64", "number": "Float64", "boolean": "boolean"}.get(f.type, "string")


def pandera_schema(table: Table) -> pa.DataFrameSchema:
    """A pandera schema checking types, required values, vocabularies, patterns and ranges.

    Parsing text into typed columns is the loader's job (it reports unparseable cells with
    their line); this schema checks the parsed frame, lazily, so every problem is reported.
    """
    columns = {}
    for name in table.columns:
        f = table.field(name)
        checks = []
        if f.enum:
            checks.append(pa.Check.isin(list(f.enum), error=f"must be one of: {', '.join(f.enum)}"))
        if f.pattern:
            checks.append(pa.Check.str_matches(f.pattern, error=f"must match the pattern {f.pattern}"))
        if f.minimum is not None:
            checks.append(pa.Check.ge(f.minimum, error=f"must be at least {f.minimum:g}"))
        if f.maximum is not None:
            checks.append(pa.Check.le(f.maximum, error=f"must be at most {f.maximum:g}"))
        dtype = "string" if name in VOCABULARY_OF else pandas_dtype(f)  # categories come after the checks
        columns[name] = pa.Column(dtype, checks=checks, nullable=name not in table.required)
    return pa.DataFrameSchema(columns, strict=True, ordered=True, name=table.name)
