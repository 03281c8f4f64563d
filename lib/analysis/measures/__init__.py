"""The measures stage: how ambitious each target is, as plain functions over a dataset.

Each function's docstring gives its formula and says where it does not apply (the value is
then missing and a ``*_note`` column says why). Sign convention: positive means more
ambitious, whatever the indicator's direction.
"""

from .change import implied_annual_change
from .coverage import COVERAGE_STATES, breadth, coverage
from .generations import plan_generations, plan_order
from .national import NationalPath, gap_to_national, headroom, national_path, national_paths
from .peers import peer_standing
from .progress import (
    PROGRESS_STATUSES,
    growth_rate,
    indicators_with_record,
    meets,
    progress_against_record,
    progress_band,
)
from .selection import (
    HEADLINE_INDICATOR,
    local_targets,
    national_targets,
    plan_jurisdictions,
    shared_indicators,
    target_source,
)
from .series import published_series, record_indicators
from .vertical import province_indicators, province_levels, vertical_gap

__all__ = [
    "COVERAGE_STATES",
    "HEADLINE_INDICATOR",
    "NationalPath",
    "PROGRESS_STATUSES",
    "breadth",
    "coverage",
    "gap_to_national",
    "growth_rate",
    "headroom",
    "implied_annual_change",
    "indicators_with_record",
    "local_targets",
    "meets",
    "national_path",
    "national_paths",
    "national_targets",
    "peer_standing",
    "plan_generations",
    "plan_jurisdictions",
    "plan_order",
    "progress_against_record",
    "progress_band",
    "province_indicators",
    "province_levels",
    "published_series",
    "record_indicators",
    "shared_indicators",
    "target_source",
    "vertical_gap",
]
