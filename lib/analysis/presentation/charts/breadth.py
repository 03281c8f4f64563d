"""How many indicators each plan commits to, by category."""

from __future__ import annotations

import numpy as np
import seaborn as sns

from ... import measures
from ...data import Dataset
from ...data.vocabularies import CATEGORIES
from .. import labels
from ..style import ReportFigure, new_figure
from .elements import MAX_COLUMNS, source_line


def breadth_chart(dataset: Dataset, lang: str = "zh") -> ReportFigure:
    """Number of indicators each plan commits to, stacked by category."""
    b = measures.breadth(dataset)
    all_plans = len(b)
    if all_plans > MAX_COLUMNS:
        b = b.loc[b.sort_values("total", ascending=False).index[:MAX_COLUMNS]]
    b = b.drop(columns=["total"])
    fig = new_figure(10, 1.8 + 0.5 * len(b) + 0.8)
    ax = fig.add_axes((0.2, 0.28, 0.78, 0.58))
    left = np.zeros(len(b))
    palette = sns.color_palette("Set3", len(b.columns))
    years = dataset.targets_long.groupby("jurisdiction_id")["target_year"].agg(
        lambda y: f"{y.min()}–{y.max()}" if y.min() != y.max() else str(y.min())
    )
    names = [f"{labels.display_name(dataset, 'jurisdiction', j, lang)} ({years.get(j, '')})" for j in b.index]
    for colour, c in zip(palette, b.columns, strict=True):
        ax.barh(
            names, b[c].to_numpy(), left=left, color=colour, label=labels.term(CATEGORIES, c, lang), edgecolor="white"
        )
        left += b[c].to_numpy()
    for y, total in enumerate(left):
        ax.annotate(f"{int(total)}", (total, y), xytext=(4, 0), textcoords="offset points", va="center", fontsize=9)
    ax.invert_yaxis()
    ax.set_xlabel(labels.text("count", lang))
    fig.suptitle(labels.text("breadth_title", lang), x=0.02, ha="left", fontsize=13)
    if all_plans > len(b):
        fig.text(0.02, 0.9, labels.text("capped_columns", lang, k=len(b), n=all_plans), fontsize=9, color="#444444")
    fig.legend(loc="lower left", bbox_to_anchor=(0.14, 0.05), ncol=5, fontsize=8, frameon=False)
    source_line(fig, lang)
    fig.alt_text = "; ".join(f"{n} {int(v)}" for n, v in zip(names, left, strict=True))
    return fig
