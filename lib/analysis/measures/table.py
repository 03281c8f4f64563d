"""The measures as one table: a row per target, with every measure and, where one does not apply,
the code that says why (``measures.csv`` in the dataset download, each report's slice of it)."""

from __future__ import annotations

import pandas as pd

from ..data import Dataset
from .change import implied_annual_change
from .national import headroom
from .notes import joined
from .peers import peer_standing
from .progress import progress_against_record
from .vintages import target_vintages

NO_RECORD = "no_record"
COLUMNS = [
    "target_id",
    "doc_id",
    "tier",
    "jurisdiction_id",
    "level",
    "indicator_id",
    "kind",
    "target_year",
    "comparator",
    "value",
    "unit",
    "peer_group",
    "peer_n",
    "peer_rank",
    "peer_percentile",
    "vs_peer_median_pct",
    "headroom",
    "implied_annual_change",
    "implied_annual_change_unit",
    "change_baseline_year",
    "change_baseline_vintage",
    "implied_level",
    "vintage",
    "progress_status",
    "progress_ratio",
    "notes",
]


def measures_table(dataset: Dataset) -> pd.DataFrame:
    """One row per target of a jurisdiction below the nation, with its measures.

    ``peer_group``/``peer_n``/``peer_rank``/``peer_percentile``/``vs_peer_median_pct`` from
    :func:`~analysis.measures.peers.peer_standing`; ``headroom`` from
    :func:`~analysis.measures.national.headroom`; ``implied_annual_change`` (with its unit, the
    baseline year and vintage it was measured from, and ``implied_level`` for an addition) from
    :func:`~analysis.measures.change.implied_annual_change`; ``vintage`` (the target's method
    vintage) from :func:`~analysis.measures.vintages.target_vintages`; ``progress_status`` and
    ``progress_ratio`` from :func:`~analysis.measures.progress.progress_against_record`.

    ``notes`` holds, for every measure that gives no value, ``measure=code`` (the codes of
    :mod:`analysis.measures.notes`; ``progress=no_record`` where the jurisdiction publishes no
    series of the indicator), joined with ``"; "``.
    """
    h = headroom(dataset).set_index("target_id")
    peers = peer_standing(dataset).set_index("target_id")
    change = implied_annual_change(dataset).set_index("target_id")
    progress = progress_against_record(dataset).set_index("target_id")
    vintage = target_vintages(dataset).set_index("target_id")["vintage"]
    t = dataset.targets_long
    t = t[t["level"] != "nation"].set_index("target_id")
    out = pd.DataFrame(index=t.index)
    for column in ("doc_id", "tier", "jurisdiction_id", "level", "indicator_id", "kind", "target_year"):
        out[column] = t[column]
    for column in ("comparator", "value", "unit"):
        out[column] = t[column]
    out["peer_group"] = peers["peer_group"]
    out["peer_n"] = peers["n_peers"]
    out["peer_rank"] = peers["rank"]
    out["peer_percentile"] = peers["percentile"]
    out["vs_peer_median_pct"] = peers["vs_median_pct"]
    out["headroom"] = h["headroom"]
    out["implied_annual_change"] = change["annual_change"]
    out["implied_annual_change_unit"] = change["annual_change_unit"]
    out["change_baseline_year"] = change["baseline_year"]
    out["change_baseline_vintage"] = change["baseline_vintage"]
    out["implied_level"] = change["implied_level"]
    out["vintage"] = vintage
    out["progress_status"] = progress["status"].astype("string").reindex(out.index)
    out["progress_ratio"] = progress["ratio"]
    progress_note = progress["status_note"].reindex(out.index).fillna(NO_RECORD)
    out["notes"] = [
        joined(
            *(
                f"{name}={code}"
                for name, code in (
                    ("headroom", h.at[i, "headroom_note"]),
                    ("peer_rank", peers.at[i, "peer_note"]),
                    ("implied_annual_change", change.at[i, "note"]),
                    ("implied_level", change.at[i, "implied_level_note"] if t.at[i, "kind"] == "addition" else ""),
                    ("progress", progress_note[i]),
                )
                if isinstance(code, str) and code
            )
        )
        for i in out.index
    ]
    out["notes"] = out["notes"].astype("string")
    return out.reset_index()[COLUMNS]
