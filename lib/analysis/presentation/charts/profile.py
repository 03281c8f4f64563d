"""One jurisdiction's targets against its peers, by category."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.lines import Line2D

from ... import measures
from ...data import Dataset
from ...data.vocabularies import CATEGORIES, codes
from .. import labels
from ..style import MARKERS, ReportFigure, jurisdiction_colours, new_figure
from .elements import comparator_legend, source_line, wrapped


def jurisdiction_profile(dataset: Dataset, jurisdiction_id: str, lang: str = "zh") -> ReportFigure:
    """One jurisdiction's targets against its peers, by category.

    Left: how many indicators it commits to in each category, beside the mean of the other
    plans. Right: for each peer group of its own targets (one indicator and kind, and one level
    of government for counts; at least three members), every member's target as a percentage
    above the group's median, ``vs_median_pct`` of :func:`~analysis.measures.peer_standing`
    (sign flipped for lower-is-better indicators), this jurisdiction highlighted; the row names
    the group and its size.
    """
    colours = jurisdiction_colours(dataset)
    jname = labels.display_name(dataset, "jurisdiction", jurisdiction_id, lang)
    by_jurisdiction = measures.breadth(dataset, by="jurisdiction")
    b = by_jurisdiction[codes(CATEGORIES)]
    mine = b.loc[jurisdiction_id] if jurisdiction_id in b.index else pd.Series(0, index=b.columns)
    level = dataset.jurisdictions.set_index("jurisdiction_id")["level"]
    others = b[
        (b.index != jurisdiction_id)
        & ~by_jurisdiction["lower_bound"].to_numpy()
        & (level.reindex(b.index) != "nation").to_numpy()
    ]
    standing = measures.peer_standing(dataset)
    ranked = standing[standing["vs_median_pct"].notna()]
    groups = list(ranked.loc[ranked["jurisdiction_id"] == jurisdiction_id, "peer_group"].unique())
    shared = groups  # one row per peer group of its own targets (one indicator and kind, a level for counts)
    fig = new_figure(15, max(5.5, 1.6 + 0.6 * max(len(shared), len(b.columns))))
    ax1 = fig.add_axes((0.1, 0.14, 0.2, 0.72))
    ax2 = fig.add_axes((0.6, 0.14, 0.37, 0.72))
    cats = list(b.columns)
    ys = np.arange(len(cats))
    ax1.barh(ys - 0.2, mine.reindex(cats).to_numpy(), height=0.4, color=colours[jurisdiction_id], label=jname)
    ax1.barh(
        ys + 0.2,
        others.mean().reindex(cats).to_numpy() if len(others) else np.zeros(len(cats)),
        height=0.4,
        color="#bbbbbb",
        label=labels.text("peer_mean", lang),
    )
    ax1.set_yticks(ys, [labels.term(CATEGORIES, c, lang) for c in cats])
    ax1.invert_yaxis()
    ax1.set_xlabel(labels.text("count", lang))
    ax1.set_title(labels.text("breadth_panel", lang), fontsize=10, loc="left")
    ax1.legend(fontsize=8, loc="lower right")
    ax2.set_title(wrapped(labels.text("peers_panel", lang), lang, 70), fontsize=10, loc="left")
    description = [f"{labels.term(CATEGORIES, c, lang)} {int(mine.get(c, 0))}" for c in cats if mine.get(c, 0)]
    if not shared:
        ax2.text(0.5, 0.5, labels.text("no_shared", lang), ha="center", va="center", transform=ax2.transAxes)
        ax2.set_xticks([])
        ax2.set_yticks([])
    else:
        for y, group in enumerate(shared):
            rows = ranked[ranked["peer_group"] == group]
            pct = rows["vs_median_pct"].astype(float).to_numpy()
            mine = (rows["jurisdiction_id"] == jurisdiction_id).to_numpy()
            others = ~mine
            for comparator in rows.loc[others, "comparator"].astype(str).unique():  # one call per marker shape
                sel = others & (rows["comparator"] == comparator).to_numpy()
                ax2.plot(
                    pct[sel],
                    np.full(sel.sum(), y),
                    marker=MARKERS[comparator],
                    ms=7,
                    color="#aaaaaa",
                    linestyle="",
                    alpha=0.6,
                    zorder=3,
                )
            for r, p in zip(rows[mine].itertuples(), pct[mine], strict=True):
                ax2.plot(
                    [p],
                    [y],
                    marker=MARKERS[r.comparator],
                    ms=11,
                    color=colours[jurisdiction_id],
                    linestyle="",
                    zorder=5,
                    markeredgecolor="white",
                )
                ax2.annotate(
                    f"{labels.target_text(r, lang)} ({r.target_year})",
                    (p, y),
                    xytext=(0, 9),
                    textcoords="offset points",
                    ha="center",
                    fontsize=8,
                    color=colours[jurisdiction_id],
                )
                indicator = labels.display_name(dataset, "indicator", r.indicator_id, lang)
                description.append(f"{indicator} {labels.target_text(r, lang)} ({p:+.1f}%)")
        names = [wrapped(labels.peer_group_label(dataset, g, lang, standing), lang) for g in shared]
        ax2.set_yticks(range(len(shared)), names, fontsize=8)
        ax2.set_ylim(len(shared) - 0.5, -0.7)
        ax2.axvline(0, color="#666666", lw=0.8)
        ax2.set_xlabel(labels.text("vs_median", lang), fontsize=9)
        ax2.legend(
            handles=[
                Line2D([], [], marker="o", color=colours[jurisdiction_id], linestyle="", label=jname),
                Line2D(
                    [], [], marker="o", color="#aaaaaa", linestyle="", label=labels.text("other_jurisdictions", lang)
                ),
            ]
            + comparator_legend(lang, [">=", "=", "~", "range", "<="]),
            fontsize=7.5,
            loc="upper center",
            bbox_to_anchor=(0.5, -0.1),
            ncol=4,
            frameon=False,
        )
    fig.suptitle(labels.text("profile_title", lang, name=jname), x=0.02, ha="left", fontsize=14)
    source_line(fig, lang)
    fig.alt_text = f"{jname}: " + "; ".join(description)
    return fig
