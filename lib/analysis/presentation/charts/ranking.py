"""Jurisdictions ranked by headroom over the national path, for one indicator."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ... import measures
from ...data import Dataset
from .. import labels
from ..style import NATION_COLOUR, ReportFigure, jurisdiction_colours, new_figure
from .elements import MAX_BARS, source_line


def headroom_ranking(dataset: Dataset, indicator_id: str, lang: str = "zh") -> ReportFigure:
    """Jurisdictions ranked by headroom over the national path for one indicator.

    Bars show headroom (target minus the national path's value in the target year, sign
    flipped for lower-is-better indicators); without a national path they show the target
    value and the title says so. Labels give the value, comparator and target year.
    """
    standing = measures.peer_standing(dataset)
    rows = standing[standing["indicator_id"] == indicator_id].sort_values(
        ["rank", "jurisdiction_id"], ascending=[False, True]
    )
    total = len(rows)
    if total > MAX_BARS:
        rows = pd.concat([rows.head(MAX_BARS // 2), rows.tail(MAX_BARS // 2)])
    ind_name = labels.display_name(dataset, "indicator", indicator_id, lang)
    unit = dataset.indicators.set_index("indicator_id").loc[indicator_id, "unit"]
    by_headroom = len(rows) and (rows["basis"] == "headroom").all()
    colours = jurisdiction_colours(dataset)
    fig = new_figure(9, 1.8 + 0.55 * max(len(rows), 1) + 0.8)
    ax = fig.add_axes((0.2, 0.2, 0.62, 0.62))
    ys = np.arange(len(rows))
    scores = rows["score"].astype(float).to_numpy() if by_headroom else rows["value"].astype(float).to_numpy()
    ax.barh(ys, scores, color=[colours.get(j, "#777777") for j in rows["jurisdiction_id"]], height=0.6)
    ax.set_yticks(ys, [labels.display_name(dataset, "jurisdiction", j, lang) for j in rows["jurisdiction_id"]])
    for y, score, r in zip(ys, scores, rows.itertuples(), strict=True):
        text = f"{labels.target_text(r, lang)} ({r.target_year})"
        if by_headroom:
            text = f"{score:+.2f} · " + text
        # labels start right of the bar or of zero, never over the jurisdiction names
        ax.annotate(
            text, (max(score, 0), y), xytext=(4, 0), textcoords="offset points", ha="left", va="center", fontsize=9
        )
    lo, hi = (min(0, scores.min()), max(0, scores.max())) if len(scores) else (0, 1)
    span = (hi - lo) or max(abs(hi), 1)
    ax.set_xlim(lo - 0.05 * span, hi + 0.7 * span)
    ax.axvline(0, color=NATION_COLOUR, lw=1)
    u = labels.unit_label(unit, lang)
    ax.set_xlabel(
        labels.text("headroom_axis", lang, unit=u) if by_headroom else labels.text("value_axis", lang, unit=u)
    )
    title = "ranking_title" if by_headroom else "ranking_title_value"
    fig.suptitle(labels.text(title, lang, indicator=ind_name), x=0.02, ha="left", fontsize=13)
    if total > len(rows):
        ax.axhline(MAX_BARS // 2 - 0.5, color="#999999", lw=0.8, ls=":")
        fig.text(0.2, 0.86, labels.text("capped_bars", lang, n=total, k=MAX_BARS // 2), fontsize=9, color="#444444")
    source_line(fig, lang)
    fig.alt_text = f"{ind_name}: " + "; ".join(
        f"{labels.display_name(dataset, 'jurisdiction', r.jurisdiction_id, lang)} {r.score:+.2f}"
        if by_headroom
        else f"{labels.display_name(dataset, 'jurisdiction', r.jurisdiction_id, lang)} {r.value:g}"
        for r in rows.iloc[::-1].itertuples()
    )
    return fig
