"""A jurisdiction's successive plans: for each indicator, how the later plan's target moved from the
earlier one's."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.lines import Line2D

from ... import measures
from ...data import Dataset
from .. import labels
from ..style import ReportFigure, new_figure
from .elements import axes_rect, bottom_legend, empty_chart, margin_label, source_line, subtitle

MAX_ROWS = 24  # indicators in one chart (those compared across plans first)
RAISED, LOWERED, SAME = "#2e7d32", "#b00020", "#777777"


def _year(value) -> str:
    return "?" if pd.isna(value) else str(int(value))


def _compared(generations: pd.DataFrame) -> pd.DataFrame:
    """The later target of each indicator set in consecutive plans, as the arrows' heads."""
    heads = generations[generations["previous_value_std"].notna() & ~generations["interim"].fillna(False).astype(bool)]
    return heads.sort_values(["raised", "indicator_id"], ascending=[False, True])


def plan_generations_chart(dataset: Dataset, jurisdiction_id: str, lang: str = "zh") -> ReportFigure:
    """One row per indicator a jurisdiction's successive plans both set: an arrow from the earlier
    plan's target to the later one's, as a change in per cent of the earlier target
    (direction-adjusted: right = raised), with both targets and their years written beside it.
    Indicators only one plan sets (or that an excerpt leaves unknown) are counted below the chart.
    """
    g = measures.plan_generations(dataset)
    mine = g[g["jurisdiction_id"] == jurisdiction_id]
    heads = _compared(mine)
    shown = heads.head(MAX_ROWS)
    jname = labels.display_name(dataset, "jurisdiction", jurisdiction_id, lang)
    fig = new_figure(10, 2.6 + 0.36 * max(len(shown), 1))
    ax = fig.add_axes(axes_rect(fig, left=3.2, bottom=1.2, right=2.6, top=1.2))
    fig.suptitle(labels.text("generations_title", lang, name=jname), x=0.02, ha="left", fontsize=13)
    single = mine[mine["previous_value_std"].isna() & (mine["status"] == "target")]["indicator_id"].nunique()
    notes = [labels.text("generations_subtitle", lang), labels.text("generations_single", lang, n=single)]
    if len(heads) > len(shown):
        notes.append(labels.text("capped_bars", lang, n=len(heads), k=len(shown)))
    subtitle(fig, "; ".join(notes), 0.5)
    if shown.empty:
        source_line(fig, lang)
        return empty_chart(fig, ax, labels.text("no_generations", lang), jname)
    direction = np.where(shown["higher_is_better"].astype(bool), 1.0, -1.0)
    earlier = shown["previous_value_std"].astype(float).to_numpy()
    later = shown["value_std"].astype(float).to_numpy()
    change = direction * (later - earlier) / np.where(earlier == 0, 1.0, np.abs(earlier)) * 100
    ys = np.arange(len(shown))[::-1]
    description = []
    for y, c, r in zip(ys, change, shown.itertuples(), strict=True):
        colour = RAISED if c > 0 else LOWERED if c < 0 else SAME
        ax.annotate("", (c, y), (0, y), arrowprops=dict(arrowstyle="-|>", color=colour, lw=1.6, mutation_scale=12))
        ax.plot([0], [y], marker="o", color=colour, ms=4)
        before = labels.format_value(r.previous_value, None, r.previous_comparator, r.previous_unit, lang)
        text = f"{before} ({_year(r.previous_target_year)}) → {labels.target_text(r, lang)} ({_year(r.target_year)})"
        margin_label(ax, y, text)
        description.append(f"{labels.display_name(dataset, 'indicator', r.indicator_id, lang)} {text}")
    names = [labels.display_name(dataset, "indicator", i, lang) for i in shown["indicator_id"]]
    room = 18 if lang == "zh" else 40  # characters that fit the left margin
    ax.set_yticks(ys, [n if len(n) <= room else n[: room - 1] + "…" for n in names], fontsize=8.5)
    ax.axvline(0, color="#333333", lw=0.8)
    span = max(np.abs(change).max(), 1.0)
    ax.set_xlim(-span * 1.15, span * 1.15)
    ax.set_xlabel(labels.text("generations_axis", lang))
    legend = [
        Line2D([], [], color=RAISED, marker=">", label=labels.text("generations_raised", lang)),
        Line2D([], [], color=LOWERED, marker="<", label=labels.text("generations_lowered", lang)),
    ]
    bottom_legend(fig, legend, ncol=2)
    source_line(fig, lang)
    fig.alt_text = f"{jname}: " + "; ".join(description)
    return fig
