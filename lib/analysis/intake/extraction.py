"""Candidate targets from the text of a plan, for a reviewer to accept or reject.

The extractor reads one plan's stored text through its matching view (:mod:`.repair`: layout
artefacts removed, simplified, half-width) and proposes every number that looks like a
commitment: a number with a unit (or after a verb such as 达到) outside quotation marks, with
its comparator (以上, 左右, 1-2个), kind of change (较2020年下降, 新增, 每年), the indicator phrase
before it and the year that governs it (:mod:`.years`, :mod:`.outline`), one candidate per
indicator where a list shares the number (:mod:`.lists`). Rows of indicator tables become one
candidate per target year (:mod:`.tables`). Every other number is kept too, with the named rule that
rejected it (:mod:`.rejections`), so a reviewer can overrule it. Repeated mentions of one
target become one candidate listing every place (:mod:`.merging`), and each candidate
carries a confidence and the doubts that lowered it (:mod:`.confidence`).

Nothing here names a city, document or value: the rules are about how Chinese plans are
written, and they are evaluated against labelled targets (``python -m analysis evaluate``).
Every offset and quote refers to the stored text: ``text[char_offset:].startswith(quote)``.
"""

from __future__ import annotations

import bisect
import math
import re
from dataclasses import asdict, dataclass, field

from ..data.chinese import to_simplified
from . import tables
from .confidence import score
from .lists import pair_respectively, split_shared
from .mentions import COUNTER, LEAD_WORDS, NUMBER, UNIT, Mention
from .merging import merge_repeats
from .outline import Outline, Paragraph, document_title, paragraphs
from .rejections import NO_WORDS, PAGE_FURNITURE, PAST_PERIOD, QUOTED_NAME, RETROSPECTIVE_SECTION, first_rule
from .repair import View, matching_view
from .values import comma_decimal, impossible
from .years import YEAR_GOVERN, governing_years, horizon, plan_year, relative_year

PREFIX_GE = re.compile(r"(不低于|不少于|超过|突破|至少|高于|多于|大于|逾|达到或超过|≥|>=|>)$")
PREFIX_LE = re.compile(r"(不超过|不高于|(?<!不)低于|(?<!不)少于|控制在|(?<!不)小于|≤|<=|<)$")
CHANGE_BEFORE = re.compile(
    r"较(?P<base>(?:19|20)\d\d)年(?:末|底)?(?:基础上)?(?P<dir>下降|降低|减少|提高|提升|增长|增加)$"
)
CHANGE_PLAIN = re.compile(r"(?P<dir>下降|降低|减少|提高|提升|增长|增加)$")
ANNUAL_GROWTH = re.compile(r"年均(?:增长|增速|提高)(?:达到|达)?$")
DECREASE_WORDS = ("下降", "降低", "减少")
NEW_CREATE = ("建成", "创建", "培育", "打造", "实施", "争创", "制定发布", "重点培育")
# A past year in the sentence (2022年,全市…达到93%) reports history, not a target; 到/较 years do not.
# A year that qualifies a noun (2024年立项的12项标准) dates the thing, not the statement.
PAST_YEAR = re.compile(r"(?<![到至较比])((?:19|20)\d\d)年(?!底前|前|末前|以前)(?![^,，。;；]{0,8}的)")
HEADING_REACH = 80  # characters of a heading line read for its title
QUOTES = re.compile(
    r"“[^”\n]{0,60}”|\"[^\"\n]{0,60}\"|《[^》\n]{0,80}》|「[^」\n]{0,60}」|〔[^〕\n]{0,20}〕|\[[^\]\n]{0,20}\]"
)
TRAIL_WORDS = re.compile(
    r"(?:年均)?(?:增长|提高|提升|下降|降低|减少)$|(?:均|分别|各)?(?:将|要|应)?(?:累计)?(?:达到|达|为|保持在|稳定在|保持|稳定|提高到|提升到|提高至|提升至|增至|控制在|超过|突破|不低于|不少于|不超过|高于|低于|至少|力争"
    r"|(?:扩大|增加|增长|下降|降低|减少|压缩|压减|缩短)(?:到|至)|降至|降到)$|(?:均|分别|各)$"
    r"|(?:≥|≤|>=|<=|>|<)$"
)
# A phrase that is only a verb of action names no indicator: the noun after the number does
# (带动10000名以上一线职工参与…).
ACTION_ONLY = re.compile(r"(?:推动|带动|引导|组织|支持|吸引|帮助|指导|鼓励|促进|开展|服务|惠及|覆盖|吸纳|辐射|培训)+")
MAKING_VERB = re.compile(r"^(?:新增|新建|新培育|再培育|培育|建成|新创建|创建|打造|新认定|认定)")
# The label before a colon that ends right where the number's clause starts.
LABEL = re.compile(r"(?:\d{1,2}[.、](?!\d)|[(]\d{1,2}[)])?(?P<name>[^,;。:|\t\n]{1,40}[\u4e00-\u9fff)]):$")
PHRASE_STOP = "、，,；;。|\t"


@dataclass
class Candidate:
    """One candidate target, in the extractor's output columns.

    ``mentions`` lists the offsets of every place the same target is stated (the first is
    ``char_offset``); ``doubts`` says what lowered ``confidence``.
    """

    indicator_phrase: str
    indicator_id: str
    value: float
    value_high: float | None
    unit: str
    comparator: str
    target_year: int | None
    baseline_year: int | None
    char_offset: int
    quote: str
    change: str = ""
    section: str = ""
    baseline_value: float | None = None
    obligation: str = ""
    confidence: float = 1.0
    doubts: tuple[str, ...] = ()
    mentions: tuple[int, ...] = ()
    repairs: tuple[str, ...] = ()
    impossible: str = ""
    proposal: str = ""
    quotes: tuple[str, ...] = field(default=(), repr=False)
    year_source: str = field(default="", repr=False)
    year_basis: str = field(default="", repr=False)
    cues: tuple[str, ...] = field(default=(), repr=False)
    _view_span: tuple[int, int] = field(default=(0, 0), repr=False)
    _plain_years: tuple[int, ...] = field(default=(), repr=False)

    def row(self) -> dict:
        """The candidate in the extractor's output columns (COLUMNS)."""
        d = asdict(self)
        d["doubts"] = "; ".join(self.doubts)
        d["mentions"] = ";".join(str(m) for m in self.mentions)
        return {k: d[k] for k in COLUMNS}

    def occurrences(self) -> list[tuple[int, str]]:
        """(offset, quote) of every mention, the first being the candidate's own."""
        return list(zip(self.mentions, self.quotes, strict=True)) or [(self.char_offset, self.quote)]


COLUMNS = [
    "indicator_phrase",
    "indicator_id",
    "value",
    "value_high",
    "unit",
    "comparator",
    "target_year",
    "baseline_year",
    "char_offset",
    "quote",
    "change",
    "section",
    "baseline_value",
    "obligation",
    "confidence",
    "doubts",
    "mentions",
    "year_source",
    "year_basis",
    "proposal",
]


@dataclass
class Rejected:
    """A number the rules left out: which rule, where, and the candidate it would have made."""

    rule: str
    number: str
    char_offset: int
    context: str
    candidate: Candidate | None


@dataclass
class Extraction:
    """What the extractor found in one text: the candidates, and every rejected number."""

    candidates: list[Candidate]
    rejected: list[Rejected]


class _Catalogue:
    """Alias lookup: the longest catalogue alias contained in a phrase."""

    def __init__(self, aliases: dict[str, list[str]] | None):
        self.pairs = sorted(((a, i) for i, al in (aliases or {}).items() for a in al if a), key=lambda p: -len(p[0]))

    def match(self, phrase: str) -> str:
        simplified = to_simplified(phrase)
        for alias, indicator in self.pairs:
            if alias in simplified:
                return indicator
        return ""


def catalogue_aliases(indicators) -> dict[str, list[str]]:
    """Aliases by indicator id from an indicators table (DataFrame with indicator_id, aliases)."""
    return {r.indicator_id: r.aliases.split(";") for r in indicators.itertuples()}


def extract(text: str, aliases: dict[str, list[str]] | None = None, issued: str | None = None) -> list[Candidate]:
    """Candidate targets in ``text`` (already decoded), in order of position.

    ``issued`` is the plan's issue (or report) date, YYYY[-MM[-DD]], where it is known: a length
    stated in the text (经过三年努力) is counted from it, and 今年 is its year.
    """
    return extract_all(text, aliases, issued).candidates


def extract_all(text: str, aliases: dict[str, list[str]] | None = None, issued: str | None = None) -> Extraction:
    """Candidates in ``text`` (repeats merged, with confidence) and every rejected number with its rule."""
    reader = _Reader(text, _Catalogue(aliases), issued)
    reader.read()
    candidates = merge_repeats(sorted(reader.candidates, key=lambda c: c.char_offset))
    for c in candidates:
        c.confidence, c.doubts = score(c)
    return Extraction(candidates, sorted(reader.rejected, key=lambda r: r.char_offset))


class _Reader:
    """One pass over a text's paragraphs, tracking headings and the year that governs them."""

    def __init__(self, text: str, catalogue: _Catalogue, issued: str | None = None):
        self.text, self.catalogue = text, catalogue
        self.view: View = matching_view(text)
        s = self.s = self.view.text
        self.plan_year, self.horizon = plan_year(s, issued), horizon(s, issued)
        self.one_year = self.horizon is None or self.horizon.year == self.plan_year
        self.quoted = [(m.start() + 1, m.end() - 1) for m in QUOTES.finditer(s)]
        self.quoted_starts = [a for a, _ in self.quoted]
        self.governing = governing_years(s)
        self.governing_at = [p for p, _ in self.governing]
        self.deadlines = {p for p, _ in self.governing} - {p for p, _ in governing_years(s, deadlines=False)}
        self.outline = Outline()
        self.title = document_title(text)
        self.candidates: list[Candidate] = []
        self.rejected: list[Rejected] = []

    def read(self) -> None:
        lines = paragraphs(self.s)
        rows = tables.indicator_rows(self.s, [(p.start, p.end) for p in lines])
        for para in lines:
            if para.is_heading:
                title = self.view.original(self.text, para.start, min(para.end, para.start + HEADING_REACH))
                self.outline.enter_heading(title)
            lo, hi = bisect.bisect_left(self.governing_at, para.start), bisect.bisect_left(self.governing_at, para.end)
            para_years = self.governing[lo:hi]
            if para.start in rows:
                self._table_row(rows[para.start])
            else:
                self._sentence_numbers(para, para_years)
            self.outline.read_year(para, [(p, y) for p, y in para_years if p not in self.deadlines])
        self._furniture_numbers()

    def _sentence_numbers(self, para: Paragraph, para_years: list[tuple[int, int]]) -> None:
        found: list[Candidate] = []
        for m in NUMBER.finditer(para.text):
            mention = Mention(self.s, m, para.start + m.start(), para.start + m.end())
            if self._in_quotes(mention.start):
                self._reject(QUOTED_NAME.name, mention, None)
                continue
            rule = first_rule(mention)
            candidate = _read_candidate(mention, self.view, self.text)
            if candidate is None:
                self._reject(rule.name if rule else NO_WORDS.name, mention, None)
                continue
            candidate.section = self.outline.section or self.title
            current = self._set_year(candidate, mention, para_years)
            if rule is None and self.outline.retrospective:
                rule = RETROSPECTIVE_SECTION
            if rule is not None or not current:  # kept as a draft a reviewer may overrule
                candidate.indicator_id = self.catalogue.match(candidate.indicator_phrase)
                self._reject(rule.name if rule else PAST_PERIOD.name, mention, candidate)
                continue
            found.extend(split_shared(candidate, self.catalogue.match, self.s))
        pair_respectively(found, self.s, self.catalogue.match)
        self.candidates.extend(found)

    def _in_quotes(self, pos: int) -> bool:
        k = bisect.bisect_right(self.quoted_starts, pos) - 1
        return k >= 0 and self.quoted[k][0] <= pos < self.quoted[k][1]

    def _set_year(self, c: Candidate, m: Mention, para_years: list[tuple[int, int]]) -> bool:
        """Give the candidate its target year; False if that year or a year in its sentence is past."""
        year_before = [y for p, y in para_years if p < m.start]
        if year_before:
            c.target_year, c.year_source = year_before[-1], "sentence"
        elif (relative := relative_year(m.period_head, self.plan_year, self.one_year)) is not None:
            c.target_year, c.year_source = relative, "relative"
            c.year_basis = f"{relative}年: the plan's own year ({self.plan_year}) named relatively in the sentence"
        elif self.outline.year:
            c.target_year, c.year_source, c.year_basis = self.outline.year, "section", self.outline.year_basis
        elif self.horizon:
            c.target_year, c.year_source, c.year_basis = self.horizon.year, self.horizon.source, self.horizon.evidence
        if c._plain_years:
            # A bare year in the sentence: before the target year it reports history
            # (2022年,全市…达到93%); otherwise it names the target year.
            if c.target_year is not None and min(c._plain_years) < c.target_year:
                return False
            c.target_year, c.year_source = c._plain_years[-1], "sentence"
        return not (self.plan_year and c.target_year and c.target_year < self.plan_year)

    def _table_row(self, row: tables.Row) -> None:
        for column, year in row.columns.targets:
            candidate = _table_candidate(row, column, self.view, self.text)
            if candidate is None:
                continue
            if year:
                candidate.target_year, candidate.year_source = year, "table"
            elif self.outline.year:
                candidate.target_year, candidate.year_source = self.outline.year, "section"
                candidate.year_basis = self.outline.year_basis
            elif self.horizon:
                candidate.target_year, candidate.year_source = self.horizon.year, self.horizon.source
                candidate.year_basis = self.horizon.evidence
            candidate.section = self.outline.section or self.title
            candidate.indicator_id = self.catalogue.match(candidate.indicator_phrase)
            self.candidates.append(candidate)

    def _reject(self, rule: str, m: Mention, candidate: Candidate | None) -> None:
        a, b = self.view.stored_span(*m.clause)
        number_at = self.view.stored(m.start)
        self.rejected.append(Rejected(rule, m.match.group(), number_at, self.text[a:b], candidate))

    def _furniture_numbers(self) -> None:
        for a, b in self.view.furniture:
            for m in NUMBER.finditer(self.text, a, b):
                self.rejected.append(Rejected(PAGE_FURNITURE.name, m.group(), m.start(), self.text[a:b].strip(), None))


def _comparator(m: Mention) -> str:
    if m.value_high is not None:
        return "range"
    if m.suffix in ("以上", "及以上"):
        return ">="
    if m.suffix == "左右":
        return "~"
    if m.suffix:
        return "<="
    if PREFIX_LE.search(m.before):
        return "<="
    if PREFIX_GE.search(m.before):
        return ">="
    return "="


def _change(m: Mention) -> tuple[str, int | None]:
    """The kind of change and its baseline year: 较2020年下降 -> (decrease, 2020), 新增 -> (new, None)."""
    head = m.head
    if relative := CHANGE_BEFORE.search(head):
        return ("decrease" if relative.group("dir") in DECREASE_WORDS else "increase"), int(relative.group("base"))
    if ANNUAL_GROWTH.search(head):
        return "annual_growth", None
    if m.unit == "个百分点" and (plain := CHANGE_PLAIN.search(head)):
        return ("decrease" if plain.group("dir") in DECREASE_WORDS else "increase"), None
    if "每年" in head:
        return ("annual_new" if re.search(r"每年(新增|培育|认定|新建|创建)", head) else "annual"), None
    if re.search(r"(新增|新建|新培育|新创建|新认定|再培育)", head) or (m.create and m.create.group() in NEW_CREATE):
        return "new", None
    return "", None


def _phrase_span(m: Mention) -> tuple[int, int, int, int]:
    """(quote start, phrase start, phrase end, quote end) in the view.

    Verb + count + noun (新增1-2个国家级检验检测中心) names the indicator after the number;
    noun + verb + number (制造业质量竞争力指数达到86) before it; a number first and the noun
    after (力争50%以上县市区达标) when nothing stands before it.
    """
    s, (clause_start, clause_end) = m.s, m.clause
    stop = m.end + len(m.unit) + len(m.suffix)
    if m.follows_noun and m.create:
        q_start, phrase_start = m.start - len(m.create.group()), stop
        phrase_end = stop = _phrase_stop(s, stop, clause_end)
        return q_start, phrase_start, phrase_end, stop
    prev = _previous_number_end(s, clause_start, m.start)
    q_start = prev if prev is not None else clause_start
    if lead := LEAD_WORDS.match(s[q_start : m.start]):
        q_start += lead.end()
    phrase = re.sub(r"较\d{4}年.*$", "", TRAIL_WORDS.sub("", s[q_start : m.start]))
    phrase_start, phrase_end = q_start, q_start + len(phrase.rstrip())
    if (verb := MAKING_VERB.match(phrase)) and phrase_end - phrase_start > verb.end() + 1:
        phrase_start += verb.end()  # the verb of making is not the indicator: 新增国家级检验检测中心各1个
    if not phrase.strip() and (label := LABEL.search(s, _line_start(s, clause_start), clause_start)):
        # a list written as labels: 制造业产品质量合格率:95%以上
        q_start, phrase_start, phrase_end = label.start(), label.start("name"), label.end("name")
    if not s[phrase_start:phrase_end].strip() or ACTION_ONLY.fullmatch(s[phrase_start:phrase_end].strip()):
        phrase_start = stop
        phrase_end = stop = _phrase_stop(s, stop, clause_end)
    return q_start, phrase_start, phrase_end, stop


def _line_start(s: str, pos: int) -> int:
    return s.rfind("\n", 0, pos) + 1


def _phrase_stop(s: str, pos: int, clause_end: int) -> int:
    while pos < clause_end and s[pos] not in PHRASE_STOP:
        pos += 1
    return pos


def _read_candidate(m: Mention, view: View, text: str) -> Candidate | None:
    """The candidate a number makes, read from its surroundings (None if it has no words around it)."""
    if m.value is None or not math.isfinite(m.value) or (m.is_range and m.value_high is None):
        return None
    q_start, phrase_start, phrase_end, stop = _phrase_span(m)
    a, b = view.stored_span(q_start, stop)
    quote = text[a:b]
    if not quote.strip():
        return None
    change, baseline = _change(m)
    cues = tuple(
        cue
        for cue, present in (
            ("verb", bool(m.verb or m.suffix or m.create or (COUNTER.fullmatch(m.unit) and MAKING_VERB.match(m.head)))),
            ("numeral", m.is_numeral),
            ("noun after the number", phrase_start >= m.end and not (m.follows_noun and m.create)),
        )
        if present
    )
    phrase = view.original(text, phrase_start, phrase_end)
    if phrase_start >= m.end:  # the noun after the number: 30%以上的规模以上工业企业…
        phrase = phrase.lstrip("的")
    unit = m.unit_read or ("index" if "指数" in m.s[phrase_start:phrase_end] else "")
    number_at = view.stored_span(m.start, m.end)
    repair = comma_decimal(text[number_at[0] : number_at[1]])
    doubt, proposal = impossible(m.value, unit, change, phrase)
    return Candidate(
        indicator_phrase=phrase,
        indicator_id="",
        value=m.value,
        value_high=m.value_high,
        unit=unit,
        comparator=_comparator(m),
        target_year=None,
        baseline_year=baseline,
        char_offset=a,
        quote=quote,
        change=change,
        repairs=(repair,) if repair else (),
        impossible=doubt,
        proposal=proposal,
        cues=cues,
        _view_span=(q_start, stop),
        _plain_years=_plain_years(m.period_head),
    )


def _plain_years(head: str) -> tuple[int, ...]:
    """Bare years in the sentence after its last governing year (到2026年 resets: 2023年,…;到2026年,…)."""
    governing = [g.end() for g in YEAR_GOVERN.finditer(head)]
    return tuple(int(y) for y in PAST_YEAR.findall(head, governing[-1] if governing else 0))


def _table_candidate(row: tables.Row, column: int, view: View, text: str) -> Candidate | None:
    """The candidate an indicator-table row makes for one target column: name, unit, baseline, target, attribute."""
    name_cell, target_cell = row.cell(row.columns.name), row.cell(column)
    target = tables.read_value(target_cell.text) if target_cell else None
    if name_cell is None or target is None:
        return None
    phrase = tables.indicator_name(name_cell)
    unit_cell = row.cell(row.columns.unit)
    unit = unit_cell.text if unit_cell and UNIT.fullmatch(unit_cell.text) else target.unit
    if not unit and (in_name := re.search(r"[(（](%|‰|个百分点|[^()（）]{1,4})[)）]$", phrase)):
        unit = in_name.group(1)
    baseline_cell = row.cell(row.columns.baseline)
    baseline = tables.read_value(baseline_cell.text) if baseline_cell else None
    first, last = row.cells[0], row.cells[-1]
    a, b = view.stored_span(first.start, last.end)
    name_at = name_cell.start + name_cell.text.find(phrase) if phrase else name_cell.start
    return Candidate(
        indicator_phrase=view.original(text, name_at, name_at + len(phrase)),
        indicator_id="",
        value=target.value,
        value_high=target.value_high,
        unit=unit or ("index" if "指数" in phrase else ""),
        comparator=target.comparator,
        target_year=None,
        baseline_year=target.baseline_year or (row.columns.baseline_year if baseline else None),
        baseline_value=baseline.value if baseline else None,
        obligation=tables.obligation(row),
        char_offset=a,
        quote=text[a:b].strip(),
        change=_table_change(phrase) or target.change,
        cues=("table row",),
        _view_span=(row.start, row.end),
    )


def _table_change(name: str) -> str:
    """A change stated in an indicator's name (单位GDP能耗下降, 年均增长)."""
    name = re.sub(r"[(（][^()（）]*[)）]$", "", name)
    if re.search(r"年均(?:增长|增速|提高)", name):
        return "annual_growth"
    if name.endswith(DECREASE_WORDS):
        return "decrease"
    if name.endswith(("提高", "提升", "增长", "增加")):
        return "increase"
    if "新增" in name:
        return "new"
    return ""


def _previous_number_end(s: str, clause_start: int, start: int) -> int | None:
    """End of the previous number+unit in the clause (list items: 国家标准40项、行业标准40项)."""
    last = None
    for m in re.finditer(
        r"\d+(?:\.\d+)?(?:" + UNIT.pattern + r")?(?:以上|左右|以内|以下)?[、和及]", s[clause_start:start]
    ):
        last = clause_start + m.end()
    return last
