"""Progress against the record: is a target within reach at the pace the published figures show?

Follows the convention of the SDG progress reports (UN ESCAP's Asia and the Pacific SDG Progress
Report; implemented by Open SDG's ``sdg-build``, ``ProgressMeasure.py``, method 2): the growth
observed and the growth required are both measured from one base year, their ratio is read in
bands, and "target achieved" is checked first. The base is the plan's own: its stated baseline,
else the last value published before the plan was adopted. Only values of the target's method
vintage are used: growth is never measured across a change of method.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ..data import Dataset
from ..errors import ParameterError
from .memo import once_per_dataset
from .notes import note
from .selection import LEVEL_KINDS, measured_targets, target_source
from .series import DERIVED, published_series
from .vintages import target_vintages

ACHIEVED, MET, MISSED, MET_BEFORE = "achieved", "met", "missed", "met before adoption"
BANDS = ("on track", "needs acceleration", "limited progress", "deterioration")
PROGRESS_STATUSES = (MET_BEFORE, ACHIEVED, *BANDS, MET, MISSED)
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


def progress_ratio(
    base: float, current: float, target: float, base_year: float, current_year: float, target_year: float
) -> tuple[float, float, float]:
    """Observed growth, required growth (both in % a year, from the base year) and their ratio.

    ``observed = 100 * ((current / base) ** (1 / (current_year - base_year)) - 1)``;
    ``required = 100 * ((target / base) ** (1 / (target_year - base_year)) - 1)``;
    ``ratio = observed / required`` (the sign of ``required`` is the direction of improvement,
    so a fall in a failure rate towards a lower target gives a positive ratio, as
    ``observed / |required|`` does with direction-adjusted growth).
    """
    observed = growth_rate(base, current, current_year - base_year)
    required = growth_rate(base, target, target_year - base_year)
    return observed, required, observed / required


@dataclass(frozen=True)
class Point:
    year: int
    value: float
    basis: str
    observation_id: str
    vintage: str | None


@dataclass(frozen=True)
class Base:
    """Where progress is measured from: a year, a value, and whether the plan stated it."""

    year: int
    value: float
    basis: str  # "stated" (the plan's), or the series point's: "published" or "derived"
    observation_id: str | None
    note: str


@dataclass(frozen=True)
class Assessment:
    """One target's standing against its series, or why it has none (``note``, a code)."""

    status: str | None = None
    note: str = ""
    base: Base | None = None
    current: Point | None = None
    required: float | None = None
    observed: float | None = None
    ratio: float | None = None
    target_year_value: float | None = None


def _base(r, points: list[Point], others: list[Point]) -> Base | str:
    """The plan's base (its stated baseline, else the last value of its vintage published for a
    year before the plan was adopted), or the note why there is none."""
    if pd.notna(r.baseline_value) and pd.notna(r.baseline_year):
        return Base(
            int(r.baseline_year), float(r.baseline_value_std), "stated", None, note("base_stated", int(r.baseline_year))
        )
    if pd.isna(r.issue_year):
        return note("no_base")
    before = [p for p in points if p.year < r.issue_year]
    if before:
        p = before[-1]
        return Base(p.year, p.value, p.basis, p.observation_id, note("base_published_before_adoption", p.year))
    if any(p.year < r.issue_year for p in others) and pd.notna(r.vintage_first_year):
        return note("method_changed", int(r.vintage_first_year))
    return note("no_base")


def _assess(r, points: list[Point], others: list[Point], thresholds: tuple[float, float]) -> Assessment:
    if r.kind == "relative":
        return Assessment(note=note("relative_not_level"))
    if r.kind not in LEVEL_KINDS:
        return Assessment(note=note("not_a_level_kind", r.kind))
    if pd.isna(r.target_year):
        return Assessment(note=note("no_target_year"))
    if pd.notna(r.breaks_in) and r.target_year >= r.breaks_in:
        return Assessment(note=note("method_changed", int(r.breaks_in)))
    base = _base(r, points, others)
    if isinstance(base, str):
        return Assessment(note=base)
    target, better = float(r.target_level), bool(r.higher_is_better)
    low, high = float(r.value_std), float("nan") if pd.isna(r.value_high_std) else float(r.value_high_std)
    if meets(base.value, r.comparator, low, high, better):
        return Assessment(MET_BEFORE, base.note, base)
    by_year = {p.year: p for p in points}
    if r.target_year in by_year and by_year[r.target_year].year > base.year:
        p = by_year[r.target_year]
        met = meets(p.value, r.comparator, low, high, better)
        return Assessment(MET if met else MISSED, base.note, base, p, target_year_value=p.value)
    since = [p for p in points if p.year > base.year]
    if not since:
        return Assessment(note=note("no_value_since_base", base.year), base=base)
    current = since[-1]
    if current.year >= r.target_year:
        return Assessment(note=note("target_year_no_value", int(r.target_year)), base=base, current=current)
    if meets(current.value, r.comparator, low, high, better):
        return Assessment(ACHIEVED, base.note, base, current)
    if base.value <= 0 or current.value <= 0 or target <= 0:
        return Assessment(note=note("value_not_positive"), base=base, current=current)
    observed, required, ratio = progress_ratio(
        base.value, current.value, target, base.year, current.year, r.target_year
    )
    band = progress_band(ratio, *thresholds)
    return Assessment(band, base.note, base, current, required, observed, ratio)


@once_per_dataset
def _series_by_key(dataset: Dataset) -> dict[tuple[str, str], list[Point]]:
    """Each jurisdiction's published points of each indicator, in year order (one pass over the
    table: a group-by with a sort per group cost a fifth of a second a call)."""
    points = published_series(dataset).dropna(subset=["jurisdiction_id"]).sort_values("year", kind="stable")
    series: dict[tuple[str, str], list[Point]] = {}
    for p in points.itertuples():
        vintage = None if pd.isna(p.vintage) else str(p.vintage)
        point = Point(int(p.year), float(p.value), str(p.basis), str(p.observation_id), vintage)
        series.setdefault((str(p.jurisdiction_id), str(p.indicator_id)), []).append(point)
    return series


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
    "kind",
    "vintage",
    "target_year",
    "comparator",
    "value",
    "value_high",
    "unit",
    "target_level",
]
ASSESSMENT_COLUMNS = [
    "base_year",
    "base_value",
    "base_basis",
    "base_observation_id",
    "current_year",
    "current_value",
    "current_basis",
    "current_observation_id",
    "n_points",
    "n_derived",
    "target_year_value",
    "required_growth",
    "observed_growth",
    "ratio",
    "status",
    "status_note",
]


def check_thresholds(on_track_ratio: float, acceleration_ratio: float) -> None:
    """Raise ParameterError unless ``on_track_ratio >= acceleration_ratio > 0``: the bands
    must be ordered, and a ratio at or below 0 is deterioration whatever the thresholds."""
    if not on_track_ratio >= acceleration_ratio > 0:
        raise ParameterError(
            f"progress thresholds must satisfy on_track_ratio >= acceleration_ratio > 0, "
            f"not {on_track_ratio} and {acceleration_ratio}"
        )


def _row(a: Assessment, points: list[Point]) -> dict:
    base, current = a.base, a.current
    return dict(
        base_year=None if base is None else base.year,
        base_value=None if base is None else base.value,
        base_basis=None if base is None else base.basis,
        base_observation_id=None if base is None else base.observation_id,
        current_year=None if current is None else current.year,
        current_value=None if current is None else current.value,
        current_basis=None if current is None else current.basis,
        current_observation_id=None if current is None else current.observation_id,
        n_points=len(points),
        n_derived=sum(p.basis == DERIVED for p in points),
        target_year_value=a.target_year_value,
        required_growth=a.required,
        observed_growth=a.observed,
        ratio=a.ratio,
        status=a.status,
        status_note=a.note,
    )


def progress_against_record(
    dataset: Dataset, on_track_ratio: float = ON_TRACK_RATIO, acceleration_ratio: float = ACCELERATION_RATIO
) -> pd.DataFrame:
    """Each target against the published series of the same jurisdiction, indicator and method
    vintage, from the plan's own base year.

    The series is :func:`~analysis.measures.series.published_series` (published points, and
    points derived from published figures, including pass rates from failure rates; ``basis``
    says which), restricted to the target's vintage. The base ``(b, x_b)`` is the baseline the
    plan states, else the last value published for a year before the plan was issued; the
    current value ``(c, x_c)`` is the latest value after the base. With the target ``x_T`` in
    year ``T`` (:func:`progress_ratio`), in % a year:

    - observed growth ``= 100 * ((x_c / x_b) ** (1 / (c - b)) - 1)``;
    - required growth ``= 100 * ((x_T / x_b) ** (1 / (T - b)) - 1)``;
    - ``ratio = observed / required`` (positive when the series moves towards the target, for
      higher- and lower-is-better indicators alike).

    ``status``, in order: "met before adoption" if the base already meets the target (a level
    set at or below what had been achieved); "met" or "missed" if a value of the target year is
    published; "achieved" if the current value meets it (:func:`meets`); otherwise the band of
    the ratio (:func:`progress_band`: "on track" from ``on_track_ratio``, "needs acceleration"
    from ``acceleration_ratio``, "limited progress" above 0, "deterioration" at or below 0). Both
    thresholds are columns of the output. ``x_T`` (``target_level``) is the target's value in the
    indicator's unit, a range at its committed end (low, or high where lower is better).

    Does not apply (``status`` missing, ``status_note`` gives the code): relative targets, kinds
    that are not levels (additions, yearly quotas, ranks), no target year, a target year at or
    after a change of method (``method_changed:YEAR``), no base (none stated, none published
    before adoption: ``no_base``, or only under another method: ``method_changed:YEAR``), no value
    since the base, values at or below zero.

    Returns
    -------
    pandas.DataFrame
        One row per target whose jurisdiction has a published series of its indicator, with its
        tier and ``source``, its ``vintage``, the base and current points (``base_*``,
        ``current_*``: year, value, basis, observation), ``n_points`` and ``n_derived`` of its
        vintage, ``target_year_value``, ``required_growth``, ``observed_growth`` (% a year),
        ``ratio``, the thresholds, ``status`` (ordered as :data:`PROGRESS_STATUSES`) and
        ``status_note``.

    Raises
    ------
    ParameterError
        If the thresholds are not ``on_track_ratio >= acceleration_ratio > 0``.
    """
    check_thresholds(on_track_ratio, acceleration_ratio)
    series = _series_by_key(dataset)
    t = measured_targets(dataset)
    has_series = [k in series for k in zip(t["jurisdiction_id"], t["indicator_id"], strict=True)]
    t = t[pd.Series(has_series, index=t.index, dtype=bool)]  # a mask even when empty (a [] selects columns)
    v = target_vintages(dataset).set_index("target_id")
    first_year = dataset.vintages.set_index("vintage")["first_year"]
    low_end = t["comparator"].ne("range") | t["higher_is_better"]
    scale = (t["value_std"] / t["value"]).astype("Float64")
    t = t.assign(
        source=target_source,
        target_level=t["value_std"].where(low_end, t["value_high_std"]),
        baseline_value_std=t["baseline_value"] * scale,
        vintage=t["target_id"].map(v["vintage"]),
        breaks_in=t["target_id"].map(v["breaks_in"]),
        vintage_first_year=t["target_id"].map(v["vintage"]).map(first_year),
    )
    rows = []
    for r in t.itertuples():
        everything = series[(r.jurisdiction_id, r.indicator_id)]
        vintage = None if pd.isna(r.vintage) else str(r.vintage)
        points = [p for p in everything if p.vintage == vintage]
        others = [p for p in everything if p.vintage != vintage]
        rows.append(_row(_assess(r, points, others, (on_track_ratio, acceleration_ratio)), points))
    assessed = pd.DataFrame(rows, index=range(len(t)), columns=ASSESSMENT_COLUMNS)  # columns even with no rows
    out = pd.concat([t[TARGET_COLUMNS].reset_index(drop=True), assessed], axis=1)
    for column in ("base_value", "current_value", "target_year_value", "required_growth", "observed_growth", "ratio"):
        out[column] = out[column].astype("Float64")
    for column in ("base_year", "current_year"):
        out[column] = out[column].astype("Int64")
    for column in ("base_observation_id", "current_observation_id", "base_basis", "current_basis", "vintage"):
        out[column] = out[column].astype("string")
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
