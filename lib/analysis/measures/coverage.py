"""Breadth and coverage: how many indicators each plan commits to, and for every jurisdiction
and indicator whether a target is set, a plan read in full sets none, or nothing is known.

A plan known only from an excerpt says nothing about the indicators it does not mention: its
breadth is a lower bound, and its silence is "not known", never "no target".
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..data import Dataset
from ..data.vocabularies import CATEGORIES, codes
from .notes import note
from .selection import target_source

COVERAGE_STATES = ("target", "no target", "not known")
NOT_KNOWN_WHY = (note("excerpt_only"), note("no_plan_in_data"))


def breadth(dataset: Dataset, by: str = "plan") -> pd.DataFrame:
    """How many catalogue indicators each plan (or each jurisdiction) commits to, by category.

    ``by="plan"``: one row per plan (its family's ``doc_id``; the targets of every document of
    the family count) with its jurisdiction, tier, standing, coverage and issue date;
    ``by="jurisdiction"``: one row per jurisdiction with a plan, counting the distinct
    indicators over all its plans. Columns are the categories in their declared order
    and ``total``, each the number of distinct indicators with at least one target.

    ``lower_bound`` is true where nothing was read in full (an excerpt): it may set more than it
    shows, so ``total`` is "at least". A plan with no targets listed has a total of 0, which
    for an excerpt means only that none were seen.
    """
    t = dataset.targets_long
    docs = dataset.documents
    if by == "plan":
        plans = docs[docs["doc_id"] == docs["family"]]
        key, meta = (
            "family",
            plans.set_index("doc_id")[["jurisdiction_id", "tier", "standing", "coverage", "issued"]].astype("string"),
        )
        meta.index.name = "doc_id"
        lower = meta["coverage"] == "excerpt"
    elif by == "jurisdiction":
        key = "jurisdiction_id"
        with_plan = set(docs["jurisdiction_id"])
        order = [j for j in dataset.jurisdictions["jurisdiction_id"] if j in with_plan]
        full = set(docs.loc[docs["coverage"] == "full", "jurisdiction_id"])
        meta = pd.DataFrame(index=pd.Index(order, name="jurisdiction_id"))
        lower = pd.Series([j not in full for j in order], index=meta.index)
    else:
        raise ValueError(f"by must be 'plan' or 'jurisdiction', not {by!r}")
    counts = t.groupby([key, "category"], observed=False)["indicator_id"].nunique().unstack("category")
    counts = counts.reindex(index=meta.index, columns=codes(CATEGORIES), fill_value=0).fillna(0).astype(int)
    counts["total"] = t.groupby(key)["indicator_id"].nunique().reindex(counts.index).fillna(0).astype(int)
    counts.columns.name = "category"
    out = meta.join(counts)
    out["lower_bound"] = lower.to_numpy(dtype=bool)
    return out


def coverage(dataset: Dataset, indicators: list[str] | None = None) -> pd.DataFrame:
    """Status of every jurisdiction for every indicator: "target", "no target" or "not known".

    - "target": a plan of the jurisdiction sets one (the latest target's value, year and
      comparator are given, with its ``target_id``, ``doc_id``, ``tier`` and ``source``);
    - "no target": a plan of the jurisdiction was read in full and sets none;
    - "not known": its plans are known only from excerpts (``why`` ``excerpt_only``), or the
      data holds no plan of it (``why`` ``no_plan_in_data``).
    """
    t = dataset.targets_long
    indicators = indicators if indicators is not None else list(dataset.indicators["indicator_id"])
    docs = dataset.documents
    with_plan = set(docs["jurisdiction_id"])
    read_in_full = set(docs.loc[docs["coverage"] == "full", "jurisdiction_id"])
    latest = (
        t[t["indicator_id"].isin(indicators)]
        .assign(source=target_source)
        .sort_values("target_year", na_position="first")
        .groupby(["jurisdiction_id", "indicator_id"])
        .tail(1)
    )
    grid = pd.MultiIndex.from_product(
        [list(dataset.jurisdictions["jurisdiction_id"]), indicators], names=["jurisdiction_id", "indicator_id"]
    ).to_frame(index=False)
    columns = ["jurisdiction_id", "indicator_id", "tier", "value", "value_high", "unit", "comparator", "target_year"]
    columns += ["target_id", "doc_id", "source"]
    out = grid.merge(latest[columns], how="left", on=["jurisdiction_id", "indicator_id"])
    has_target = out["value"].notna().to_numpy()
    full = out["jurisdiction_id"].isin(read_in_full).to_numpy()
    status = np.where(has_target, "target", np.where(full, "no target", "not known"))
    why = np.where(
        status == "not known",
        np.where(out["jurisdiction_id"].isin(with_plan), NOT_KNOWN_WHY[0], NOT_KNOWN_WHY[1]),
        "",
    )
    out.insert(2, "status", pd.Categorical(status, categories=list(COVERAGE_STATES), ordered=True))
    out.insert(3, "why", why)
    return out
