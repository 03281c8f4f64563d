"""What the explorer compares: one indicator, some jurisdictions, some tiers of plans, one
language; and the dataset cut down to those plans, so every chart, measure and table of the
comparison (a rank among peers included) is computed over the same selection."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from ..data import Dataset
from ..data.vocabularies import TIERS, codes
from ..measures.selection import NATION

ALL_TIERS = tuple(codes(TIERS))


@dataclass(frozen=True)
class Selection:
    """One state of the explorer's controls.

    ``jurisdictions`` empty means every jurisdiction; ``tiers`` holds tier codes (quoted,
    cited). ``province`` records that the jurisdictions were chosen as a province with its
    cities (empty otherwise); it does not change what is compared.
    """

    indicator_id: str
    jurisdictions: tuple[str, ...] = ()
    tiers: tuple[str, ...] = ALL_TIERS
    lang: str = "zh"
    province: str = ""


def select(dataset: Dataset, selection: Selection) -> Dataset:
    """The dataset with only the targets of the selected jurisdictions' plans of the selected
    tiers; the nation's targets always stay, as the yardstick every measure compares with.

    Catalogue, documents and observations are kept whole: a target left out is out of the
    comparison, not out of the data (the national series and provincial figures still draw).
    """
    t = dataset.targets_long
    chosen = t["tier"].isin(selection.tiers)
    if selection.jurisdictions:
        chosen &= t["jurisdiction_id"].isin(selection.jurisdictions)
    keep = chosen | (t["level"] == NATION)
    kept_ids = set(t.loc[keep, "target_id"])
    return dataclasses.replace(
        dataset,
        targets=dataset.targets[dataset.targets["target_id"].isin(kept_ids)].reset_index(drop=True),
        targets_long=t[keep].reset_index(drop=True),
    )
