"""Ambition bands: how far a target stands above the national path, read in bands rather than
ranks (one or two rank positions mean nothing; Climate Action Tracker rates targets against a
benchmark path the same way).

A rate or an index is banded on its headroom over the national path of its method vintage; a
count or an amount, which has no national path to stand on, against the median of its own peer
group (one indicator, kind and level of government) where the group is large enough.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..data import Dataset
from ..errors import ParameterError
from .memo import once_per_dataset
from .national import ON_PATH_KINDS, headroom, national_paths
from .notes import note
from .peers import peer_standing
from .selection import NATION, SIZE_KINDS

AMBITION_BANDS = ("well above", "above", "at", "below")
PATH, MEDIAN = "national path", "peer median"


@dataclass(frozen=True)
class BandEdges:
    """Where the bands part.

    ``well_above_years``: a rate or index target at least this many years ahead of the national
    path (its headroom at least this many years of the path's own yearly change) is well above
    it. "At" the path is within half a unit of the last decimal the nation publishes the
    indicator in (85.21: 0.005; 97.8 %: 0.05), so a target equal to the path as published is at
    it. A count is "at" its group's median within ``count_at_pct`` per cent, well above from
    ``count_well_above_pct`` per cent, and banded only in a group of ``min_count_peers`` or more.
    """

    well_above_years: float = 2.0
    count_at_pct: float = 5.0
    count_well_above_pct: float = 50.0
    min_count_peers: int = 5

    def check(self) -> BandEdges:
        """Raise ParameterError unless the edges are ordered and positive."""
        if not self.well_above_years > 0 or not 0 <= self.count_at_pct < self.count_well_above_pct:
            raise ParameterError(
                "band edges must satisfy well_above_years > 0 and 0 <= count_at_pct < count_well_above_pct,"
                f" not {self.well_above_years}, {self.count_at_pct} and {self.count_well_above_pct}"
            )
        if self.min_count_peers < 3:
            raise ParameterError(f"min_count_peers must be at least 3, not {self.min_count_peers}")
        return self


def decimals(value: float) -> int:
    """How many decimals a published figure is written with (85.21 -> 2, 97.8 -> 1, 93 -> 0)."""
    text = f"{value:.10f}".rstrip("0")
    return len(text.split(".")[1]) if "." in text else 0


def published_tolerance(dataset: Dataset) -> dict[str, float]:
    """Half a unit of the last decimal each indicator's national figures are published in."""
    nation = dataset.jurisdictions.loc[dataset.jurisdictions["level"] == NATION, "jurisdiction_id"]
    obs = dataset.observations[dataset.observations["jurisdiction_id"].isin(nation)]
    most = obs.groupby("indicator_id", observed=True)["value"].agg(lambda v: max(decimals(float(x)) for x in v))
    return {str(i): 0.5 * 10.0 ** -int(d) for i, d in most.items()}


def _path_band(h: float, tolerance: float, slope: float, edges: BandEdges) -> str:
    if h > tolerance and slope > 0 and h >= edges.well_above_years * slope:
        return AMBITION_BANDS[0]
    if h > tolerance:
        return AMBITION_BANDS[1]
    return AMBITION_BANDS[2] if h >= -tolerance else AMBITION_BANDS[3]


def _median_band(pct: float, edges: BandEdges) -> str:
    if pct >= edges.count_well_above_pct:
        return AMBITION_BANDS[0]
    if pct > edges.count_at_pct:
        return AMBITION_BANDS[1]
    return AMBITION_BANDS[2] if pct >= -edges.count_at_pct else AMBITION_BANDS[3]


def _slope(path, year: float) -> float:
    """The national path's yearly change at ``year`` (per year, in the better direction unsigned)."""
    return path.value_at(year + 0.5) - path.value_at(year - 0.5)


def ambition_bands(dataset: Dataset, edges: BandEdges | None = None) -> pd.DataFrame:
    """The ambition band of every target below the nation.

    Rates and indices (``basis`` "national path"): the headroom ``h`` over the national path of
    the target's vintage (:func:`~analysis.measures.national.headroom`), ``d`` the path's yearly
    change at the target year in the better direction, ``t`` the published tolerance
    (:func:`published_tolerance`):

    - "well above" where ``h > t`` and ``h >= well_above_years * d`` (with ``d > 0``);
    - "above" where ``h > t``; "at" where ``-t <= h <= t``; "below" where ``h < -t``.

    Counts and amounts (``basis`` "peer median"), in a peer group of at least
    ``min_count_peers``: ``p = vs_median_pct`` of :func:`~analysis.measures.peers.peer_standing`,
    "well above" from ``count_well_above_pct``, "above" over ``count_at_pct``, "at" within
    ``± count_at_pct``, "below" under it.

    Other targets get no band; ``band_note`` gives the code (the headroom's note, or
    ``too_few_peers:N``, or ``relative_not_level``). The edges used are columns of the output.
    """
    return _bands(dataset, (edges or BandEdges()).check())


@once_per_dataset
def _bands(dataset: Dataset, edges: BandEdges) -> pd.DataFrame:
    h = headroom(dataset)
    peers = peer_standing(dataset).set_index("target_id")
    n_peers, vs_median, peer_note = (peers[c].to_dict() for c in ("n_peers", "vs_median_pct", "peer_note"))
    tolerance = published_tolerance(dataset)
    paths = national_paths(dataset)
    rows = []
    for r in h.itertuples(index=False):
        target_id, kind = r.target_id, str(r.kind)
        row = {"target_id": target_id, "basis": "", "value_banded": np.nan, "tolerance": np.nan, "path_slope": np.nan}
        if kind in ON_PATH_KINDS:
            if pd.isna(r.headroom):
                rows.append(row | {"band": None, "band_note": r.headroom_note})
                continue
            path = paths[(str(r.indicator_id), None if pd.isna(r.vintage) else str(r.vintage))]
            sign = 1.0 if r.higher_is_better else -1.0
            slope = sign * _slope(path, float(r.target_year))
            t = tolerance.get(str(r.indicator_id), 0.0)
            band = _path_band(float(r.headroom), t, slope, edges)
            banded = {"basis": PATH, "value_banded": float(r.headroom), "tolerance": t, "path_slope": slope}
            rows.append(row | banded | {"band": band, "band_note": ""})
        elif kind in SIZE_KINDS:
            n = 0 if pd.isna(n_peers[target_id]) else int(n_peers[target_id])
            if pd.isna(vs_median[target_id]) or n < edges.min_count_peers:
                why = peer_note[target_id] or note("too_few_for_band", n, edges.min_count_peers)
                rows.append(row | {"band": None, "band_note": why})
                continue
            pct = float(vs_median[target_id])
            rows.append(row | {"basis": MEDIAN, "value_banded": pct, "band": _median_band(pct, edges), "band_note": ""})
        else:
            rows.append(row | {"band": None, "band_note": r.headroom_note})
    columns = ["target_id", "basis", "value_banded", "tolerance", "path_slope", "band", "band_note"]
    out = pd.DataFrame(rows, columns=columns)  # every column, even with no rows
    out["band"] = pd.Categorical(out["band"], categories=list(AMBITION_BANDS), ordered=True)
    for name, value in vars(edges).items():
        out[name] = value
    return out
