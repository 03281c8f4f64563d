"""Which targets a measure compares: local and national targets, the indicators several
jurisdictions share, the jurisdictions with a plan, a province with its cities, and the headline
indicator; and the helpers every measure applies to them (direction, where a target can be
checked, whether its kind compares across levels of government)."""

from __future__ import annotations

import pandas as pd

from ..data import Dataset
from .memo import once_per_dataset

HEADLINE_INDICATOR = "mfg_quality_competitiveness_index"
NATION = "nation"


@once_per_dataset
def measured_targets(dataset: Dataset) -> pd.DataFrame:
    """The joined long targets that carry values to measure: all of them, or in a report's scoped
    dataset those of the indicators it reads in full (the others are outlines with no value,
    kept for what breadth counts; measuring them would only cost time)."""
    t = dataset.targets_long
    return t if dataset.indicators_in_full is None else t[t["indicator_id"].isin(dataset.indicators_in_full)]


@once_per_dataset
def local_targets(dataset: Dataset) -> pd.DataFrame:
    """Targets set by provinces and cities (not the nation), joined long."""
    t = measured_targets(dataset)
    return t[t["level"] != NATION]


@once_per_dataset
def national_target_rows(dataset: Dataset) -> pd.DataFrame:
    """Every national target that can stand as a yardstick: not relative, with a year and a value
    in the indicator's unit (the nation's plans of 2012, 2016 and 2023 each set some)."""
    t = measured_targets(dataset)
    national = t[(t["level"] == NATION) & ~t["is_relative"] & t["value_std"].notna() & t["target_year"].notna()]
    return national.sort_values(["indicator_id", "target_year", "target_id"]).reset_index(drop=True)


@once_per_dataset
def national_targets(dataset: Dataset) -> pd.DataFrame:
    """The latest national target of each indicator, indexed by indicator: what a chart marks as
    the national target."""
    return national_target_rows(dataset).groupby("indicator_id", observed=True).tail(1).set_index("indicator_id")


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


def province_members(dataset: Dataset) -> dict[str, list[str]]:
    """Each province with the jurisdictions a "province with its cities" comparison holds: the
    province and every city and district under it that has a plan (jurisdictions.csv order).
    Provinces with none of these are left out."""
    j = dataset.jurisdictions
    parent = dict(zip(j["jurisdiction_id"], j["parent_id"], strict=True))
    members: dict[str, list[str]] = {p: [] for p in j.loc[j["level"] == "province", "jurisdiction_id"]}
    for jurisdiction in plan_jurisdictions(dataset):
        ancestor: str | None = jurisdiction
        while ancestor is not None and ancestor not in members:
            ancestor = None if pd.isna(parent[ancestor]) else parent[ancestor]
        if ancestor in members:
            members[ancestor].append(jurisdiction)
    return {p: m for p, m in members.items() if m}


def plan_jurisdictions(dataset: Dataset) -> list[str]:
    """Jurisdictions with a plan in the corpus, in the order of jurisdictions.csv."""
    with_plan = set(dataset.documents["jurisdiction_id"])
    return [j for j in dataset.jurisdictions["jurisdiction_id"] if j in with_plan]


# Kinds whose numbers are totals that grow with a jurisdiction's size: compared only within one
# level of government, and never with the nation's path. Rates and indices compare across levels.
SIZE_KINDS = ("level", "addition", "annual")
# Kinds a national path or a published series can place (a level reached, in the indicator's unit).
LEVEL_KINDS = ("rate", "index", "level")


def compares_across_levels(kind: pd.Series) -> pd.Series:
    """Whether targets of each kind compare across levels of government (rates, indices, ranks)."""
    return ~kind.isin(SIZE_KINDS)


def direction(higher_is_better: pd.Series) -> pd.Series:
    """+1 where a higher value is better, -1 where lower is: positive always means more ambitious."""
    return higher_is_better.map({True: 1.0, False: -1.0}).astype("Float64")


def target_source(targets: pd.DataFrame) -> pd.Series:
    """Where a target can be checked: ``doc_id:char_offset`` (the quote's place in the source
    text) for a quoted target, the URL of the copy it was read in for a cited one."""
    quote_at = targets["doc_id"] + ":" + targets["char_offset"].astype("string")
    return quote_at.where(targets["tier"] == "quoted", targets["source_url"]).astype("string")
