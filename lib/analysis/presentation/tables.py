"""Tables for reading: the data behind each chart, with column names in the chart's language.

Values are formatted as text (≥98%, 2–3家) so a notebook's printed table is stable and the
comparator stays visible; numbers for computing stay in :mod:`analysis.measures`.
"""

from __future__ import annotations

import pandas as pd

from .. import measures
from ..data import Dataset
from ..data.vocabularies import CATEGORIES, CHANGES
from . import labels


def _fmt(x: float, digits: int = 2) -> str:
    return "" if pd.isna(x) else f"{x:+.{digits}f}"


def plans_table(dataset: Dataset, lang: str) -> pd.DataFrame:
    """One row per plan: who, title, date, script, how many targets, which target years."""
    t = dataset.targets_long
    rows = []
    for d in dataset.documents.itertuples():
        mine = t[t["doc_id"] == d.doc_id]
        years = sorted(mine["target_year"].unique())
        rows.append(
            {
                "doc": d.doc_id,
                "jurisdiction": labels.display_name(dataset, "jurisdiction", d.jurisdiction_id, lang),
                "title": d.title_zh if lang == "zh" else d.title_en,
                "issued": d.issued,
                "script": d.script,
                "targets": len(mine),
                "indicators": mine["indicator_id"].nunique(),
                "years": ", ".join(str(y) for y in years),
            }
        )
    return pd.DataFrame(rows).rename(columns=labels.columns(list(rows[0]), lang)).set_index(labels.column("doc", lang))


def targets_table(
    dataset: Dataset, lang: str, indicators: list[str] | None = None, jurisdictions: list[str] | None = None
) -> pd.DataFrame:
    """Targets with their exact quote and where it sits: what a reader checks a chart against."""
    t = dataset.targets_long
    if indicators is not None:
        t = t[t["indicator_id"].isin(indicators)]
    if jurisdictions is not None:
        t = t[t["jurisdiction_id"].isin(jurisdictions) | (t["level"] == "nation")]
    rows = [
        {
            "jurisdiction": labels.display_name(dataset, "jurisdiction", r.jurisdiction_id, lang),
            "indicator": r.indicator_zh if lang == "zh" else r.indicator_en,
            "target": labels.target_text(r, lang),
            "target_year": r.target_year,
            "change": ""
            if pd.isna(r.change)
            else labels.term(CHANGES, r.change, lang) + (f" ({r.baseline_year})" if pd.notna(r.baseline_year) else ""),
            "quote": r.quote,
            "where": f"{r.doc_id}:{r.char_offset}",
        }
        for r in t.itertuples()
    ]
    keys = ["jurisdiction", "indicator", "target", "target_year", "change", "quote", "where"]
    return pd.DataFrame(rows, columns=keys).rename(columns=labels.columns(keys, lang))


def indicator_measures(
    dataset: Dataset, indicator_id: str, lang: str, jurisdictions: list[str] | None = None
) -> pd.DataFrame:
    """Every ambition measure for one indicator, one row per local target."""
    h = measures.headroom(dataset)
    g = measures.gap_to_national(dataset)[
        ["target_id", "gap", "year_gap", "national_value", "national_comparator", "national_target_year", "gap_note"]
    ]
    s = measures.peer_standing(dataset)[["target_id", "rank", "n_peers", "percentile", "basis"]]
    a = measures.implied_annual_change(dataset)[["target_id", "annual_change", "annual_change_unit", "method"]]
    m = (
        h[h["indicator_id"] == indicator_id]
        .merge(g, on="target_id")
        .merge(s, on="target_id", how="left")
        .merge(a, on="target_id", how="left")
    )
    if jurisdictions is not None:
        m = m[m["jurisdiction_id"].isin(jurisdictions)]
    m = m.sort_values(["rank", "target_year", "jurisdiction_id"], na_position="last")
    rows = []
    for r in m.itertuples():
        national = (
            ""
            if pd.isna(r.national_value)
            else labels.format_value(r.national_value, None, r.national_comparator, r.indicator_unit, lang)
            + f" ({r.national_target_year})"
        )
        rows.append(
            {
                "jurisdiction": labels.display_name(dataset, "jurisdiction", r.jurisdiction_id, lang),
                "target": labels.target_text(r, lang),
                "target_year": r.target_year,
                "national": national,
                "gap": _fmt(r.gap),
                "year_gap": "" if pd.isna(r.year_gap) else f"{int(r.year_gap):+d}",
                "path_value": "" if pd.isna(r.path_value) else f"{r.path_value:.2f}",
                "headroom": _fmt(r.headroom),
                "rank": "" if pd.isna(r.rank) else f"{int(r.rank)}/{int(r.n_peers)}",
                "percentile": "" if pd.isna(r.percentile) else f"{r.percentile:.0f}",
                "basis": "" if pd.isna(r.basis) else r.basis,
                "annual": "" if pd.isna(r.annual_change) else f"{r.annual_change:+.2f} {r.annual_change_unit}",
                "note": r.headroom_note,
            }
        )
    keys = [
        "jurisdiction",
        "target",
        "target_year",
        "national",
        "gap",
        "year_gap",
        "path_value",
        "headroom",
        "rank",
        "percentile",
        "basis",
        "annual",
        "note",
    ]
    return pd.DataFrame(rows, columns=keys).rename(columns=labels.columns(keys, lang))


def profile_table(dataset: Dataset, jurisdiction_id: str, lang: str) -> pd.DataFrame:
    """A jurisdiction's targets by category, with its standing where peers exist."""
    t = dataset.targets_long
    t = t[t["jurisdiction_id"] == jurisdiction_id]
    s = measures.peer_standing(dataset).set_index("target_id")
    rows = []
    for r in t.sort_values(["category", "target_id"]).itertuples():
        standing = s.loc[r.target_id] if r.target_id in s.index else pd.Series({"n_peers": 0, "rank": 0, "basis": ""})
        ranked = standing["n_peers"] > 1
        rows.append(
            {
                "category": labels.term(CATEGORIES, r.category, lang),
                "indicator": r.indicator_zh if lang == "zh" else r.indicator_en,
                "target": labels.target_text(r, lang),
                "target_year": r.target_year,
                "change": "" if pd.isna(r.change) else labels.term(CHANGES, r.change, lang),
                "rank": f"{int(standing['rank'])}/{int(standing['n_peers'])}" if ranked else "",
                "basis": standing["basis"] if ranked else "",
                "where": f"{r.doc_id}:{r.char_offset}",
            }
        )
    keys = ["category", "indicator", "target", "target_year", "change", "rank", "basis", "where"]
    return pd.DataFrame(rows, columns=keys).rename(columns=labels.columns(keys, lang))
