"""The measures stage: how ambitious each target is, as plain functions over a dataset.

Each function's docstring gives its formula and says where it does not apply (the value is
then missing and a ``*_note`` column says why). Sign convention: positive means more
ambitious, whatever the indicator's direction.
"""

from .change import implied_annual_change
from .coverage import COVERAGE_STATES, breadth, coverage
from .national import NationalPath, gap_to_national, headroom, national_path
from .peers import peer_standing
from .selection import HEADLINE_INDICATOR, local_targets, national_targets, plan_jurisdictions, shared_indicators

__all__ = [
    "COVERAGE_STATES",
    "HEADLINE_INDICATOR",
    "NationalPath",
    "breadth",
    "coverage",
    "gap_to_national",
    "headroom",
    "implied_annual_change",
    "local_targets",
    "national_path",
    "national_targets",
    "peer_standing",
    "plan_jurisdictions",
    "shared_indicators",
]
