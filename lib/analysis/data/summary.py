"""The one-line-per-table summary printed when the data validates."""

from __future__ import annotations

from .dataset import Dataset


def summary(dataset: Dataset) -> list[str]:
    """One line per table, for ``analysis validate`` on success."""
    d = dataset
    levels = d.jurisdictions["level"].value_counts()
    t = d.targets_long
    return [
        f"jurisdictions.csv: {len(d.jurisdictions)} rows ({', '.join(f'{levels[lv]} {lv}' for lv in levels.index if levels[lv])})",
        f"documents.csv: {len(d.documents)} plans, issued {d.documents['issued'].min()} to {d.documents['issued'].max()}, all checksums match",
        f"indicators.csv: {len(d.indicators)} indicators in {d.indicators['category'].nunique()} categories, {t['indicator_id'].nunique()} with targets",
        f"targets.csv: {len(t)} targets from {t['doc_id'].nunique()} plans, target years {t['target_year'].min()}-{t['target_year'].max()}, every quote found at its offset",
        f"observations.csv: {len(d.observations)} observed values of {d.observations['indicator_id'].nunique()} indicators, {d.observations['year'].min()}-{d.observations['year'].max()}",
    ]
