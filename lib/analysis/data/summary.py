"""The one-line-per-table summary printed when the data validates."""

from __future__ import annotations

from .dataset import Dataset


def summary(dataset: Dataset) -> list[str]:
    """One line per table, for ``python -m analysis validate`` on success."""
    d = dataset
    levels = d.jurisdictions["level"].value_counts()
    t = d.targets_long
    level_counts = ", ".join(f"{levels[lv]} {lv}" for lv in levels.index if levels[lv])
    tiers = d.documents["tier"].value_counts()
    excerpts = int((d.documents["coverage"] == "excerpt").sum())
    target_tiers = t["tier"].value_counts()
    issued = d.documents["issued"].dropna()
    obs = d.observations
    derived = int((obs["basis"] == "derived").sum())
    families = d.documents["family"].nunique()
    drafts = int((d.documents["standing"] == "draft").sum())
    return [
        f"jurisdictions.csv: {len(d.jurisdictions)} rows ({level_counts})",
        f"documents.csv: {len(d.documents)} documents of {families} plans ({tiers.get('quoted', 0)} quoted,"
        f" {tiers.get('cited', 0)} cited; {excerpts} known only in part; {drafts} drafts), issued {issued.min()} to"
        f" {issued.max()}, all checksums match",
        f"indicators.csv: {len(d.indicators)} indicators in {d.indicators['category'].nunique()} categories,"
        f" {t['indicator_id'].nunique()} with targets",
        f"vintages.csv: {len(d.vintages)} method vintages of {d.vintages['indicator_id'].nunique()} indicators",
        f"targets.csv: {len(t)} targets from {t['doc_id'].nunique()} plans of {t['jurisdiction_id'].nunique()}"
        f" jurisdictions ({target_tiers.get('quoted', 0)} quoted, every quote found at its offset;"
        f" {target_tiers.get('cited', 0)} cited, each with its copy's URL), target years"
        f" {t['target_year'].min()}-{t['target_year'].max()}",
        f"observations.csv: {len(obs)} published values of {obs['indicator_id'].nunique()} indicators"
        f" ({derived} derived, each with its arithmetic), {obs['year'].min()}-{obs['year'].max()}",
    ]
