"""Targets against the published record: where each target stands at the pace the published
figures show (the SDG progress-report convention), and one indicator's series with its targets."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.text import Text
from matplotlib.ticker import MaxNLocator
from matplotlib.transforms import Bbox

from ... import measures
from ...data import Dataset
from ...measures.progress import ACCELERATION_RATIO, ON_TRACK_RATIO
from .. import labels
from ..style import MARKERS, ReportFigure, jurisdiction_colours, new_figure, tier_style
from .elements import (
    axes_rect,
    bottom_legend,
    draw_breaks,
    margin_label,
    record_inferred_handle,
    source_line,
    subtitle,
)

STATUS_COLOURS = {
    "met before adoption": "#762a83",
    "achieved": "#1b7837",
    "on track": "#5aae61",
    "needs acceleration": "#f1a340",
    "limited progress": "#e08214",
    "deterioration": "#b2182b",
    "met": "#1b7837",
    "missed": "#b2182b",
}
NO_STATUS = "#bbbbbb"
MAX_ROWS = 40
SERIES_LABEL = "series-label"  # gid of the name at the end of each published series (a test measures overlaps)


def _status_text(status, lang: str, why: object = None) -> str:
    if pd.notna(status):
        return labels.PROGRESS_STATUS[str(status)][lang]
    return labels.note(why, lang) if isinstance(why, str) and why else labels.text("status_none", lang)


def progress_chart(
    dataset: Dataset,
    lang: str = "zh",
    on_track_ratio: float = ON_TRACK_RATIO,
    acceleration_ratio: float = ACCELERATION_RATIO,
) -> ReportFigure:
    """Every target with a published series: the ratio of the growth observed since the plan's
    base year to the growth the target requires from it, one row per target, coloured by its
    status band.

    The thresholds (on track at ``on_track_ratio`` or more; needs acceleration from
    ``acceleration_ratio``; limited progress above 0; deterioration at or below 0) are drawn and
    named. Targets met before adoption, achieved, met or missed have no ratio, nor do targets
    whose ratio cannot be computed (a change of method, no base): their row says so.
    """
    p = measures.progress_against_record(dataset, on_track_ratio, acceleration_ratio)
    order = {s: k for k, s in enumerate(measures.PROGRESS_STATUSES)}
    p = p.assign(_order=p["status"].map(order).astype(float).fillna(len(order))).sort_values(
        ["_order", "ratio"], ascending=[True, False]
    )
    shown = p.head(MAX_ROWS)
    fig = new_figure(10.5, 2.7 + 0.34 * max(len(shown), 1))
    ax = fig.add_axes(axes_rect(fig, left=3.9, bottom=1.45, right=2.0, top=1.05))
    fig.suptitle(labels.text("progress_title", lang), x=0.02, ha="left", fontsize=13)
    notes = [labels.text("progress_subtitle", lang, on_track=on_track_ratio, acceleration=acceleration_ratio)]
    if len(p) > len(shown):
        notes.append(labels.text("capped_bars", lang, n=len(p), k=len(shown)))
    subtitle(fig, "; ".join(notes), 0.5)
    ys = np.arange(len(shown))[::-1]
    ratios = shown["ratio"].astype(float).to_numpy()
    finite = ratios[~np.isnan(ratios)]
    right = max(1.5, float(np.nanmax(finite)) * 1.1) if len(finite) else 1.5
    left = min(-0.3, float(np.nanmin(finite)) * 1.1) if len(finite) else -0.3
    description = []
    for y, ratio, r in zip(ys, ratios, shown.itertuples(), strict=True):
        colour = STATUS_COLOURS.get(str(r.status), NO_STATUS)
        status = _status_text(r.status, lang, r.status_note)
        if not np.isnan(ratio):
            ax.barh(y, min(max(ratio, left), right), color=colour, height=0.6)
            status = f"{status} ({ratio:.2f})"
        margin_label(ax, y, status, color=colour if colour != NO_STATUS else "#666666")
        who = labels.display_name(dataset, "jurisdiction", r.jurisdiction_id, lang)
        what = labels.display_name(dataset, "indicator", r.indicator_id, lang)
        description.append(
            f"{who} {what} {labels.target_text(r, lang)} ({labels.year_text(r.target_year, lang)}): {status}"
        )
    ax.set_yticks(ys, [_row_name(dataset, r, lang) for r in shown.itertuples()], fontsize=8.5)
    for x, style in ((0, "-"), (acceleration_ratio, ":"), (on_track_ratio, "--")):
        ax.axvline(x, color="#444444", lw=0.9, ls=style)
    ax.set_xlim(left, right)
    ax.set_ylim(-0.6, max(len(shown), 1) - 0.4)
    ax.set_xlabel(labels.text("progress_axis", lang))
    legend = [Patch(color=STATUS_COLOURS[s], label=labels.PROGRESS_STATUS[s][lang]) for s in measures.progress.BANDS]
    bottom_legend(fig, legend, ncol=4)
    source_line(fig, lang)
    fig.alt_text = "; ".join(description) or labels.text("status_none", lang)
    return fig


def _label_column(fig, ax, placed: list[tuple[float, float, str, str]]) -> None:
    """Each target's label in a column right of the axes, in the order of the targets' values,
    moved apart so none overlaps another, with a thin line to its marker."""
    if not placed:
        return
    low, high = ax.get_ylim()
    line = (high - low) * (8 * 1.45 / 72) / (ax.get_position().height * fig.get_figheight())
    ys = [y for _, y, _, _ in placed]
    spread = list(ys)
    for k in range(1, len(spread)):
        spread[k] = max(spread[k], spread[k - 1] + line)
    shift = (sum(spread) - sum(ys)) / len(spread)
    for (x, y, text, colour), label_y in zip(placed, spread, strict=True):
        ax.annotate(
            text,
            (x, y),
            xytext=(1.02, label_y - shift),
            textcoords=("axes fraction", "data"),
            va="center",
            fontsize=8,
            color=colour,
            arrowprops=dict(arrowstyle="-", color=colour, lw=0.4, alpha=0.6),
            annotation_clip=False,
        )


def _series_names(fig, ax, ends: list[tuple[float, float, str, str]]) -> None:
    """Each series' name just above its last point; a name that would overlap one already
    placed (two series ending in the same years at close values) is lifted clear of it."""
    renderer = fig.canvas.get_renderer()
    ax.get_xlim(), ax.get_ylim()  # settle the limits the names are placed in

    def box_of(label):
        label.update_positions(renderer)  # an annotation places its text only when drawn
        return Text.get_window_extent(label, renderer)

    boxes: list[Bbox] = []
    for x, y, name, colour in sorted(ends, key=lambda end: end[1]):
        label = ax.annotate(
            name, (x, y), xytext=(-4, 6), textcoords="offset points", fontsize=8, color=colour, ha="right"
        )
        label.set_gid(SERIES_LABEL)
        box = box_of(label)
        for other in sorted(boxes, key=lambda b: b.y0):
            if box.overlaps(other):
                label.xyann = (-4, label.xyann[1] + (other.y1 - box.y0 + 1) * 72 / fig.dpi)
                box = box_of(label)
        boxes.append(box)


def _row_name(dataset: Dataset, r, lang: str) -> str:
    who = labels.display_name(dataset, "jurisdiction", r.jurisdiction_id, lang)
    what = _short(labels.display_name(dataset, "indicator", r.indicator_id, lang), lang)
    return f"{who} · {what} {labels.target_text(r, lang)} ({labels.year_text(r.target_year, lang)})"


def _short(name: str, lang: str) -> str:
    room = 14 if lang == "zh" else 34
    return name if len(name) <= room else name[: room - 1] + "…"


def record_chart(
    dataset: Dataset,
    indicator_id: str,
    lang: str = "zh",
    on_track_ratio: float = ON_TRACK_RATIO,
    acceleration_ratio: float = ACCELERATION_RATIO,
) -> ReportFigure:
    """One indicator's published series (national and each jurisdiction's) with the targets of
    the jurisdictions that have a series: a dashed line runs from each target's base (the plan's
    baseline, or the value published before it) to the target, the pace the target requires.
    Each method vintage is its own line (none runs across a change of method, marked by a dotted
    vertical line). Derived points (a pass rate from a failure rate) are hollow squares, points
    whose year was inferred hollow rings; a target's marker is filled if quoted, hollow if cited;
    its status is written beside it (the thresholds of its band are parameters, as in
    :func:`progress_chart`)."""
    series = measures.published_series(dataset)
    series = series[(series["indicator_id"] == indicator_id) & series["jurisdiction_id"].notna()]
    progress = measures.progress_against_record(dataset, on_track_ratio, acceleration_ratio)
    progress = progress[progress["indicator_id"] == indicator_id]
    colours = jurisdiction_colours(dataset)
    ind_name = labels.display_name(dataset, "indicator", indicator_id, lang)
    unit = dataset.indicators.set_index("indicator_id").loc[indicator_id, "unit"]
    fig = new_figure(10.5, 6.2)
    ax = fig.add_axes(axes_rect(fig, left=0.9, bottom=1.45, right=3.4, top=1.0))
    fig.suptitle(labels.text("record_title", lang, indicator=ind_name), x=0.02, ha="left", fontsize=13)
    subtitle(fig, labels.text("record_subtitle", lang), 0.5)
    description, ends = [], []
    for jurisdiction_id, points in series.groupby("jurisdiction_id", sort=False):
        points = points.sort_values("year")
        colour = colours.get(jurisdiction_id, "#777777")
        name = labels.display_name(dataset, "jurisdiction", jurisdiction_id, lang)
        for _, piece in points.groupby(points["vintage"].fillna(""), sort=False):
            ax.plot(piece["year"], piece["value"], "-", color=colour, lw=1.3, zorder=3)
        published = points[(points["basis"] == "published") & (points["year_basis"] != "inferred")]
        ax.scatter(published["year"], published["value"], s=22, facecolors=colour, edgecolors=colour, zorder=4)
        derived = points[points["basis"] == "derived"]
        ax.scatter(derived["year"], derived["value"], s=24, marker="s", facecolors="white", edgecolors=colour, zorder=4)
        inferred = points[(points["basis"] == "published") & (points["year_basis"] == "inferred")]
        ax.scatter(inferred["year"], inferred["value"], s=30, facecolors="white", edgecolors=colour, zorder=4)
        last = points.iloc[-1]
        ends.append((last["year"], last["value"], name, colour))
        description.append(
            f"{name} " + ", ".join(f"{v:g} ({y})" for y, v in zip(points["year"], points["value"], strict=True))
        )
    placed = []
    for r in progress.sort_values("target_level").itertuples():
        if pd.isna(r.target_year) or pd.isna(r.target_level):
            continue
        colour = colours.get(r.jurisdiction_id, "#777777")
        level = float(r.target_level)
        ax.scatter([r.target_year], [level], marker=MARKERS[r.comparator], s=70, zorder=5, **tier_style(r.tier, colour))
        if pd.notna(r.base_year) and r.base_year < r.target_year:
            xs, ys = [r.base_year, r.target_year], [float(r.base_value), level]
            ax.plot(xs, ys, ls="--", color=colour, lw=1, zorder=2)
        name = labels.display_name(dataset, "jurisdiction", r.jurisdiction_id, lang)
        year = labels.year_text(r.target_year, lang)
        text = f"{name} {labels.target_text(r, lang)} ({year}): {_status_text(r.status, lang, r.status_note)}"
        placed.append((r.target_year, level, text, colour))
        description.append(text)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.margins(x=0.04, y=0.1)
    _label_column(fig, ax, placed)
    _series_names(fig, ax, ends)
    ax.set_xlabel(labels.text("year", lang))
    ax.set_ylabel(labels.unit_label(unit, lang))
    legend = [
        Line2D([], [], marker="o", color="#666666", label=labels.text("record_published", lang)),
        Line2D([], [], marker="s", color="#666666", markerfacecolor="white", label=labels.text("record_derived", lang)),
        record_inferred_handle(lang),
        Line2D([], [], ls="--", color="#666666", label=labels.text("record_required", lang)),
    ] + draw_breaks(ax, dataset, indicator_id, lang)
    bottom_legend(fig, legend, ncol=3)
    source_line(fig, lang)
    fig.alt_text = f"{ind_name}: " + "; ".join(description)
    return fig
