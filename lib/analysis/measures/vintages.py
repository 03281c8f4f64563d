"""Method vintages: which method a target was set under, and where a series breaks.

A published series whose method changed (the manufacturing quality competitiveness index
around 2010 and from 2020; the farm-product monitoring basis in 2018; the national spot checks,
a pass rate to 2017 and a failure rate from 2018) cannot carry growth across the change. A
target belongs to the vintage in force when its plan set it; growth and progress use only
values of that vintage.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd

from ..data import Dataset
from .memo import once_per_dataset
from .selection import measured_targets


@dataclass(frozen=True)
class Vintage:
    """One method of one indicator's series and the years it covers (``last`` None while current)."""

    vintage: str
    indicator_id: str
    first: int
    last: int | None

    def covers(self, year: int) -> bool:
        return self.first <= year and (self.last is None or year <= self.last)


@once_per_dataset
def _vintages(dataset: Dataset) -> dict[str, list[Vintage]]:
    """Vintages by the indicator whose series they describe: a pass rate's series also holds the
    values derived from its complement's failure rate, so it has that indicator's vintages too."""
    complement = dataset.indicators.dropna(subset=["complement_of"]).set_index("indicator_id")["complement_of"]
    out: dict[str, list[Vintage]] = {}
    for v in dataset.vintages.itertuples():
        vintage = Vintage(
            v.vintage, v.indicator_id, int(v.first_year), None if pd.isna(v.last_year) else int(v.last_year)
        )
        for indicator in {v.indicator_id, complement.get(v.indicator_id, v.indicator_id)}:
            out.setdefault(indicator, []).append(vintage)
    return {i: sorted(vs, key=lambda v: v.first) for i, vs in out.items()}


def vintage_at(dataset: Dataset, indicator_id: str, year: Any) -> Vintage | None:
    """The vintage of an indicator's series in force in ``year`` (None without vintages or year)."""
    return _in_force(_vintages(dataset).get(indicator_id, []), year)


def _in_force(vintages: list[Vintage], year: Any) -> Vintage | None:
    if year is None or pd.isna(year):
        return None
    return next((v for v in vintages if v.covers(int(year))), None)


def base_year(row: object) -> object:
    """The year a target was set against: its stated baseline year, else the year its plan was
    issued, else its target year (an undated plan)."""
    for column in ("baseline_year", "issue_year", "target_year"):
        value = getattr(row, column)
        if pd.notna(value):
            return int(value)
    return None


@once_per_dataset
def target_vintages(dataset: Dataset) -> pd.DataFrame:
    """Each target's method vintage: the vintage of its indicator in force in its base year
    (:func:`base_year`), and the first year of the next vintage where the series breaks after it.

    Returns
    -------
    pandas.DataFrame
        ``target_id``, ``vintage`` (missing for an indicator without vintages), ``vintage_year``
        (the base year it was read at) and ``breaks_in`` (the year the next method starts, or
        missing while the vintage is current).
    """
    rows = []
    by_indicator = _vintages(dataset)
    columns = ["target_id", "indicator_id", "baseline_year", "issue_year", "target_year"]
    for r in measured_targets(dataset)[columns].itertuples():
        year = base_year(r)
        v = _in_force(by_indicator.get(r.indicator_id, []), year)
        rows.append(
            dict(
                target_id=r.target_id,
                vintage=None if v is None else v.vintage,
                vintage_year=year,
                breaks_in=None if v is None or v.last is None else v.last + 1,
            )
        )
    out = pd.DataFrame(rows, columns=["target_id", "vintage", "vintage_year", "breaks_in"])
    return out.astype({"vintage": "string", "vintage_year": "Int64", "breaks_in": "Int64"})
