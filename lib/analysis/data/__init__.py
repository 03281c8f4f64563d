"""The data stage: read the curated CSVs, type and check them, and join them into a dataset.

``load()`` is the entry point; ``validate()`` reports every problem without raising.
"""

from .dataset import Dataset, validate
from .families import keep_plans
from .loading import load
from .tiers import keep_tiers

__all__ = ["Dataset", "keep_plans", "keep_tiers", "load", "validate"]
