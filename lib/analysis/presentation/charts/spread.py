"""The spread of one indicator's targets across jurisdictions and target years."""

from __future__ import annotations

import matplotlib
import numpy as np
from matplotlib.patches import Patch

from ... import measures
from ...data import Dataset
from .. import labels
from ..style import LABEL_BOX, MARKERS, ReportFigure, jurisdiction_colours, new_figure
from .elements import (
    MAX_LABELS,
    comparator_legend,
    describe_targets,
    draw_national,
    indicator_rows,
    national_series,
    source_line,
    spread_positions,
)


def indicator_spread(
    dataset: Dataset, indicator_id: str, lang: str = "zh", jurisdictions: list[str] | None = None
) -> ReportFigure:
    """The spread of one indicator's targets across jurisdictions and target years.

    Each local target is a point at its target year, coloured by jurisdiction and shaped by
    comparator (a range is drawn from its low to its high end), labelled with its value. The
    national observed series, the national target (star) and the national path are drawn in.
    """
    rows = indicator_rows(dataset, indicator_id, jurisdictions)
    local = rows[(rows["level"] != "nation") & ~rows["is_relative"]]
    relative = rows[rows["is_relative"]]
    colours = jurisdiction_colours(dataset)
    ind_name = labels.display_name(dataset, "indicator", indicator_id, lang)
    unit = dataset.indicators.set_index("indicator_id").loc[indicator_id, "unit"]
    fig = new_figure(10, 6)
    ax = fig.add_axes((0.08, 0.16, 0.62, 0.68))
    years = list(local["target_year"].astype(float)) + list(
        national_series(dataset, indicator_id)["year"].astype(float)
    )
    nat = measures.national_targets(dataset)
    if indicator_id in nat.index:
        years.append(float(nat.loc[indicator_id, "target_year"]))
    x_range = (min(years) - 1, max(years) + 1) if years else (2015, 2030)
    handles = draw_national(ax, dataset, indicator_id, lang, x_range)
    # Points: targets sharing a year are nudged apart horizontally so none hides another.
    local = local.sort_values(["target_year", "value_std", "jurisdiction_id"])
    per_year = local.groupby("target_year")["target_id"].transform("count")
    offsets = local.groupby("target_year").cumcount() - (per_year - 1) / 2
    xs = (
        local["target_year"].astype(float) + offsets.astype(float) * (0.8 / per_year.clip(lower=4)).astype(float)
    ).to_numpy()
    order = local["value_std"].astype(float).rank(method="first")
    labelled = (
        (order <= MAX_LABELS // 2) | (order > len(local) - MAX_LABELS // 2) if len(local) > MAX_LABELS else order > 0
    )
    values = [v for v in local["value_std"].astype(float)] + [v for v in local["value_high_std"].dropna().astype(float)]
    nat_vals = list(national_series(dataset, indicator_id)["value"].astype(float))
    all_vals = values + nat_vals + ([float(nat.loc[indicator_id, "value_std"])] if indicator_id in nat.index else [])
    span = (max(all_vals) - min(all_vals)) if all_vals else 1.0
    span = span or max(abs(all_vals[0]) * 0.05, 1.0) if all_vals else 1.0
    label_ys = iter(spread_positions(list(local.loc[labelled, "value_std"].astype(float)), span * 0.06))
    point_colours = [colours.get(j, "#777777") for j in local["jurisdiction_id"]]
    ranges = local["comparator"].eq("range").to_numpy() & local["value_high_std"].notna().to_numpy()
    if ranges.any():
        ax.vlines(
            xs[ranges],
            local.loc[ranges, "value_std"].astype(float),
            local.loc[ranges, "value_high_std"].astype(float),
            colors=np.array(point_colours)[ranges],
            lw=3,
            zorder=4,
        )
    for comparator in local["comparator"].astype(str).unique():  # one scatter per marker shape
        sel = (local["comparator"] == comparator).to_numpy()
        ax.scatter(
            xs[sel],
            local.loc[sel, "value_std"].astype(float),
            marker=MARKERS[comparator],
            s=100 if len(local) <= MAX_LABELS else 36,
            c=np.array(point_colours)[sel],
            edgecolors="white",
            zorder=6,
        )
    seen = list(local["jurisdiction_id"])
    for x, r, is_labelled in zip(xs, local.itertuples(), labelled, strict=True):
        c = colours.get(r.jurisdiction_id, "#777777")
        if not is_labelled:
            continue
        text = labels.jurisdiction_target(dataset, r, lang)
        ax.annotate(
            text,
            (x, r.value_std),
            xytext=(x + 0.4, next(label_ys)),
            fontsize=8.5,
            va="center",
            color=c,
            bbox=LABEL_BOX,
            arrowprops=dict(arrowstyle="-", color=c, lw=0.5),
            zorder=7,
        )
    ax.set_xlim(x_range[0], x_range[1] + 2.5)
    if all_vals:
        ax.set_ylim(min(all_vals) - span * 0.12, max(all_vals) + span * 0.12)
    ax.xaxis.set_major_locator(matplotlib.ticker.MaxNLocator(integer=True))
    ax.set_xlabel(labels.text("year", lang) + " (" + labels.text("target_year", lang) + ")")
    ax.set_ylabel(f"{ind_name} ({labels.unit_label(unit, lang)})")
    fig.suptitle(labels.text("spread_title", lang, indicator=ind_name), x=0.08, ha="left", fontsize=14, y=0.97)
    fig.text(0.08, 0.895, labels.text("spread_subtitle", lang), fontsize=9, color="#444444")
    if len(relative):
        fig.text(0.08, 0.065, labels.text("relative_skipped", lang, n=len(relative)), fontsize=8, color="#aa3333")
    if len(local) > MAX_LABELS:
        fig.text(0.08, 0.045, labels.text("capped", lang, n=len(local), k=MAX_LABELS // 2), fontsize=8, color="#444444")
    jur_handles = (
        [
            Patch(color=colours[j], label=labels.display_name(dataset, "jurisdiction", j, lang))
            for j in dict.fromkeys(seen)
        ]
        if len(set(seen)) <= MAX_LABELS
        else []
    )
    legend_handles = jur_handles + comparator_legend(lang, list(local["comparator"].astype(str).unique())) + handles
    fig.legend(handles=legend_handles, loc="upper left", bbox_to_anchor=(0.72, 0.84), fontsize=8.5, frameon=False)
    source_line(fig, lang)
    fig.alt_text = describe_targets(dataset, ind_name, local, lang, indicator_id)
    return fig
