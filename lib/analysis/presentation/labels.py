"""Every piece of user-facing text, keyed by language: chart text, table columns, vocabulary
labels and how a target is written (≥98%, 2–3家, ≈85). Charts, tables, the index page and
the report batch read from here; nothing else holds zh/en strings."""

from __future__ import annotations

from typing import Any

import pandas as pd

from ..data import Dataset
from ..data.chinese import format_number
from ..data.vocabularies import UNIT_BY_CODE, Term
from ..errors import ParameterError

LANGS = ("zh", "en")


def check_lang(lang: str) -> str:
    """Return ``lang`` if it is one of :data:`LANGS`; otherwise raise with the valid values."""
    if lang not in LANGS:
        raise ParameterError(f"unknown lang {lang!r}; valid values: {', '.join(LANGS)}")
    return lang


TEXT: dict[str, dict[str, str]] = {
    "year": {"zh": "年份", "en": "Year"},
    "target_year": {"zh": "目标年份", "en": "target year"},
    "national_observed": {"zh": "全国实际值", "en": "National, observed"},
    "national_target": {"zh": "全国目标", "en": "National target"},
    "national_path": {"zh": "全国路径(实际值与目标连线)", "en": "National path (observed to target)"},
    "province_observed": {"zh": "{name}实际值", "en": "{name}, observed"},
    "source": {
        "zh": "资料来源:各地质量强市/强省规划原文(data/targets.csv,含原文引文与位置);"
        "全国数据见 data/observations.csv 所列出处。",
        "en": "Source: the plans' own texts (data/targets.csv, with quote and offset); "
        "national figures as cited in data/observations.csv.",
    },
    "spread_title": {"zh": "{indicator}:各地目标", "en": "{indicator}: targets by jurisdiction"},
    "spread_subtitle": {
        "zh": "按目标年份分组,每组左为省级、右为市(区)级;标签为地区与目标值",
        "en": "grouped by target year, provinces left and cities or districts right; labels give each target",
    },
    "spread_count": {
        "zh": "共{targets}个目标,来自{jurisdictions}个地区",
        "en": "{targets} targets of {jurisdictions} jurisdictions",
    },
    "national_record": {"zh": "全国实际值与路径", "en": "National record and path"},
    "no_year": {"zh": "未定年份", "en": "no year"},
    "lane_province": {"zh": "省级", "en": "provinces"},
    "lane_city": {"zh": "市、区", "en": "cities"},
    "tier_quoted": {"zh": "实心:原文引用(持有原文)", "en": "filled: quoted (text held)"},
    "tier_cited": {"zh": "空心:转引(公开转载本)", "en": "hollow: cited (published copy)"},
    "capped": {
        "zh": "共{n}个;仅标注最高和最低的{k}个",
        "en": "{n} in all; only the {k} highest and lowest are labelled",
    },
    "capped_bars": {"zh": "共{n}个,显示最前和最后各{k}个", "en": "{n} in all; the top and bottom {k} shown"},
    "capped_columns": {
        "zh": "显示{k}/{n}个地区(设定共有指标最多者)",
        "en": "{k} of {n} jurisdictions shown (those setting the most shared indicators)",
    },
    "capped_panels": {"zh": "显示{k}/{n}个城市", "en": "{k} of {n} cities shown"},
    "relative_skipped": {
        "zh": "另有{n}个相对目标(如较基期下降)未画出,见下表",
        "en": "{n} relative target(s) (change on a baseline) not drawn; see the table",
    },
    "commitment": {"zh": "承诺类型", "en": "Commitment"},
    "jurisdiction": {"zh": "地区", "en": "Jurisdiction"},
    "national": {"zh": "全国", "en": "National"},
    "vertical_title": {
        "zh": "{indicator}:城市目标与所在省份目标之差",
        "en": "{indicator}: each city's target against its province's",
    },
    "vertical_subtitle": {
        "zh": "每行一个城市:灰线连接省份目标与城市目标,右侧为差值(方向已统一,正值 = 城市要求更高);按差值排序",
        "en": "One row per city: the grey line joins the province's target to the city's; the gap is on the right"
        " (direction-adjusted: positive = the city asks more); ordered by gap",
    },
    "vertical_skipped": {
        "zh": "另有{n}个城市目标无法与省份比较(省份未设、仅见节选、无目标年份等,见下表)",
        "en": "{n} more city targets cannot be set against their province (none set, excerpt only, no year ...;"
        " see the table)",
    },
    "province_marker": {"zh": "灰色:省份目标", "en": "grey: the province's target"},
    "province_moved": {
        "zh": "× 省份目标沿全国路径移至城市的目标年份",
        "en": "× province's target moved to the city's year along the national path",
    },
    "province_levels_title": {"zh": "{province}:{indicator}", "en": "{province}: {indicator}"},
    "province_levels_subtitle": {
        "zh": "全国、省、各市的目标在同一坐标上;城市按与省份目标之差排序(右侧数字)",
        "en": "The nation's, the province's and each city's targets on one axis; cities ordered by their gap"
        " to the province (right)",
    },
    "no_vertical": {"zh": "没有省份数据可与城市目标对照", "en": "No provincial figures to set beside a city's target"},
    "coverage_title": {"zh": "指标覆盖:各地是否设定目标", "en": "Coverage: which jurisdictions set a target"},
    "coverage_subtitle": {"zh": "格内为目标值与目标年份", "en": "Cells show the target value and target year"},
    "ranking_title": {
        "zh": "{indicator}:相对全国路径的余量排名",
        "en": "{indicator}: ranking by headroom over the national path",
    },
    "ranking_title_value": {
        "zh": "{indicator}:目标值排名(无全国路径)",
        "en": "{indicator}: ranking by target value (no national path)",
    },
    "headroom_axis": {
        "zh": "余量 = 目标 − 全国路径同年值({unit});正值 = 更进取",
        "en": "Headroom = target − national path in the same year ({unit}); positive = more ambitious",
    },
    "generations_title": {
        "zh": "{name}:前后两版规划的目标变化",
        "en": "{name}: how targets moved from one plan to the next",
    },
    "generations_subtitle": {
        "zh": "每行一个前后规划都设定的指标:箭头从前一版目标指向后一版,"
        "以相对前一版的百分比表示(方向已统一,向右 = 提高)",
        "en": "One row per indicator both plans set: the arrow runs from the earlier plan's target to the later's,"
        " as a change in per cent of the earlier (direction-adjusted: right = raised)",
    },
    "generations_single": {
        "zh": "另有{n}个指标只见于其中一版规划(或另一版仅见节选,情况未知),见下表",
        "en": "{n} more indicators are set in only one plan (or the other is known only in excerpt); see the table",
    },
    "generations_axis": {"zh": "相对前一版目标的变化(%)", "en": "Change on the earlier plan's target (%)"},
    "generations_raised": {"zh": "提高", "en": "raised"},
    "generations_lowered": {"zh": "降低", "en": "lowered"},
    "no_generations": {
        "zh": "前后规划没有共同设定、可比较的指标",
        "en": "No indicator is set, comparably, in two of its plans",
    },
    "status_none": {"zh": "无状态:公布值不足两个", "en": "no status: under two values"},
    "progress_title": {
        "zh": "目标与公布记录对照:按现有速度能否达到",
        "en": "Targets against the published record: within reach at the pace shown?",
    },
    "progress_subtitle": {
        "zh": "比值 = 公布序列的年均增速 ÷ 实现目标所需年均增速;≥{on_track} 为进展顺利,≥{acceleration} 为需加快,"
        ">0 为进展有限,≤0 为倒退(方向已统一)",
        "en": "Ratio = observed annual growth over the published series ÷ the annual growth the target requires;"
        " on track at ≥{on_track}, needs acceleration from {acceleration}, limited progress above 0,"
        " deterioration at or below 0 (direction-adjusted)",
    },
    "progress_axis": {"zh": "实际增速 ÷ 所需增速", "en": "Observed growth ÷ required growth"},
    "record_title": {"zh": "{indicator}:目标与公布记录", "en": "{indicator}: targets against the published record"},
    "record_subtitle": {
        "zh": "各地公布值序列(空心为推算值),目标置于目标年份,虚线为从最新公布值到目标所需的路径,旁注进展状态",
        "en": "Each jurisdiction's published series (hollow: derived), its targets at their years, a dashed line from"
        " the latest published value to each target (the pace it requires), and the status",
    },
    "record_published": {"zh": "公布值", "en": "published"},
    "record_derived": {"zh": "推算值(如由不合格率推算合格率)", "en": "derived (a pass rate from a failure rate)"},
    "record_required": {"zh": "所需路径", "en": "required pace"},
    "ranking_subtitle": {
        "zh": "排名相同者标“=”;“≥”目标为下限,实际要求可能更高(箭头);斜线 = 转引目标",
        "en": "Shared ranks are marked =; a ≥ target is a floor and may ask more (arrow); hatched = cited target",
    },
    "bar_quoted": {"zh": "原文引用", "en": "quoted"},
    "bar_cited": {"zh": "转引", "en": "cited"},
    "bar_floor": {"zh": "下限(≥)", "en": "floor (≥)"},
    "value_axis": {"zh": "目标值({unit})", "en": "Target value ({unit})"},
    "profile_title": {"zh": "{name}:目标与同行对照", "en": "{name}: targets against peers"},
    "breadth_panel": {"zh": "按类别的指标数", "en": "Indicators committed to, by category"},
    "this": {"zh": "{name}", "en": "{name}"},
    "peer_mean": {"zh": "其他全文已读规划的平均", "en": "Mean of the other plans read in full"},
    "breadth_lower_bound": {
        "zh": "浅色 = 仅见节选的规划,实际指标数可能更多(≥)",
        "en": "Lighter bars: plans known only from an excerpt, which may set more (≥)",
    },
    "count": {"zh": "指标个数(括号内为目标年份)", "en": "Number of indicators (target years in brackets)"},
    "peers_panel": {
        "zh": "与其他地区共有的指标:相对同行中位数",
        "en": "Indicators shared with other plans: against the peer median",
    },
    "vs_median": {
        "zh": "相对同行中位数(%,方向已统一:正值 = 更进取)",
        "en": "% above the peer median (direction-adjusted: positive = more ambitious)",
    },
    "no_shared": {"zh": "没有与其他规划共有的指标", "en": "No indicator shared with another plan"},
    "other_jurisdictions": {"zh": "其他地区", "en": "Other jurisdictions"},
    "breadth_title": {"zh": "各规划的指标广度(按类别)", "en": "Breadth of each plan's commitments, by category"},
    "download_table": {"zh": "下载本表", "en": "Download this table"},
    "back_to_index": {"zh": "← 全部报告", "en": "← All reports"},
    # the index page
    "index_title": {"zh": "质量规划目标报告", "en": "Quality-plan target reports"},
    "index_summary_ok": {"zh": "共 {total} 份报告,全部成功。", "en": "{total} reports, all succeeded."},
    "index_summary_failed": {
        "zh": "共 {total} 份报告,{failed} 份失败(见状态栏)。",
        "en": "{total} reports, {failed} failed (see the status column).",
    },
    "index_downloads": {"zh": "下载", "en": "Download"},
    "index_dataset_zip": {
        "zh": "全部数据(CSV 表格、datapackage.json、字段说明、许可与引用方式,zip)",
        "en": "the whole dataset (CSV tables, datapackage.json, a README of the columns, licence and how to cite; zip)",
    },
    "index_filters": {"zh": "查找报告", "en": "Find reports"},
    "index_search": {"zh": "搜索", "en": "Search"},
    "index_all": {"zh": "全部", "en": "all"},
    "index_shown": {"zh": "显示 {shown}/{total} 份", "en": "{shown} of {total} shown"},
    "index_facet_lang": {"zh": "语言", "en": "Language"},
    "index_facet_level": {"zh": "层级", "en": "Level"},
    "index_facet_province": {"zh": "省份", "en": "Province"},
    "index_facet_category": {"zh": "指标类别", "en": "Indicator category"},
    "index_facet_tier": {"zh": "出处层级", "en": "Provenance"},
    "lang_zh": {"zh": "中文", "en": "Chinese"},
    "lang_en": {"zh": "英文", "en": "English"},
    "index_group_overview": {"zh": "总览", "en": "Overview"},
    "index_group_indicator": {"zh": "按指标比较", "en": "By indicator"},
    "index_group_jurisdiction": {"zh": "按地区", "en": "By jurisdiction"},
    "index_column_report": {"zh": "报告", "en": "Report"},
    "index_column_headline": {"zh": "主要数字", "en": "Headline numbers"},
    "index_column_figures": {"zh": "图表", "en": "Figures"},
    "index_column_status": {"zh": "状态", "en": "Status"},
    "index_overview_title": {"zh": "总览", "en": "Overview of the corpus"},
    "index_overview_headline": {
        "zh": "{plans} 份规划 · {targets} 个目标 · {indicators} 个指标",
        "en": "{plans} plans · {targets} targets · {indicators} indicators",
    },
    "index_jurisdiction_headline": {
        "zh": "{targets} 个目标 · {indicators} 个指标 · {categories} 个类别 · {first}–{last} 年",
        "en": "{targets} targets · {indicators} indicators · {categories} categories · years {first}–{last}",
    },
    # The explorer (notebooks/explorer.ipynb): its controls and what it says about a selection.
    "explorer_indicator": {"zh": "指标", "en": "Indicator"},
    "explorer_province": {"zh": "省及其城市", "en": "Province + cities"},
    "explorer_jurisdictions": {"zh": "地区", "en": "Jurisdictions"},
    "explorer_tiers": {"zh": "规划", "en": "Plans"},
    "explorer_lang": {"zh": "语言", "en": "Language"},
    "explorer_no_province": {"zh": "(不按省选)", "en": "(none)"},
    "explorer_both_tiers": {"zh": "两者", "en": "both"},
    "explorer_hint": {
        "zh": "地区不选即为全部;按住 Ctrl 或 Shift 可多选。全国目标与路径始终作为参照。",
        "en": "No jurisdiction selected means all; Ctrl- or Shift-click to choose several."
        " The national target and path are always drawn as the yardstick.",
    },
    "explorer_controls": {
        "zh": "<探索器控件:指标、省及其城市、地区、规划、语言(在 JupyterLab 中可操作)>",
        "en": "<explorer controls: indicator, province + cities, jurisdictions, plans, language"
        " (interactive in JupyterLab)>",
    },
    "explorer_summary": {
        "zh": "**{indicator}**:{jurisdictions}个地区的{targets}个目标({tiers})",
        "en": "**{indicator}**: {targets} target(s) of {jurisdictions} jurisdiction(s) ({tiers})",
    },
    "explorer_empty": {
        "zh": "所选地区和规划中没有这一指标的目标:请换选地区或规划。",
        "en": "No target for this indicator in this selection: choose other jurisdictions or plans.",
    },
    "explorer_failed": {
        "zh": "此选择下无法绘制“{view}”图:{error}",
        "en": "The chart “{view}” cannot be drawn for this selection: {error}",
    },
    "explorer_chart_spread": {"zh": "各地目标", "en": "targets side by side"},
    "explorer_chart_vertical": {"zh": "市、省、全国对照", "en": "city, province and nation"},
    "explorer_chart_ranking": {"zh": "排名", "en": "ranking"},
}

# The status bands of progress against the published record.
PROGRESS_STATUS: dict[str, dict[str, str]] = {
    "achieved": {"zh": "已实现", "en": "achieved"},
    "on track": {"zh": "进展顺利", "en": "on track"},
    "needs acceleration": {"zh": "需加快", "en": "needs acceleration"},
    "limited progress": {"zh": "进展有限", "en": "limited progress"},
    "deterioration": {"zh": "倒退", "en": "deterioration"},
    "met": {"zh": "如期实现", "en": "met"},
    "missed": {"zh": "未实现", "en": "missed"},
}
# The language control's choices, each named in its own language.
LANGUAGE_NAMES = {"zh": "中文", "en": "English"}

# How the coverage chart names each state of a jurisdiction and an indicator.
COVERAGE_STATUS: dict[str, dict[str, str]] = {
    "target": {"zh": "有目标", "en": "target"},
    "no target": {"zh": "全文已读,无此目标", "en": "read in full, no target"},
    "not known": {"zh": "未知(仅见节选或未收录规划)", "en": "not known (excerpt only, or no plan)"},
}

COLUMNS = {
    "jurisdiction": {"zh": "地区", "en": "Jurisdiction"},
    "indicator": {"zh": "指标", "en": "Indicator"},
    "category": {"zh": "类别", "en": "Category"},
    "target": {"zh": "目标", "en": "Target"},
    "target_year": {"zh": "目标年份", "en": "Target year"},
    "change": {"zh": "变化类型", "en": "Change"},
    "national": {"zh": "全国目标", "en": "National target"},
    "gap": {"zh": "与全国目标之差", "en": "Gap to national target"},
    "year_gap": {"zh": "年份差", "en": "Year difference"},
    "path_value": {"zh": "全国路径同年值", "en": "National path in target year"},
    "headroom": {"zh": "余量", "en": "Headroom"},
    "rank": {"zh": "排名", "en": "Rank"},
    "percentile": {"zh": "百分位", "en": "Percentile"},
    "basis": {"zh": "排名依据", "en": "Ranked on"},
    "annual": {"zh": "隐含年变化", "en": "Implied annual change"},
    "note": {"zh": "说明", "en": "Note"},
    "quote": {"zh": "原文", "en": "Quote"},
    "where": {"zh": "出处(文档:字符位置)", "en": "Source (document:character offset)"},
    "title": {"zh": "标题", "en": "Title"},
    "issued": {"zh": "发布日期", "en": "Issued"},
    "script": {"zh": "字体", "en": "Script"},
    "targets": {"zh": "目标数", "en": "Targets"},
    "indicators": {"zh": "指标数", "en": "Indicators"},
    "years": {"zh": "目标年份", "en": "Target years"},
    "doc": {"zh": "文档", "en": "Document"},
}


def text(key: str, lang: str, **values: object) -> str:
    """Chart or page text in the chosen language, with ``values`` filled in."""
    check_lang(lang)
    return TEXT[key][lang].format(**values)


def column(key: str, lang: str) -> str:
    """A table column's name in the chosen language."""
    return COLUMNS[key][lang]


def columns(keys: list[str], lang: str) -> dict[str, str]:
    """Column renames for a table: key -> name in the chosen language."""
    return {k: COLUMNS[k][lang] for k in keys}


def term(vocabulary: tuple[Term, ...], code: str, lang: str) -> str:
    """The zh or en label of one vocabulary code (levels, comparators, categories ...)."""
    for item in vocabulary:
        if item.code == code:
            return str(getattr(item, lang))
    raise KeyError(code)


def display_name(dataset: Dataset, kind: str, id_: str, lang: str) -> str:
    """Display name of a jurisdiction or indicator (``kind``) in the chosen language."""
    return dataset.names(kind, lang)[id_]


def unit_label(unit: str, lang: str) -> str:
    """A unit as an axis label: 指数 / index points, %, 家 / units."""
    if lang == "zh":
        return "指数" if unit == "index" else unit
    return UNIT_BY_CODE[unit].en


def target_text(target: Any, lang: str) -> str:
    """A target row (a namedtuple or Series with value, value_high, comparator, unit) as written."""
    return format_value(target.value, target.value_high, target.comparator, target.unit, lang)


def jurisdiction_target(dataset: Dataset, target: Any, lang: str) -> str:
    """A target with who set it and for when: 江苏省 ≥88 (2025)."""
    name = display_name(dataset, "jurisdiction", target.jurisdiction_id, lang)
    return f"{name} {target_text(target, lang)} ({target.target_year})"


def format_value(value: float, value_high: float | None, comparator: str, unit: str, lang: str) -> str:
    """A target as a reader would say it: ≥98%, 2–3家, ≈85."""
    sign = {">=": "≥", "<=": "≤", "~": "≈", "=": "", "range": ""}[comparator]
    number = format_number(value)
    if comparator == "range" and value_high is not None and pd.notna(value_high):
        number += "–" + format_number(value_high)
    u = "" if unit == "index" else (unit if lang == "zh" or unit == "%" else " " + UNIT_BY_CODE[unit].en)
    return f"{sign}{number}{u}"


# The notebooks' prose, in both languages: what each section answers and how to read it. A
# notebook's markdown cell names its key in its metadata ("prose"); the notebooks hold the
# English text (what an analyst reads in JupyterLab, kept equal to this by `make notebooks` and
# checked by a test), and each report's page carries the text of the report's language.
PROSE: dict[str, dict[str, str]] = {
    "overview.title": {
        "en": "# The corpus at a glance\n\n"
        "Which plans are in the data, how broadly each commits, which indicators several of them share, and how "
        "the headline indicator, the manufacturing quality competitiveness index, compares across them.",
        "zh": "# 规划总览\n\n收录了哪些规划,各自承诺的范围有多广,哪些指标为多个规划共有,"
        "以及核心指标“制造业质量竞争力指数”在各地之间如何比较。",
    },
    "overview.plans": {
        "en": "## The plans\n\n"
        "One row per plan: who issued it, when, how it is known (quoted: its text is held and every target is "
        "quoted at an offset; cited: known from a published copy, often an excerpt), how many targets it sets "
        "and for which years.",
        "zh": "## 规划一览\n\n每行一份规划:发布机关、日期、出处层级(原文引用:持有原文,每个目标都附原文引文与位置;"
        "转引:据公开转载本,多为节选)、目标个数及目标年份。",
    },
    "overview.breadth": {
        "en": "## Breadth: what each plan commits to\n\n"
        "The number of catalogue indicators each plan sets a target for, stacked by policy area. A long bar is "
        "a broad plan, not necessarily an ambitious one; a plan known only from an excerpt may set more than it "
        "shows (its total reads ≥).",
        "zh": "## 广度:各规划承诺了什么\n\n各规划设定目标的指标个数,"
        "按政策领域堆叠。条形长说明覆盖面广,不等于目标更进取;"
        "仅见节选的规划实际可能更多(以 ≥ 标示)。",
    },
    "overview.coverage": {
        "en": "## Coverage of the shared indicators\n\n"
        "Indicators that two or more jurisdictions set. A green cell holds the target and its year; grey means "
        "a plan of that jurisdiction was read in full and sets no target for the indicator; white means nothing "
        "is known (its plans are known only from excerpts, or none is in the data).",
        "zh": "## 共有指标的覆盖情况\n\n两个及以上地区设定的指标。"
        "绿色格内为目标值与目标年份;灰色表示该地区有规划全文已读、"
        "未设此目标;白色表示情况未知(仅见节选,或未收录规划)。",
    },
    "overview.headline": {
        "en": "## The headline comparison\n\n"
        "The manufacturing quality competitiveness index: each jurisdiction's target at its target year, the "
        "national published series, the national target for 2025 and the national path through them.",
        "zh": "## 核心指标对照\n\n制造业质量竞争力指数:各地目标(横轴为目标年份)、"
        "全国公布值、2025年全国目标及其连线构成的全国路径。",
    },
    "overview.targets": {
        "en": "## The table behind the charts\n\n"
        "Every target of the shared indicators with its source: for a quoted plan the sentence it comes from "
        "and where it sits (document and character offset); for a cited plan the copy it was read in.",
        "zh": "## 图表背后的数据\n\n共有指标的全部目标及出处:原文引用的规划给出原句及其位置(文档与字符偏移),"
        "转引的规划给出所据转载本的网址。",
    },
    "indicator.title": {
        "en": "# Comparing one indicator across plans\n\n"
        "How ambitious is each jurisdiction's target for one indicator: against the national target, against "
        "the national path, and against its peers?",
        "zh": "# 单项指标比较\n\n各地对同一指标设定的目标有多进取:与全国目标相比、与全国路径相比、与其他地区相比。",
    },
    "indicator.spread": {
        "en": "## The targets side by side\n\n"
        "Each point is one plan's target, placed at its target year. Targets for different years are not "
        "directly comparable, so the national published values and the national target are drawn in, joined by "
        "the national path (dashed): a target above the path in its own year asks for more than the national "
        "trajectory. Marker shape shows the kind of commitment (floor, value to reach, approximate value, range).",
        "zh": "## 各地目标并列\n\n每个点是一份规划的目标,置于其目标年份。"
        "不同年份的目标不能直接比较,因此图中画出全国公布值与全国目标,"
        "二者连成全国路径(虚线):目标高于同年的全国路径,即比全国轨迹要求更高。"
        "标记形状表示承诺类型(下限、达到值、约数、区间)。",
    },
    "indicator.vertical": {
        "en": "## City against province\n\n"
        "Does a city ask more than its own province? Each row sets a city's target against its province's for "
        "the same indicator; where their target years differ, the province's target is moved to the city's year "
        "along the national path. Positive gaps mean the city asks more.",
        "zh": "## 城市与省份对照\n\n城市的目标是否高于所在省份?每行将城市目标与其所在省份对同一指标的目标对照;"
        "目标年份不同时,省份目标沿全国路径移至城市的目标年份。差值为正表示城市要求更高。",
    },
    "indicator.ranking": {
        "en": "## Ranking by headroom\n\n"
        "Headroom is the target minus the national path's value in the target year (sign flipped where lower "
        "is better), so positive means more ambitious than the national trajectory. Without a national path, "
        "jurisdictions are ranked by the target value itself, and target years then differ.",
        "zh": "## 按余量排名\n\n余量 = 目标 − 目标年份的全国路径值(越低越好的指标取反号),正值表示比全国轨迹更进取。"
        "没有全国路径时按目标值本身排名,此时各地目标年份不同。",
    },
    "indicator.measures": {
        "en": "## The measures\n\n"
        "Gap to the national target (with the difference in target years beside it), the national path's value "
        "in the target year, headroom, rank among the jurisdictions setting this indicator, and the annual change "
        "the target implies where the plan states a baseline or a published value gives one. An empty cell means "
        "the measure does not apply; the note says why.",
        "zh": "## 各项度量\n\n与全国目标之差(旁附目标年份之差)、目标年份的全国路径值、余量、在设定该指标的地区中的排名,"
        "以及规划给出基期或有公布值可作基期时目标隐含的年变化。空格表示该度量不适用,说明栏给出原因。",
    },
    "indicator.targets": {
        "en": "## The table behind the charts\n\n"
        "Every target for this indicator, with its source: the sentence and where it sits for a quoted plan, the "
        "copy it was read in for a cited one.",
        "zh": "## 图表背后的数据\n\n该指标的全部目标及出处:原文引用的规划给出原句及位置,转引的规划给出所据转载本。",
    },
    "jurisdiction.title": {
        "en": "# One jurisdiction's plans against its peers\n\n"
        "What do this jurisdiction's plans commit to, in which policy areas, and where they set the same "
        "indicator as other plans, how ambitious are they by comparison?",
        "zh": "# 地区概况\n\n该地区的规划承诺了什么、涉及哪些政策领域;在与其他规划共有的指标上,其目标相对有多进取。",
    },
    "jurisdiction.profile": {
        "en": "## Profile\n\n"
        "Left: how many indicators its plans commit to in each policy area, beside the average of the other "
        "plans read in full. Right: for each indicator it shares with other plans, every jurisdiction's target as "
        "a percentage above the median target (direction-adjusted, so right is more ambitious); this jurisdiction "
        "is highlighted and the national target is a star.",
        "zh": "## 概况\n\n左:其规划在各政策领域承诺的指标个数,"
        "旁为其他全文已读规划的平均。右:在与其他规划共有的每个指标上,"
        "各地目标相对中位数高出的百分比(方向已统一,越靠右越进取);本地区突出显示,星号为全国目标。",
    },
    "jurisdiction.targets": {
        "en": "## The table behind the chart\n\n"
        "Every target of its plans by category, with its rank among the jurisdictions that set the same "
        "indicator (where there are any) and its source.",
        "zh": "## 图表背后的数据\n\n其规划的全部目标(按类别),在设定同一指标的地区中的排名(如有)及出处。",
    },
}


def prose(key: str, lang: str) -> str:
    """A notebook section's prose in the chosen language."""
    check_lang(lang)
    return PROSE[key][lang]
