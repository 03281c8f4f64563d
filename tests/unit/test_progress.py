"""Progress against the record, as the anchors compute it (UN ESCAP's SDG progress reports, Open
SDG's sdg-build ``ProgressMeasure.py`` method 2): observed and required growth both from one base
year, the plan's own, within the target's method vintage; worked on paper from the published
figures (observations.csv) and the targets."""

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


def sdg_build_growth(val1: float, val2: float, t1: float, t2: float) -> float:
    """sdg-build's ``growth_calculation``, as its method 2 applies it: ``(val1 / val2) ** (1 / (t1 - t2)) - 1``."""
    return (val1 / val2) ** (1 / (t1 - t2)) - 1


@pytest.mark.parametrize(
    ("base", "current", "target", "years", "ratio"),
    [
        # worked on paper: 84 / 80 = 1.05, ln 0.048790, / 5 -> 0.9806 %; 90 / 80 = 1.125, ln 0.117783,
        # / 10 -> 1.1848 %; ratio 0.8276
        (80.0, 84.0, 90.0, (2015, 2020, 2025), 0.8276),
        # a failure rate that must fall: 8 / 10 -> -7.168 % a year; 5 / 10 over 7 years -> -9.428 %; 0.7603
        (10.0, 8.0, 5.0, (2018, 2021, 2025), 0.7603),
        # moving away from the target: 78 / 80 over 5 years -> -0.5051 %, against +1.1848 %: -0.4263
        (80.0, 78.0, 90.0, (2015, 2020, 2025), -0.4263),
    ],
)
def test_the_ratio_reproduces_the_reference_formula(base, current, target, years, ratio):
    b, c, t = years
    observed, required, got = measures.progress_ratio(base, current, target, b, c, t)
    assert math.isclose(observed, 100 * sdg_build_growth(current, base, c, b), rel_tol=1e-12)
    assert math.isclose(required, 100 * sdg_build_growth(target, base, t, b), rel_tol=1e-12)
    assert math.isclose(got, sdg_build_growth(current, base, c, b) / sdg_build_growth(target, base, t, b))
    assert math.isclose(got, ratio, abs_tol=1e-4)


def test_national_index_from_the_value_published_before_the_outline(dataset):
    """The outline (February 2023): 86 by 2025. Its base is the last value of its method (from 2020)
    published for a year before 2023: 84.91 (2021); the current value 85.6 (2024).
    observed = (85.6 / 84.91) ** (1 / 3) - 1: 1.0081262, ln 0.0080934, / 3 -> 0.2701 % a year
    required = (86 / 84.91) ** (1 / 4) - 1: 1.0128371, ln 0.0127553, / 4 -> 0.3194 % a year
    ratio = 0.8458: from 0.6, below 0.95 -> needs acceleration. The 2005-2010 values (another
    method) are not used: the old measure took 78.98 (2005) as its start."""
    r = row(measures.progress_against_record(dataset), "national-2023-001")
    assert (r["vintage"], r["base_year"], r["base_value"], r["base_basis"]) == ("mqci-2020", 2021, 84.91, "published")
    assert (r["current_year"], r["current_value"], r["current_observation_id"]) == (2024, 85.6, "obs-011")
    assert math.isclose(r["observed_growth"], 0.2701, abs_tol=1e-4)
    assert math.isclose(r["required_growth"], 0.3194, abs_tol=1e-4)
    assert math.isclose(r["ratio"], 0.8458, abs_tol=1e-4)
    assert r["status"] == "needs acceleration" and r["status_note"] == "base_published_before_adoption:2021"
    assert (r["on_track_ratio"], r["acceleration_ratio"]) == (0.95, 0.6)
    assert (r["tier"], r["source"]) == ("quoted", "national-2023:271")


def test_no_progress_is_measured_across_a_change_of_method(dataset):
    """Jiangsu's index is published only for 2006 (the first method): its 88 by 2025 (set under
    the method of 2020) has no base of its own method; no value of another is used."""
    p = measures.progress_against_record(dataset)
    jiangsu = row(p, "jiangsu-2023-009")
    assert pd.isna(jiangsu["status"]) and jiangsu["status_note"] == "method_changed:2020"
    assert pd.isna(jiangsu["base_year"]) and pd.isna(jiangsu["ratio"])
    index = p[(p["indicator_id"] == MQCI) & p["base_year"].notna()]
    for r in index.itertuples():  # every base and current value is of the target's vintage
        first = int(dataset.vintages.set_index("vintage").loc[r.vintage, "first_year"])
        assert r.base_year >= first and (pd.isna(r.current_year) or r.current_year >= first)


def test_statuses_in_order_met_before_adoption_then_met_missed_then_achieved(dataset):
    """National index, method of 2020: 84.78 (2020), 84.91 (2021), 85.21 (2023), 85.6 (2024).
    - 84.5 by 2025 in a plan of 2023: the base 84.91 (2021) already meets it: met before adoption;
    - 84.85 by 2021 in a plan of 2021: base 84.78 (2020), 2021's 84.91 meets it: met;
    - 85 by 2021 in a plan of 2021: 84.91 < 85: missed;
    - 85.5 by 2026 in a plan of 2022: base 84.91 (2021), the current 85.6 meets it: achieved;
    - 85 by 2022 in a plan of 2021: base 84.78, no value for 2022 while later ones exist."""
    d = with_targets(
        dataset,
        "national-2023-001",
        {"target_id": "before", "value": 84.5, "value_std": 84.5},
        {"target_id": "met", "value": 84.85, "value_std": 84.85, "target_year": 2021, "issue_year": 2021},
        {"target_id": "missed", "value": 85.0, "value_std": 85.0, "target_year": 2021, "issue_year": 2021},
        {"target_id": "achieved", "value": 85.5, "value_std": 85.5, "target_year": 2026, "issue_year": 2022},
        {"target_id": "gap", "value": 85.0, "value_std": 85.0, "target_year": 2022, "issue_year": 2021},
    )
    p = measures.progress_against_record(d)
    assert row(p, "before")["status"] == "met before adoption" and row(p, "before")["base_value"] == 84.91
    assert row(p, "met")["status"] == "met" and row(p, "met")["target_year_value"] == 84.91
    assert row(p, "missed")["status"] == "missed"
    assert row(p, "achieved")["status"] == "achieved" and row(p, "achieved")["current_value"] == 85.6
    gap = row(p, "gap")
    assert pd.isna(gap["status"]) and gap["status_note"] == "target_year_no_value:2022"


def test_a_stated_baseline_is_the_base(dataset):
    """86 by 2025 from a stated 84.0 in 2021 (基期值): observed (85.6 / 84.0) ** (1 / 3) - 1:
    1.0190476, ln 0.0188684, / 3 -> 0.6309 %; required (86 / 84.0) ** (1 / 4) - 1: 1.0238095,
    ln 0.0235305, / 4 -> 0.5900 %; ratio 1.0694 -> on track."""
    d = with_targets(dataset, "national-2023-001", {"target_id": "x", "baseline_year": 2021, "baseline_value": 84.0})
    r = row(measures.progress_against_record(d), "x")
    assert (r["base_year"], r["base_value"], r["base_basis"]) == (2021, 84.0, "stated")
    assert math.isclose(r["ratio"], 1.0694, abs_tol=1e-4) and r["status"] == "on track"
    assert r["status_note"] == "base_stated:2021"


def test_pass_rates_derived_from_failure_rates_are_a_method_of_their_own(dataset):
    """National spot checks: a pass rate to 2017, a failure rate from 2018 (its pass rate derived).
    >= 92 by 2027 in a plan of 2023: base 100 - 9.4 = 90.6 (2022, derived from obs-036), current
    100 - 14.3 = 85.7 (2024, obs-038). observed (85.7 / 90.6) ** (1 / 2) - 1 = -2.742 %;
    required (92 / 90.6) ** (1 / 5) - 1 = 0.3072 %: ratio -8.93 -> deterioration.
    >= 92 by 2020 in a plan of 2016 (the pass-rate method): the method changed in 2018."""
    d = with_targets(
        dataset,
        "national-2023-003",
        {"target_id": "spot", "indicator_id": "national_product_spot_check_pass_rate", "target_year": 2027},
        {
            "target_id": "old",
            "indicator_id": "national_product_spot_check_pass_rate",
            "target_year": 2020,
            "issue_year": 2016,
        },
    )
    d = dataclasses.replace(d, targets_long=d.targets_long.assign(value=92.0, value_std=92.0))
    p = measures.progress_against_record(d)
    spot = row(p, "spot")
    assert (spot["base_year"], spot["base_basis"], spot["base_observation_id"]) == (2022, "derived", "obs-036")
    assert math.isclose(spot["base_value"], 90.6) and math.isclose(spot["current_value"], 85.7)
    assert spot["vintage"] == "spot-check-failure-2018"
    assert math.isclose(spot["observed_growth"], -2.742, abs_tol=1e-3)
    assert math.isclose(spot["required_growth"], 0.3072, abs_tol=1e-4)
    assert spot["status"] == "deterioration"
    old = row(p, "old")
    assert old["vintage"] == "spot-check-pass-2012" and old["status_note"] == "method_changed:2018"


def test_a_lower_is_better_target_counts_a_fall_as_progress(dataset):
    """The national food supervisory failure rate, <= 2.5 % by 2026 in a plan of 2022: base 2.69
    (2021), current 2.96 (2024). observed (2.96 / 2.69) ** (1 / 3) - 1 = +3.240 % (it rose);
    required (2.5 / 2.69) ** (1 / 5) - 1 = -1.454 % (it must fall): ratio -2.23 -> deterioration."""
    d = with_targets(
        dataset,
        "national-2023-003",
        {
            "target_id": "failure",
            "indicator_id": "food_supervisory_sampling_failure_rate",
            "higher_is_better": False,
            "comparator": "<=",
            "target_year": 2026,
            "issue_year": 2022,
            "value": 2.5,
            "value_std": 2.5,
        },
    )
    r = row(measures.progress_against_record(d), "failure")
    assert (r["base_year"], r["current_year"]) == (2021, 2024)
    assert math.isclose(r["observed_growth"], 100 * ((2.96 / 2.69) ** (1 / 3) - 1), rel_tol=1e-12)
    assert math.isclose(r["required_growth"], 100 * ((2.5 / 2.69) ** (1 / 5) - 1), rel_tol=1e-12)
    assert math.isclose(r["ratio"], -2.23, abs_tol=0.01) and r["status"] == "deterioration"


@pytest.mark.parametrize(
    ("change", "note"),
    [
        ({"kind": "relative", "is_relative": True, "change": "increase", "value_std": pd.NA}, "relative_not_level"),
        ({"kind": "addition"}, "not_a_level_kind:addition"),
        ({"kind": "annual"}, "not_a_level_kind:annual"),
        ({"target_year": pd.NA}, "no_target_year"),
        ({"issue_year": pd.NA}, "no_base"),
    ],
)
def test_targets_without_a_status_say_why(dataset, change, note):
    d = with_targets(dataset, "national-2023-001", {"target_id": "x", **change})
    r = row(measures.progress_against_record(d), "x")
    assert pd.isna(r["status"]) and r["status_note"] == note


def test_a_value_at_or_below_zero_has_no_compound_growth(dataset):
    obs = dataset.observations.copy()
    obs.loc[obs["observation_id"] == "obs-024", "value"] = 0.0  # the national index in 2021, the outline's base
    r = row(measures.progress_against_record(dataclasses.replace(dataset, observations=obs)), "national-2023-001")
    assert pd.isna(r["status"]) and r["status_note"] == "value_not_positive"


def test_only_targets_with_a_series_of_their_own_jurisdiction_are_assessed(dataset):
    p = measures.progress_against_record(dataset)
    assert "jian-2024-003" not in set(p["target_id"])  # Ji'an publishes no index
    assert set(p["jurisdiction_id"]) <= set(dataset.observations["jurisdiction_id"].dropna())


def test_thresholds_are_parameters_named_in_the_output(dataset):
    """The national index's ratio, 0.8458, is on track from 0.8 and needs acceleration from 0.95."""
    p = measures.progress_against_record(dataset, on_track_ratio=0.8, acceleration_ratio=0.5)
    r = row(p, "national-2023-001")
    assert r["status"] == "on track" and (r["on_track_ratio"], r["acceleration_ratio"]) == (0.8, 0.5)
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


@given(
    base=st.floats(1, 100),
    gain=st.floats(0.01, 10),
    share=st.floats(0.05, 0.95),
    years=st.tuples(st.integers(1, 10), st.integers(1, 10)),
)
def test_a_series_on_the_straight_compound_path_to_its_target_is_on_track(base, gain, share, years):
    """A current value on the compound path from the base to the target gives a ratio of 1."""
    elapsed, remaining = years
    target = base * (1 + gain / 100) ** (elapsed + remaining)
    current = base * (1 + gain / 100) ** elapsed
    _, _, ratio = measures.progress_ratio(base, current, target, 0, elapsed, elapsed + remaining)
    assert math.isclose(ratio, 1.0, rel_tol=1e-6)


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


def test_a_report_that_reads_no_indicator_in_full_gets_an_empty_table_with_every_column(dataset):
    """A scope of no indicator leaves no target to measure: the empty selection must stay a row
    mask (a bare ``[]`` would select no columns, and the table would lose them)."""
    from analysis.data.scope import Scope, restrict

    whole = measures.progress_against_record(dataset)
    none = measures.progress_against_record(restrict(dataset, Scope(frozenset())))
    assert none.empty and list(none.columns) == list(whole.columns)
    nothing = restrict(dataset, Scope(frozenset()))
    table = measures.measures_table(nothing)
    assert table.empty and "progress_status" in table.columns
    for measure in (measures.vertical_gap, measures.hierarchy, measures.ambition_bands):
        assert measure(nothing).empty, measure.__name__
