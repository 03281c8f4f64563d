"""The published record: observations in the indicator's unit, and pass rates derived from
published failure rates, labelled derived (values worked from observations.csv)."""

from __future__ import annotations

import dataclasses
import math

import pandas as pd

from analysis import measures
from tests.helpers import rows_like

SPOT_PASS = "national_product_spot_check_pass_rate"
SPOT_FAILURE = "national_product_spot_check_failure_rate"


def national(series: pd.DataFrame, indicator_id: str) -> pd.DataFrame:
    return series[(series["jurisdiction_id"] == "china") & (series["indicator_id"] == indicator_id)].set_index("year")


def test_pass_rates_are_derived_from_failure_rates(dataset):
    """Spot checks: pass rates published 2012-2017; failure rates from 2018 (10.3), 2020 itself
    derived (12.2 - 2.2 = 10.0), 2021-2024. Pass = 100 - failure: 89.7 (2018), 90.0 (2020)."""
    s = national(measures.published_series(dataset), SPOT_PASS)
    assert list(s.index) == [2012, 2013, 2014, 2015, 2016, 2017, 2018, 2020, 2021, 2022, 2023, 2024]
    assert set(s.loc[2012:2017, "basis"]) == {"published"} and s.loc[2012:2017, "derived_from"].isna().all()
    assert set(s.loc[2018:, "basis"]) == {"derived"} and set(s.loc[2018:, "derived_from"]) == {SPOT_FAILURE}
    assert math.isclose(s.loc[2018, "value"], 100 - 10.3) and s.loc[2018, "derivation"] == "100 - 10.3"
    assert math.isclose(s.loc[2020, "value"], 100 - (12.2 - 2.2)) and s.loc[2020, "derivation"] == "100 - (12.2 - 2.2)"
    assert s.loc[2018, "observation_id"] == "obs-033"  # the failure rate it comes from
    failures = national(measures.published_series(dataset), SPOT_FAILURE)
    assert math.isclose(failures.loc[2018, "value"], 10.3) and failures.loc[2018, "basis"] == "published"


def test_a_published_pass_rate_is_kept_over_a_derived_one(dataset):
    extra = rows_like(dataset.observations, "observation_id", "obs-032", {"observation_id": "x", "year": 2018})
    d = dataclasses.replace(dataset, observations=pd.concat([dataset.observations, extra], ignore_index=True))
    s = national(measures.published_series(d), SPOT_PASS)
    assert (s.loc[2018, "value"], s.loc[2018, "basis"], s.loc[2018, "observation_id"]) == (91.5, "published", "x")


def test_values_are_in_the_indicators_unit(dataset):
    """Hubei's 461 件 GI trademarks (2020) written as 0.0461 万件 is 461 件."""
    obs = dataset.observations.copy()
    obs.loc[obs["observation_id"] == "obs-069", ["value", "unit"]] = (0.0461, "万件")
    s = measures.published_series(dataclasses.replace(dataset, observations=obs))
    hubei = s[(s["jurisdiction_id"] == "hubei") & (s["indicator_id"] == "gi_trademarks_registered")].set_index("year")
    assert math.isclose(hubei.loc[2020, "value"], 461) and hubei.loc[2020, "unit"] == "件"


def test_every_observation_is_in_the_series_once(dataset):
    s = measures.published_series(dataset)
    as_observed = s[s["derived_from"].isna()]
    assert sorted(as_observed["observation_id"]) == sorted(dataset.observations["observation_id"])
    assert not s.duplicated(["jurisdiction_id", "region", "indicator_id", "year"]).any()
