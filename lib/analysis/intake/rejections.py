"""Named rules for numbers that are not targets, so a reviewer sees why each was left out.

Each rule has a name and a plain description; the first rule that fires on a number names
its rejection. The review notebook lists every rejected number with that name, and a
reviewer can overrule it. The rules describe how Chinese plans are written (dates, codes,
achievements of past periods, money awarded, other plans' goals, page furniture), never a
particular plan.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from .mentions import Mention

MONEY_UNITS = ("元", "万元", "亿元", "千元")
NOT_UNIT_AFTER = ("分钟", "分之", "个月", "人民", "人员", "级别", "次会", "名单", "元素")
DURATION_OR_DATE = re.compile(
    r"^\s*(?:年|月|日|号|时|小时|天|周|分钟|个工作日|工作日|个月|岁|周年|〕|\]|届|期|代|五|号)"
)
# What was done, in the sentence before the number: 已达到, 截至, 同比, 荣获, 达到了 ...
PAST_WORDING = re.compile(
    r"(?<![而不])已|截至|截止|过去|以来|共有|目前|现有|近年来|年来"
    r"|荣获|获评|先后|被评为|被认定为|被列为|成功创建|成功获批|顺利通过|跃居|位居|位列"
    r"|(?:达到|实现|完成|增长|提高|提升|下降|降低|减少|培育|建成|新增|获得|创建|累计|突破|超过|形成|认定|取得)了"
)
AIMED_AT = re.compile(r"力争|争取|确保|新$|要$|将$")
FUTURE_WORDING = re.compile(
    r"(?:到|至)(?:19|20)\d\d年|力争|争取|确保|计划|目标|预计|将|全年|(?<![\d至止])年底|(?<![\d至止])年末"
)
# 全年 says what is to be done this year in a plan, and what was done last year in a review: it
# does not outweigh words of what was done in the same sentence (回顾了过去一年的工作:全年新增…).
WHOLE_YEAR = "全年"
RETROSPECT = re.compile(r"回顾|总结了|过去一年|过去五年")
# A comparison with last year reports what was done (较去年同期增加15%), unless the sentence
# speaks of what is to be or the number carries a target's comparator (全年…同比增长7%以上).
LAST_YEAR = re.compile(r"同比|比上年|较上年|上年|去年|上一年")
MONEY_AWARD = re.compile(
    r"奖励|奖补|资助|补助|补贴|扶持|贴息|给予|一次性|最高|专项资金|资金支持|奖金|经费|配套资金|罚款|罚金|处罚"
)
GRANT_RATE = re.compile(r"奖励|奖补|资助|补助|补贴|贴息|罚款")
OTHER_PLAN = re.compile(
    r"《[^》]{2,60}》(?:中|里)?(?:提出|明确|要求|确定|设定|规定|指出|部署)"
    r"|(?<!本)(?:国家|中央|国务院|省委|省政府|上级|全国)(?:已)?(?:提出|明确|要求|确定|部署)"
)
SECTION_BEFORE = re.compile(r"\s*[(（]?|\s*第")
SECTION_AFTER = re.compile(r"[、.．)）]|[章节条部分](?!钟)")
# The words of a web page's metadata line (发布时间:2024-04-29 来源:… 浏览次数:2317 【字体:大 中 小】).
PAGE_INFO = re.compile(
    r"(?:发布时间|发布日期|浏览次数|访问量|点击数|点击量|阅读数|阅读量|字号|字体|责任编辑)\s*:|打印本页|分享到"
)
SIZE_WORDS = re.compile(r"(超|超过|逾|营收|收入|产值)$")


@dataclass(frozen=True)
class Rule:
    """A rejection rule: its name (shown to reviewers), what it means, and its test on a number."""

    name: str
    description: str
    fires: Callable[[Mention], bool]


def _section_number(m: Mention) -> bool:
    line_start = m.s.rfind("\n", 0, m.start) + 1
    before = m.s[line_start : m.start]
    return bool(SECTION_BEFORE.fullmatch(before)) and bool(SECTION_AFTER.match(m.s, m.end))


def _page_info(m: Mention) -> bool:
    line_start = m.s.rfind("\n", 0, m.start) + 1
    line_end = m.s.find("\n", m.start)
    return bool(PAGE_INFO.search(m.s, line_start, line_end if line_end >= 0 else len(m.s)))


def _code_or_identifier(m: Mention) -> bool:
    prev_char = m.s[m.start - 1] if m.start else ""
    next_char = m.after[:1]
    if prev_char == ":" and not m.s[m.start - 2 : m.start - 1].isascii():
        prev_char = ""  # a label's colon (合格率:95%), not a time or a URL (09:30, http:)
    if re.match(r"0\d", m.token):
        return True  # a leading zero: an area code or a serial number (025-8799064), never a quantity
    return bool(
        (prev_char and prev_char.isascii() and (prev_char.isalnum() or prev_char in ".-/_:"))
        or (next_char and next_char.isascii() and (next_char.isalpha() or next_char in "./_:-"))
    )


def _long_number(m: Mention) -> bool:
    tokens = [t.replace(",", "") for t in (m.token, m.match.group("num2")) if t and t[0].isdigit()]
    return not m.unit and any(len(t.split(".")[0]) >= 5 for t in tokens)


def _date_or_duration(m: Mention) -> bool:
    if m.is_time_limit:
        return False
    return bool(DURATION_OR_DATE.match(m.after)) or m.before.endswith(("第", "〔", "[", "号"))


def _unit_word(m: Mention) -> bool:
    return bool(m.unit) and m.after.startswith(NOT_UNIT_AFTER)


def _not_a_number(m: Mention) -> bool:
    return m.value is None or not math.isfinite(m.value) or (m.is_range and m.value_high is None)


def _enumeration_count(m: Mention) -> bool:
    return m.before.endswith("等")


# The plan's own structure: how many tasks, indicators, aspects or units it sets out
# (从6个方面提出22项重点任务, 共设置26项量化指标, 由31个责任单位落实), never a target. Words that
# can also be things to build (工程, 行动, 举措) count as structure only after a verb of setting out.
STRUCTURE_NOUN = re.compile(
    r"^(?:个|项|条|大)?(?:方面|(?:重点|主要|具体|分解)?任务|(?:量化|主要|具体|考核|监测|评价)?指标|(?:具体|主要|量化)目标"
    r"|具体工作|重点工作|责任单位|牵头单位|成员单位|大类|板块|专栏|章|部分|个阶段)"
)
STRUCTURE_MAYBE = re.compile(r"^(?:个|项|条|大)?(?:重点)?(?:工程|行动|举措|措施|领域|工作|专项|内容|方向)")
SETTING_OUT = re.compile(
    r"提出|明确|设置|设定|部署|包括|包含|涵盖|分为|列出|围绕|涉及|细化|梳理|共有|共设|共|从$|从[^,，;；。]*$"
)


def _plan_structure(m: Mention) -> bool:
    rest = m.after[len(m.unit) :] if m.unit else m.after
    if not (m.unit and COUNTER_UNIT.fullmatch(m.unit)) and not rest.startswith(("大", "个方面")):
        return False
    if STRUCTURE_NOUN.match(rest):
        return True
    return bool(STRUCTURE_MAYBE.match(rest)) and bool(SETTING_OUT.search(m.head))


COUNTER_UNIT = re.compile(r"个|项|条|类|批|组|家")


def _bare_number(m: Mention) -> bool:
    return not m.unit and not m.verb and not m.suffix


def _numeral_without_cue(m: Mention) -> bool:
    return m.is_numeral and not (m.suffix or m.verb or m.create)


def _name_or_threshold(m: Mention) -> bool:
    """A name (15分钟服务圈) or a size that qualifies a noun (超10亿元企业, 营业收入超10亿元的企业)."""
    size = m.unit in ("元", "万元", "亿元") and bool(SIZE_WORDS.search(m.before))
    if size and m.rest.startswith("的"):
        return True
    if not m.follows_noun:
        return False
    return size or (not m.create and not (m.verb and m.unit))


def _past_wording(m: Mention) -> bool:
    """Words of what was done, not followed by words of what is to be (截至…已有3个,到2025年达到5个),
    nor led by them (力争新获评 is a target)."""
    head = m.period_head
    ends = [w.end() for w in PAST_WORDING.finditer(head) if not AIMED_AT.search(head, max(0, w.start() - 3), w.start())]
    if ends and not _future(head, ends[-1], past=True):
        return True
    if RETROSPECT.search(head) and not _future(head, RETROSPECT.search(head).end(), past=True):  # type: ignore[union-attr]
        return True
    sentence = head + m.s[m.start : m.period_end]
    past = bool(PAST_WORDING.search(sentence) or RETROSPECT.search(sentence))
    return bool(LAST_YEAR.search(sentence)) and not m.suffix and not _future(sentence, 0, past)


def _future(text: str, start: int, past: bool) -> bool:
    """Words of what is to be from ``start`` on; 全年 counts only where nothing says what was done."""
    return any(w.group() != WHOLE_YEAR or not past for w in FUTURE_WORDING.finditer(text, start))


def _money_award(m: Mention) -> bool:
    """Money granted, awarded or fined, or the share of a cost a grant covers (按费用的50%给予补助)."""
    if m.unit == "%":
        return bool(GRANT_RATE.search(m.s, m.clause[0], m.clause[1]))
    return m.unit in MONEY_UNITS and bool(
        MONEY_AWARD.search(m.period_head) or MONEY_AWARD.search(m.s, m.end, m.clause[1])
    )


# 国家要求 as a noun (高于国家要求, 符合国家要求) names a standard, not another plan setting a goal.
STANDARD_BEFORE = ("高于", "低于", "优于", "达到", "符合", "满足", "按照", "对照", "不低于")
# The plan's own short name (以下简称《实施方案》), or the document a notice or a reading of it is
# about (关于印发《…方案》的通知, 《…计划》解读): its 提出 and 明确 are the plan's own targets.
OWN_NAME = re.compile(r"简称[《“\"]([^》”\"]{2,30})[》”\"]")
TITLE_LINES = 2


def _other_plans_goal(m: Mention) -> bool:
    own = _own_names(m.s)
    for ref in OTHER_PLAN.finditer(m.sentence_head):
        before = m.sentence_head[max(0, ref.start() - 3) : ref.start()]
        name = re.match(r"《([^》]+)》", ref.group())
        if name and (name.group(1) in own or any(name.group(1) in o or o in name.group(1) for o in own)):
            continue
        if not name and before.endswith(STANDARD_BEFORE):
            continue
        return True
    return False


@lru_cache(maxsize=4)
def _own_names(s: str) -> frozenset[str]:
    """Names the text gives itself: a declared short name, and the 《…》 of its title lines."""
    names = {m.group(1) for m in OWN_NAME.finditer(s)}
    lines = [line.strip() for line in s.split("\n", 8)[:8] if line.strip()][:TITLE_LINES]
    for line in lines:  # a title line: short, no sentence punctuation (关于印发《…方案》的通知)
        if len(line) <= 60 and not re.search(r"[,，。;；]", line):
            names.update(re.findall(r"《([^》]{2,60})》", line))
    return frozenset(names)


def _invalid_range(m: Mention) -> bool:
    return m.value_high is not None and m.value is not None and m.value_high <= m.value


RULES: tuple[Rule, ...] = (
    Rule("section_number", "numbers a heading or a list item (二、, (三), 1.)", _section_number),
    Rule("page_info", "a web page's metadata line (发布时间, 来源, 浏览次数, 字号)", _page_info),
    Rule("code_or_identifier", "part of a code, date, URL or name (PM2.5, 5G, B2-2011, 025-8799)", _code_or_identifier),
    Rule("long_number", "five or more digits with no unit: a phone number, postal code or licence", _long_number),
    Rule(
        "date_or_duration",
        "a date, a duration, a document or section number (2024年, 10日内, 第3条)",
        _date_or_duration,
    ),
    Rule("unit_word", "the unit is the start of a word (15分钟, 3个月, 人民)", _unit_word),
    Rule("not_a_number", "the numeral does not read as a number", _not_a_number),
    Rule(
        "plan_structure",
        "counts the plan's own structure: its tasks, indicators, aspects or units (6个方面22项重点任务, 26项量化指标)",
        _plan_structure,
    ),
    Rule("enumeration_count", "counts what was just listed (等12个领域)", _enumeration_count),
    Rule(
        "money_award",
        "money awarded, granted or fined, or the share of a cost a grant covers (奖励50万元, 按50%给予补助)",
        _money_award,
    ),
    Rule("other_plans_goal", "a goal another plan or a higher level set (《纲要》提出, 国家要求)", _other_plans_goal),
    Rule("past_wording", "the sentence reports what was done (已, 截至, 荣获, 达到了, 较去年同期增加)", _past_wording),
    Rule("bare_number", "no unit, no verb of reaching, no comparator: nothing says it is a target", _bare_number),
    Rule(
        "numeral_without_cue", "a Chinese numeral with no verb or comparator (四个最严, 两个责任)", _numeral_without_cue
    ),
    Rule("name_or_threshold", "part of a name or a size threshold (15分钟服务圈, 超10亿元企业)", _name_or_threshold),
    Rule("invalid_range", "a range whose high end is not above its low end", _invalid_range),
)
QUOTED_NAME = Rule("quoted_name", "inside quotation marks or a title (“四个最严”, 《…》)", lambda m: True)
PAST_PERIOD = Rule(
    "past_period",
    "its year or period ended before the plan's own (2022年, “十三五”期间 in a later plan)",
    lambda m: True,
)
RETROSPECTIVE_SECTION = Rule(
    "retrospective_section",
    "under a heading that reports what was done or what is lacking (工作总结, 主要成效, 发展基础, 存在的问题)",
    lambda m: True,
)
PAGE_FURNITURE = Rule("page_furniture", "a page header, footer or page number", lambda m: True)
NO_WORDS = Rule("no_words", "no words around the number to quote", lambda m: True)
ALL_RULES = {r.name: r for r in (QUOTED_NAME, *RULES, PAST_PERIOD, RETROSPECTIVE_SECTION, PAGE_FURNITURE, NO_WORDS)}


def first_rule(m: Mention) -> Rule | None:
    """The first rule that rejects the number, or None if none does."""
    return next((rule for rule in RULES if rule.fires(m)), None)
