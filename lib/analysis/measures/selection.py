"""Which targets a measure compares: local and national targets, the indicators several
jurisdictions share, the jurisdictions with a plan, and the headline indicator; and the two
helpers every measure applies to them (direction, and where a target can be checked)."""

from __future__ import annotations

import pandas as pd

from ..data import Dataset
from .memo import once_per_dataset

HEADLINE_INDICATOR = "mfg_quality_competitiveness_index"
NATION = "nation"


@once_per_dataset
def local_targets(dataset: Dataset) -> pd.DataFrame:
    """Targets set by provinces and cities (not the nation), joined long."""
    t = dataset.targets_long
    return t[t["level"] != NATION]


@once_per_dataset
def national_targets(dataset: Dataset) -> pd.DataFrame:
    """The national targets, one per indicator (the latest target year where several exist):
    levels with a year and a value in the indicator's unit, the yardstick the measures use."""
    t = dataset.targets_long
    national = t[(t["level"] == NATION) & ~t["is_relative"] & t["value_std"].notna() & t["target_year"].notna()]
    return national.sort_values("target_year").groupby("indicator_id", observed=True).tail(1).set_index("indicator_id")


def shared_indicators(dataset: Dataset, min_jurisdictions: int = 2, among: list[str] | None = None) -> list[str]:
    """Indicators set by at least ``min_jurisdictions`` jurisdictions (of ``among``, default
    all), most widely set first."""
    t = dataset.targets_long
    if among is not None:
        t = t[t["jurisdiction_id"].isin(among)]
    n = t.groupby("indicator_id")["jurisdiction_id"].nunique()
    n = n[n >= min_jurisdictions]
    order = dataset.indicators["indicator_id"].tolist()
    return sorted(n.index, key=lambda i: (-n[i], order.index(i)))


def plan_jurisdictions(dataset: Dataset) -> list[str]:
    """Jurisdictions with a plan in the corpus, in the order of jurisdictions.csv."""
    with_plan = set(dataset.documents["jurisdiction_id"])
    return [j for j in dataset.jurisdictions["jurisdiction_id"] if j in with_plan]


def direction(higher_is_better: pd.Series) -> pd.Series:
    """+1 where a higher value is better, -1 where lower is: positive always means more ambitious."""
    return higher_is_better.map({True: 1.0, False: -1.0}).astype("Float64")


def target_source(targets: pd.DataFrame) -> pd.Series:
    """Where a target can be checked: ``doc_id:char_offset`` (the quote's place in the source
    text) for a quoted target, the URL of the copy it was read in for a cited one."""
    quote_at = targets["doc_id"] + ":" + targets["char_offset"].astype("string")
    return quote_at.where(targets["tier"] == "quoted", targets["source_url"]).astype("string")
