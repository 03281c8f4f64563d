"""The cited plans and the published figures, checked against what the published copies say.

We hold no text of a cited plan, so its targets are checked against the figures as the
published copies give them (the numbers below are written from those copies, as the issue
that brought them in quotes them), and every published figure against the evidence excerpt
stored beside it. These tests read the CSVs directly, not through the validator.
"""

from __future__ import annotations

import csv
import re
import unicodedata

import pytest

from analysis import paths

MQCI = "mfg_quality_competitiveness_index"


def read(name: str) -> list[dict[str, str]]:
    with open(paths.DATA_DIR / name, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


DOCUMENTS = {d["doc_id"]: d for d in read("documents.csv")}
TARGETS = read("targets.csv")
OBSERVATIONS = read("observations.csv")
JURISDICTIONS = {j["jurisdiction_id"]: j for j in read("jurisdictions.csv")}


def jurisdiction_of(target: dict[str, str]) -> str:
    return DOCUMENTS[target["doc_id"]]["jurisdiction_id"]


def test_two_tiers_of_plans():
    tiers = [d["tier"] for d in DOCUMENTS.values()]
    assert (tiers.count("quoted"), tiers.count("cited")) == (14, 85)


def test_cited_targets_carry_the_copy_they_were_read_in_and_no_quote():
    cited = [t for t in TARGETS if DOCUMENTS[t["doc_id"]]["tier"] == "cited"]
    assert len(cited) >= 219
    for t in cited:
        assert t["source_url"].startswith("http") and t["indicator_text"], t["target_id"]
        assert not (t["quote"] or t["char_offset"] or t["section"]), t["target_id"]


@pytest.mark.parametrize(
    "doc_id, comparator, value, year",
    [  # as the published copies give them
        ("wuhan-2023", "=", "92", "2025"),
        ("jingzhou-2023", ">=", "89", "2025"),
        ("nanchang-2024", "=", "89", "2025"),
        ("ganzhou-2024", "=", "86.5", "2025"),
        ("shanghai-2023", ">=", "94", "2025"),
        ("meizhou-2023", "=", "83", "2025"),
        ("guangdong-2023", "=", "92", "2025"),
        ("shandong-2018-b", ">=", "89", "2020"),
        ("zaozhuang-2024", "=", "90", "2025"),
        ("zhengzhou-2017", ">=", "84", "2018"),
        ("dongguan-2026", "=", "95", "2028"),
        ("national-2016", "=", "84.5", "2020"),
    ],
)
def test_headline_targets_of_cited_plans(doc_id, comparator, value, year):
    (t,) = [t for t in TARGETS if t["doc_id"] == doc_id and t["indicator_id"] == MQCI]
    assert (t["comparator"], t["value"], t["target_year"]) == (comparator, value, year)


def test_the_headline_indicator_is_set_by_at_least_24_jurisdictions():
    assert len({jurisdiction_of(t) for t in TARGETS if t["indicator_id"] == MQCI}) >= 24


@pytest.mark.parametrize(
    "province, cities",
    [
        ("jiangxi", ["nanchang", "ganzhou", "jingdezhen", "jiujiang", "yichun", "jian"]),
        ("hubei", ["wuhan", "jingzhou", "jingmen", "yichang"]),
        ("guangdong", ["meizhou", "foshan", "jiangmen", "dongguan", "zhongshan", "yangjiang", "shantou"]),
        ("jiangsu", ["nanjing", "yangzhou", "suzhou", "wuxi"]),
        ("zhejiang", ["jinhua", "ningbo", "wenzhou", "hangzhou", "zhoushan", "shaoxing"]),
        ("hebei", ["xingtai", "chengde", "shijiazhuang"]),
        ("shandong", ["yantai", "weifang", "zaozhuang"]),
        ("henan", ["zhengzhou"]),
        ("chongqing", ["hechuan", "rongchang"]),
    ],
)
def test_each_city_sits_under_its_province(province, cities):
    assert JURISDICTIONS[province]["level"] == "province"
    for city in cities:
        assert JURISDICTIONS[city]["parent_id"] == province, city


def test_at_least_18_cities_or_districts_share_an_indicator_with_their_province():
    sets: dict[str, set[str]] = {}
    for t in TARGETS:
        sets.setdefault(jurisdiction_of(t), set()).add(t["indicator_id"])
    sharing = [
        j
        for j, row in JURISDICTIONS.items()
        if row["level"] in ("city", "district") and sets.get(j, set()) & sets.get(row["parent_id"], set())
    ]
    assert len(sharing) >= 18, sharing


def numbers(text: str) -> list[float]:
    folded = unicodedata.normalize("NFKC", text).replace(",", "")
    return [float(n) for n in re.findall(r"\d+(?:\.\d+)?", folded)]


def test_each_evidence_excerpt_contains_its_published_value():
    published = [o for o in OBSERVATIONS if o["basis"] == "published" and o["evidence"]]
    assert len(published) >= 60
    for o in published:
        assert float(o["value"]) in numbers(o["evidence"]), (o["observation_id"], o["value"], o["evidence"])


def test_each_derived_value_shows_arithmetic_that_gives_it():
    derived = [o for o in OBSERVATIONS if o["basis"] == "derived"]
    assert derived
    for o in derived:
        assert re.fullmatch(r"[\d.\s+\-*/()]+", o["derivation"]), o["derivation"]
        assert abs(eval(o["derivation"], {"__builtins__": {}}) - float(o["value"])) < 1e-6, o["observation_id"]


def test_failure_rates_are_kept_as_published():
    """The national spot-check and food supervisory series are published as failure rates from
    2018 and 2020: they stay failure rates here (the pass rates are derived in the library)."""
    with open(paths.DATA_DIR / "indicators.csv", encoding="utf-8", newline="") as f:
        complement = {r["indicator_id"]: r["complement_of"] for r in csv.DictReader(f) if r["complement_of"]}
    assert complement == {
        "national_product_spot_check_failure_rate": "national_product_spot_check_pass_rate",
        "food_supervisory_sampling_failure_rate": "food_supervisory_sampling_pass_rate",
    }
    for failure in complement:
        series = [o for o in OBSERVATIONS if o["indicator_id"] == failure]
        assert series and all("不合格" in o["evidence"] or o["basis"] == "derived" for o in series), failure


def test_the_national_headline_series_runs_through_the_published_years():
    series = {
        int(o["year"]): o["value"]
        for o in OBSERVATIONS
        if o["indicator_id"] == MQCI and o["jurisdiction_id"] == "china"
    }
    expected = {2009: "82.14", 2010: "82.57", 2015: "83.5", 2020: "84.78", 2021: "84.91", 2023: "85.21", 2024: "85.6"}
    assert {y: series.get(y) for y in expected} == expected


def test_the_national_plans_run_from_the_2011_2020_outline_to_2025():
    """The national plans are documents of China: the 2011-2020 outline, the 十三五 plans, the
    2023 outline; the 十三五 plan sets the index at 84.5 by 2020 on a 2015 base of 83.5."""
    national = {d["doc_id"] for d in DOCUMENTS.values() if d["jurisdiction_id"] == "china"}
    assert {"national-2012", "national-2016", "national-2016-b", "national-2016-c", "national-2023"} <= national
    index = {t["doc_id"]: t for t in TARGETS if t["doc_id"] in national and t["indicator_id"] == MQCI}
    assert (index["national-2016"]["value"], index["national-2016"]["target_year"]) == ("84.5", "2020")
    assert (index["national-2016"]["baseline_value"], index["national-2016"]["baseline_year"]) == ("83.5", "2015")
    assert (index["national-2023"]["value"], index["national-2023"]["target_year"]) == ("86", "2025")
    spot = sorted(
        (t["target_year"], t["value"])
        for t in TARGETS
        if t["doc_id"] in national and t["indicator_id"] == "national_product_spot_check_pass_rate"
    )
    assert spot == [("2015", "90"), ("2020", "92")]


def test_the_2015_baselines_are_published_values_with_their_evidence():
    baselines = {
        o["indicator_id"]: o
        for o in OBSERVATIONS
        if o["jurisdiction_id"] == "china" and o["year"] == "2015" and "83.5、91.1%、92.9%和75" in o["evidence"]
    }
    assert {i: o["value"] for i, o in baselines.items()} == {
        MQCI: "83.5",
        "mfg_product_pass_rate": "92.9",
        "key_service_sector_customer_satisfaction": "75",
    }
    (spot,) = [
        o
        for o in OBSERVATIONS
        if o["jurisdiction_id"] == "china"
        and o["indicator_id"] == "national_product_spot_check_pass_rate"
        and o["year"] == "2015"
    ]
    assert spot["value"] == "91.1" and "second round" in spot["notes"]


def test_a_second_copy_of_a_plan_joins_its_family():
    assert DOCUMENTS["shandong-2018-b"]["family"] == "shandong-2018"
    assert DOCUMENTS["shandong-2018"]["family"] == "shandong-2018"


def test_yearly_quotas_and_rank_targets_are_rows():
    dongguan = {t["indicator_id"]: t for t in TARGETS if t["doc_id"] == "dongguan-2026"}
    rank = dongguan["rd_intensity_rank_provincial"]
    assert (rank["kind"], rank["comparator"], rank["value"], rank["unit"]) == ("rank", "<=", "3", "名")
    yearly = [t for t in dongguan.values() if t["kind"] == "annual"]
    assert len(yearly) == 2 and all(t["target_year"] == "" for t in yearly)
