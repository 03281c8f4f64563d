"""Breadth and coverage: how many indicators each plan commits to, and for every jurisdiction
and indicator whether a target is set, the plan sets none, or nothing is known."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..data import Dataset
from ..data.vocabularies import CATEGORIES, codes
from .selection import plan_jurisdictions


def breadth(dataset: Dataset) -> pd.DataFrame:
    """How many catalogue indicators each plan's jurisdiction commits to, by category.

    Rows: jurisdictions with a plan in the corpus; columns: categories in their declared
    order, plus ``total``. A count is the number of distinct indicators with at least one
    target; 0 means "read, no target in that category", which differs from a jurisdiction
    with no plan read (absent from the table; see :func:`coverage`).
    """
    t = dataset.targets_long
    counts = t.groupby(["jurisdiction_id", "category"], observed=False)["indicator_id"].nunique().unstack("category")
    counts = (
        counts.reindex(index=plan_jurisdictions(dataset), columns=codes(CATEGORIES), fill_value=0).fillna(0).astype(int)
    )
    counts["total"] = t.groupby("jurisdiction_id")["indicator_id"].nunique().reindex(counts.index).fillna(0).astype(int)
    counts.columns.name = "category"
    return counts


COVERAGE_STATES = ("target", "no target", "no plan read")


def coverage(dataset: Dataset, indicators: list[str] | None = None) -> pd.DataFrame:
    """Status of every jurisdiction for every indicator: "target", "no target", "no plan read".

    "no target" means a plan of the jurisdiction was read and sets no target for the
    indicator; "no plan read" means the corpus holds no plan of it, so nothing is known.
    Returns one row per (jurisdiction, indicator) with the latest target's value, year and
    comparator where there is one.
    """
    t = dataset.targets_long
    indicators = indicators if indicators is not None else list(dataset.indicators["indicator_id"])
    with_plan = set(dataset.documents["jurisdiction_id"])
    latest = (
        t[t["indicator_id"].isin(indicators)]
        .sort_values("target_year")
        .groupby(["jurisdiction_id", "indicator_id"])
        .tail(1)
    )
    grid = pd.MultiIndex.from_product(
        [list(dataset.jurisdictions["jurisdiction_id"]), indicators], names=["jurisdiction_id", "indicator_id"]
    ).to_frame(index=False)
    out = grid.merge(
        latest[["jurisdiction_id", "indicator_id", "value", "value_high", "unit", "comparator", "target_year"]],
        how="left",
        on=["jurisdiction_id", "indicator_id"],
    )
    status = np.where(
        out["value"].notna(), "target", np.where(out["jurisdiction_id"].isin(with_plan), "no target", "no plan read")
    )
    out.insert(2, "status", pd.Categorical(status, categories=list(COVERAGE_STATES), ordered=True))
    return out
