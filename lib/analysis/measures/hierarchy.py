"""Escalation down the hierarchy (层层加码): does each level echo the level above, raise the bar,
or lower it?

Every city's or district's target is paired with its own province's target of the same indicator
and kind, and every province's with the nation's; the upper target is moved to the lower target's
year along the national path, as the vertical gap does, and the difference read as ``echo`` (the
same level, within the published tolerance), ``raised`` or ``lowered``.
"""

from __future__ import annotations

import pandas as pd

from ..data import Dataset
from ..data.schema import HIERARCHY
from .bands import published_tolerance
from .memo import once_per_dataset
from .national import gap_to_national, headroom
from .notes import joined
from .vertical import vertical_gap

RELATIONS = ("raised", "echo", "lowered")
COLUMNS = list(HIERARCHY.columns)  # as the field dictionary documents hierarchy.csv


def relation(gap: float, tolerance: float) -> str:
    """``raised`` above the tolerance, ``lowered`` below minus it, ``echo`` within it."""
    if gap > tolerance:
        return RELATIONS[0]
    return RELATIONS[2] if gap < -tolerance else RELATIONS[1]


def _cities(dataset: Dataset) -> pd.DataFrame:
    """City and district targets against their province's, where the province has a target of
    the same indicator and kind (aligned or not)."""
    v = vertical_gap(dataset)
    v = v[v["province_target_id"].notna() & (v["province_kind"].astype(str) == v["kind"].astype(str))]
    return pd.DataFrame(
        {
            "lower_target_id": v["target_id"],
            "upper_target_id": v["province_target_id"],
            "lower_jurisdiction_id": v["jurisdiction_id"],
            "upper_jurisdiction_id": v["province_id"],
            "lower_level": v["level"].astype(str),
            "upper_level": "province",
            "province_id": v["province_id"],
            "indicator_id": v["indicator_id"],
            "kind": v["kind"].astype(str),
            "lower_target_year": v["target_year"],
            "upper_target_year": v["province_target_year"],
            "aligned_year": v["target_year"].where(v["vertical_gap"].notna()),
            "gap": v["vertical_gap"],
            "notes": v["vertical_gap_note"],
        }
    )


def _provinces(dataset: Dataset) -> pd.DataFrame:
    """Province targets against the nation's (the same indicator, kind and vintage): the headroom
    over the national path, which runs through the national target, at the province's year."""
    h = headroom(dataset)
    g = gap_to_national(dataset).set_index("target_id")
    level = dataset.jurisdictions.set_index("jurisdiction_id")["level"]
    h = h[h["jurisdiction_id"].map(level) == "province"]
    h = h[h["target_id"].map(g["national_target_id"]).notna()]
    return pd.DataFrame(
        {
            "lower_target_id": h["target_id"],
            "upper_target_id": h["target_id"].map(g["national_target_id"]),
            "lower_jurisdiction_id": h["jurisdiction_id"],
            "upper_jurisdiction_id": "china",
            "lower_level": "province",
            "upper_level": "nation",
            "province_id": h["jurisdiction_id"],
            "indicator_id": h["indicator_id"],
            "kind": h["kind"].astype(str),
            "lower_target_year": h["target_year"],
            "upper_target_year": h["target_id"].map(g["national_target_year"]),
            "aligned_year": h["target_year"].where(h["headroom"].notna()),
            "gap": h["headroom"],
            "notes": h["headroom_note"],
        }
    )


@once_per_dataset
def hierarchy(dataset: Dataset) -> pd.DataFrame:
    """One row per pair of a target and the target of the level above it on the same indicator and
    of the same kind: a city's or district's and its own province's, a province's and the
    nation's.

    ``gap = d * (lower value - upper value moved to the lower target's year along the national
    path)`` (:func:`~analysis.measures.vertical.vertical_gap` for a city,
    :func:`~analysis.measures.national.headroom` for a province), ``d`` +1 where higher is better;
    ``aligned_year`` is the lower target's year. ``relation`` (:func:`relation`): ``raised`` where
    ``gap > t``, ``lowered`` where ``gap < -t``, ``echo`` within ``t``, the published tolerance of
    the indicator (half a unit of the last decimal the nation publishes it in).

    A pair that cannot be aligned (no national path between the two years, another method
    vintage, a count across levels) keeps its row with ``relation`` empty and ``notes`` giving the
    code; a pair of different kinds is no pair.
    """
    tolerance = published_tolerance(dataset)
    out = pd.concat([_cities(dataset), _provinces(dataset)], ignore_index=True)
    out["tolerance"] = out["indicator_id"].astype(str).map(tolerance).fillna(0.0)
    out["relation"] = [
        None if pd.isna(gap) else relation(float(gap), t) for gap, t in zip(out["gap"], out["tolerance"], strict=True)
    ]
    out["notes"] = [joined(str(n)) if isinstance(n, str) else "" for n in out["notes"]]
    out = out.astype(
        {"lower_target_year": "Int64", "upper_target_year": "Int64", "aligned_year": "Int64", "gap": "Float64"}
    )
    return out[COLUMNS].reset_index(drop=True)


def escalation_summary(dataset: Dataset, by: str = "province_id") -> pd.DataFrame:
    """How many aligned pairs raise, echo and lower, grouped ``by`` "province_id", "indicator_id"
    or "lower_level" (a province's cities, an indicator, the whole hierarchy by level), with
    ``pairs`` the aligned pairs and ``not_aligned`` the pairs that could not be aligned."""
    h = hierarchy(dataset)
    aligned = h[h["relation"].notna()]
    counts = aligned.groupby([by, "relation"]).size().unstack("relation").reindex(columns=list(RELATIONS))
    counts = counts.fillna(0).astype(int)
    counts["pairs"] = counts.sum(axis=1)
    counts["not_aligned"] = h[h["relation"].isna()].groupby(by).size().reindex(counts.index).fillna(0).astype(int)
    return counts.sort_values(["pairs", *RELATIONS], ascending=False)
