"""Repeated mentions of one target become one candidate that lists every place it is stated.

A plan often states a target in its summary and again in the body, or in a sentence and in
its indicator table; a reviewer wants to decide once, seeing both places. Two candidates are
the same target when they name the same indicator (the same catalogue id, else the same
phrase once the words leading into it are set aside: 力争新培育X = 培育X) with the same value,
unit and target year; a summary may leave out the comparator or the kind of change.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..data.chinese import to_simplified

if TYPE_CHECKING:
    from .extraction import Candidate

# Words that lead into an indicator but do not name it: where, how hard, and the verb of making.
LEADING = re.compile(
    r"^(?:全市|全省|全县|全区|全国|力争|争取|其中|同时|确保|实现|累计|新增|新培育|再培育|培育|新建|建成|创建|新创建|打造|认定|新认定)+"
)


def target_key(c: Candidate) -> tuple | None:
    """What makes two candidates one target; None when the indicator is unnamed (never merged)."""
    phrase = LEADING.sub("", re.sub(r"\s+", "", to_simplified(c.indicator_phrase)))
    indicator = c.indicator_id or phrase
    if not indicator:
        return None
    return (indicator, c.value, c.value_high, to_simplified(c.unit), c.target_year)


def merge_repeats(candidates: list[Candidate]) -> list[Candidate]:
    """One candidate per target, in order of first mention, listing every mention's offset and quote.

    The first mention gives the quote; a later one fills in what the first lacks (a comparator
    other than =, a baseline, the binding or expected attribute of a table row).
    """
    merged: dict[tuple | int, Candidate] = {}
    for k, c in enumerate(candidates):
        key = target_key(c)
        first = merged.setdefault(key if key is not None else k, c)
        if first is c:
            c.mentions, c.quotes = (c.char_offset,), (c.quote,)
            continue
        if c.char_offset in first.mentions:  # one quote shared by a list's items: already there
            continue
        first.mentions += (c.char_offset,)
        first.quotes += (c.quote,)
        if first.comparator == "=" and c.comparator != "=":
            first.comparator = c.comparator
        first.change = first.change or c.change
        first.baseline_value = first.baseline_value if first.baseline_value is not None else c.baseline_value
        first.baseline_year = first.baseline_year or c.baseline_year
        first.obligation = first.obligation or c.obligation
        first.cues = tuple(dict.fromkeys(first.cues + c.cues))
    return list(merged.values())
