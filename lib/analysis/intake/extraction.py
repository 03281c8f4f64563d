"""Candidate targets from the raw text of a plan, for a reviewer to accept or reject.

The extractor reads one plan as plain text and proposes every number that looks like a
commitment: a number with a unit (or after a verb such as 达到) outside quotation marks,
with its comparator (以上, 左右, 1-2个), kind of change (较2020年下降, 新增, 每年), the indicator
phrase before it, and the year that governs it (到2025年 in the sentence, a heading or opening
paragraph such as 到2026年 or “十三五”时期, else the plan's horizon). It rejects dates, document
and section numbers, phone numbers, postal codes, names inside quotation marks, durations,
enumeration counts (等12个领域), size thresholds (超10亿元企业) and achieved values (已达到).

Nothing here names a city, document or value: the rules are about how Chinese plans are
written, and they are evaluated against the curated data (``python -m analysis evaluate``).
All positions refer to the decoded text: ``text[char_offset:].startswith(quote)``.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import asdict, dataclass, field

from ..data.chinese import chinese_numeral_value, fold_width, to_simplified

CN_DIGITS = "零〇一二两三四五六七八九十百千"
NUMBER = re.compile(
    r"(?P<num>\d+(?:\.\d+)?|[二两三四五六七八九十][" + CN_DIGITS + r"]*|一[" + CN_DIGITS + r"]+)"
    r"(?:\s*(?:-|—|–|~|～|至|到)\s*(?P<num2>\d+(?:\.\d+)?|[一二两三四五六七八九十][" + CN_DIGITS + r"]*))?"
)
COUNTERS = "个|项|件|家|张|条|处|所|座|批次|次|名|人次|人|户|款|套|种|部|台|辆|场|批|床|册"
MEASURES = "元|吨|亩次|亩|平方米|千瓦|公里"
UNIT = re.compile(rf"个百分点|%|‰|(?:万|亿|千)?(?:{MEASURES}|{COUNTERS})|分|级|倍")
NOT_UNIT_AFTER = ("分钟", "分之", "个月", "人民", "人员", "级别", "次会", "名单", "元素")
DURATION_OR_DATE = re.compile(
    r"^\s*(?:年|月|日|号|时|小时|天|周|分钟|个工作日|工作日|个月|岁|周年|〕|\]|届|期|代|五|号)"
)
SUFFIX_CMP = re.compile(r"^(以上|及以上|左右|以内|以下|之内)")
PREFIX_GE = re.compile(r"(不低于|不少于|超过|突破|至少|高于|多于|大于|逾|达到或超过)$")
PREFIX_LE = re.compile(r"(不超过|不高于|(?<!不)低于|(?<!不)少于|控制在|(?<!不)小于)$")
VERB_BEFORE = re.compile(
    r"(达到|达|为|保持在|稳定在|保持|稳定|提高到|提升到|提高至|提升至|增至|增长到|控制在|超过|突破|不低于|不少于|不超过|高于|低于|至少|均达到|均达|分别达到|分别达|力争达到)$"
)
CREATE_VERBS = (
    r"新增|新建|建成|建设|创建|创成|培育|打造|实施|引进|认定|争创|新创建|制定发布|制定|发布|完成|形成|推动|支持|落户"
    r"|新培育|新认定|每年新增|每年培育|每年认定|重点培育|累计|再培育"
)
CREATE_BEFORE = re.compile(rf"({CREATE_VERBS})(?:的)?$")
CREATE_ANYWHERE = re.compile(CREATE_VERBS)
# A past year in the clause (2022年,全市…达到93%) reports history, not a target; 到/较 years do not.
PAST_YEAR = re.compile(r"(?<![到至较比])((?:19|20)\d\d)年(?!底前|前|末前|以前)")
HISTORY = re.compile(
    r"(已经?达到|已达|已有|现有|已建成|累计已|截至|截止|比上年|同比|较上年|上年|去年|过去|以来|共计已|共有|目前)"
)
CHANGE_BEFORE = re.compile(
    r"较(?P<base>(?:19|20)\d\d)年(?:末|底)?(?:基础上)?(?P<dir>下降|降低|减少|提高|提升|增长|增加)$"
)
CHANGE_PLAIN = re.compile(r"(?P<dir>下降|降低|减少|提高|提升|增长|增加)$")
ANNUAL_GROWTH = re.compile(r"年均(?:增长|增速|提高)(?:达到|达)?$")
YEAR_GOVERN = re.compile(
    r"(?<!截)(?<!截止)(?:到|至)((?:19|20)\d\d)年|((?:19|20)\d\d)年(?:底|末)?前|[“\"]?(十[一二三四五六])五[”\"]?(?:时期|期间|期末|末)"
)
FIVE_YEAR_PLAN_END = {"十一": 2010, "十二": 2015, "十三": 2020, "十四": 2025, "十五": 2030, "十六": 2035}
HEADING = re.compile(r"^\s*(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）]|\d+[.．、](?!\d))")
CLAUSE_END = "，,；;。！？!?：:\n"
QUOTES = re.compile(
    r"“[^”\n]{0,60}”|\"[^\"\n]{0,60}\"|《[^》\n]{0,80}》|「[^」\n]{0,60}」|〔[^〕\n]{0,20}〕|\[[^\]\n]{0,20}\]"
)
LEAD_WORDS = re.compile(
    r"^(?:[、和及与或以]|力争|争取|到\d{4}年|全市|全省|其中|同时|并|且|使|实现|确保|推动|推进|加快|进一步|累计|\s)+"
)
TRAIL_WORDS = re.compile(
    r"(?:年均)?(?:增长|提高|提升|下降|降低|减少)$|(?:均|分别)?(?:达到|达|为|保持在|稳定在|保持|稳定|提高到|提升到|提高至|提升至|增至|控制在|超过|突破|不低于|不少于|不超过|高于|低于|至少|力争)$|(?:均|分别)$"
)


@dataclass
class Candidate:
    """One candidate target, in the extractor's output columns."""

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
    _plain_years: tuple[int, ...] = field(default=(), repr=False)

    def row(self) -> dict:
        d = asdict(self)
        d.pop("_plain_years")
        return d


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
]


def _num(token: str) -> float | None:
    if token is None:
        return None
    if token[0].isdigit():
        return float(token)
    return chinese_numeral_value(token)


def _five_year_end(name: str) -> int | None:
    return FIVE_YEAR_PLAN_END.get(name)


def _governing_years(text: str) -> list[tuple[int, int]]:
    """(position, year) of every phrase that sets a target year: 到2025年, 2025年前, “十三五”时期."""
    out = []
    for m in YEAR_GOVERN.finditer(text):
        year = int(m.group(1) or m.group(2)) if (m.group(1) or m.group(2)) else _five_year_end(m.group(3))
        if year:
            out.append((m.start(), year))
    return out


def horizon_year(text: str) -> int | None:
    """The plan's main target year: the commonest governing year (ties: the earliest)."""
    years = Counter(y for _, y in _governing_years(text))
    if not years:
        return None
    top = max(years.values())
    return min(y for y, n in years.items() if n == top)


@dataclass
class _Paragraph:
    start: int
    end: int
    text: str
    is_heading: bool


def _paragraphs(s: str) -> list[_Paragraph]:
    out, pos = [], 0
    for line in s.split("\n"):
        out.append(_Paragraph(pos, pos + len(line), line, bool(HEADING.match(line))))
        pos += len(line) + 1
    return out


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


def extract(text: str, aliases: dict[str, list[str]] | None = None) -> list[Candidate]:
    """Candidate targets in ``text`` (already decoded), in order of position."""
    s = to_simplified(text)
    if len(s) != len(text):  # OpenCC phrase conversions can change length: convert per character
        s = "".join(to_simplified(c) for c in text)
    s = fold_width(s)
    catalogue = _Catalogue(aliases)
    horizon = horizon_year(s)
    quoted = [(m.start() + 1, m.end() - 1) for m in QUOTES.finditer(s)]
    governing = _governing_years(s)
    governing_at = [p for p, _ in governing]
    candidates: list[Candidate] = []
    section_year: int | None = None
    headings: list[str] = []
    q_index = 0
    for para in _paragraphs(s):
        if para.is_heading:
            section_year = None
            headings = _heading_path(headings, text[para.start : para.end])
        lo, hi = bisect.bisect_left(governing_at, para.start), bisect.bisect_left(governing_at, para.end)
        para_years = governing[lo:hi]
        found = []
        for m in NUMBER.finditer(para.text):
            start, end = para.start + m.start(), para.start + m.end()
            while q_index < len(quoted) and quoted[q_index][1] <= start:
                q_index += 1
            if q_index < len(quoted) and quoted[q_index][0] <= start < quoted[q_index][1]:
                continue
            cand = _candidate(s, text, para, m, start, end)
            if cand is None:
                continue
            year_before = [y for p, y in para_years if p < start]
            cand.target_year = year_before[-1] if year_before else (section_year or horizon)
            if cand._plain_years:
                # A bare year in the clause: before the target year it reports history
                # (2022年,全市…达到93%); otherwise it names the target year.
                if cand.target_year is not None and min(cand._plain_years) < cand.target_year:
                    continue
                cand.target_year = cand._plain_years[-1]
            cand.section = " ".join(headings)
            found.extend(_split_shared(cand, catalogue))
        _pair_respectively(found, s, catalogue)
        candidates.extend(found)
        # A heading or a paragraph that opens with a governing year sets the year of the
        # paragraphs that follow (到2025年,…  then ——… lines), until the next heading.
        opening = [y for p, y in para_years if p - para.start <= 12]
        if opening and (
            para.is_heading or para.text.lstrip().startswith(("到", "至", "“", '"', "十")) or para.is_heading
        ):
            section_year = opening[0]
        elif para.is_heading and para_years:
            section_year = para_years[0][1]
    return candidates


def _heading_path(path: list[str], line: str) -> list[str]:
    title = line.split("。", 1)[0].strip()[:30]
    level = 0 if re.match(r"^\s*[一二三四五六七八九十]+、", line) else 1 if re.match(r"^\s*[(（]", line) else 2
    return path[:level] + [title]


def _sentence_start(s: str, pos: int) -> int:
    a = pos
    while a > 0 and s[a - 1] not in "。；;！？!?\n":
        a -= 1
    return a


def _clause_bounds(s: str, start: int, end: int) -> tuple[int, int]:
    a = start
    while a > 0 and s[a - 1] not in CLAUSE_END:
        a -= 1
    b = end
    while b < len(s) and s[b] not in CLAUSE_END:
        b += 1
    return a, b


def _candidate(s: str, text: str, para: _Paragraph, m: re.Match, start: int, end: int) -> Candidate | None:  # noqa: C901
    token, token2 = m.group("num"), m.group("num2")
    before, after = s[max(0, start - 12) : start], s[end : end + 12]
    prev_char = s[start - 1] if start else ""
    next_char = after[:1]
    if (prev_char and prev_char.isascii() and (prev_char.isalnum() or prev_char in ".-/_:")) or (
        next_char and next_char.isascii() and (next_char.isalpha() or next_char in "./_:-")
    ):
        return None  # part of a code, date, URL or name (PM2.5, 5G, 4A, B2-2011, 025-8799)
    if token[0].isdigit() and len(token.split(".")[0]) >= 5 and not UNIT.match(after):
        return None  # phone numbers, postal codes, licence numbers
    if DURATION_OR_DATE.match(after) or before.endswith(("第", "〔", "[", "号")):
        return None
    unit_m = UNIT.match(after)
    unit = unit_m.group() if unit_m else ""
    if unit and after.startswith(NOT_UNIT_AFTER):
        return None
    value, value_high = _num(token), _num(token2)
    if value is None:
        return None
    is_cn = not token[0].isdigit()
    if token2 is not None and value_high is None:
        return None
    rest = after[len(unit) :]
    suffix = SUFFIX_CMP.match(rest)
    verb = VERB_BEFORE.search(before)
    clause_start, clause_end = _clause_bounds(s, start, end)
    head = s[clause_start:start]
    create = CREATE_BEFORE.search(before.rstrip("约近"))
    if create is None and token[0].isdigit() and before.endswith("、") and CREATE_ANYWHERE.search(head):
        create = re.search(r"、$", before)  # the next item of a counted list: 培育50条A、30条B
    if before.endswith("等"):
        return None  # 等12个领域: counts what was just listed
    if not unit and not verb:
        return None
    if is_cn and not (suffix or verb or create):
        return None
    follows_noun = (
        bool(rest)
        and "\u4e00" <= rest[0] <= "\u9fff"
        and not suffix
        and not rest.startswith(("和", "及", "或", "的", "、"))
    )
    at_clause_start = not LEAD_WORDS.sub("", s[_clause_bounds(s, start, end)[0] : start])
    if follows_noun and not is_cn and at_clause_start and unit:
        create = re.search(r"$", before)  # a counted subject opening the clause: 5到10家企业参与…
    if follows_noun and not create and not (verb and unit):
        return None  # a size threshold or a name: 超10亿元企业, 15分钟服务圈, 四级物流体系
    if follows_noun and unit in ("亿元", "万元", "元") and re.search(r"(超|超过|逾|营收|收入|产值)$", before):
        return None
    sentence_head = s[_sentence_start(s, start) : start]
    if HISTORY.search(sentence_head):
        return None
    plain_years = tuple(int(y) for y in PAST_YEAR.findall(sentence_head))
    # Comparator.
    if value_high is not None:
        if value_high <= value:
            return None
        comparator = "range"
    elif suffix and suffix.group() in ("以上", "及以上"):
        comparator = ">="
    elif suffix and suffix.group() == "左右":
        comparator = "~"
    elif suffix:
        comparator = "<="
    elif PREFIX_LE.search(before):
        comparator = "<="
    elif PREFIX_GE.search(before):
        comparator = ">="
    else:
        comparator = "="
    # Kind of change.
    change, baseline = "", None
    relative = CHANGE_BEFORE.search(head)
    if relative:
        change = "decrease" if relative.group("dir") in ("下降", "降低", "减少") else "increase"
        baseline = int(relative.group("base"))
    elif ANNUAL_GROWTH.search(head):
        change = "annual_growth"
    elif unit == "个百分点" and (plain := CHANGE_PLAIN.search(head)):
        change = "decrease" if plain.group("dir") in ("下降", "降低", "减少") else "increase"
    elif "每年" in head:
        change = "annual_new" if re.search(r"每年(新增|培育|认定|新建|创建)", head) else "annual"
    elif re.search(r"(新增|新建|新培育|新创建|新认定|再培育)", head) or (
        create and create.group() in ("建成", "创建", "培育", "打造", "实施", "争创", "制定发布", "重点培育")
    ):
        change = "new"
    # Indicator phrase and quote.
    stop = end + len(unit) + (suffix.end() if suffix else 0)
    if follows_noun and create:  # verb + count + noun: 新增1-2个国家级检验检测中心
        q_start, phrase_start = start - len(create.group()), stop
        while stop < clause_end and s[stop] not in "、，,；;。":
            stop += 1
        phrase_end = stop
    else:  # noun + verb + number: 制造业质量竞争力指数达到86
        prev = _previous_number_end(s, clause_start, start)
        q_start = prev if prev is not None else clause_start
        lead = LEAD_WORDS.match(s[q_start:start])
        if lead:
            q_start += lead.end()
        phrase_start = q_start
        phrase = TRAIL_WORDS.sub("", s[q_start:start])
        phrase = re.sub(r"较\d{4}年.*$", "", phrase)
        phrase_end = q_start + len(phrase.rstrip())
    if not s[phrase_start:phrase_end].strip() and not (follows_noun and create):
        # number first, noun after: 力争50%以上县市区达标
        phrase_start = stop
        while stop < clause_end and s[stop] not in "、，,；;。":
            stop += 1
        phrase_end = stop
    phrase = text[phrase_start:phrase_end]
    if not text[q_start:stop].strip():
        return None
    return Candidate(
        indicator_phrase=phrase,
        indicator_id="",
        value=value,
        value_high=value_high,
        unit=unit or ("index" if "指数" in s[phrase_start:phrase_end] else ""),
        comparator=comparator,
        target_year=None,
        baseline_year=baseline,
        char_offset=q_start,
        quote=text[q_start:stop],
        change=change,
        _plain_years=plain_years,
    )


def _previous_number_end(s: str, clause_start: int, start: int) -> int | None:
    """End of the previous number+unit in the clause (list items: 国家标准40项、行业标准40项)."""
    last = None
    for m in re.finditer(
        r"\d+(?:\.\d+)?(?:" + UNIT.pattern + r")?(?:以上|左右|以内|以下)?[、和及]", s[clause_start:start]
    ):
        last = clause_start + m.end()
    return last


MEASURE_NOUN = re.compile(r"(率|度|指数|量|数|营收|收入|产值|比重|比例|占比|规模|总额|增加值|分数)$")
LIST_SEPARATOR = re.compile(r"、|和|及|与")


def _split_shared(cand: Candidate, catalogue: _Catalogue) -> list[Candidate]:
    """One candidate per indicator where a list shares one number.

    ``A、B均达到98%`` lists indicators; so does ``A率、B率达到98%`` and ``A产业、B产业营收达1000亿元``
    (the last item ends with a measure noun the others share). ``A产品、B产品达到13个`` is one
    combined count, and ``A、B的覆盖率`` one rate of a list of things: those stay whole.
    """
    mode = _list_mode(cand)
    if mode == "分别":  # paired with its numbers: _pair_respectively
        cand.indicator_id = catalogue.match(cand.indicator_phrase)
        return [cand]
    items = _list_items(cand.indicator_phrase)
    parallel = len(items) >= 2 and (
        mode == "均" or (MEASURE_NOUN.search(items[-1]) and "的" not in items[-1] and all(len(i) >= 2 for i in items))
    )
    if not parallel:
        cand.indicator_id = catalogue.match(cand.indicator_phrase)
        return [cand]
    out = []
    for item in items:
        c = Candidate(**{**cand.__dict__, "indicator_phrase": item})
        c.indicator_id = _match_item(catalogue, item, items[-1])
        out.append(c)
    return out


def _list_mode(cand: Candidate) -> str:
    """均 (each of a list reaches the number) or 分别 (respectively) before the number, or ''."""
    head = to_simplified(cand.quote)[: len(cand.quote)]
    m = re.search(
        r"(均|分别)(?:达到|达|为|保持在|稳定在|不低于|超过)?[^\d一二两三四五六七八九十]*$",
        head.split(str(int(cand.value)) if cand.value.is_integer() else str(cand.value))[0],
    )
    return m.group(1) if m else ""


def _list_items(phrase: str) -> list[str]:
    return [p.strip() for p in LIST_SEPARATOR.split(phrase) if p.strip()]


def _match_item(catalogue: _Catalogue, item: str, last: str) -> str:
    """Catalogue id of a list item, trying it with the measure the list shares (药品 + 评价性抽检合格率)."""
    return catalogue.match(item) or next(
        (m for k in range(1, len(last)) if (m := catalogue.match(item + last[k:]))), ""
    )


def _pair_respectively(found: list[Candidate], s: str, catalogue: _Catalogue) -> None:
    """``A、B分别达到1600家、2000家``: give the k-th number the k-th item of the list."""
    for k, cand in enumerate(found):
        if _list_mode(cand) != "分别":
            continue
        items = _list_items(cand.indicator_phrase)
        clause_end = _clause_bounds(s, cand.char_offset, cand.char_offset + len(cand.quote))[1]
        group = [cand] + [c for c in found[k + 1 :] if c.char_offset < clause_end][: len(items) - 1]
        if len(group) == len(items):
            for c, item in zip(group, items, strict=True):
                c.indicator_phrase, c.indicator_id = item, _match_item(catalogue, item, items[-1])
