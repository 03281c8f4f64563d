"""The measures stage: how ambitious each target is, as plain functions over a dataset.

Each function's docstring gives its formula and says where it does not apply (the value is
then missing and a ``*_note`` column gives the reason as a code, :mod:`.notes`). Sign
convention: positive means more ambitious, whatever the indicator's direction. Only targets of
one kind, from comparable levels of government and of one method vintage, are compared.
"""

from . import bands, notes
from .bands import AMBITION_BANDS, ambition_bands
from .change import implied_annual_change
from .coverage import COVERAGE_STATES, breadth, coverage
from .findings import findings
from .generations import plan_generations, plan_order
from .hierarchy import escalation_summary, hierarchy
from .national import (
    NationalPath,
    gap_to_national,
    headroom,
    national_path,
    national_path_pieces,
    national_paths,
)
from .peers import MIN_PEERS, peer_group, peer_standing
from .progress import (
    PROGRESS_STATUSES,
    growth_rate,
    indicators_with_record,
    meets,
    progress_against_record,
    progress_band,
    progress_ratio,
)
from .selection import (
    HEADLINE_INDICATOR,
    local_targets,
    national_target_rows,
    national_targets,
    plan_jurisdictions,
    province_members,
    shared_indicators,
    target_source,
)
from .series import published_series, record_indicators
from .table import measures_slice, measures_table
from .vertical import province_indicators, province_levels, vertical_gap
from .vintages import target_vintages, vintage_at

__all__ = [
    "AMBITION_BANDS",
    "COVERAGE_STATES",
    "ambition_bands",
    "bands",
    "escalation_summary",
    "findings",
    "hierarchy",
    "HEADLINE_INDICATOR",
    "MIN_PEERS",
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
    "measures_slice",
    "measures_table",
    "meets",
    "national_path",
    "national_path_pieces",
    "national_paths",
    "national_target_rows",
    "national_targets",
    "notes",
    "peer_group",
    "peer_standing",
    "plan_generations",
    "plan_jurisdictions",
    "plan_order",
    "progress_against_record",
    "progress_band",
    "progress_ratio",
    "province_indicators",
    "province_levels",
    "province_members",
    "published_series",
    "record_indicators",
    "shared_indicators",
    "target_source",
    "target_vintages",
    "vertical_gap",
    "vintage_at",
]
