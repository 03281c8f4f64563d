"""The look of every chart: the bundled CJK font, the seaborn theme, one colour per
jurisdiction and one marker per kind of commitment.

Chinese glyphs come from the Noto Sans CJK font installed by pip (``noto-cjk-sans-otc``),
registered once per process; figures are made without pyplot, so no global state is left.
"""

from __future__ import annotations

from functools import lru_cache

import matplotlib
import seaborn as sns
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from ..data import Dataset

FONT = "Noto Sans CJK SC"
NATION_COLOUR = "#222222"
MARKERS = {">=": "^", "=": "o", "~": "D", "range": "s", "<=": "v"}
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
    FigureCanvasAgg(fig)
    return fig


def jurisdiction_colours(dataset: Dataset) -> dict[str, str]:
    """One colour per jurisdiction, fixed by the order of jurisdictions.csv (nation: black)."""
    ids = [
        j
        for j, lv in zip(dataset.jurisdictions["jurisdiction_id"], dataset.jurisdictions["level"], strict=True)
        if lv != "nation"
    ]
    # tab10 without its grey, which would read as "national" or "no data".
    tab = [c for k, c in enumerate(sns.color_palette("tab10")) if k != 7]
    palette = tab[: len(ids)] if len(ids) <= len(tab) else sns.color_palette("husl", len(ids))
    colours = {j: matplotlib.colors.to_hex(c) for j, c in zip(ids, palette, strict=True)}
    for j, lv in zip(dataset.jurisdictions["jurisdiction_id"], dataset.jurisdictions["level"], strict=True):
        if lv == "nation":
            colours[j] = NATION_COLOUR
    return colours
