"""Measures computed once per dataset.

A report asks for the same measure several times (the gap under the headroom, the headroom
under the ranks, all three under the tables), and a dataset's tables do not change once
loaded, so each measure is kept on the dataset that produced it (and on its other arguments,
which must be hashable). Callers get a copy, so
editing a result cannot change what the next caller sees; a dataset made with
``dataclasses.replace`` is a new object and starts with no results.
"""

from __future__ import annotations

import copy
import functools
from collections.abc import Callable
from typing import Concatenate, ParamSpec, TypeVar

from ..data import Dataset

Result = TypeVar("Result")
Arguments = ParamSpec("Arguments")


def once_per_dataset(
    measure: Callable[Concatenate[Dataset, Arguments], Result],
) -> Callable[Concatenate[Dataset, Arguments], Result]:
    """``measure(dataset, ...)``, computed on the first call for each dataset and arguments and
    copied after."""

    @functools.wraps(measure)
    def cached(dataset: Dataset, *args: Arguments.args, **kwargs: Arguments.kwargs) -> Result:
        results = dataset.__dict__.setdefault("_measures", {})
        key = (measure.__qualname__, args, tuple(sorted(kwargs.items())))
        if key not in results:
            results[key] = measure(dataset, *args, **kwargs)
        return copy.copy(results[key])

    return cached
