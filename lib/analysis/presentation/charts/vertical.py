"""City against province against nation, for one indicator."""

from __future__ import annotations

import matplotlib
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from ...data import Dataset
from .. import labels
from ..style import LABEL_BOX, MARKERS, ReportFigure, jurisdiction_colours, new_figure
from .elements import MAX_PANELS, draw_national, national_series, source_line


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
    ind_name = labels.display_name(dataset, "indicator", indicator_id, lang)
    unit = dataset.indicators.set_index("indicator_id").loc[indicator_id, "unit"]
    colours = jurisdiction_colours(dataset)
    all_cities = len(cities)
    cities = sorted(cities, key=lambda c: -(len(c[2]) + len(c[3])))[:MAX_PANELS]
    n = max(len(cities), 1)
    fig = new_figure(min(4.2 * n + 1.5, 14), 5.2)
    fig.suptitle(labels.text("vertical_title", lang, indicator=ind_name), x=0.02, ha="left", fontsize=14)
    if not cities:
        fig.text(0.5, 0.5, labels.text("no_vertical", lang), ha="center", va="center", fontsize=12)
        fig.alt_text = f"{ind_name}: {labels.text('no_vertical', lang)}"
        source_line(fig, lang)
        return fig
    axes = fig.subplots(1, n, sharey=True, squeeze=False)[0]
    fig.subplots_adjust(left=0.08, right=0.98, top=0.78, bottom=0.36, wspace=0.08)
    description = []
    for ax, (city, province, prov_obs, prov_targets) in zip(axes, cities, strict=True):
        city_rows = rows[rows["jurisdiction_id"] == city]
        years = (
            list(city_rows["target_year"])
            + list(prov_obs["year"])
            + list(prov_targets["target_year"])
            + list(national_series(dataset, indicator_id)["year"])
        )
        handles = draw_national(ax, dataset, indicator_id, lang, (min(years), max(years)))
        pname = labels.display_name(dataset, "jurisdiction", province, lang)
        pc = colours[province]
        if len(prov_obs):
            ax.plot(prov_obs["year"], prov_obs["value"], "-o", color=pc, ms=5, lw=1.2, zorder=4)
            handles.insert(
                0, Line2D([], [], marker="o", color=pc, label=labels.text("province_observed", lang, name=pname))
            )
        for r in prov_targets.itertuples():
            ax.plot(
                [r.target_year], [r.value_std], marker=MARKERS[r.comparator], color=pc, ms=10, linestyle="", zorder=5
            )
        cname = labels.display_name(dataset, "jurisdiction", city, lang)
        cc = colours[city]
        for r in city_rows.itertuples():
            ax.plot(
                [r.target_year],
                [r.value_std],
                marker=MARKERS[r.comparator],
                color=cc,
                ms=11,
                linestyle="",
                zorder=6,
                markeredgecolor="white",
            )
            ax.annotate(
                f"{cname} {labels.target_text(r, lang)} ({r.target_year})",
                (r.target_year, r.value_std),
                xytext=(-10, 0),
                textcoords="offset points",
                ha="right",
                va="center",
                fontsize=9,
                color=cc,
                bbox=LABEL_BOX,
            )
            description.append(f"{cname} {labels.target_text(r, lang)} ({r.target_year})")
        for o in prov_obs.itertuples():
            description.append(f"{pname} {o.value:g} ({o.year})")
        ax.set_title(f"{cname} · {pname} · {labels.text('national', lang)}", fontsize=10)
        ax.margins(y=0.12)
        ax.set_xlabel(labels.text("year", lang))
        ax.xaxis.set_major_locator(matplotlib.ticker.MaxNLocator(integer=True, nbins=6))
        ax.legend(
            handles=[Patch(color=cc, label=cname)] + handles,
            fontsize=7.5,
            loc="upper center",
            bbox_to_anchor=(0.5, -0.25),
            ncol=2,
            frameon=False,
        )
    axes[0].set_ylabel(labels.unit_label(unit, lang))  # the indicator is in the title
    if all_cities > len(cities):
        fig.text(
            0.02, 0.86, labels.text("capped_panels", lang, k=len(cities), n=all_cities), fontsize=9, color="#444444"
        )
    source_line(fig, lang)
    fig.alt_text = f"{ind_name}: " + ("; ".join(description))
    return fig
