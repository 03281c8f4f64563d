"""The slice of the data a report may read, and a digest of exactly that slice.

A report of the batch loads its data through :func:`restrict`, so it cannot read anything
outside its scope; the batch keys the report by the digest of the same restricted dataset
(:class:`ScopeDigests`). What a report depends on is therefore the data it was handed, not a
hand-kept list of what it is believed to read: an edit outside the slice cannot change the
report, an edit inside it always changes the key.

A scope names the indicators a report reads in full: their targets, observations and catalogue
rows. Every report also reads the jurisdictions (names, hierarchy, colours) and the documents
(tiers, coverage, dates) whole, and of the other indicators' targets only which plan sets which
indicator in which category (what breadth counts); their values are blank.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..errors import ParameterError
from ..files import sha256_parts
from .dataset import Dataset, long_targets
from .schema import TABLE_ORDER

NO_INDICATORS = "(none)"  # a scope of no indicator in full (not a valid indicator id)

# What a report sees of the targets and indicators outside its scope.
OUTLINE_COLUMNS = {"targets": ("target_id", "doc_id", "indicator_id"), "indicators": ("indicator_id", "category")}


@dataclass(frozen=True)
class Scope:
    """The indicators a report reads in full; ``None`` means all of the data."""

    indicators: frozenset[str] | None = None

    @classmethod
    def parse(cls, text: str) -> Scope:
        """``""`` is all of the data, ``(none)`` no indicator in full; otherwise indicator ids
        separated by commas."""
        if text.strip() == NO_INDICATORS:
            return cls(frozenset())
        ids = [i.strip() for i in text.split(",") if i.strip()]
        return cls(frozenset(ids) if ids else None)

    def text(self) -> str:
        """The scope as the notebook parameter carries it (sorted, so equal scopes read alike)."""
        if self.indicators is None:
            return ""
        return ",".join(sorted(self.indicators)) or NO_INDICATORS


def _outline(frame: pd.DataFrame, keep: pd.Series, columns: tuple[str, ...]) -> pd.DataFrame:
    """Rows in ``keep`` whole; the others with only ``columns``, the rest blank."""
    out = frame.copy()
    blank = [c for c in frame.columns if c not in columns]
    for column in blank:
        out[column] = out[column].mask(~keep)
    return out


def restrict(dataset: Dataset, scope: Scope) -> Dataset:
    """The dataset as a report with this scope sees it (see the module docstring).

    Raises
    ------
    ParameterError
        If the scope names an indicator the catalogue does not have.
    """
    if scope.indicators is None:
        return dataset
    frames = _restricted_tables(dataset, scope.indicators)
    quoted_docs = set(frames["targets"].loc[frames["targets"]["quote"].notna(), "doc_id"])
    texts = {doc: text for doc, text in dataset.texts.items() if doc in quoted_docs}
    return dataclasses.replace(
        dataset, texts=texts, targets_long=long_targets(frames), indicators_in_full=scope.indicators, **frames
    )


def _check_known(dataset: Dataset, wanted: frozenset[str]) -> None:
    unknown = sorted(wanted - set(dataset.indicators["indicator_id"]))
    if unknown:
        raise ParameterError(f"unknown indicators in the data scope: {', '.join(unknown)}")


def _restricted_tables(dataset: Dataset, wanted: frozenset[str]) -> dict[str, pd.DataFrame]:
    _check_known(dataset, wanted)
    targets = _outline(dataset.targets, dataset.targets["indicator_id"].isin(wanted), OUTLINE_COLUMNS["targets"])
    indicators = _outline(
        dataset.indicators, dataset.indicators["indicator_id"].isin(wanted), OUTLINE_COLUMNS["indicators"]
    )
    return {
        "jurisdictions": dataset.jurisdictions,
        "documents": dataset.documents,
        "indicators": indicators,
        "targets": targets,
        "observations": dataset.observations[dataset.observations["indicator_id"].isin(wanted)],
    }


def _row_hashes(frame: pd.DataFrame) -> np.ndarray:
    return pd.util.hash_pandas_object(frame.astype("string"), index=False).to_numpy()


class ScopeDigests:
    """Digests of the slices of one dataset: SHA-256 of every table as a scope restricts it,
    its columns and each row's values (what :func:`restrict` hands a report, without building
    its joined table; the source texts are covered by the documents' checksums).

    Each row is hashed once whole and once in outline; a scope's digest picks, row by row, the
    hash of what the scope shows, so a batch of hundreds of scopes hashes the tables twice,
    not hundreds of times.
    """

    def __init__(self, dataset: Dataset):
        self.dataset = dataset
        self.whole = {name: _row_hashes(dataset.table(name)) for name in TABLE_ORDER}
        self.outline = {
            name: _row_hashes(_outline(dataset.table(name), pd.Series(False, dataset.table(name).index), columns))
            for name, columns in OUTLINE_COLUMNS.items()
        }

    def digest(self, scope: Scope) -> str:
        """The digest of the dataset as ``scope`` restricts it.

        Raises
        ------
        ParameterError
            If the scope names an indicator the catalogue does not have.
        """
        rows = dict(self.whole)
        if scope.indicators is not None:
            _check_known(self.dataset, scope.indicators)
            for name in ("indicators", "targets", "observations"):
                keep = self.dataset.table(name)["indicator_id"].isin(scope.indicators).to_numpy()
                rows[name] = (
                    np.where(keep, rows[name], self.outline[name]) if name in self.outline else rows[name][keep]
                )
        parts: list[bytes | str] = []
        for name in TABLE_ORDER:
            parts.append(name + ":" + ",".join(self.dataset.table(name).columns))
            parts.append(rows[name].tobytes())
        return sha256_parts(parts)
