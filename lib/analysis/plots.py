"""Charts: functions that take the validated dataset and return a matplotlib Figure.

They never show or save (that is the report runner's job, :func:`analysis.reports.show`).
Every chart states its units, target years and a source line, in Chinese (``lang="zh"``) or
English (``lang="en"``); Chinese glyphs come from the Noto Sans CJK font installed by pip.
Each jurisdiction keeps one colour in every chart; marker shape shows the kind of
commitment (comparator), so a ``>=`` floor never looks like a point target.
"""

from __future__ import annotations

from functools import lru_cache

import matplotlib
import numpy as np
import pandas as pd
import seaborn as sns
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from . import ambition
from .loading import Dataset
from .schemas import CATEGORIES, COMPARATORS, UNIT_BY_CODE, codes, label

LANGS = ("zh", "en")
FONT = "Noto Sans CJK SC"
NATION_COLOUR = "#222222"
MARKERS = {">=": "^", "=": "o", "~": "D", "range": "s", "<=": "v"}
# Caps that keep a chart readable when hundreds of jurisdictions set an indicator.
MAX_LABELS = 12  # labelled points in a spread (the highest and lowest); all are drawn
MAX_BARS = 30  # bars in a ranking (the top and bottom halves)
MAX_COLUMNS = 30  # jurisdictions in the coverage heatmap and the breadth chart
MAX_PANELS = 4  # cities in the vertical view
LABEL_BOX = dict(boxstyle="round,pad=0.15", facecolor="white", edgecolor="none", alpha=0.85)

TEXT = {
    "year": {"zh": "年份", "en": "Year"},
    "target_year": {"zh": "目标年份", "en": "target year"},
    "national_observed": {"zh": "全国实际值", "en": "National, observed"},
    "national_target": {"zh": "全国目标", "en": "National target"},
    "national_path": {"zh": "全国路径(实际值与目标连线)", "en": "National path (observed to target)"},
    "province_observed": {"zh": "{name}实际值", "en": "{name}, observed"},
    "source": {
        "zh": "资料来源:各地质量强市/强省规划原文(data/targets.csv,含原文引文与位置);全国数据见 data/observations.csv 所列出处。",
        "en": "Source: the plans' own texts (data/targets.csv, with quote and offset); national figures as cited in data/observations.csv.",
    },
    "spread_title": {"zh": "{indicator}:各地目标", "en": "{indicator}: targets by jurisdiction"},
    "spread_subtitle": {
        "zh": "点 = 目标值(横轴为目标年份);形状 = 承诺类型;虚线 = 全国路径",
        "en": "Points = target values at their target year; shape = kind of commitment; dashed = national path",
    },
    "capped": {"zh": "共{n}个;仅标注最高和最低的{k}个", "en": "{n} in all; only the {k} highest and lowest are labelled"},
    "capped_bars": {"zh": "共{n}个,显示最前和最后各{k}个", "en": "{n} in all; the top and bottom {k} shown"},
    "capped_columns": {"zh": "显示{k}/{n}个地区(设定共有指标最多者)", "en": "{k} of {n} jurisdictions shown (those setting the most shared indicators)"},
    "capped_panels": {"zh": "显示{k}/{n}个城市", "en": "{k} of {n} cities shown"},
    "relative_skipped": {"zh": "另有{n}个相对目标(如较基期下降)未画出,见下表", "en": "{n} relative target(s) (change on a baseline) not drawn; see the table"},
    "commitment": {"zh": "承诺类型", "en": "Commitment"},
    "jurisdiction": {"zh": "地区", "en": "Jurisdiction"},
    "national": {"zh": "全国", "en": "National"},
    "vertical_title": {"zh": "{indicator}:市、省、全国对照", "en": "{indicator}: city, province and nation"},
    "no_vertical": {"zh": "没有省份数据可与城市目标对照", "en": "No provincial figures to set beside a city's target"},
    "coverage_title": {"zh": "指标覆盖:各地是否设定目标", "en": "Coverage: which jurisdictions set a target"},
    "coverage_subtitle": {"zh": "格内为目标值与目标年份", "en": "Cells show the target value and target year"},
    "status": {
        "target": {"zh": "有目标", "en": "target"},
        "no target": {"zh": "已读规划,无此目标", "en": "plan read, no target"},
        "no plan read": {"zh": "未收录规划", "en": "no plan read"},
    },
    "ranking_title": {"zh": "{indicator}:相对全国路径的余量排名", "en": "{indicator}: ranking by headroom over the national path"},
    "ranking_title_value": {"zh": "{indicator}:目标值排名(无全国路径)", "en": "{indicator}: ranking by target value (no national path)"},
    "headroom_axis": {"zh": "余量 = 目标 − 全国路径同年值({unit});正值 = 更进取", "en": "Headroom = target − national path in the same year ({unit}); positive = more ambitious"},
    "value_axis": {"zh": "目标值({unit})", "en": "Target value ({unit})"},
    "profile_title": {"zh": "{name}:目标与同行对照", "en": "{name}: targets against peers"},
    "breadth_panel": {"zh": "按类别的指标数", "en": "Indicators committed to, by category"},
    "this": {"zh": "{name}", "en": "{name}"},
    "peer_mean": {"zh": "其他规划平均", "en": "Mean of the other plans"},
    "count": {"zh": "指标个数(括号内为目标年份)", "en": "Number of indicators (target years in brackets)"},
    "peers_panel": {"zh": "与其他地区共有的指标:相对同行中位数", "en": "Indicators shared with other plans: against the peer median"},
    "vs_median": {"zh": "相对同行中位数(%,方向已统一:正值 = 更进取)", "en": "% above the peer median (direction-adjusted: positive = more ambitious)"},
    "no_shared": {"zh": "没有与其他规划共有的指标", "en": "No indicator shared with another plan"},
    "other_jurisdictions": {"zh": "其他地区", "en": "Other jurisdictions"},
    "breadth_title": {"zh": "各规划的指标广度(按类别)", "en": "Breadth of each plan's commitments, by category"},
}


class ReportFigure(Figure):
    """A Figure that carries a plain-language description, used as the image's alt text."""

    alt_text: str = ""


def t(key: str, lang: str, **kw) -> str:
    """Chart text in the chosen language."""
    check_lang(lang)
    return TEXT[key][lang].format(**kw)


def check_lang(lang: str) -> None:
    if lang not in LANGS:
        raise ValueError(f"unknown lang {lang!r}; valid: {', '.join(LANGS)}")


@lru_cache(maxsize=1)
def _register_font() -> None:
    from matplotlib import font_manager
    from noto_cjk_sans_otc import FONT_PATH

    font_manager.fontManager.addfont(str(FONT_PATH))


def set_style() -> None:
    """Seaborn styling with the CJK font (set after the theme, which resets fonts)."""
    _register_font()
    sns.set_theme(style="whitegrid", font=FONT, rc={"axes.unicode_minus": False, "svg.hashsalt": "quality-targets", "figure.dpi": 100})


def new_figure(width: float, height: float, **kw) -> ReportFigure:
    """A styled figure, made without pyplot so no global figure state is left behind."""
    set_style()
    fig = ReportFigure(figsize=(width, height), **kw)
    FigureCanvasAgg(fig)
    return fig


def jurisdiction_colours(dataset: Dataset) -> dict[str, str]:
    """One colour per jurisdiction, fixed by the order of jurisdictions.csv (nation: black)."""
    ids = [j for j, lv in zip(dataset.jurisdictions["jurisdiction_id"], dataset.jurisdictions["level"]) if lv != "nation"]
    # tab10 without its grey, which would read as "national" or "no data".
    tab = [c for k, c in enumerate(sns.color_palette("tab10")) if k != 7]
    palette = tab[: len(ids)] if len(ids) <= len(tab) else sns.color_palette("husl", len(ids))
    colours = {j: matplotlib.colors.to_hex(c) for j, c in zip(ids, palette)}
    for j, lv in zip(dataset.jurisdictions["jurisdiction_id"], dataset.jurisdictions["level"]):
        if lv == "nation":
            colours[j] = NATION_COLOUR
    return colours


def name(dataset: Dataset, kind: str, id_: str, lang: str) -> str:
    """Display name of a jurisdiction or indicator."""
    return dataset.names(kind, lang)[id_]


def unit_label(unit: str, lang: str) -> str:
    if lang == "zh":
        return "指数" if unit == "index" else unit
    return UNIT_BY_CODE[unit].en


def format_value(value: float, value_high: float | None, comparator: str, unit: str, lang: str) -> str:
    """A target as a reader would say it: ≥98%, 2–3家, ~85."""
    from .chinese import format_number

    sign = {">=": "≥", "<=": "≤", "~": "≈", "=": "", "range": ""}[comparator]
    text = format_number(value) + ("–" + format_number(value_high) if comparator == "range" and pd.notna(value_high) else "")
    u = "" if unit == "index" else (unit if lang == "zh" or unit == "%" else " " + UNIT_BY_CODE[unit].en)
    return f"{sign}{text}{u}"


def _source_line(fig: Figure, lang: str) -> None:
    fig.text(0.01, 0.01, t("source", lang), fontsize=7, color="#555555", ha="left", va="bottom", wrap=True)


def _spread(positions: list[float], min_gap: float) -> list[float]:
    """Move label positions apart (keeping their order) so none is closer than min_gap."""
    order = np.argsort(positions, kind="stable")
    placed = np.asarray(positions, dtype=float)[order].copy()
    for k in range(1, len(placed)):
        placed[k] = max(placed[k], placed[k - 1] + min_gap)
    shift = (placed - np.asarray(positions, dtype=float)[order]).mean()
    placed -= shift / 2 if len(placed) > 1 else 0
    out = np.empty_like(placed)
    out[order] = placed
    return out.tolist()


def _comparator_legend(lang: str, used: list[str]) -> list[Line2D]:
    return [
        Line2D([], [], marker=MARKERS[c], linestyle="", color="#666666", label=label(COMPARATORS, c, lang))
        for c in codes(COMPARATORS)
        if c in used
    ]


def _indicator_rows(dataset: Dataset, indicator_id: str, jurisdictions: list[str] | None) -> pd.DataFrame:
    t_ = dataset.targets_long
    rows = t_[t_["indicator_id"] == indicator_id]
    if jurisdictions is not None:
        rows = rows[rows["jurisdiction_id"].isin(jurisdictions) | (rows["level"] == "nation")]
    return rows


def _national_series(dataset: Dataset, indicator_id: str) -> pd.DataFrame:
    obs = dataset.observations
    nation = dataset.jurisdictions.loc[dataset.jurisdictions["level"] == "nation", "jurisdiction_id"]
    return obs[(obs["indicator_id"] == indicator_id) & obs["jurisdiction_id"].isin(nation)].sort_values("year")


def _draw_national(ax, dataset: Dataset, indicator_id: str, lang: str, x_range: tuple[float, float]) -> list:
    """National observed series, path and target; returns legend handles."""
    handles = []
    series = _national_series(dataset, indicator_id)
    if len(series):
        ax.plot(series["year"], series["value"], "-o", color=NATION_COLOUR, ms=4, lw=1.2, zorder=3)
        handles.append(Line2D([], [], marker="o", color=NATION_COLOUR, ms=4, label=t("national_observed", lang)))
    path = ambition.national_path(dataset, indicator_id)
    if path is not None and len(path.years) >= 2:
        xs = np.linspace(min(x_range[0], path.years[0]), max(x_range[1], path.years[-1]), 200)
        ax.plot(xs, [path.value_at(x) for x in xs], "--", color="#888888", lw=1, zorder=2)
        handles.append(Line2D([], [], linestyle="--", color="#888888", label=t("national_path", lang)))
    nat = ambition.national_targets(dataset)
    if indicator_id in nat.index:
        r = nat.loc[indicator_id]
        ax.plot([r["target_year"]], [r["value_std"]], marker="*", ms=16, color=NATION_COLOUR, linestyle="", zorder=5)
        handles.append(Line2D([], [], marker="*", ms=12, color=NATION_COLOUR, linestyle="", label=f"{t('national_target', lang)} {format_value(r['value'], r['value_high'], r['comparator'], r['unit'], lang)} ({r['target_year']})"))
    return handles


def indicator_spread(dataset: Dataset, indicator_id: str, lang: str = "zh", jurisdictions: list[str] | None = None) -> ReportFigure:
    """The spread of one indicator's targets across jurisdictions and target years.

    Each local target is a point at its target year, coloured by jurisdiction and shaped by
    comparator (a range is drawn from its low to its high end), labelled with its value. The
    national observed series, the national target (star) and the national path are drawn in.
    """
    rows = _indicator_rows(dataset, indicator_id, jurisdictions)
    local = rows[(rows["level"] != "nation") & ~rows["is_relative"]]
    relative = rows[rows["is_relative"]]
    colours = jurisdiction_colours(dataset)
    ind_name = name(dataset, "indicator", indicator_id, lang)
    unit = dataset.indicators.set_index("indicator_id").loc[indicator_id, "unit"]
    fig = new_figure(10, 6)
    ax = fig.add_axes([0.08, 0.16, 0.62, 0.68])
    years = list(local["target_year"].astype(float)) + list(_national_series(dataset, indicator_id)["year"].astype(float))
    nat = ambition.national_targets(dataset)
    if indicator_id in nat.index:
        years.append(float(nat.loc[indicator_id, "target_year"]))
    x_range = (min(years) - 1, max(years) + 1) if years else (2015, 2030)
    handles = _draw_national(ax, dataset, indicator_id, lang, x_range)
    # Points: targets sharing a year are nudged apart horizontally so none hides another.
    local = local.sort_values(["target_year", "value_std", "jurisdiction_id"])
    per_year = local.groupby("target_year")["target_id"].transform("count")
    offsets = local.groupby("target_year").cumcount() - (per_year - 1) / 2
    xs = (local["target_year"].astype(float) + offsets.astype(float) * (0.8 / per_year.clip(lower=4)).astype(float)).to_numpy()
    order = local["value_std"].astype(float).rank(method="first")
    labelled = (order <= MAX_LABELS // 2) | (order > len(local) - MAX_LABELS // 2) if len(local) > MAX_LABELS else order > 0
    values = [v for v in local["value_std"].astype(float)] + [v for v in local["value_high_std"].dropna().astype(float)]
    nat_vals = list(_national_series(dataset, indicator_id)["value"].astype(float))
    all_vals = values + nat_vals + ([float(nat.loc[indicator_id, "value_std"])] if indicator_id in nat.index else [])
    span = (max(all_vals) - min(all_vals)) if all_vals else 1.0
    span = span or max(abs(all_vals[0]) * 0.05, 1.0) if all_vals else 1.0
    label_ys = iter(_spread(list(local.loc[labelled, "value_std"].astype(float)), span * 0.06))
    point_colours = [colours.get(j, "#777777") for j in local["jurisdiction_id"]]
    ranges = local["comparator"].eq("range").to_numpy() & local["value_high_std"].notna().to_numpy()
    if ranges.any():
        ax.vlines(xs[ranges], local.loc[ranges, "value_std"].astype(float), local.loc[ranges, "value_high_std"].astype(float), colors=np.array(point_colours)[ranges], lw=3, zorder=4)
    for comparator in local["comparator"].astype(str).unique():  # one scatter per marker shape
        sel = (local["comparator"] == comparator).to_numpy()
        ax.scatter(xs[sel], local.loc[sel, "value_std"].astype(float), marker=MARKERS[comparator], s=100 if len(local) <= MAX_LABELS else 36, c=np.array(point_colours)[sel], edgecolors="white", zorder=6)
    seen = list(local["jurisdiction_id"])
    for x, r, is_labelled in zip(xs, local.itertuples(), labelled):
        c = colours.get(r.jurisdiction_id, "#777777")
        if not is_labelled:
            continue
        text = f"{name(dataset, 'jurisdiction', r.jurisdiction_id, lang)} {format_value(r.value, r.value_high, r.comparator, r.unit, lang)} ({r.target_year})"
        ax.annotate(text, (x, r.value_std), xytext=(x + 0.4, next(label_ys)), fontsize=8.5, va="center", color=c, bbox=LABEL_BOX, arrowprops=dict(arrowstyle="-", color=c, lw=0.5), zorder=7)
    ax.set_xlim(x_range[0], x_range[1] + 2.5)
    if all_vals:
        ax.set_ylim(min(all_vals) - span * 0.12, max(all_vals) + span * 0.12)
    ax.xaxis.set_major_locator(matplotlib.ticker.MaxNLocator(integer=True))
    ax.set_xlabel(t("year", lang) + " (" + t("target_year", lang) + ")")
    ax.set_ylabel(f"{ind_name} ({unit_label(unit, lang)})")
    fig.suptitle(t("spread_title", lang, indicator=ind_name), x=0.08, ha="left", fontsize=14, y=0.97)
    fig.text(0.08, 0.895, t("spread_subtitle", lang), fontsize=9, color="#444444")
    if len(relative):
        fig.text(0.08, 0.065, t("relative_skipped", lang, n=len(relative)), fontsize=8, color="#aa3333")
    if len(local) > MAX_LABELS:
        fig.text(0.08, 0.045, t("capped", lang, n=len(local), k=MAX_LABELS // 2), fontsize=8, color="#444444")
    jur_handles = [Patch(color=colours[j], label=name(dataset, "jurisdiction", j, lang)) for j in dict.fromkeys(seen)] if len(set(seen)) <= MAX_LABELS else []
    legend_handles = jur_handles + _comparator_legend(lang, list(local["comparator"].astype(str).unique())) + handles
    fig.legend(handles=legend_handles, loc="upper left", bbox_to_anchor=(0.72, 0.84), fontsize=8.5, frameon=False)
    _source_line(fig, lang)
    fig.alt_text = _describe_targets(dataset, ind_name, local, lang, indicator_id)
    return fig


def _describe_targets(dataset: Dataset, ind_name: str, rows: pd.DataFrame, lang: str, indicator_id: str) -> str:
    parts = [f"{name(dataset, 'jurisdiction', r.jurisdiction_id, lang)} {format_value(r.value, r.value_high, r.comparator, r.unit, lang)} ({r.target_year})" for r in rows.itertuples()]
    nat = ambition.national_targets(dataset)
    if indicator_id in nat.index:
        r = nat.loc[indicator_id]
        parts.append(f"{t('national_target', lang)} {format_value(r['value'], r['value_high'], r['comparator'], r['unit'], lang)} ({r['target_year']})")
    sep = ";" if lang == "zh" else "; "
    return f"{ind_name}: " + sep.join(parts)


def vertical_view(dataset: Dataset, indicator_id: str, lang: str = "zh") -> ReportFigure:
    """City against province against nation, for cities whose province has figures.

    One panel per city that sets the indicator and whose province has a target or an
    observed value for it: the city's target, the province's observations and targets, and
    the national series and target. Without such a city the figure says so.
    """
    t_ = dataset.targets_long
    jur = dataset.jurisdictions.set_index("jurisdiction_id")
    rows = t_[(t_["indicator_id"] == indicator_id) & (t_["level"] == "city") & ~t_["is_relative"]]
    obs = dataset.observations[dataset.observations["indicator_id"] == indicator_id]
    ind_rows = t_[(t_["indicator_id"] == indicator_id) & ~t_["is_relative"]]
    obs_by = dict(tuple(obs.groupby("jurisdiction_id")))
    targets_by = dict(tuple(ind_rows.groupby("jurisdiction_id")))
    cities = []
    for city in dict.fromkeys(rows["jurisdiction_id"]):
        province = jur.loc[city, "parent_id"]
        prov_obs, prov_targets = obs_by.get(province, obs.iloc[:0]), targets_by.get(province, ind_rows.iloc[:0])
        if len(prov_obs) or len(prov_targets):
            cities.append((city, province, prov_obs, prov_targets))
    ind_name = name(dataset, "indicator", indicator_id, lang)
    unit = dataset.indicators.set_index("indicator_id").loc[indicator_id, "unit"]
    colours = jurisdiction_colours(dataset)
    all_cities = len(cities)
    cities = sorted(cities, key=lambda c: -(len(c[2]) + len(c[3])))[:MAX_PANELS]
    n = max(len(cities), 1)
    fig = new_figure(min(4.2 * n + 1.5, 14), 5.2)
    fig.suptitle(t("vertical_title", lang, indicator=ind_name), x=0.02, ha="left", fontsize=14)
    if not cities:
        fig.text(0.5, 0.5, t("no_vertical", lang), ha="center", va="center", fontsize=12)
        fig.alt_text = f"{ind_name}: {t('no_vertical', lang)}"
        _source_line(fig, lang)
        return fig
    axes = fig.subplots(1, n, sharey=True, squeeze=False)[0]
    fig.subplots_adjust(left=0.08, right=0.98, top=0.78, bottom=0.36, wspace=0.08)
    description = []
    for ax, (city, province, prov_obs, prov_targets) in zip(axes, cities):
        city_rows = rows[rows["jurisdiction_id"] == city]
        years = list(city_rows["target_year"]) + list(prov_obs["year"]) + list(prov_targets["target_year"]) + list(_national_series(dataset, indicator_id)["year"])
        handles = _draw_national(ax, dataset, indicator_id, lang, (min(years), max(years)))
        pname = name(dataset, "jurisdiction", province, lang)
        pc = colours[province]
        if len(prov_obs):
            ax.plot(prov_obs["year"], prov_obs["value"], "-o", color=pc, ms=5, lw=1.2, zorder=4)
            handles.insert(0, Line2D([], [], marker="o", color=pc, label=t("province_observed", lang, name=pname)))
        for r in prov_targets.itertuples():
            ax.plot([r.target_year], [r.value_std], marker=MARKERS[r.comparator], color=pc, ms=10, linestyle="", zorder=5)
        cname = name(dataset, "jurisdiction", city, lang)
        cc = colours[city]
        for r in city_rows.itertuples():
            ax.plot([r.target_year], [r.value_std], marker=MARKERS[r.comparator], color=cc, ms=11, linestyle="", zorder=6, markeredgecolor="white")
            ax.annotate(f"{cname} {format_value(r.value, r.value_high, r.comparator, r.unit, lang)} ({r.target_year})", (r.target_year, r.value_std), xytext=(-10, 0), textcoords="offset points", ha="right", va="center", fontsize=9, color=cc, bbox=LABEL_BOX)
            description.append(f"{cname} {format_value(r.value, r.value_high, r.comparator, r.unit, lang)} ({r.target_year})")
        for o in prov_obs.itertuples():
            description.append(f"{pname} {o.value:g} ({o.year})")
        ax.set_title(f"{cname} · {pname} · {t('national', lang)}", fontsize=10)
        ax.margins(y=0.12)
        ax.set_xlabel(t("year", lang))
        ax.xaxis.set_major_locator(matplotlib.ticker.MaxNLocator(integer=True, nbins=6))
        ax.legend(handles=[Patch(color=cc, label=cname)] + handles, fontsize=7.5, loc="upper center", bbox_to_anchor=(0.5, -0.25), ncol=2, frameon=False)
    axes[0].set_ylabel(unit_label(unit, lang))  # the indicator is in the title
    if all_cities > len(cities):
        fig.text(0.02, 0.86, t("capped_panels", lang, k=len(cities), n=all_cities), fontsize=9, color="#444444")
    _source_line(fig, lang)
    fig.alt_text = f"{ind_name}: " + ("; ".join(description))
    return fig


COVERAGE_COLOURS = {"target": "#4c9f70", "no target": "#e8e8e8", "no plan read": "#ffffff"}


def coverage_heatmap(dataset: Dataset, lang: str = "zh", indicators: list[str] | None = None, jurisdictions: list[str] | None = None) -> ReportFigure:
    """Jurisdiction-by-indicator coverage: who sets a target, who does not, who was not read.

    Rows are indicators grouped by category (default: the indicators two or more
    jurisdictions set); columns are jurisdictions. A cell holds the target value and year.
    "Plan read, no target" and "no plan read" are distinct colours: absence of a target is
    only evidence where the plan was read.
    """
    indicators = indicators if indicators is not None else ambition.shared_indicators(dataset)
    cov = ambition.coverage(dataset, indicators)
    jids = jurisdictions or coverage_columns(dataset)
    all_columns = len(jids)
    if len(jids) > MAX_COLUMNS:
        set_count = cov[cov["status"] == "target"].groupby("jurisdiction_id").size()
        keep = set(sorted(jids, key=lambda j: -set_count.get(j, 0))[:MAX_COLUMNS])
        jids = [j for j in jids if j in keep]
    cov = cov[cov["jurisdiction_id"].isin(jids)]
    cat_order = codes(CATEGORIES)
    cat_of = dataset.indicators.set_index("indicator_id")["category"]
    indicators = sorted(indicators, key=lambda i: (cat_order.index(cat_of[i]), indicators.index(i)))
    state_codes = {s: k for k, s in enumerate(ambition.COVERAGE_STATES)}
    grid = np.full((len(indicators), len(jids)), np.nan)
    fig = new_figure(max(7, 1.3 * len(jids) + 4.5), 1.4 + 0.42 * len(indicators) + 1.2)
    ax = fig.add_axes([0.36, 0.14, 0.62, 0.72])
    cmap = matplotlib.colors.ListedColormap([COVERAGE_COLOURS[s] for s in ambition.COVERAGE_STATES])
    for r in cov.itertuples():
        i, j = indicators.index(r.indicator_id), jids.index(r.jurisdiction_id)
        grid[i, j] = state_codes[r.status]
        if r.status == "target":
            ax.text(j, i, f"{format_value(r.value, r.value_high, r.comparator, r.unit, lang)}\n{int(r.target_year)}", ha="center", va="center", fontsize=7.5, color="white")
    ax.imshow(grid, cmap=cmap, vmin=-0.5, vmax=len(state_codes) - 0.5, aspect="auto")
    ax.set_xticks(range(len(jids)), [name(dataset, "jurisdiction", j, lang) for j in jids], rotation=0, fontsize=9)
    ax.set_yticks(range(len(indicators)), [f"{name(dataset, 'indicator', i, lang)} · {label(CATEGORIES, cat_of[i], lang)}" for i in indicators], fontsize=8.5)
    ax.set_xticks(np.arange(-0.5, len(jids)), minor=True)
    ax.set_yticks(np.arange(-0.5, len(indicators)), minor=True)
    ax.grid(False)
    ax.grid(which="minor", color="#bbbbbb", lw=0.6)
    ax.tick_params(which="minor", length=0)
    ax.xaxis.tick_top()
    fig.suptitle(t("coverage_title", lang), x=0.02, ha="left", fontsize=13)
    subtitle = t("coverage_subtitle", lang) + ("; " + t("capped_columns", lang, k=len(jids), n=all_columns) if all_columns > len(jids) else "")
    fig.text(0.02, 0.90, subtitle, fontsize=9, color="#444444")
    fig.legend(handles=[Patch(facecolor=COVERAGE_COLOURS[s], edgecolor="#999999", label=TEXT["status"][s][lang]) for s in ambition.COVERAGE_STATES], loc="lower left", bbox_to_anchor=(0.36, 0.045), ncol=3, fontsize=8.5, frameon=False)
    _source_line(fig, lang)
    counts = cov[cov["status"] == "target"].groupby("indicator_id").size()
    fig.alt_text = "; ".join(f"{name(dataset, 'indicator', i, lang)}: {int(counts.get(i, 0))}" for i in indicators)
    return fig


def coverage_columns(dataset: Dataset) -> list[str]:
    """Jurisdictions with a plan, plus the provinces of the cities with one (not read)."""
    j = dataset.jurisdictions
    with_plan = set(dataset.documents["jurisdiction_id"])
    parents = set(j.loc[j["jurisdiction_id"].isin(with_plan) & (j["level"] == "city"), "parent_id"])
    return [x for x in j["jurisdiction_id"] if x in with_plan or x in parents]


def headroom_ranking(dataset: Dataset, indicator_id: str, lang: str = "zh") -> ReportFigure:
    """Jurisdictions ranked by headroom over the national path for one indicator.

    Bars show headroom (target minus the national path's value in the target year, sign
    flipped for lower-is-better indicators); without a national path they show the target
    value and the title says so. Labels give the value, comparator and target year.
    """
    standing = ambition.peer_standing(dataset)
    rows = standing[standing["indicator_id"] == indicator_id].sort_values(["rank", "jurisdiction_id"], ascending=[False, True])
    total = len(rows)
    if total > MAX_BARS:
        rows = pd.concat([rows.head(MAX_BARS // 2), rows.tail(MAX_BARS // 2)])
    ind_name = name(dataset, "indicator", indicator_id, lang)
    unit = dataset.indicators.set_index("indicator_id").loc[indicator_id, "unit"]
    by_headroom = len(rows) and (rows["basis"] == "headroom").all()
    colours = jurisdiction_colours(dataset)
    fig = new_figure(9, 1.8 + 0.55 * max(len(rows), 1) + 0.8)
    ax = fig.add_axes([0.2, 0.2, 0.62, 0.62])
    ys = np.arange(len(rows))
    scores = rows["score"].astype(float).to_numpy() if by_headroom else rows["value"].astype(float).to_numpy()
    ax.barh(ys, scores, color=[colours.get(j, "#777777") for j in rows["jurisdiction_id"]], height=0.6)
    ax.set_yticks(ys, [name(dataset, "jurisdiction", j, lang) for j in rows["jurisdiction_id"]])
    for y, score, r in zip(ys, scores, rows.itertuples()):
        text = f"{format_value(r.value, r.value_high, r.comparator, r.unit, lang)} ({r.target_year})"
        if by_headroom:
            text = f"{score:+.2f} · " + text
        # labels start right of the bar or of zero, never over the jurisdiction names
        ax.annotate(text, (max(score, 0), y), xytext=(4, 0), textcoords="offset points", ha="left", va="center", fontsize=9)
    lo, hi = (min(0, scores.min()), max(0, scores.max())) if len(scores) else (0, 1)
    span = (hi - lo) or max(abs(hi), 1)
    ax.set_xlim(lo - 0.05 * span, hi + 0.7 * span)
    ax.axvline(0, color=NATION_COLOUR, lw=1)
    u = unit_label(unit, lang)
    ax.set_xlabel(t("headroom_axis", lang, unit=u) if by_headroom else t("value_axis", lang, unit=u))
    title = "ranking_title" if by_headroom else "ranking_title_value"
    fig.suptitle(t(title, lang, indicator=ind_name), x=0.02, ha="left", fontsize=13)
    if total > len(rows):
        ax.axhline(MAX_BARS // 2 - 0.5, color="#999999", lw=0.8, ls=":")
        fig.text(0.2, 0.86, t("capped_bars", lang, n=total, k=MAX_BARS // 2), fontsize=9, color="#444444")
    _source_line(fig, lang)
    fig.alt_text = f"{ind_name}: " + "; ".join(f"{name(dataset, 'jurisdiction', r.jurisdiction_id, lang)} {r.score:+.2f}" if by_headroom else f"{name(dataset, 'jurisdiction', r.jurisdiction_id, lang)} {r.value:g}" for r in rows.iloc[::-1].itertuples())
    return fig


def jurisdiction_profile(dataset: Dataset, jurisdiction_id: str, lang: str = "zh") -> ReportFigure:
    """One jurisdiction's targets against its peers, by category.

    Left: how many indicators it commits to in each category, beside the mean of the other
    plans. Right: for each indicator it shares with other plans, every jurisdiction's target
    as a percentage above the median of all targets for that indicator (sign flipped for
    lower-is-better indicators), this jurisdiction highlighted and the nation as a star.
    """
    colours = jurisdiction_colours(dataset)
    jname = name(dataset, "jurisdiction", jurisdiction_id, lang)
    b = ambition.breadth(dataset).drop(columns=["total"])
    mine = b.loc[jurisdiction_id] if jurisdiction_id in b.index else pd.Series(0, index=b.columns)
    others = b.drop(index=[jurisdiction_id], errors="ignore")
    others = others[[lv != "nation" for lv in dataset.jurisdictions.set_index("jurisdiction_id").loc[others.index, "level"]]]
    shared = [i for i in ambition.shared_indicators(dataset) if i in set(dataset.targets_long.loc[dataset.targets_long["jurisdiction_id"] == jurisdiction_id, "indicator_id"])]
    fig = new_figure(13, max(5.5, 1.6 + 0.45 * max(len(shared), len(b.columns))))
    ax1 = fig.add_axes([0.17, 0.14, 0.24, 0.72])
    ax2 = fig.add_axes([0.62, 0.14, 0.36, 0.72])
    cats = list(b.columns)
    ys = np.arange(len(cats))
    ax1.barh(ys - 0.2, mine.reindex(cats).to_numpy(), height=0.4, color=colours[jurisdiction_id], label=jname)
    ax1.barh(ys + 0.2, others.mean().reindex(cats).to_numpy() if len(others) else np.zeros(len(cats)), height=0.4, color="#bbbbbb", label=t("peer_mean", lang))
    ax1.set_yticks(ys, [label(CATEGORIES, c, lang) for c in cats])
    ax1.invert_yaxis()
    ax1.set_xlabel(t("count", lang))
    ax1.set_title(t("breadth_panel", lang), fontsize=10, loc="left")
    ax1.legend(fontsize=8, loc="lower right")
    ax2.set_title(t("peers_panel", lang), fontsize=10, loc="left")
    description = [f"{label(CATEGORIES, c, lang)} {int(mine.get(c, 0))}" for c in cats if mine.get(c, 0)]
    if not shared:
        ax2.text(0.5, 0.5, t("no_shared", lang), ha="center", va="center", transform=ax2.transAxes)
        ax2.set_xticks([])
        ax2.set_yticks([])
    else:
        t_ = dataset.targets_long
        for y, ind in enumerate(shared):
            rows = t_[(t_["indicator_id"] == ind) & ~t_["is_relative"]].sort_values("target_year").groupby("jurisdiction_id").tail(1)
            direction = 1.0 if bool(rows["higher_is_better"].iloc[0]) else -1.0
            median = float(rows["value_std"].astype(float).median())
            values = rows["value_std"].astype(float).to_numpy()
            pct = direction * (values - median) / abs(median) * 100 if median else values * 0.0
            mine = (rows["jurisdiction_id"] == jurisdiction_id).to_numpy()
            nation = (rows["level"] == "nation").to_numpy()
            others = ~mine & ~nation
            for comparator in rows.loc[others, "comparator"].astype(str).unique():  # one call per marker shape
                sel = others & (rows["comparator"] == comparator).to_numpy()
                ax2.plot(pct[sel], np.full(sel.sum(), y), marker=MARKERS[comparator], ms=7, color="#aaaaaa", linestyle="", alpha=0.6, zorder=3)
            if nation.any():
                ax2.plot(pct[nation], np.full(nation.sum(), y), marker="*", ms=12, color=NATION_COLOUR, linestyle="", zorder=4)
            for r, p in zip(rows[mine].itertuples(), pct[mine]):
                ax2.plot([p], [y], marker=MARKERS[r.comparator], ms=11, color=colours[jurisdiction_id], linestyle="", zorder=5, markeredgecolor="white")
                ax2.annotate(f"{format_value(r.value, r.value_high, r.comparator, r.unit, lang)} ({r.target_year})", (p, y), xytext=(0, 9), textcoords="offset points", ha="center", fontsize=8, color=colours[jurisdiction_id])
                description.append(f"{name(dataset, 'indicator', ind, lang)} {format_value(r.value, r.value_high, r.comparator, r.unit, lang)} ({p:+.1f}%)")
        ax2.set_yticks(range(len(shared)), [name(dataset, "indicator", i, lang) for i in shared], fontsize=8.5)
        ax2.set_ylim(len(shared) - 0.5, -0.7)
        ax2.axvline(0, color="#666666", lw=0.8)
        ax2.set_xlabel(t("vs_median", lang), fontsize=9)
        ax2.legend(handles=[Line2D([], [], marker="o", color=colours[jurisdiction_id], linestyle="", label=jname), Line2D([], [], marker="o", color="#aaaaaa", linestyle="", label=t("other_jurisdictions", lang)), Line2D([], [], marker="*", ms=10, color=NATION_COLOUR, linestyle="", label=t("national_target", lang))] + _comparator_legend(lang, [">=", "=", "~", "range", "<="]), fontsize=7.5, loc="upper center", bbox_to_anchor=(0.5, -0.1), ncol=4, frameon=False)
    fig.suptitle(t("profile_title", lang, name=jname), x=0.02, ha="left", fontsize=14)
    _source_line(fig, lang)
    fig.alt_text = f"{jname}: " + "; ".join(description)
    return fig


def breadth_chart(dataset: Dataset, lang: str = "zh") -> ReportFigure:
    """Number of indicators each plan commits to, stacked by category."""
    b = ambition.breadth(dataset)
    all_plans = len(b)
    if all_plans > MAX_COLUMNS:
        b = b.loc[b.sort_values("total", ascending=False).index[:MAX_COLUMNS]]
    b = b.drop(columns=["total"])
    fig = new_figure(10, 1.8 + 0.5 * len(b) + 0.8)
    ax = fig.add_axes([0.2, 0.28, 0.78, 0.58])
    left = np.zeros(len(b))
    palette = sns.color_palette("Set3", len(b.columns))
    years = dataset.targets_long.groupby("jurisdiction_id")["target_year"].agg(lambda y: f"{y.min()}–{y.max()}" if y.min() != y.max() else str(y.min()))
    names = [f"{name(dataset, 'jurisdiction', j, lang)} ({years.get(j, '')})" for j in b.index]
    for colour, c in zip(palette, b.columns):
        ax.barh(names, b[c].to_numpy(), left=left, color=colour, label=label(CATEGORIES, c, lang), edgecolor="white")
        left += b[c].to_numpy()
    for y, total in enumerate(left):
        ax.annotate(f"{int(total)}", (total, y), xytext=(4, 0), textcoords="offset points", va="center", fontsize=9)
    ax.invert_yaxis()
    ax.set_xlabel(t("count", lang))
    fig.suptitle(t("breadth_title", lang), x=0.02, ha="left", fontsize=13)
    if all_plans > len(b):
        fig.text(0.02, 0.9, t("capped_columns", lang, k=len(b), n=all_plans), fontsize=9, color="#444444")
    fig.legend(loc="lower left", bbox_to_anchor=(0.14, 0.05), ncol=5, fontsize=8, frameon=False)
    _source_line(fig, lang)
    fig.alt_text = "; ".join(f"{n} {int(v)}" for n, v in zip(names, left))
    return fig
