"""The measures as one table: a row per target, with every measure and, where one does not apply,
the code that says why (``measures.csv`` in the dataset download, each report's slice of it)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .. import files
from ..data import Dataset, keep_plans
from ..data.schema import HIERARCHY, MEASURES
from .bands import PATH, ambition_bands
from .change import implied_annual_change
from .hierarchy import hierarchy
from .national import headroom
from .notes import joined
from .peers import peer_standing
from .progress import progress_against_record
from .selection import measured_targets
from .vintages import target_vintages

NO_RECORD = "no_record"
COLUMNS = list(MEASURES.columns)


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
    t = measured_targets(dataset)
    t = t[t["level"] != "nation"].set_index("target_id")
    # every source aligned to the rows first: a column set on an empty frame would take its rows
    h = headroom(dataset).set_index("target_id").reindex(t.index)
    peers = peer_standing(dataset).set_index("target_id").reindex(t.index)
    change = implied_annual_change(dataset).set_index("target_id").reindex(t.index)
    progress = progress_against_record(dataset).set_index("target_id").reindex(t.index)
    vintage = target_vintages(dataset).set_index("target_id")["vintage"].reindex(t.index)
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
    bands = ambition_bands(dataset).set_index("target_id").reindex(t.index)
    out["ambition_band"] = bands["band"].astype("string")
    slope = bands["path_slope"].where(bands["path_slope"] > 0)
    out["years_ahead"] = (bands["value_banded"] / slope).where(bands["basis"] == PATH).astype("Float64")
    progress_note = progress["status_note"].fillna(NO_RECORD)
    is_addition = (t["kind"] == "addition").to_numpy()
    codes = {
        "headroom": h["headroom_note"].to_numpy(dtype=object),
        "peer_rank": peers["peer_note"].to_numpy(dtype=object),
        "implied_annual_change": change["note"].to_numpy(dtype=object),
        "implied_level": np.where(is_addition, change["implied_level_note"].to_numpy(dtype=object), ""),
        "progress": progress_note.to_numpy(dtype=object),
        "ambition_band": bands["band_note"].to_numpy(dtype=object),
    }
    out["notes"] = [
        joined(*(f"{name}={code}" for name, code in zip(codes, row, strict=True) if isinstance(code, str) and code))
        for row in zip(*codes.values(), strict=True)
    ]
    out["notes"] = out["notes"].astype("string")
    return out.reset_index()[COLUMNS]


def every_target(dataset: Dataset) -> pd.DataFrame:
    """The measures table of the default comparison (:func:`~analysis.data.keep_plans`), with a row
    for every other target too: a draft's (``draft_not_compared``) and a copy's whose plan sets the
    same target in its own document (``set_by_its_plan:FAMILY``), measures empty."""
    compared = measures_table(keep_plans(dataset))
    t = dataset.targets_long
    left = t[(t["level"] != "nation") & ~t["target_id"].isin(compared["target_id"])]
    why = [
        "compared=draft_not_compared" if standing == "draft" else f"compared=set_by_its_plan:{family}"
        for standing, family in zip(left["standing"], left["family"], strict=True)
    ]
    rest = left.assign(notes=why)[[c for c in COLUMNS if c in left.columns or c == "notes"]]
    out = pd.concat([compared, rest], ignore_index=True)[COLUMNS]
    order = {target: k for k, target in enumerate(t["target_id"])}  # the order of targets.csv
    return out.sort_values("target_id", key=lambda ids: ids.map(order)).reset_index(drop=True)


def measures_csv(table: pd.DataFrame, columns: list[str] = COLUMNS) -> bytes:
    """A derived table (measures, or a slice of it; the hierarchy) as the CSV the download carries:
    ``columns`` in order, numbers to ten significant digits, missing values empty."""

    def cell(value: object) -> object:
        if value is None or (not isinstance(value, str) and pd.isna(value)):
            return ""
        return f"{value:.10g}" if isinstance(value, float) else value

    rows = [{c: cell(v) for c, v in r.items()} for r in table[columns].to_dict("records")]
    return files.csv_text(rows, columns).encode("utf-8")


def derived_files(dataset: Dataset) -> dict[str, bytes]:
    """The derived tables of a whole dataset, as the download carries them: ``measures.csv``
    (:func:`every_target`) and ``hierarchy.csv`` (:func:`~analysis.measures.hierarchy.hierarchy`
    of the default comparison)."""
    pairs = hierarchy(keep_plans(dataset))
    return {
        MEASURES.file: measures_csv(every_target(dataset)),
        HIERARCHY.file: measures_csv(pairs, list(HIERARCHY.columns)),
    }


def measures_slice(
    dataset: Dataset, indicators: list[str] | None = None, jurisdictions: list[str] | None = None
) -> pd.DataFrame:
    """The rows of :func:`measures_table` a report shows: of ``indicators`` and ``jurisdictions``
    (default all)."""
    table = measures_table(dataset)
    if indicators is not None:
        table = table[table["indicator_id"].isin(indicators)]
    if jurisdictions is not None:
        table = table[table["jurisdiction_id"].isin(jurisdictions)]
    return table.reset_index(drop=True)
