"""Ranking honesty: ranks within a peer group of one indicator, kind and method vintage (and one
level for counts), ties share a rank, and ranks that rest on a floor (>=) say so. Scores worked
from the targets and the national path of the method of 2020 (85.6 in 2024, 86 in 2025, +0.4 a
year beyond: 86.8 in 2027)."""

from __future__ import annotations

import dataclasses

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import measures

MQCI = "mfg_quality_competitiveness_index"


def standing(dataset, indicator: str = MQCI) -> pd.DataFrame:
    """The ranked targets of one indicator (for the index, those set under the method of 2020)."""
    s = measures.peer_standing(dataset)
    s = s[(s["indicator_id"] == indicator) & s["rank"].notna()]
    if indicator == MQCI:
        s = s[s["peer_group"] == f"{MQCI}|index|mqci-2020"]
    return s.set_index("jurisdiction_id")


def changed(dataset, target_id: str, **changes):
    t = dataset.targets_long.copy()
    for column, value in changes.items():
        t.loc[t["target_id"] == target_id, column] = value
    return dataclasses.replace(dataset, targets_long=t)


def test_the_index_is_ranked_among_targets_of_its_method_only(dataset):
    """Jiangmen's 85 by 2020 was set in 2016, under the method before 2020: it is ranked with the
    other targets set under that method, on its path (83.5 in 2015, the 十三五 plan's 84.5 by
    2020, +0.2 a year): Shandong's 2018 plan, 89 by 2020, +4.5; Jiangmen +0.5; Zhengzhou, 84 by
    2018 against 84.1, -0.1. Never with the targets set under the method of 2020."""
    s = measures.peer_standing(dataset).set_index("target_id")
    old = ["shandong-2018-b-003", "jiangmen-2016-017", "zhengzhou-2017-001"]
    assert set(s.loc[old, "peer_group"]) == {f"{MQCI}|index|mqci-2011"}
    assert list(s.loc[old, "rank"]) == [1, 2, 3] and set(s.loc[old, "n_peers"]) == {3}
    assert [round(x, 9) for x in s.loc[old, "score"]] == [4.5, 0.5, -0.1]
    assert s.loc["jiangsu-2023-009", "peer_group"] == f"{MQCI}|index|mqci-2020"


def test_ties_share_the_best_rank_and_the_next_rank_skips(dataset):
    """Headroom: Shanghai >= 94 (2025) 8; Dongguan = 95 (2028) 95 - 87.2 = 7.8; Wuhan = 92,
    Guangdong = 92, Zhejiang >= 92 (2025) 6; Jinhua >= 92.5 (2027) 92.5 - 86.8 = 5.7; Chongqing,
    Hechuan, Rongchang >= 92 (2027) 5.2; Shandong = 90, Zaozhuang = 90: 4; Nanchang = 89, Hubei,
    Jingzhou, Yichang >= 89: 3. Ranks: 1; 2; 3, 3, 3; 6; 7, 7, 7; 10, 10; 12 x 4."""
    m = standing(dataset)
    expected = {"shanghai": (1, 1), "dongguan": (2, 1), "wuhan": (3, 3), "guangdong": (3, 3), "zhejiang": (3, 3)}
    expected |= {"jinhua": (6, 1)} | {j: (7, 3) for j in ("chongqing", "hechuan", "rongchang")}
    expected |= {"shandong": (10, 2), "zaozhuang": (10, 2)}
    expected |= {j: (12, 4) for j in ("nanchang", "hubei", "jingzhou", "yichang")}
    for jurisdiction, (rank, n_tied) in expected.items():
        assert (m.loc[jurisdiction, "rank"], m.loc[jurisdiction, "n_tied"]) == (rank, n_tied), jurisdiction


def test_a_floor_is_not_a_point_estimate(dataset):
    """Shanghai's >= 94 is a floor: its rank 1 is that of its minimum. Wuhan's = 92 ties
    Zhejiang's >= 92, which may stand above it: not firm. Shandong's = 90 ties only Zaozhuang's
    = 90 and Jiangxi's = 86.5 only Ganzhou's = 86.5: firm. Meizhou's = 83 is last and exact: firm."""
    m = standing(dataset)
    assert tuple(m.loc["shanghai", ["floor", "rests_on_floor"]]) == (True, True)
    assert tuple(m.loc["wuhan", ["floor", "rests_on_floor"]]) == (False, True)
    assert tuple(m.loc["zhejiang", ["floor", "rests_on_floor"]]) == (True, True)
    assert not m.loc[["shandong", "zaozhuang", "jiangxi", "ganzhou", "meizhou"], "rests_on_floor"].any()
    assert m.loc["jiangxi", "rank"] == m.loc["ganzhou", "rank"] == 18 and m.loc["jiangxi", "n_tied"] == 2


def test_scores_equal_but_for_float_arithmetic_are_ties(dataset):
    """Wuhan at = 91.7 by 2025 scores 91.7 - 86 = 5.7; Jinhua's >= 92.5 by 2027 scores
    92.5 - 86.8 = 5.7: a tie (the two floats differ in the 15th digit), resting on Jinhua's floor.
    Above them: Shanghai (8), Dongguan (7.8), Guangdong and Zhejiang (6): rank 1, 2, 3, 3, then 5
    for the tie."""
    m = standing(changed(dataset, "wuhan-2023-003", value=91.7, value_std=91.7))
    assert m.loc["wuhan", "rank"] == m.loc["jinhua", "rank"] == 5 and m.loc["wuhan", "n_tied"] == 2
    assert m.loc["wuhan", "rests_on_floor"] and not m.loc["wuhan", "floor"]


def test_a_floor_follows_the_indicators_direction(dataset):
    """On a lower-is-better indicator, <= is the floor (at most this much is at least this
    ambitious) and >= is not."""
    t = dataset.targets_long.copy()
    t.loc[t["indicator_id"] == MQCI, "higher_is_better"] = False
    m = standing(dataclasses.replace(dataset, targets_long=t))
    assert not m.loc["shanghai", "floor"]  # >= 94 where lower is better
    at_most = changed(dataclasses.replace(dataset, targets_long=t), "meizhou-2023-001", comparator="<=")
    assert standing(at_most).loc["meizhou", "floor"]


def test_every_rank_carries_its_tier_and_source(dataset):
    s = measures.peer_standing(dataset)
    assert s[["doc_id", "tier", "source"]].notna().all().all()
    m = standing(dataset)
    assert (m.loc["yichang", "tier"], m.loc["yichang", "source"]) == ("quoted", "yichang-2023:537")


def test_the_next_rank_after_a_tie_skips_by_its_size_everywhere(dataset):
    s = measures.peer_standing(dataset)
    for _, group in s[s["rank"].notna()].groupby("peer_group"):
        ranks = group.drop_duplicates("rank").sort_values("rank")
        steps = ranks["rank"].diff().dropna().astype(int).tolist()
        assert steps == ranks["n_tied"].iloc[:-1].tolist()


@settings(max_examples=25, deadline=None)
@given(values=st.lists(st.sampled_from([85.0, 88.0, 90.0]), min_size=4, max_size=4))
def test_ranks_follow_values_and_equal_values_tie(dataset, values):
    jurisdictions = ["jiangsu", "shandong", "guangdong", "wuhan"]  # all = ..., by 2025
    t = dataset.targets_long
    t = t[(t["indicator_id"] == MQCI) & t["jurisdiction_id"].isin(jurisdictions) & (t["level"] != "nation")].copy()
    t = pd.concat([t, dataset.targets_long[dataset.targets_long["target_id"] == "national-2023-001"]])
    for jurisdiction, value in zip(jurisdictions, values, strict=True):
        t.loc[t["jurisdiction_id"] == jurisdiction, ["value", "value_std"]] = value
    m = standing(dataclasses.replace(dataset, targets_long=t))
    for a in jurisdictions:
        expected_rank = 1 + sum(v > values[jurisdictions.index(a)] for v in values)
        assert m.loc[a, "rank"] == expected_rank
        assert m.loc[a, "n_tied"] == values.count(values[jurisdictions.index(a)])
