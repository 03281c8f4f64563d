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
        "zh": "点 = 目标值(横轴为目标年份);形状 = 承诺类型;虚线 = 全国路径",
        "en": "Points = target values at their target year; shape = kind of commitment; dashed = national path",
    },
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
    "vertical_title": {"zh": "{indicator}:市、省、全国对照", "en": "{indicator}: city, province and nation"},
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
    # the index page
    "index_title": {"zh": "质量规划目标报告", "en": "Quality-plan target reports"},
    "index_summary_ok": {
        "zh": "共 {total} 份报告,全部成功;本次重新生成 {executed} 份,{cached} 份输入未变、沿用上次结果。",
        "en": "{total} reports, all succeeded; {executed} executed in this run, "
        "{cached} unchanged and kept from the previous run.",
    },
    "index_summary_failed": {
        "zh": "共 {total} 份报告,{failed} 份失败;本次重新生成 {executed} 份,{cached} 份输入未变、沿用上次结果。",
        "en": "{total} reports, {failed} failed; {executed} executed in this run, "
        "{cached} unchanged and kept from the previous run.",
    },
    "index_group_overview": {"zh": "总览", "en": "Overview"},
    "index_group_indicator": {"zh": "按指标比较", "en": "By indicator"},
    "index_group_jurisdiction": {"zh": "按地区", "en": "By jurisdiction"},
    "index_column_report": {"zh": "报告", "en": "Report"},
    "index_column_headline": {"zh": "主要数字", "en": "Headline numbers"},
    "index_column_figures": {"zh": "图表", "en": "Figures"},
    "index_column_status": {"zh": "状态", "en": "Status"},
    "index_unchanged": {"zh": "沿用", "en": "unchanged"},
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
