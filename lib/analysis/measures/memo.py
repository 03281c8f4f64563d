"""Measures computed once per dataset.

A report asks for the same measure several times (the gap under the headroom, the headroom
under the ranks, all three under the tables), and a dataset's tables do not change once
loaded, so each measure is kept on the dataset that produced it. Callers get a copy, so
editing a result cannot change what the next caller sees; a dataset made with
``dataclasses.replace`` is a new object and starts with no results.
"""

from __future__ import annotations

import copy
import functools
from collections.abc import Callable
from typing import TypeVar

from ..data import Dataset

Result = TypeVar("Result")


def once_per_dataset(measure: Callable[[Dataset], Result]) -> Callable[[Dataset], Result]:
    """``measure(dataset)``, computed on the first call for each dataset and copied after."""

    @functools.wraps(measure)
    def cached(dataset: Dataset) -> Result:
        results = dataset.__dict__.setdefault("_measures", {})
        if measure.__qualname__ not in results:
            results[measure.__qualname__] = measure(dataset)
        return copy.copy(results[measure.__qualname__])

    return cached
