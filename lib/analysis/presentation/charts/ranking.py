"""Jurisdictions ranked by headroom over the national path, for one indicator."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from ... import measures
from ...data import Dataset
from .. import labels
from ..style import NATION_COLOUR, ReportFigure, jurisdiction_colours, new_figure
from .elements import MAX_BARS, axes_rect, bottom_legend, source_line, subtitle


def _rank_label(r) -> str:
    """ "3" for a rank held alone, "=3" for a shared one."""
    return ("=" if r.n_tied > 1 else "") + str(int(r.rank))


def largest_group(standing: pd.DataFrame, indicator_id: str) -> str | None:
    """The indicator's peer group with the most ranked members (None if no group is ranked)."""
    ranked = standing[(standing["indicator_id"] == indicator_id) & standing["rank"].notna()]
    if ranked.empty:
        return None
    sizes = ranked.groupby("peer_group")["target_id"].count()
    return str(sizes.sort_values(ascending=False, kind="stable").index[0])


def headroom_ranking(dataset: Dataset, indicator_id: str, lang: str = "zh", group: str | None = None) -> ReportFigure:
    """Jurisdictions ranked within one peer group of one indicator (default: its largest).

    A peer group (:func:`~analysis.measures.peer_standing`) is one indicator and one kind, and
    for counts one level of government; the subtitle names it and its size, and the indicator's
    other groups. A group of fewer than three has no ranking: the chart says so.

    Bars show headroom (target minus the national path's value in the target year, sign
    flipped for lower-is-better indicators); without a national path they show the target
    value and the title says so. Each bar names its rank (=3 for a shared one), its value,
    comparator and target year. A floor (≥) commits to at least its value, so its bar ends in an
    open arrow: the plan may ask more. Solid bars are quoted targets, hatched ones cited.
    """
    standing = measures.peer_standing(dataset)
    group = group or largest_group(standing, indicator_id)
    rows = standing[(standing["peer_group"] == group) & standing["rank"].notna()].sort_values(
        ["rank", "jurisdiction_id"], ascending=[False, True]
    )
    others = [
        g
        for g in standing.loc[
            (standing["indicator_id"] == indicator_id) & standing["rank"].notna(), "peer_group"
        ].unique()
        if g != group
    ]
    total = len(rows)
    if total > MAX_BARS:
        rows = pd.concat([rows.head(MAX_BARS // 2), rows.tail(MAX_BARS // 2)])
    ind_name = labels.display_name(dataset, "indicator", indicator_id, lang)
    unit = dataset.indicators.set_index("indicator_id").loc[indicator_id, "unit"]
    by_headroom = len(rows) and (rows["basis"] == "headroom").all()
    colours = jurisdiction_colours(dataset)
    fig = new_figure(9.5, 2.6 + 0.36 * max(len(rows), 1))
    ax = fig.add_axes(axes_rect(fig, left=1.9, bottom=1.45, right=0.4, top=0.95))
    ys = np.arange(len(rows))
    scores = rows["score"].astype(float).to_numpy() if by_headroom else rows["value"].astype(float).to_numpy()
    for y, score, r in zip(ys, scores, rows.itertuples(), strict=True):
        colour = colours.get(r.jurisdiction_id, "#777777")
        cited = r.tier == "cited"
        ax.barh(
            y,
            score,
            height=0.62,
            color="white" if cited else colour,
            edgecolor=colour,
            hatch="////" if cited else None,
            lw=1,
        )
        if r.comparator == ">=":
            ax.annotate(
                "",
                (score + (0.04 if score >= 0 else -0.04) * max(abs(scores).max(), 1), y),
                (score, y),
                arrowprops=dict(arrowstyle="-|>", color=colour, lw=1, fill=False),
            )
        text = f"{labels.target_text(r, lang)} ({r.target_year})"
        if by_headroom:
            text = f"{score:+.2f} · " + text
        # labels start right of the bar or of zero, never over the jurisdiction names
        ax.annotate(
            text, (max(score, 0), y), xytext=(14, 0), textcoords="offset points", ha="left", va="center", fontsize=8.5
        )
    ticks = [
        f"{_rank_label(r)}  {labels.display_name(dataset, 'jurisdiction', r.jurisdiction_id, lang)}"
        for r in rows.itertuples()
    ]
    ax.set_yticks(ys, ticks, fontsize=9)
    lo, hi = (min(0, scores.min()), max(0, scores.max())) if len(scores) else (0, 1)
    span = (hi - lo) or max(abs(hi), 1)
    ax.set_xlim(lo - 0.05 * span, hi + 0.75 * span)
    ax.set_ylim(-0.6, len(rows) - 0.4)
    ax.axvline(0, color=NATION_COLOUR, lw=1)
    u = labels.unit_label(unit, lang)
    ax.set_xlabel(
        labels.text("headroom_axis", lang, unit=u) if by_headroom else labels.text("value_axis", lang, unit=u)
    )
    title = "ranking_title" if by_headroom else "ranking_title_value"
    fig.suptitle(labels.text(title, lang, indicator=ind_name), x=0.02, ha="left", fontsize=13)
    notes = []
    if group is None:
        ax.text(0.5, 0.5, labels.text("no_peer_group", lang), ha="center", va="center", transform=ax.transAxes)
    else:
        notes.append(labels.text("ranking_group", lang, group=labels.peer_group_label(dataset, group, lang, standing)))
    if others:
        shown = ", ".join(labels.peer_group_label(dataset, g, lang, standing) for g in others)
        notes.append(labels.text("ranking_other_groups", lang, groups=shown))
    notes.append(labels.text("ranking_subtitle", lang))
    if total > len(rows):
        ax.axhline(MAX_BARS // 2 - 0.5, color="#999999", lw=0.8, ls=":")
        notes.append(labels.text("capped_bars", lang, n=total, k=MAX_BARS // 2))
    subtitle(fig, "; ".join(notes), 0.5)
    legend = [
        Patch(facecolor="#999999", edgecolor="#999999", label=labels.text("bar_quoted", lang)),
        Patch(facecolor="white", edgecolor="#999999", hatch="////", label=labels.text("bar_cited", lang)),
        Line2D(
            [],
            [],
            marker=">",
            linestyle="",
            color="#999999",
            markerfacecolor="white",
            label=labels.text("bar_floor", lang),
        ),
    ]
    bottom_legend(fig, legend, ncol=3)
    source_line(fig, lang)
    fig.alt_text = f"{ind_name}: " + "; ".join(
        f"{_rank_label(r)} {labels.display_name(dataset, 'jurisdiction', r.jurisdiction_id, lang)} "
        + (f"{r.score:+.2f}" if by_headroom else labels.target_text(r, lang))
        for r in rows.iloc[::-1].itertuples()
    )
    return fig
