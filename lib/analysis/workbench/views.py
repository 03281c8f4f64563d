"""The explorer's views of one selection, in the order a notebook shows them: a summary line,
the charts (the spread of targets, city against province and nation, the ranking) and the
tables (every measure, the targets with their quotes)."""

from __future__ import annotations

import logging
from typing import Any

from IPython.display import Markdown

from ..data import Dataset
from ..data.vocabularies import TIERS
from ..measures.selection import NATION
from ..presentation import charts, labels, tables
from ..presentation.display import InlineFigure, InlineTable
from .selection import Selection, select

CHARTS = ("spread", "vertical", "ranking", "bands", "escalation")
TABLES = ("measures", "targets")
VIEWS = ("summary", *CHARTS, *TABLES)

logger = logging.getLogger(__name__)


def _summary(dataset: Dataset, selection: Selection, local: Any) -> Markdown:
    lang = selection.lang
    joiner = "、" if lang == "zh" else " and "
    return Markdown(
        labels.text(
            "explorer_summary",
            lang,
            indicator=labels.display_name(dataset, "indicator", selection.indicator_id, lang),
            targets=len(local),
            jurisdictions=local["jurisdiction_id"].nunique(),
            tiers=joiner.join(labels.term(TIERS, t, lang) for t in selection.tiers),
        )
    )


def _draw(chosen: Dataset, selection: Selection, name: str) -> Any:
    """The chart behind each chart view (looked up when drawn); escalation shows the selected
    province's cities, or every province, on the selected indicator."""
    if name == "escalation":
        province = selection.province or None
        return charts.escalation_chart(chosen, selection.lang, province, selection.indicator_id)
    functions = {
        "spread": charts.indicator_spread,
        "vertical": charts.vertical_gaps,
        "ranking": charts.headroom_ranking,
        "bands": charts.band_chart,
    }
    return functions[name](chosen, selection.indicator_id, selection.lang)


def _chart(chosen: Dataset, selection: Selection, name: str) -> object:
    """One chart of the selection, or a note naming the chart and its error where it cannot
    be drawn: an unusual selection must not leave the other views stale (the error is logged
    with its traceback too)."""
    try:
        return InlineFigure.of(_draw(chosen, selection, name), name)
    except Exception as e:
        logger.exception("the explorer's %s chart failed for %s", name, selection)
        view = labels.text(f"explorer_chart_{name}", selection.lang)
        return Markdown(labels.text("explorer_failed", selection.lang, view=view, error=f"{type(e).__name__}: {e}"))


def render(dataset: Dataset, selection: Selection) -> dict[str, object]:
    """Every view of the selection, by name (see :data:`VIEWS`), ready to display.

    Charts and tables are computed over :func:`~analysis.workbench.selection.select`'s
    dataset. Where the selection holds no local target of the indicator, each chart is
    replaced by a note saying so (the tables still show the national target, if any).
    """
    chosen = select(dataset, selection)
    indicator, lang = selection.indicator_id, selection.lang
    t = chosen.targets_long
    local = t[(t["indicator_id"] == indicator) & (t["level"] != NATION)]
    views: dict[str, object] = {"summary": _summary(dataset, selection, local)}
    for name in CHARTS:
        views[name] = Markdown(labels.text("explorer_empty", lang)) if local.empty else _chart(chosen, selection, name)
    views["measures"] = InlineTable(tables.indicator_measures(chosen, indicator, lang))
    views["targets"] = InlineTable(tables.targets_table(chosen, lang, indicators=[indicator]))
    return views
