"""Compare the quantitative targets of Chinese quality-development plans (质量强市/质量强省).

The package follows the data's way: ``data`` (read, check, join) -> ``measures`` (ambition)
-> ``presentation`` (labels, charts, tables) -> ``report`` (the batch); ``intake`` (adding a
plan) stands beside it. ``analysis.load()`` returns the validated dataset.
"""

from .data import Dataset, keep_plans, keep_tiers, load, validate
from .errors import AnalysisError, DataValidationError, IntakeError, ParameterError, ReportError

__all__ = [
    "AnalysisError",
    "DataValidationError",
    "Dataset",
    "IntakeError",
    "ParameterError",
    "ReportError",
    "keep_plans",
    "keep_tiers",
    "load",
    "validate",
]
