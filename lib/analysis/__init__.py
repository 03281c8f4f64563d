"""Compare the quantitative targets of Chinese quality-development plans.

``analysis.load()`` returns the validated curated tables; the submodules compute ambition
measures (``ambition``), draw charts (``plots``), extract candidate targets from raw text
(``extract``) and run the report batch (``reports``).
"""

from .loading import Dataset, DataValidationError, load, validate

__all__ = ["Dataset", "DataValidationError", "load", "validate"]
