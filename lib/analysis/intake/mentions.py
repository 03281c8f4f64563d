"""A number in its surroundings: what stands before and after it in the plan's sentence.

The named rejection rules (:mod:`.rejections`) and the reading of a candidate
(:mod:`.extraction`) both ask the same questions of a number — its unit, the verb or
comparator around it, its clause and sentence — so they are answered once, here, on the
matching view (simplified, half-width, layout artefacts removed).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from ..data.chinese import chinese_numeral_value

CN_DIGITS = "零〇一二两三四五六七八九十百千"
NUMBER = re.compile(
    r"(?P<num>(?<!\d)\d{1,3}(?:,\d{3})+(?![\d,])(?:\.\d+)?|\d+(?:\.\d+)?|[二两三四五六七八九十]["
    + CN_DIGITS
    + r"]*|一["
    + CN_DIGITS
    + r"]+)"
    r"(?:\s*(?:-|—|–|~|～|至|到)\s*(?P<num2>\d+(?:\.\d+)?|[一二两三四五六七八九十][" + CN_DIGITS + r"]*))?"
)
COUNTERS = "台件|台套|家次|个|项|件|家|张|条|处|所|座|批次|次|名|人次|人|户|款|套|种|部|台|辆|场|批|床|册"
MEASURES = "元|吨标准煤|吨|亩次|亩|平方公里|平方米|立方米|公顷|千瓦时|千瓦|公里"
UNIT = re.compile(rf"个百分点|%|‰|(?:万|亿|千)?(?:{MEASURES}|{COUNTERS})|分|级|倍")
SUFFIX_CMP = re.compile(r"^(以上|及以上|左右|以内|以下|之内)")
VERB_BEFORE = re.compile(
    r"(达到|达|为|保持在|稳定在|保持|稳定|提高到|提升到|提高至|提升至|增至|增长到|控制在|超过|突破|不低于|不少于|不超过|高于|低于|至少|均达到|均达|分别达到|分别达|力争达到"
    r"|下降到|下降至|降低到|降低至|降至|降到|减少到|减少至|减至|压减至|压缩至|提高到|增加到|增加至"
    r"|≥|≤|>=|<=|>|<|(?<=[\u4e00-\u9fff]):)$"
)
CREATE_VERBS = (
    r"新增|新建|建成|建设|创建|创成|培育|打造|实施|引进|认定|争创|新创建|制定发布|制定|发布|完成|形成|推动|支持|落户"
    r"|新培育|新认定|每年新增|每年培育|每年认定|重点培育|累计|再培育|推荐|遴选|帮扶|扶持|辅导"
)
COUNTER = re.compile(rf"(?:万|亿|千)?(?:{COUNTERS})")
# A time cut to a limit is a target (企业开办时间压缩至1个工作日以内, 审批时限压减到10个工作日), not a
# duration: a verb of cutting before it, or 以内 after it.
TIME_LIMIT = re.compile(r"(?:(?:压缩|压减|缩短|缩减|减少|降低|降|减|控制)(?:至|到|在)|降至|不超过|不多于|最多)$")
TIME_UNIT = re.compile(r"个工作日|工作日|小时|天")
TIME_WITHIN = re.compile(r"(?:个工作日|工作日|小时|天)(?:以内|之内|内)")
# A unit per head of population (万元/人, 批次/千人): the counter, then the head it is per.
PER_HEAD = re.compile(r"/(?:千|万|百)?人")
PER_HEAD_BEFORE = re.compile(r"每((?:千|万|百)?人)(?:口)?$")
CREATE_BEFORE = re.compile(rf"({CREATE_VERBS})(?:的)?$")
CREATE_ANYWHERE = re.compile(CREATE_VERBS)
CLAUSE_END = "，,；;。！？!?：:\n|\t"
SENTENCE_END = "。；;！？!?\n|\t"
PERIOD_END = "。！？!?\n|\t"
LEAD_WORDS = re.compile(
    r"^(?:[、和及与或以]|力争|争取|到\d{4}年|全市|全省|全县|全区|全州|全旗|其中|同时|并|且|使|实现|确保|推动|推进|加快|进一步|累计|届时|\s"
    r"|\d{1,2}[.、](?!\d)|[(]\d{1,2}[)]|[—\-•●◆■□·]+)+"
)
CONTEXT = 12  # characters looked at on each side of a number


def number_value(token: str | None) -> float | None:
    """The value of a number token: digits, or a Chinese numeral (二, 十五)."""
    if token is None:
        return None
    if token[0].isdigit():
        return float(token.replace(",", ""))
    return chinese_numeral_value(token)


@dataclass
class Mention:
    """One number found in the matching view ``s``, at ``start``..``end`` (a range's both ends)."""

    s: str
    match: re.Match
    start: int
    end: int

    @cached_property
    def token(self) -> str:
        return self.match.group("num")

    @cached_property
    def value(self) -> float | None:
        return number_value(self.token)

    @cached_property
    def value_high(self) -> float | None:
        return number_value(self.match.group("num2"))

    @property
    def is_range(self) -> bool:
        return self.match.group("num2") is not None

    @property
    def is_numeral(self) -> bool:
        """Written in Chinese numerals (二级, 两个) rather than digits."""
        return not self.token[0].isdigit()

    @cached_property
    def before(self) -> str:
        return self.s[max(0, self.start - CONTEXT) : self.start]

    @cached_property
    def after(self) -> str:
        return self.s[self.end : self.end + CONTEXT]

    @cached_property
    def unit(self) -> str:
        time_limit = TIME_LIMIT.search(self.before) or TIME_WITHIN.match(self.after)
        m = (time_limit and TIME_UNIT.match(self.after)) or UNIT.match(self.after)
        if m is None:
            return ""
        per_head = PER_HEAD.match(self.after, m.end())
        return m.group() + (per_head.group() if per_head else "")

    @cached_property
    def unit_read(self) -> str:
        """The unit a target is in: a count per head written before the number (每千人5批次) is
        the count per that head (批次/千人); otherwise the unit as it follows the number."""
        per_head = PER_HEAD_BEFORE.search(self.before)
        if per_head and self.unit and "/" not in self.unit and not self.is_time_limit:
            return f"{self.unit}/{per_head.group(1)}"
        return self.unit

    @property
    def is_time_limit(self) -> bool:
        return bool(self.unit) and bool(TIME_UNIT.fullmatch(self.unit))

    @cached_property
    def rest(self) -> str:
        """What follows the number and its unit."""
        return self.after[len(self.unit) :]

    @cached_property
    def suffix(self) -> str:
        """A comparator word after the unit: 以上, 左右, 以内 ..."""
        m = SUFFIX_CMP.match(self.rest)
        return m.group() if m else ""

    @cached_property
    def verb(self) -> str:
        """A verb of reaching just before the number: 达到, 不低于, 控制在 ..."""
        m = VERB_BEFORE.search(self.before)
        return m.group() if m else ""

    @cached_property
    def clause(self) -> tuple[int, int]:
        a = self.start
        while a > 0 and self.s[a - 1] not in CLAUSE_END:
            a -= 1
        b = self.end
        while b < len(self.s) and self.s[b] not in CLAUSE_END:
            b += 1
        return a, b

    @cached_property
    def head(self) -> str:
        """The clause up to the number."""
        return self.s[self.clause[0] : self.start]

    @cached_property
    def sentence_head(self) -> str:
        """The sentence up to the number."""
        a = self.start
        while a > 0 and self.s[a - 1] not in SENTENCE_END:
            a -= 1
        return self.s[a : self.start]

    @cached_property
    def period_head(self) -> str:
        """The whole sentence up to the number, across semicolons (2023年,A达到94%;B增长5%)."""
        a = self.start
        while a > 0 and self.s[a - 1] not in PERIOD_END:
            a -= 1
        return self.s[a : self.start]

    @cached_property
    def period_end(self) -> int:
        """Where the number's sentence ends (semicolons do not end it)."""
        b = self.end
        while b < len(self.s) and self.s[b] not in PERIOD_END:
            b += 1
        return b

    @cached_property
    def follows_noun(self) -> bool:
        """A noun follows the number directly (超10亿元企业, 15分钟服务圈): a name or a threshold."""
        rest = self.rest
        return (
            bool(rest)
            and "\u4e00" <= rest[0] <= "\u9fff"
            and not self.suffix
            and not rest.startswith(("和", "及", "或", "的", "、"))
        )

    @cached_property
    def create(self) -> re.Match | None:
        """A verb of making or adding before a count (新增, 培育, 建成), or what stands for one."""
        before = self.before
        if self.follows_noun and not self.is_numeral and self.unit and self.at_clause_start:
            return re.search(r"$", before)  # a counted subject opening the clause: 5到10家企业参与…
        m = CREATE_BEFORE.search(before.rstrip("约近"))
        if m is None and not self.is_numeral and before.endswith("、") and CREATE_ANYWHERE.search(self.head):
            return re.search(r"、$", before)  # the next item of a counted list: 培育50条A、30条B
        if (
            m is None
            and not self.is_numeral
            and self.follows_noun
            and COUNTER.fullmatch(self.unit)
            and CREATE_ANYWHERE.search(self.head)
        ):
            return re.search(r"$", before)  # a count the clause's verb makes: 完成…立项的12项团体标准
        return m

    @cached_property
    def at_clause_start(self) -> bool:
        return not LEAD_WORDS.sub("", self.head)
