"""The findings page's sentences, written from the measures (:mod:`analysis.measures.findings`) in
each language: every number in a sentence is a number a finding computed, so a test can
regenerate it from ``measures.csv`` and ``hierarchy.csv``."""

from __future__ import annotations

import pandas as pd

from ..data import Dataset
from ..measures.findings import Finding, left_out
from . import charts, labels, tables
from .style import ReportFigure


def sentence(dataset: Dataset, finding: Finding, lang: str) -> str:
    """The sentence of one finding, in Markdown, with how many plans stand behind it."""
    n = finding.numbers
    if finding.key == "furthest_above":
        shown = [
            labels.text(
                "finding_target",
                lang,
                name=labels.display_name(dataset, "jurisdiction", j, lang),
                indicator=labels.display_name(dataset, "indicator", i, lang),
                years=f"{y:g}",
            )
            for _, j, i, y in n["targets"]  # type: ignore[attr-defined]
        ]
        text = labels.text(
            "finding_furthest_above",
            lang,
            banded=n["banded"],
            well_above=n["well_above"],
            at_or_below=n["at_or_below"],
            targets=("；" if lang == "zh" else "; ").join(shown),
        )
    elif finding.key == "escalation":
        provinces = [
            labels.text(
                "finding_province",
                lang,
                name=labels.display_name(dataset, "jurisdiction", p, lang),
                raised=raised,
                pairs=pairs,
            )
            for p, raised, pairs in n["provinces"]  # type: ignore[attr-defined]
        ]
        text = labels.text(
            "finding_escalation",
            lang,
            pairs=n["pairs"],
            raised=n["raised"],
            echo=n["echo"],
            lowered=n["lowered"],
            not_aligned=n["not_aligned"],
            provinces=("、" if lang == "zh" else ", ").join(provinces),
        )
    elif finding.key == "met_before_adoption":
        who = [labels.display_name(dataset, "jurisdiction", j, lang) for _, j, _ in n["targets"]]  # type: ignore[attr-defined]
        text = labels.text(
            "finding_met_before",
            lang,
            met=n["met_before"],
            assessed=n["assessed"],
            who=("、" if lang == "zh" else ", ").join(who) or labels.text("finding_none", lang),
        )
    else:
        indicators = [
            labels.text(
                "finding_indicator", lang, indicator=labels.display_name(dataset, "indicator", i, lang), plans=k
            )
            for i, k in n["indicators"]  # type: ignore[attr-defined]
        ]
        text = labels.text(
            "finding_most_set", lang, plans=n["plans"], indicators=("；" if lang == "zh" else "; ").join(indicators)
        )
    return text + " " + labels.text("finding_behind", lang, plans=finding.plans)


def rows(dataset: Dataset, finding: Finding, lang: str) -> pd.DataFrame:
    """The targets behind a finding, with their quote or evidence and source."""
    return tables.targets_table(dataset, lang, target_ids=finding.target_ids)


def chart(dataset: Dataset, finding: Finding, lang: str) -> ReportFigure:
    """The chart that shows a finding."""
    if finding.key == "furthest_above":
        return charts.years_ahead_chart(dataset, lang)
    if finding.key == "escalation":
        return charts.escalation_chart(dataset, lang)
    if finding.key == "met_before_adoption":
        return charts.progress_chart(dataset, lang)
    return charts.most_set_chart(dataset, lang)


def scope_text(full: Dataset, compared: Dataset, lang: str) -> str:
    """What the findings stand on and what they leave out, as a sentence."""
    return labels.text("findings_left_out", lang, **left_out(full, compared))
