"""One plan, one set of targets: comparing plans, not the copies and readings they are known by.

A plan may be in the data as several documents of one family (the text, a press reading, a
fuller copy); counted as documents it would count twice, and a reading's target would stand
beside the text's as a second plan's. Comparisons use each family's document of highest
standing, completed from its other documents with what it lacks; drafts for comment stay out
unless asked for.
"""

from __future__ import annotations

import dataclasses

import pandas as pd

from ..errors import ParameterError
from .dataset import Dataset

ONE_PER_PLAN = "one per plan"
WITH_DRAFTS = "with drafts"
EVERY_DOCUMENT = "every document"
PLAN_CHOICES = (ONE_PER_PLAN, WITH_DRAFTS, EVERY_DOCUMENT)
DRAFT = "draft"
# A target of another copy completes the plan where the plan's document sets nothing like it.
SAME_TARGET = ["family", "indicator_id", "kind", "target_year"]


def check_plans(choice: str) -> str:
    """Return ``choice`` if it is one of :data:`PLAN_CHOICES`; otherwise raise with the valid values."""
    if choice not in PLAN_CHOICES:
        raise ParameterError(f"unknown plans {choice!r}; valid values: {', '.join(PLAN_CHOICES)}")
    return choice


def _completed(targets: pd.DataFrame, heads: set[str]) -> pd.Series:
    """Which targets a comparison keeps: every target of a family's head document, and a target of
    another document of the family only where the head sets nothing of the same indicator, kind
    and year (compared as missing-equals-missing)."""
    of_head = targets["doc_id"].isin(heads)
    key = targets[SAME_TARGET].astype("string").fillna("")
    head_keys = set(map(tuple, key[of_head].to_numpy()))
    in_head = pd.Series([tuple(k) in head_keys for k in key.to_numpy()], index=targets.index)
    return of_head | ~in_head


def keep_plans(dataset: Dataset, choice: str = ONE_PER_PLAN) -> Dataset:
    """The dataset as comparisons see it.

    - ``"one per plan"``: one document per family (its head, the document of highest standing),
      its targets completed from the family's other documents (a completing target keeps its own
      ``doc_id``, so its source stays its copy's; ``family`` names the plan); drafts left out.
    - ``"with drafts"``: the same, with drafts for comment (marked ``standing`` draft).
    - ``"every document"``: every document as a plan of its own, drafts included.

    Raises
    ------
    ParameterError
        If ``choice`` is not one of :data:`PLAN_CHOICES`.
    """
    check_plans(choice)
    if choice == EVERY_DOCUMENT:  # each document a plan of its own
        return dataclasses.replace(
            dataset,
            documents=dataset.documents.assign(family=dataset.documents["doc_id"]),
            targets_long=dataset.targets_long.assign(family=dataset.targets_long["doc_id"]),
        )
    docs = dataset.documents
    if choice == ONE_PER_PLAN:
        docs = docs[docs["standing"] != DRAFT]
    heads = set(docs.loc[docs["doc_id"] == docs["family"], "doc_id"])
    members = set(docs["doc_id"])

    def keep(targets: pd.DataFrame) -> pd.DataFrame:
        targets = targets[targets["doc_id"].isin(members)]
        with_family = targets if "family" in targets else targets.assign(family=targets["doc_id"].map(family_of))
        return targets[_completed(with_family, heads)].reset_index(drop=True)

    family_of = dict(zip(docs["doc_id"], docs["family"], strict=True))
    return dataclasses.replace(
        dataset,
        documents=docs[docs["doc_id"].isin(heads)].reset_index(drop=True),
        targets=keep(dataset.targets),
        targets_long=keep(dataset.targets_long),
        texts={doc: text for doc, text in dataset.texts.items() if doc in members},
    )


def plan_count(documents: pd.DataFrame) -> int:
    """How many plans the documents are: their families, each counted once."""
    return int(documents["family"].nunique())
