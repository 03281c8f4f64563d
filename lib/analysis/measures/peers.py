"""Standing among peers: each target's rank and percentile within its peer group, with ties and
floors (``>=``) shown for what they are, and its distance from the group's median.

A peer group holds targets of one indicator and one kind (a total is not ranked against an
addition, a yearly quota or a rank); for a kind that grows with a jurisdiction's size (a total,
an addition, a yearly quota) also of one level of government (a province's count is not ranked
against a city's); and of one method vintage where the indicator's method changed. Rates and
indices compare across levels. Groups of fewer than
:data:`MIN_PEERS` give no rank.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..data import Dataset
from .memo import once_per_dataset
from .national import headroom
from .notes import note
from .selection import compares_across_levels, direction

TIE_DECIMALS = 9  # scores equal to this many decimals are ties (float arithmetic, not ambition)
MIN_PEERS = 3  # no rank, percentile or median among fewer
ALL_LEVELS = "all levels"
COLUMNS = [
    "indicator_id",
    "jurisdiction_id",
    "target_id",
    "doc_id",
    "tier",
    "source",
    "kind",
    "level",
    "peer_group",
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
    "peer_median",
    "vs_median_pct",
    "peer_note",
]


def peer_group(indicator_id: pd.Series, kind: pd.Series, level: pd.Series, vintage: pd.Series) -> pd.Series:
    """The peer group of each target: ``indicator|kind``, then ``|level`` for totals, additions
    and yearly quotas, then ``|vintage`` for an indicator whose method changed (targets set
    under different methods are not ranked together)."""
    base = indicator_id.astype(str) + "|" + kind.astype(str)
    across = compares_across_levels(kind)
    base = base.where(across, base + "|" + level.astype(str))
    return base.where(vintage.isna(), base + "|" + vintage.astype(str)).astype("string")


def _scores(h: pd.DataFrame, members: pd.Series) -> pd.DataFrame:
    """The score each target is ranked on: headroom where every ranked member of its group has
    one, else ``direction * value_std`` (the raw value, sign-flipped for lower-is-better)."""
    with_headroom = h["headroom"].notna() | ~members
    has_path = with_headroom.groupby(h["peer_group"]).transform("all")
    value_score = direction(h["higher_is_better"]) * h["value_std"]
    h["basis"] = np.where(has_path, note("ranked_by_headroom"), note("ranked_by_value"))
    h["score"] = h["headroom"].where(has_path, value_score)
    return h


def _ranks(ranked: pd.DataFrame) -> pd.DataFrame:
    """Ranks, ties and floors within each group of at least MIN_PEERS."""
    tie_key = ranked["score"].round(TIE_DECIMALS)
    ranked["rank"] = tie_key.groupby(ranked["peer_group"]).rank(method="min", ascending=False).astype("Int64")
    n = ranked["n_peers"].astype("Float64")
    ranked["percentile"] = 100 * (n - ranked["rank"]) / (n - 1)
    ranked["n_tied"] = ranked.groupby(["peer_group", "rank"])["jurisdiction_id"].transform("count")
    better = ranked["higher_is_better"].fillna(True).astype(bool)
    ranked["floor"] = ((ranked["comparator"] == ">=") & better) | ((ranked["comparator"] == "<=") & ~better)
    floors_in_tie = ranked.groupby(["peer_group", "rank"])["floor"].transform("sum")
    ranked["rests_on_floor"] = ranked["floor"] | (floors_in_tie - ranked["floor"].astype(int) > 0)
    median = ranked.groupby("peer_group")["value_std"].transform("median").astype("Float64")
    ranked["peer_median"] = median
    d = direction(ranked["higher_is_better"])
    ranked["vs_median_pct"] = (d * (ranked["value_std"] - median) / median.abs() * 100).where(median != 0)
    return ranked


@once_per_dataset
def peer_standing(dataset: Dataset) -> pd.DataFrame:
    """Rank, percentile and distance from the median of each target within its peer group.

    The peer group (:func:`peer_group`) is one indicator and one kind, for totals, additions and
    yearly quotas one level of government, and one method vintage; ``peer_group`` names it and
    ``n_peers`` counts its members. One target per jurisdiction and group (the latest target
    year); the others, relative targets (no level) and targets with no stated year or no value
    in the indicator's unit get no rank, and ``peer_note`` says why. The score is ``headroom``
    where every member has one (rates and indices on a national path), otherwise ``direction *
    value_std``; ``basis`` says which.

    ``rank`` 1 is the most ambitious. Ranks treat a tie as a tie: scores equal to
    ``TIE_DECIMALS`` decimals share the best rank of the group and the next rank skips
    (1, 2, 2, 4), and ``n_tied`` says how many share it. ``percentile`` = 100 * (n - rank) /
    (n - 1), so the most ambitious is 100 and the least 0. A group of fewer than ``MIN_PEERS``
    members has no rank, percentile or median (``too_few_peers``).

    ``peer_median`` is the median ``value_std`` of the group, and ``vs_median_pct`` =
    ``d * (value_std - peer_median) / |peer_median| * 100``, where ``d`` is +1 for
    higher-is-better indicators and -1 otherwise (positive: more ambitious than the median).

    Ranks compare commitments, and a floor is not a point estimate: a target of ``>=`` (``<=``
    where lower is better) commits to at least its value, which is what it is ranked at, so
    its holder's rank is the rank of its minimum and could only be better (``floor``). A target
    tied with a floor may in fact stand below it. ``rests_on_floor`` is true for a floor and for
    every target tied with one: those ranks are not firm. A range counts at its low end, as in
    every measure; the ``comparator`` column shows it.

    Returns
    -------
    pandas.DataFrame
        One row per local target, with the columns above, its ``doc_id``, ``tier`` and
        ``source``; sorted by group and rank.
    """
    h = headroom(dataset)
    level = dataset.jurisdictions.set_index("jurisdiction_id")["level"]
    h["level"] = h["jurisdiction_id"].map(level).astype("string")
    h["peer_group"] = peer_group(h["indicator_id"], h["kind"], h["level"], h["vintage"])
    eligible = (h["kind"] != "relative") & h["value_std"].notna() & h["target_year"].notna()
    latest = h[eligible].sort_values("target_year").groupby(["peer_group", "jurisdiction_id"]).tail(1)
    h["n_peers"] = h["peer_group"].map(latest.groupby("peer_group")["jurisdiction_id"].count()).astype("Int64")
    chosen = h.index.isin(latest.index)
    ranked = chosen & (h["n_peers"] >= MIN_PEERS).fillna(False).to_numpy()
    h = _scores(h, pd.Series(chosen, index=h.index))
    computed = ["rank", "percentile", "n_tied", "floor", "rests_on_floor", "peer_median", "vs_median_pct"]
    h = h.join(_ranks(h[ranked].copy())[computed])
    latest_year = latest.set_index(["peer_group", "jurisdiction_id"])["target_year"]
    h["peer_note"] = [
        _note(r, is_ranked, is_chosen, latest_year)
        for r, is_ranked, is_chosen in zip(
            h[["jurisdiction_id", "kind", "n_peers", "peer_group", "target_year", "value_std"]].itertuples(),
            ranked,
            chosen,
            strict=True,
        )
    ]
    for column in ("floor", "rests_on_floor"):
        h[column] = h[column].astype("boolean")
    h["n_tied"] = h["n_tied"].astype("Int64")
    h["percentile"] = h["percentile"].astype("Float64")
    return h[COLUMNS].sort_values(["indicator_id", "peer_group", "rank"]).reset_index(drop=True)


def _note(r, ranked: bool, chosen: bool, latest_year: pd.Series) -> str:
    """Why a target has no rank ("" where it has one)."""
    if ranked:
        return ""
    if r.kind == "relative":
        return note("relative_not_level")
    if pd.isna(r.target_year):
        return note("no_target_year")
    if pd.isna(r.value_std):
        return note("not_in_unit")
    if not chosen:
        return note("earlier_target", int(latest_year[(r.peer_group, r.jurisdiction_id)]))
    return note("too_few_peers", int(r.n_peers))
