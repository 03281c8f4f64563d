"""Ambition against the nation: the gap to the national target and the headroom over the
national path (observed values joined to the national target).

Targets differ in year, unit and direction, so raw values do not compare. Each measure below
is a plain function over the tables of a :class:`~analysis.loading.Dataset`; its formula is
in its docstring, and each says where it does not apply (the value is then missing and a
``*_note`` column says why). Values are compared in the indicator's unit (``value_std``).

Comparators stay visible in every output: a ``>=`` floor, a ``~`` approximate value and a
``range`` are different commitments. Where one number must stand for a target, a range is
taken at its low end (the part the plan commits to) and the ``comparator`` column says so.

Sign convention: for ``gap_directed``, ``headroom`` and peer scores, positive means more
ambitious whatever the indicator's direction: for lower-is-better indicators the sign of the
raw difference is flipped.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..data import Dataset
from ..data.vocabularies import UNIT_BY_CODE
from .memo import once_per_dataset
from .selection import NATION, direction, local_targets, national_targets, target_source


@once_per_dataset
def gap_to_national(dataset: Dataset) -> pd.DataFrame:
    """Local target minus the national target for the same indicator.

    ``gap = value_std - national_value_std``, with ``year_gap = target_year -
    national_target_year`` beside it (a gap between targets for different years mixes
    ambition with time: read the two together). ``gap_directed`` is ``gap`` with the sign
    flipped for lower-is-better indicators.

    Does not apply (``gap`` missing, ``gap_note`` says why) to indicators with no national
    target, and to relative targets (较2020年下降14%), which are changes, not levels. A target
    whose plan states no year has a gap but no ``year_gap``.
    """
    local = local_targets(dataset).assign(source=target_source)
    nat = national_targets(dataset)
    out = local[
        [
            "target_id",
            "doc_id",
            "tier",
            "source",
            "jurisdiction_id",
            "indicator_id",
            "target_year",
            "comparator",
            "value",
            "value_high",
            "unit",
            "value_std",
            "indicator_unit",
            "higher_is_better",
            "is_relative",
        ]
    ].copy()
    out["national_target_year"] = out["indicator_id"].map(nat["target_year"]).astype("Int64")
    out["national_comparator"] = out["indicator_id"].map(nat["comparator"].astype("string"))
    out["national_value"] = out["indicator_id"].map(nat["value_std"]).astype("Float64")
    out["gap"] = (out["value_std"] - out["national_value"]).where(~out["is_relative"])
    out["gap_directed"] = out["gap"] * direction(out["higher_is_better"])
    out["year_gap"] = out["target_year"] - out["national_target_year"]
    out["gap_note"] = np.where(
        out["national_value"].isna(),
        "no national target",
        np.where(out["is_relative"], "relative target: not a level", ""),
    )
    return out.drop(columns=["is_relative"]).reset_index(drop=True)


@dataclass(frozen=True)
class NationalPath:
    """The national path of one indicator: a line through observed values and the target.

    Linear between points; beyond the last point it continues at the last segment's slope,
    and before the first at the first segment's slope. Where an observation and the target
    fall in the same year, the observation is used (fact over plan).
    """

    indicator_id: str
    years: tuple[int, ...]
    values: tuple[float, ...]

    def value_at(self, year: float) -> float:
        """The path's value in ``year`` (NaN if the path has fewer than two points)."""
        x, y = np.asarray(self.years, dtype=float), np.asarray(self.values, dtype=float)
        if len(x) < 2 or pd.isna(year):
            return float("nan")
        if year <= x[0]:
            slope = (y[1] - y[0]) / (x[1] - x[0])
            return float(y[0] + slope * (year - x[0]))
        if year >= x[-1]:
            slope = (y[-1] - y[-2]) / (x[-1] - x[-2])
            return float(y[-1] + slope * (year - x[-1]))
        return float(np.interp(year, x, y))


@once_per_dataset
def national_paths(dataset: Dataset) -> dict[str, NationalPath]:
    """The national path of every indicator with a national target.

    Points: every national observation of the indicator (converted to the indicator's unit)
    and the national target (its ``value``; a ``>=`` floor counts as its value).
    """
    nat = national_targets(dataset)
    china = dataset.jurisdictions.loc[dataset.jurisdictions["level"] == NATION, "jurisdiction_id"]
    obs = dataset.observations
    obs = obs[obs["indicator_id"].isin(nat.index) & obs["jurisdiction_id"].isin(china)]
    unit_of = dataset.indicators.set_index("indicator_id")["unit"]
    points: dict[str, dict[int, float]] = {
        i: {int(year): float(value)}
        for i, year, value in zip(nat.index, nat["target_year"], nat["value_std"], strict=True)
    }
    for i, year, value, unit in zip(obs["indicator_id"], obs["year"], obs["value"], obs["unit"], strict=True):
        factor = UNIT_BY_CODE[unit].factor / UNIT_BY_CODE[unit_of[i]].factor
        points[i][int(year)] = float(value) * factor  # an observation in the target's year: fact over plan
    return {i: NationalPath(i, tuple(sorted(p)), tuple(p[y] for y in sorted(p))) for i, p in points.items()}


def national_path(dataset: Dataset, indicator_id: str) -> NationalPath | None:
    """The national path of one indicator (see :func:`national_paths`), or None without a
    national target."""
    return national_paths(dataset).get(indicator_id)


@once_per_dataset
def headroom(dataset: Dataset) -> pd.DataFrame:
    """Local target minus the national path's value at the local target year.

    ``headroom = direction * (value_std - path(target_year))`` where ``direction`` is +1 for
    higher-is-better indicators and -1 otherwise, so positive always means more ambitious
    than the national trajectory. ``path_value`` is shown beside it.

    Does not apply to indicators without a national path (no national target, or fewer than
    two points), to relative targets, and to targets whose plan states no year.
    """
    out = gap_to_national(dataset)[
        [
            "target_id",
            "doc_id",
            "tier",
            "source",
            "jurisdiction_id",
            "indicator_id",
            "target_year",
            "comparator",
            "value",
            "value_high",
            "unit",
            "value_std",
            "indicator_unit",
            "higher_is_better",
            "gap_note",
        ]
    ]
    paths = national_paths(dataset)
    out["path_value"] = pd.array(
        [
            path.value_at(y) if (path := paths.get(i)) is not None else np.nan
            for i, y in zip(out["indicator_id"], out["target_year"], strict=True)
        ],
        dtype="Float64",
    )
    out["headroom"] = direction(out["higher_is_better"]) * (out["value_std"] - out["path_value"])
    out["headroom"] = out["headroom"].where(out["gap_note"] == "")
    no_year = (out["gap_note"] == "") & out["target_year"].isna()
    one_point = (out["gap_note"] == "") & out["path_value"].isna() & ~no_year
    out["headroom_note"] = (
        out["gap_note"]
        .replace({"no national target": "no national path"})
        .mask(no_year, "no target year: not placed on the national path")
        .mask(one_point, "national path has one point (a target, no observations)")
    )
    return out.drop(columns=["gap_note"])
