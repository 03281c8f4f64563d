"""Ambition measures: properties of their formulas, and their values on the curated data."""

from __future__ import annotations

import csv
import dataclasses
import math

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
    path = NationalPath("x", None, tuple(p[0] for p in pts), tuple(p[1] for p in pts))
    for year, value in pts:
        assert math.isclose(path.value_at(year), value, abs_tol=1e-6)


@given(points, st.floats(0, 30))
def test_path_extends_at_the_last_slope(pts, beyond):
    path = NationalPath("x", None, tuple(p[0] for p in pts), tuple(p[1] for p in pts))
    (x0, y0), (x1, y1) = pts[-2], pts[-1]
    expected = y1 + (y1 - y0) / (x1 - x0) * beyond
    assert math.isclose(path.value_at(x1 + beyond), expected, rel_tol=1e-9, abs_tol=1e-6)


def test_path_needs_two_points():
    assert math.isnan(NationalPath("x", None, (2025,), (86.0,)).value_at(2025))


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


def test_headline_headroom_against_the_path_of_its_method(dataset):
    """The method of 2020: 84.78 (2020), 84.91 (2021), 85.21 (2023), 85.6 (2024), the outline's 86
    by 2025, then +0.4 a year (86.4 in 2026). The method before: the 十三五 plan's 83.5 in 2015
    and 84.5 by 2020. Jiangmen's 85 by 2020 (set in 2016) is measured on the path of its own
    method, not on the 84.78 published for 2020 under the new one."""
    expected = {
        "jiangmen": 85 - 84.5,
        "jiangsu": 88 - 86.0,
        "yichang": 89 - 86.0,
        "jian": 86.5 - (86.0 + (86.0 - 85.6)),  # beyond 2025, at the last slope
    }
    h = ambition.headroom(dataset)
    got = h[(h["indicator_id"] == MQCI) & h["headroom"].notna()].groupby("jurisdiction_id")["headroom"].first()
    for jurisdiction, value in expected.items():
        assert math.isclose(got[jurisdiction], value, abs_tol=1e-9), jurisdiction
    jiangmen = h[h["target_id"] == "jiangmen-2016-017"].iloc[0]
    assert jiangmen["vintage"] == "mqci-2011" and math.isclose(jiangmen["path_value"], 84.5)


def test_gap_to_national_is_against_the_national_target_of_the_same_kind_and_method(dataset):
    g = ambition.gap_to_national(dataset).set_index("target_id")
    jian = g.loc["jian-2024-003"]  # 86.5 by 2026 against the outline's 86 by 2025
    assert (
        math.isclose(jian["gap"], 0.5) and jian["year_gap"] == 1 and jian["national_target_id"] == "national-2023-001"
    )
    jiangmen = g.loc["jiangmen-2016-017"]  # 85 by 2020 against the 十三五 plan's 84.5 by 2020
    assert jiangmen["national_target_id"] == "national-2016-001" and math.isclose(jiangmen["gap"], 0.5)
    counts = g[g["kind"].isin(["level", "addition", "annual"])]
    assert counts["gap"].isna().all() and counts["gap_note"].str.startswith("kind_not_on_path:").all()


def test_an_indicator_without_a_national_target_gets_no_headroom(dataset):
    h = ambition.headroom(dataset).set_index("target_id")
    satisfaction = h.loc["jiangsu-2023-010"]  # public-service satisfaction: no national target
    assert satisfaction["headroom_note"] == "no_national_path" and pd.isna(satisfaction["headroom"])
    energy = h.loc["jiangsu-2023-003"]  # 较2020年下降14%: a change, not a level
    assert energy["headroom_note"] == "relative_not_level" and pd.isna(energy["headroom"])


def test_a_relative_target_gets_no_level_measures_even_with_a_national_path(dataset):
    target_id = mqci_target(dataset, "jiangsu")
    d = with_target(dataset, target_id, kind="relative", is_relative=True, value_std=pd.NA)  # as if 较2020年提高2
    h = ambition.headroom(d).set_index("target_id").loc[target_id]
    assert h["headroom_note"] == "relative_not_level"
    assert pd.isna(h["headroom"])


def test_peer_standing_on_the_headline_indicator(dataset):
    """Worked from the national path of the method of 2020: 85.6 in 2024, 86 in 2025, so +0.4 a
    year beyond (86.4 in 2026, 86.8 in 2027, 87.2 in 2028). 23 jurisdictions set the index under
    it with a year; Jiangmen, Shandong's 2018 plan and Zhengzhou set it under the method before
    (a group of their own), Jingmen states no year."""
    s = ambition.peer_standing(dataset)
    m = s[(s["peer_group"] == f"{MQCI}|index|mqci-2020") & s["rank"].notna()].set_index("jurisdiction_id")
    assert "china" not in m.index and "jingmen" not in m.index and "jiangmen" not in m.index
    assert len(m) == int(m["n_peers"].iloc[0]) == 23
    assert m.loc["shanghai", "rank"] == 1 and math.isclose(m.loc["shanghai", "score"], 94 - 86)
    assert m.loc["shanghai", "percentile"] == 100
    assert math.isclose(m.loc["dongguan", "score"], 95 - 87.2)  # 95 by 2028
    assert m.loc["meizhou", "rank"] == 23 and math.isclose(m.loc["meizhou", "score"], 83 - 86)
    assert m.loc["meizhou", "percentile"] == 0
    assert math.isclose(m.loc["jinhua", "score"], 92.5 - 86.8)  # its later plan's 2027 target
    assert math.isclose(m.loc["jian", "score"], 86.5 - 86.4)
    ties = m.loc[["chongqing", "hechuan", "rongchang"]]  # all ≥92 by 2027
    assert ties["rank"].nunique() == 1 and math.isclose(ties["score"].iloc[0], 92 - 86.8)
    assert set(m["basis"]) == {"ranked_by_headroom"}


def test_peer_standing_without_a_national_path_ranks_values_and_shares_ties(dataset):
    s = ambition.peer_standing(dataset)
    p = s[(s["indicator_id"] == "public_service_satisfaction") & s["rank"].notna()].set_index("jurisdiction_id")
    assert set(p["basis"]) == {"ranked_by_value"}
    assert p.loc["jiangsu", "rank"] == p.loc["yichang", "rank"] == 1 and p.loc["jian", "rank"] == 3


def test_implied_annual_change_of_a_relative_target(dataset):
    a = ambition.implied_annual_change(dataset).set_index("target_id")
    energy = a.loc["jiangsu-2023-003"]  # 單位地區生產總值能源消耗較2020年下降14%, by 2025
    assert (energy["indicator_id"], energy["baseline_year"], energy["years"]) == ("energy_per_unit_gdp", 2020, 5)
    assert math.isclose(energy["annual_change"], 100 * ((1 - 0.14) ** (1 / 5) - 1), rel_tol=1e-9)
    assert energy["annual_change_unit"] == "%/year"


def test_implied_annual_change_from_the_latest_observation_of_its_method(dataset):
    a = ambition.implied_annual_change(dataset).set_index("target_id")
    national = a.loc["national-2023-001"]
    obs = observed("china", MQCI)
    assert national["baseline_year"] == max(obs) and math.isclose(
        national["annual_change"], (86 - obs[max(obs)]) / (2025 - max(obs))
    )
    thirteenth = a.loc["national-2016-001"]  # 84.5 by 2020 from the stated 83.5 of 2015 (基期值)
    assert (thirteenth["baseline_year"], thirteenth["years"]) == (2015, 5)
    assert math.isclose(thirteenth["annual_change"], (84.5 - 83.5) / 5)


def test_breadth_counts_distinct_indicators_per_plan_and_marks_excerpts_as_lower_bounds(dataset):
    with open(paths.DATA_DIR / "targets.csv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    with open(paths.DATA_DIR / "documents.csv", encoding="utf-8") as f:
        documents = list(csv.DictReader(f))
    b = ambition.breadth(dataset)
    plans = [d for d in documents if d["family"] == d["doc_id"]]
    assert len(b) == len(plans)  # one row per plan (a family), with 0 for one whose targets lay beyond the excerpt
    family = {d["doc_id"]: d["family"] for d in documents}
    for doc in plans:
        mine = {r["indicator_id"] for r in rows if family[r["doc_id"]] == doc["doc_id"]}  # every copy of the plan
        assert b.loc[doc["doc_id"], "total"] == len(mine)
        assert b.loc[doc["doc_id"], "lower_bound"] == (doc["coverage"] == "excerpt")
    categories = b.columns[list(b.columns).index("economy") : list(b.columns).index("total")]
    assert (b[categories].sum(axis=1) == b["total"]).all()


def test_coverage_keeps_no_target_apart_from_not_known(dataset):
    c = ambition.coverage(dataset, [MQCI]).set_index("jurisdiction_id")
    assert c.loc["jiangsu", "status"] == "target"
    assert tuple(c.loc["jiangsu", ["target_id", "tier", "source"]]) == (
        "jiangsu-2023-009",
        "quoted",
        "jiangsu-2023:564",
    )
    assert c.loc["jilin", "status"] == "no target"  # jilin-2018 was read in full and sets none
    # A cited copy that shows only a plan's main-target passage is an excerpt: its silence is not known.
    assert tuple(c.loc["foshan", ["status", "why"]]) == ("not known", "excerpt_only")
    others = ambition.coverage(dataset, ["gi_protected_products_national"]).set_index("jurisdiction_id")
    assert tuple(others.loc["meizhou", ["status", "why"]]) == ("not known", "excerpt_only")
    assert tuple(c.loc["fujian", ["status", "why"]]) == ("not known", "excerpt_only")  # silence of an excerpt
    assert tuple(c.loc["liaoning", ["status", "why"]]) == ("not known", "no_plan_in_data")


@pytest.mark.parametrize(
    "indicator", ["mfg_quality_competitiveness_index", "mfg_product_pass_rate", "farm_product_monitoring_pass_rate"]
)
def test_shared_indicators_include_the_recurring_ones(dataset, indicator):
    assert indicator in ambition.shared_indicators(dataset)
