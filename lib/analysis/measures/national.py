"""Ambition against the nation: the gap to the national target and the headroom over the
national path (observed values joined to the national targets), both for rates and indices only.

Targets differ in year, unit and direction, so raw values do not compare. Each measure below
is a plain function over the tables of a :class:`~analysis.data.Dataset`; its formula is in its
docstring, and each says where it does not apply (the value is then missing and a ``*_note``
column gives the reason as a code, :mod:`analysis.measures.notes`). Values are compared in the
indicator's unit (``value_std``).

Like for like: a count or an amount grows with the size of a jurisdiction, so it is never set
against the nation's (``kind_not_on_path``); a rate or an index is, but only against national
figures of the same method vintage (:mod:`analysis.measures.vintages`): the path does not run
across a change of method.

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
from .notes import note
from .selection import NATION, direction, local_targets, national_target_rows, target_source
from .vintages import target_vintages

ON_PATH_KINDS = ("rate", "index")
TARGET_COLUMNS = [
    "target_id",
    "doc_id",
    "tier",
    "source",
    "jurisdiction_id",
    "indicator_id",
    "kind",
    "vintage",
    "target_year",
    "comparator",
    "value",
    "value_high",
    "unit",
    "value_std",
    "indicator_unit",
    "higher_is_better",
]


def _local(dataset: Dataset) -> pd.DataFrame:
    local = local_targets(dataset).assign(source=target_source)
    return local.merge(target_vintages(dataset)[["target_id", "vintage"]], on="target_id", how="left")


def _nationals(dataset: Dataset) -> pd.DataFrame:
    nat = national_target_rows(dataset).assign(source=target_source)
    return nat.merge(target_vintages(dataset)[["target_id", "vintage"]], on="target_id", how="left")


def _nearest(local: pd.DataFrame, nat: pd.DataFrame) -> pd.DataFrame:
    """For each local target, the national target of its indicator, kind and vintage nearest in
    target year (the later on a tie; a target without a year takes the latest)."""
    key = ["indicator_id", "kind", "vintage"]
    pairs = local[["target_id", "target_year", *key]].merge(
        nat[["target_id", "target_year", "comparator", "value_std", *key]].add_prefix("national_"),
        left_on=key,
        right_on=[f"national_{k}" for k in key],
    )
    pairs["distance"] = (pairs["target_year"] - pairs["national_target_year"]).abs().fillna(-1)
    pairs = pairs.sort_values(["target_id", "distance", "national_target_year"], ascending=[True, True, False])
    return pairs.drop_duplicates("target_id")[
        ["target_id", "national_target_id", "national_target_year", "national_comparator", "national_value_std"]
    ]


def _gap_note(row) -> str:
    if row.kind == "relative":
        return note("relative_not_level")
    if row.kind not in ON_PATH_KINDS:
        return note("kind_not_on_path", row.kind)
    if pd.isna(row.national_value):
        if row.national_kinds:
            return note("national_kind_differs", row.kind, row.national_kinds)
        return note("no_national_target")
    return ""


@once_per_dataset
def gap_to_national(dataset: Dataset) -> pd.DataFrame:
    """Local target minus the national target for the same indicator, kind and method vintage.

    ``gap = value_std - national_value``, with ``year_gap = target_year - national_target_year``
    beside it (a gap between targets for different years mixes ambition with time: read the two
    together). The national target is the nation's target of the same indicator, kind and
    vintage nearest in target year (``national_target_id``). ``gap_directed`` is ``gap`` with the
    sign flipped for lower-is-better indicators.

    Does not apply (``gap`` missing, ``gap_note`` gives the code): relative targets (changes, not
    levels), counts and amounts (``kind_not_on_path``: they grow with a jurisdiction's size),
    and targets with no national target of their kind and vintage. A target whose plan states no
    year has a gap but no ``year_gap``.
    """
    local = _local(dataset)
    nat = _nationals(dataset)
    out = local[TARGET_COLUMNS].merge(_nearest(local, nat), on="target_id", how="left")
    kinds_of: dict[str, str] = {}
    for indicator, kind in zip(nat["indicator_id"].astype(str), nat["kind"].astype(str), strict=True):
        kinds_of[indicator] = "/".join(sorted({*kinds_of.get(indicator, "").split("/"), kind} - {""}))
    out["national_kinds"] = [kinds_of.get(i, "") for i in out["indicator_id"].astype(str)]
    out = out.rename(columns={"national_value_std": "national_value"})
    out["national_target_year"] = out["national_target_year"].astype("Int64")
    out["national_value"] = out["national_value"].astype("Float64")
    out["national_comparator"] = out["national_comparator"].astype("string")
    notes = [_gap_note(r) for r in out[["kind", "national_value", "national_kinds"]].itertuples()]
    out["gap_note"] = pd.array(notes, dtype="string")
    applies = out["gap_note"] == ""
    out["gap"] = (out["value_std"] - out["national_value"]).where(applies)
    out["gap_directed"] = out["gap"] * direction(out["higher_is_better"])
    out["year_gap"] = (out["target_year"] - out["national_target_year"]).where(applies)
    return out.drop(columns=["national_kinds"]).reset_index(drop=True)


@dataclass(frozen=True)
class NationalPath:
    """The national path of one indicator in one method vintage: a line through the national
    published values of that vintage and the national targets set under it.

    Linear between points; beyond the last point it continues at the last segment's slope,
    and before the first at the first segment's slope. Where an observation and a target fall
    in the same year, the observation is used (fact over plan).
    """

    indicator_id: str
    vintage: str | None
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


def _vintage_key(value: object) -> str | None:
    return None if value is None or pd.isna(value) else str(value)


@once_per_dataset
def national_paths(dataset: Dataset) -> dict[tuple[str, str | None], NationalPath]:
    """The national paths, one per indicator and method vintage (``None`` for an indicator whose
    method never changed), of every indicator with a national target.

    Points: every national observation of the indicator in that vintage (in the indicator's
    unit) and every national target of that vintage (its ``value``; a ``>=`` floor counts as its
    value). A vintage with national observations but no target of its own still has a path
    through its observations, so older targets are placed on the series of their own method.
    """
    nat = _nationals(dataset)
    china = dataset.jurisdictions.loc[dataset.jurisdictions["level"] == NATION, "jurisdiction_id"]
    obs = dataset.observations
    obs = obs[obs["indicator_id"].isin(set(nat["indicator_id"])) & obs["jurisdiction_id"].isin(china)]
    unit_of = dataset.indicators.set_index("indicator_id")["unit"]
    points: dict[tuple[str, str | None], dict[int, float]] = {}
    for r in nat.itertuples():
        points.setdefault((r.indicator_id, _vintage_key(r.vintage)), {})[int(r.target_year)] = float(r.value_std)
    for o in obs.itertuples():
        factor = UNIT_BY_CODE[o.unit].factor / UNIT_BY_CODE[unit_of[o.indicator_id]].factor
        key = (o.indicator_id, _vintage_key(o.vintage))
        points.setdefault(key, {})[int(o.year)] = float(o.value) * factor  # fact over plan
    return {
        key: NationalPath(key[0], key[1], tuple(sorted(p)), tuple(p[y] for y in sorted(p))) for key, p in points.items()
    }


def national_path(dataset: Dataset, indicator_id: str, vintage: str | None = None) -> NationalPath | None:
    """The national path of one indicator in one vintage (default: the latest vintage that has
    one), or None without a national target."""
    paths = {k: p for k, p in national_paths(dataset).items() if k[0] == indicator_id}
    if vintage is not None or (indicator_id, None) in paths:
        return paths.get((indicator_id, vintage))
    latest = sorted(paths.values(), key=lambda p: p.years[-1] if p.years else 0)
    return latest[-1] if latest else None


def national_path_pieces(dataset: Dataset, indicator_id: str) -> list[NationalPath]:
    """Every vintage's national path of one indicator, oldest first: what a chart draws, with a
    break (no line) between one vintage and the next."""
    pieces = [p for k, p in national_paths(dataset).items() if k[0] == indicator_id and p.years]
    return sorted(pieces, key=lambda p: p.years[0])


@once_per_dataset
def headroom(dataset: Dataset) -> pd.DataFrame:
    """Local target minus the national path's value at the local target year, within the
    target's method vintage.

    ``headroom = direction * (value_std - path(target_year))`` where ``direction`` is +1 for
    higher-is-better indicators and -1 otherwise, so positive always means more ambitious
    than the national trajectory, and ``path`` is the national path of the target's indicator
    and vintage (:func:`national_paths`). ``path_value`` is shown beside it.

    Does not apply (``headroom_note`` gives the code): what the gap does not apply to (relative
    targets, counts and amounts), indicators without a national path in the target's vintage
    (no national target), a path of one point, and targets whose plan states no year.
    """
    out = gap_to_national(dataset)[[*TARGET_COLUMNS, "gap_note"]]
    paths = national_paths(dataset)
    out["path_value"] = pd.array(
        [
            path.value_at(y) if (path := paths.get((i, _vintage_key(v)))) is not None else np.nan
            for i, v, y in zip(out["indicator_id"], out["vintage"], out["target_year"], strict=True)
        ],
        dtype="Float64",
    )
    out["headroom"] = direction(out["higher_is_better"]) * (out["value_std"] - out["path_value"])
    kind_ok = ~out["gap_note"].str.startswith(("relative_not_level", "kind_not_on_path"))
    has_path = pd.Series(
        [(i, _vintage_key(v)) in paths for i, v in zip(out["indicator_id"], out["vintage"], strict=True)],
        index=out.index,
    )
    no_year = out["target_year"].isna()
    notes = np.where(
        ~kind_ok,
        out["gap_note"],
        np.where(
            ~has_path,
            note("no_national_path"),
            np.where(no_year, note("no_year_on_path"), np.where(out["path_value"].isna(), note("path_one_point"), "")),
        ),
    )
    out["headroom_note"] = pd.array(notes, dtype="string")
    out["headroom"] = out["headroom"].where(out["headroom_note"] == "")
    return out.drop(columns=["gap_note"])
