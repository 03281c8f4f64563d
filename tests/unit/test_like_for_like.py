"""Like for like: every comparison sets the same kind of commitment, on the same basis, from plans
of the same standing. Each test names the defect it guards against (the cases of the independent
reading that found them), worked from the targets' own words and the published figures."""

from __future__ import annotations

import dataclasses
import math

import pandas as pd
import pytest

from analysis import keep_plans, measures
from analysis.data.families import EVERY_DOCUMENT, WITH_DRAFTS, plan_count
from analysis.data.kinds import read_kind
from tests.helpers import rows_like

MQCI = "mfg_quality_competitiveness_index"


@pytest.fixture(scope="module")
def compared(dataset):
    """The default comparison: one document per plan, drafts out."""
    return keep_plans(dataset)


def target(dataset, target_id: str) -> pd.Series:
    return dataset.targets_long.set_index("target_id").loc[target_id]


# --- 1. the kind of commitment, read by one rule in both tiers -----------------------------------


@pytest.mark.parametrize(
    ("wording", "unit", "name", "change", "kind"),
    [
        ("“专精特新”中小企业达到450家", "家", "专精特新中小企业", None, "level"),  # yichun-2024
        ("新增省级以上专精特新中小企业250家以上", "家", "专精特新中小企业", None, "addition"),  # jian-2024
        ("每年新增国家4A级景区2家以上", "家", "国家4A级景区", None, "annual"),  # jian-2024
        ("年度发明专利授权量达到1600件以上", "件", "发明专利授权量", None, "annual"),  # yichang-2023
        ("制造业产品质量合格率达到94%以上", "%", "制造业产品质量合格率", None, "rate"),
        ("每万人口高价值发明专利拥有量达到3件以上", "件", "每万人口高价值发明专利拥有量", None, "rate"),
        ("高价值发明专利拥有量达到3.19件", "件", "每万人口高价值发明专利拥有量", None, "rate"),  # per head by name
        ("制造业质量竞争力指数达到86", "index", "制造业质量竞争力指数", None, "index"),
        ("全球创新指数 世界前20", "名", "全球创新指数科技集群世界排名", None, "rank"),
        ("單位地區生產總值能源消耗較2020年下降14%", "%", "单位地区生产总值能耗", "decrease", "relative"),
        ("规上工业增加值达到1000亿元", "亿元", "规上工业增加值", None, "level"),  # 增加值 is not an addition
        ("“十四五”期間 力爭建設國家級、省級質檢中心49個", "个", "质检中心", None, "addition"),  # period named
        ("培育湖北精品30个以上", "个", "湖北精品", None, "level"),  # a verb of making, no period named
    ],
)
def test_the_kind_is_read_from_the_words(wording, unit, name, change, kind):
    assert read_kind(wording, unit, name, change).kind == kind


def test_a_one_year_plan_counts_what_its_year_adds_unless_it_names_a_total():
    """sichuan-2016-006: 15 GI products in a 2016 work plan are that year's additions, not a total."""
    assert read_kind("15個國家地理標誌保護產品", "个", "国家地理标志保护产品", annual_plan=True).kind == "addition"
    assert read_kind("首席质量官人数突破6万人", "万人", "首席质量官人数", annual_plan=True).kind == "level"


def test_the_same_wording_is_the_same_kind_in_both_tiers(dataset):
    """jian-2024-043 (quoted) 制定发布…团体标准100个以上 and qinghai-undated-006 (cited) 制定團體標準100項以上
    were `new` and a level; one rule now reads both the same."""
    assert target(dataset, "jian-2024-043")["kind"] == target(dataset, "qinghai-undated-006")["kind"] == "level"
    assert target(dataset, "sichuan-2016-006")["kind"] == "addition"


def test_every_kind_is_the_rules_reading_or_says_which_words_beyond_decided_it(dataset):
    notes = dataset.targets.set_index("target_id")["notes"].fillna("")
    t = dataset.targets_long.drop(columns=[c for c in dataset.targets_long if c.startswith("notes")])
    t = t.assign(notes=t["target_id"].map(notes))
    names = dataset.indicators.set_index("indicator_id")["name_zh"]
    for r in t.itertuples():
        words = r.quote if r.tier == "quoted" else r.evidence
        context = "" if pd.isna(r.context) else r.context
        change = None if pd.isna(r.change) else r.change
        read = read_kind(f"{context} {words}", r.unit, names[r.indicator_id], change, r.standing == "annual").kind
        assert read == r.kind or "kind:" in str(r.notes), r.target_id


# --- 2. peer groups ----------------------------------------------------------------------------------


def test_additions_are_not_ranked_against_totals(compared):
    """Yichun's 达到450家 (a total) ranked 1 and Ji'an's 新增250家 (additions) 2 on one list."""
    s = measures.peer_standing(compared).set_index("target_id")
    yichun, jian = s.loc["yichun-2024-008"], s.loc["jian-2024-019"]
    assert (yichun["kind"], jian["kind"]) == ("level", "addition") and yichun["peer_group"] != jian["peer_group"]
    assert pd.isna(yichun["rank"]) and pd.isna(jian["rank"])  # each alone in its group: no rank of one or two


def test_a_provinces_count_is_not_ranked_with_a_citys(compared):
    """High-tech enterprises: Shanghai 2.6万 (a province-level city), Xi'an 1.2万 and Yichang 1600 were
    one ranking; a count compares within one level of government."""
    s = measures.peer_standing(compared).set_index("target_id")
    assert s.loc["shanghai-2023-004", "peer_group"] == "high_tech_enterprises|level|province"
    assert s.loc["xian-2024-004", "peer_group"] == s.loc["yichang-2023-029", "peer_group"]
    assert s.loc["xian-2024-004", "peer_group"] == "high_tech_enterprises|level|city"


def test_no_peer_group_mixes_kinds_levels_of_counts_or_vintages_and_none_ranks_fewer_than_three(compared):
    s = measures.peer_standing(compared)
    ranked = s[s["rank"].notna()]
    for group, members in ranked.groupby("peer_group"):
        assert members["kind"].nunique() == 1, group
        if members["kind"].iloc[0] in ("level", "addition", "annual"):
            assert members["level"].nunique() == 1, group
        assert len(members) >= measures.MIN_PEERS and (members["n_peers"] == len(members)).all(), group
    vintage = measures.target_vintages(compared).set_index("target_id")["vintage"]
    assert ranked.groupby("peer_group")["target_id"].agg(lambda ids: vintage[ids].nunique(dropna=False)).max() == 1


def test_the_peer_median_gap_is_a_measure_worked_by_hand(dataset):
    """Three public-service satisfaction scores, 80, 85 and 90 (higher is better): median 85, so
    90 is +5.88 % (5 / 85), 80 is -5.88 %; on a lower-is-better indicator the signs flip."""
    t = rows_like(
        dataset.targets_long,
        "target_id",
        "jiangsu-2023-010",
        {"target_id": "a", "jurisdiction_id": "jiangsu", "value": 80.0, "value_std": 80.0},
        {"target_id": "b", "jurisdiction_id": "hubei", "value": 85.0, "value_std": 85.0},
        {"target_id": "c", "jurisdiction_id": "jiangxi", "value": 90.0, "value_std": 90.0},
    )
    s = measures.peer_standing(dataclasses.replace(dataset, targets_long=t)).set_index("target_id")
    assert (s["peer_median"] == 85).all()
    assert math.isclose(s.loc["c", "vs_median_pct"], 100 * 5 / 85) and math.isclose(
        s.loc["a", "vs_median_pct"], -100 * 5 / 85
    )
    flipped = measures.peer_standing(dataclasses.replace(dataset, targets_long=t.assign(higher_is_better=False)))
    assert math.isclose(flipped.set_index("target_id").loc["c", "vs_median_pct"], -100 * 5 / 85)


# --- 3. documents: standing and families --------------------------------------------------------------


def test_a_press_reading_is_one_plan_with_its_text(dataset, compared):
    docs = dataset.documents.set_index("doc_id")
    assert docs.loc["hebei-2023-b", "family"] == docs.loc["hebei-2023-a", "family"] == "hebei-2023-a"
    assert docs.loc["hebei-2023-b", "standing"] == "reading"
    assert plan_count(dataset.documents) == dataset.documents["family"].nunique() < len(dataset.documents)
    assert "hebei-2023-b" not in set(compared.documents["doc_id"])
    # the reading completes its plan with what the text lacks: its targets stay, under the plan's family
    reading = compared.targets_long[compared.targets_long["doc_id"] == "hebei-2023-b"]
    assert len(reading) and set(reading["family"]) == {"hebei-2023-a"}


def test_a_draft_is_out_of_the_default_comparison_and_marked_where_asked_for(dataset, compared):
    assert target(dataset, "fuzhou-jiangxi-2023-001")["standing"] == "draft"
    assert "fuzhou-jiangxi-2023-001" not in set(compared.targets_long["target_id"])
    drafts = keep_plans(dataset, WITH_DRAFTS).targets_long.set_index("target_id")
    assert drafts.loc["fuzhou-jiangxi-2023-001", "standing"] == "draft"
    every = keep_plans(dataset, EVERY_DOCUMENT)
    assert plan_count(every.documents) == len(every.documents)  # each document a plan of its own


def test_one_year_plans_are_not_plan_generations(dataset):
    order = measures.plan_order(dataset)
    assert not order["doc_id"].isin(["sichuan-2016", "suzhou-2025", "wuxi-2025"]).any()


# --- 4. method vintages and series breaks ------------------------------------------------------------


def test_no_change_is_measured_across_a_change_of_method(dataset):
    """jiangsu-2023-009 (88 by 2025) had its yearly change computed from Jiangsu's 2006 value
    84.87 (0.16 a year), under another method."""
    a = measures.implied_annual_change(dataset).set_index("target_id").loc["jiangsu-2023-009"]
    assert pd.isna(a["annual_change"]) and a["note"] == "method_changed:2020"


def test_a_change_from_a_published_value_keeps_to_its_vintage(dataset):
    """The outline's 86 by 2025 (method of 2020) from the national 85.6 of 2024: 0.4 a year."""
    a = measures.implied_annual_change(dataset).set_index("target_id").loc["national-2023-001"]
    assert (a["baseline_year"], a["baseline_vintage"], a["vintage"]) == (2024, "mqci-2020", "mqci-2020")
    assert math.isclose(a["annual_change"], 86 - 85.6)


def test_every_value_of_an_indicator_with_vintages_has_the_one_of_its_year(dataset):
    v = dataset.vintages.set_index("vintage")
    obs = dataset.observations[dataset.observations["indicator_id"].isin(v["indicator_id"])]
    for o in obs.itertuples():
        first, last = v.loc[o.vintage, "first_year"], v.loc[o.vintage, "last_year"]
        assert first <= o.year and (pd.isna(last) or o.year <= last), o.observation_id


# --- 5. additions become levels only from a sourced stock ---------------------------------------------


def test_an_addition_becomes_a_level_only_from_a_published_stock(dataset):
    """Ji'an's 新增250家 (by 2026, counted from the plan's issue in 2024) has no published stock: it
    stays an addition. With a stock of 200 published for 2024 it implies 200 + 250 = 450."""
    a = measures.implied_annual_change(dataset).set_index("target_id").loc["jian-2024-019"]
    assert pd.isna(a["implied_level"]) and a["implied_level_note"] == "no_stock_for_addition:2024"
    obs = rows_like(
        dataset.observations,
        "observation_id",
        "obs-010",
        {"observation_id": "stock", "jurisdiction_id": "jian", "indicator_id": "specialised_smes_provincial"}
        | {"year": 2024, "value": 200.0, "unit": "家", "vintage": pd.NA},
    )
    d = dataclasses.replace(dataset, observations=pd.concat([dataset.observations, obs], ignore_index=True))
    a = measures.implied_annual_change(d).set_index("target_id").loc["jian-2024-019"]
    assert a["implied_level"] == 450 and a["implied_level_note"] == "implied_level_from_stock:200:2024:stock"


# --- 6. coverage ----------------------------------------------------------------------------------------


def test_a_copy_of_the_main_target_passage_is_not_a_plan_read_in_full(dataset):
    """meizhou-2023 showed "no target" on 234 indicators though its copy holds one sentence."""
    assert dataset.documents.set_index("doc_id").loc["meizhou-2023", "coverage"] == "excerpt"
    c = measures.coverage(dataset).query("jurisdiction_id == 'meizhou'")
    assert set(c["status"]) == {"target", "not known"}
    full = set(dataset.documents.loc[dataset.documents["coverage"] == "full", "tier"])
    assert full == {"quoted"}  # only a text held in full can say a plan sets nothing


# --- 9. corrections from the same reading -------------------------------------------------------------


def test_corrections_of_the_independent_reading(dataset):
    assert target(dataset, "qinghai-undated-005")["indicator_id"] == "provincial_local_standards"
    assert target(dataset, "jilin-2018-004")["indicator_id"] == "food_supervisory_sampling_pass_rate"
    obs = dataset.observations.set_index("observation_id")
    assert "(supervisory sampling)" not in obs.loc["obs-044", "notes"]  # it contradicted itself
    no_evidence = obs[obs["evidence"].isna()]
    assert (no_evidence["notes"].str.startswith("no evidence held:")).all()
    jiangsu = dataset.documents.set_index("doc_id").loc["jiangsu-2023", "notes"]
    assert "《关于深化质量强省建设的实施意见》" in jiangsu and "中共江苏省委" in jiangsu


@pytest.mark.parametrize(
    ("where", "figure"),
    [("obs-044", "食品、药品抽检合格率"), ("obs-054", "91.9"), ("obs-060", "由90%提高到97%"), ("obs-066", "99.4")]
    + [("obs-039", "1.83"), ("obs-024", "84.9"), ("obs-011", "85.86")],
)
def test_every_figure_of_the_reference_left_out_is_noted_with_why(dataset, where, figure):
    notes = dataset.observations.set_index("observation_id").loc[where, "notes"]
    assert figure in notes and ("Not kept" in notes or "not kept" in notes)
