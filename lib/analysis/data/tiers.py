"""Comparing only some plans by their tier of provenance (only quoted plans, or only cited), as
if the others were not in the data: their documents and targets go, so no measure mistakes a
plan left out for a plan that sets no target. The nation's plan stays whatever its tier: it is
the yardstick every measure compares with."""

from __future__ import annotations

import dataclasses

from .dataset import Dataset
from .vocabularies import TIERS, codes

ALL_TIERS = tuple(codes(TIERS))


def keep_tiers(dataset: Dataset, tiers: tuple[str, ...] = ALL_TIERS) -> Dataset:
    """The dataset with the plans of ``tiers`` (tier codes) and the nation's plan only."""
    if set(tiers) >= set(ALL_TIERS):
        return dataset
    level = dataset.jurisdictions.set_index("jurisdiction_id")["level"]
    docs = dataset.documents
    keep = docs["tier"].isin(tiers) | (docs["jurisdiction_id"].map(level) == "nation")
    kept = set(docs.loc[keep, "doc_id"])
    return dataclasses.replace(
        dataset,
        documents=docs[keep].reset_index(drop=True),
        targets=dataset.targets[dataset.targets["doc_id"].isin(kept)].reset_index(drop=True),
        targets_long=dataset.targets_long[dataset.targets_long["doc_id"].isin(kept)].reset_index(drop=True),
        texts={doc: text for doc, text in dataset.texts.items() if doc in kept},
    )
