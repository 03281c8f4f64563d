"""Which year a target is for, and which year the plan itself was written in.

A target's year is often stated once for many targets: in the sentence (到2025年), in a
heading or a paragraph opening that governs a list (到2026年,…  then ——… lines), in the
title of an annual plan (2024年质量工作要点, printed over two lines or in a notice's 《》) or a
multi-year one (行动计划(2024—2026年)), in the year the plan is to pass its assessment (力争2026年
通过考核验收: the deadline of every target in it), in a stated length (用两年时间, 经过三年努力)
counted from the date the plan was issued or reported, in the stages a plan is divided into
(第二阶段(2026—2027年)), or as a five-year-plan period (“十四五”期末). The plan's own date (the
issue date it was registered with, else the earliest full date it prints, else its title's
first year) tells a target from an achievement: a period that ended before the plan is
history. Where the year is inferred, :class:`YearBasis` says from what.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

FIVE_YEAR_PLAN_END = {"十一": 2010, "十二": 2015, "十三": 2020, "十四": 2025, "十五": 2030, "十六": 2035}
YEAR = r"((?:19|20)\d\d)"
YEAR_GOVERN = re.compile(
    rf"(?<!截)(?<!截止)(?:到|至|力争|争取|力争到|力争在|计划到|预计到){YEAR}年"
    rf"|{YEAR}年(?:底|末)?(?:前|以前|之前)"
    r"|[“\"]?(十[一二三四五六])五[”\"]?(?:时期|期间|期末|末|规划期)"
)
PLAN_KINDS = (
    r"(?:行动计划|行动方案|工作要点|工作计划|工作方案|实施方案|实施意见|重点工作|任务清单|工作安排|推进方案|攻坚方案"
    r"|工作任务|重点任务|工作思路)"
)
# The year nearest the kind of plan (2024年工作总结和2025年工作计划 is a plan for 2025); a title
# printed over two lines (十堰市2025年 / 质量强市工作要点) is read across the break.
TITLE_YEAR = re.compile(rf"{YEAR}年度?[^,，。;；\n\d]{{0,40}}?\n?[^,，。;；\n\d]{{0,40}}?{PLAN_KINDS}")
# A plan for this year named at its top: 现提出今年全市质量工作要点如下.
THIS_YEAR_PLAN = re.compile(rf"(?:今年|本年度?)[^,，。;；\n\d]{{0,20}}?{PLAN_KINDS}")
YEAR_RANGE = re.compile(rf"{YEAR}\s*(?:-|—|–|~|～|至|到)\s*{YEAR}年")
START_YEAR = re.compile(rf"(?:自|从|于){YEAR}年(?:起|开始)")
# A stated length: 为期两年, 用两年时间, 经过三年努力, 通过两年创建期, 三年行动(计划).
DURATION = re.compile(
    r"(?:为期|用|经过|通过|利用|再用|花)\s*([一二两三四五\d])\s*年|([一二两三四五])年(?:行动|攻坚|提升行动|创建期)"
)
# The year a plan is to pass its assessment or acceptance: every target of the plan is due then.
ACCEPTANCE = re.compile(
    rf"(?:力争|争取|确保|计划|预计)?(?:在|于|到)?{YEAR}年(?:底|末)?(?:前|以前)?[^,，。;；\n]{{0,4}}(?:通过|完成|接受|迎接)"
    r"[^,，。;；\n]{0,24}?(?:考核验收|验收|评估|复核|命名|考核)"
)
FULL_DATE = re.compile(rf"{YEAR}(?:年(\d{{1,2}})月(\d{{1,2}})日|-(\d\d)-(\d\d))(?!前|以前|之前|起|至|到)")
ISSUED = re.compile(r"((?:19|20)\d\d)(?:-(\d\d))?")
SMALL_NUMBERS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5}
TITLE_REACH = 400  # characters at the top of a text where its title, dates and horizon stand
LATE_IN_YEAR = 10  # a plan issued from October on starts its stated length the next year


@dataclass(frozen=True)
class YearBasis:
    """The year untimed targets are for, and where it was read: ``source`` names the rule,
    ``evidence`` the words it came from (shown to the reviewer)."""

    year: int
    source: str
    evidence: str


@dataclass(frozen=True)
class PlanDate:
    """The plan's own date as far as it is known: its year, and its month if known."""

    year: int
    month: int | None
    evidence: str


def plan_date(text: str, issued: str | None = None) -> PlanDate | None:
    """The plan's own date: the issue date it was registered with (``issued``, YYYY[-MM[-DD]]), else
    the earliest full date it prints (a web page's date or a reprint's comes later, never
    earlier), else its title's first year."""
    if issued and (m := ISSUED.match(issued)):
        return PlanDate(int(m.group(1)), int(m.group(2)) if m.group(2) else None, f"issued {issued}")
    dates = [(int(m.group(1)), int(m.group(2) or m.group(4)), m.group()) for m in FULL_DATE.finditer(text)]
    if dates:
        year, month, words = min(dates)
        return PlanDate(year, month, words)
    top = text[:TITLE_REACH]
    if m := YEAR_RANGE.search(top):
        return PlanDate(int(m.group(1)), None, m.group())
    if m := TITLE_YEAR.search(top):
        return PlanDate(int(m.group(1)), None, m.group())
    return None


def governing_years(text: str, deadlines: bool = True) -> list[tuple[int, int]]:
    """(position, year) of every phrase that sets a target year: 到2025年, “十三五”时期, and (unless
    ``deadlines`` is False) a deadline, 2025年底前, which governs its own sentence only."""
    out = []
    for m in YEAR_GOVERN.finditer(text):
        if m.group(2) and not deadlines:
            continue
        year = int(m.group(1) or m.group(2)) if (m.group(1) or m.group(2)) else FIVE_YEAR_PLAN_END.get(m.group(3))
        if year:
            out.append((m.start(), year))
    return out


def plan_year(text: str, issued: str | None = None) -> int | None:
    """The year the plan was written (:func:`plan_date`'s year)."""
    date = plan_date(text, issued)
    return date.year if date else None


def horizon_year(text: str, issued: str | None = None) -> int | None:
    """The year untimed targets are for (:func:`horizon`'s year)."""
    basis = horizon(text, issued)
    return basis.year if basis else None


def horizon(text: str, issued: str | None = None) -> YearBasis | None:
    """The year untimed targets are for, and the rule that gave it, in this order: the year the
    plan is to pass its acceptance; the end of its last stage when it is divided into stages; a
    period in its title (行动计划(2024—2026年)); a title's year (an annual plan, 今年…工作要点 from
    its date); a length stated at the top, counted from the plan's date; the commonest governing
    year from the plan's own year on (ties: the earliest); a length stated anywhere."""
    top = text[:TITLE_REACH]
    date = plan_date(text, issued)
    own = date.year if date else None
    if m := ACCEPTANCE.search(text):
        return YearBasis(int(m.group(1)), "acceptance", m.group())
    if (last := last_stage(text)) is not None:
        return last
    if m := YEAR_RANGE.search(top):
        return YearBasis(int(m.group(2)), "period", m.group())
    if m := TITLE_YEAR.search(top):
        return YearBasis(int(m.group(1)), "title", m.group())
    if date and (m := THIS_YEAR_PLAN.search(top)):
        return YearBasis(date.year, "title", f"{m.group()} ({date.evidence})")
    if (end := _duration_end(top, date)) is not None:
        return end
    years = Counter(y for _, y in governing_years(text, deadlines=False) or governing_years(text))
    if own is not None:  # periods that ended before the plan are history, not its horizon
        years = Counter({y: n for y, n in years.items() if y >= own})
    if years:
        top_count = max(years.values())
        year = min(y for y, n in years.items() if n == top_count)
        return YearBasis(year, "horizon", f"{year}年, the commonest target year of the plan")
    return _duration_end(text, date)


def _duration_end(text: str, date: PlanDate | None) -> YearBasis | None:
    """The last year of a stated length: 自2024年起…为期三年 -> 2026; without a start, counted from
    the plan's date (from the next year if it was issued from October on: 经过三年努力 in a plan
    of November 2023 runs 2024-2026)."""
    d = DURATION.search(text)
    if d is None:
        return None
    length = d.group(1) or d.group(2)
    years = SMALL_NUMBERS.get(length) or int(length)
    if start := START_YEAR.search(text):
        first, counted = int(start.group(1)), start.group()
    elif date is not None:
        late = date.month is not None and date.month >= LATE_IN_YEAR
        first, counted = date.year + late, date.evidence + (", issued late in the year" if late else "")
    else:
        return None
    last = first + years - 1
    return YearBasis(last, "duration", f"{d.group()}, counted from {counted} ({first}-{last})")


# A stage of a plan with its period (第二阶段(2026—2027年): / 近期目标(到2025年)): it governs
# the lines under it.
STAGE = re.compile(
    rf"^\s*(?:第[一二三四五六七八九十]+阶段|[近中远]期(?:目标)?|[^,，。;；:\n]{{0,8}}阶段)\s*[(（]\s*(?:到|至)?\s*"
    rf"(?:{YEAR}\s*(?:-|—|–|~|～|至|到)\s*)?{YEAR}\s*年?\s*[)）]"
)


def stage_year(line: str) -> tuple[int, str] | None:
    """The last year of a stage opening a line (第一阶段(2024—2025年): -> 2025), with its words."""
    m = STAGE.match(line)
    return (int(m.group(2)), m.group().strip()) if m else None


def last_stage(text: str) -> YearBasis | None:
    """The end of the last of two or more stages a plan is divided into."""
    stages = [found for line in text.split("\n") if (found := stage_year(line))]
    if len(stages) < 2:
        return None
    year, words = max(stages)
    return YearBasis(year, "stages", f"{words}, the plan's last stage")


RELATIVE_YEAR = re.compile(r"今年|本年度|年内|(?<![\d至止])年底|(?<![\d至止])年末|明年|下一年|下年度")
NEXT_YEAR_WORDS = ("明年", "下一年", "下年度")
# 全年 is this year's in a plan for one year; in a plan for several it says each year's.
WHOLE_YEAR = re.compile(r"全年")


def relative_year(head: str, own: int | None, one_year: bool = False) -> int | None:
    """The year a sentence names relative to the plan's own (今年, 年内, 到年底 -> its year; 明年 -> the
    next; 全年 -> its year, in a plan for one year)."""
    found = RELATIVE_YEAR.findall(head)
    if own is None:
        return None
    if not found:
        return own if one_year and WHOLE_YEAR.search(head) else None
    return own + (1 if found[-1] in NEXT_YEAR_WORDS else 0)
