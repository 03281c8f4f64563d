"""The yearly change a target implies, from a stated or observed baseline."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ..data import Dataset
from .memo import once_per_dataset
from .selection import target_source

NO_FIGURE = "none"


@dataclass(frozen=True)
class Implied:
    """One target's implied yearly change, or why there is none."""

    annual_change: float | None = None
    unit: str | None = None
    method: str = NO_FIGURE
    baseline_year: int | None = None
    baseline_value: float | None = None
    years: float | None = None
    note: str = ""


def _relative(r) -> Implied:
    """较2020年下降14%: compound in % a year; in 个百分点: linear in points a year."""
    years = float(r.target_year - r.baseline_year)
    sign = 1 if r.change == "increase" else -1
    if r.unit == "%":
        rate = 100 * ((1 + sign * r.value / 100) ** (1 / years) - 1)
        return Implied(rate, "%/year", "compound rate from a stated baseline", r.baseline_year, None, years)
    return Implied(sign * r.value / years, "points/year", "linear from a stated baseline", r.baseline_year, None, years)


def _new(r) -> Implied:
    """X added over the counting period, which starts after the baseline year where the plan
    names one (十四五期间 -> 2020), otherwise at the plan's issue."""
    start = r.baseline_year if pd.notna(r.baseline_year) else r.issue_year
    if pd.isna(start) or r.target_year <= start:
        return Implied(note="new over the plan period, but the period's start is unknown or not before the year")
    years = float(r.target_year - start)
    return Implied(r.value / years, f"{r.unit}/year", "new over the plan period, per year", int(start), None, years)


def _from_level(r, observed: dict) -> Implied:
    """A level: from a baseline value the plan states (基期值), else from the latest published value
    of the same jurisdiction before the target year."""
    if pd.notna(r.baseline_value) and pd.notna(r.baseline_year):
        years = float(r.target_year - r.baseline_year)
        change = (r.value - r.baseline_value) / years
        return Implied(
            change, f"{r.unit}/year", "linear from a stated baseline", r.baseline_year, r.baseline_value, years
        )
    before = [(y, v) for y, v in observed.get((r.jurisdiction_id, r.indicator_id), []) if y < r.target_year]
    if not before:
        return Implied(note="a level with no stated or published baseline")
    year, value = before[-1]
    years = float(r.target_year - year)
    unit = f"{r.indicator_unit}/year"
    return Implied((r.value_std - value) / years, unit, "linear from the latest observation", year, value, years)


def _implied(r, observed: dict) -> Implied:
    kind = r.change if pd.notna(r.change) else ""
    if pd.isna(r.target_year):
        return Implied(note="no target year")
    if kind in ("increase", "decrease"):
        return _relative(r) if pd.notna(r.baseline_year) else Implied(note="a change with no stated baseline year")
    if kind == "annual_growth":
        return Implied(r.value, "%/year", "stated annual growth")
    if kind == "annual_new":
        return Implied(r.value, f"{r.unit}/year", "stated each year")
    if kind == "new":
        return _new(r)
    if kind == "annual":
        return Implied(note="a yearly quota, not a change")
    if pd.isna(r.value_std):
        return Implied(note="not comparable in the indicator's unit")
    return _from_level(r, observed)


@once_per_dataset
def implied_annual_change(dataset: Dataset) -> pd.DataFrame:
    """The yearly change a target implies, where the plan states or implies a baseline.

    - ``decrease``/``increase`` of X% from a stated baseline year: compound rate
      ``(1 ± X/100) ** (1 / (target_year - baseline_year)) - 1``, in %/year;
      of X 个百分点 (percentage points): ``± X / years``, in points/year.
    - ``annual_growth``: the stated rate itself. ``annual_new``: the stated count each year.
    - ``new`` (X added over the plan): ``X / (target_year - start)`` per year, where the start is
      the baseline year the plan names (十四五期间 -> 2020) or else the year of issue.
    - a level with a stated baseline (基期值 in year b): ``(value - baseline_value) / (target_year - b)``;
      otherwise, with a published value of the same jurisdiction before the target year:
      ``(value_std - observed) / (target_year - observed_year)`` from the latest one.

    Other targets get no figure: ``method`` is "none" and ``note`` says why. ``tier`` and
    ``source`` say where each target can be checked.
    """
    obs = dataset.observations.dropna(subset=["jurisdiction_id"]).sort_values("year")
    observed: dict[tuple[str, str], list[tuple[int, float]]] = {}
    for o in obs.itertuples():
        observed.setdefault((o.jurisdiction_id, o.indicator_id), []).append((int(o.year), float(o.value)))
    rows = []
    targets = dataset.targets_long.assign(source=target_source)
    for r in targets.itertuples():
        result = _implied(r, observed)
        rows.append(
            dict(
                target_id=r.target_id,
                doc_id=r.doc_id,
                tier=r.tier,
                source=r.source,
                jurisdiction_id=r.jurisdiction_id,
                indicator_id=r.indicator_id,
                target_year=r.target_year,
                comparator=r.comparator,
                value=r.value,
                unit=r.unit,
                change=r.change,
                baseline_year=result.baseline_year,
                baseline_value=result.baseline_value,
                years=result.years,
                annual_change=result.annual_change,
                annual_change_unit=result.unit,
                method=result.method,
                note=result.note,
            )
        )
    out = pd.DataFrame(rows)
    out["tier"] = out["tier"].astype(targets["tier"].dtype)
    for column, dtype in (("baseline_year", "Int64"), ("years", "Float64"), ("annual_change", "Float64")):
        out[column] = out[column].astype(dtype)
    out["baseline_value"] = out["baseline_value"].astype("Float64")
    return out
