"""What the explorer compares: one indicator, some jurisdictions, some tiers of plans, one
language; and the dataset cut down to those plans, so every chart, measure and table of the
comparison (a rank among peers included) is computed over the same selection."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from ..data import Dataset
from ..data.tiers import ALL_TIERS, keep_tiers
from ..measures.selection import NATION


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
    """The dataset with the plans of the selected tiers only (:func:`~analysis.data.keep_tiers`),
    and of those only the targets of the selected jurisdictions; the nation's targets always
    stay, as the yardstick every measure compares with.

    Catalogue and observations are kept whole: a target left out is out of the comparison,
    not out of the data (the national series and provincial figures still draw).
    """
    kept = keep_tiers(dataset, selection.tiers)
    if not selection.jurisdictions:
        return kept
    t = kept.targets_long
    keep = t["jurisdiction_id"].isin(selection.jurisdictions) | (t["level"] == NATION)
    kept_ids = set(t.loc[keep, "target_id"])
    return dataclasses.replace(
        kept,
        targets=kept.targets[kept.targets["target_id"].isin(kept_ids)].reset_index(drop=True),
        targets_long=t[keep].reset_index(drop=True),
    )
