"""Tables for reading: the data behind each chart, in one language, each row with its tier of
provenance and its source (a quoted target's document and character offset, a cited target's
copy), so any number can be checked.

Values are formatted as text (≥98%, 2–3家) so a notebook's printed table is stable and the
comparator stays visible; numbers for computing stay in :mod:`analysis.measures`.
"""

from __future__ import annotations

import pandas as pd

from .. import measures
from ..data import Dataset
from ..data.vocabularies import CATEGORIES, CHANGES, COVERAGES, KINDS, STANDINGS, TIERS
from ..measures import notes
from . import labels


def _signed(x: object, digits: int = 2) -> str:
    return "" if x is None or pd.isna(x) else f"{float(x):+.{digits}f}"  # type: ignore[arg-type]


def _frame(rows: list[dict], keys: list[str], lang: str) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=keys).rename(columns=labels.columns(keys, lang))


def _name(dataset: Dataset, jurisdiction_id: str, lang: str) -> str:
    return labels.display_name(dataset, "jurisdiction", jurisdiction_id, lang)


def _indicator(dataset: Dataset, indicator_id: str, lang: str) -> str:
    return labels.display_name(dataset, "indicator", indicator_id, lang)


def _kind(r, lang: str) -> str:
    """A target's kind, with how a relative target is stated (较2020年下降 -> decrease (2020))."""
    kind = labels.term(KINDS, r.kind, lang).split(" (")[0]
    change, baseline = getattr(r, "change", pd.NA), getattr(r, "baseline_year", pd.NA)
    if pd.isna(change):
        return kind
    change = labels.term(CHANGES, change, lang) + (f" ({baseline})" if pd.notna(baseline) else "")
    return f"{kind}: {change}"


def _words_of(dataset: Dataset) -> dict[str, str]:
    """Each target's words by target id: its quote (quoted) or its evidence passage (cited)."""
    t = dataset.targets
    words = t["quote"].fillna(t["evidence"]).fillna("")
    return dict(zip(t["target_id"], words, strict=True))


def _wording(r) -> str:
    """What a target can be checked against: a quoted target's quote, a cited target's evidence."""
    return r.quote if pd.notna(r.quote) else ("" if pd.isna(r.evidence) else r.evidence)


def plans_table(dataset: Dataset, lang: str, jurisdictions: list[str] | None = None) -> pd.DataFrame:
    """One row per plan (of ``jurisdictions``, default all): who, title, what the document is,
    date, tier and coverage, how many targets (of every document of its family), which years."""
    t = dataset.targets_long
    docs = dataset.documents
    if jurisdictions is not None:
        docs = docs[docs["jurisdiction_id"].isin(jurisdictions)]
    rows = []
    for d in docs[docs["doc_id"] == docs["family"]].itertuples():
        mine = t[t["family"] == d.doc_id]
        years = sorted(int(y) for y in mine["target_year"].dropna().unique())
        rows.append(
            {
                "doc": d.doc_id,
                "jurisdiction": _name(dataset, d.jurisdiction_id, lang),
                "title": d.title_zh if lang == "zh" else d.title_en,
                "standing": labels.term(STANDINGS, d.standing, lang),
                "issued": "" if pd.isna(d.issued) else d.issued,
                "tier": labels.term(TIERS, d.tier, lang),
                "coverage": labels.term(COVERAGES, d.coverage, lang),
                "targets": len(mine),
                "indicators": mine["indicator_id"].nunique(),
                "years": ", ".join(str(y) for y in years),
            }
        )
    keys = ["doc", "jurisdiction", "title", "standing", "issued", "tier", "coverage", "targets", "indicators", "years"]
    return _frame(rows, keys, lang)


def targets_table(
    dataset: Dataset,
    lang: str,
    indicators: list[str] | None = None,
    jurisdictions: list[str] | None = None,
    target_ids: list[str] | None = None,
) -> pd.DataFrame:
    """Targets with their source: a quoted target's exact quote and where it sits, a cited
    target's evidence passage (the copy's words that hold the number) and the copy's URL; each
    target's kind, and a draft's standing."""
    t = dataset.targets_long
    if indicators is not None:
        t = t[t["indicator_id"].isin(indicators)]
    if jurisdictions is not None:
        t = t[t["jurisdiction_id"].isin(jurisdictions) | (t["level"] == "nation")]
    if target_ids is not None:
        t = t.set_index("target_id").loc[[i for i in target_ids if i in set(t["target_id"])]].reset_index()
    t = t.assign(source=measures.target_source(t))
    bands = measures.ambition_bands(dataset).set_index("target_id")["band"]
    rows = [
        {
            "jurisdiction": _name(dataset, r.jurisdiction_id, lang),
            "indicator": r.indicator_zh if lang == "zh" else r.indicator_en,
            "target": labels.target_text(r, lang),
            "target_year": labels.year_text(r.target_year, lang),
            "kind": _kind(r, lang),
            "band": labels.note(bands.get(r.target_id), lang),
            "tier": labels.term(TIERS, r.tier, lang) + _draft(r, lang),
            "quote": _wording(r),
            "source": r.source,
        }
        for r in t.itertuples()
    ]
    keys = ["jurisdiction", "indicator", "target", "target_year", "kind", "band", "tier", "quote", "source"]
    return _frame(rows, keys, lang)


def _draft(r, lang: str) -> str:
    """ ", draft for comment" beside the tier of a draft's target (drafts are shown only when asked)."""
    return f" · {labels.term(STANDINGS, 'draft', lang)}" if r.standing == "draft" else ""


def _national_text(r, lang: str) -> str:
    if pd.isna(r.national_value):
        return ""
    value = labels.format_value(r.national_value, None, r.national_comparator, r.indicator_unit, lang)
    return f"{value} ({r.national_target_year})"


def indicator_measures(
    dataset: Dataset, indicator_id: str, lang: str, jurisdictions: list[str] | None = None
) -> pd.DataFrame:
    """Every ambition measure for one indicator, one row per local target."""
    h = measures.headroom(dataset)
    g = measures.gap_to_national(dataset)[
        ["target_id", "gap", "year_gap", "national_value", "national_comparator", "national_target_year", "gap_note"]
    ]
    s = measures.peer_standing(dataset)[
        ["target_id", "rank", "n_peers", "n_tied", "percentile", "basis", "peer_group", "peer_note"]
    ]
    a = measures.implied_annual_change(dataset)[["target_id", "annual_change", "annual_change_unit", "method", "note"]]
    m = (
        h[h["indicator_id"] == indicator_id]
        .merge(g, on="target_id")
        .merge(s, on="target_id", how="left")
        .merge(a, on="target_id", how="left")
    )
    if jurisdictions is not None:
        m = m[m["jurisdiction_id"].isin(jurisdictions)]
    m = m.sort_values(["peer_group", "rank", "target_year", "jurisdiction_id"], na_position="last")
    standing = measures.peer_standing(dataset)
    words = _words_of(dataset)
    rows = []
    for r in m.itertuples():
        tied = "=" if pd.notna(r.n_tied) and r.n_tied > 1 else ""
        rows.append(
            {
                "jurisdiction": _name(dataset, r.jurisdiction_id, lang),
                "target": labels.target_text(r, lang),
                "kind": _kind(r, lang),
                "target_year": labels.year_text(r.target_year, lang),
                "national": _national_text(r, lang),
                "gap": _signed(r.gap),
                "year_gap": "" if pd.isna(r.year_gap) else f"{int(r.year_gap):+d}",
                "path_value": "" if pd.isna(r.path_value) else f"{r.path_value:.2f}",
                "headroom": _signed(r.headroom),
                "peer_group": labels.peer_group_label(dataset, r.peer_group, lang, standing),
                "rank": "" if pd.isna(r.rank) else f"{tied}{int(r.rank)}/{int(r.n_peers)}",
                "percentile": "" if pd.isna(r.percentile) else f"{r.percentile:.0f}",
                "basis": labels.note(r.basis, lang) if pd.notna(r.rank) else "",
                "annual": "" if pd.isna(r.annual_change) else f"{r.annual_change:+.2f} {r.annual_change_unit}",
                "note": labels.note(notes.joined(r.headroom_note, r.peer_note, r.note), lang),
                "tier": labels.term(TIERS, r.tier, lang),
                "quote": words.get(r.target_id, ""),
                "source": r.source,
            }
        )
    keys = ["jurisdiction", "target", "kind", "target_year", "national", "gap", "year_gap", "path_value", "headroom"]
    keys += ["peer_group", "rank", "percentile", "basis", "annual", "note", "tier", "quote", "source"]
    return _frame(rows, keys, lang)


def profile_table(dataset: Dataset, jurisdiction_id: str, lang: str) -> pd.DataFrame:
    """A jurisdiction's targets by category, with its standing where peers exist."""
    t = dataset.targets_long
    t = t[t["jurisdiction_id"] == jurisdiction_id]
    t = t.assign(source=measures.target_source(t))
    standing = measures.peer_standing(dataset)
    s = standing.set_index("target_id")
    bands = measures.ambition_bands(dataset).set_index("target_id")["band"]
    rows = []
    for r in t.sort_values(["category", "doc_id", "target_id"]).itertuples():
        ranked = r.target_id in s.index and pd.notna(s.loc[r.target_id, "rank"])
        rank = labels.note(s.loc[r.target_id, "peer_note"], lang) if r.target_id in s.index else ""
        if ranked:
            tied = "=" if s.loc[r.target_id, "n_tied"] > 1 else ""
            group = labels.peer_group_label(dataset, s.loc[r.target_id, "peer_group"], lang, standing)
            rank = f"{tied}{int(s.loc[r.target_id, 'rank'])}/{int(s.loc[r.target_id, 'n_peers'])} ({group})"
        rows.append(
            {
                "category": labels.term(CATEGORIES, r.category, lang),
                "indicator": r.indicator_zh if lang == "zh" else r.indicator_en,
                "target": labels.target_text(r, lang),
                "target_year": labels.year_text(r.target_year, lang),
                "kind": _kind(r, lang),
                "band": labels.note(bands.get(r.target_id), lang),
                "rank": rank,
                "basis": labels.note(s.loc[r.target_id, "basis"], lang) if ranked else "",
                "doc": r.doc_id,
                "tier": labels.term(TIERS, r.tier, lang) + _draft(r, lang),
                "quote": _wording(r),
                "source": r.source,
            }
        )
    keys = ["category", "indicator", "target", "target_year", "kind", "band", "rank", "basis", "doc", "tier"]
    keys += ["quote", "source"]
    return _frame(rows, keys, lang)


def vertical_table(
    dataset: Dataset,
    lang: str,
    indicator_id: str | None = None,
    province_id: str | None = None,
    jurisdiction_id: str | None = None,
) -> pd.DataFrame:
    """Each city's target against its province's (the vertical gap), or why it cannot be set
    against it. Rows: of one indicator; of one province's cities (all their targets); or of
    one jurisdiction (a city's own targets; for a province, its cities' targets on the
    indicators the province sets)."""
    v = measures.vertical_gap(dataset)
    if indicator_id is not None:
        v = v[v["indicator_id"] == indicator_id]
    if province_id is not None:
        v = v[v["province_id"] == province_id]
    if jurisdiction_id is not None:
        t = dataset.targets_long
        own = set(t.loc[t["jurisdiction_id"] == jurisdiction_id, "indicator_id"])
        as_province = (v["province_id"] == jurisdiction_id) & v["indicator_id"].isin(own)
        v = v[(v["jurisdiction_id"] == jurisdiction_id) | as_province]
    v = v.sort_values(["indicator_id", "vertical_gap"], ascending=[True, False], na_position="last")
    words = _words_of(dataset)
    rows = []
    for r in v.itertuples():
        province_target = (
            ""
            if pd.isna(r.province_value_std)
            else labels.format_value(r.province_value_std, None, r.province_comparator, r.indicator_unit, lang)
            + f" ({labels.year_text(r.province_target_year, lang)})"
        )
        rows.append(
            {
                "jurisdiction": _name(dataset, r.jurisdiction_id, lang),
                "indicator": _indicator(dataset, r.indicator_id, lang),
                "target": f"{labels.target_text(r, lang)} ({labels.year_text(r.target_year, lang)})",
                "province": _name(dataset, r.province_id, lang) if pd.notna(r.province_id) else "",
                "province_target": province_target,
                "adjustment": labels.note(r.year_adjustment, lang),
                "vertical_gap": _signed(r.vertical_gap),
                "note": labels.note(r.vertical_gap_note, lang),
                "tier": labels.term(TIERS, r.tier, lang),
                "quote": words.get(r.target_id, ""),
                "source": r.source,
            }
        )
    keys = ["jurisdiction", "indicator", "target", "province", "province_target", "adjustment", "vertical_gap"]
    keys += ["note", "tier", "quote", "source"]
    return _frame(rows, keys, lang)


def generations_table(dataset: Dataset, jurisdiction_id: str, lang: str) -> pd.DataFrame:
    """Each indicator of a jurisdiction's successive plans: its target in each plan, how much it
    was raised (direction-adjusted) and how far the horizon moved, or why it cannot be compared."""
    g = measures.plan_generations(dataset)
    g = g[g["jurisdiction_id"] == jurisdiction_id].sort_values(["indicator_id", "generation"])
    words = _words_of(dataset)
    rows = []
    for r in g.itertuples():
        target = "" if pd.isna(r.value) else f"{labels.target_text(r, lang)} ({labels.year_text(r.target_year, lang)})"
        rows.append(
            {
                "indicator": _indicator(dataset, r.indicator_id, lang),
                "doc": r.doc_id,
                "issued": "" if pd.isna(r.issued) else r.issued,
                "target": target or labels.note(r.status, lang),
                "raised": _signed(r.raised),
                "horizon_moved": "" if pd.isna(r.horizon_moved) else f"{int(r.horizon_moved):+d}",
                "per_year": _signed(r.raised_per_year, 3),
                "presence": labels.note(r.presence, lang),
                "note": labels.note(r.generation_note, lang),
                "tier": labels.term(TIERS, r.tier, lang),
                "quote": "" if pd.isna(r.target_id) else words.get(r.target_id, ""),
                "source": "" if pd.isna(r.source) else r.source,
            }
        )
    keys = ["indicator", "doc", "issued", "target", "raised", "horizon_moved", "per_year", "presence", "note"]
    keys += ["tier", "quote", "source"]
    return _frame(rows, keys, lang)


def progress_table(
    dataset: Dataset,
    lang: str,
    indicator_id: str | None = None,
    jurisdiction_id: str | None = None,
    on_track_ratio: float = measures.progress.ON_TRACK_RATIO,
    acceleration_ratio: float = measures.progress.ACCELERATION_RATIO,
) -> pd.DataFrame:
    """Each target with a published series of its jurisdiction: its method vintage, the base (the
    plan's stated baseline or the value published before it) and the current value of that
    vintage, the annual growth the target requires and the growth observed from the base, their
    ratio, the thresholds used, and the status (or why there is none)."""
    p = measures.progress_against_record(dataset, on_track_ratio, acceleration_ratio)
    evidence = dataset.observations.set_index("observation_id")["evidence"]
    words = _words_of(dataset)
    if indicator_id is not None:
        p = p[p["indicator_id"] == indicator_id]
    if jurisdiction_id is not None:
        p = p[p["jurisdiction_id"] == jurisdiction_id]
    rows = []
    for r in p.itertuples():
        rows.append(
            {
                "jurisdiction": _name(dataset, r.jurisdiction_id, lang),
                "indicator": _indicator(dataset, r.indicator_id, lang),
                "target": f"{labels.target_text(r, lang)} ({labels.year_text(r.target_year, lang)})",
                "base": "" if pd.isna(r.base_value) else f"{r.base_value:g} ({labels.year_text(r.base_year, lang)})",
                "current": ""
                if pd.isna(r.current_value)
                else f"{r.current_value:g} ({labels.year_text(r.current_year, lang)})",
                "vintage": "" if pd.isna(r.vintage) else r.vintage,
                "required": _signed(r.required_growth, 3),
                "observed": _signed(r.observed_growth, 3),
                "ratio": "" if pd.isna(r.ratio) else f"{r.ratio:.2f}",
                "thresholds": f"{r.on_track_ratio:g} / {r.acceleration_ratio:g}",
                "status": labels.note(r.status, lang),
                "note": labels.note(r.status_note, lang),
                "evidence": _published_evidence(evidence, r.base_observation_id, r.current_observation_id),
                "tier": labels.term(TIERS, r.tier, lang),
                "quote": words.get(r.target_id, ""),
                "source": r.source,
            }
        )
    keys = ["jurisdiction", "indicator", "target", "vintage", "base", "current", "required", "observed", "ratio"]
    keys += ["thresholds"]
    keys += ["status", "note", "evidence", "tier", "quote", "source"]
    return _frame(rows, keys, lang)


def _published_evidence(evidence: pd.Series, *observation_ids: object) -> str:
    """The passages of the published values a row uses (each observation's evidence, once)."""
    ids = [str(i) for i in observation_ids if isinstance(i, str) and i]
    passages = [str(evidence[i]) for i in dict.fromkeys(ids) if i in evidence.index and pd.notna(evidence[i])]
    return " / ".join(passages)
