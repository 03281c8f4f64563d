"""How many indicators each plan commits to, by category."""

from __future__ import annotations

import numpy as np
import pandas as pd
import seaborn as sns
from matplotlib.patches import Patch

from ... import measures
from ...data import Dataset
from ...data.vocabularies import CATEGORIES, codes
from .. import labels
from ..style import ReportFigure, new_figure
from .elements import MAX_COLUMNS, axes_rect, bottom_legend, source_line, subtitle


def breadth_chart(dataset: Dataset, lang: str = "zh") -> ReportFigure:
    """Number of indicators each plan commits to, stacked by category.

    One bar per plan with at least one target listed; a plan known only from an excerpt may
    set more than it shows, so its total reads "≥N" and its bar is drawn lighter.
    """
    b = measures.breadth(dataset, by="plan")
    b = b[b["total"] > 0]
    all_plans = len(b)
    if all_plans > MAX_COLUMNS:
        b = b.loc[b.sort_values("total", ascending=False).index[:MAX_COLUMNS]]
    categories = codes(CATEGORIES)
    fig = new_figure(10, 2.9 + 0.3 * len(b))
    ax = fig.add_axes(axes_rect(fig, left=2.2, bottom=1.45, right=0.5, top=0.9))  # margins in inches
    left = np.zeros(len(b))
    palette = sns.color_palette("Set3", len(categories))
    years = dataset.targets_long.groupby("family")["target_year"].agg(
        lambda y: "" if y.isna().all() else f"{y.min()}–{y.max()}" if y.min() != y.max() else str(y.min())
    )
    names = [
        f"{labels.display_name(dataset, 'jurisdiction', r.jurisdiction_id, lang)}"
        f" {'' if pd.isna(r.issued) else str(r.issued)[:4]} ({years.get(doc, '')})"
        for doc, r in zip(b.index, b.itertuples(), strict=True)
    ]
    alpha = np.where(b["lower_bound"], 0.45, 1.0)
    ys = np.arange(len(b))
    for colour, c in zip(palette, categories, strict=True):
        values = b[c].to_numpy()
        for y, (value, a) in enumerate(zip(values, alpha, strict=True)):
            ax.barh(y, value, left=left[y], color=colour, alpha=a, edgecolor="white")
        left += values
    for y, (total, lower) in enumerate(zip(left, b["lower_bound"], strict=True)):
        text = ("≥" if lower else "") + f"{int(total)}"
        ax.annotate(text, (total, y), xytext=(4, 0), textcoords="offset points", va="center", fontsize=8)
    ax.set_yticks(ys, names, fontsize=8)
    ax.set_xlim(0, max(left.max(), 1) * 1.08)  # room for the totals written after the bars
    ax.invert_yaxis()
    ax.set_xlabel(labels.text("count", lang))
    fig.suptitle(labels.text("breadth_title", lang), x=0.02, ha="left", fontsize=13)
    notes = [labels.text("breadth_lower_bound", lang)]
    if all_plans > len(b):
        notes.append(labels.text("capped_columns", lang, k=len(b), n=all_plans))
    subtitle(fig, "; ".join(notes), 0.5)
    handles = [
        Patch(color=c, label=labels.term(CATEGORIES, code, lang)) for c, code in zip(palette, categories, strict=True)
    ]
    bottom_legend(fig, handles, ncol=5)
    source_line(fig, lang)
    fig.alt_text = "; ".join(
        f"{n} {'≥' if lower else ''}{int(v)}" for n, v, lower in zip(names, left, b["lower_bound"], strict=True)
    )
    return fig
