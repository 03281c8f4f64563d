"""Progress against the record: is a target within reach at the pace the published figures show?

Follows the convention of the SDG progress reports (UN ESCAP's Asia and the Pacific SDG
Progress Report): the annual growth a target requires against the annual growth observed,
their ratio, and a status band read from the ratio.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ..data import Dataset
from ..errors import ParameterError
from .selection import target_source
from .series import DERIVED, published_series

ACHIEVED, MET, MISSED = "achieved", "met", "missed"
BANDS = ("on track", "needs acceleration", "limited progress", "deterioration")
PROGRESS_STATUSES = (ACHIEVED, *BANDS, MET, MISSED)
ON_TRACK_RATIO = 0.95
ACCELERATION_RATIO = 0.6


def growth_rate(start: float, end: float, years: float) -> float:
    """Compound annual growth from ``start`` to ``end`` over ``years``, in % a year:
    ``100 * ((end / start) ** (1 / years) - 1)``."""
    return 100 * ((end / start) ** (1 / years) - 1)


def progress_band(
    ratio: float, on_track_ratio: float = ON_TRACK_RATIO, acceleration_ratio: float = ACCELERATION_RATIO
) -> str:
    """The band of an observed-to-required growth ratio.

    "on track" at ``ratio >= on_track_ratio``; "needs acceleration" at ``ratio >=
    acceleration_ratio``; "limited progress" at ``ratio > 0``; "deterioration" at ``ratio <= 0``.
    """
    if ratio >= on_track_ratio:
        return BANDS[0]
    if ratio >= acceleration_ratio:
        return BANDS[1]
    return BANDS[2] if ratio > 0 else BANDS[3]


def meets(value: float, comparator: str, low: float, high: float, higher_is_better: bool) -> bool:
    """Whether a value meets a target, by its comparator and the indicator's direction.

    ``>=``: ``value >= low``; ``<=``: ``value <= low``; ``=`` and ``~`` (reach, about): reached
    or passed in the better direction (``value >= low``, or ``<=`` where lower is better);
    ``range``: its committed end is reached (``value >= low``, or ``value <= high`` where lower
    is better).
    """
    if comparator == ">=":
        return value >= low
    if comparator == "<=":
        return value <= low
    if comparator == "range" and not higher_is_better:
        return value <= high
    return value >= low if higher_is_better else value <= low


@dataclass(frozen=True)
class Series:
    """A jurisdiction's published points of one indicator, oldest first."""

    years: tuple[int, ...]
    values: tuple[float, ...]
    bases: tuple[str, ...]
    observation_ids: tuple[str, ...]


@dataclass(frozen=True)
class Assessment:
    """One target's standing against its series, or why it has none."""

    status: str | None = None
    note: str = ""
    required: float | None = None
    observed: float | None = None
    ratio: float | None = None
    target_year_value: float | None = None


def _observed(s: Series, sign: float) -> float | None:
    """Direction-adjusted compound growth from the first to the latest point, if defined."""
    if len(s.years) < 2 or s.values[0] <= 0 or s.values[-1] <= 0:
        return None
    return sign * growth_rate(s.values[0], s.values[-1], s.years[-1] - s.years[0])


def _past(r, s: Series, observed: float | None) -> Assessment:
    """A target year the record has reached: met or missed against that year's value."""
    by_year = dict(zip(s.years, s.values, strict=True))
    if r.target_year not in by_year:
        return Assessment(note=f"target year past: no value published for {r.target_year}", observed=observed)
    value = by_year[r.target_year]
    met = meets(value, r.comparator, r.value_std, r.value_high_std, r.higher_is_better)
    return Assessment(MET if met else MISSED, observed=observed, target_year_value=value)


def _ahead(r, s: Series, observed: float | None, thresholds: tuple[float, float]) -> Assessment:
    """A target year still ahead: achieved, or the band of observed over required growth."""
    latest = s.values[-1]
    if meets(latest, r.comparator, r.value_std, r.value_high_std, r.higher_is_better):
        return Assessment(ACHIEVED, observed=observed)
    if len(s.years) < 2:
        return Assessment(note=f"one published value ({s.years[0]}): no observed growth")
    if observed is None or r.target_level <= 0:
        return Assessment(note="a value at or below zero: no compound growth")
    sign = 1.0 if r.higher_is_better else -1.0
    required = sign * growth_rate(latest, r.target_level, r.target_year - s.years[-1])
    if required <= 0:
        return Assessment(note="the target is not beyond the latest value in the better direction", observed=observed)
    ratio = observed / required
    return Assessment(progress_band(ratio, *thresholds), required=required, observed=observed, ratio=ratio)


def _assess(r, s: Series, thresholds: tuple[float, float]) -> Assessment:
    if r.is_relative:
        return Assessment(note="relative target: not a level")
    if pd.notna(r.change):
        return Assessment(note=f"not a level ({r.change}): a count or rate over the plan period")
    if pd.isna(r.target_year):
        return Assessment(note="no target year")
    observed = _observed(s, 1.0 if r.higher_is_better else -1.0)
    if r.target_year <= s.years[-1]:
        return _past(r, s, observed)
    return _ahead(r, s, observed, thresholds)


def _series_by_key(dataset: Dataset) -> dict[tuple[str, str], Series]:
    points = published_series(dataset).dropna(subset=["jurisdiction_id"])
    return {
        key: Series(
            tuple(int(y) for y in g["year"]),
            tuple(float(v) for v in g["value"]),
            tuple(g["basis"]),
            tuple(g["observation_id"]),
        )
        for key, g in points.groupby(["jurisdiction_id", "indicator_id"], sort=False)
    }


TARGET_COLUMNS = [
    "target_id",
    "doc_id",
    "tier",
    "source",
    "jurisdiction_id",
    "level",
    "indicator_id",
    "indicator_unit",
    "higher_is_better",
    "target_year",
    "comparator",
    "value",
    "value_high",
    "unit",
    "target_level",
]


def check_thresholds(on_track_ratio: float, acceleration_ratio: float) -> None:
    """Raise ParameterError unless ``on_track_ratio >= acceleration_ratio > 0``: the bands
    must be ordered, and a ratio at or below 0 is deterioration whatever the thresholds."""
    if not on_track_ratio >= acceleration_ratio > 0:
        raise ParameterError(
            f"progress thresholds must satisfy on_track_ratio >= acceleration_ratio > 0, "
            f"not {on_track_ratio} and {acceleration_ratio}"
        )


ASSESSMENT_COLUMNS = [
    "first_year",
    "first_value",
    "first_basis",
    "first_observation_id",
    "latest_year",
    "latest_value",
    "latest_basis",
    "latest_observation_id",
    "n_points",
    "n_derived",
    "target_year_value",
    "required_growth",
    "observed_growth",
    "ratio",
    "status",
    "status_note",
]


def progress_against_record(
    dataset: Dataset, on_track_ratio: float = ON_TRACK_RATIO, acceleration_ratio: float = ACCELERATION_RATIO
) -> pd.DataFrame:
    """Each target against the published series of the same jurisdiction and indicator.

    The series is :func:`~analysis.measures.series.published_series` (published points, and
    points derived from published figures, including pass rates from failure rates; ``basis``
    says which). With its first point ``(f, x_f)``, its latest ``(l, x_l)`` and the target
    ``x_T`` in year ``T``, in % a year:

    - required growth ``= d * 100 * ((x_T / x_l) ** (1 / (T - l)) - 1)``;
    - observed growth ``= d * 100 * ((x_l / x_f) ** (1 / (l - f)) - 1)``: compound growth
      between the first and the latest point, whatever lies between;
    - ``ratio = observed / required``,

    where ``d`` is +1 for higher-is-better indicators and -1 otherwise, so that positive growth
    is always improvement (a failure rate falling 2 % a year grows +2 %; the ratio is the same
    as without the flip). ``x_T`` (``target_level``) is the target's value in the indicator's
    unit, a range at its committed end (low, or high where lower is better).

    ``status``, for a target year after the latest point: "achieved" if the latest value meets
    the target by its comparator and direction (:func:`meets`; one value is enough), otherwise
    the band of the ratio (:func:`progress_band`: "on track" from ``on_track_ratio``, "needs
    acceleration" from ``acceleration_ratio``, "limited progress" above 0, "deterioration" at or
    below 0). For a target year at or before the latest point: "met" or "missed" against the
    value for that year. Both thresholds are columns of the output.

    Does not apply (``status`` missing, ``status_note`` says why): relative targets and other
    changes (not levels), no target year, a past target year with no value for it, a series of
    one value that does not meet the target (no observed growth), values at or below zero.

    Returns
    -------
    pandas.DataFrame
        One row per target whose jurisdiction has a published series of its indicator, with
        its tier and ``source``, the series' points used (``first_year``, ``first_value``,
        ``first_basis``, ``first_observation_id``, ``latest_*``: a derived pass rate names the
        failure rate's observation), ``n_points``, ``n_derived``, ``target_year_value``,
        ``required_growth``, ``observed_growth`` (% a year), ``ratio``, the thresholds,
        ``status`` (ordered: achieved, the bands, met, missed) and ``status_note``.

    Raises
    ------
    ParameterError
        If the thresholds are not ``on_track_ratio >= acceleration_ratio > 0``.
    """
    check_thresholds(on_track_ratio, acceleration_ratio)
    series = _series_by_key(dataset)
    t = dataset.targets_long
    t = t[[k in series for k in zip(t["jurisdiction_id"], t["indicator_id"], strict=True)]]
    low_end = t["comparator"].ne("range") | t["higher_is_better"]
    t = t.assign(source=target_source, target_level=t["value_std"].where(low_end, t["value_high_std"]))
    rows = []
    for r in t.itertuples():
        s = series[(r.jurisdiction_id, r.indicator_id)]
        a = _assess(r, s, (on_track_ratio, acceleration_ratio))
        rows.append(
            dict(
                first_year=s.years[0],
                first_value=s.values[0],
                first_basis=s.bases[0],
                first_observation_id=s.observation_ids[0],
                latest_year=s.years[-1],
                latest_value=s.values[-1],
                latest_basis=s.bases[-1],
                latest_observation_id=s.observation_ids[-1],
                n_points=len(s.years),
                n_derived=s.bases.count(DERIVED),
                target_year_value=a.target_year_value,
                required_growth=a.required,
                observed_growth=a.observed,
                ratio=a.ratio,
                status=a.status,
                status_note=a.note,
            )
        )
    assessed = pd.DataFrame(rows, index=range(len(t)), columns=ASSESSMENT_COLUMNS)  # columns even with no rows
    out = pd.concat([t[TARGET_COLUMNS].reset_index(drop=True), assessed], axis=1)
    for column in ("target_year_value", "required_growth", "observed_growth", "ratio"):
        out[column] = out[column].astype("Float64")
    for column in ("first_basis", "latest_basis"):
        out[column] = out[column].astype(dataset.observations["basis"].dtype)
    out.insert(out.columns.get_loc("status"), "on_track_ratio", on_track_ratio)
    out.insert(out.columns.get_loc("status"), "acceleration_ratio", acceleration_ratio)
    out["status"] = pd.Categorical(out["status"], categories=list(PROGRESS_STATUSES), ordered=True)
    return out


def indicators_with_record(dataset: Dataset) -> list[str]:
    """Indicators with a target set against its jurisdiction's published series (those with the
    most such targets first): what the progress report draws, one chart each."""
    p = progress_against_record(dataset)
    n = p.groupby("indicator_id")["target_id"].count()
    return sorted(n.index, key=lambda i: (-n[i], i))
