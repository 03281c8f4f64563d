"""Progress against the record: growth required and observed, their ratio and its band, worked
on paper from the published figures (observations.csv) and the targets."""

from __future__ import annotations

import dataclasses
import math

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from analysis import measures
from analysis.errors import ParameterError
from analysis.measures.progress import BANDS
from tests.helpers import rows_like

MQCI = "mfg_quality_competitiveness_index"


def row(p: pd.DataFrame, target_id: str) -> pd.Series:
    return p.set_index("target_id").loc[target_id]


def with_targets(dataset, template: str, *changes):
    """The dataset with only hand-made targets, copied from the real target ``template``."""
    targets = rows_like(dataset.targets_long, "target_id", template, *changes)
    return dataclasses.replace(dataset, targets_long=targets)


def test_national_index_needs_acceleration(dataset):
    """National outline: 86 by 2025. Published series: first 78.98 (2005), latest 85.6 (2024).
    required = (86 / 85.6) ** (1 / 1) - 1 = 0.4 / 85.6          = 0.4673 % a year
    observed = (85.6 / 78.98) ** (1 / 19) - 1: 85.6 / 78.98 = 1.08382, ln = 0.080490,
               / 19 = 0.0042363, exp - 1                          = 0.4245 % a year
    ratio = 0.4245 / 0.4673 = 0.9085: from 0.6, below 0.95 -> needs acceleration."""
    r = row(measures.progress_against_record(dataset), "national-2023-001")
    assert (r["first_year"], r["first_value"], r["latest_year"], r["latest_value"]) == (2005, 78.98, 2024, 85.6)
    assert r["n_points"] == 10 and r["n_derived"] == 0
    assert (r["first_observation_id"], r["latest_observation_id"]) == ("obs-006", "obs-011")
    assert math.isclose(r["required_growth"], 100 * (86 / 85.6 - 1), rel_tol=1e-12)
    assert math.isclose(r["required_growth"], 0.4673, abs_tol=1e-4)
    assert math.isclose(r["observed_growth"], 100 * ((85.6 / 78.98) ** (1 / 19) - 1), rel_tol=1e-12)
    assert math.isclose(r["observed_growth"], 0.4245, abs_tol=1e-4)
    assert math.isclose(r["ratio"], 0.9085, abs_tol=1e-3)
    assert r["status"] == "needs acceleration" and r["status_note"] == ""
    assert (r["on_track_ratio"], r["acceleration_ratio"]) == (0.95, 0.6)
    assert (r["tier"], r["source"]) == ("quoted", "national-2023:271")


def test_the_issue_example_from_2009_to_2023(dataset):
    """The issue's example, the series cut to 82.14 (2009) and 85.21 (2023), target 86 by 2025:
    required = (86 / 85.21) ** (1 / 2) - 1: 86 / 85.21 = 1.0092712, sqrt = 1.0046245 -> 0.4625 %
    observed = (85.21 / 82.14) ** (1 / 14) - 1: ratio 1.037375, ln 0.036694, / 14 = 0.0026210
               -> 0.2624 %
    ratio = 0.2624 / 0.4625 = 0.567: above 0, below 0.6 -> limited progress."""
    obs = dataset.observations
    cut = obs[~((obs["jurisdiction_id"] == "china") & (obs["indicator_id"] == MQCI))]
    cut = pd.concat([cut, obs[obs["observation_id"].isin(["obs-021", "obs-010"])]])  # 2009, 2023
    d = dataclasses.replace(dataset, observations=cut)
    r = row(measures.progress_against_record(d), "national-2023-001")
    assert (r["first_year"], r["latest_year"], r["n_points"]) == (2009, 2023, 2)
    assert math.isclose(r["required_growth"], 100 * ((86 / 85.21) ** (1 / 2) - 1), rel_tol=1e-12)
    assert math.isclose(r["required_growth"], 0.4625, abs_tol=1e-4)
    assert math.isclose(r["observed_growth"], 100 * ((85.21 / 82.14) ** (1 / 14) - 1), rel_tol=1e-12)
    assert math.isclose(r["observed_growth"], 0.2624, abs_tol=1e-4)
    assert math.isclose(r["ratio"], 0.567, abs_tol=1e-3)
    assert r["status"] == "limited progress"


def test_hubei_is_on_track_and_jiangxi_makes_limited_progress(dataset):
    """Hubei: >= 89 by 2025; 83.14 (2013), 85.65 (2016).
    required = (89 / 85.65) ** (1 / 9) - 1 = 0.427 %; observed = (85.65 / 83.14) ** (1 / 3) - 1
    = 0.996 %; ratio 2.33 -> on track.
    Jiangxi: 86.5 by 2025; 81.13 (2006), 81.74 (2012), 82.43 (2020): the first and the latest.
    required = (86.5 / 82.43) ** (1 / 5) - 1 = 0.969 %; observed = (82.43 / 81.13) ** (1 / 14) - 1
    = 0.114 %; ratio 0.117 -> limited progress."""
    p = measures.progress_against_record(dataset)
    hubei, jiangxi = row(p, "hubei-2023-002"), row(p, "jiangxi-2023-003")
    assert math.isclose(hubei["required_growth"], 100 * ((89 / 85.65) ** (1 / 9) - 1), rel_tol=1e-12)
    assert math.isclose(hubei["observed_growth"], 100 * ((85.65 / 83.14) ** (1 / 3) - 1), rel_tol=1e-12)
    assert math.isclose(hubei["ratio"], 2.33, abs_tol=0.01) and hubei["status"] == "on track"
    assert (hubei["tier"], hubei["source"]) == ("quoted", "hubei-2023:504")
    assert (jiangxi["first_year"], jiangxi["latest_year"], jiangxi["n_points"]) == (2006, 2020, 3)
    assert math.isclose(jiangxi["required_growth"], 100 * ((86.5 / 82.43) ** (1 / 5) - 1), rel_tol=1e-12)
    assert math.isclose(jiangxi["observed_growth"], 100 * ((82.43 / 81.13) ** (1 / 14) - 1), rel_tol=1e-12)
    assert math.isclose(jiangxi["ratio"], 0.117, abs_tol=0.001) and jiangxi["status"] == "limited progress"


def test_one_value_that_meets_the_target_is_achieved_and_one_that_does_not_gets_no_status(dataset):
    """National food sampling: 99 (2023) against >= 98 by 2025: achieved, no growth needed.
    Jiangsu's satisfaction 82.77 (2021) against >= 82: achieved. Jiangsu's index: 84.87 (2006)
    alone against 88: no observed growth, so no status."""
    p = measures.progress_against_record(dataset)
    assert row(p, "national-2023-003")["status"] == "achieved"
    assert row(p, "jiangsu-2023-010")["status"] == "achieved"
    jiangsu = row(p, "jiangsu-2023-009")
    assert pd.isna(jiangsu["status"]) and jiangsu["status_note"] == "one published value (2006): no observed growth"
    assert pd.isna(jiangsu["required_growth"]) and pd.isna(jiangsu["ratio"])


def test_only_targets_with_a_series_of_their_own_jurisdiction_are_assessed(dataset):
    p = measures.progress_against_record(dataset)
    assert "jian-2024-003" not in set(p["target_id"])  # Ji'an publishes no index
    assert set(p["jurisdiction_id"]) <= set(dataset.observations["jurisdiction_id"].dropna())


def test_a_past_target_year_is_met_or_missed_against_that_years_value(dataset):
    """National index series: 84.78 in 2020, no value for 2019.
    >= 84.5 by 2020: 84.78 >= 84.5, met. = 85 by 2020: 84.78 < 85, missed. 2019: none published."""
    d = with_targets(
        dataset,
        "national-2023-001",
        {"target_id": "met", "target_year": 2020, "comparator": ">=", "value_std": 84.5},
        {"target_id": "missed", "target_year": 2020, "value_std": 85.0},
        {"target_id": "unknown", "target_year": 2019},
    )
    p = measures.progress_against_record(d)
    assert row(p, "met")["status"] == "met" and row(p, "met")["target_year_value"] == 84.78
    assert row(p, "missed")["status"] == "missed"
    unknown = row(p, "unknown")
    assert pd.isna(unknown["status"]) and unknown["status_note"] == "target year past: no value published for 2019"


def test_a_lower_is_better_target_grows_on_the_flipped_scale(dataset):
    """A failure rate, <= 2.5 % by 2026, against the national food supervisory failure rate:
    2.31 (2020) ... 2.96 (2024). Falling is improvement, so rates are sign-flipped:
    required = -((2.5 / 2.96) ** (1 / 2) - 1) = +8.10 % a year (it must fall);
    observed = -((2.96 / 2.31) ** (1 / 4) - 1) = -6.39 % a year (it rose);
    ratio = -6.39 / 8.10 = -0.79 <= 0 -> deterioration."""
    d = with_targets(
        dataset,
        "national-2023-003",
        {
            "target_id": "failure",
            "indicator_id": "food_supervisory_sampling_failure_rate",
            "higher_is_better": False,
            "comparator": "<=",
            "target_year": 2026,
            "value_std": 2.5,
        },
    )
    r = row(measures.progress_against_record(d), "failure")
    assert math.isclose(r["required_growth"], -100 * ((2.5 / 2.96) ** (1 / 2) - 1), rel_tol=1e-12)
    assert math.isclose(r["required_growth"], 8.10, abs_tol=0.01)
    assert math.isclose(r["observed_growth"], -6.39, abs_tol=0.01)
    assert math.isclose(r["ratio"], -0.79, abs_tol=0.01) and r["status"] == "deterioration"


def test_pass_rates_derived_from_failure_rates_are_used_and_labelled(dataset):
    """National spot checks: pass rates published to 2017 (89.8 in 2012), failure rates from
    2018, 14.3 in 2024, so the latest point is 100 - 14.3 = 85.7, derived. Six derived
    points: 2018 and 2020-2024 from failure rates (2020's itself from 12.2 - 2.2).
    A target of >= 92 by 2027: required = (92 / 85.7) ** (1 / 3) - 1 = 2.39 %;
    observed = (85.7 / 89.8) ** (1 / 12) - 1 = -0.389 %: deterioration."""
    d = with_targets(
        dataset,
        "national-2023-003",
        {
            "target_id": "spot",
            "indicator_id": "national_product_spot_check_pass_rate",
            "target_year": 2027,
            "value_std": 92.0,
        },
    )
    r = row(measures.progress_against_record(d), "spot")
    assert (r["first_year"], r["first_value"], r["first_basis"]) == (2012, 89.8, "published")
    assert (r["latest_year"], r["latest_basis"], r["latest_observation_id"]) == (2024, "derived", "obs-038")
    assert math.isclose(r["latest_value"], 85.7) and r["n_derived"] == 6 and r["n_points"] == 12
    assert math.isclose(r["required_growth"], 2.39, abs_tol=0.01)
    assert math.isclose(r["observed_growth"], -0.389, abs_tol=0.001)
    assert r["status"] == "deterioration"


@pytest.mark.parametrize(
    ("change", "note"),
    [
        ({"is_relative": True, "change": "increase", "value_std": pd.NA}, "relative target: not a level"),
        ({"change": "new"}, "not a level (new): a count or rate over the plan period"),
        ({"target_year": pd.NA}, "no target year"),
    ],
)
def test_targets_that_are_not_levels_or_have_no_year_get_no_status(dataset, change, note):
    d = with_targets(dataset, "national-2023-001", {"target_id": "x", **change})
    r = row(measures.progress_against_record(d), "x")
    assert pd.isna(r["status"]) and r["status_note"] == note


def test_a_value_at_or_below_zero_has_no_compound_growth(dataset):
    obs = dataset.observations.copy()
    obs.loc[obs["observation_id"] == "obs-006", "value"] = 0.0  # the national index's first point
    r = row(measures.progress_against_record(dataclasses.replace(dataset, observations=obs)), "national-2023-001")
    assert pd.isna(r["status"]) and r["status_note"] == "a value at or below zero: no compound growth"


def test_a_target_on_the_worse_side_of_the_latest_value_gets_no_status(dataset):
    """<= 80 by 2030 on the index, where higher is better: the latest value, 85.6, does not meet
    it, and reaching it means falling: no growth required, no status."""
    d = with_targets(dataset, "national-2023-001", {"target_id": "x", "comparator": "<=", "target_year": 2030})
    d = dataclasses.replace(d, targets_long=d.targets_long.assign(value_std=80.0))
    r = row(measures.progress_against_record(d), "x")
    assert (
        pd.isna(r["status"]) and r["status_note"] == "the target is not beyond the latest value in the better direction"
    )


def test_thresholds_are_parameters_named_in_the_output(dataset):
    """The national index's ratio, 0.9085, is on track from 0.9 and needs acceleration from 0.95."""
    p = measures.progress_against_record(dataset, on_track_ratio=0.9, acceleration_ratio=0.5)
    r = row(p, "national-2023-001")
    assert r["status"] == "on track" and (r["on_track_ratio"], r["acceleration_ratio"]) == (0.9, 0.5)
    with pytest.raises(ParameterError, match="on_track_ratio >= acceleration_ratio > 0"):
        measures.progress_against_record(dataset, on_track_ratio=0.5, acceleration_ratio=0.6)


@pytest.mark.parametrize(
    ("ratio", "band"),
    [(0.95, "on track"), (0.9499, "needs acceleration"), (0.6, "needs acceleration"), (0.5999, "limited progress")]
    + [(1e-9, "limited progress"), (0.0, "deterioration"), (-2.0, "deterioration")],
)
def test_band_boundaries(ratio, band):
    assert measures.progress_band(ratio) == band


@given(
    required=st.floats(0.01, 50),
    observed=st.lists(st.floats(-50, 50), min_size=2, max_size=6).map(sorted),
)
def test_bands_are_monotone_in_the_observed_growth(required, observed):
    ranks = [BANDS.index(measures.progress_band(o / required)) for o in observed]
    assert ranks == sorted(ranks, reverse=True)  # faster growth never gives a worse band


@given(start=st.floats(1, 1000), growth=st.floats(-20, 20), years=st.integers(1, 30))
def test_growth_rate_compounds_back_to_the_end_value(start, growth, years):
    end = start * (1 + growth / 100) ** years
    assert math.isclose(measures.growth_rate(start, end, years), growth, abs_tol=1e-6)


@pytest.mark.parametrize(
    ("value", "comparator", "low", "high", "higher_is_better", "met"),
    [
        (98.0, ">=", 98.0, math.nan, True, True),
        (97.9, ">=", 98.0, math.nan, True, False),
        (86.0, "=", 86.0, math.nan, True, True),
        (86.1, "~", 86.0, math.nan, True, True),  # about 86: passing it in the better direction counts
        (2.6, "<=", 2.5, math.nan, False, False),
        (2.5, "=", 2.5, math.nan, False, True),
        (1.5, "range", 1.0, 2.0, True, True),  # 1-2: the committed low end is reached
        (2.1, "range", 1.0, 2.0, False, False),  # 1-2 where lower is better: above the high end
    ],
)
def test_meets_by_comparator_and_direction(value, comparator, low, high, higher_is_better, met):
    assert measures.meets(value, comparator, low, high, higher_is_better) is met


def test_with_no_published_series_the_result_is_empty_with_every_column(dataset):
    with_record = measures.progress_against_record(dataset)
    none = measures.progress_against_record(dataclasses.replace(dataset, observations=dataset.observations.iloc[:0]))
    assert none.empty and list(none.columns) == list(with_record.columns)
