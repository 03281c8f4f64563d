"""The notebooks' prose, in both languages: what each section answers and how to read it.

A notebook's markdown cell names its key in its metadata ("prose"); the notebooks hold the
English text (what an analyst reads in JupyterLab, kept equal to this by `make notebooks` and
checked by a test), and each report's page carries the text of the report's language.
"""

from __future__ import annotations

from .labels import check_lang

PROSE: dict[str, dict[str, str]] = {
    "indicator.bands": {
        "en": "## Ambition in bands\n\n"
        "Where each target stands against the national path of its method, read in bands rather than ranks: "
        "well above (at least two years of the nation's own yearly change ahead), above, at (within half a unit "
        "of the last decimal the nation publishes the indicator in) or below. A count has no national path: it "
        "is banded against the median of its peer group, where the group is large enough.",
        "zh": "## 进取程度分档\n\n各目标相对同一统计口径全国路径的位置,以分档而非排名表述:"
        "远高于(领先全国自身年变化量两年以上)、高于、持平(在全国公布值末位的一半之内)、低于。数量类目标没有全国路径,在同组目标足够多时与同组中位数比较。",
    },
    "overview.escalation": {
        "en": "## Raising the bar down the hierarchy?\n\n"
        "For every city target with a target of its own province on the same indicator and of the same kind, "
        "the province's target moved to the city's year along the national path: does the city echo it, raise "
        "it or lower it? One bar per province, counting its cities' pairs. Counts and amounts are not compared "
        "across levels (they grow with a jurisdiction's size).",
        "zh": "## 层层加码?\n\n凡城市目标与所在省份同一指标、同类目标均有设定的,"
        "将省级目标沿全国路径移至城市目标年份后比较:城市是照搬、加码还是降低?每个省份一条,统计其下城市的目标对数。数量和金额类目标随地区规模而变,不跨层级比较。",
    },
    "province.escalation": {
        "en": "## Its cities against the province\n\n"
        "How the cities' targets relate to the province's, indicator by indicator: raised, echoed or lowered "
        "(the province's target moved to each city's year along the national path; within the published "
        "precision is an echo).",
        "zh": "## 各市与省级目标对照\n\n按指标统计各市目标相对省级目标的关系:加码、照搬或降低"
        "(省级目标沿全国路径移至城市目标年份后比较;在全国公布精度之内即为照搬)。",
    },
    "findings.title": {
        "en": "# Findings\n\n"
        "The few answers analysts bring their questions for, each a sentence written from the measures, with the "
        "chart that shows it and the targets behind it (each with its quote or the passage of its copy). Bands, "
        "not ranks: a target is well above, above, at or below the national path.",
        "zh": "# 主要发现\n\n分析人员最常问的几个问题的答案:每条结论由测度自动生成,配有说明它的图表及其所依据的目标"
        "(附原文引文或转载本段落)。以分档而非排名表述:目标远高于、高于、持平或低于全国路径。",
    },
    "findings.answers": {
        "en": "## The answers\n\n"
        "Each answer states how many plans stand behind it; the table under its chart lists the targets, so every "
        "number can be checked against its source.",
        "zh": "## 答案\n\n每条答案注明所依据的规划数;图表下方的表格列出相应目标,每个数字都可以对照其出处核查。",
    },
    "common.measures": {
        "en": "## Every measure, for scripts\n\n"
        "The measures of every target shown here, one row each, as `measures.csv` in the dataset download holds "
        "them (peer group and rank, headroom, implied change, method vintage, progress); where a measure gives no "
        "value, `notes` holds the code that says why.",
        "zh": "## 全部测度(供脚本使用)\n\n本报告各目标的全部测度,每个目标一行,与数据下载中的 `measures.csv` 相同"
        "(同组与排名、余量、隐含年变化、统计口径、进展);某项测度不适用时,`notes` 列给出原因代码。",
    },
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
    "indicator.vertical_table": {
        "en": "Each city's target against its province's, with the province's target moved to the city's target "
        "year where they differ, and the cities that cannot be set against their province with the reason (the "
        "province sets no target, is known only in excerpt, or sets only a relative one).",
        "zh": "各城市目标与所在省份目标的对照;目标年份不同时,省份目标已移至城市的目标年份。"
        "无法与省份对照的城市也列出,并说明原因(省份未设该目标、仅见节选,或只设相对目标)。",
    },
    "indicator.record": {
        "en": "## Against the published record\n\n"
        "The values published for this indicator, the nation's and each jurisdiction's, and the targets of the "
        "jurisdictions that publish it. A dashed line runs from the latest published value to each target: the "
        "pace the target requires. Hollow points are derived by the library (a pass rate from a published "
        "failure rate), not published as such.",
        "zh": "## 对照公布值\n\n该指标的全国及各地公布值,以及有公布值的地区所设目标。"
        "虚线从最新公布值连到目标,即实现目标所需的速度。空心点为本工具推算值"
        "(由公布的不合格率推算合格率),并非原始公布值。",
    },
    "indicator.progress": {
        "en": "Each target against its jurisdiction's published record: the annual growth the target requires from "
        "the latest published value, the growth observed over the published series, their ratio, and its status "
        "(on track at a ratio of 0.95 or more, needs acceleration from 0.6, limited progress above 0, "
        "deterioration at or below 0; achieved where a published value already meets the target). A target "
        "year already past is met or missed against the value published for it.",
        "zh": "各目标与其所在地区公布值的对照:从最新公布值到目标每年所需增速、"
        "公布序列的实际年均增速、二者之比及进展状态"
        "(比值 ≥0.95 为进展顺利,≥0.6 为需加快,>0 为进展有限,≤0 为倒退;公布值已达到目标为已实现)。"
        "目标年份已过的,按该年公布值判断是否如期实现。",
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
    "jurisdiction.generations": {
        "en": "## From one plan to the next\n\n"
        "Where the data holds successive plans of this jurisdiction: one row per indicator, an arrow from the "
        "earlier plan's target to the later one's (to the right means raised, whatever the indicator's "
        "direction), with both targets and their years. With one plan there is nothing to compare, and the "
        "chart says so.",
        "zh": "## 前后两版规划\n\n数据中有该地区前后多版规划时:每行一个指标,箭头从前一版目标指向后一版目标"
        "(无论指标方向,向右即提高),并标出两版的目标值与年份。只有一版规划时无从比较,图中会说明。",
    },
    "jurisdiction.generations_table": {
        "en": "Each indicator in each plan: the target, how much it was raised over the previous plan's "
        "(direction-adjusted), how far the target year moved and the raise per year, or why the two cannot "
        "be compared.",
        "zh": "各指标在每版规划中的目标、较前一版提高多少(已统一方向)、目标年份推后几年及每年提高多少;"
        "无法比较的说明原因。",
    },
    "jurisdiction.vertical": {
        "en": "## Against the province\n\n"
        "For a city: each of its targets against its province's for the same indicator. For a province: each "
        "of its cities' targets against its own. Where the target years differ, the province's target is moved "
        "along the national path; positive gaps mean the city asks more.",
        "zh": "## 与省级目标对照\n\n城市:其各项目标与所在省份同一指标目标的对照。省份:其所辖城市目标与本省目标的对照。"
        "目标年份不同时,省份目标沿全国路径移至城市的目标年份;差值为正表示城市要求更高。",
    },
    "jurisdiction.progress": {
        "en": "## Against the published record\n\n"
        "Each of its targets for which it publishes figures: the growth the target requires against the growth "
        "observed, and the status (thresholds as in the progress report).",
        "zh": "## 对照公布值\n\n其有公布值可对照的各项目标:所需增速与实际增速之比及进展状态(阈值同进展报告)。",
    },
    "jurisdiction.targets": {
        "en": "## The table behind the chart\n\n"
        "Every target of its plans by category, with its rank among the jurisdictions that set the same "
        "indicator (where there are any) and its source.",
        "zh": "## 图表背后的数据\n\n其规划的全部目标(按类别),在设定同一指标的地区中的排名(如有)及出处。",
    },
    "province.title": {
        "en": "# A province and its cities\n\n"
        "What the province's plans commit to, what its cities' plans commit to beside it, and on the indicators "
        "both set, whether the cities ask more or less than their province.",
        "zh": "# 省市对照\n\n省级规划承诺了什么,所辖城市的规划又承诺了什么;"
        "在双方都设定的指标上,城市的要求比省份高还是低。",
    },
    "province.plans": {
        "en": "## The plans\n\n"
        "The plans of the province and of its cities in the data, with their tier of provenance (quoted or "
        "cited), how many targets each sets and for which years.",
        "zh": "## 规划一览\n\n数据中该省及所辖城市的规划,附出处层级(原文引用或转引)、目标个数与目标年份。",
    },
    "province.coverage": {
        "en": "## Who sets what\n\n"
        "Indicators that two or more of them set. A green cell holds the target and its year; grey means a "
        "plan read in full sets no target for it; white means nothing is known (the plan is known only in "
        "excerpt, or there is none in the data).",
        "zh": "## 各自设定了哪些指标\n\n其中两个及以上地区设定的指标。绿色格内为目标值与年份;"
        "灰色表示全文已读、未设此目标;白色表示情况未知(仅见节选,或未收录规划)。",
    },
    "province.levels": {
        "en": "## Province, cities and nation on one axis\n\n"
        "One chart per indicator that the province and at least one of its cities both set as a level (those "
        "most of its cities set first, up to the `max_charts` parameter): the nation's target, the province's and "
        "each city's, cities ordered by their gap to the province.",
        "zh": "## 全国、省、市同轴对照\n\n省份与至少一个所辖城市都设定了水平目标的指标,每个指标一张图"
        "(设定城市多的在前,最多 `max_charts` 张):全国目标、省级目标与各城市目标,城市按与省级目标之差排序。",
    },
    "province.vertical": {
        "en": "## Each city against the province\n\n"
        "Every target of its cities against the province's target for the same indicator, with the province's "
        "target moved to the city's year where the years differ, and why a target cannot be set against it.",
        "zh": "## 各城市与省级目标对照\n\n所辖城市的全部目标与省份同一指标目标的对照;"
        "年份不同时省份目标移至城市的目标年份;无法对照的说明原因。",
    },
    "province.generations": {
        "en": "## The province's successive plans\n\n"
        "Where the data holds more than one plan of the province: how each indicator's target moved from one "
        "plan to the next.",
        "zh": "## 省级前后两版规划\n\n数据中有该省多版规划时:各指标目标从前一版到后一版的变化。",
    },
    "progress.title": {
        "en": "# Targets against the published record\n\n"
        "Is each target within reach at the pace the published figures show? This follows the convention of "
        "the SDG progress reports: the annual growth a target requires from the latest published value, "
        "against the annual growth observed over the published series.",
        "zh": "# 目标与公布值对照\n\n按公布数据显示的速度,各目标能否如期实现?"
        "沿用可持续发展目标(SDG)进展报告的做法:比较从最新公布值到目标每年所需的增速与公布序列的实际年均增速。",
    },
    "progress.status": {
        "en": "## Status of every target with a record\n\n"
        "One row per target: the ratio of observed to required growth, coloured by its band. The thresholds "
        "are this report's parameters and are named on the chart. Targets already achieved, past targets met "
        "or missed, and targets with a single published value have no ratio; their row says so.",
        "zh": "## 有公布值的各目标进展\n\n每行一个目标:实际增速与所需增速之比,按状态着色。"
        "阈值为本报告的参数,图中注明。已实现、已过目标年份(如期实现或未实现)以及只有一个公布值的目标没有比值,行内说明。",
    },
    "progress.records": {
        "en": "## Each indicator's record\n\n"
        "For each indicator with a published series and a target: the published values, each target, and the "
        "pace each target requires (dashed).",
        "zh": "## 各指标的公布序列\n\n有公布序列且有目标的各指标:公布值、各目标及实现目标所需的速度(虚线)。",
    },
    "progress.table": {
        "en": "## The table behind the charts\n\n"
        "Every target with a record: the first and latest published values used, the required and observed "
        "growth (% a year, positive is improvement), their ratio, the thresholds, the status or why there is "
        "none, and the source of the target.",
        "zh": "## 图表背后的数据\n\n有公布值的全部目标:所用的首个与最新公布值、所需与实际增速(每年 %,正值为改善)、"
        "二者之比、阈值、进展状态或无状态的原因,以及目标出处。",
    },
}


def prose(key: str, lang: str) -> str:
    """A notebook section's prose in the chosen language."""
    check_lang(lang)
    return PROSE[key][lang]
