"""Numbers a plan cannot mean as printed: a decimal point printed as 、 or lost in conversion.

A text layer or a reprint can damage a number: 98、5% (the point printed as an enumeration
comma), 985% (the point lost), 99. 2% (a space after it). The unambiguous case, digits、digit
before a percent sign, is read as a decimal in the matching view (:mod:`.repair`) and the
candidate says so. Anything else stays as written: a rate above 100% or a share above 1 is
never a target, so the candidate carries a doubt and a proposed repair for the reviewer, and
is never emitted silently.
"""

from __future__ import annotations

import re

from ..data.chinese import format_number

SHARE_NOUN = re.compile(r"(?:比重|占比|比例|份额)$")
LEVEL_CHANGES = ("", "annual")  # a level to reach (not a growth on a base, which may exceed 100%)
DECIMAL_AS_COMMA = "decimal point printed as 、"
RATE_ABOVE_100 = "a rate above 100%"
SHARE_ABOVE_1 = "a share above 1 with no percent sign"


def comma_decimal(stored_number: str) -> str:
    """The note for a number whose decimal point was printed as 、 (98、5 read as 98.5), or ""."""
    if "、" not in stored_number:
        return ""
    return f"{DECIMAL_AS_COMMA}: {stored_number} read as {stored_number.replace('、', '.')}"


def impossible(value: float, unit: str, change: str, phrase: str) -> tuple[str, str]:
    """(doubt, proposed repair) for a value no target can have, or ("", "").

    A level in % above 100 is a lost decimal point (985% -> 98.5%): the proposal is the value
    with the point put back where it first gives 100 or less. A share stated with no unit above 1
    lost its percent sign (比重达到15 -> 15%).
    """
    if unit == "%" and change in LEVEL_CHANGES and value > 100:
        repaired = value
        while repaired > 100:
            repaired /= 10
        return RATE_ABOVE_100, f"{format_number(round(repaired, 6))}% (a decimal point lost?)"
    if not unit and SHARE_NOUN.search(phrase.strip()) and 1 < value <= 100:
        return SHARE_ABOVE_1, f"{format_number(value)}% (a percent sign lost?)"
    return "", ""
