"""The tables: their columns, keys and references, and the pandera schemas built from the
field dictionary (one source of truth for the validator and the published descriptor)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pandas as pd
import pandera.pandas as pa

from .fields import FIELDS, Field
from .vocabularies import (
    BASES,
    CATEGORIES,
    CHANGES,
    COMPARATORS,
    COVERAGES,
    FORMATS,
    KINDS,
    LEVELS,
    OBLIGATIONS,
    REGIONS,
    SCRIPTS,
    SOURCE_KINDS,
    SOURCE_SITES,
    STANDINGS,
    TIERS,
    YEAR_BASES,
    codes,
)


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
            "Nation, provinces, cities and districts that set or report figures, each under its parent.",
            ("jurisdiction_id", "name_zh", "name_en", "level", "parent_id", "region", "notes"),
            ("jurisdiction_id", "name_zh", "name_en", "level"),
            "jurisdiction_id",
            (ForeignKey("parent_id", "jurisdictions", "jurisdiction_id"),),
            overrides={"notes": {"description": "What the name or level does not say (a province-level city)."}},
        ),
        Table(
            "documents",
            "The plans: quoted ones with the checksum of their text (and of the original file received),"
            " cited ones with the published copy they are known from.",
            (
                "doc_id",
                "jurisdiction_id",
                "tier",
                "standing",
                "family",
                "title_zh",
                "title_en",
                "issuer",
                "issued",
                "doc_number",
                "script",
                "coverage",
                "source_file",
                "sha256",
                "original_name",
                "original_format",
                "original_sha256",
                "source_url",
                "source_kind",
                "source_site",
                "notes",
            ),
            ("doc_id", "jurisdiction_id", "tier", "standing", "family", "title_zh", "title_en", "coverage"),
            "doc_id",
            (
                ForeignKey("jurisdiction_id", "jurisdictions", "jurisdiction_id"),
                ForeignKey("family", "documents", "doc_id"),
            ),
            overrides={"notes": {"description": "Dates, titles, what the copy misses, and every doubt."}},
        ),
        Table(
            "indicators",
            "The indicator catalogue: one id per measure, shared by every plan that sets it.",
            (
                "indicator_id",
                "name_zh",
                "name_en",
                "unit",
                "higher_is_better",
                "category",
                "complement_of",
                "aliases",
                "notes",
            ),
            ("indicator_id", "name_zh", "name_en", "unit", "higher_is_better", "category", "aliases"),
            "indicator_id",
            (ForeignKey("complement_of", "indicators", "indicator_id"),),
            overrides={
                "unit": {"description": "Unit the indicator is compared in."},
                "notes": {"description": "Why phrasings were merged or kept apart."},
            },
        ),
        Table(
            "vintages",
            "Methods a published series was measured under, per indicator, with the years each applies to: a"
            " value is compared only with values of its own vintage (a series breaks where its method changes).",
            ("vintage", "indicator_id", "first_year", "last_year", "description", "notes"),
            ("vintage", "indicator_id", "first_year", "description", "notes"),
            "vintage",
            (ForeignKey("indicator_id", "indicators", "indicator_id"),),
            overrides={
                "vintage": {"description": "Stable id of a method vintage: <indicator abbreviation>-<first year>."},
                "notes": {"description": "Where the break is seen in the published figures, and how sure it is."},
            },
        ),
        Table(
            "targets",
            "Every quantitative target of the plans: a quoted plan's with its exact quote at a character offset"
            " of the stored text, a cited plan's with the URL of the copy it was read in.",
            (
                "target_id",
                "doc_id",
                "indicator_id",
                "indicator_text",
                "target_year",
                "comparator",
                "value",
                "value_high",
                "unit",
                "kind",
                "baseline_year",
                "baseline_value",
                "change",
                "obligation",
                "section",
                "char_offset",
                "quote",
                "context",
                "source_url",
                "evidence",
                "notes",
            ),
            ("target_id", "doc_id", "indicator_id", "comparator", "value", "unit", "kind"),
            "target_id",
            (
                ForeignKey("doc_id", "documents", "doc_id"),
                ForeignKey("indicator_id", "indicators", "indicator_id"),
            ),
            overrides={
                "source_url": {"description": "URL of the copy a cited target was read in (cited plans)."},
                "evidence": {
                    "description": "The passage of the copy read that holds the number, verbatim in the copy's"
                    " script (cited targets); empty for a quoted target, which has its quote."
                },
            },
        ),
        Table(
            "observations",
            "Published values (national, provincial, city and regional), each with its publisher, the copy read"
            " and the excerpt that holds it.",
            (
                "observation_id",
                "jurisdiction_id",
                "region",
                "indicator_id",
                "year",
                "year_basis",
                "value",
                "unit",
                "vintage",
                "basis",
                "derivation",
                "publisher",
                "source_url",
                "source_site",
                "evidence",
                "notes",
            ),
            ("observation_id", "indicator_id", "year", "year_basis", "value", "unit", "basis", "publisher"),
            "observation_id",
            (
                ForeignKey("jurisdiction_id", "jurisdictions", "jurisdiction_id"),
                ForeignKey("indicator_id", "indicators", "indicator_id"),
                ForeignKey("vintage", "vintages", "vintage"),
            ),
            overrides={
                "evidence": {"description": "A short excerpt of the copy read that holds the figure, verbatim."},
                "jurisdiction_id": {"description": "Jurisdiction observed; empty for a regional aggregate."},
                "region": {"description": "Region of a regional aggregate; empty for a jurisdiction."},
                "value": {"description": "Observed value, in the row's unit, as published (or as derived)."},
                "source_url": {"description": "URL of the copy the figure was read in; empty only with no web copy."},
                "notes": {"description": "How the year was read, series breaks, disagreeing sources."},
            },
        ),
    ]
}
TABLE_ORDER = ("jurisdictions", "documents", "indicators", "vintages", "targets", "observations")

# Derived by the library from the tables (``python -m analysis bundle`` writes it beside them):
# documented in the same field dictionary, never curated by hand.
MEASURES = Table(
    "measures",
    "Every measure of every target below the nation, one row per target (derived by the library from the"
    " tables; not curated): peer group and rank, headroom, implied change, method vintage and progress; where"
    " a measure gives no value, notes has measure=code saying why.",
    (
        "target_id",
        "doc_id",
        "tier",
        "jurisdiction_id",
        "level",
        "indicator_id",
        "kind",
        "target_year",
        "comparator",
        "value",
        "unit",
        "peer_group",
        "peer_n",
        "peer_rank",
        "peer_percentile",
        "vs_peer_median_pct",
        "headroom",
        "implied_annual_change",
        "implied_annual_change_unit",
        "change_baseline_year",
        "change_baseline_vintage",
        "implied_level",
        "vintage",
        "progress_status",
        "progress_ratio",
        "years_ahead",
        "ambition_band",
        "notes",
    ),
    ("target_id", "doc_id", "jurisdiction_id", "indicator_id", "kind", "peer_group"),
    "target_id",
    (ForeignKey("target_id", "targets", "target_id"),),
    overrides={
        "vintage": {"description": "The method vintage the target was set under (at its base year), if any."},
        "notes": {
            "description": "For each measure that gives no value, measure=code (codes of analysis.measures.notes),"
            " joined with '; '."
        },
    },
)


VOCABULARY_OF = {
    "tier": TIERS,
    "coverage": COVERAGES,
    "source_kind": SOURCE_KINDS,
    "source_site": SOURCE_SITES,
    "obligation": OBLIGATIONS,
    "basis": BASES,
    "original_format": FORMATS,
    "level": LEVELS,
    "region": REGIONS,
    "comparator": COMPARATORS,
    "change": CHANGES,
    "kind": KINDS,
    "standing": STANDINGS,
    "year_basis": YEAR_BASES,
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


HIERARCHY = Table(
    "hierarchy",
    "Every pair of a target and the target of the level above it on the same indicator and of the same kind"
    " (a city's or district's and its own province's; a province's and the nation's), aligned to one year along"
    " the national path: echo, raised or lowered (derived by the library; not curated).",
    (
        "lower_target_id",
        "upper_target_id",
        "lower_jurisdiction_id",
        "upper_jurisdiction_id",
        "lower_level",
        "upper_level",
        "province_id",
        "indicator_id",
        "kind",
        "lower_target_year",
        "upper_target_year",
        "aligned_year",
        "gap",
        "tolerance",
        "relation",
        "notes",
    ),
    ("lower_target_id", "upper_target_id", "indicator_id", "kind"),
    "lower_target_id",
    (
        ForeignKey("lower_target_id", "targets", "target_id"),
        ForeignKey("upper_target_id", "targets", "target_id"),
    ),
    overrides={"notes": {"description": "Where the pair could not be aligned, the code saying why."}},
)
DERIVED_TABLES = (MEASURES, HIERARCHY)
