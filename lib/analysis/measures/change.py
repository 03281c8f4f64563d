"""The yearly change a target implies, from a stated baseline or a published value of the same
method vintage; and the level an addition implies, where a sourced stock exists to add it to."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd

from ..data import Dataset
from .memo import once_per_dataset
from .notes import note
from .selection import measured_targets, target_source
from .vintages import target_vintages


@dataclass(frozen=True)
class Implied:
    """One target's implied yearly change, or why there is none (``note``, a code)."""

    annual_change: float | None = None
    unit: str | None = None
    method: str = ""
    baseline_year: int | None = None
    baseline_value: float | None = None
    baseline_vintage: str | None = None
    years: float | None = None
    note: str = ""


@dataclass(frozen=True)
class Point:
    """A published value of a jurisdiction's series, in the indicator's unit."""

    year: int
    value: float
    vintage: str | None
    observation_id: str


def _relative(r) -> Implied:
    """较2020年下降14%: compound in % a year; in 个百分点: linear in points a year."""
    years = float(r.target_year - r.baseline_year)
    sign = 1 if r.change == "increase" else -1
    if r.unit == "%":
        rate = 100 * ((1 + sign * r.value / 100) ** (1 / years) - 1)
        return Implied(rate, "%/year", note("compound_from_stated_baseline"), r.baseline_year, None, None, years)
    method = note("linear_from_stated_baseline")
    return Implied(sign * r.value / years, "points/year", method, r.baseline_year, None, None, years)


def period_start(r) -> Any:
    """When an addition's counting period starts: the baseline year the plan names (十四五期间 ->
    2020), else the year of issue."""
    return r.baseline_year if pd.notna(r.baseline_year) else r.issue_year


def _addition(r) -> Implied:
    """X added over the counting period (:func:`period_start` to the target year), per year."""
    start = period_start(r)
    if pd.isna(start) or r.target_year <= start:
        return Implied(note=note("addition_period_unknown"))
    years = float(r.target_year - start)
    return Implied(r.value / years, f"{r.unit}/year", note("addition_per_year"), int(start), None, None, years)


def _from_level(r, series: list[Point]) -> Implied:
    """A level: from a baseline value the plan states (基期值), else from the latest published value
    of the same jurisdiction and method vintage before the target year."""
    if pd.notna(r.baseline_value) and pd.notna(r.baseline_year):
        years = float(r.target_year - r.baseline_year)
        change = (r.value - r.baseline_value) / years
        method = note("linear_from_stated_baseline")
        vintage = None if pd.isna(r.vintage) else str(r.vintage)
        return Implied(change, f"{r.unit}/year", method, r.baseline_year, r.baseline_value, vintage, years)
    before = [p for p in series if p.year < r.target_year]
    if not before:
        return Implied(note=note("level_no_baseline"))
    vintage = None if pd.isna(r.vintage) else str(r.vintage)
    same = [p for p in before if p.vintage == vintage]
    if not same:
        return Implied(note=note("method_changed", int(r.vintage_first_year)))
    p = same[-1]
    years = float(r.target_year - p.year)
    unit = f"{r.indicator_unit}/year"
    method = note("linear_from_published", p.year)
    return Implied((r.value_std - p.value) / years, unit, method, p.year, p.value, p.vintage, years)


def _implied(r, series: list[Point]) -> Implied:
    if pd.isna(r.target_year):
        return Implied(note=note("no_target_year"))
    if r.kind == "relative":
        if r.change == "annual_growth":
            return Implied(r.value, "%/year", note("stated_annual_growth"))
        if pd.isna(r.baseline_year):
            return Implied(note=note("relative_no_baseline_year"))
        return _relative(r)
    if r.kind == "annual":
        return Implied(r.value, f"{r.unit}/year", note("stated_each_year"))
    if r.kind == "addition":
        return _addition(r)
    if r.kind == "rank":
        return Implied(note=note("rank_not_a_change"))
    if pd.isna(r.value_std):
        return Implied(note=note("not_in_unit"))
    return _from_level(r, series)


def _implied_level(r, series: list[Point]) -> tuple[float | None, str]:
    """The level an addition implies: the published stock at the start of its counting period plus
    the addition, where that stock is published; else why not."""
    if r.kind != "addition":
        return None, ""
    start = period_start(r)
    if pd.isna(start):
        return None, note("addition_period_unknown")
    stock = next((p for p in series if p.year == int(start)), None)
    if stock is None or pd.isna(r.value_std):
        return None, note("no_stock_for_addition", int(start))
    return stock.value + float(r.value_std), note(
        "implied_level_from_stock", f"{stock.value:g}", stock.year, stock.observation_id
    )


def _series(dataset: Dataset) -> dict[tuple[str, str], list[Point]]:
    from .series import published_series

    points = published_series(dataset).dropna(subset=["jurisdiction_id"]).sort_values("year")
    out: dict[tuple[str, str], list[Point]] = {}
    for o in points.itertuples():
        vintage = None if pd.isna(o.vintage) else str(o.vintage)
        out.setdefault((o.jurisdiction_id, o.indicator_id), []).append(
            Point(int(o.year), float(o.value), vintage, str(o.observation_id))
        )
    return out


COLUMNS = [
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
    "unit",
    "change",
    "baseline_year",
    "baseline_value",
    "baseline_vintage",
    "years",
    "annual_change",
    "annual_change_unit",
    "method",
    "note",
    "implied_level",
    "implied_level_note",
]


@once_per_dataset
def implied_annual_change(dataset: Dataset) -> pd.DataFrame:
    """The yearly change a target implies, where the plan states or the record gives a baseline.

    - ``relative`` targets: a decrease or increase of X% from a stated baseline year, compound
      ``(1 ± X/100) ** (1 / (target_year - baseline_year)) - 1`` in %/year; of X 个百分点
      (percentage points), ``± X / years`` in points/year; an annual growth rate is the rate.
    - ``annual`` (a yearly quota): the stated count each year.
    - ``addition`` (X added over the plan): ``X / (target_year - start)`` per year, where the start
      is the baseline year the plan names (十四五期间 -> 2020) or else the year of issue.
    - a level, rate or index with a stated baseline (基期值 in year b):
      ``(value - baseline_value) / (target_year - b)``; otherwise, from the latest published value
      of the same jurisdiction before the target year **of the target's method vintage**:
      ``(value_std - published) / (target_year - published_year)``. Where values exist only under
      another method, none is used: ``method_changed:YEAR`` (the year the target's method began).
    - a rank: no change (``rank_not_a_change``).

    ``implied_level`` converts an addition to the level it implies, ``stock + X``, only where the
    jurisdiction's stock at the start of the counting period is published (``implied_level_note``
    names the stock, its year and its observation); otherwise it stays an addition, compared
    with additions only (``no_stock_for_addition:YEAR``).

    Other targets get no figure: ``method`` is empty and ``note`` gives the code. ``tier`` and
    ``source`` say where each target can be checked; ``vintage`` is the target's method vintage
    and ``baseline_vintage`` that of the value it was measured from.
    """
    vintages = target_vintages(dataset).set_index("target_id")
    first_year = dataset.vintages.set_index("vintage")["first_year"]
    series = _series(dataset)
    targets = measured_targets(dataset).assign(source=target_source)
    targets = targets.assign(
        vintage=targets["target_id"].map(vintages["vintage"]),
        vintage_first_year=targets["target_id"].map(vintages["vintage"]).map(first_year),
    )
    read = [
        *("target_id", "doc_id", "tier", "source", "jurisdiction_id", "indicator_id", "kind", "vintage"),
        *("vintage_first_year", "change", "comparator", "target_year", "unit", "value", "value_std"),
        *("baseline_value", "baseline_year", "indicator_unit", "issue_year"),
    ]
    rows = []
    for r in targets[read].itertuples():  # only the columns read: the others would be iterated too
        points = series.get((r.jurisdiction_id, r.indicator_id), [])
        result = _implied(r, points)
        level, level_note = _implied_level(r, points)
        rows.append(
            dict(
                target_id=r.target_id,
                doc_id=r.doc_id,
                tier=r.tier,
                source=r.source,
                jurisdiction_id=r.jurisdiction_id,
                indicator_id=r.indicator_id,
                kind=r.kind,
                vintage=r.vintage,
                target_year=r.target_year,
                comparator=r.comparator,
                value=r.value,
                unit=r.unit,
                change=r.change,
                baseline_year=result.baseline_year,
                baseline_value=result.baseline_value,
                baseline_vintage=result.baseline_vintage,
                years=result.years,
                annual_change=result.annual_change,
                annual_change_unit=result.unit,
                method=result.method,
                note=result.note,
                implied_level=level,
                implied_level_note=level_note,
            )
        )
    out = pd.DataFrame(rows, columns=COLUMNS)
    out["tier"] = out["tier"].astype(targets["tier"].dtype)
    out["kind"] = out["kind"].astype(targets["kind"].dtype)
    types = {"baseline_year": "Int64", "years": "Float64", "annual_change": "Float64", "baseline_value": "Float64"}
    types |= {"implied_level": "Float64", "vintage": "string", "baseline_vintage": "string"}
    return out.astype(types)
