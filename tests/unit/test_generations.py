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
    so it is placed at 2025, after the plan of 2023. Guangdong: 2012, 2016, the undated opinion
    (horizon 2020), 2023. The nation: the 2011-2020 outline (2012), the three plans of 2016, the
    2023 outline."""
    order = measures.plan_order(dataset)
    assert plans_of(order, "jiangxi") == [
        ("jiangxi-2017", "ordered_by_issue_date"),
        ("jiangxi-2023", "ordered_by_issue_date"),
    ]
    assert [d for d, _ in plans_of(order, "foshan")] == ["foshan-2016", "foshan-2017"]
    assert plans_of(order, "hubei") == [
        ("hubei-undated", "undated_at_horizon"),
        ("hubei-2023", "ordered_by_issue_date"),
    ]
    assert [d for d, _ in plans_of(order, "qinghai")] == ["qinghai-2023", "qinghai-undated"]
    assert [d for d, _ in plans_of(order, "guangdong")] == [
        "guangdong-2012",
        "guangdong-2016",
        "guangdong-undated",
        "guangdong-2023",
    ]
    assert [d for d, _ in plans_of(order, "china")][0] == "national-2012"
    assert [d for d, _ in plans_of(order, "china")][-1] == "national-2023"


def test_a_plan_is_a_family_and_a_one_year_plan_is_no_generation(dataset):
    """Hebei's 2023 plan and its press reading are one plan (one generation); Sichuan's 2016 work
    plan is for one year, so Sichuan's generations are its two plans of 2023; Shandong's 2018
    plan, known from two copies, is one generation."""
    order = measures.plan_order(dataset)
    assert [d for d, _ in plans_of(order, "hebei")] == ["hebei-2016", "hebei-2023-a"]
    assert [d for d, _ in plans_of(order, "sichuan")] == ["sichuan-2023-b", "sichuan-2023-a"]
    assert [d for d, _ in plans_of(order, "shandong")] == ["shandong-2018", "shandong-2023"]
    g = measures.plan_generations(dataset)
    reading = g[g["target_id"].astype(str).str.startswith("hebei-2023-b")]
    assert len(reading) and set(reading["doc_id"]) == {"hebei-2023-a"}  # its targets count for its plan


def test_guangdong_raised_both_pass_rates_by_two_points_over_five_years(dataset):
    """Manufactured products: >= 93 by 2020 (undated opinion), = 95 by 2025 (2023 plan):
    raised 95 - 93 = +2 points, horizon 2025 - 2020 = 5 years, 2 / 5 = 0.4 a year.
    Farm products: >= 96 by 2015 (2012), >= 96 by 2020 (undated), >= 98 by 2025: +0, then +2."""
    g = measures.plan_generations(dataset)
    later = rows_of(g, "guangdong", PASS).loc["guangdong-2023"]
    assert later["previous_doc_id"] == "guangdong-undated" and later["presence"] == "presence_some:2:4"
    assert (later["raised"], later["horizon_moved"], later["raised_per_year"]) == (2.0, 5, 0.4)
    assert (later["previous_comparator"], later["comparator"]) == (">=", "=")
    assert later["generation_note"] == "" and later["tier"] == "cited" and later["source"].startswith("http")
    farm = rows_of(g, "guangdong", "farm_product_monitoring_pass_rate")
    assert (farm.loc["guangdong-undated", "raised"], farm.loc["guangdong-2023", "raised"]) == (0.0, 2.0)
    assert farm.loc["guangdong-2016", "status"] == "not known"  # an excerpt's silence


def test_the_nations_outlines_raise_the_index_and_lower_the_pass_rate(dataset):
    """The 十三五 plan: the index 84.5 and the manufactured-product pass rate 94.8 by 2020; the 2023
    outline: 86 and 94 by 2025. Index +1.5 over 5 years; pass rate -0.8."""
    g = measures.plan_generations(dataset)
    index = rows_of(g, "china", MQCI).loc["national-2023"]
    assert index["previous_doc_id"] == "national-2016" and math.isclose(index["raised"], 1.5)
    rate = rows_of(g, "china", PASS).loc["national-2023"]
    assert math.isclose(rate["raised"], -0.8) and rate["horizon_moved"] == 5


def test_a_level_not_above_what_was_achieved_is_no_real_increase(dataset):
    """Jiangsu's 2023 plan (issued 2023-03) sets public-service satisfaction at >= 82 by 2025; 82.77
    had been published for 2021 (obs-057): no real increase."""
    row = rows_of(measures.plan_generations(dataset), "jiangsu", "public_service_satisfaction").loc["jiangsu-2023"]
    assert (row["achieved_value"], row["achieved_year"]) == (82.77, 2021)
    assert "no_real_increase:82.77:2021" in row["generation_note"]


def test_jiangxi_two_plans_share_no_indicator_and_an_excerpts_silence_is_not_known(dataset):
    """Jiangxi 2017 sets one target, 2023 thirteen, none in common; both are excerpts."""
    g = measures.plan_generations(dataset)
    jiangxi = g[g["jurisdiction_id"] == "jiangxi"]
    assert set(jiangxi["status"]) == {"target", "not known"} and jiangxi["raised"].isna().all()
    index = rows_of(g, "jiangxi", MQCI)
    assert index.loc["jiangxi-2023", "presence"] == "presence_later_only"
    assert index.loc["jiangxi-2017", "generation_note"] == "plan_excerpt_only"
    assert index.loc["jiangxi-2023", "generation_note"] == "earlier_not_known"
    consistency = rows_of(g, "jiangxi", "consumer_goods_intl_standard_consistency")
    assert consistency.loc["jiangxi-2017", "presence"] == "presence_earlier_only"
    assert consistency.loc["jiangxi-2023", "status"] == "not known"


def test_a_plan_read_in_full_says_no_target_and_the_later_one_is_new(dataset):
    """Were Jiangsu's 2016 opinion read in full, its silence on the index would be "no target", and
    the 2023 plan's 88 would be set where the earlier plan set none."""
    docs = dataset.documents.copy()
    docs.loc[docs["doc_id"] == "jiangsu-2016", "coverage"] = "full"
    rows = rows_of(measures.plan_generations(dataclasses.replace(dataset, documents=docs)), "jiangsu", MQCI)
    assert rows.loc["jiangsu-2016", "status"] == "no target"
    assert rows.loc["jiangsu-2016", "generation_note"] == "full_sets_none"
    assert rows.loc["jiangsu-2023", "generation_note"] == "earlier_not_set"


def test_interim_targets_are_listed_and_plans_compared_at_their_horizon(dataset):
    """Hebei's 2023 plan sets the pass rate for 2023 (>= 92) and 2025 (= 94)."""
    rows = rows_of(measures.plan_generations(dataset), "hebei", PASS).reset_index().set_index("target_id")
    assert rows.loc["hebei-2023-a-002", "interim"]
    assert rows.loc["hebei-2023-a-002", "generation_note"] == "interim_target"
    assert not rows.loc["hebei-2023-a-012", "interim"]


def test_a_horizon_that_did_not_move_has_no_change_per_year(dataset):
    """Qinghai's two plans both ask >= 94 by 2025: raised 0, horizon 0, no change per year."""
    later = rows_of(measures.plan_generations(dataset), "qinghai", PASS).loc["qinghai-undated"]
    assert (later["raised"], later["horizon_moved"]) == (0.0, 0) and pd.isna(later["raised_per_year"])
    assert later["generation_note"] == "horizon_not_forward"


def test_targets_that_are_not_levels_are_not_compared(dataset):
    later_relative = changed(
        dataset, guangdong_2023_004={"kind": "relative", "is_relative": True, "change": "increase"}
    )
    row = rows_of(measures.plan_generations(later_relative), "guangdong", PASS).loc["guangdong-2023"]
    assert pd.isna(row["raised"]) and row["generation_note"] == "not_a_level:relative"
    earlier_addition = changed(dataset, guangdong_undated_001={"kind": "addition"})
    row = rows_of(measures.plan_generations(earlier_addition), "guangdong", PASS).loc["guangdong-2023"]
    assert pd.isna(row["raised"]) and row["generation_note"] == "earlier_not_a_level:addition"


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
