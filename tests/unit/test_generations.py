"""Plan generations: successive plans of one jurisdiction, ordered and compared, with raises and
horizon moves worked from the targets (targets.csv) and the plans' coverage (documents.csv)."""

from __future__ import annotations

import dataclasses
import math

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import measures

MQCI = "mfg_quality_competitiveness_index"
PASS = "mfg_product_pass_rate"


def plans_of(order: pd.DataFrame, jurisdiction: str) -> list[tuple[str, str]]:
    rows = order[order["jurisdiction_id"] == jurisdiction].sort_values("generation")
    return list(zip(rows["doc_id"], rows["order_basis"], strict=True))


def rows_of(g: pd.DataFrame, jurisdiction: str, indicator: str) -> pd.DataFrame:
    return g[(g["jurisdiction_id"] == jurisdiction) & (g["indicator_id"] == indicator)].set_index("doc_id")


def changed(dataset, **by_target):
    """The dataset with columns of some targets changed: ``target_id={column: value}``."""
    t = dataset.targets_long.copy()
    for target_id, changes in by_target.items():
        for column, value in changes.items():
            t.loc[t["target_id"] == target_id.replace("_", "-"), column] = value
    return dataclasses.replace(dataset, targets_long=t)


def test_plans_are_ordered_by_issue_date_and_undated_ones_at_their_horizon(dataset):
    """Jiangxi 2017 before 2023-09-21; Foshan 2016-12 before 2017. Hubei's undated plan targets
    2020, so it was issued by 2020: before the 2023 plan. Qinghai's undated plan targets 2025,
    so it is placed at 2025, after the plan of 2023."""
    order = measures.plan_order(dataset)
    assert plans_of(order, "jiangxi") == [("jiangxi-2017", "issue date"), ("jiangxi-2023", "issue date")]
    assert [d for d, _ in plans_of(order, "foshan")] == ["foshan-2016", "foshan-2017"]
    assert plans_of(order, "hubei") == [
        ("hubei-undated", "undated: placed at its horizon year"),
        ("hubei-2023", "issue date"),
    ]
    assert [d for d, _ in plans_of(order, "qinghai")] == ["qinghai-2023", "qinghai-undated"]
    assert set(order.loc[order["jurisdiction_id"] == "sichuan", "n_plans"]) == {3}


def test_an_undated_plan_sorts_after_the_dated_plans_of_its_horizon_year_and_without_years_last(dataset):
    t = dataset.targets_long.copy()
    t.loc[t["doc_id"] == "guangdong-undated", "target_year"] = 2023  # as if it targeted 2023
    t.loc[t["doc_id"] == "hubei-undated", "target_year"] = pd.NA
    order = measures.plan_order(dataclasses.replace(dataset, targets_long=t))
    assert [d for d, _ in plans_of(order, "guangdong")] == ["guangdong-2023", "guangdong-undated"]
    assert plans_of(order, "hubei")[-1] == ("hubei-undated", "undated, no target year: last")


def test_guangdong_raised_both_pass_rates_by_two_points_over_five_years(dataset):
    """Manufactured products: >= 93 by 2020 (undated plan), = 95 by 2025 (2023 plan):
    raised 95 - 93 = +2 points, horizon 2025 - 2020 = 5 years, 2 / 5 = 0.4 a year.
    Farm products: >= 96 by 2020, >= 98 by 2025: +2, 5, 0.4."""
    g = measures.plan_generations(dataset)
    for indicator, comparators in [(PASS, (">=", "=")), ("farm_product_monitoring_pass_rate", (">=", ">="))]:
        later = rows_of(g, "guangdong", indicator).loc["guangdong-2023"]
        assert later["previous_doc_id"] == "guangdong-undated" and later["presence"] == "set in every plan"
        assert (later["raised"], later["horizon_moved"], later["raised_per_year"]) == (2.0, 5, 0.4)
        assert (later["previous_comparator"], later["comparator"]) == comparators
        assert later["generation_note"] == "" and later["tier"] == "cited" and later["source"].startswith("http")


def test_sichuan_three_plans(dataset):
    """Sichuan 2016 (excerpt), 2023-06-05 (read in full), 2023-08-30 (read in full).
    Manufactured products: >= 94 by 2025, then = 95 by 2027: +1 over 2 years, 0.5 a year; the
    2016 excerpt's silence is not known. 5A scenic areas: set in 2016 only, the two full plans
    set none: dropped."""
    g = measures.plan_generations(dataset)
    rows = rows_of(g, "sichuan", PASS)
    assert list(rows["generation"]) == [1, 2, 3] and set(rows["presence"]) == {"set in 2 of 3 plans"}
    assert rows.loc["sichuan-2016", "status"] == "not known"
    assert rows.loc["sichuan-2023-b", "generation_note"] == "not known in an earlier plan (excerpt)"
    latest = rows.loc["sichuan-2023-a"]
    assert (latest["raised"], latest["horizon_moved"], latest["raised_per_year"]) == (1.0, 2, 0.5)
    scenic = rows_of(g, "sichuan", "national_5a_scenic_areas")
    assert list(scenic["status"]) == ["target", "no target", "no target"]
    assert set(scenic["generation_note"].iloc[1:]) == {"dropped: read in full, sets none"}


def test_jiangxi_two_plans_share_no_indicator_and_an_excerpts_silence_is_not_known(dataset):
    """Jiangxi 2017 sets one target, 2023 thirteen, none in common; both are excerpts."""
    g = measures.plan_generations(dataset)
    jiangxi = g[g["jurisdiction_id"] == "jiangxi"]
    assert set(jiangxi["status"]) == {"target", "not known"} and jiangxi["raised"].isna().all()
    index = rows_of(g, "jiangxi", MQCI)
    assert index.loc["jiangxi-2023", "presence"] == "set only in the later plan"
    assert index.loc["jiangxi-2017", "generation_note"] == "not known: the plan is known only in excerpt"
    assert index.loc["jiangxi-2023", "generation_note"] == "not known in an earlier plan (excerpt)"
    consistency = rows_of(g, "jiangxi", "consumer_goods_intl_standard_consistency")
    assert consistency.loc["jiangxi-2017", "presence"] == "set only in the earlier plan"
    assert consistency.loc["jiangxi-2023", "status"] == "not known"


def test_a_plan_read_in_full_says_no_target_and_the_later_one_is_new(dataset):
    """Foshan 2016 was read in full and sets no count of segment leaders; 2017 sets >= 350."""
    rows = rows_of(measures.plan_generations(dataset), "foshan", "segment_leader_enterprises")
    assert rows.loc["foshan-2016", "status"] == "no target"
    assert rows.loc["foshan-2016", "generation_note"] == "read in full, sets none"
    assert rows.loc["foshan-2017", "generation_note"] == "not set in the earlier plans (read in full)"
    assert rows.loc["foshan-2017", "presence"] == "set only in the later plan"


def test_interim_targets_are_listed_and_plans_compared_at_their_horizon(dataset):
    """Hebei's 2023 plan sets the pass rate for 2023 (>= 92) and 2025 (= 94)."""
    rows = rows_of(measures.plan_generations(dataset), "hebei", PASS).reset_index().set_index("target_id")
    assert rows.loc["hebei-2023-a-002", "interim"]
    assert rows.loc["hebei-2023-a-002", "generation_note"] == "an interim target: plans are compared at their horizon"
    assert not rows.loc["hebei-2023-a-012", "interim"]


def test_a_horizon_that_did_not_move_has_no_change_per_year(dataset):
    """Qinghai's two plans both ask >= 94 by 2025: raised 0, horizon 0, no change per year."""
    later = rows_of(measures.plan_generations(dataset), "qinghai", PASS).loc["qinghai-undated"]
    assert (later["raised"], later["horizon_moved"]) == (0.0, 0) and pd.isna(later["raised_per_year"])
    assert later["generation_note"] == "the horizon did not move forward: no change per year"


def test_targets_that_are_not_levels_are_not_compared(dataset):
    later_relative = changed(dataset, guangdong_2023_004={"is_relative": True, "change": "increase"})
    row = rows_of(measures.plan_generations(later_relative), "guangdong", PASS).loc["guangdong-2023"]
    assert pd.isna(row["raised"])
    assert row["generation_note"] == "not a level (a relative target, or a count or rate over the period)"
    earlier_new = changed(dataset, guangdong_undated_001={"change": "new"})
    row = rows_of(measures.plan_generations(earlier_new), "guangdong", PASS).loc["guangdong-2023"]
    assert pd.isna(row["raised"]) and row["generation_note"] == "the earlier plan's target is not a level"


def test_only_jurisdictions_with_two_or_more_plans(dataset):
    g = measures.plan_generations(dataset)
    order = measures.plan_order(dataset)
    assert set(g["jurisdiction_id"]) <= set(order.loc[order["n_plans"] >= 2, "jurisdiction_id"])
    assert "jian" not in set(g["jurisdiction_id"])


@settings(max_examples=30, deadline=None)
@given(
    earlier=st.floats(50, 100),
    later=st.floats(50, 100),
    years=st.integers(1, 10),
    higher_is_better=st.booleans(),
)
def test_raise_per_year_compounds_to_the_raise_and_follows_direction(dataset, earlier, later, years, higher_is_better):
    d = changed(
        dataset,
        guangdong_undated_001={"value_std": earlier, "target_year": 2020},
        guangdong_2023_004={"value_std": later, "target_year": 2020 + years},
    )
    t = d.targets_long.copy()
    t.loc[t["indicator_id"] == PASS, "higher_is_better"] = higher_is_better
    row = rows_of(measures.plan_generations(dataclasses.replace(d, targets_long=t)), "guangdong", PASS)
    row = row.loc["guangdong-2023"]
    sign = 1 if higher_is_better else -1
    assert math.isclose(row["raised"], sign * (later - earlier), abs_tol=1e-9)
    assert math.isclose(row["raised_per_year"] * row["horizon_moved"], row["raised"], abs_tol=1e-9)
