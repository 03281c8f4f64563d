"""Standing among peers: each jurisdiction's rank and percentile on an indicator."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..data import Dataset
from .national import headroom
from .selection import direction


def peer_standing(dataset: Dataset) -> pd.DataFrame:
    """Rank and percentile of each jurisdiction's target among all setting the same indicator.

    One target per jurisdiction and indicator (the latest target year; relative targets and
    targets with no stated year are left out). The score is ``headroom`` where the indicator
    has a national path, otherwise ``direction * value_std`` (the raw value, sign-flipped for
    lower-is-better; target years are then not adjusted for, so ``basis`` says which was used). ``rank`` 1 is the most
    ambitious (ties share the best rank); ``percentile`` = 100 * (n - rank) / (n - 1), so the
    most ambitious is 100 and the least 0. Indicators set by one jurisdiction have no peers:
    rank 1, percentile missing.
    """
    h = headroom(dataset)
    h = h[h["value_std"].notna() & h["target_year"].notna()]
    h = h.sort_values("target_year").groupby(["indicator_id", "jurisdiction_id"], observed=True).tail(1)
    has_path = h.groupby("indicator_id")["headroom"].transform(lambda s: s.notna().all())
    value_score = direction(h["higher_is_better"]) * h["value_std"]
    h["basis"] = np.where(has_path, "headroom", "value")
    h["score"] = h["headroom"].where(has_path, value_score)
    h["n_peers"] = h.groupby("indicator_id")["jurisdiction_id"].transform("count")
    h["rank"] = h.groupby("indicator_id")["score"].rank(method="min", ascending=False).astype("Int64")
    n = h["n_peers"].astype("Float64")
    h["percentile"] = (100 * (n - h["rank"]) / (n - 1)).where(n > 1)
    return (
        h[
            [
                "indicator_id",
                "jurisdiction_id",
                "target_id",
                "tier",
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
            ]
        ]
        .sort_values(["indicator_id", "rank"])
        .reset_index(drop=True)
    )
