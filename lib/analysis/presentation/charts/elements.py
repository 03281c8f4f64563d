"""Parts several charts share: the source line, legends of commitments, the national series
and path, label placement without overlaps, and the caps that keep a chart readable at scale."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from ... import measures
from ...data import Dataset
from ...data.vocabularies import COMPARATORS, codes
from .. import labels
from ..style import MARKERS, NATION_COLOUR

# Caps that keep a chart readable when hundreds of jurisdictions set an indicator.
MAX_LABELS = 12  # labelled points in a spread (the highest and lowest); all are drawn
MAX_BARS = 30  # bars in a ranking (the top and bottom halves)
MAX_COLUMNS = 30  # jurisdictions in the coverage heatmap and the breadth chart
MAX_PANELS = 4  # cities in the vertical view


def source_line(fig: Figure, lang: str) -> None:
    fig.text(0.01, 0.01, labels.text("source", lang), fontsize=7, color="#555555", ha="left", va="bottom", wrap=True)


def spread_positions(positions: list[float], min_gap: float) -> list[float]:
    """Move label positions apart (keeping their order) so none is closer than min_gap."""
    order = np.argsort(positions, kind="stable")
    placed = np.asarray(positions, dtype=float)[order].copy()
    for k in range(1, len(placed)):
        placed[k] = max(placed[k], placed[k - 1] + min_gap)
    shift = (placed - np.asarray(positions, dtype=float)[order]).mean()
    placed -= shift / 2 if len(placed) > 1 else 0
    out = np.empty_like(placed)
    out[order] = placed
    return out.tolist()


def comparator_legend(lang: str, used: list[str]) -> list[Line2D]:
    return [
        Line2D([], [], marker=MARKERS[c], linestyle="", color="#666666", label=labels.term(COMPARATORS, c, lang))
        for c in codes(COMPARATORS)
        if c in used
    ]


def indicator_rows(dataset: Dataset, indicator_id: str, jurisdictions: list[str] | None) -> pd.DataFrame:
    t_ = dataset.targets_long
    rows = t_[t_["indicator_id"] == indicator_id]
    if jurisdictions is not None:
        rows = rows[rows["jurisdiction_id"].isin(jurisdictions) | (rows["level"] == "nation")]
    return rows


def national_series(dataset: Dataset, indicator_id: str) -> pd.DataFrame:
    obs = dataset.observations
    nation = dataset.jurisdictions.loc[dataset.jurisdictions["level"] == "nation", "jurisdiction_id"]
    return obs[(obs["indicator_id"] == indicator_id) & obs["jurisdiction_id"].isin(nation)].sort_values("year")


def draw_national(ax, dataset: Dataset, indicator_id: str, lang: str, x_range: tuple[float, float]) -> list:
    """National observed series, path and target; returns legend handles."""
    handles = []
    series = national_series(dataset, indicator_id)
    if len(series):
        ax.plot(series["year"], series["value"], "-o", color=NATION_COLOUR, ms=4, lw=1.2, zorder=3)
        handles.append(
            Line2D([], [], marker="o", color=NATION_COLOUR, ms=4, label=labels.text("national_observed", lang))
        )
    path = measures.national_path(dataset, indicator_id)
    if path is not None and len(path.years) >= 2:
        xs = np.linspace(min(x_range[0], path.years[0]), max(x_range[1], path.years[-1]), 200)
        ax.plot(xs, [path.value_at(x) for x in xs], "--", color="#888888", lw=1, zorder=2)
        handles.append(Line2D([], [], linestyle="--", color="#888888", label=labels.text("national_path", lang)))
    nat = measures.national_targets(dataset)
    if indicator_id in nat.index:
        r = nat.loc[indicator_id]
        ax.plot([r["target_year"]], [r["value_std"]], marker="*", ms=16, color=NATION_COLOUR, linestyle="", zorder=5)
        handles.append(
            Line2D(
                [],
                [],
                marker="*",
                ms=12,
                color=NATION_COLOUR,
                linestyle="",
                label=f"{labels.text('national_target', lang)} {labels.target_text(r, lang)} ({r['target_year']})",
            )
        )
    return handles


def describe_targets(dataset: Dataset, ind_name: str, rows: pd.DataFrame, lang: str, indicator_id: str) -> str:
    parts = [labels.jurisdiction_target(dataset, r, lang) for r in rows.itertuples()]
    nat = measures.national_targets(dataset)
    if indicator_id in nat.index:
        r = nat.loc[indicator_id]
        parts.append(f"{labels.text('national_target', lang)} {labels.target_text(r, lang)} ({r['target_year']})")
    sep = ";" if lang == "zh" else "; "
    return f"{ind_name}: " + sep.join(parts)
