"""The spread of one indicator's targets, grouped by target year and level, beside the national
record, readable at 50 jurisdictions: every target is labelled and no two labels overlap."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.font_manager import FontProperties
from matplotlib.lines import Line2D
from matplotlib.ticker import MaxNLocator

from ... import measures
from ...data import Dataset
from .. import labels
from ..style import MARKERS, NATION_COLOUR, ReportFigure, jurisdiction_colours, new_figure, tier_style
from .elements import (
    comparator_legend,
    describe_targets,
    draw_breaks,
    indicator_rows,
    national_series,
    record_inferred_handle,
    source_line,
    tier_legend,
)

LABEL_SIZE = 8.0  # points
LANES = (("province", ("province",)), ("city", ("city", "district")))
TARGET_LABEL = "target-label"  # gid of every target's label (a test measures their overlaps)


def _lanes(local: pd.DataFrame) -> list[tuple[object, str, pd.DataFrame]]:
    """(target year, lane, rows) for every non-empty group: years in order (no year last),
    provinces before cities and districts; within a lane, by value."""
    years = sorted(local["target_year"].dropna().unique()) + ([pd.NA] if local["target_year"].isna().any() else [])
    out = []
    for year in years:
        in_year = local[local["target_year"].isna()] if pd.isna(year) else local[local["target_year"] == year]
        for lane, levels in LANES:
            rows = in_year[in_year["level"].isin(levels)].sort_values(["value_std", "jurisdiction_id"])
            if len(rows):
                out.append((year, lane, rows))
    return out


def _label(dataset: Dataset, r, lang: str) -> str:
    return f"{labels.display_name(dataset, 'jurisdiction', r.jurisdiction_id, lang)} {labels.target_text(r, lang)}"


def _text_width_inches(fig, texts: list[str], size: float = LABEL_SIZE) -> float:
    renderer = fig.canvas.get_renderer()
    prop = FontProperties(size=size)
    widths = [renderer.get_text_width_height_descent(t, prop, ismath=False)[0] for t in texts] or [0.0]
    return max(widths) / fig.dpi


def _draw_record(ax, dataset: Dataset, indicator_id: str, lang: str) -> list:
    """The national published series and the national path up to the national target, one line
    per method vintage: no line runs across a change of method, which is marked."""
    handles = []
    series = national_series(dataset, indicator_id)
    for _, piece in series.groupby(series["vintage"].fillna(""), sort=False):
        ax.plot(piece["year"], piece["value"], "-o", color=NATION_COLOUR, ms=3.5, lw=1.2, zorder=3)
        inferred = piece[piece["year_basis"] == "inferred"]
        ax.scatter(inferred["year"], inferred["value"], s=40, facecolors="white", edgecolors=NATION_COLOUR, zorder=4)
    if len(series):
        handles.append(
            Line2D([], [], marker="o", color=NATION_COLOUR, ms=4, label=labels.text("national_observed", lang))
        )
    if (series["year_basis"] == "inferred").any():
        handles.append(record_inferred_handle(lang))
    pieces = [p for p in measures.national_path_pieces(dataset, indicator_id) if len(p.years) >= 2]
    for path in pieces:
        ax.plot(path.years, path.values, "--", color="#888888", lw=1, zorder=2)
    if pieces:
        handles.append(Line2D([], [], linestyle="--", color="#888888", label=labels.text("national_path", lang)))
    handles += draw_breaks(ax, dataset, indicator_id, lang)
    nat = measures.national_targets(dataset)
    if indicator_id in nat.index:
        r = nat.loc[indicator_id]
        ax.plot([r["target_year"]], [r["value_std"]], marker="*", ms=14, color=NATION_COLOUR, linestyle="", zorder=5)
        text = f"{labels.text('national_target', lang)} {labels.target_text(r, lang)} ({r['target_year']})"
        handles.append(Line2D([], [], marker="*", ms=11, color=NATION_COLOUR, linestyle="", label=text))
    return handles


def indicator_spread(
    dataset: Dataset, indicator_id: str, lang: str = "zh", jurisdictions: list[str] | None = None
) -> ReportFigure:
    """Every local target of one indicator, grouped by target year and level, beside the national
    record, on one value axis.

    Left: the national published series, the national path (dashed) and target (star). Right:
    one group per target year, provinces in one lane and cities and districts in the next; each
    target a point at its value (filled: quoted; hollow: cited; shape: kind of commitment; colour:
    its province), labelled with its jurisdiction and target, labels moved apart so none overlaps
    another; the national path's value in that year is a dashed line across the group. The
    subtitle says how many targets and jurisdictions are shown; relative targets are counted,
    not drawn.
    """
    rows = indicator_rows(dataset, indicator_id, jurisdictions)
    local = rows[(rows["level"] != "nation") & ~rows["is_relative"] & rows["value_std"].notna()]
    relative = rows[rows["is_relative"]]
    colours = jurisdiction_colours(dataset)
    ind_name = labels.display_name(dataset, "indicator", indicator_id, lang)
    unit = dataset.indicators.set_index("indicator_id").loc[indicator_id, "unit"]
    lanes = _lanes(local)
    most = max((len(r) for _, _, r in lanes), default=1)
    fig = new_figure(10, 6)
    label_width = _text_width_inches(fig, [_label(dataset, r, lang) for r in local.itertuples()])
    lane_width = label_width + 0.45  # the point, its connector, the label
    record_width, margin_left, margin_right = 2.6, 0.9, 0.3
    width = max(9.0, margin_left + record_width + 0.4 + lane_width * max(len(lanes), 1) + margin_right)
    label_height = LABEL_SIZE * 1.45 / 72  # inches per label line
    axes_height = max(3.6, most * label_height * 1.15)
    height = axes_height + 2.4
    fig.set_size_inches(width, height)
    bottom, top = 1.3 / height, 1 - 1.1 / height
    rec = fig.add_axes((margin_left / width, bottom, record_width / width, top - bottom))
    ax = fig.add_axes(
        ((margin_left + record_width + 0.4) / width, bottom, (lane_width * max(len(lanes), 1)) / width, top - bottom),
        sharey=rec,
    )
    handles = _draw_record(rec, dataset, indicator_id, lang)
    rec.set_xlabel(labels.text("year", lang))
    rec.xaxis.set_major_locator(_year_locator(fig, rec, record_width))
    rec.set_ylabel(f"{ind_name} ({labels.unit_label(unit, lang)})")
    rec.set_title(labels.text("national_record", lang), fontsize=9, loc="left")

    values = list(local["value_std"].astype(float)) + list(
        national_series(dataset, indicator_id)["value"].astype(float)
    )
    nat = measures.national_targets(dataset)
    if indicator_id in nat.index:
        values.append(float(nat.loc[indicator_id, "value_std"]))
    low, high = (min(values), max(values)) if values else (0.0, 1.0)
    span = (high - low) or max(abs(high) * 0.05, 1.0)
    gap = span * 1.1 * label_height / axes_height  # one label's height in data units
    placed_low, placed_high = low, high
    description = []
    for x, (year, _, lane_rows) in enumerate(lanes):
        ys = lane_rows["value_std"].astype(float).to_numpy()
        label_ys = np.asarray(_spread_within(list(ys), gap))
        placed_low, placed_high = min(placed_low, label_ys.min()), max(placed_high, label_ys.max())
        for r, y, label_y in zip(lane_rows.itertuples(), ys, label_ys, strict=True):
            colour = colours.get(r.jurisdiction_id, "#777777")
            ax.scatter([x], [y], marker=MARKERS[r.comparator], s=46, zorder=5, **tier_style(r.tier, colour))
            if r.comparator == "range" and pd.notna(r.value_high_std):
                ax.vlines(x, y, float(r.value_high_std), colors=colour, lw=2.5, zorder=4)
            text = ax.annotate(
                _label(dataset, r, lang),
                (x, y),
                xytext=(x + 0.12, label_y),
                fontsize=LABEL_SIZE,
                va="center",
                ha="left",
                color=colour,
                arrowprops=dict(arrowstyle="-", color=colour, lw=0.5, shrinkA=0, shrinkB=3),
                zorder=6,
            )
            text.set_gid(TARGET_LABEL)
            description.append(labels.jurisdiction_target(dataset, r, lang))
        vintage = measures.vintage_at(dataset, indicator_id, year) if pd.notna(year) else None
        path = measures.national_path(dataset, indicator_id, None if vintage is None else vintage.vintage)
        if path is not None and len(path.years) >= 2 and pd.notna(year):
            at = path.value_at(float(str(year)))
            ax.hlines(at, x - 0.35, x + 0.9, colors="#888888", linestyles="--", lw=1, zorder=2)
    ax.set_xlim(-0.5, max(len(lanes), 1) - 0.05)
    ax.set_xticks(
        range(len(lanes)),
        [_lane_tick(year, lane, lang) for year, lane, _ in lanes],
        fontsize=8,
    )
    ax.tick_params(axis="y", labelleft=False)
    ax.grid(axis="x", visible=False)
    group = [str(year) for year, _, _ in lanes]  # years, and <NA> for targets without one
    for k in range(1, len(lanes)):
        if group[k] != group[k - 1]:
            ax.axvline(k - 0.5, color="#cccccc", lw=0.8)
    rec.set_ylim(placed_low - span * 0.08, placed_high + span * 0.08)
    fig.suptitle(
        labels.text("spread_title", lang, indicator=ind_name),
        x=margin_left / width,
        ha="left",
        fontsize=13,
        y=1 - 0.25 / height,
    )
    n_jurisdictions = local["jurisdiction_id"].nunique()
    subtitle = labels.text("spread_count", lang, targets=len(local), jurisdictions=n_jurisdictions)
    if len(relative):
        subtitle += "; " + labels.text("relative_skipped", lang, n=len(relative))
    fig.text(
        margin_left / width,
        1 - 0.55 / height,
        subtitle + " · " + labels.text("spread_subtitle", lang),
        fontsize=8.5,
        color="#444444",
    )
    used = list(local["comparator"].astype(str).unique())
    legend = handles + tier_legend(lang, sorted(set(local["tier"]))) + comparator_legend(lang, used)
    fig.legend(
        handles=legend,
        loc="lower left",
        bbox_to_anchor=(margin_left / width, 0.02 + 0.25 / height),
        ncol=4,
        fontsize=7.5,
        frameon=False,
    )
    source_line(fig, lang)
    fig.alt_text = describe_targets(
        dataset, ind_name, local.sort_values(["target_year", "value_std"]), lang, indicator_id
    )
    return fig


def _year_locator(fig, ax, width_inches: float) -> MaxNLocator:
    """Whole years (never 2017.5) in steps of 1, 2, 5 or 10, no more of them than fit the panel's
    width with half a label between two: the narrow record panel would otherwise run twenty
    years' labels together (2004 2007 2010 ... 2025, touching)."""
    size = ax.xaxis.get_major_ticks()[0].label1.get_fontsize()
    year = _text_width_inches(fig, ["0000"], size)
    return MaxNLocator(nbins=max(2, int(width_inches / (1.5 * year))), integer=True, steps=[1, 2, 5, 10])


def _spread_within(positions: list[float], min_gap: float) -> list[float]:
    """Label positions in the order of the points, at least ``min_gap`` apart, centred on them."""
    placed = list(positions)
    for k in range(1, len(placed)):
        placed[k] = max(placed[k], placed[k - 1] + min_gap)
    shift = (sum(placed) - sum(positions)) / len(placed) if placed else 0.0
    return [p - shift for p in placed]


def _lane_tick(year, lane: str, lang: str) -> str:
    when = labels.text("no_year", lang) if pd.isna(year) else str(int(year))
    return f"{when}\n{labels.text('lane_' + lane, lang)}"
