"""Parts several charts share: the source line, legends of commitments, the national series
and path, label placement without overlaps, and the caps that keep a chart readable at scale."""

from __future__ import annotations

from typing import Any

import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from ... import measures
from ...data import Dataset
from ...data.vocabularies import COMPARATORS, codes
from .. import labels
from ..style import MARKERS, ReportFigure

# Caps that keep a chart readable when hundreds of jurisdictions set an indicator.
MAX_LABELS = 12  # labelled points in a spread (the highest and lowest); all are drawn
MAX_BARS = 30  # bars in a ranking (the top and bottom halves)
MAX_COLUMNS = 30  # jurisdictions in the coverage heatmap and the breadth chart
MAX_PANELS = 4  # cities in the vertical view


def axes_rect(fig: Figure, left: float, bottom: float, right: float, top: float) -> tuple[float, float, float, float]:
    """An axes rectangle given by its margins in inches (so titles, legends and the source line
    keep their room whatever the figure's height)."""
    width, height = fig.get_size_inches()
    return (left / width, bottom / height, 1 - (left + right) / width, 1 - (bottom + top) / height)


def subtitle(fig: Figure, text: str, top_inches: float, x: float = 0.02) -> None:
    """A grey explanatory line under the title, wrapped to the figure's width (CJK characters
    count double), ``top_inches`` below the figure's top edge."""
    import textwrap
    import unicodedata

    budget = int(fig.get_figwidth() * (1 - x) * 13)  # characters of 8.5 pt per inch, roughly
    wide = sum(unicodedata.east_asian_width(c) in "WF" for c in text)
    width = max(20, int(budget * len(text) / (len(text) + wide))) if text else budget
    wrapped = "\n".join(textwrap.wrap(text, width=width))
    fig.text(x, 1 - top_inches / fig.get_figheight(), wrapped, fontsize=8.5, color="#444444", va="top")


def bottom_legend(fig: Figure, handles: list, ncol: int) -> None:
    """A legend along the bottom of the figure, above the source line."""
    fig.legend(
        handles=handles,
        loc="lower left",
        bbox_to_anchor=(0.02, 0.3 / fig.get_figheight()),
        ncol=ncol,
        fontsize=8,
        frameon=False,
    )


def source_line(fig: Figure, lang: str) -> None:
    fig.text(0.01, 0.01, labels.text("source", lang), fontsize=7, color="#555555", ha="left", va="bottom", wrap=True)


def empty_chart(fig: ReportFigure, ax, message: str, title: str) -> ReportFigure:
    """A chart with nothing to draw says so in its middle (and in its alt text) instead of
    showing empty axes."""
    ax.axis("off")
    ax.text(0.5, 0.5, message, ha="center", va="center", fontsize=11, transform=ax.transAxes)
    fig.alt_text = f"{title}: {message}"
    return fig


def margin_label(ax, y: float, text: str, fontsize: float = 8.5, **style: Any) -> None:
    """A label in the right margin, level with row ``y`` (rows of a chart with one row per item)."""
    ax.annotate(
        text,
        (1.0, y),
        xycoords=("axes fraction", "data"),
        xytext=(6, 0),
        textcoords="offset points",
        va="center",
        fontsize=fontsize,
        **style,
    )


def comparator_legend(lang: str, used: list[str]) -> list[Line2D]:
    return [
        Line2D([], [], marker=MARKERS[c], linestyle="", color="#666666", label=labels.term(COMPARATORS, c, lang))
        for c in codes(COMPARATORS)
        if c in used
    ]


def tier_legend(lang: str, tiers: list[str]) -> list[Line2D]:
    """Legend entries saying how a quoted and a cited target look (filled, hollow)."""
    styles: dict[str, dict[str, Any]] = {
        "quoted": dict(markerfacecolor="#666666", markeredgecolor="white"),
        "cited": dict(markerfacecolor="white", markeredgecolor="#666666", markeredgewidth=1.6),
    }
    return [
        Line2D([], [], marker="o", linestyle="", ms=7, label=labels.text(f"tier_{t}", lang), **styles[t])
        for t in ("quoted", "cited")
        if t in tiers
    ]


def indicator_rows(dataset: Dataset, indicator_id: str, jurisdictions: list[str] | None) -> pd.DataFrame:
    t_ = dataset.targets_long
    rows = t_[t_["indicator_id"] == indicator_id]
    if jurisdictions is not None:
        rows = rows[rows["jurisdiction_id"].isin(jurisdictions) | (rows["level"] == "nation")]
    return rows


def national_series(dataset: Dataset, indicator_id: str) -> pd.DataFrame:
    obs = dataset.observations
    nation = dataset.jurisdictions.loc[dataset.jurisdictions["level"] == "nation", "jurisdiction_id"]
    return obs[(obs["indicator_id"] == indicator_id) & obs["jurisdiction_id"].isin(nation)].sort_values("year")


def describe_targets(dataset: Dataset, ind_name: str, rows: pd.DataFrame, lang: str, indicator_id: str) -> str:
    parts = [labels.jurisdiction_target(dataset, r, lang) for r in rows.itertuples()]
    nat = measures.national_targets(dataset)
    if indicator_id in nat.index:
        r = nat.loc[indicator_id]
        parts.append(f"{labels.text('national_target', lang)} {labels.target_text(r, lang)} ({r['target_year']})")
    sep = ";" if lang == "zh" else "; "
    return f"{ind_name}: " + sep.join(parts)


def wrapped(text: str, lang: str, width: int = 44) -> str:
    """Text broken into lines of about ``width`` characters (half as many for Chinese, whose
    characters are twice as wide), at spaces in English."""
    import textwrap

    if lang == "zh":
        step = width // 2
        return "\n".join(text[k : k + step] for k in range(0, len(text), step))
    return "\n".join(textwrap.wrap(text, width))


def draw_breaks(ax, dataset: Dataset, indicator_id: str, lang: str) -> list:
    """A dotted vertical line at each year the indicator's method changed (the first year of each
    vintage after the first), labelled; returns the legend handle ([] without a break)."""
    vintages = dataset.vintages
    complements = dataset.indicators.loc[dataset.indicators["complement_of"] == indicator_id, "indicator_id"]
    own = vintages[vintages["indicator_id"].isin([indicator_id, *complements])].sort_values("first_year")
    breaks = [int(y) for y in own["first_year"].iloc[1:]]
    for year in breaks:
        ax.axvline(year - 0.5, color="#b2182b", lw=0.9, ls=":", zorder=1)
    if not breaks:
        return []
    return [Line2D([], [], color="#b2182b", lw=0.9, ls=":", label=labels.text("method_break", lang))]


def record_inferred_handle(lang: str) -> Line2D:
    """The legend entry of a published value whose year was inferred (a hollow ring)."""
    return Line2D(
        [],
        [],
        marker="o",
        linestyle="",
        color="#666666",
        markerfacecolor="white",
        ms=6,
        label=labels.text("year_inferred", lang),
    )
