"""Standing among peers: each jurisdiction's rank and percentile on an indicator, with ties and
floors (``>=``) shown for what they are."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..data import Dataset
from .memo import once_per_dataset
from .national import headroom
from .selection import direction

TIE_DECIMALS = 9  # scores equal to this many decimals are ties (float arithmetic, not ambition)


@once_per_dataset
def peer_standing(dataset: Dataset) -> pd.DataFrame:
    """Rank and percentile of each jurisdiction's target among all setting the same indicator.

    One target per jurisdiction and indicator (the latest target year; relative targets and
    targets with no stated year are left out). The score is ``headroom`` where the indicator
    has a national path, otherwise ``direction * value_std`` (the raw value, sign-flipped for
    lower-is-better; target years are then not adjusted for, so ``basis`` says which was used).

    ``rank`` 1 is the most ambitious. Ranks treat a tie as a tie: scores equal to
    ``TIE_DECIMALS`` decimals share the best rank of the group and the next rank skips
    (1, 2, 2, 4), and ``n_tied`` says how many share it. ``percentile`` = 100 * (n - rank) /
    (n - 1), so the most ambitious is 100 and the least 0. Indicators set by one jurisdiction
    have no peers: rank 1, percentile missing.

    Ranks compare commitments, and a floor is not a point estimate: a target of ``>=`` (``<=``
    where lower is better) commits to at least its value, which is what it is ranked at, so
    its holder's rank is the rank of its minimum and could only be better (``floor``). A target
    tied with a floor may in fact stand below it. ``rests_on_floor`` is true for a floor and for
    every target tied with one: those ranks are not firm. A range counts at its low end, as in
    every measure; the ``comparator`` column shows it. ``doc_id``, ``tier`` and ``source`` say
    where each target can be checked.
    """
    h = headroom(dataset)
    h = h[h["value_std"].notna() & h["target_year"].notna()]
    h = h.sort_values("target_year").groupby(["indicator_id", "jurisdiction_id"], observed=True).tail(1)
    has_path = h.groupby("indicator_id")["headroom"].transform(lambda s: s.notna().all())
    value_score = direction(h["higher_is_better"]) * h["value_std"]
    h["basis"] = np.where(has_path, "headroom", "value")
    h["score"] = h["headroom"].where(has_path, value_score)
    h["n_peers"] = h.groupby("indicator_id")["jurisdiction_id"].transform("count")
    tie_key = h["score"].round(TIE_DECIMALS)
    h["rank"] = tie_key.groupby(h["indicator_id"]).rank(method="min", ascending=False).astype("Int64")
    n = h["n_peers"].astype("Float64")
    h["percentile"] = (100 * (n - h["rank"]) / (n - 1)).where(n > 1)
    by_rank = h.groupby(["indicator_id", "rank"])
    h["n_tied"] = by_rank["jurisdiction_id"].transform("count")
    better = h["higher_is_better"].fillna(True).astype(bool)
    h["floor"] = ((h["comparator"] == ">=") & better) | ((h["comparator"] == "<=") & ~better)
    floors_in_tie = h.groupby(["indicator_id", "rank"])["floor"].transform("sum")
    h["rests_on_floor"] = h["floor"] | (floors_in_tie - h["floor"].astype(int) > 0)
    return (
        h[
            [
                "indicator_id",
                "jurisdiction_id",
                "target_id",
                "doc_id",
                "tier",
                "source",
                "target_year",
                "comparator",
                "value",
                "value_high",
                "unit",
                "basis",
                "score",
                "rank",
                "n_peers",
                "percentile",
                "n_tied",
                "floor",
                "rests_on_floor",
            ]
        ]
        .sort_values(["indicator_id", "rank"])
        .reset_index(drop=True)
    )
