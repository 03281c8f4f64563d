"""The published record: every jurisdiction's series of every indicator, in the indicator's
unit, with the pass rates the library derives from published failure rates labelled derived."""

from __future__ import annotations

import pandas as pd

from ..data import Dataset
from ..data.vocabularies import UNIT_BY_CODE
from .memo import once_per_dataset

DERIVED = "derived"
COLUMNS = [
    "jurisdiction_id",
    "region",
    "indicator_id",
    "year",
    "year_basis",
    "value",
    "unit",
    "vintage",
    "basis",
    "derivation",
    "derived_from",
    "observation_id",
    "publisher",
    "source_url",
    "source_site",
]


def _in_indicator_unit(obs: pd.DataFrame, indicators: pd.DataFrame) -> pd.DataFrame:
    unit = obs["indicator_id"].map(indicators.set_index("indicator_id")["unit"])
    factor = obs["unit"].map(lambda u: UNIT_BY_CODE[u].factor) / unit.map(lambda u: UNIT_BY_CODE[u].factor)
    return obs.assign(value=obs["value"] * factor.astype("Float64"), unit=unit, derived_from=pd.NA)


def _complements(obs: pd.DataFrame, indicators: pd.DataFrame) -> pd.DataFrame:
    """Pass rates from failure rates: ``100 - failure``, labelled derived, with the arithmetic."""
    complement = indicators.dropna(subset=["complement_of"]).set_index("indicator_id")["complement_of"]
    failures = obs[obs["indicator_id"].isin(complement.index)]
    arithmetic = failures["derivation"].where(failures["basis"] == DERIVED)
    written = ("(" + arithmetic + ")").fillna(failures["value"].astype("string"))
    return failures.assign(
        value=100 - failures["value"],
        indicator_id=failures["indicator_id"].map(complement),
        basis=DERIVED,
        derivation="100 - " + written,
        derived_from=failures["indicator_id"],
    )


@once_per_dataset
def published_series(dataset: Dataset) -> pd.DataFrame:
    """Every published point, one row per (jurisdiction or region, indicator, year).

    ``value`` is the observation in the indicator's unit: ``value * factor(unit) /
    factor(indicator unit)``. ``vintage`` is the method it was measured under (a derived pass rate
    keeps its failure rate's); ``year_basis`` says whether its year was stated or inferred.
    ``basis`` is "published", or "derived" for a figure the curators computed from published
    ones (its arithmetic in ``derivation``).

    A failure rate whose indicator names a pass rate in ``complement_of`` also gives that pass
    rate: ``pass = 100 - failure`` in the same year, ``basis`` "derived", ``derivation`` the
    arithmetic (``100 - 10.3``, or ``100 - (12.2 - 2.2)`` when the failure rate was itself
    derived) and ``derived_from`` the failure rate's indicator. Where a pass rate is also
    published for that year, the published one is kept.

    Returns
    -------
    pandas.DataFrame
        Columns ``jurisdiction_id`` (missing for a regional figure), ``region``,
        ``indicator_id``, ``year``, ``value``, ``unit``, ``basis``, ``derivation``,
        ``derived_from`` and the observation's provenance (``observation_id``, ``publisher``,
        ``source_url``, ``source_site``), sorted by jurisdiction, indicator and year.
    """
    obs = _in_indicator_unit(dataset.observations, dataset.indicators)
    points = pd.concat([obs, _complements(obs, dataset.indicators)], ignore_index=True)
    points["from_complement"] = points["derived_from"].notna()  # sorts after a published pass rate
    points = points.sort_values(["jurisdiction_id", "region", "indicator_id", "year", "from_complement"])
    points = points.drop_duplicates(["jurisdiction_id", "region", "indicator_id", "year"])
    points["basis"] = points["basis"].astype(dataset.observations["basis"].dtype)
    points["derived_from"] = points["derived_from"].astype("string")
    return points[COLUMNS].reset_index(drop=True)


def record_indicators(dataset: Dataset, indicator_ids: frozenset[str]) -> frozenset[str]:
    """The indicators whose published figures make up the record of ``indicator_ids``: the
    indicators themselves and the failure rates their pass rates are derived from."""
    complement = dataset.indicators.dropna(subset=["complement_of"])
    return indicator_ids | frozenset(complement.loc[complement["complement_of"].isin(indicator_ids), "indicator_id"])
