"""The one-line-per-table summary printed when the data validates."""

from __future__ import annotations

from .dataset import Dataset


def summary(dataset: Dataset) -> list[str]:
    """One line per table, for ``python -m analysis validate`` on success."""
    d = dataset
    levels = d.jurisdictions["level"].value_counts()
    t = d.targets_long
    level_counts = ", ".join(f"{levels[lv]} {lv}" for lv in levels.index if levels[lv])
    issued = d.documents["issued"]
    obs = d.observations
    return [
        f"jurisdictions.csv: {len(d.jurisdictions)} rows ({level_counts})",
        f"documents.csv: {len(d.documents)} plans, issued {issued.min()} to {issued.max()}, all checksums match",
        f"indicators.csv: {len(d.indicators)} indicators in {d.indicators['category'].nunique()} categories,"
        f" {t['indicator_id'].nunique()} with targets",
        f"targets.csv: {len(t)} targets from {t['doc_id'].nunique()} plans,"
        f" target years {t['target_year'].min()}-{t['target_year'].max()}, every quote found at its offset",
        f"observations.csv: {len(obs)} observed values of {obs['indicator_id'].nunique()} indicators,"
        f" {obs['year'].min()}-{obs['year'].max()}",
    ]
