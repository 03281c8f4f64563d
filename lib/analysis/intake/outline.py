"""Where a paragraph stands in a plan: its heading path, and the year that its headings and
opening paragraphs set for the lines under them.

A heading's year (到2026年 in it, or a bare 2025年 in 三、2025年工作计划) governs the sections
under it; a paragraph that opens with one (到2025年,… then ——… lines) governs the lines after
it, until the next heading. A heading that reports what was done (工作总结, 发展基础) makes its
section retrospective.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .years import YEAR_RANGE, stage_year

HEADING = re.compile(r"^\s*(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）]|\d+[.．、](?!\d))")
HEADING_YEAR = re.compile(r"((?:19|20)\d\d)年")
RETROSPECTIVE_HEADING = re.compile(
    r"工作总结|工作回顾|回顾|主要成效|取得的成效|取得成效|主要成绩|工作成效|发展基础|发展现状|基本情况|完成情况|进展情况|存在的问题|存在问题|问题与不足"
)
OPENING_WORDS = ("到", "至", "“", '"', "十", "力争", "争取")


@dataclass
class Paragraph:
    """One line of the matching view: where it is, its text, and whether it is a heading."""

    start: int
    end: int
    text: str
    is_heading: bool


def paragraphs(s: str) -> list[Paragraph]:
    """The view's lines, each marked as a heading (一、, (一), 1.) or not."""
    out, pos = [], 0
    for line in s.split("\n"):
        out.append(Paragraph(pos, pos + len(line), line, bool(HEADING.match(line))))
        pos += len(line) + 1
    return out


class Outline:
    """Where a paragraph stands: its heading path, the year each heading sets (到2026年, or a
    bare 2025年 in 三、2025年工作计划) for the sections under it, and the year a paragraph that
    opens with one (到2025年,… then ——… lines) sets for the lines after it, until the next heading."""

    def __init__(self) -> None:
        self.titles: list[str] = []
        self.years: list[int | None] = []
        self.run_year: int | None = None
        self.run_depth = 0  # the headings above the paragraph that set run_year
        self.run_basis = ""

    def enter_heading(self, line: str) -> None:
        title = line.split("。", 1)[0].strip()[:30]
        level = 0 if re.match(r"^\s*[一二三四五六七八九十]+、", line) else 1 if re.match(r"^\s*[(（]", line) else 2
        # a heading's parents are the headings of the levels above it, "" where the plan skips one
        self.titles = (self.titles[:level] + [""] * level)[:level] + [title]
        self.years = (self.years[:level] + [None] * level)[:level] + [None]
        if level < self.run_depth:  # the list under an opening paragraph (1. 2. 3.) stays under it
            self.run_year, self.run_basis = None, ""

    def read_year(self, para: Paragraph, para_years: list[tuple[int, int]]) -> None:
        opening = [y for p, y in para_years if p - para.start <= 12]
        stage = stage_year(para.text)
        if para.is_heading:
            period = YEAR_RANGE.search(self.titles[-1])
            bare = HEADING_YEAR.search(self.titles[-1])
            year = (
                opening[0]
                if opening
                else para_years[0][1]
                if para_years
                else int(period.group(2))
                if period
                else int(bare.group(1))
                if bare
                else None
            )
            self.years[-1] = year
        elif stage is not None:
            self.run_year, self.run_depth, self.run_basis = stage[0], self._depth, f"the stage {stage[1]}"
        elif opening and para.text.lstrip().startswith(OPENING_WORDS):
            self.run_year, self.run_depth = opening[0], self._depth
            self.run_basis = f"the paragraph opening {para.text.strip()[:16]}…"

    @property
    def _depth(self) -> int:
        """The section headings (一、 and (一)) above a paragraph; numbered items (1.) are its list."""
        return min(len(self.titles), 2)

    @property
    def year(self) -> int | None:
        return self.run_year or next((y for y in reversed(self.years) if y), None)

    @property
    def year_basis(self) -> str:
        """Where :attr:`year` comes from: the paragraph or stage that opened the lines, or the heading."""
        if self.run_year:
            return self.run_basis
        k = next((k for k in range(len(self.years) - 1, -1, -1) if self.years[k]), None)
        return f"the heading {self.titles[k]}" if k is not None else ""

    @property
    def section(self) -> str:
        return " ".join(t for t in self.titles if t)

    @property
    def retrospective(self) -> bool:
        """Under a heading that reports what was done or what is lacking (工作总结, 发展基础, 存在的问题)."""
        return bool(RETROSPECTIVE_HEADING.search(self.section))


TITLE_LENGTH = 60


def document_title(text: str) -> str:
    """The text's first line, as the section of targets above its first heading (a report's
    headline, a plan's title); "" if the first line is a sentence rather than a title."""
    first = next((line.strip() for line in text.split("\n") if line.strip()), "")
    return first if len(first) <= TITLE_LENGTH and not any(mark in first for mark in "。；;") else ""
