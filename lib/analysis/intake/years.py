"""Which year a target is for, and which year the plan itself was written in.

A target's year is often stated once for many targets: in the sentence (到2025年), in a
heading or a paragraph opening that governs a list (到2026年,…  then ——… lines), in the
title of an annual plan (2024年质量工作要点) or a multi-year one (行动计划(2024—2026年)), in a
stated horizon (力争2026年…, 为期两年) or as a five-year-plan period (“十四五”期末). The
plan's own year (the earliest full date it prints, else its title's first year) tells a
target from an achievement: a period that ended before the plan is history.
"""

from __future__ import annotations

import re
from collections import Counter

FIVE_YEAR_PLAN_END = {"十一": 2010, "十二": 2015, "十三": 2020, "十四": 2025, "十五": 2030, "十六": 2035}
YEAR = r"((?:19|20)\d\d)"
YEAR_GOVERN = re.compile(
    rf"(?<!截)(?<!截止)(?:到|至|力争|争取|力争到|力争在|计划到|预计到){YEAR}年"
    rf"|{YEAR}年(?:底|末)?(?:前|以前|之前)"
    r"|[“\"]?(十[一二三四五六])五[”\"]?(?:时期|期间|期末|末|规划期)"
)
PLAN_KINDS = r"(?:行动计划|行动方案|工作要点|工作计划|工作方案|实施方案|重点工作|任务清单|工作安排|推进方案|攻坚方案)"
# The year nearest the kind of plan (2024年工作总结和2025年工作计划 is a plan for 2025).
TITLE_YEAR = re.compile(rf"{YEAR}年度?[^,，。;；\n\d]{{0,40}}?{PLAN_KINDS}")
YEAR_RANGE = re.compile(rf"{YEAR}\s*(?:-|—|–|~|～|至|到)\s*{YEAR}年")
START_YEAR = re.compile(rf"(?:自|从|于){YEAR}年(?:起|开始)")
DURATION = re.compile(r"(?:为期|用)([一二两三四五\d])年")
FULL_DATE = re.compile(rf"{YEAR}(?:年(\d{{1,2}})月(\d{{1,2}})日|-(\d\d)-(\d\d))(?!前|以前|之前|起|至|到)")
SMALL_NUMBERS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5}
TITLE_REACH = 300  # characters at the top of a text where its title, dates and horizon stand


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


def plan_year(text: str) -> int | None:
    """The year the plan was written: the earliest full date it prints (a web page's date or a
    reprint's comes later, never earlier), else its title's first year."""
    dates = [int(m.group(1)) for m in FULL_DATE.finditer(text)]
    if dates:
        return min(dates)
    top = text[:TITLE_REACH]
    if m := YEAR_RANGE.search(top):
        return int(m.group(1))
    if m := TITLE_YEAR.search(top):
        return int(m.group(1))
    return None


def horizon_year(text: str) -> int | None:
    """The year untimed targets are for: a title's year (an annual or multi-year plan), the end
    of a duration stated at the top (自2024年起…为期三年), else the commonest governing year from
    the plan's own year on (ties: the earliest), else the end of a duration stated anywhere."""
    top = text[:TITLE_REACH]
    if m := YEAR_RANGE.search(top):
        return int(m.group(2))
    if m := TITLE_YEAR.search(top):
        return int(m.group(1))
    own = plan_year(text)
    if (end := _duration_end(top, own)) is not None:
        return end
    years = Counter(y for _, y in governing_years(text, deadlines=False) or governing_years(text))
    if own is not None:  # periods that ended before the plan are history, not its horizon
        years = Counter({y: n for y, n in years.items() if y >= own})
    if years:
        top_count = max(years.values())
        return min(y for y, n in years.items() if n == top_count)
    return _duration_end(text, own)


def _duration_end(text: str, own: int | None) -> int | None:
    """The last year of a stated duration: 自2024年起…为期三年 -> 2026 (from the plan's year if no start)."""
    d = DURATION.search(text)
    if d is None:
        return None
    start = START_YEAR.search(text)
    first = int(start.group(1)) if start else own
    if first is None:
        return None
    return first + (SMALL_NUMBERS.get(d.group(1)) or int(d.group(1))) - 1


RELATIVE_YEAR = re.compile(r"今年|本年度|年内|(?<![\d至止])年底|(?<![\d至止])年末|明年|下一年|下年度")
NEXT_YEAR_WORDS = ("明年", "下一年", "下年度")


def relative_year(head: str, own: int | None) -> int | None:
    """The year a sentence names relative to the plan's own (今年, 年内, 到年底 -> its year; 明年 -> the next)."""
    found = RELATIVE_YEAR.findall(head)
    if own is None or not found:
        return None
    return own + (1 if found[-1] in NEXT_YEAR_WORDS else 0)
