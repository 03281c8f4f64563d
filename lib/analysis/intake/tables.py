"""Indicator tables (主要指标表): one candidate target per row (and per target year).

Plans put their headline numbers in a table whose header names the columns: 指标名称 |
单位 | 基期值 (or a base year, 2023年) | 目标值 (or a target year, 2026年) | 属性 (预期性 or
约束性). The readers in :mod:`.formats` write a table one row a line, cells between ``|``
(tabs work too); this module finds the header, tells each column's role from its words,
and reads every row below it. A column's year (2023年 over the baseline, 2026年目标 over
the target) gives the baseline and target years.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .mentions import UNIT

CELL_SPLIT = re.compile(r"[|\t]")
YEAR_IN_HEADER = re.compile(r"((?:19|20)\d\d)")
NAME_HEADER = re.compile(r"^(?:主要)?(?:指标|具体指标|指标名称|名称|主要指标|指标项)$")
UNIT_HEADER = re.compile(r"单位")
BASELINE_HEADER = re.compile(r"基期|基准|现状|基数|基础值|实际值")
TARGET_HEADER = re.compile(r"目标|规划值|预期值")
BARE_YEAR_HEADER = re.compile(r"^((?:19|20)\d\d)年?(?:值|年底|年末)?$")
OBLIGATION_HEADER = re.compile(r"属性|性质|指标类型|类型")
OBLIGATIONS = {"约束": "binding", "预期": "expected"}
CELL_NUMBER = re.compile(r"(\d+(?:\.\d+)?)(?:(?:-|—|–|~|～|至)(\d+(?:\.\d+)?))?")
AT_LEAST = ("≥", ">=", ">", "不低于", "不少于", "超过", "高于", "以上", "突破")
AT_MOST = ("≤", "<=", "<", "不超过", "不高于", "低于", "以内", "以下", "控制在")
ABOUT = ("左右", "约")
COMPARATOR_WORDS = {">=": AT_LEAST, "<=": AT_MOST, "~": ABOUT}
DOWN = ("下降", "降低", "减少")
UP = ("提高", "提升", "增长", "增加")
ROW_NUMBER = re.compile(r"^(?:\d+|[(（]\d+[)）]|\d+[.、．])")


@dataclass(frozen=True)
class Columns:
    """Where each role sits in an indicator table, and the years its header gives."""

    name: int
    targets: tuple[tuple[int, int | None], ...]  # (column, the year its header gives)
    width: int
    unit: int | None = None
    baseline: int | None = None
    obligation: int | None = None
    baseline_year: int | None = None


@dataclass(frozen=True)
class Cell:
    text: str
    start: int  # position in the view
    end: int


@dataclass(frozen=True)
class Row:
    """One row of an indicator table: its cells by role, and where the line is in the view."""

    columns: Columns
    cells: tuple[Cell, ...]
    start: int
    end: int

    def cell(self, index: int | None) -> Cell | None:
        """The cell in column ``index``; a row short of cells lost its first ones to a merged cell."""
        if index is None:
            return None
        k = index - (self.columns.width - len(self.cells))
        return self.cells[k] if 0 <= k < len(self.cells) else None


@dataclass(frozen=True)
class Value:
    """A number cell as written: ≥95, 95以上, 1-2, 86.5, 较2020年下降14%."""

    value: float
    value_high: float | None
    comparator: str
    unit: str
    change: str = ""
    baseline_year: int | None = None


def split_cells(s: str, start: int, end: int) -> list[Cell]:
    """The cells of a table line in the view (cells between ``|`` or tabs, outer bars dropped)."""
    cells, pos = [], start
    for part in CELL_SPLIT.split(s[start:end]):
        cells.append(Cell(part.strip(), pos, pos + len(part)))
        pos += len(part) + 1
    if cells and not cells[0].text:
        cells = cells[1:]
    if cells and not cells[-1].text:
        cells = cells[:-1]
    return cells


def is_table_line(line: str) -> bool:
    """Cells between bars, or three or more cells between tabs (wide gaps read as tabs)."""
    return line.lstrip().startswith(("|", "｜")) or line.count("\t") >= 2


def header_columns(cells: list[Cell]) -> Columns | None:
    """The roles of a header row's cells, or None if it is not an indicator table's header.

    Columns headed by bare years (2020年 | 2025年 | 2035年) are targets, the earliest of two or
    more being the baseline unless a column says 基期值; a table may set targets for several
    years, each a candidate.
    """
    roles: dict[str, int] = {}
    years: dict[str, int] = {}
    targets: list[tuple[int, int | None]] = []
    bare_years: list[tuple[int, int]] = []
    for k, cell in enumerate(cells):
        text = re.sub(r"[()（）\s]", "", cell.text)
        if m := BARE_YEAR_HEADER.match(text):
            bare_years.append((int(m.group(1)), k))
            continue
        role = next((r for r, pattern in ROLE_PATTERNS if r not in roles and pattern.search(text)), None)
        year = YEAR_IN_HEADER.search(text)
        if role == "target":
            targets.append((k, int(year.group(1)) if year else None))
        elif role is not None:
            roles[role] = k
            if year:
                years[role] = int(year.group(1))
    baseline = _year_columns(sorted(bare_years), targets, roles.get("baseline"))
    if baseline is not None:
        roles["baseline"], years["baseline"] = baseline[1], baseline[0]
    if "name" not in roles or not targets:
        return None
    return Columns(
        name=roles["name"],
        targets=tuple(targets),
        width=len(cells),
        unit=roles.get("unit"),
        baseline=roles.get("baseline"),
        obligation=roles.get("obligation"),
        baseline_year=years.get("baseline"),
    )


def _year_columns(
    bare_years: list[tuple[int, int]], targets: list[tuple[int, int | None]], baseline: int | None
) -> tuple[int, int] | None:
    """Share the bare-year columns between targets (added to ``targets``) and the baseline, returned."""
    if not bare_years:
        return None
    if baseline is None and (targets or len(bare_years) >= 2):
        first, rest = bare_years[0], bare_years[1:]
    else:
        first, rest = None, bare_years
    if not targets:
        targets.extend((k, year) for year, k in rest)
    return first


ROLE_PATTERNS = (
    ("name", NAME_HEADER),
    ("unit", UNIT_HEADER),
    ("obligation", OBLIGATION_HEADER),
    ("target", TARGET_HEADER),
    ("baseline", BASELINE_HEADER),
)


def indicator_rows(s: str, lines: list[tuple[int, int]]) -> dict[int, Row]:
    """Every row of every indicator table in the view, by the start of its line."""
    rows: dict[int, Row] = {}
    columns: Columns | None = None
    for start, end in lines:
        if not is_table_line(s[start:end]):
            columns = None
            continue
        cells = split_cells(s, start, end)
        header = header_columns(cells)
        if header is not None and (columns is None or len(cells) >= columns.width):
            columns = header
        elif columns is not None and cells:
            rows[start] = Row(columns, tuple(cells), start, end)
    return rows


def read_value(text: str) -> Value | None:
    """A target or baseline cell's number, comparator, unit and change; None for —, 无 or words.

    The number is the first in the cell that is not a year (较2020年下降14% reads 14, a
    decrease on 2020); the comparator and the change come from the words around it.
    """
    cell = re.sub(r"\s", "", text)
    for m in CELL_NUMBER.finditer(cell):
        after = cell[m.end() :]
        if after.startswith("年"):
            continue
        unit = UNIT.match(after)
        words = cell[: m.start()] + after[unit.end() if unit else 0 :]
        high = float(m.group(2)) if m.group(2) else None
        base = re.search(r"((?:19|20)\d\d)年", cell[: m.start()])
        return Value(
            float(m.group(1)),
            high,
            _cell_comparator(words, high),
            unit.group() if unit else "",
            "decrease" if any(w in words for w in DOWN) else "increase" if any(w in words for w in UP) else "",
            int(base.group(1)) if base else None,
        )
    return None


def _cell_comparator(words: str, high: float | None) -> str:
    """The comparator the cell's words give; the longest word decides (不低于 over 低于)."""
    if high is not None:
        return "range"
    said = [(len(w), comparator) for comparator, ws in COMPARATOR_WORDS.items() for w in ws if w in words]
    return max(said)[1] if said else "="


def indicator_name(cell: Cell) -> str:
    """The indicator's name without a leading row number (1. 制造业… -> 制造业…)."""
    return ROW_NUMBER.sub("", cell.text).strip()


def obligation(row: Row) -> str:
    """binding (约束性) or expected (预期性) from the row's attribute cell; empty if none."""
    cell = row.cell(row.columns.obligation)
    if cell is None:
        return ""
    return next((code for word, code in OBLIGATIONS.items() if word in cell.text), "")
