"""Ambition measures: properties of their formulas, and their values on the curated data."""

from __future__ import annotations

import csv
import dataclasses
import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import measures as ambition
from analysis import paths
from analysis.measures import NationalPath

MQCI = "mfg_quality_competitiveness_index"


def observed(jurisdiction: str, indicator_zh_id: str) -> dict[int, float]:
    with open(paths.DATA_DIR / "observations.csv", encoding="utf-8") as f:
        return {
            int(r["year"]): float(r["value"])
            for r in csv.DictReader(f)
            if r["jurisdiction_id"] == jurisdiction and r["indicator_id"] == indicator_zh_id
        }


points = st.lists(
    st.tuples(st.integers(1990, 2040), st.floats(-1e3, 1e3, allow_nan=False)),
    min_size=2,
    max_size=8,
    unique_by=lambda p: p[0],
).map(sorted)


@given(points)
def test_path_passes_through_its_points(pts):
    path = NationalPath("x", tuple(p[0] for p in pts), tuple(p[1] for p in pts))
    for year, value in pts:
        assert math.isclose(path.value_at(year), value, abs_tol=1e-6)


@given(points, st.floats(0, 30))
def test_path_extends_at_the_last_slope(pts, beyond):
    path = NationalPath("x", tuple(p[0] for p in pts), tuple(p[1] for p in pts))
    (x0, y0), (x1, y1) = pts[-2], pts[-1]
    expected = y1 + (y1 - y0) / (x1 - x0) * beyond
    assert math.isclose(path.value_at(x1 + beyond), expected, rel_tol=1e-9, abs_tol=1e-6)


def test_path_needs_two_points():
    assert math.isnan(NationalPath("x", (2025,), (86.0,)).value_at(2025))


def with_target(dataset, target_id, **changes):
    t = dataset.targets_long.copy()
    row = t["target_id"] == target_id
    for column, value in changes.items():
        t.loc[row, column] = value
    return dataclasses.replace(dataset, targets_long=t)


def mqci_target(dataset, jurisdiction):
    t = dataset.targets_long
    return t[(t["indicator_id"] == MQCI) & (t["jurisdiction_id"] == jurisdiction)]["target_id"].iloc[0]


@settings(max_examples=25, deadline=None)
@given(year=st.integers(2000, 2035), delta=st.floats(-5, 5, allow_nan=False))
def test_headroom_is_zero_on_the_national_path_and_its_sign_follows_direction(dataset, year, delta):
    path = ambition.national_path(dataset, MQCI)
    target_id = mqci_target(dataset, "jiangsu")
    on_path = path.value_at(year)
    d = with_target(dataset, target_id, target_year=year, value_std=on_path + delta)
    h = ambition.headroom(d).set_index("target_id").loc[target_id, "headroom"]
    assert math.isclose(h, delta, abs_tol=1e-9)
    flipped = dataclasses.replace(d, targets_long=d.targets_long.assign(higher_is_better=False))
    assert math.isclose(
        ambition.headroom(flipped).set_index("target_id").loc[target_id, "headroom"], -delta, abs_tol=1e-9
    )


def test_headline_headroom_against_the_observed_series(dataset):
    obs = observed("china", MQCI)
    years, values = zip(*sorted({**obs, 2025: 86.0}.items()), strict=True)
    expected = {
        "jiangmen": 85 - np.interp(2020, years, values),
        "jiangsu": 88 - 86.0,
        "yichang": 89 - 86.0,
        "jian": 86.5 - (86.0 + (86.0 - obs[2024])),  # beyond 2025, at the last slope
    }
    h = ambition.headroom(dataset)
    got = h[h["indicator_id"] == MQCI].set_index("jurisdiction_id")["headroom"]
    for jurisdiction, value in expected.items():
        assert math.isclose(got[jurisdiction], value, abs_tol=1e-9), jurisdiction


def test_gap_to_national_shows_the_year_difference(dataset):
    g = ambition.gap_to_national(dataset)
    jian = g[(g["indicator_id"] == MQCI) & (g["jurisdiction_id"] == "jian")].iloc[0]
    assert math.isclose(jian["gap"], 0.5) and jian["year_gap"] == 1
    no_national = g[g["indicator_id"] == "public_service_satisfaction"]
    assert no_national["gap"].isna().all() and set(no_national["gap_note"]) == {"no national target"}


def test_an_indicator_without_a_national_target_gets_no_headroom(dataset):
    h = ambition.headroom(dataset)
    energy = h[h["indicator_id"] == "energy_per_unit_gdp"].iloc[0]  # 较2020年下降14%: no national target
    assert energy["headroom_note"] == "no national path"
    assert pd.isna(energy["headroom"])


def test_a_relative_target_gets_no_level_measures_even_with_a_national_path(dataset):
    target_id = mqci_target(dataset, "jiangsu")
    d = with_target(dataset, target_id, is_relative=True, value_std=pd.NA)  # as if it read 较2020年提高2
    h = ambition.headroom(d).set_index("target_id").loc[target_id]
    assert h["headroom_note"] == "relative target: not a level"
    assert pd.isna(h["headroom"])


def test_peer_standing_on_the_headline_indicator(dataset):
    s = ambition.peer_standing(dataset)
    m = s[s["indicator_id"] == MQCI].set_index("jurisdiction_id")
    assert list(m.sort_values("rank").index) == ["yichang", "jiangsu", "jiangmen", "jian"]
    assert list(m.sort_values("rank")["percentile"].round(1)) == [100.0, 66.7, 33.3, 0.0]
    assert set(m["basis"]) == {"headroom"}


def test_peer_standing_without_a_national_path_ranks_values_and_shares_ties(dataset):
    s = ambition.peer_standing(dataset)
    p = s[s["indicator_id"] == "public_service_satisfaction"].set_index("jurisdiction_id")
    assert set(p["basis"]) == {"value"}
    assert p.loc["jiangsu", "rank"] == p.loc["yichang", "rank"] == 1 and p.loc["jian", "rank"] == 3


def test_implied_annual_change_of_a_relative_target(dataset):
    a = ambition.implied_annual_change(dataset).set_index("indicator_id")
    energy = a.loc["energy_per_unit_gdp"]
    assert math.isclose(energy["annual_change"], 100 * ((1 - 0.14) ** (1 / 5) - 1), rel_tol=1e-9)
    assert energy["annual_change_unit"] == "%/year"


def test_implied_annual_change_from_the_latest_observation(dataset):
    a = ambition.implied_annual_change(dataset)
    national = a[(a["jurisdiction_id"] == "china") & (a["indicator_id"] == MQCI)].iloc[0]
    obs = observed("china", MQCI)
    assert national["baseline_year"] == max(obs) and math.isclose(
        national["annual_change"], (86 - obs[max(obs)]) / (2025 - max(obs))
    )


def test_breadth_counts_distinct_indicators_per_plan(dataset):
    with open(paths.DATA_DIR / "targets.csv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    b = ambition.breadth(dataset)
    for doc in {r["doc_id"] for r in rows}:
        jurisdiction = dataset.documents.set_index("doc_id").loc[doc, "jurisdiction_id"]
        assert b.loc[jurisdiction, "total"] == len({r["indicator_id"] for r in rows if r["doc_id"] == doc})
    assert (b.drop(columns="total").sum(axis=1) == b["total"]).all()


def test_coverage_keeps_no_target_apart_from_no_plan(dataset):
    c = ambition.coverage(dataset, [MQCI]).set_index("jurisdiction_id")["status"]
    assert c["jiangsu"] == "target" and c["jilin"] == "no target" and c["hubei"] == "no plan read"


@pytest.mark.parametrize(
    "indicator", ["mfg_quality_competitiveness_index", "mfg_product_pass_rate", "farm_product_monitoring_pass_rate"]
)
def test_shared_indicators_include_the_recurring_ones(dataset, indicator):
    assert indicator in ambition.shared_indicators(dataset)
