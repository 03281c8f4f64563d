"""The yearly change a target implies, from a stated or observed baseline."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..data import Dataset


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
                change, unit, method = (
                    100 * ((1 + sign * r.value / 100) ** (1 / years) - 1),
                    "%/year",
                    "compound rate from a stated baseline",
                )
            else:
                change, unit, method = sign * r.value / years, "points/year", "linear from a stated baseline"
        elif kind == "annual_growth":
            change, unit, method = r.value, "%/year", "stated annual growth"
        elif kind == "annual_new":
            change, unit, method = r.value, f"{r.unit}/year", "stated each year"
        elif kind == "new" and r.target_year > r.issue_year:
            years = r.target_year - r.issue_year
            change, unit, method, baseline_year = (
                r.value / years,
                f"{r.unit}/year",
                "new over the plan period, per year",
                r.issue_year,
            )
        elif not kind and pd.notna(r.value_std):
            before = [
                (y, v)
                for (j, i, y), v in latest_obs.items()
                if j == r.jurisdiction_id and i == r.indicator_id and y < r.target_year
            ]
            if before:
                baseline_year, baseline_value = before[-1]
                years = r.target_year - baseline_year
                change, unit, method = (
                    (r.value_std - baseline_value) / years,
                    f"{r.indicator_unit}/year",
                    "linear from the latest observation",
                )
        rows.append(
            dict(
                target_id=r.target_id,
                jurisdiction_id=r.jurisdiction_id,
                indicator_id=r.indicator_id,
                target_year=r.target_year,
                comparator=r.comparator,
                value=r.value,
                unit=r.unit,
                change=kind or pd.NA,
                baseline_year=baseline_year,
                baseline_value=baseline_value,
                years=years,
                annual_change=change,
                annual_change_unit=unit or pd.NA,
                method=method,
            )
        )
    out = pd.DataFrame(rows)
    out["baseline_year"] = out["baseline_year"].astype("Int64")
    out["years"] = out["years"].astype("Float64")
    out["annual_change"] = out["annual_change"].astype("Float64")
    out["baseline_value"] = out["baseline_value"].astype("Float64")
    return out
