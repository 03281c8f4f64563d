"""The look of every chart: the bundled CJK font, the seaborn theme, one colour per
jurisdiction and one marker per kind of commitment.

Chinese glyphs come from the Noto Sans CJK font installed by pip (``noto-cjk-sans-otc``),
registered once per process; figures are made without pyplot, so no global state is left.
"""

from __future__ import annotations

from functools import lru_cache

import matplotlib
import seaborn as sns
from matplotlib.figure import Figure

from ..data import Dataset
from .canvas import ReportCanvas

FONT = "Noto Sans CJK SC"
NATION_COLOUR = "#222222"
MARKERS = {">=": "^", "=": "o", "~": "D", "range": "s", "<=": "v"}
# Twenty colours that read as text on white, ordered so that neighbours (provinces next to each
# other in the table, such as Jiangsu and Jiangxi) differ in hue; no greys (grey reads as
# "national" or "no data").
PROVINCE_PALETTE = [
    "#1f77b4", "#d95f02", "#2ca02c", "#7570b3", "#d62728", "#17becf", "#8c564b", "#e7298a", "#bcbd22", "#3f3f8f",
    "#ff7f0e", "#1b9e77", "#9467bd", "#a6761d", "#e377c2", "#66a61e", "#a50f15", "#e6ab02", "#00692c", "#8c6d31",
]  # fmt: skip
LABEL_BOX = dict(boxstyle="round,pad=0.15", facecolor="white", edgecolor="none", alpha=0.85)


class ReportFigure(Figure):
    """A Figure that carries a plain-language description, used as the image's alt text."""

    alt_text: str = ""


@lru_cache(maxsize=1)
def _register_font() -> None:
    from matplotlib import font_manager
    from noto_cjk_sans_otc import FONT_PATH

    font_manager.fontManager.addfont(str(FONT_PATH))


def set_style() -> None:
    """Seaborn styling with the CJK font (set after the theme, which resets fonts)."""
    _register_font()
    sns.set_theme(
        style="whitegrid",
        font=FONT,
        rc={"axes.unicode_minus": False, "svg.hashsalt": "quality-targets", "figure.dpi": 100},
    )


def new_figure(width: float, height: float, **kw) -> ReportFigure:
    """A styled figure, made without pyplot so no global figure state is left behind."""
    set_style()
    fig = ReportFigure(figsize=(width, height), **kw)
    ReportCanvas(fig)
    return fig


def jurisdiction_colours(dataset: Dataset) -> dict[str, str]:
    """One colour per province, shared by its cities and districts (so a city reads beside its
    province); fixed by the order of jurisdictions.csv. The nation is black."""
    j = dataset.jurisdictions
    level = dict(zip(j["jurisdiction_id"], j["level"], strict=True))
    parent = dict(zip(j["jurisdiction_id"], j["parent_id"], strict=True))
    provinces = [i for i, lv in level.items() if lv == "province"]
    palette = PROVINCE_PALETTE if len(provinces) <= len(PROVINCE_PALETTE) else sns.color_palette("husl", len(provinces))
    colours = {p: matplotlib.colors.to_hex(c) for p, c in zip(provinces, palette, strict=False)}
    for jid, lv in level.items():
        if lv == "nation":
            colours[jid] = NATION_COLOUR
        elif jid not in colours:
            colours[jid] = colours.get(_province(level, parent, jid), "#777777")
    return colours


def _province(level: dict[str, str], parent: dict[str, str], jurisdiction_id: str) -> str:
    current = jurisdiction_id
    for _ in range(4):  # a district's parent may be a city
        if level[current] in ("province", "nation"):
            return current
        current = parent[current]
    return current


def tier_style(tier: str, colour: str) -> dict:
    """Marker style by provenance: a quoted target is filled, a cited one hollow (its edge in the
    colour), so the two tiers read apart in every chart."""
    if tier == "cited":
        return {"facecolors": "white", "edgecolors": colour, "linewidths": 1.6}
    return {"facecolors": colour, "edgecolors": "white", "linewidths": 0.8}
