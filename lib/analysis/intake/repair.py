"""The text the extractor matches on, with a faithful map back to the text as stored.

Text taken from a PDF's text layer carries artefacts of the layout: spaces inside words and
around numbers (到 2027 年), lines broken wherever the page was full (…认证率达到 80\n%以上),
and page headers, footers and page numbers between the lines of a sentence. The matching
view removes them (and reads a wide gap inside a line as a tab between table cells), and
also folds the script to simplified characters and full-width forms
to ASCII, one character for one. Nothing is removed from the stored text: every position
in the view maps back to the stored character it came from, so quotes and offsets always
point into the text exactly as stored.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field

from ..data.chinese import fold_width, to_simplified
from .formats import PAGE_BREAK

# A run of spaces inside a line; kept only between two Latin letters or two digits (words,
# separate numbers), removed elsewhere. Tabs separate table cells and are kept.
SPACES = re.compile(r"[ \u3000\u00a0]+")
SENTENCE_END = tuple("。！？；!?;：:")
# Lines that open a new item: a heading, a list item, a dash item or a table row.
LINE_OPENER = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十\d]+[)）]|\d+[.．、](?!\d)|——|[|｜\t]|第[一二三四五六七八九十\d]+[章条节])"
)
PAGE_NUMBER = re.compile(
    r"^\s*(?:[-—–－]+\s*\d{1,4}\s*[-—–－]+|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?"
    r"|\d{1,4}\s*/\s*\d{1,4}|(?:page|Page|PAGE)\s*\d{1,4}(?:\s*of\s*\d{1,4})?)\s*$"
)
WIDE = re.compile("[\u2e81-\U0010ffff]")
CELL_GAP = re.compile(r"\t|[ \u3000\u00a0]{2,}")
NUMBER_GOES_ON = "0123456789.%‰"
CUT_NUMBER = re.compile(r"\d\.?$")
# What follows a number cut in two goes on as a quantity (7%, 5个), not as a date or time (3月17日).
CUT_GOES_ON = re.compile(r"^(?:[\d.]+(?![\d.])\s*(?![年月日时号点:\-/])|[%‰])")
# Characters no paragraph starts with (a line printed from a page may: the break fell before
# them), and comparator words a break can cut (以\n上, 左\n右).
NEVER_OPENS = "，,、。；;：:！？!?%‰）)》”」』"
CUT_WORD = re.compile(r"以[上下内]|左右|之内")
BARE_NUMBER = re.compile(r"^\s*\d{1,4}\s*$")
FURNITURE_MAX_WIDTH = 60
EDGE_LINES = 2  # a page header or footer sits within the first or last two lines of a page


@dataclass
class View:
    """The matching text and the map from its positions to the stored text's.

    ``text`` is a concatenation of stored spans (``segments``: view start, stored start,
    length), simplified and width-folded character for character. ``furniture`` lists the
    stored spans of page furniture lines left out of the view.
    """

    text: str
    segments: list[tuple[int, int, int]]
    furniture: list[tuple[int, int]]
    stored_length: int
    starts: list[int] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.starts = [v for v, _, _ in self.segments]

    def stored(self, pos: int) -> int:
        """The stored position of the view character at ``pos`` (the stored end for the view's end)."""
        if pos >= len(self.text):
            if not self.segments:
                return self.stored_length
            _, stored_start, length = self.segments[-1]
            return stored_start + length
        k = bisect.bisect_right(self.starts, pos) - 1
        view_start, stored_start, _ = self.segments[k]
        return stored_start + pos - view_start

    def stored_span(self, start: int, end: int) -> tuple[int, int]:
        """The stored span covering view characters ``start`` to ``end`` (exclusive)."""
        if end <= start:
            at = self.stored(start)
            return at, at
        return self.stored(start), self.stored(end - 1) + 1

    def original(self, text: str, start: int, end: int) -> str:
        """The stored characters behind view characters ``start`` to ``end``, artefacts left out."""
        if end <= start:
            return ""
        pieces = []
        k = bisect.bisect_right(self.starts, start) - 1
        while k < len(self.segments) and self.segments[k][0] < end:
            view_start, stored_start, length = self.segments[k]
            a, b = max(start, view_start), min(end, view_start + length)
            pieces.append(text[stored_start + a - view_start : stored_start + b - view_start])
            k += 1
        return "".join(pieces)


# A decimal point printed as 、 (98、5%): digits, 、, one or two digits, then a percent sign. A
# list of numbers (1、2、3%) or an item number before it (第2、3%) is left alone.
ENUMERATION_DECIMAL = re.compile(r"(?<![\d、第.])(\d{1,3})、(\d{1,2})(?=\s*[%‰])")


def simplified(text: str) -> str:
    """Simplified characters and ASCII forms, one character for one (offsets unchanged); a
    decimal point printed as 、 before a percent sign (98、5%) reads as a point."""
    s = to_simplified(text)
    if len(s) != len(text):  # OpenCC phrase conversions can change length: convert per character
        s = "".join(to_simplified(c) for c in text)
    return ENUMERATION_DECIMAL.sub(r"\1.\2", fold_width(s))


def matching_view(text: str) -> View:
    """The view of ``text`` the extractor matches on: artefacts removed, mapped back exactly."""
    folded = simplified(text)
    lines = _lines(folded)
    furniture = _furniture(folded, lines)
    kept = [k for k, (a, b) in enumerate(lines) if (a, b) not in furniture and folded[a:b] != PAGE_BREAK]
    width = _wrap_width(folded, [lines[k] for k in kept])
    segments: list[tuple[int, int, int]] = []
    pieces: list[str] = []
    pos = 0
    for n, k in enumerate(kept):
        a, b = lines[k]
        for sa, sb, gap in _spans_without_spaces(folded, a, b):
            segments.append((pos, sa, sb - sa))
            pieces.append(gap or folded[sa:sb])
            pos += sb - sa
        nxt = kept[n + 1] if n + 1 < len(kept) else None
        if nxt is not None and not _wraps(folded, lines[k], lines[nxt], width, across_page=nxt > k + 1):
            # the line break (and whatever furniture follows it) reads as one newline
            segments.append((pos, b, 1))
            pieces.append("\n")
            pos += 1
    if kept and lines[kept[-1]][1] < len(text):
        segments.append((pos, lines[kept[-1]][1], 1))
        pieces.append("\n")
    return View("".join(pieces), segments, sorted(furniture), len(text))


def _lines(s: str) -> list[tuple[int, int]]:
    """(start, end) of every line; a form feed is a line of its own (a page break)."""
    out, pos = [], 0
    for line in s.split("\n"):
        start = pos
        for k, part in enumerate(line.split(PAGE_BREAK)):
            if k:
                out.append((start, start + 1))
                start += 1
            if part or PAGE_BREAK not in line:
                out.append((start, start + len(part)))
            start += len(part)
        pos += len(line) + 1
    return out


def _furniture(s: str, lines: list[tuple[int, int]]) -> set[tuple[int, int]]:
    """Page headers, footers and page numbers: lines that repeat at page edges, or number a page."""
    pages = _pages(s, lines)
    found = {span for span in lines if PAGE_NUMBER.match(s[span[0] : span[1]])}
    if len(pages) < 2:
        return found
    edges = [_edge_lines(s, page) for page in pages]
    repeats = Counter(key for page in edges for key in {_furniture_key(s, span) for span in page})
    for page in edges:
        for span in page:
            key = _furniture_key(s, span)
            if BARE_NUMBER.match(s[span[0] : span[1]]) or (key and repeats[key] >= 2):
                found.add(span)
    return found


def _pages(s: str, lines: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    pages: list[list[tuple[int, int]]] = [[]]
    for span in lines:
        if s[span[0] : span[1]] == PAGE_BREAK:
            pages.append([])
        elif s[span[0] : span[1]].strip():
            pages[-1].append(span)
    return [p for p in pages if p]


def _edge_lines(s: str, page: list[tuple[int, int]]) -> list[tuple[int, int]]:
    return page[:EDGE_LINES] + page[max(EDGE_LINES, len(page) - EDGE_LINES) :]


def _furniture_key(s: str, span: tuple[int, int]) -> str:
    """A line as it repeats from page to page: digits (page numbers) and spaces ignored."""
    line = s[span[0] : span[1]]
    if _display_width(line.strip()) > FURNITURE_MAX_WIDTH or re.search(r"[，。；,;]", line):
        return ""
    return re.sub(r"\s+", "", re.sub(r"\d+", "#", line))


def _spans_without_spaces(s: str, a: int, b: int) -> list[tuple[int, int, str]]:
    """The line's spans once layout spaces are cut out: (start, end, "") for text to keep, and
    (start, start + 1, tab) where a wide gap (two spaces or more) separates table cells.
    A single space between two letters or two digits stays."""
    spans, start = [], a
    for m in SPACES.finditer(s, a, b):
        inner = m.start() > a and m.end() < b
        left, right = s[m.start() - 1 : m.start()] if m.start() > a else "", s[m.end() : m.end() + 1]
        if inner and m.end() - m.start() == 1 and _keeps_space(left, right):
            continue
        if m.start() > start:
            spans.append((start, m.start(), ""))
        if inner and m.end() - m.start() >= 2:
            spans.append((m.start(), m.start() + 1, "\t"))
        start = m.end()
    if b > start:
        spans.append((start, b, ""))
    return spans


def _keeps_space(left: str, right: str) -> bool:
    both_letters = left.isascii() and left.isalpha() and right.isascii() and right.isalpha()
    return both_letters or (left.isdigit() and right.isdigit())


def _display_width(line: str) -> int:
    """Columns a line takes: two for a Chinese character, one for anything narrower."""
    return len(line) + len(WIDE.findall(line))


def _wrap_width(s: str, lines: list[tuple[int, int]]) -> int:
    """The width at which the text was broken into lines, or 0 if its lines are paragraphs.

    A text broken at a fixed width has most of its long lines within a tenth of the same
    width; a text with a paragraph a line has lines of every length.
    """
    widths = sorted(w for a, b in lines if (w := _display_width(s[a:b].strip())) >= 20)
    if len(widths) < 4:
        return 0
    full = widths[(3 * len(widths)) // 4]
    near = sum(1 for w in widths if abs(w - full) <= full / 10)
    if near >= 0.4 * len(widths):
        return full
    # A short page: few lines, but the ones that reach the margin reach the same width, and
    # they end mid-sentence (a paragraph a line has its longest lines end a sentence).
    widest = widths[-1]
    at_margin = [(a, b) for a, b in lines if _display_width(s[a:b].strip()) >= 0.95 * widest]
    mid_sentence = [span for span in at_margin if not s[span[0] : span[1]].rstrip().endswith(SENTENCE_END)]
    return widest if widest >= 40 and len(mid_sentence) >= 2 and len(mid_sentence) >= 0.6 * len(at_margin) else 0


def _wraps(s: str, line: tuple[int, int], nxt: tuple[int, int], width: int, across_page: bool) -> bool:
    """Whether ``line`` runs on into ``nxt``: it ends mid-sentence, and it fills the width, or a
    page break falls after it, or a number is cut in two (…达到9 / 7%)."""
    text, following = s[line[0] : line[1]].rstrip(), s[nxt[0] : nxt[1]].lstrip()
    if not text or not following or text.endswith(SENTENCE_END):
        return False
    if LINE_OPENER.match(following) or text.lstrip().startswith(("|", "｜")) or CELL_GAP.search(text.strip()):
        return False
    if across_page or (CUT_NUMBER.search(text) and following[0] in NUMBER_GOES_ON and CUT_GOES_ON.match(following)):
        return True
    if following[0] in NEVER_OPENS or CUT_WORD.search(text[-1:] + following[:1]):
        return True  # no line of its own starts with a comma, a closing mark or the rest of a word
    return bool(width) and _display_width(text) >= 0.85 * width
