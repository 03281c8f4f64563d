"""Ambition measures: how demanding a target is, against the nation and against peers.

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

from .loading import Dataset
from .schemas import CATEGORIES, UNIT_BY_CODE, codes

NATION = "nation"


def local_targets(dataset: Dataset) -> pd.DataFrame:
    """Targets set by provinces and cities (not the nation), joined long."""
    t = dataset.targets_long
    return t[t["level"] != NATION]


def national_targets(dataset: Dataset) -> pd.DataFrame:
    """The national targets, one per indicator (the latest target year where several exist)."""
    t = dataset.targets_long
    national = t[(t["level"] == NATION) & ~t["is_relative"]]
    return national.sort_values("target_year").groupby("indicator_id", observed=True).tail(1).set_index("indicator_id")


def _direction(higher_is_better: pd.Series) -> pd.Series:
    return higher_is_better.map({True: 1.0, False: -1.0}).astype("Float64")


def gap_to_national(dataset: Dataset) -> pd.DataFrame:
    """Local target minus the national target for the same indicator.

    ``gap = value_std - national_value_std``, with ``year_gap = target_year -
    national_target_year`` beside it (a gap between targets for different years mixes
    ambition with time: read the two together). ``gap_directed`` is ``gap`` with the sign
    flipped for lower-is-better indicators.

    Does not apply (``gap`` missing, ``gap_note`` says why) to indicators with no national
    target, and to relative targets (较2020年下降14%), which are changes, not levels.
    """
    local = local_targets(dataset)
    nat = national_targets(dataset)
    out = local[["target_id", "jurisdiction_id", "indicator_id", "target_year", "comparator", "value", "value_high", "unit", "value_std", "indicator_unit", "higher_is_better", "is_relative"]].copy()
    out["national_target_year"] = out["indicator_id"].map(nat["target_year"]).astype("Int64")
    out["national_comparator"] = out["indicator_id"].map(nat["comparator"].astype("string"))
    out["national_value"] = out["indicator_id"].map(nat["value_std"]).astype("Float64")
    out["gap"] = (out["value_std"] - out["national_value"]).where(~out["is_relative"])
    out["gap_directed"] = out["gap"] * _direction(out["higher_is_better"])
    out["year_gap"] = out["target_year"] - out["national_target_year"]
    out["gap_note"] = np.where(
        out["national_value"].isna(), "no national target", np.where(out["is_relative"], "relative target: not a level", "")
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


def national_path(dataset: Dataset, indicator_id: str, nat: pd.DataFrame | None = None) -> NationalPath | None:
    """The national path of an indicator, or None without a national target.

    Points: every national observation of the indicator (converted to the indicator's unit)
    and the national target (its ``value``; a ``>=`` floor counts as its value). ``nat`` is
    :func:`national_targets`, when the caller has it already.
    """
    nat = national_targets(dataset) if nat is None else nat
    if indicator_id not in nat.index:
        return None
    target = nat.loc[indicator_id]
    obs = dataset.observations
    china = dataset.jurisdictions.loc[dataset.jurisdictions["level"] == NATION, "jurisdiction_id"]
    obs = obs[(obs["indicator_id"] == indicator_id) & obs["jurisdiction_id"].isin(china)]
    unit = dataset.indicators.set_index("indicator_id").loc[indicator_id, "unit"]
    points = {int(target["target_year"]): float(target["value_std"])}
    for row in obs.itertuples():  # observations after the target: fact over plan
        points[int(row.year)] = float(row.value) * UNIT_BY_CODE[row.unit].factor / UNIT_BY_CODE[unit].factor
    years = tuple(sorted(points))
    return NationalPath(indicator_id, years, tuple(points[y] for y in years))


def headroom(dataset: Dataset) -> pd.DataFrame:
    """Local target minus the national path's value at the local target year.

    ``headroom = direction * (value_std - path(target_year))`` where ``direction`` is +1 for
    higher-is-better indicators and -1 otherwise, so positive always means more ambitious
    than the national trajectory. ``path_value`` is shown beside it.

    Does not apply to indicators without a national path (no national target, or fewer than
    two points) and to relative targets.
    """
    out = gap_to_national(dataset)[["target_id", "jurisdiction_id", "indicator_id", "target_year", "comparator", "value", "value_high", "unit", "value_std", "indicator_unit", "higher_is_better", "gap_note"]]
    nat = national_targets(dataset)
    paths = {i: national_path(dataset, i, nat) for i in out["indicator_id"].unique()}
    out["path_value"] = pd.array(
        [paths[i].value_at(y) if paths[i] is not None else np.nan for i, y in zip(out["indicator_id"], out["target_year"])],
        dtype="Float64",
    )
    out["headroom"] = _direction(out["higher_is_better"]) * (out["value_std"] - out["path_value"])
    out["headroom"] = out["headroom"].where(out["gap_note"] == "")
    one_point = (out["gap_note"] == "") & out["path_value"].isna()
    out["headroom_note"] = out["gap_note"].replace({"no national target": "no national path"}).mask(one_point, "national path has one point (a target, no observations)")
    return out.drop(columns=["gap_note"])


def peer_standing(dataset: Dataset) -> pd.DataFrame:
    """Rank and percentile of each jurisdiction's target among all setting the same indicator.

    One target per jurisdiction and indicator (the latest target year; relative targets are
    left out). The score is ``headroom`` where the indicator has a national path, otherwise
    ``direction * value_std`` (the raw value, sign-flipped for lower-is-better; target years
    are then not adjusted for, so ``basis`` says which was used). ``rank`` 1 is the most
    ambitious (ties share the best rank); ``percentile`` = 100 * (n - rank) / (n - 1), so the
    most ambitious is 100 and the least 0. Indicators set by one jurisdiction have no peers:
    rank 1, percentile missing.
    """
    h = headroom(dataset)
    h = h[h["value_std"].notna()]
    h = h.sort_values("target_year").groupby(["indicator_id", "jurisdiction_id"], observed=True).tail(1)
    has_path = h.groupby("indicator_id")["headroom"].transform(lambda s: s.notna().all())
    value_score = _direction(h["higher_is_better"]) * h["value_std"]
    h["basis"] = np.where(has_path, "headroom", "value")
    h["score"] = h["headroom"].where(has_path, value_score)
    h["n_peers"] = h.groupby("indicator_id")["jurisdiction_id"].transform("count")
    h["rank"] = h.groupby("indicator_id")["score"].rank(method="min", ascending=False).astype("Int64")
    n = h["n_peers"].astype("Float64")
    h["percentile"] = (100 * (n - h["rank"]) / (n - 1)).where(n > 1)
    return h[["indicator_id", "jurisdiction_id", "target_id", "target_year", "comparator", "value", "value_high", "unit", "basis", "score", "rank", "n_peers", "percentile"]].sort_values(["indicator_id", "rank"]).reset_index(drop=True)


def implied_annual_change(dataset: Dataset) -> pd.DataFrame:
    """The yearly change a target implies, where the plan states or implies a baseline.

    - ``decrease``/``increase`` of X% from a stated baseline year: compound rate
      ``(1 ± X/100) ** (1 / (target_year - baseline_year)) - 1``, in %/year;
      of X 个百分点 (percentage points): ``± X / years``, in points/year.
    - ``annual_growth``: the stated rate itself.
    - ``annual_new``: the stated count each year.
    - ``new`` (X added over the plan): ``X / (target_year - issue year)`` per year, the plan's
      own span being the implied baseline.
    - a level target of a jurisdiction with an observed value before the target year:
      ``(value_std - observed) / (target_year - observed_year)`` from the latest observation.

    Other targets (levels with no observed baseline) get no figure; ``method`` says "none".
    """
    t = dataset.targets_long
    obs = dataset.observations.dropna(subset=["jurisdiction_id"]).sort_values("year")
    latest_obs = {(r.jurisdiction_id, r.indicator_id, r.year): r.value for r in obs.itertuples()}
    rows = []
    for r in t.itertuples():
        change, years, method, unit, baseline_year, baseline_value = np.nan, np.nan, "none", "", pd.NA, np.nan
        kind = r.change if pd.notna(r.change) else ""
        if kind in ("increase", "decrease") and pd.notna(r.baseline_year):
            years = r.target_year - r.baseline_year
            sign = 1 if kind == "increase" else -1
            baseline_year = r.baseline_year
            if r.unit == "%":
                change, unit, method = 100 * ((1 + sign * r.value / 100) ** (1 / years) - 1), "%/year", "compound rate from a stated baseline"
            else:
                change, unit, method = sign * r.value / years, "points/year", "linear from a stated baseline"
        elif kind == "annual_growth":
            change, unit, method = r.value, "%/year", "stated annual growth"
        elif kind == "annual_new":
            change, unit, method = r.value, f"{r.unit}/year", "stated each year"
        elif kind == "new" and r.target_year > r.issue_year:
            years = r.target_year - r.issue_year
            change, unit, method, baseline_year = r.value / years, f"{r.unit}/year", "new over the plan period, per year", r.issue_year
        elif not kind and pd.notna(r.value_std):
            before = [(y, v) for (j, i, y), v in latest_obs.items() if j == r.jurisdiction_id and i == r.indicator_id and y < r.target_year]
            if before:
                baseline_year, baseline_value = before[-1]
                years = r.target_year - baseline_year
                change, unit, method = (r.value_std - baseline_value) / years, f"{r.indicator_unit}/year", "linear from the latest observation"
        rows.append(
            dict(target_id=r.target_id, jurisdiction_id=r.jurisdiction_id, indicator_id=r.indicator_id, target_year=r.target_year, comparator=r.comparator, value=r.value, unit=r.unit, change=kind or pd.NA, baseline_year=baseline_year, baseline_value=baseline_value, years=years, annual_change=change, annual_change_unit=unit or pd.NA, method=method)
        )
    out = pd.DataFrame(rows)
    out["baseline_year"] = out["baseline_year"].astype("Int64")
    out["years"] = out["years"].astype("Float64")
    out["annual_change"] = out["annual_change"].astype("Float64")
    out["baseline_value"] = out["baseline_value"].astype("Float64")
    return out


def breadth(dataset: Dataset) -> pd.DataFrame:
    """How many catalogue indicators each plan's jurisdiction commits to, by category.

    Rows: jurisdictions with a plan in the corpus; columns: categories in their declared
    order, plus ``total``. A count is the number of distinct indicators with at least one
    target; 0 means "read, no target in that category", which differs from a jurisdiction
    with no plan read (absent from the table; see :func:`coverage`).
    """
    t = dataset.targets_long
    counts = t.groupby(["jurisdiction_id", "category"], observed=False)["indicator_id"].nunique().unstack("category")
    counts = counts.reindex(index=_plan_jurisdictions(dataset), columns=codes(CATEGORIES), fill_value=0).fillna(0).astype(int)
    counts["total"] = t.groupby("jurisdiction_id")["indicator_id"].nunique().reindex(counts.index).fillna(0).astype(int)
    counts.columns.name = "category"
    return counts


def _plan_jurisdictions(dataset: Dataset) -> list[str]:
    with_plan = set(dataset.documents["jurisdiction_id"])
    return [j for j in dataset.jurisdictions["jurisdiction_id"] if j in with_plan]


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
    latest = t[t["indicator_id"].isin(indicators)].sort_values("target_year").groupby(["jurisdiction_id", "indicator_id"]).tail(1)
    grid = pd.MultiIndex.from_product([list(dataset.jurisdictions["jurisdiction_id"]), indicators], names=["jurisdiction_id", "indicator_id"]).to_frame(index=False)
    out = grid.merge(latest[["jurisdiction_id", "indicator_id", "value", "value_high", "unit", "comparator", "target_year"]], how="left", on=["jurisdiction_id", "indicator_id"])
    status = np.where(out["value"].notna(), "target", np.where(out["jurisdiction_id"].isin(with_plan), "no target", "no plan read"))
    out.insert(2, "status", pd.Categorical(status, categories=list(COVERAGE_STATES), ordered=True))
    return out


def shared_indicators(dataset: Dataset, min_jurisdictions: int = 2) -> list[str]:
    """Indicators set by at least ``min_jurisdictions`` jurisdictions, most widely set first."""
    n = dataset.targets_long.groupby("indicator_id")["jurisdiction_id"].nunique()
    n = n[n >= min_jurisdictions]
    order = dataset.indicators["indicator_id"].tolist()
    return sorted(n.index, key=lambda i: (-n[i], order.index(i)))
