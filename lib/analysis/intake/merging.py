"""Repeated mentions of one target become one candidate that lists every place it is stated.

A plan often states a target in its summary and again in the body, or in a sentence and in
its indicator table; a reviewer wants to decide once, seeing both places. Two candidates are
the same target when they name the same indicator (the same catalogue id, else the same
phrase once the words leading into it are set aside: 力争新培育X = 培育X, or a headline's name with
its place in front) with the same value, unit and target year; a summary may leave out the
comparator or the kind of change.
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


# A headline or a lead names the indicator with its place or its time in front (绵阳制造业产品质量
# 合格率 in the headline, 制造业产品质量合格率 in the body): a short prefix, on a phrase long
# enough to name a measure by itself.
LEAD_PREFIX = 4
MEASURE_LENGTH = 5


def _same_as_earlier(c: Candidate, key: tuple, merged: dict[tuple | int, Candidate]) -> tuple | None:
    """The key of an earlier candidate that states the same target under a longer or shorter name."""
    phrase, rest = key[0], key[1:]
    if c.indicator_id:
        return None
    for other_key, other in merged.items():
        if not isinstance(other_key, tuple) or other_key[1:] != rest or other.indicator_id:
            continue
        if other.char_offset == c.char_offset or c.char_offset in other.mentions:
            continue  # one list's items share a quote: they are different targets
        longer, shorter = (phrase, other_key[0]) if len(phrase) >= len(other_key[0]) else (other_key[0], phrase)
        if len(shorter) >= MEASURE_LENGTH and longer.endswith(shorter) and len(longer) - len(shorter) <= LEAD_PREFIX:
            return other_key
    return None


def merge_repeats(candidates: list[Candidate]) -> list[Candidate]:
    """One candidate per target, in order of first mention, listing every mention's offset and quote.

    The first mention gives the quote; a later one fills in what the first lacks (a comparator
    other than =, a baseline, the binding or expected attribute of a table row).
    """
    merged: dict[tuple | int, Candidate] = {}
    for k, c in enumerate(candidates):
        key = target_key(c)
        if key is not None and key not in merged:
            key = _same_as_earlier(c, key, merged) or key
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
