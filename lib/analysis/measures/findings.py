"""What the comparison says: the few answers analysts bring their questions for, each computed from
the measures (never typed), with the rows behind it and how many plans stand behind it.

- Whose targets stand furthest above the national path? Rates and indices, in years of the
  path's own change (a unit-free distance: 0.5 index points and 1 percentage point are not
  comparable, half a year and a year ahead are).
- Do cities echo their province, raise the bar, or lower it (层层加码)? Counts of aligned pairs
  of the hierarchy, by province.
- Which plans set levels that were already met before they were adopted?
- Which indicators do most plans set?
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from ..data import Dataset
from .bands import ambition_bands
from .hierarchy import escalation_summary, hierarchy
from .progress import MET_BEFORE, progress_against_record

TOP = 5  # how many targets, provinces or indicators a finding names


@dataclass(frozen=True)
class Finding:
    """One answer: its key (which question), the numbers its sentence states, the target ids
    behind it, and how many plans (families) those come from."""

    key: str
    numbers: dict[str, object]
    target_ids: list[str] = field(default_factory=list)
    plans: int = 0


def _plans(dataset: Dataset, target_ids: list[str]) -> int:
    t = dataset.targets_long
    return int(t.loc[t["target_id"].isin(target_ids), "family"].nunique())


def years_ahead(dataset: Dataset) -> pd.DataFrame:
    """Each rate or index target with a headroom: ``years_ahead = headroom / slope``, the slope of
    the national path at its target year in the better direction (only where the path improves:
    ``slope > 0``), with its band."""
    b = ambition_bands(dataset)
    b = b[(b["basis"] == "national path") & (b["path_slope"] > 0)]
    out = b[["target_id", "value_banded", "path_slope", "band"]].rename(columns={"value_banded": "headroom"})
    out["years_ahead"] = out["headroom"] / out["path_slope"]
    t = dataset.targets_long.set_index("target_id")
    out["jurisdiction_id"] = out["target_id"].map(t["jurisdiction_id"])
    out["indicator_id"] = out["target_id"].map(t["indicator_id"])
    return out.sort_values(["years_ahead", "target_id"], ascending=[False, True]).reset_index(drop=True)


def furthest_above(dataset: Dataset, top: int = TOP) -> Finding:
    """The ``top`` targets furthest ahead of the national path, and how many are well above it."""
    y = years_ahead(dataset)
    chosen = y.head(top)
    numbers: dict[str, object] = {
        "banded": len(y),
        "well_above": int((y["band"] == "well above").sum()),
        "at_or_below": int(y["band"].isin(["at", "below"]).sum()),
        "targets": [
            (r.target_id, r.jurisdiction_id, r.indicator_id, round(float(r.years_ahead), 1))
            for r in chosen.itertuples()
        ],
    }
    ids = list(y["target_id"])
    return Finding("furthest_above", numbers, list(chosen["target_id"]), _plans(dataset, ids))


def escalation(dataset: Dataset, top: int = TOP) -> Finding:
    """How the aligned pairs of the hierarchy split (raised, echo, lowered), for cities against
    their province, and the provinces whose cities raise the bar most often."""
    h = hierarchy(dataset)
    cities = h[(h["upper_level"] == "province") & h["relation"].notna()]
    by_province = escalation_summary(dataset).reindex(columns=["raised", "echo", "lowered", "pairs"])
    city_pairs = cities.groupby("province_id")["relation"].value_counts().unstack(fill_value=0)
    city_pairs = city_pairs.reindex(columns=["raised", "echo", "lowered"], fill_value=0)
    city_pairs["pairs"] = city_pairs.sum(axis=1)
    city_pairs["share_raised"] = city_pairs["raised"] / city_pairs["pairs"]
    raising = city_pairs[city_pairs["raised"] > 0].sort_values(["share_raised", "pairs"], ascending=False).head(top)
    numbers: dict[str, object] = {
        "pairs": len(cities),
        "raised": int((cities["relation"] == "raised").sum()),
        "echo": int((cities["relation"] == "echo").sum()),
        "lowered": int((cities["relation"] == "lowered").sum()),
        "provinces": [(p, int(r.raised), int(r.pairs)) for p, r in raising.iterrows()],
        "not_aligned": int(h.loc[h["upper_level"] == "province", "relation"].isna().sum()),
        "province_pairs": int(by_province["pairs"].sum()),
    }
    ids = list(cities["lower_target_id"]) + list(cities["upper_target_id"])
    return Finding("escalation", numbers, list(cities["lower_target_id"]), _plans(dataset, ids))


def met_before_adoption(dataset: Dataset) -> Finding:
    """Targets set at or below a level already published before their plan was adopted."""
    p = progress_against_record(dataset)
    met = p[p["status"] == MET_BEFORE]
    assessed = p[p["status"].notna()]
    numbers: dict[str, object] = {
        "met_before": len(met),
        "assessed": len(assessed),
        "targets": [(r.target_id, r.jurisdiction_id, r.indicator_id) for r in met.itertuples()],
    }
    return Finding("met_before_adoption", numbers, list(met["target_id"]), _plans(dataset, list(met["target_id"])))


def most_set(dataset: Dataset, top: int = TOP) -> Finding:
    """The indicators the most plans (families) set a target for."""
    t = dataset.targets_long
    below_nation = t[t["level"] != "nation"]
    n = below_nation.groupby("indicator_id", observed=True)["family"].nunique().sort_values(ascending=False)
    order = {i: k for k, i in enumerate(dataset.indicators["indicator_id"])}
    ranked = sorted(n.index, key=lambda i: (-n[i], order[i]))[:top]
    plans = int(below_nation["family"].nunique())
    numbers: dict[str, object] = {"plans": plans, "indicators": [(i, int(n[i])) for i in ranked]}
    ids = list(below_nation.loc[below_nation["indicator_id"].isin(ranked), "target_id"])
    return Finding("most_set", numbers, ids, _plans(dataset, ids))


def findings(dataset: Dataset) -> list[Finding]:
    """Every finding, in the order the page gives them."""
    return [furthest_above(dataset), escalation(dataset), met_before_adoption(dataset), most_set(dataset)]


def left_out(full: Dataset, compared: Dataset) -> dict[str, int]:
    """What the findings leave out of the full data: drafts, and copies whose plan sets the same
    targets (readings), by document; and the plans known only from an excerpt that stand behind
    them (their silence is not counted as "not set")."""
    docs = full.documents
    kept = set(compared.documents["doc_id"])
    return {
        "drafts": int((docs["standing"] == "draft").sum()),
        "copies": int(((docs["doc_id"] != docs["family"]) & ~docs["doc_id"].isin(kept)).sum()),
        "plans": int(compared.documents["family"].nunique()),
        "excerpts": int((compared.documents["coverage"] == "excerpt").sum()),
        "cited_excerpts": int(
            ((compared.documents["coverage"] == "excerpt") & (compared.documents["tier"] == "cited")).sum()
        ),
    }
