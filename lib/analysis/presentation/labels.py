"""Every piece of user-facing text, keyed by language: chart text, table columns, vocabulary
labels and how a target is written (≥98%, 2–3家, ≈85). Charts, tables, the index page and
the report batch read from here; nothing else holds zh/en strings."""

from __future__ import annotations

from typing import Any

import pandas as pd

from ..data import Dataset
from ..data.chinese import format_number
from ..data.vocabularies import KINDS, LEVELS, UNIT_BY_CODE, Term
from ..errors import ParameterError
from ..measures import notes

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
        "zh": "资料来源:各地质量强市/强省规划(据原文者附引文与位置,据公开转载本者附网址,见 data/targets.csv);"
        "公布值见 data/observations.csv 所列出处。",
        "en": "Source: the plans (quoted from their text with the offset, or cited from a published copy with its "
        "URL: data/targets.csv); published values as cited in data/observations.csv.",
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
    "method_break": {"zh": "统计口径改变(前后不相连)", "en": "method changed (no line across)"},
    "year_inferred": {"zh": "年份为推断", "en": "year inferred"},
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
        "zh": "比值 = 自规划基期以来的实际年均增速 ÷ 自基期实现目标所需的年均增速(同一统计口径);"
        "≥{on_track} 为进展顺利,≥{acceleration} 为需加快,>0 为进展有限,≤0 为倒退(方向已统一)",
        "en": "Ratio = annual growth observed since the plan's base year ÷ the annual growth the target requires"
        " from it (same method); on track at ≥{on_track}, needs acceleration from {acceleration}, limited"
        " progress above 0, deterioration at or below 0 (direction-adjusted)",
    },
    "progress_axis": {"zh": "实际增速 ÷ 所需增速", "en": "Observed growth ÷ required growth"},
    "record_title": {"zh": "{indicator}:目标与公布记录", "en": "{indicator}: targets against the published record"},
    "record_subtitle": {
        "zh": "各地公布值序列(每一统计口径一条线),目标置于目标年份,虚线为从规划基期到目标所需的路径,旁注进展状态",
        "en": "Each jurisdiction's published series (one line per method), its targets at their years, a dashed line"
        " from each plan's base to its target (the pace it requires), and the status",
    },
    "record_published": {"zh": "公布值", "en": "published"},
    "record_derived": {"zh": "推算值(如由不合格率推算合格率)", "en": "derived (a pass rate from a failure rate)"},
    "record_required": {"zh": "所需路径(自基期)", "en": "required pace (from the base)"},
    "ranking_subtitle": {
        "zh": "排名相同者标“=”;“≥”目标为下限,实际要求可能更高(箭头);斜线 = 转引目标",
        "en": "Shared ranks are marked =; a ≥ target is a floor and may ask more (arrow); hatched = cited target",
    },
    "ranking_group": {"zh": "同组比较:{group}", "en": "Peer group: {group}"},
    "band_title": {"zh": "{indicator}:进取程度分档", "en": "{indicator}: ambition in bands"},
    "no_band": {"zh": "没有可分档的目标", "en": "No target can be banded"},
    "band_edges_path": {
        "zh": "余量 = 目标 − 同一口径全国路径同年值;灰带为“持平”(±{tolerance},全国公布值末位的一半);"
        "绿色短线为“远高于”的界线(全国路径{years}年的变化量)",
        "en": 'Headroom = target − the national path of its method in the same year; the grey strip is "at"'
        ' (±{tolerance}, half the last decimal the nation publishes); the green tick is the "well above" edge'
        " ({years} years of the path's own change)",
    },
    "band_edges_median": {
        "zh": "相对同组中位数:±{at}%为“持平”,≥{well}%为“远高于”;同组至少{n}个目标才分档",
        "en": 'Against the peer group\'s median: within ±{at}% is "at", from {well}% "well above"; groups of'
        " {n} or more only",
    },
    "years_ahead_title": {
        "zh": "领先全国路径最多的目标(以全国路径的年变化计)",
        "en": "The targets furthest ahead of the national path (in years of the path's own change)",
    },
    "years_ahead_axis": {"zh": "领先全国路径的年数", "en": "Years ahead of the national path"},
    "years_ahead_subtitle": {
        "zh": "比率与指数类目标:余量 ÷ 全国路径在目标年份的年变化量,可跨指标比较;颜色为分档",
        "en": "Rates and indices: headroom ÷ the national path's yearly change at the target year, comparable"
        " across indicators; colour is the band",
    },
    "escalation_title": {
        "zh": "层层加码?城市目标与所在省份目标对照",
        "en": "Raising the bar down the hierarchy? Cities' targets against their province's",
    },
    "escalation_province_title": {
        "zh": "{province}:各市目标与省级目标对照",
        "en": "{province}: its cities' targets against the province's",
    },
    "escalation_axis": {"zh": "可对照的目标对数", "en": "Pairs of targets set against each other"},
    "escalation_subtitle": {
        "zh": "同一指标、同类目标,省级目标沿全国路径移至城市目标年份后比较,差值在全国公布精度之内为照搬;"
        "另有{not_aligned}对无法对照(见 hierarchy.csv)",
        "en": "Same indicator and kind; the province's target moved to the city's year along the national path;"
        " within the published precision is an echo; {not_aligned} more pairs could not be aligned"
        " (see hierarchy.csv)",
    },
    "no_escalation": {"zh": "没有可对照的城市与省份目标", "en": "No city target can be set against its province's"},
    "most_set_title": {"zh": "设定最多的指标", "en": "The indicators most plans set"},
    # the findings page: sentences written from the measures
    "finding_target": {"zh": "{name}的{indicator}(领先{years}年)", "en": "{name}'s {indicator} ({years} years ahead)"},
    "finding_furthest_above": {
        "zh": "**谁的目标最高于全国路径?** 在可置于全国路径上的{banded}个比率与指数类目标中,"
        "{well_above}个远高于全国路径,{at_or_below}个与之持平或更低。领先最多的是:{targets}。",
        "en": "**Whose targets stand furthest above the national path?** Of {banded} rate and index targets placed"
        " on the national path, {well_above} are well above it and {at_or_below} at or below it. Furthest ahead:"
        " {targets}.",
    },
    "finding_province": {"zh": "{name}({pairs}对中加码{raised}对)", "en": "{name} ({raised} of {pairs} pairs)"},
    "finding_escalation": {
        "zh": "**城市是照搬省级目标,层层加码,还是降低?** 在{pairs}对可对照的城市与省级目标中,加码{raised}对、"
        "照搬{echo}对、降低{lowered}对(另有{not_aligned}对无法对照)。城市加码比例最高的省份:{provinces}。",
        "en": "**Do cities echo their province, raise the bar, or lower it?** Of {pairs} city targets set against"
        " their province's, {raised} raise it, {echo} echo it and {lowered} lower it ({not_aligned} more pairs"
        " could not be aligned). Provinces whose cities raise it most often: {provinces}.",
    },
    "finding_met_before": {
        "zh": "**哪些规划的目标在发布前已经达到?** 在{assessed}个已对照公布值给出状态的目标中,"
        "{met}个在规划发布前已经达到:{who}。",
        "en": "**Which plans set levels already met before they were adopted?** Of {assessed} targets given a"
        " status against their published record, {met} had been met before their plan: {who}.",
    },
    "finding_none": {"zh": "无", "en": "none"},
    "finding_indicator": {"zh": "{indicator}({plans}份)", "en": "{indicator} ({plans})"},
    "finding_most_set": {
        "zh": "**哪些指标设定最多?** 在{plans}份地方规划中:{indicators}。",
        "en": "**Which indicators do most plans set?** Of {plans} plans below the nation: {indicators}.",
    },
    "finding_behind": {"zh": "(依据{plans}份规划。)", "en": "(Plans behind this: {plans}.)"},
    "findings_title": {"zh": "主要发现", "en": "Findings"},
    "findings_left_out": {
        "zh": "依据{plans}份规划(同一规划的多个文本计为一份),其中{excerpts}份仅见节选({cited_excerpts}份为转引节选),"
        "其未提及的指标不视为“未设定”;不含{drafts}份征求意见稿,{copies}份同一规划的其他文本仅补充其未设的目标。",
        "en": "From {plans} plans (the copies of one plan counted once), {excerpts} of them known only in excerpt"
        ' ({cited_excerpts} cited excerpts), whose silence is not read as "not set"; {drafts} drafts for comment'
        " are left out, and {copies} further copies of a plan only complete what their plan lacks.",
    },
    "most_set_axis": {"zh": "设定该指标的规划数", "en": "Plans setting a target for it"},
    "most_set_subtitle": {
        "zh": "共{plans}份规划(同一规划的多个文本计为一份,不含全国)",
        "en": "Of {plans} plans (the copies of one plan counted once; the nation's not counted)",
    },
    "ranking_other_groups": {
        "zh": "本指标其他同组(见下表):{groups}",
        "en": "other peer groups (see the table): {groups}",
    },
    "no_peer_group": {
        "zh": "没有至少3个同类目标的同组,不排名",
        "en": "No peer group of at least 3 targets of one kind: no ranking",
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
        "zh": "与同组目标对照(同一指标、同类目标;数量类另按同一层级):相对同组中位数",
        "en": "Against its peer groups (one indicator and kind; counts also one level): vs the group's median",
    },
    "vs_median": {
        "zh": "相对同组中位数(%,方向已统一:正值 = 更进取)",
        "en": "% above the peer group's median (direction-adjusted: positive = more ambitious)",
    },
    "peer_group": {"zh": "{indicator} · {kind} · {levels}(共{n}个)", "en": "{indicator} · {kind} · {levels} ({n})"},
    "all_levels": {"zh": "各层级", "en": "all levels"},
    "no_coverage": {
        "zh": "没有为其中两个及以上地区共同设定的指标",
        "en": "No indicator is set by two or more of these jurisdictions",
    },
    "no_shared": {"zh": "没有与其他规划共有的指标", "en": "No indicator shared with another plan"},
    "other_jurisdictions": {"zh": "其他地区", "en": "Other jurisdictions"},
    "breadth_title": {"zh": "各规划的指标广度(按类别)", "en": "Breadth of each plan's commitments, by category"},
    "download_table": {"zh": "下载本表", "en": "Download this table"},
    "download_measures": {
        "zh": "本报告各目标的全部测度(measures.csv 的相应部分,含不适用的原因代码)",
        "en": "Every measure of this report's targets (its slice of measures.csv, with the codes of what "
        "does not apply)",
    },
    "download_figure": {
        "zh": "本图的矢量版(缩放、印刷不失真)",
        "en": "This chart as a vector image (sharp at any size)",
    },
    "back_to_index": {"zh": "← 全部报告", "en": "← All reports"},
    # how to cite a report page (the dataset's reference from CITATION.cff, the page, the data's date)
    "cite_page": {
        "zh": "引用本页:{authors}({year}).{title},版本 {version} [数据集]:《{page}》,{path}。",
        "en": "How to cite this page: {authors} ({year}). {title}, version {version} [Data set]: “{page}”, {path}.",
    },
    "cite_data_date": {
        "zh": "数据收录至 {date} 发布的规划。",
        "en": "Data: plans issued up to {date}.",
    },
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
    "index_findings_title": {"zh": "主要发现", "en": "Findings"},
    "index_findings_headline": {
        "zh": "{answers}个问题的答案:谁更进取、是否层层加码、哪些目标发布前已达到、哪些指标最常见",
        "en": "{answers} answers: whose targets are ahead, whether cities raise the bar, levels already met, the"
        " indicators most plans set",
    },
    "index_overview_headline": {
        "zh": "{plans} 份规划 · {targets} 个目标 · {indicators} 个指标",
        "en": "{plans} plans · {targets} targets · {indicators} indicators",
    },
    "index_progress_title": {"zh": "进展:目标与公布值", "en": "Progress against the published record"},
    "index_progress_headline": {
        "zh": "{targets} 个目标可对照公布值:{counts}",
        "en": "{targets} targets with a published record: {counts}",
    },
    "index_province_report_title": {"zh": "{province} · 省市对照", "en": "{province}: province and cities"},
    "index_province_headline": {
        "zh": "{plans} 个地区有规划 · {indicators} 个指标可与省级目标对照",
        "en": "{plans} jurisdictions with plans · {indicators} indicators set against the province's",
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
    "explorer_chart_bands": {"zh": "进取程度分档", "en": "ambition bands"},
    "explorer_chart_escalation": {"zh": "层层加码", "en": "escalation down the hierarchy"},
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
    "met before adoption": {"zh": "规划发布前已达到", "en": "met before adoption"},
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
    "kind": {"zh": "目标类型", "en": "Kind"},
    "band": {"zh": "进取程度", "en": "Ambition band"},
    "standing": {"zh": "文件性质", "en": "Document"},
    "peer_group": {"zh": "同组(同一指标与类型)", "en": "Peer group (one indicator and kind)"},
    "vintage": {"zh": "统计口径", "en": "Method vintage"},
    "base": {"zh": "基期值", "en": "Base"},
    "evidence": {"zh": "公布值出处段落(基期 / 最新)", "en": "Published values' passages (base / current)"},
    "current": {"zh": "最新值(同一口径)", "en": "Current (same method)"},
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
    "quote": {
        "zh": "原文(原文引用:引文;转引:转载本中含该数字的段落)",
        "en": "Words (quoted: the quote; cited: the copy's passage that holds the number)",
    },
    "source": {
        "zh": "出处(原文引用:文档:字符位置;转引:转载本网址)",
        "en": "Source (quoted: document:character offset; cited: the copy's URL)",
    },
    "tier": {"zh": "出处层级", "en": "Tier"},
    "coverage": {"zh": "覆盖", "en": "Coverage"},
    "province": {"zh": "所在省份", "en": "Province"},
    "province_target": {"zh": "省份目标", "en": "Province's target"},
    "adjustment": {"zh": "年份换算", "en": "Years"},
    "vertical_gap": {"zh": "与省份之差", "en": "Gap to province"},
    "raised": {"zh": "提高幅度", "en": "Raised by"},
    "horizon_moved": {"zh": "期限后移(年)", "en": "Horizon moved (years)"},
    "per_year": {"zh": "每年提高", "en": "Raised per year"},
    "presence": {"zh": "设定情况", "en": "Set in"},
    "required": {"zh": "所需年均增速(%)", "en": "Required growth (%/year)"},
    "observed": {"zh": "实际年均增速(%)", "en": "Observed growth (%/year)"},
    "ratio": {"zh": "比值", "en": "Ratio"},
    "thresholds": {"zh": "阈值(顺利/需加快)", "en": "Thresholds (on track / acceleration)"},
    "status": {"zh": "状态", "en": "Status"},
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


def peer_group_label(dataset: Dataset, group: str, lang: str, standing: pd.DataFrame) -> str:
    """A peer group as a reader names it: indicator · kind · level(s) (size); ``standing`` is
    :func:`~analysis.measures.peer_standing`'s table, which holds the group's size."""
    indicator, kind, *rest = group.split("|")
    level = [r for r in rest if r in {t.code for t in LEVELS}]
    levels = term(LEVELS, level[0], lang) if level else text("all_levels", lang)
    levels += "".join(f" · {r}" for r in rest if r not in level)  # the method vintage
    sizes = standing.loc[standing["peer_group"] == group, "n_peers"].dropna()
    n = int(sizes.iloc[0]) if len(sizes) else 0
    kind_name = term(KINDS, kind, lang).split(" (")[0]
    name = display_name(dataset, "indicator", indicator, lang)
    return text("peer_group", lang, indicator=name, kind=kind_name, levels=levels, n=n)


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


# What the measures write in their note, method and basis columns: codes with arguments
# (:mod:`analysis.measures.notes`), each rendered here in both languages; {0}, {1} ... are the
# code's arguments in order.
NOTES: dict[str, dict[str, str]] = {
    "no_national_target": {"zh": "无同类全国目标", "en": "no national target of this kind"},
    "no_national_path": {"zh": "无全国路径(同一统计口径)", "en": "no national path (in this method vintage)"},
    "path_one_point": {"zh": "全国路径只有一个点", "en": "the national path has one point"},
    "relative_not_level": {"zh": "相对目标,不是水平值", "en": "relative target: not a level"},
    "no_target_year": {"zh": "无目标年份", "en": "no target year"},
    "no_year_on_path": {"zh": "无目标年份,无法置于全国路径", "en": "no target year: not placed on the national path"},
    "kind_not_on_path": {
        "zh": "{0}类目标随地区规模而变,不与全国比较",
        "en": "a {0} grows with a jurisdiction's size: not set against the nation",
    },
    "national_kind_differs": {
        "zh": "全国目标为另一类({1}),不与{0}比较",
        "en": "the national target is of another kind ({1}), not compared with a {0}",
    },
    "too_few_peers": {"zh": "同类同行少于3个({0}个),不排名", "en": "fewer than 3 peers of its kind ({0}): not ranked"},
    "earlier_target": {"zh": "同一地区按其{0}年目标排名", "en": "its jurisdiction is ranked on its {0} target"},
    "not_in_unit": {"zh": "无法换算为指标单位", "en": "not comparable in the indicator's unit"},
    "ranked_by_headroom": {"zh": "余量", "en": "headroom"},
    "ranked_by_value": {"zh": "目标值", "en": "value"},
    "too_few_for_band": {
        "zh": "同组仅{0}个(少于{1}个),不分档",
        "en": "a group of {0} (fewer than {1}): no band",
    },
    "upper_not_known": {"zh": "上级目标情况未知", "en": "the upper level's target is not known"},
    "compound_from_stated_baseline": {"zh": "按规划给出的基期复合计算", "en": "compound rate from a stated baseline"},
    "linear_from_stated_baseline": {"zh": "按规划给出的基期线性计算", "en": "linear from a stated baseline"},
    "linear_from_published": {"zh": "按{0}年公布值线性计算", "en": "linear from the value published for {0}"},
    "stated_annual_growth": {"zh": "规划给出的年均增长", "en": "stated annual growth"},
    "stated_each_year": {"zh": "规划给出的每年数量", "en": "stated each year"},
    "addition_per_year": {"zh": "期内新增,折合每年", "en": "added over the plan period, per year"},
    "addition_period_unknown": {
        "zh": "期内新增,但起始年份未知或不早于目标年",
        "en": "added over the plan period, but the period's start is unknown or not before the year",
    },
    "relative_no_baseline_year": {"zh": "变化量,未给出基期年份", "en": "a change with no stated baseline year"},
    "level_no_baseline": {"zh": "无规划基期或公布值可作基期", "en": "no stated or published baseline"},
    "method_changed": {
        "zh": "无法计算:统计口径于{0}年改变",
        "en": "not computable: the method changed in {0}",
    },
    "rank_not_a_change": {"zh": "位次目标,无年变化", "en": "a rank: no yearly change"},
    "implied_level_from_stock": {
        "zh": "折算水平值 = {1}年存量{0}({2})+ 新增",
        "en": "level implied = the {1} stock {0} ({2}) + the addition",
    },
    "no_stock_for_addition": {
        "zh": "无{0}年存量公布值:仅与新增类目标比较",
        "en": "no published stock for {0}: compared with additions only",
    },
    "no_record": {"zh": "无公布值序列", "en": "no published series"},
    "not_a_level_kind": {"zh": "{0}类目标,不对照公布值", "en": "a {0}: not set against the published record"},
    "no_base": {
        "zh": "无规划基期,也无规划发布前的公布值",
        "en": "no stated baseline and no value published before adoption",
    },
    "no_value_since_base": {"zh": "{0}年基期之后无公布值", "en": "no value published since the {0} base"},
    "target_year_no_value": {"zh": "目标年份已过:{0}年无公布值", "en": "target year past: no value published for {0}"},
    "value_not_positive": {"zh": "有零或负值,无法计算复合增速", "en": "a value at or below zero: no compound growth"},
    "base_stated": {"zh": "基期:规划给出的{0}年值", "en": "base: the plan's stated {0} value"},
    "base_published_before_adoption": {
        "zh": "基期:规划发布前公布的{0}年值",
        "en": "base: the {0} value published before the plan",
    },
    "province_relative": {
        "zh": "省份目标为相对目标,不是水平值",
        "en": "the province's target is relative: not a level",
    },
    "province_no_year": {"zh": "省份目标无年份", "en": "the province's target has no year"},
    "no_path_to_align": {
        "zh": "目标年份不同,且无全国路径可用于换算",
        "en": "target years differ and no national path to adjust along",
    },
    "province_no_target": {
        "zh": "省份未设此目标(规划全文已读)",
        "en": "the province sets no target (a plan read in full)",
    },
    "province_excerpt_only": {
        "zh": "未知:省份规划仅见节选",
        "en": "not known: the province's plans are known only in excerpt",
    },
    "province_no_plan": {"zh": "未知:未收录该省规划", "en": "not known: no plan of the province in the data"},
    "province_kind_differs": {
        "zh": "省份目标为另一类({0}),不比较",
        "en": "the province's target is of another kind ({0}): not compared",
    },
    "size_across_levels": {
        "zh": "{0}类目标随地区规模而变,不跨层级比较",
        "en": "a {0} grows with a jurisdiction's size: not compared across levels",
    },
    "same_target_year": {"zh": "目标年份相同", "en": "same target year"},
    "moved_along_path": {"zh": "沿全国路径移至同一年份", "en": "moved along the national path"},
    "draft_not_compared": {
        "zh": "征求意见稿,不参与默认比较",
        "en": "a draft for comment: not in the default comparison",
    },
    "set_by_its_plan": {
        "zh": "同一规划的另一文本({0})已设此目标,按其比较",
        "en": "the plan's own document ({0}) sets this target; it is compared there",
    },
    "excerpt_only": {"zh": "仅见节选", "en": "excerpt only"},
    "no_plan_in_data": {"zh": "未收录规划", "en": "no plan in the data"},
    "presence_every_plan": {"zh": "各版规划均设定", "en": "set in every plan"},
    "presence_earlier_only": {"zh": "仅前一版规划设定", "en": "set only in the earlier plan"},
    "presence_later_only": {"zh": "仅后一版规划设定", "en": "set only in the later plan"},
    "presence_some": {"zh": "{1}份规划中{0}份设定", "en": "set in {0} of {1} plans"},
    "earliest_plan": {"zh": "最早的一版规划", "en": "earliest plan"},
    "earlier_not_known": {"zh": "前一版规划情况未知(仅见节选)", "en": "not known in an earlier plan (excerpt)"},
    "earlier_not_set": {"zh": "前几版规划未设(全文已读)", "en": "not set in the earlier plans (read in full)"},
    "plan_excerpt_only": {"zh": "未知:该规划仅见节选", "en": "not known: the plan is known only in excerpt"},
    "full_sets_none": {"zh": "全文已读,未设此目标", "en": "read in full, sets none"},
    "dropped_full_sets_none": {"zh": "已取消:全文已读,未设此目标", "en": "dropped: read in full, sets none"},
    "interim_target": {
        "zh": "中期目标:规划之间按期末目标比较",
        "en": "an interim target: plans are compared at their horizon",
    },
    "not_a_level": {"zh": "{0}类目标,不比较前后规划", "en": "a {0}: plans are compared on levels only"},
    "earlier_not_a_level": {
        "zh": "前一版规划的目标为另一类({0})",
        "en": "the earlier plan's target is of another kind ({0})",
    },
    "horizon_not_known": {"zh": "无目标年份,期限的变化未知", "en": "no target year: the horizon's move is not known"},
    "horizon_not_forward": {
        "zh": "期限没有后移,无法折算每年变化",
        "en": "the horizon did not move forward: no change per year",
    },
    "no_real_increase": {
        "zh": "并未实质提高:规划发布前已达到{0}({1}年)",
        "en": "no real increase: {0} had been achieved before the plan ({1})",
    },
    "ordered_by_issue_date": {"zh": "发布日期", "en": "issue date"},
    "undated_at_horizon": {"zh": "未注明日期:按其目标年份排序", "en": "undated: placed at its horizon year"},
    "undated_last": {"zh": "未注明日期、无目标年份:排在最后", "en": "undated, no target year: last"},
    # ambition bands and relations down the hierarchy
    "well above": {"zh": "远高于全国路径", "en": "well above"},
    "above": {"zh": "高于", "en": "above"},
    "at": {"zh": "持平", "en": "at"},
    "below": {"zh": "低于", "en": "below"},
    "raised": {"zh": "加码", "en": "raised"},
    "echo": {"zh": "照搬", "en": "echo"},
    "lowered": {"zh": "降低", "en": "lowered"},
    # coverage states and the generations' status
    "target": {"zh": "有目标", "en": "target"},
    "no target": {"zh": "无此目标", "en": "no target"},
    "not known": {"zh": "未知", "en": "not known"},
}


def year_text(year: object, lang: str) -> str:
    """A target year as written beside a value: "2025", or "no year" where the plan states none."""
    if year is None or pd.isna(year):
        return text("no_year", lang)
    return str(int(year))  # type: ignore[call-overload]


def note(text: object, lang: str) -> str:
    """A measure's note, method, basis or status in the chosen language ("" for a missing one).

    ``text`` is a code (``no_target_year``), a code with arguments (``method_changed:2020``),
    several joined with ``"; "``, or a progress status; an English sentence from before the codes
    is not accepted.

    Raises
    ------
    KeyError
        If a code has no label (a programming error the tests catch).
    """
    check_lang(lang)
    if text is None or (not isinstance(text, str) and pd.isna(text)):
        return ""
    text = str(text)
    if text in PROGRESS_STATUS:
        return PROGRESS_STATUS[text][lang]
    parts = []
    for part in filter(None, text.split(notes.SEPARATOR)):
        code, args = notes.parse(part)
        names = notes.CODES.get(code, ())  # coverage states carry no arguments and are not codes
        shown = [_argument(name, a, lang) for name, a in zip(names, args, strict=True)]
        parts.append(NOTES[code][lang].format(*shown))
    return ("；" if lang == "zh" else "; ").join(parts)


def _argument(name: str, value: str, lang: str) -> str:
    """A note's argument as shown: a kind of commitment by its label (rate/index -> 比率/指数或得分)."""
    if not name.endswith("kind"):
        return value
    sep = "/"
    return sep.join(term(KINDS, k, lang).split(" (")[0] for k in value.split(sep))
