"""City against province against nation: the vertical gaps of one indicator, and one province's
targets with its cities' on one axis."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.lines import Line2D

from ... import measures
from ...data import Dataset
from .. import labels
from ..style import MARKERS, NATION_COLOUR, ReportFigure, jurisdiction_colours, new_figure, tier_style
from .elements import (
    MAX_BARS,
    axes_rect,
    comparator_legend,
    empty_chart,
    margin_label,
    source_line,
    subtitle,
    tier_legend,
)

MOVED = "moved along the national path"
PROVINCE_COLOUR = "#555555"  # the province's marker: the cities already wear the province's colour


def _name(dataset: Dataset, jurisdiction_id: str, lang: str) -> str:
    return labels.display_name(dataset, "jurisdiction", jurisdiction_id, lang)


def vertical_gaps(dataset: Dataset, indicator_id: str, lang: str = "zh") -> ReportFigure:
    """Each city's (or district's) target against its province's, one row per city ordered by
    the gap (most ambitious relative to its province first).

    A row joins the province's target (moved to the city's target year along the national
    path where the years differ, drawn with a cross) to the city's; the gap is written at the
    right (direction-adjusted: positive asks more than the province). Filled markers are quoted
    targets, hollow ones cited. Cities whose gap does not apply are counted below the chart,
    with why.
    """
    v = measures.vertical_gap(dataset)
    v = v[v["indicator_id"] == indicator_id]
    shown = v[v["vertical_gap"].notna()].sort_values(["vertical_gap", "jurisdiction_id"], ascending=[False, True])
    total = len(shown)
    if total > MAX_BARS:
        shown = pd.concat([shown.head(MAX_BARS // 2), shown.tail(MAX_BARS // 2)])
    ind_name = labels.display_name(dataset, "indicator", indicator_id, lang)
    unit = dataset.indicators.set_index("indicator_id").loc[indicator_id, "unit"]
    colours = jurisdiction_colours(dataset)
    fig = new_figure(10, 2.5 + 0.38 * max(len(shown), 1))
    ax = fig.add_axes(axes_rect(fig, left=2.6, bottom=1.25, right=0.8, top=1.0))
    title = labels.text("vertical_title", lang, indicator=ind_name)
    fig.suptitle(title, x=0.02, ha="left", fontsize=13)
    if shown.empty:
        source_line(fig, lang)
        return empty_chart(fig, ax, labels.text("no_vertical", lang), ind_name)
    ys = np.arange(len(shown))[::-1]
    description = []
    for y, r in zip(ys, shown.itertuples(), strict=True):
        city, province = colours.get(r.jurisdiction_id, "#777777"), PROVINCE_COLOUR
        moved = float(r.province_value_moved)
        ax.plot([moved, float(r.value_std)], [y, y], color="#bbbbbb", lw=2, zorder=2)
        ax.scatter(
            [moved],
            [y],
            marker="X" if r.year_adjustment == MOVED else MARKERS[r.province_comparator],
            s=60,
            zorder=4,
            **tier_style(r.province_tier, province),
        )
        ax.scatter([float(r.value_std)], [y], marker=MARKERS[r.comparator], s=70, zorder=5, **tier_style(r.tier, city))
        gap = f"{float(r.vertical_gap):+.2f}"
        margin_label(ax, y, gap, fontsize=9)
        province_target = labels.format_value(r.province_value_std, None, r.province_comparator, r.unit, lang)
        description.append(
            f"{_name(dataset, r.jurisdiction_id, lang)} {labels.target_text(r, lang)} ({r.target_year}),"
            f" {_name(dataset, r.province_id, lang)} {province_target} ({r.province_target_year}): {gap}"
        )
    ticks = [
        f"{_name(dataset, r.jurisdiction_id, lang)} {r.target_year} · {_name(dataset, r.province_id, lang)}"
        f" {r.province_target_year}"
        for r in shown.itertuples()
    ]
    ax.set_yticks(ys, ticks, fontsize=8.5)
    nat = measures.national_targets(dataset)
    if indicator_id in nat.index:
        n = nat.loc[indicator_id]
        ax.axvline(float(n["value_std"]), color=NATION_COLOUR, lw=1, ls=":")
        ax.annotate(
            f"{labels.text('national_target', lang)} {labels.target_text(n, lang)} ({n['target_year']})",
            (float(n["value_std"]), 1.0),
            xycoords=("data", "axes fraction"),
            xytext=(3, 3),
            textcoords="offset points",
            fontsize=8,
        )
    ax.set_xlabel(labels.unit_label(unit, lang))
    ax.margins(x=0.08)
    notes = [labels.text("vertical_subtitle", lang)]
    if total > len(shown):
        notes.append(labels.text("capped_bars", lang, n=total, k=MAX_BARS // 2))
    skipped = v[v["vertical_gap"].isna()]["vertical_gap_note"].value_counts()
    if len(skipped):
        notes.append(labels.text("vertical_skipped", lang, n=int(skipped.sum())))
    subtitle(fig, "; ".join(notes), 0.55)
    legend = [
        Line2D([], [], marker="o", linestyle="", color=PROVINCE_COLOUR, label=labels.text("province_marker", lang)),
        Line2D([], [], marker="X", linestyle="", color=PROVINCE_COLOUR, label=labels.text("province_moved", lang)),
        *tier_legend(lang, sorted(set(shown["tier"]) | set(shown["province_tier"].dropna()))),
    ]
    fig.legend(handles=legend, loc="lower left", bbox_to_anchor=(0.02, 0.035), ncol=2, fontsize=8, frameon=False)
    source_line(fig, lang)
    fig.alt_text = f"{ind_name}: " + "; ".join(description)
    return fig


def province_levels_chart(dataset: Dataset, province_id: str, indicator_id: str, lang: str = "zh") -> ReportFigure:
    """One province's target, each of its cities' and the nation's for one indicator, on one axis:
    the nation first, then the province, then the cities ordered by their gap to the province."""
    levels = measures.province_levels(dataset, province_id, indicator_id)
    ind_name = labels.display_name(dataset, "indicator", indicator_id, lang)
    unit = dataset.indicators.set_index("indicator_id").loc[indicator_id, "unit"]
    colours = jurisdiction_colours(dataset)
    fig = new_figure(9, 2.3 + 0.36 * max(len(levels), 1))
    ax = fig.add_axes(axes_rect(fig, left=1.6, bottom=1.05, right=1.6, top=0.85))
    pname = _name(dataset, province_id, lang)
    fig.suptitle(
        labels.text("province_levels_title", lang, province=pname, indicator=ind_name), x=0.02, ha="left", fontsize=12
    )
    if levels.empty:
        source_line(fig, lang)
        return empty_chart(fig, ax, labels.text("no_vertical", lang), ind_name)
    ys = np.arange(len(levels))[::-1]
    description = []
    for y, r in zip(ys, levels.itertuples(), strict=True):
        colour = colours.get(r.jurisdiction_id, "#777777")
        marker = "*" if r.role == "nation" else MARKERS[r.comparator]
        ax.scatter(
            [float(r.value_std)],
            [y],
            marker=marker,
            s=130 if r.role == "nation" else 70,
            zorder=5,
            **tier_style(r.tier, colour),
        )
        gap = "" if pd.isna(r.vertical_gap) else f"  {float(r.vertical_gap):+.2f}"
        text = f"{labels.target_text(r, lang)} ({labels.year_text(r.target_year, lang)}){gap}"
        ax.annotate(
            text,
            (float(r.value_std), y),
            xytext=(8, 0),
            textcoords="offset points",
            va="center",
            fontsize=8.5,
            color=colour,
        )
        description.append(f"{_name(dataset, r.jurisdiction_id, lang)} {text.strip()}")
    ax.set_yticks(ys, [_name(dataset, r.jurisdiction_id, lang) for r in levels.itertuples()], fontsize=9)
    ax.set_ylim(-0.6, len(levels) - 0.4)  # no row on the frame
    ax.set_xlabel(labels.unit_label(unit, lang))
    ax.margins(x=0.25)
    subtitle(fig, labels.text("province_levels_subtitle", lang), 0.5)
    local = levels[levels["role"] != "nation"]
    fig.legend(
        handles=tier_legend(lang, sorted(set(levels["tier"])))
        + comparator_legend(lang, list(local["comparator"].astype(str).unique())),
        loc="lower left",
        bbox_to_anchor=(0.02, 0.06),
        ncol=4,
        fontsize=8,
        frameon=False,
    )
    source_line(fig, lang)
    fig.alt_text = f"{pname} · {ind_name}: " + "; ".join(description)
    return fig
