"""Chart functions: each takes the validated dataset and returns a matplotlib Figure.

They never show or save (that is the notebook display helper's and the report batch's job).
Every chart states its units, target years and a source line, in Chinese (``lang="zh"``) or
English (``lang="en"``). Each jurisdiction keeps one colour in every chart; marker shape shows
the kind of commitment (comparator), so a ``>=`` floor never looks like a point target.
"""

from .bands import band_chart, escalation_chart, most_set_chart, years_ahead_chart
from .breadth import breadth_chart
from .coverage import coverage_columns, coverage_heatmap
from .generations import plan_generations_chart
from .profile import jurisdiction_profile
from .progress import progress_chart, record_chart
from .ranking import headroom_ranking
from .spread import indicator_spread
from .vertical import province_levels_chart, vertical_gaps

__all__ = [
    "band_chart",
    "escalation_chart",
    "most_set_chart",
    "years_ahead_chart",
    "breadth_chart",
    "coverage_columns",
    "coverage_heatmap",
    "headroom_ranking",
    "indicator_spread",
    "jurisdiction_profile",
    "plan_generations_chart",
    "progress_chart",
    "record_chart",
    "province_levels_chart",
    "vertical_gaps",
]
