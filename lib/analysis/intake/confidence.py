"""How sure the extractor is of a candidate, from which rules fired, so a reviewer reads the
doubtful ones first.

Confidence starts at 1 and each doubt takes off its weight; the doubts are listed with the
candidate, in words a reviewer can check against the text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..data.chinese import to_simplified
from ..data.vocabularies import UNIT_BY_CODE
from .lists import SPLIT_BY_CATALOGUE
from .values import DECIMAL_AS_COMMA, RATE_ABOVE_100, SHARE_ABOVE_1

if TYPE_CHECKING:
    from .extraction import Candidate

WEIGHTS = {
    RATE_ABOVE_100: 0.5,
    SHARE_ABOVE_1: 0.5,
    "year not found": 0.45,
    SPLIT_BY_CATALOGUE: 0.25,
    "indicator not in catalogue": 0.2,
    "indicator phrase short or missing": 0.2,
    "year from the plan's horizon": 0.15,
    "year from a stated length counted from the plan's date": 0.1,
    "no verb or comparator": 0.15,
    "noun after the number": 0.1,
    "Chinese numeral": 0.1,
    "unit outside the vocabulary": 0.1,
    "year from a heading or an opening paragraph": 0.05,
    "year from the plan's title, period, stages or acceptance year": 0.05,
    "year named relative to the plan's date": 0.05,
    DECIMAL_AS_COMMA: 0.1,
}
FLOOR = 0.05
YEAR_DOUBTS = {
    "horizon": "year from the plan's horizon",
    "duration": "year from a stated length counted from the plan's date",
    "section": "year from a heading or an opening paragraph",
    "title": "year from the plan's title, period, stages or acceptance year",
    "period": "year from the plan's title, period, stages or acceptance year",
    "stages": "year from the plan's title, period, stages or acceptance year",
    "acceptance": "year from the plan's title, period, stages or acceptance year",
    "relative": "year named relative to the plan's date",
}


def doubts(c: Candidate) -> list[str]:
    """What makes a candidate doubtful, most serious first."""
    found = [c.impossible] if c.impossible else []
    if any(r.startswith(DECIMAL_AS_COMMA) for r in c.repairs):
        found.append(DECIMAL_AS_COMMA)
    if c.target_year is None:
        found.append("year not found")
    if not c.indicator_id:
        found.append("indicator not in catalogue")
    if len(c.indicator_phrase.strip()) < 3:
        found.append("indicator phrase short or missing")
    if c.year_source in YEAR_DOUBTS:
        found.append(YEAR_DOUBTS[c.year_source])
    if SPLIT_BY_CATALOGUE in c.cues:
        found.append(SPLIT_BY_CATALOGUE)
    if "table row" not in c.cues and "verb" not in c.cues:
        found.append("no verb or comparator")
    if "noun after the number" in c.cues:
        found.append("noun after the number")
    if "numeral" in c.cues:
        found.append("Chinese numeral")
    if c.unit and to_simplified(c.unit) not in UNIT_BY_CODE:
        found.append("unit outside the vocabulary")
    return sorted(found, key=lambda d: -WEIGHTS[d])


def score(c: Candidate) -> tuple[float, tuple[str, ...]]:
    """(confidence between 0.05 and 1, the doubts that lowered it)."""
    found = doubts(c)
    return round(max(FLOOR, 1 - sum(WEIGHTS[d] for d in found)), 2), tuple(found)
