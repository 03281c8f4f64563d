"""One jurisdiction's targets against its peers, by category."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.lines import Line2D

from ... import measures
from ...data import Dataset
from ...data.vocabularies import CATEGORIES, codes
from .. import labels
from ..style import MARKERS, NATION_COLOUR, ReportFigure, jurisdiction_colours, new_figure
from .elements import comparator_legend, source_line


def jurisdiction_profile(dataset: Dataset, jurisdiction_id: str, lang: str = "zh") -> ReportFigure:
    """One jurisdiction's targets against its peers, by category.

    Left: how many indicators it commits to in each category, beside the mean of the other
    plans. Right: for each indicator it shares with other plans, every jurisdiction's target
    as a percentage above the median of all targets for that indicator (sign flipped for
    lower-is-better indicators), this jurisdiction highlighted and the nation as a star.
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
    levels = dataset.targets_long[~dataset.targets_long["is_relative"]]  # relative targets are not levels
    own = set(levels.loc[levels["jurisdiction_id"] == jurisdiction_id, "indicator_id"])
    shared = [i for i in measures.shared_indicators(dataset) if i in own]
    fig = new_figure(13, max(5.5, 1.6 + 0.45 * max(len(shared), len(b.columns))))
    ax1 = fig.add_axes((0.17, 0.14, 0.24, 0.72))
    ax2 = fig.add_axes((0.62, 0.14, 0.36, 0.72))
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
    ax2.set_title(labels.text("peers_panel", lang), fontsize=10, loc="left")
    description = [f"{labels.term(CATEGORIES, c, lang)} {int(mine.get(c, 0))}" for c in cats if mine.get(c, 0)]
    if not shared:
        ax2.text(0.5, 0.5, labels.text("no_shared", lang), ha="center", va="center", transform=ax2.transAxes)
        ax2.set_xticks([])
        ax2.set_yticks([])
    else:
        t_ = dataset.targets_long
        for y, ind in enumerate(shared):
            rows = (
                t_[(t_["indicator_id"] == ind) & ~t_["is_relative"]]
                .sort_values("target_year")
                .groupby("jurisdiction_id")
                .tail(1)
            )
            direction = 1.0 if bool(rows["higher_is_better"].iloc[0]) else -1.0
            median = float(rows["value_std"].astype(float).median())
            values = rows["value_std"].astype(float).to_numpy()
            pct = direction * (values - median) / abs(median) * 100 if median else values * 0.0
            mine = (rows["jurisdiction_id"] == jurisdiction_id).to_numpy()
            nation = (rows["level"] == "nation").to_numpy()
            others = ~mine & ~nation
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
            if nation.any():
                ax2.plot(
                    pct[nation],
                    np.full(nation.sum(), y),
                    marker="*",
                    ms=12,
                    color=NATION_COLOUR,
                    linestyle="",
                    zorder=4,
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
                description.append(
                    f"{labels.display_name(dataset, 'indicator', ind, lang)} {labels.target_text(r, lang)} ({p:+.1f}%)"
                )
        ax2.set_yticks(
            range(len(shared)), [labels.display_name(dataset, "indicator", i, lang) for i in shared], fontsize=8.5
        )
        ax2.set_ylim(len(shared) - 0.5, -0.7)
        ax2.axvline(0, color="#666666", lw=0.8)
        ax2.set_xlabel(labels.text("vs_median", lang), fontsize=9)
        ax2.legend(
            handles=[
                Line2D([], [], marker="o", color=colours[jurisdiction_id], linestyle="", label=jname),
                Line2D(
                    [], [], marker="o", color="#aaaaaa", linestyle="", label=labels.text("other_jurisdictions", lang)
                ),
                Line2D(
                    [],
                    [],
                    marker="*",
                    ms=10,
                    color=NATION_COLOUR,
                    linestyle="",
                    label=labels.text("national_target", lang),
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
