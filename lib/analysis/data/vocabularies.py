"""The vocabularies of the data, declared once with their order and their zh/en labels.

Charts, tables and validators reuse these declarations (and their order); nothing else
re-declares a level, region, comparator, kind of change, category, script or unit.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Term:
    """One allowed value of a vocabulary, with the labels charts show for it."""

    code: str
    zh: str
    en: str


LEVELS = (
    Term("nation", "国家", "nation"),
    Term("province", "省", "province"),
    Term("city", "市", "city"),
    Term("district", "区", "district"),
)
REGIONS = (
    Term("eastern", "东部", "eastern"),
    Term("central", "中部", "central"),
    Term("western", "西部", "western"),
    Term("northeastern", "东北", "northeastern"),
)
COMPARATORS = (
    Term(">=", "不低于(以上/不低于/超过)", "at least"),
    Term("=", "达到", "reach"),
    Term("~", "左右", "about"),
    Term("range", "区间", "range"),
    Term("<=", "不高于(以下/以内)", "at most"),
)
# How a relative target (kind ``relative``) is stated against its baseline.
CHANGES = (
    Term("increase", "较基期提高", "increase on a baseline"),
    Term("decrease", "较基期下降", "decrease on a baseline"),
    Term("annual_growth", "年均增长", "average annual growth"),
)
# What a target commits to (:mod:`analysis.data.kinds` reads it from the wording): only targets
# of one kind are ranked or averaged together.
KINDS = (
    Term("level", "总量或水平", "level (a total or level reached)"),
    Term("addition", "期内新增", "addition over the plan period"),
    Term("annual", "每年数量", "yearly quota"),
    Term("rate", "比率", "rate (a percentage or ratio)"),
    Term("index", "指数或得分", "index (a composite score)"),
    Term("rank", "位次", "rank (a position)"),
    Term("relative", "较基期变化", "change on a baseline"),
)
# What a document is, highest standing first: the family's document of highest standing is
# the one comparisons use; drafts stay out of the default comparison.
STANDINGS = (
    Term("plan", "规划、纲要或意见", "adopted plan, outline or opinion"),
    Term("implementation", "实施方案或行动方案", "implementation scheme or action plan"),
    Term("annual", "年度计划或工作要点", "annual plan or work points"),
    Term("reading", "新闻发布会解读或新闻摘要", "press reading or news summary"),
    Term("draft", "征求意见稿", "draft for comment"),
)
CATEGORIES = (
    Term("economy", "经济", "economy"),
    Term("industry", "产业", "industry"),
    Term("products", "产品", "products"),
    Term("food_drugs", "食品药品", "food and drugs"),
    Term("engineering", "工程", "engineering"),
    Term("services", "服务", "services"),
    Term("brands_ip", "品牌与知识产权", "brands and IP"),
    Term("quality_infrastructure", "质量基础设施", "quality infrastructure"),
    Term("environment", "环境", "environment"),
    Term("governance", "质量治理", "governance"),
)
# Two tiers of provenance: a quoted plan's text is in data/sources/ and every target carries a
# quote at an offset; a cited plan is known from a published copy, its targets carry the URL.
TIERS = (
    Term("quoted", "原文引用", "quoted"),
    Term("cited", "转引", "cited"),
)
COVERAGES = (
    Term("full", "全文", "full text"),
    Term("excerpt", "节选", "excerpt"),
)
SOURCE_KINDS = (
    Term("official_text", "官方文本", "official text"),
    Term("official_interpretation", "官方解读", "official interpretation"),
    Term("news_report", "新闻报道", "news report"),
)
SOURCE_SITES = (
    Term("official", "政府网站", "government site"),
    Term("news", "新闻媒体", "news outlet"),
    Term("copy", "第三方转载", "third-party reprint"),
    Term("none", "无网络副本", "no web copy"),
)
OBLIGATIONS = (
    Term("binding", "约束性", "binding"),
    Term("expected", "预期性", "expected"),
)
BASES = (
    Term("published", "公布值", "published"),
    Term("derived", "推算值", "derived"),
)
# How the year of a published figure was read: stated with it, or inferred (its notes say from what).
YEAR_BASES = (
    Term("stated", "明示", "stated"),
    Term("inferred", "推断", "inferred"),
)
FORMATS = (
    Term("txt", "文本", "plain text"),
    Term("html", "网页", "web page"),
    Term("pdf", "PDF", "PDF"),
    Term("docx", "Word", "Word document"),
)
SCRIPTS = (
    Term("simplified", "简体", "simplified"),
    Term("traditional", "繁体", "traditional"),
)


@dataclass(frozen=True)
class Unit:
    """A unit as plans write it: the quantity it measures and its factor to that quantity's base."""

    code: str
    quantity: str
    factor: float
    en: str


UNSTATED = "unstated"

# Chinese counters (个, 项, 件, 家 ...) all count things: a plan may say 个 where the catalogue
# says 项, and the numbers still compare. Scaled units (万件, 亿元) convert by their factor.
UNITS = tuple(
    Unit(*u)
    for u in [
        ("%", "percent", 1, "%"),
        ("个百分点", "percentage_points", 1, "percentage points"),
        ("index", "index", 1, "index points"),
        ("分", "score", 1, "points"),
        ("级", "grade", 1, "grade"),
        ("名", "rank", 1, "place"),
        ("个", "count", 1, "count"),
        ("项", "count", 1, "items"),
        ("件", "count", 1, "items"),
        ("家", "count", 1, "units"),
        ("张", "count", 1, "certificates"),
        ("条", "count", 1, "chains"),
        ("处", "count", 1, "sites"),
        ("万件", "count", 1e4, "10,000 items"),
        ("亿元", "yuan", 1e8, "100 million yuan"),
        ("万元", "yuan", 1e4, "10,000 yuan"),
        ("万亩次", "mu_services", 1e4, "10,000 mu-services"),
        ("吨标准煤/万元", "energy_intensity", 1, "tce per 10,000 yuan"),
        ("万家", "count", 1e4, "10,000 units"),
        ("万批次", "count", 1e4, "10,000 batches"),
        ("只", "count", 1, "items"),
        ("万吨", "mass", 1e4, "10,000 tonnes"),
        ("万人", "count", 1e4, "10,000 persons"),
        ("万亩", "area_mu", 1e4, "10,000 mu"),
        ("万元/人", "yuan_per_person", 1e4, "10,000 yuan per person"),
        ("批次/千人", "samples_per_1000_people", 1, "batches per 1,000 people"),
        # The text gives no unit (生产性服务业顾客满意度超过85): compared on the indicator's own
        # scale, and the row's notes say so. Never a unit invented for the text.
        (UNSTATED, "unstated", 1, "(no unit stated)"),
    ]
)
UNIT_BY_CODE = {u.code: u for u in UNITS}
# Relative targets (较2020年下降14%, 提高0.36个百分点) are stated in these units whatever the
# indicator's own unit is.
RELATIVE_CHANGES = ("increase", "decrease", "annual_growth")
# Quantities that grow with a jurisdiction's size (counts, money, area): compared only within one
# level of government. Ratios and scores compare across levels.
SIZE_QUANTITIES = ("count", "yuan", "area_mu", "mu_services", "mass")
RATIO_QUANTITIES = ("percent", "percentage_points", "yuan_per_person", "samples_per_1000_people", "energy_intensity")
SCORE_QUANTITIES = ("index", "score")
RELATIVE_UNITS = ("%", "个百分点")


def codes(vocabulary: tuple[Term, ...]) -> list[str]:
    """The codes of a vocabulary, in its declared order."""
    return [t.code for t in vocabulary]
