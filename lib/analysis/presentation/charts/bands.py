"""Ambition in bands and escalation down the hierarchy: where each target stands against the
national path (or its peer group's median), and whether cities echo, raise or lower their
province's targets."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pandas as pd
from matplotlib.patches import Patch

from ... import measures
from ...data import Dataset
from ...measures.bands import AMBITION_BANDS, BandEdges, ambition_bands
from ...measures.findings import years_ahead
from ...measures.hierarchy import RELATIONS
from .. import labels
from ..style import ReportFigure, jurisdiction_colours, new_figure, tier_style
from .elements import MAX_BARS, axes_rect, bottom_legend, empty_chart, margin_label, source_line, subtitle

BAND_COLOURS = {"well above": "#1b7837", "above": "#7fbf7b", "at": "#999999", "below": "#c2a5cf"}
RELATION_COLOURS = {"raised": "#1b7837", "echo": "#999999", "lowered": "#762a83"}


def _band_legend(lang: str) -> list[Patch]:
    return [Patch(color=BAND_COLOURS[b], label=labels.note(b, lang)) for b in AMBITION_BANDS]


def band_chart(dataset: Dataset, indicator_id: str, lang: str = "zh", edges: BandEdges | None = None) -> ReportFigure:
    """Every banded target of one indicator: its headroom over the national path (or its distance
    from its peer group's median, for counts), coloured by band, the band edges drawn and named.

    One row per target, most ambitious at the top; the "at" zone (the published tolerance) is the
    grey strip around zero, and each row's "well above" edge (two years of the path's change at
    its target year) a tick. The subtitle gives the edges' values."""
    edges = edges or BandEdges()
    b = ambition_bands(dataset, edges)
    t = dataset.targets_long.set_index("target_id")
    b = b[b["target_id"].map(t["indicator_id"]) == indicator_id]
    banded = b[b["band"].notna()].sort_values("value_banded")
    ind_name = labels.display_name(dataset, "indicator", indicator_id, lang)
    title = labels.text("band_title", lang, indicator=ind_name)
    total = len(banded)
    if total > MAX_BARS:
        banded = pd.concat([banded.head(MAX_BARS // 2), banded.tail(MAX_BARS // 2)])
    fig = new_figure(10, 2.8 + 0.32 * max(len(banded), 1))
    ax = fig.add_axes(axes_rect(fig, left=2.4, bottom=1.45, right=2.2, top=1.15))
    fig.suptitle(title, x=0.02, ha="left", fontsize=13)
    if banded.empty:
        reasons = b["band_note"].value_counts()
        why = labels.note(reasons.index[0], lang) if len(reasons) else labels.text("no_band", lang)
        return empty_chart(fig, ax, labels.text("no_band", lang) + f" ({why})", title)
    colours = jurisdiction_colours(dataset)
    basis = banded["basis"].iloc[-1]
    unit = dataset.indicators.set_index("indicator_id").loc[indicator_id, "unit"]
    ys = np.arange(len(banded))
    description = []
    for y, r in zip(ys, banded.itertuples(), strict=True):
        target = t.loc[r.target_id]
        colour = colours.get(target["jurisdiction_id"], "#777777")
        ax.barh(y, r.value_banded, color=BAND_COLOURS[str(r.band)], height=0.6, zorder=3)
        ax.scatter([r.value_banded], [y], s=30, zorder=4, **tier_style(target["tier"], colour))
        if r.basis == measures.bands.PATH and r.path_slope > 0:
            edge = edges.well_above_years * r.path_slope
            ax.plot([edge, edge], [y - 0.35, y + 0.35], color="#1b7837", lw=1.2, zorder=5)
        band = labels.note(str(r.band), lang)
        margin_label(ax, float(y), band, color="#333333")
        description.append(f"{labels.jurisdiction_target(dataset, SimpleNamespace(**target.to_dict()), lang)}: {band}")
    ax.set_yticks(ys, [_row_label(dataset, t.loc[i], lang) for i in banded["target_id"]], fontsize=8.5)
    ax.set_ylim(-0.6, len(banded) - 0.4)
    tolerance = float(banded["tolerance"].max()) if basis == measures.bands.PATH else edges.count_at_pct
    ax.axvspan(-tolerance, tolerance, color="#dddddd", zorder=1)
    ax.axvline(0, color="#444444", lw=0.8, zorder=2)
    if basis == measures.bands.PATH:
        ax.set_xlabel(labels.text("headroom_axis", lang, unit=labels.unit_label(unit, lang)))
        notes = [labels.text("band_edges_path", lang, tolerance=f"{tolerance:g}", years=f"{edges.well_above_years:g}")]
    else:
        ax.set_xlabel(labels.text("vs_median", lang))
        notes = [
            labels.text(
                "band_edges_median",
                lang,
                at=f"{edges.count_at_pct:g}",
                well=f"{edges.count_well_above_pct:g}",
                n=edges.min_count_peers,
            )
        ]
    if total > len(banded):
        notes.append(labels.text("capped_bars", lang, n=total, k=MAX_BARS // 2))
    subtitle(fig, "; ".join(notes), 0.55)
    bottom_legend(fig, _band_legend(lang), ncol=4)
    source_line(fig, lang)
    fig.alt_text = f"{ind_name}: " + "; ".join(description[::-1])
    return fig


def _row_label(dataset: Dataset, target: pd.Series, lang: str) -> str:
    """A row's name: who, the target as written, its year (江苏省 ≥88 (2025))."""
    name = labels.display_name(dataset, "jurisdiction", target["jurisdiction_id"], lang)
    written = labels.target_text(SimpleNamespace(**target.to_dict()), lang)
    return f"{name} {written} ({labels.year_text(target['target_year'], lang)})"


def years_ahead_chart(dataset: Dataset, lang: str = "zh", top: int = 15) -> ReportFigure:
    """The rate and index targets furthest ahead of the national path, in years of the path's own
    yearly change (unit-free, so different indicators compare), coloured by band."""
    y = years_ahead(dataset).head(top).iloc[::-1]
    title = labels.text("years_ahead_title", lang)
    fig = new_figure(10.5, 2.6 + 0.34 * max(len(y), 1))
    ax = fig.add_axes(axes_rect(fig, left=4.2, bottom=1.45, right=0.8, top=1.05))
    fig.suptitle(title, x=0.02, ha="left", fontsize=13)
    if y.empty:
        return empty_chart(fig, ax, labels.text("no_band", lang), title)
    t = dataset.targets_long.set_index("target_id")
    ys = np.arange(len(y))
    ax.barh(ys, y["years_ahead"], color=[BAND_COLOURS[str(b)] for b in y["band"]], height=0.6)
    names = []
    description = []
    for r in y.itertuples():
        target = t.loc[r.target_id]
        what = labels.display_name(dataset, "indicator", r.indicator_id, lang)
        name = f"{_row_label(dataset, target, lang)} · {what}"
        names.append(name if len(name) < 60 else name[:58] + "…")
        description.append(f"{name}: {r.years_ahead:.1f}")
    ax.set_yticks(ys, names, fontsize=8)
    ax.set_xlabel(labels.text("years_ahead_axis", lang))
    subtitle(fig, labels.text("years_ahead_subtitle", lang), 0.55)
    bottom_legend(fig, _band_legend(lang), ncol=4)
    source_line(fig, lang)
    fig.alt_text = f"{title}: " + "; ".join(description[::-1])
    return fig


def escalation_chart(
    dataset: Dataset, lang: str = "zh", province_id: str | None = None, indicator_id: str | None = None
) -> ReportFigure:
    """How cities' targets relate to their province's (raised, echo, lowered), one bar per
    province, or, for one province, per indicator (of one indicator only, if given); counts of
    aligned pairs, with the pairs that could not be aligned named in the subtitle."""
    h = measures.hierarchy(dataset)
    cities = h[h["upper_level"] == "province"]
    if indicator_id is not None:
        cities = cities[cities["indicator_id"] == indicator_id]
    if province_id is not None:
        cities = cities[cities["province_id"] == province_id]
        key = "indicator_id"
        title = labels.text(
            "escalation_province_title", lang, province=labels.display_name(dataset, "jurisdiction", province_id, lang)
        )
    else:
        key = "province_id"
        title = labels.text("escalation_title", lang)
    aligned = cities[cities["relation"].notna()]
    counts = aligned.groupby([key, "relation"]).size().unstack("relation").reindex(columns=list(RELATIONS)).fillna(0)
    counts = counts.assign(pairs=counts.sum(axis=1)).sort_values(["pairs", "raised"], ascending=True)
    fig = new_figure(10, 2.6 + 0.36 * max(len(counts), 1))
    ax = fig.add_axes(axes_rect(fig, left=3.2, bottom=1.45, right=1.6, top=1.15))
    fig.suptitle(title, x=0.02, ha="left", fontsize=13)
    if counts.empty:
        return empty_chart(fig, ax, labels.text("no_escalation", lang), title)
    kind = "jurisdiction" if key == "province_id" else "indicator"
    ys = np.arange(len(counts))
    left = np.zeros(len(counts))
    for relation_ in RELATIONS:
        values = counts[relation_].to_numpy(dtype=float)
        ax.barh(
            ys, values, left=left, color=RELATION_COLOURS[relation_], height=0.6, label=labels.note(relation_, lang)
        )
        left += values
    description = []
    for y, (k, r) in zip(ys, counts.iterrows(), strict=True):
        text = " / ".join(f"{int(r[x])}" for x in RELATIONS)
        margin_label(ax, float(y), text, color="#333333")
        name = labels.display_name(dataset, kind, str(k), lang)
        description.append(f"{name}: " + ", ".join(f"{labels.note(x, lang)} {int(r[x])}" for x in RELATIONS))
    ax.set_yticks(
        ys, [_short(labels.display_name(dataset, kind, str(k), lang), lang) for k in counts.index], fontsize=8.5
    )
    ax.set_xlabel(labels.text("escalation_axis", lang))
    not_aligned = int(cities["relation"].isna().sum())
    subtitle(fig, labels.text("escalation_subtitle", lang, not_aligned=not_aligned), 0.55)
    bottom_legend(fig, [Patch(color=RELATION_COLOURS[x], label=labels.note(x, lang)) for x in RELATIONS], ncol=3)
    source_line(fig, lang)
    fig.alt_text = f"{title}: " + "; ".join(description[::-1])
    return fig


def _short(name: str, lang: str) -> str:
    room = 16 if lang == "zh" else 40
    return name if len(name) <= room else name[: room - 1] + "…"


def most_set_chart(dataset: Dataset, lang: str = "zh", top: int = 12) -> ReportFigure:
    """The indicators the most plans set a target for (plans counted once per family)."""
    t = dataset.targets_long
    below = t[t["level"] != "nation"]
    n = below.groupby("indicator_id", observed=True)["family"].nunique().sort_values(ascending=False).head(top)
    n = n.iloc[::-1]
    title = labels.text("most_set_title", lang)
    fig = new_figure(10, 2.4 + 0.34 * max(len(n), 1))
    ax = fig.add_axes(axes_rect(fig, left=4.0, bottom=1.0, right=0.8, top=1.0))
    fig.suptitle(title, x=0.02, ha="left", fontsize=13)
    ys = np.arange(len(n))
    ax.barh(ys, n.to_numpy(), color="#4a7ab5", height=0.6)
    names = [_short(labels.display_name(dataset, "indicator", str(i), lang), lang) for i in n.index]
    ax.set_yticks(ys, names, fontsize=8.5)
    for y, v in zip(ys, n.to_numpy(), strict=True):
        margin_label(ax, float(y), str(int(v)), color="#333333")
    ax.set_xlabel(labels.text("most_set_axis", lang))
    subtitle(fig, labels.text("most_set_subtitle", lang, plans=int(below["family"].nunique())), 0.55)
    source_line(fig, lang)
    fig.alt_text = f"{title}: " + "; ".join(
        f"{name} {int(v)}" for name, v in zip(names[::-1], n.to_numpy()[::-1], strict=True)
    )
    return fig
