"""City against province against nation: vertical gaps worked on paper from the targets and the
national path of the index's method of 2020 (observed 84.78 in 2020 and 85.6 in 2024; target 86
in 2025, so +0.4 a year beyond 2025: 86.4 in 2026, 86.8 in 2027). Only rates and indices of one
kind and method are set against the province's."""

from __future__ import annotations

import dataclasses
import math

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import measures
from tests.helpers import rows_like

MQCI = "mfg_quality_competitiveness_index"


def gap_of(v: pd.DataFrame, target_id: str) -> pd.Series:
    return v.set_index("target_id").loc[target_id]


def with_rows(dataset, *rows: pd.DataFrame):
    """The dataset with its targets plus hand-made rows (built with ``rows_like``)."""
    return dataclasses.replace(dataset, targets_long=pd.concat([dataset.targets_long, *rows], ignore_index=True))


def changed(dataset, target_id: str, **changes):
    t = dataset.targets_long.copy()
    for column, value in changes.items():
        t.loc[t["target_id"] == target_id, column] = value
    return dataclasses.replace(dataset, targets_long=t)


def test_nanchang_asks_more_than_jiangxi_and_meizhou_less_than_guangdong(dataset):
    """Same target year (2025), so nothing moves: Nanchang 89 - Jiangxi 86.5 = +2.5;
    Meizhou 83 - Guangdong 92 = -9. The nation's 86 by 2025 is the third level."""
    v = measures.vertical_gap(dataset)
    nanchang = gap_of(v, "nanchang-2024-003")
    assert nanchang["province_target_id"] == "jiangxi-2023-003" and nanchang["province_value_std"] == 86.5
    assert math.isclose(nanchang["vertical_gap"], 2.5) and nanchang["year_gap"] == 0
    assert nanchang["year_adjustment"] == "same_target_year" and nanchang["vertical_gap_note"] == ""
    assert (nanchang["national_value"], nanchang["national_target_year"], nanchang["path_at_target_year"]) == (
        86.0,
        2025,
        86.0,
    )
    assert nanchang["national_source"] == "national-2023:271"
    assert math.isclose(gap_of(v, "meizhou-2023-001")["vertical_gap"], 83 - 92)


def test_wuhan_against_a_floor_keeps_both_comparators(dataset):
    """Wuhan = 92 against Hubei >= 89, both 2025: +3, with the floor in plain sight."""
    wuhan = gap_of(measures.vertical_gap(dataset), "wuhan-2023-003")
    assert math.isclose(wuhan["vertical_gap"], 92 - 89)
    assert (wuhan["comparator"], wuhan["province_comparator"]) == ("=", ">=")


def test_different_years_are_bridged_along_the_national_path(dataset):
    """Ji'an 86.5 (2026) vs Jiangxi 86.5 (2025): Jiangxi moved to 2026 = 86.5 + (86.4 - 86) = 86.9,
    gap 86.5 - 86.9 = -0.4.
    Jinhua >= 92.5 (2027) vs Zhejiang >= 92 (2025): 92 + (86.8 - 86) = 92.8, gap -0.3.
    Jiangmen 85 (2020, set in 2016 under the method before 2020) vs Guangdong 92 (2025, under the
    method of 2020): not moved across the change of method."""
    v = measures.vertical_gap(dataset)
    for target_id, moved, gap, year_gap in [
        ("jian-2024-003", 86.9, -0.4, 1),
        ("jinhua-2023-013", 92.8, -0.3, 2),
    ]:
        r = gap_of(v, target_id)
        assert math.isclose(r["province_value_moved"], moved, abs_tol=1e-9), target_id
        assert math.isclose(r["vertical_gap"], gap, abs_tol=1e-9), target_id
        assert r["year_gap"] == year_gap and r["year_adjustment"] == "moved_along_path"
    jian = gap_of(v, "jian-2024-003")
    assert (jian["tier"], jian["source"]) == ("quoted", "jian-2024:647")
    assert (jian["province_tier"], jian["province_source"]) == ("quoted", "jiangxi-2023:490")
    jiangmen = gap_of(v, "jiangmen-2016-017")
    assert jiangmen["vertical_gap_note"] == "method_changed:2020" and pd.isna(jiangmen["vertical_gap"])
    assert jiangmen["province_tier"] == "cited" and jiangmen["province_source"].startswith("http")


def test_the_province_target_nearest_in_year_is_compared(dataset):
    """Guangdong sets the manufactured-product pass rate twice: >= 93 by 2020 (undated plan) and
    = 95 by 2025. Jiangmen's >= 94 by 2020 meets the first (+1), Meizhou's >= 94 by 2025 the
    second (-1)."""
    v = measures.vertical_gap(dataset)
    jiangmen, meizhou = gap_of(v, "jiangmen-2016-016"), gap_of(v, "meizhou-2023-004")
    assert (jiangmen["province_target_id"], jiangmen["n_province_targets"]) == ("guangdong-undated-001", 2)
    assert math.isclose(jiangmen["vertical_gap"], 1.0)
    assert meizhou["province_target_id"] == "guangdong-2023-004" and math.isclose(meizhou["vertical_gap"], -1.0)


def test_one_row_per_city_or_district_target(dataset):
    t = dataset.targets_long
    local = t[t["level"].isin(["city", "district"])]
    v = measures.vertical_gap(dataset)
    assert sorted(v["target_id"]) == sorted(local["target_id"])


def test_a_province_without_a_target_is_told_apart_from_one_not_known(dataset):
    """Jiangsu's 2023 plan was read in full and sets no R&D intensity: Nanjing's ~4 % has
    "no target" above it. Jiangxi's plans are excerpts: Ji'an's prefabricated-building share is
    "not known"."""
    v = measures.vertical_gap(dataset)
    nanjing, jian = gap_of(v, "nanjing-2023-001"), gap_of(v, "jian-2024-035")
    assert nanjing["province_status"] == "no target" and nanjing["vertical_gap_note"] == "province_no_target"
    assert jian["province_status"] == "not known" and jian["vertical_gap_note"] == "province_excerpt_only"
    assert pd.isna(nanjing["vertical_gap"]) and pd.isna(jian["vertical_gap"])


def test_counts_are_not_set_against_the_provinces(dataset):
    """Ji'an's standards count (35 by 2026) against Jiangxi's: a count grows with a jurisdiction's
    size, so no gap is read between a city's and its province's."""
    r = gap_of(measures.vertical_gap(dataset), "jian-2024-010")
    assert r["kind"] == "level" and r["vertical_gap_note"] == "size_across_levels:level"
    assert pd.isna(r["vertical_gap"])


def test_a_province_with_no_plan_in_the_data(dataset):
    tieling = rows_like(
        dataset.targets_long,
        "target_id",
        "meizhou-2023-001",
        {"target_id": "tieling-x", "jurisdiction_id": "tieling", "parent_id": "liaoning"},
    )
    r = gap_of(measures.vertical_gap(with_rows(dataset, tieling)), "tieling-x")
    assert r["province_status"] == "not known" and pd.isna(r["vertical_gap"])
    assert r["vertical_gap_note"] == "province_no_plan"


def test_relative_targets_and_missing_years_do_not_apply(dataset):
    v = measures.vertical_gap(dataset)
    assert gap_of(v, "nanjing-2023-003")["vertical_gap_note"] == "relative_not_level"  # 较2020年下降
    assert gap_of(v, "jingmen-undated-005")["vertical_gap_note"] == "no_target_year"  # Jingmen states no years
    province_relative = changed(dataset, "jiangxi-2023-003", is_relative=True, value_std=pd.NA)
    r = gap_of(measures.vertical_gap(province_relative), "nanchang-2024-003")
    assert r["vertical_gap_note"] == "province_relative" and pd.isna(r["vertical_gap"])
    province_undated = changed(dataset, "jiangxi-2023-003", target_year=pd.NA)
    r = gap_of(measures.vertical_gap(province_undated), "nanchang-2024-003")
    assert r["vertical_gap_note"] == "province_no_year" and pd.isna(r["vertical_gap"])


def test_different_years_without_a_national_path_do_not_apply(dataset):
    """Ji'an's digital-economy share (2026) against Jiangxi's (2025): no national target."""
    r = gap_of(measures.vertical_gap(dataset), "jian-2024-001")
    assert r["vertical_gap_note"] == "no_path_to_align"
    assert pd.isna(r["vertical_gap"]) and r["year_gap"] == 1 and r["year_adjustment"] == ""


def test_lower_is_better_flips_the_sign(dataset):
    """The same two numbers, 89 against 86.5, read as lower-is-better: the city asks less, -2.5."""
    t = dataset.targets_long.copy()
    t.loc[t["indicator_id"] == MQCI, "higher_is_better"] = False
    r = gap_of(measures.vertical_gap(dataclasses.replace(dataset, targets_long=t)), "nanchang-2024-003")
    assert math.isclose(r["vertical_gap"], -2.5)


@settings(max_examples=30, deadline=None)
@given(value=st.floats(0, 100), year=st.integers(2020, 2035))
def test_the_gap_is_zero_when_city_and_province_set_the_same_value_for_the_same_year(dataset, value, year):
    d = changed(dataset, "nanchang-2024-003", value_std=value, target_year=year)
    d = changed(d, "jiangxi-2023-003", value_std=value, target_year=year)
    assert gap_of(measures.vertical_gap(d), "nanchang-2024-003")["vertical_gap"] == 0


@settings(max_examples=30, deadline=None)
@given(city_year=st.integers(2015, 2035), province_year=st.integers(2015, 2035), value=st.floats(80, 95))
def test_the_gap_is_zero_for_a_city_that_keeps_the_nations_pace_from_its_province(
    dataset, city_year, province_year, value
):
    path = measures.national_path(dataset, MQCI)
    on_pace = value + path.value_at(city_year) - path.value_at(province_year)
    d = changed(dataset, "nanchang-2024-003", value_std=on_pace, target_year=city_year)
    d = changed(d, "jiangxi-2023-003", value_std=value, target_year=province_year)
    assert math.isclose(gap_of(measures.vertical_gap(d), "nanchang-2024-003")["vertical_gap"], 0, abs_tol=1e-9)


def test_province_levels_orders_cities_by_gap(dataset):
    """Hubei's index: the nation's targets (84.5 by 2020 in the 十三五 plan, 86 by 2025), Hubei
    (>= 89), then Wuhan +3, Jingzhou 0 and Yichang 0 (a tie, by name), and Jingmen last (no year,
    no gap)."""
    p = measures.province_levels(dataset, "hubei", MQCI)
    assert list(p["role"]) == ["nation", "nation", "province", "city", "city", "city", "city"]
    assert list(p["jurisdiction_id"]) == ["china", "china", "hubei", "wuhan", "jingzhou", "yichang", "jingmen"]
    assert list(p["order"]) == list(range(7))
    assert p["tier"].notna().all() and p["source"].notna().all()
    assert measures.province_levels(dataset, "liaoning", MQCI).empty
    # Jiangsu and Nanjing cut energy per unit of value added by 17 % and 18 % from 2020: changes, not levels
    assert measures.province_levels(dataset, "jiangsu", "energy_per_unit_industrial_value_added").empty
