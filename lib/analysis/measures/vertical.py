"""City against province against nation: each city's or district's target beside its own
province's target for the same indicator, with the national target as the third level."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..data import Dataset
from ..data.vocabularies import UNIT_BY_CODE
from .coverage import NOT_KNOWN_WHY, coverage
from .memo import once_per_dataset
from .national import ON_PATH_KINDS, NationalPath, national_paths
from .notes import note
from .selection import direction, measured_targets, national_targets, target_source
from .vintages import target_vintages

PROVINCE = "province"
ROLES = ("nation", "province", "city")
TARGET_COLUMNS = [
    "target_id",
    "doc_id",
    "tier",
    "source",
    "jurisdiction_id",
    "level",
    "indicator_id",
    "indicator_unit",
    "higher_is_better",
    "target_year",
    "comparator",
    "value",
    "value_high",
    "unit",
    "value_std",
    "kind",
    "vintage",
]
PROVINCE_COLUMNS = [
    "target_id",
    "doc_id",
    "tier",
    "source",
    "jurisdiction_id",
    "indicator_id",
    "target_year",
    "comparator",
    "value_std",
    "kind",
    "vintage",
    "is_relative",
]


def _with_source(targets: pd.DataFrame, vintages: pd.Series) -> pd.DataFrame:
    return targets.assign(source=target_source, vintage=targets["target_id"].map(vintages))


def _province_target(local: pd.DataFrame, provinces: pd.DataFrame) -> pd.DataFrame:
    """For each local target, the province's target to compare with: a level with a year before
    any other, then the nearest target year, then the later year; and how many the province has."""
    candidates = local[["target_id", "parent_id", "indicator_id", "target_year", "kind"]].merge(
        provinces[PROVINCE_COLUMNS].add_prefix("province_"),
        left_on=["parent_id", "indicator_id"],
        right_on=["province_jurisdiction_id", "province_indicator_id"],
    )
    other_kind = candidates["province_kind"].astype(str) != candidates["kind"].astype(str)
    candidates["unusable"] = other_kind.astype(int) * 2 + (
        candidates["province_is_relative"] | candidates["province_target_year"].isna()
    )
    candidates["distance"] = (candidates["target_year"] - candidates["province_target_year"]).abs().fillna(9999)
    candidates["n_province_targets"] = candidates.groupby("target_id")["province_target_id"].transform("count")
    chosen = candidates.sort_values(
        ["target_id", "unusable", "distance", "province_target_year", "province_target_id"],
        ascending=[True, True, True, False, True],
    ).drop_duplicates("target_id")
    keys = ["parent_id", "indicator_id", "target_year", "kind", "province_jurisdiction_id", "province_indicator_id"]
    return chosen.drop(columns=keys + ["unusable", "distance"])


def _path_values(paths: dict[tuple[str, str | None], NationalPath], out: pd.DataFrame, years: pd.Series) -> pd.Series:
    """The national path of each row's indicator and vintage in the given year (missing without)."""
    values = [
        path.value_at(y) if (path := paths.get((i, None if pd.isna(v) else v))) is not None and pd.notna(y) else np.nan
        for i, v, y in zip(out["indicator_id"], out["vintage"], years, strict=True)
    ]
    return pd.Series(values, index=out.index, dtype="Float64")


def _notes(out: pd.DataFrame) -> pd.Series:
    """Why a vertical gap does not apply, the first reason that holds ("" where it applies)."""
    same_year = out["target_year"] == out["province_target_year"]
    kind = out["kind"].astype(str)
    other_kind = out["province_kind"].notna() & (out["province_kind"].astype(str) != kind)
    other_vintage = out["province_target_id"].notna() & (
        out["province_vintage"].fillna("") != out["vintage"].fillna("")
    )
    reasons = [
        (out["is_relative"], pd.Series(note("relative_not_level"), index=out.index)),
        (~out["kind"].isin(ON_PATH_KINDS), kind.map(lambda k: note("size_across_levels", k))),
        (out["target_year"].isna(), note("no_target_year")),
        (out["province_status"] == "no target", note("province_no_target")),
        (out["province_why"] == NOT_KNOWN_WHY[0], note("province_excerpt_only")),
        (out["province_why"] == NOT_KNOWN_WHY[1], note("province_no_plan")),
        (other_kind, out["province_kind"].astype(str).map(lambda k: note("province_kind_differs", k))),
        (out["province_is_relative"].fillna(False), note("province_relative")),
        (out["province_target_year"].isna(), note("province_no_year")),
        (other_vintage, out["vintage_change_year"].map(lambda y: note("method_changed", "" if pd.isna(y) else int(y)))),
        (~same_year.fillna(False) & out["province_value_moved"].isna(), note("no_path_to_align")),
    ]
    result = pd.Series("", index=out.index, dtype="string")
    for holds, text in reversed(reasons):  # the first reason in the list wins
        result = result.mask(holds.fillna(False).astype(bool), text)
    return result


@once_per_dataset
def vertical_gap(dataset: Dataset) -> pd.DataFrame:
    """Each city or district target against its province's target for the same indicator.

    ``vertical_gap = d * (value_std - province_value_moved)``, where ``d`` is +1 for
    higher-is-better indicators and -1 otherwise (positive: the city asks more than its
    province), and ``province_value_moved`` is the province's target (its ``value_std``; a
    ``>=`` floor at its value) moved to the city's target year along the national path::

        province_value_moved = province_value + path(target_year) - path(province_target_year)

    so a province's 2025 target is compared with a city's 2027 target as if the province kept
    pace with the nation from 2025 to 2027. Where the years are equal nothing moves and no path
    is needed. ``year_gap = target_year - province_target_year`` and ``year_adjustment`` ("same
    target year" or "moved along the national path") stand beside it.

    Where the province has several targets for the indicator, the one compared is a level with
    a year, at the nearest target year (the later year on a tie); ``n_province_targets`` says
    how many there are. The nation is the third level: its target (``national_*``, with its
    ``national_source``) and its path in the city's target year (``path_at_target_year``;
    ``path_at_province_year`` in the province's).

    Does not apply (``vertical_gap`` missing, ``vertical_gap_note`` gives the code): relative
    targets (the city's or the province's), counts and amounts, a province target of another
    kind or vintage, targets with no year, target years that differ with no national path to
    move along, and a province without a target, where
    ``province_status`` follows :func:`~analysis.measures.coverage.coverage`: "no target" (a
    plan of the province was read in full and sets none) or "not known" (its plans are known
    only in excerpt, or none is in the data).

    Like for like: only rates and indices are set against the province's (a count or an amount
    grows with the size of a jurisdiction: ``size_across_levels``), and only a province target of
    the same kind (``province_kind_differs``) and method vintage (``method_changed``).
    ``quantity`` (the unit's: "percent", "index", "count" ...) stands beside the gap.

    Returns
    -------
    pandas.DataFrame
        One row per target of a city or district, with its tier and ``source``, the
        province's target (``province_*``, with its tier and source), the nation's, the gap
        and its note.
    """
    t = measured_targets(dataset)
    vintages = target_vintages(dataset).set_index("target_id")["vintage"]
    parent_level = t["parent_id"].map(dataset.jurisdictions.set_index("jurisdiction_id")["level"])
    local = _with_source(t[parent_level == PROVINCE], vintages)
    provinces = _with_source(t[t["level"] == PROVINCE], vintages)
    out = local[TARGET_COLUMNS + ["is_relative", "parent_id"]].rename(columns={"parent_id": "province_id"})
    out.insert(out.columns.get_loc("indicator_unit"), "quantity", out["indicator_unit"].map(_quantity))
    status = coverage(dataset, list(out["indicator_id"].unique()))
    status = status.rename(
        columns={"jurisdiction_id": "province_id", "status": "province_status", "why": "province_why"}
    )
    out = out.merge(status[["province_id", "indicator_id", "province_status", "province_why"]], how="left")
    out = out.merge(_province_target(local, provinces), on="target_id", how="left")
    out["n_province_targets"] = out["n_province_targets"].fillna(0).astype(int)
    nat = national_targets(dataset).assign(source=target_source)
    out["national_target_id"] = out["indicator_id"].map(nat["target_id"]).astype("string")
    out["national_source"] = out["indicator_id"].map(nat["source"]).astype("string")
    out["national_target_year"] = out["indicator_id"].map(nat["target_year"]).astype("Int64")
    out["national_comparator"] = out["indicator_id"].map(nat["comparator"].astype("string"))
    out["national_value"] = out["indicator_id"].map(nat["value_std"]).astype("Float64")
    paths = national_paths(dataset)
    out["path_at_target_year"] = _path_values(paths, out, out["target_year"])
    out["path_at_province_year"] = _path_values(paths, out, out["province_target_year"])
    first_year = dataset.vintages.set_index("vintage")["first_year"]
    both = pd.concat([out["vintage"].map(first_year), out["province_vintage"].map(first_year)], axis=1)
    out["vintage_change_year"] = both.max(axis=1)  # the later of the two methods began then
    out["year_gap"] = out["target_year"] - out["province_target_year"]
    same_year = (out["year_gap"] == 0).fillna(False).astype(bool)
    moved = out["province_value_std"] + out["path_at_target_year"] - out["path_at_province_year"]
    out["province_value_moved"] = moved.mask(same_year, out["province_value_std"])
    out["year_adjustment"] = np.where(
        same_year, note("same_target_year"), np.where(moved.notna(), note("moved_along_path"), "")
    )
    out["vertical_gap_note"] = _notes(out)
    gap = direction(out["higher_is_better"]) * (out["value_std"] - out["province_value_moved"])
    out["vertical_gap"] = gap.where(out["vertical_gap_note"] == "")
    out["year_adjustment"] = out["year_adjustment"].where(out["vertical_gap_note"] == "", "")
    for column in ("indicator_id", "province_id"):
        out[column] = out[column].astype("string")
    drop = ["is_relative", "province_why", "province_is_relative", "vintage_change_year"]
    return out.drop(columns=drop).reset_index(drop=True)


def _quantity(unit: str) -> str:
    return UNIT_BY_CODE[unit].quantity if unit in UNIT_BY_CODE else ""


def province_levels(dataset: Dataset, province_id: str, indicator_id: str) -> pd.DataFrame:
    """What a chart of one province and one indicator draws: the nation's target, the
    province's targets and each city's, on one axis, cities ordered by vertical gap.

    ``role`` is "nation", "province" or "city" (districts count as cities); ``order`` runs
    nation, province (by target year), then cities from the largest vertical gap down, those
    with none last (by name). Relative targets are left out (they are not levels). City rows
    carry their ``vertical_gap``, its note and the province's value moved to their year; every
    row its tier and ``source``.

    Returns
    -------
    pandas.DataFrame
        One row per target (empty if neither the province nor any of its cities sets the
        indicator).
    """
    vintages = target_vintages(dataset).set_index("target_id")["vintage"]
    t = measured_targets(dataset)
    t = _with_source(t[(t["indicator_id"] == indicator_id) & ~t["is_relative"]], vintages)
    columns = [c for c in TARGET_COLUMNS if c != "indicator_unit"]
    nation = t.loc[t["level"] == "nation", columns].assign(role=ROLES[0])
    province = t.loc[t["jurisdiction_id"] == province_id, columns].assign(role=ROLES[1])
    gaps = vertical_gap(dataset)
    cities = gaps[(gaps["province_id"] == province_id) & (gaps["indicator_id"] == indicator_id)]
    cities = cities[cities["vertical_gap_note"] != note("relative_not_level")]
    cities = cities[columns + ["vertical_gap", "vertical_gap_note", "province_value_moved", "province_target_id"]]
    cities = cities.assign(role=ROLES[2]).sort_values(
        ["vertical_gap", "jurisdiction_id"], ascending=[False, True], na_position="last"
    )
    if province.empty and cities.empty:
        return cities.iloc[:0].assign(order=pd.Series(dtype=int))
    out = pd.concat([nation, province.sort_values("target_year"), cities], ignore_index=True)
    out["order"] = range(len(out))
    return out


def province_indicators(dataset: Dataset, province_id: str) -> list[str]:
    """Indicators on which a province and at least one of its cities set comparable levels
    (a vertical gap exists), those most of its cities set first: what its report draws."""
    g = vertical_gap(dataset)
    g = g[(g["province_id"] == province_id) & g["vertical_gap"].notna()]
    n = g.groupby("indicator_id")["jurisdiction_id"].nunique()
    return sorted(n.index, key=lambda i: (-n[i], i))
