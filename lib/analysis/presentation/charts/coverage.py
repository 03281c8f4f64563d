"""Who sets a target for which indicator: the coverage heatmap."""

from __future__ import annotations

import matplotlib
import numpy as np
import pandas as pd
from matplotlib.patches import Patch

from ... import measures
from ...data import Dataset
from ...data.vocabularies import CATEGORIES, codes
from .. import labels
from ..style import ReportFigure, new_figure
from .elements import MAX_COLUMNS, empty_chart, source_line

COVERAGE_COLOURS = {"target": "#4c9f70", "no target": "#c8c8c8", "not known": "#ffffff"}


def coverage_heatmap(
    dataset: Dataset, lang: str = "zh", indicators: list[str] | None = None, jurisdictions: list[str] | None = None
) -> ReportFigure:
    """Jurisdiction-by-indicator coverage: who sets a target, who does not, who was not read.

    Rows are indicators grouped by category (default: the indicators two or more
    jurisdictions set); columns are jurisdictions. A cell holds the target value and year.
    "Read in full, no target" and "not known" (only an excerpt, or no plan) are distinct
    colours: the absence of a target is only evidence where a plan was read in full.
    """
    chosen = indicators if indicators is not None else measures.shared_indicators(dataset)
    cov = measures.coverage(dataset, chosen)
    jids = jurisdictions or coverage_columns(dataset)
    all_columns = len(jids)
    if len(jids) > MAX_COLUMNS:
        set_count = cov[cov["status"] == "target"].groupby("jurisdiction_id").size()
        keep = set(sorted(jids, key=lambda j: -set_count.get(j, 0))[:MAX_COLUMNS])
        jids = [j for j in jids if j in keep]
    cov = cov[cov["jurisdiction_id"].isin(jids)]
    cat_order = codes(CATEGORIES)
    cat_of = dataset.indicators.set_index("indicator_id")["category"]
    rows = sorted(chosen, key=lambda i: (cat_order.index(cat_of[i]), chosen.index(i)))
    state_codes = {s: k for k, s in enumerate(measures.COVERAGE_STATES)}
    grid = np.full((len(rows), len(jids)), np.nan)
    fig = new_figure(max(7, 1.3 * len(jids) + 4.5), 1.4 + 0.42 * max(len(rows), 2) + 1.2)
    ax = fig.add_axes((0.36, 0.14, 0.62, 0.72))
    if not rows:
        fig.suptitle(labels.text("coverage_title", lang), x=0.02, ha="left", fontsize=13)
        source_line(fig, lang)
        return empty_chart(fig, ax, labels.text("no_coverage", lang), labels.text("coverage_title", lang))
    cmap = matplotlib.colors.ListedColormap([COVERAGE_COLOURS[s] for s in measures.COVERAGE_STATES])
    for r in cov.itertuples():
        i, j = rows.index(r.indicator_id), jids.index(r.jurisdiction_id)
        grid[i, j] = state_codes[r.status]
        if r.status == "target":
            ax.text(
                j,
                i,
                labels.target_text(r, lang) + ("" if pd.isna(r.target_year) else f"\n{int(r.target_year)}"),
                ha="center",
                va="center",
                fontsize=7.5,
                color="white",
            )
    ax.imshow(grid, cmap=cmap, vmin=-0.5, vmax=len(state_codes) - 0.5, aspect="auto")
    ax.set_xticks(
        range(len(jids)), [labels.display_name(dataset, "jurisdiction", j, lang) for j in jids], rotation=0, fontsize=9
    )
    ax.set_yticks(
        range(len(rows)),
        [
            f"{labels.display_name(dataset, 'indicator', i, lang)} · {labels.term(CATEGORIES, cat_of[i], lang)}"
            for i in rows
        ],
        fontsize=8.5,
    )
    ax.set_xticks(np.arange(-0.5, len(jids)), minor=True)
    ax.set_yticks(np.arange(-0.5, len(rows)), minor=True)
    ax.grid(False)
    ax.grid(which="minor", color="#bbbbbb", lw=0.6)
    ax.tick_params(which="minor", length=0)
    ax.xaxis.tick_top()
    fig.suptitle(labels.text("coverage_title", lang), x=0.02, ha="left", fontsize=13)
    subtitle = labels.text("coverage_subtitle", lang) + (
        "; " + labels.text("capped_columns", lang, k=len(jids), n=all_columns) if all_columns > len(jids) else ""
    )
    fig.text(0.02, 0.90, subtitle, fontsize=9, color="#444444")
    fig.legend(
        handles=[
            Patch(facecolor=COVERAGE_COLOURS[s], edgecolor="#999999", label=labels.COVERAGE_STATUS[s][lang])
            for s in measures.COVERAGE_STATES
        ],
        loc="lower left",
        bbox_to_anchor=(0.36, 0.045),
        ncol=3,
        fontsize=8.5,
        frameon=False,
    )
    source_line(fig, lang)
    counts = cov[cov["status"] == "target"].groupby("indicator_id").size()
    fig.alt_text = "; ".join(
        f"{labels.display_name(dataset, 'indicator', i, lang)}: {int(counts.get(i, 0))}" for i in rows
    )
    return fig


def coverage_columns(dataset: Dataset) -> list[str]:
    """Jurisdictions with a plan, plus the provinces of the cities with one (not read)."""
    j = dataset.jurisdictions
    with_plan = set(dataset.documents["jurisdiction_id"])
    parents = set(j.loc[j["jurisdiction_id"].isin(with_plan) & (j["level"] == "city"), "parent_id"])
    return [x for x in j["jurisdiction_id"] if x in with_plan or x in parents]
