"""What the comparison says: bands, escalation and findings. Bands and relations worked on paper;
every number of every finding regenerated from the download's tables (measures.csv,
hierarchy.csv, documents.csv) without the code that wrote the sentence."""

from __future__ import annotations

import csv
import dataclasses
import io
import math
import re

import pandas as pd
import pytest

from analysis import keep_plans, measures, paths
from analysis.data.schema import HIERARCHY
from analysis.errors import ParameterError
from analysis.measures.bands import BandEdges, ambition_bands, decimals, published_tolerance
from analysis.measures.findings import findings
from analysis.measures.hierarchy import relation
from analysis.measures.table import derived_files
from analysis.presentation import charts
from analysis.presentation.findings import scope_text, sentence
from tests.helpers import read_rows

MQCI = "mfg_quality_competitiveness_index"


@pytest.fixture(scope="module")
def compared(dataset):
    return keep_plans(dataset)


@pytest.fixture(scope="module")
def tables(dataset) -> dict[str, list[dict[str, str]]]:
    """measures.csv and hierarchy.csv as the download carries them."""
    return {name: list(csv.DictReader(io.StringIO(data.decode()))) for name, data in derived_files(dataset).items()}


# --- bands ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(("value", "places"), [(85.21, 2), (97.8, 1), (93.0, 0), (84.91, 2), (0.5, 1)])
def test_decimals_as_published(value, places):
    assert decimals(value) == places


def test_the_at_tolerance_is_half_the_last_published_decimal(dataset):
    """The index is published to two decimals (85.21), so "at" is within 0.005."""
    assert published_tolerance(dataset)[MQCI] == 0.005


def test_bands_of_the_headline_index_on_paper(compared):
    """Path of the method of 2020: 86 in 2025, +0.4 a year; well above from 2 x 0.4 = 0.8 ahead.
    Jiangsu 88 (2025): +2 -> well above. Jiangxi 86.5 (2025): +0.5 -> above. Xi'an 86 (2025):
    0 -> at. Meizhou 83 (2025): -3 -> below. Ji'an 86.5 (2026) against 86.4: +0.1 -> above."""
    b = ambition_bands(compared).set_index("target_id")
    expected = {
        "jiangsu-2023-009": "well above",
        "jiangxi-2023-003": "above",
        "xian-2024-006": "at",
        "meizhou-2023-001": "below",
        "jian-2024-003": "above",
    }
    for target_id, band in expected.items():
        assert b.loc[target_id, "band"] == band, target_id
    assert math.isclose(b.loc["jiangsu-2023-009", "path_slope"], 0.4)


def test_the_edges_are_parameters_and_checked(compared):
    """With a "well above" edge of six years (2.4 points), Jiangsu's +2 is only above."""
    b = ambition_bands(compared, BandEdges(well_above_years=6)).set_index("target_id")
    assert b.loc["jiangsu-2023-009", "band"] == "above" and (b["well_above_years"] == 6).all()
    with pytest.raises(ParameterError):
        ambition_bands(compared, BandEdges(count_at_pct=60))


def test_counts_are_banded_against_their_peer_groups_median_only_in_a_large_group(compared):
    b = ambition_bands(compared)
    counts = b[b["basis"] == "peer median"]
    peers = measures.peer_standing(compared).set_index("target_id")
    assert (peers.loc[counts["target_id"], "n_peers"] >= 5).all()
    small = b[(b["band_note"].str.startswith("too_few_for_band:")) | (b["band_note"].str.startswith("too_few_peers:"))]
    assert small["band"].isna().all()


# --- the hierarchy -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("gap", "relation_"), [(0.006, "raised"), (0.005, "echo"), (-0.005, "echo"), (-0.3, "lowered")]
)
def test_relation_by_the_tolerance(gap, relation_):
    assert relation(gap, 0.005) == relation_


def test_cities_against_their_province_on_paper(compared):
    """Nanchang 89 against Jiangxi 86.5, both 2025: +2.5 raised. Ji'an 86.5 (2026) against Jiangxi
    moved to 2026 (86.9): -0.4 lowered. Ganzhou 86.5 (2025) echoes Jiangxi's 86.5."""
    h = measures.hierarchy(compared).set_index("lower_target_id")
    assert (h.loc["nanchang-2024-003", "relation"], h.loc["nanchang-2024-003", "gap"]) == ("raised", 2.5)
    assert h.loc["jian-2024-003", "relation"] == "lowered" and math.isclose(h.loc["jian-2024-003", "gap"], -0.4)
    assert h.loc["ganzhou-2024-003", "relation"] == "echo" and h.loc["ganzhou-2024-003", "aligned_year"] == 2025
    assert h.loc["nanchang-2024-003", "upper_target_id"] == "jiangxi-2023-003"


def test_provinces_against_the_nation(compared):
    """Jiangsu 88 by 2025 against the outline's 86: +2, raised; Xi'an is a city, so not here."""
    h = measures.hierarchy(compared).set_index("lower_target_id")
    jiangsu = h.loc["jiangsu-2023-009"]
    assert (jiangsu["upper_level"], jiangsu["upper_target_id"], jiangsu["relation"]) == (
        "nation",
        "national-2023-001",
        "raised",
    )


def test_hierarchy_csv_pairs_only_targets_of_one_kind(dataset, tables):
    rows = tables[HIERARCHY.file]
    assert list(rows[0]) == list(HIERARCHY.columns)
    kind = {t["target_id"]: t["kind"] for t in read_rows(paths.DATA_DIR / "targets.csv")}
    for r in rows:
        assert kind[r["lower_target_id"]] == kind[r["upper_target_id"]] == r["kind"], r["lower_target_id"]
        assert bool(r["relation"]) == bool(r["aligned_year"]) != bool(r["notes"]), r["lower_target_id"]
    assert len({r["lower_target_id"] for r in rows}) == len(rows)


def test_the_province_report_of_jiangxi_shows_its_cities_against_the_province(compared):
    chart = charts.escalation_chart(compared, "en", "jiangxi")
    assert "Jiangxi" in chart.alt_text and re.search(r"raised \d+, echo \d+, lowered \d+", chart.alt_text)


# --- findings, regenerated from the download's tables --------------------------------------------


def numbers_in(text: str) -> list[str]:
    return re.findall(r"\d+(?:\.\d+)?", text)


def test_every_number_of_every_finding_comes_from_the_tables(dataset, compared, tables):
    measures_rows, pairs = tables["measures.csv"], tables[HIERARCHY.file]
    documents = {d["doc_id"]: d for d in read_rows(paths.DATA_DIR / "documents.csv")}
    compared_rows = [r for r in measures_rows if not r["notes"].startswith("compared=")]
    by_key = {f.key: f for f in findings(compared)}

    # furthest above: rate and index targets with years_ahead, their bands, the top five
    ahead = [r for r in compared_rows if r["years_ahead"]]
    ahead.sort(key=lambda r: (-float(r["years_ahead"]), r["target_id"]))
    f = by_key["furthest_above"].numbers
    assert f["banded"] == len(ahead)
    assert f["well_above"] == sum(r["ambition_band"] == "well above" for r in ahead)
    assert f["at_or_below"] == sum(r["ambition_band"] in ("at", "below") for r in ahead)
    assert [t[0] for t in f["targets"]] == [r["target_id"] for r in ahead[:5]]
    assert [t[3] for t in f["targets"]] == [round(float(r["years_ahead"]), 1) for r in ahead[:5]]

    # escalation: city pairs of hierarchy.csv by relation
    cities = [p for p in pairs if p["upper_level"] == "province"]
    e = by_key["escalation"].numbers
    for relation_ in ("raised", "echo", "lowered"):
        assert e[relation_] == sum(p["relation"] == relation_ for p in cities)
    assert e["pairs"] == sum(bool(p["relation"]) for p in cities)
    assert e["not_aligned"] == sum(not p["relation"] for p in cities)
    for province, raised, n in e["provinces"]:
        mine = [p for p in cities if p["province_id"] == province and p["relation"]]
        assert (raised, n) == (sum(p["relation"] == "raised" for p in mine), len(mine))

    # met before adoption: progress_status in measures.csv (the nation's targets are not in it)
    m = by_key["met_before_adoption"].numbers
    local_met = [r["target_id"] for r in compared_rows if r["progress_status"] == "met before adoption"]
    assert {t[0] for t in m["targets"] if not t[0].startswith("national-")} == set(local_met)

    # most set: plans (families) per indicator among the targets below the nation
    families: dict[str, set[str]] = {}
    for r in compared_rows:
        families.setdefault(r["indicator_id"], set()).add(documents[r["doc_id"]]["family"])
    s = by_key["most_set"].numbers
    assert s["plans"] == len({documents[r["doc_id"]]["family"] for r in compared_rows})
    for indicator, n in s["indicators"]:
        assert n == len(families[indicator])
    assert [n for _, n in s["indicators"]] == sorted((len(v) for v in families.values()), reverse=True)[:5]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_number_a_sentence_prints_is_a_number_of_its_finding(compared, lang):
    names = sorted(compared.indicators[f"name_{lang}"], key=len, reverse=True)  # names hold numbers (10,000 people)
    for f in findings(compared):
        text = sentence(compared, f, lang)
        for name in names:
            text = text.replace(name, "")
        computed = {str(v) for v in _flatten(f.numbers)} | {str(f.plans)}
        computed |= {f"{v:g}" for v in _flatten(f.numbers) if isinstance(v, float)}
        for number in numbers_in(text):
            assert number in computed, (f.key, number)


def _flatten(value) -> list:
    if isinstance(value, dict):
        return [x for v in value.values() for x in _flatten(v)]
    if isinstance(value, (list, tuple)):
        return [x for v in value for x in _flatten(v)]
    return [value]


def test_findings_leave_out_drafts_and_say_so(dataset, compared):
    text = scope_text(dataset, compared, "en")
    drafts = sum(d["standing"] == "draft" for d in read_rows(paths.DATA_DIR / "documents.csv"))
    assert f"{drafts} drafts for comment are left out" in text
    assert not any(t.startswith("fuzhou-jiangxi-2023") for f in findings(compared) for t in f.target_ids)


def test_a_dataset_without_the_headline_series_still_gives_every_finding(compared):
    obs = compared.observations[compared.observations["indicator_id"] != MQCI]
    thin = dataclasses.replace(compared, observations=obs)
    assert [f.key for f in findings(thin)] == ["furthest_above", "escalation", "met_before_adoption", "most_set"]
    assert pd.notna(findings(thin)[0].numbers["banded"])
