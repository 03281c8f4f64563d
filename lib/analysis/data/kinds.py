"""What a target commits to, read from its words by one rule for both tiers of provenance.

A count of 450 enterprises reached (达到450家) and 250 added over the plan (新增250家) are
different commitments, as are a rate, an index score and a place in a ranking; the measures
rank and average only targets of one kind. The rule reads the wording (a quoted target's
quote, a cited target's evidence passage) together with the words outside it that govern the
number (``context``: a verb or period phrase the sentence or heading shares), the unit, the
catalogue's name of the indicator and, for a relative target, how it is stated against its
baseline. ``targets.csv`` records the kind; the validator checks every row against this rule.
"""

from __future__ import annotations

from dataclasses import dataclass

from .chinese import to_simplified
from .vocabularies import RATIO_QUANTITIES, RELATIVE_CHANGES, SCORE_QUANTITIES, UNIT_BY_CODE, UNSTATED

# Words that count units added over the plan period.
ADDITION_WORDS = (
    "新增",
    "新建",
    "新创建",
    "新创",
    "新培育",
    "新认定",
    "新认证",
    "新制定",
    "新获",
    "新发展",
    "新引进",
    "新纳入",
    "增加",
)
# Verbs of making: they count additions only under a phrase naming the period counted over
# (“十四五”期间创建…); alone (培育湖北精品30个) they are read as the total reached, as 达到 is.
MAKING_VERBS = ("建设", "建成", "创建", "争创", "培育", "打造", "制定", "制修订", "组建", "实施", "选树")
PERIOD_WORDS = ("期间", "期内", "时期", "十三五", "十四五", "十五五")
ANNUAL_WORDS = ("每年", "年均", "年度")
# Words of a total reached: in a one-year plan, a count without them is what the year adds.
LEVEL_WORDS = ("达到", "达", "突破", "总量", "总数", "保有量", "拥有量", "覆盖", "累计")
# A number per head or per unit is a ratio whatever its counter (每万人口…3件, 每百万人口…, 每条细分链…2家).
PER_BASE_WORDS = ("每万", "每百万", "每千", "人均", "每条", "每家")


@dataclass(frozen=True)
class KindReading:
    """A target's kind and the words or unit that decided it."""

    kind: str
    because: str


def _first(words: tuple[str, ...], text: str) -> str | None:
    return next((w for w in words if w in text), None)


def read_kind(
    wording: str, unit: str, indicator_name: str, change: str | None = None, annual_plan: bool = False
) -> KindReading:
    """The kind of a target, by the first rule that holds.

    1. ``relative``: stated as a change on a baseline (``change`` increase, decrease or
       annual growth: 较2020年下降14%, 年均增长10%).
    2. ``rank``: a place in a ranking (unit 名).
    3. ``rate``: a percentage, points or a ratio unit (万元/人, 批次/千人), or a number per head
       or per unit (每万人口…, 每条细分链…) in the wording or the catalogue's name.
    4. ``index``: an index or a score (unit index or 分).
    5. ``annual``: a yearly quota or flow (每年, 年均, 年度).
    6. ``addition``: units added over the plan period: an addition word (新增, 新建, 新培育 …),
       or a verb of making (建设, 创建, 培育 …) under a phrase naming the period (期间, “十四五”),
       or, in a one-year plan (``annual_plan``), a count with no word of a total reached (达到,
       突破, 总量 …): what that year adds.
    7. ``level``: otherwise, a total or level reached (达到450家; a bare count; a verb of making
       with no period named).

    ``wording`` is read in simplified characters (traditional text is converted first); a
    target whose text states no unit is a score where the catalogue measures one.
    """
    text = to_simplified(wording)
    quantity = UNIT_BY_CODE[unit].quantity if unit in UNIT_BY_CODE else ""
    if change in RELATIVE_CHANGES:
        return KindReading("relative", f"stated as {change} on a baseline")
    if quantity == "rank":
        return KindReading("rank", f"unit {unit}")
    if quantity in RATIO_QUANTITIES:
        return KindReading("rate", f"unit {unit}")
    per_base = _first(PER_BASE_WORDS, text) or _first(PER_BASE_WORDS, indicator_name)
    if per_base:
        return KindReading("rate", f"a number per head or unit ({per_base})")
    if quantity in SCORE_QUANTITIES or unit == UNSTATED:
        return KindReading("index", f"unit {unit}")
    annual = _first(ANNUAL_WORDS, text)
    if annual:
        return KindReading("annual", f"a yearly quota ({annual})")
    added = _first(ADDITION_WORDS, text.replace("增加值", ""))  # 增加值 is value added, not an addition
    if added:
        return KindReading("addition", f"an addition word ({added})")
    making, period = _first(MAKING_VERBS, text), _first(PERIOD_WORDS, text)
    if making and period:
        return KindReading("addition", f"a verb of making ({making}) over a named period ({period})")
    if annual_plan and not _first(LEVEL_WORDS, text):
        return KindReading("addition", "a count in a one-year plan, with no word of a total reached")
    return KindReading("level", "no addition, yearly or ratio wording: a total or level reached")
