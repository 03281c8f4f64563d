"""The charts as a reader meets them: every chart in both languages names its source and is
described by its alt text; a Chinese chart draws every character with a font that has it (no
tofu boxes, on a machine without Chinese fonts: the font comes from a pip package); an English
chart has no Chinese in it; the spread chart's target labels and the record chart's series names
never overlap, at the full national scale; and no two tick labels of a chart overlap or touch."""

from __future__ import annotations

import dataclasses
import itertools
import re

import pytest
from matplotlib import font_manager
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.backends.backend_svg import FigureCanvasSVG
from matplotlib.text import Text
from matplotlib.ticker import MultipleLocator

from analysis import measures
from analysis.presentation import charts, exports, labels
from analysis.presentation.canvas import ReportCanvas
from analysis.presentation.charts.progress import SERIES_LABEL
from analysis.presentation.charts.spread import TARGET_LABEL
from analysis.presentation.display import FILE_DPI

MQCI = measures.HEADLINE_INDICATOR
CJK = re.compile("[\u3400-\u9fff]")

CHARTS = {
    "spread": lambda d, lang: charts.indicator_spread(d, MQCI, lang),
    "vertical": lambda d, lang: charts.vertical_gaps(d, MQCI, lang),
    "province_levels": lambda d, lang: charts.province_levels_chart(d, "hubei", MQCI, lang),
    "ranking": lambda d, lang: charts.headroom_ranking(d, MQCI, lang),
    "generations": lambda d, lang: charts.plan_generations_chart(d, "hubei", lang),
    "progress": lambda d, lang: charts.progress_chart(d, lang),
    "record": lambda d, lang: charts.record_chart(d, MQCI, lang),
    "coverage": lambda d, lang: charts.coverage_heatmap(d, lang),
    "breadth": lambda d, lang: charts.breadth_chart(d, lang),
    "profile": lambda d, lang: charts.jurisdiction_profile(d, "hubei", lang),
}


def drawn_texts(fig) -> list[Text]:
    fig.canvas.draw()
    return [t for t in fig.findobj(Text) if t.get_visible() and t.get_text().strip()]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("name", CHARTS)
def test_every_chart_names_its_source_and_has_alt_text(dataset, name, lang):
    fig = CHARTS[name](dataset, lang)
    assert len(fig.alt_text) > 20
    assert labels.text("source", lang) in [t.get_text() for t in drawn_texts(fig)]


@pytest.mark.parametrize("name", CHARTS)
def test_a_chinese_chart_has_a_glyph_for_every_character(dataset, name):
    missing = set()
    for text in drawn_texts(CHARTS[name](dataset, "zh")):
        font = font_manager.get_font(font_manager.findfont(text.get_fontproperties(), fallback_to_default=False))
        missing |= {c for c in text.get_text() if not c.isspace() and font.get_char_index(ord(c)) == 0}
    assert missing == set()


@pytest.mark.parametrize("name", CHARTS)
def test_an_english_chart_has_no_chinese(dataset, name):
    chinese = [t.get_text() for t in drawn_texts(CHARTS[name](dataset, "en")) if CJK.search(t.get_text())]
    assert chinese == []


def label_boxes(fig, gid: str) -> list:
    """The boxes of a chart's texts with ``gid``, each the text's own (an annotation's box would
    take in its connector line too)."""
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    return [Text.get_window_extent(t, renderer) for t in fig.findobj(Text) if t.get_gid() == gid]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_no_two_target_labels_of_the_spread_overlap(dataset, lang):
    shared = measures.shared_indicators(dataset)  # the most widely set first: the most crowded charts
    indicators = [MQCI, *(i for i in shared[:6] if i != MQCI)]
    for indicator_id in indicators:
        fig = charts.indicator_spread(dataset, indicator_id, lang)
        boxes = label_boxes(fig, TARGET_LABEL)
        local = measures.local_targets(dataset)
        drawn = local[(local["indicator_id"] == indicator_id) & ~local["is_relative"] & local["value_std"].notna()]
        assert len(boxes) == len(drawn), indicator_id  # every target is labelled
        overlapping = [(a, b) for a, b in itertools.combinations(boxes, 2) if a.overlaps(b)]
        assert overlapping == [], (indicator_id, len(overlapping))
        figure_box = fig.bbox
        assert all(figure_box.contains(b.x0, b.y0) and figure_box.contains(b.x1, b.y1) for b in boxes), indicator_id


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_no_two_series_names_of_the_record_chart_overlap(dataset, lang):
    """Every indicator published for two or more jurisdictions (Hubei's and Yichang's series of
    the index end in the same year at close values)."""
    series = measures.published_series(dataset).dropna(subset=["jurisdiction_id"])
    counts = series.groupby("indicator_id")["jurisdiction_id"].nunique()
    assert (counts >= 2).sum() >= 3
    for indicator_id, n in counts[counts >= 2].items():
        boxes = label_boxes(charts.record_chart(dataset, indicator_id, lang), SERIES_LABEL)
        assert len(boxes) == n, indicator_id  # every series is named
        overlapping = [(a, b) for a, b in itertools.combinations(boxes, 2) if a.overlaps(b)]
        assert overlapping == [], (indicator_id, len(overlapping))


def test_series_names_ending_at_one_point_are_lifted_apart(dataset):
    """What the test above guards against, made to happen: Yichang's series of the index made to
    end at Hubei's last point, so their names would sit on each other."""
    obs = dataset.observations.copy()
    index = obs[obs["indicator_id"] == MQCI]
    hubei = index[index["jurisdiction_id"] == "hubei"].sort_values("year").iloc[-1]
    yichang_last = index.loc[index["jurisdiction_id"] == "yichang", "year"].idxmax()
    obs.loc[yichang_last, ["year", "value"]] = [hubei["year"], hubei["value"]]
    crowded = dataclasses.replace(dataset, observations=obs)
    boxes = label_boxes(charts.record_chart(crowded, MQCI, "en"), SERIES_LABEL)
    assert not any(a.overlaps(b) for a, b in itertools.combinations(boxes, 2))


@pytest.mark.parametrize("chart", ["spread", "record"])
@pytest.mark.parametrize("indicator", [MQCI, "farm_product_monitoring_pass_rate"])  # 2005-2025, 2015-2025
def test_a_year_axis_is_ticked_in_whole_years(dataset, chart, indicator):
    draw = charts.indicator_spread if chart == "spread" else charts.record_chart
    fig = draw(dataset, indicator, "en")
    fig.canvas.draw()
    year_axes = [ax for ax in fig.axes if ax.get_xlabel() == labels.text("year", "en")]
    assert year_axes
    for ax in year_axes:
        ticks = [t.get_text() for t in ax.get_xticklabels() if t.get_text()]
        assert ticks and all(re.fullmatch(r"\d{4}", t) for t in ticks), ticks


def tick_label_boxes(fig) -> list:
    """The boxes of every tick label a chart shows, on every axis of every panel (ticks outside an
    axis's view are not drawn, so not counted), each padded by 2 points: labels less than 4
    points apart (a third of an 11-point label's height) read as one, as much as labels that
    overlap."""
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    pad = 2 * fig.dpi / 72
    boxes = []
    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            low, high = sorted(axis.get_view_interval())
            slack = (high - low) * 1e-9
            for tick in (*axis.get_major_ticks(), *axis.get_minor_ticks()):
                if not low - slack <= tick.get_loc() <= high + slack:
                    continue
                for label in (tick.label1, tick.label2):
                    if label.get_visible() and label.get_text().strip():
                        boxes.append((label.get_text(), label.get_window_extent(renderer).padded(pad)))
    return boxes


def overlapping_ticks(fig) -> list[tuple[str, str]]:
    return [
        (a, b) for (a, box_a), (b, box_b) in itertools.combinations(tick_label_boxes(fig), 2) if box_a.overlaps(box_b)
    ]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("name", CHARTS)
def test_no_two_tick_labels_of_a_chart_overlap(dataset, name, lang):
    fig = CHARTS[name](dataset, lang)
    if any(ax.axison for ax in fig.axes):  # not a chart that says it has nothing to draw
        assert tick_label_boxes(fig)  # the check sees the chart's ticks
    assert overlapping_ticks(fig) == []


def national_record_indicators(dataset) -> list[str]:
    """Every indicator whose spread chart has a national record to draw beside its targets."""
    national = dataset.jurisdictions.loc[dataset.jurisdictions["level"] == "nation", "jurisdiction_id"]
    obs = dataset.observations
    published = set(obs.loc[obs["jurisdiction_id"].isin(national), "indicator_id"])
    return [i for i in measures.shared_indicators(dataset) if i in published]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_national_record_beside_every_spread_has_its_years_apart(dataset, lang):
    """The narrow record panel beside the lanes, over every indicator with a national record (the
    index's runs 2005-2025 in 2.6 inches)."""
    indicators = national_record_indicators(dataset)
    assert MQCI in indicators and len(indicators) >= 3
    for indicator_id in indicators:
        assert overlapping_ticks(charts.indicator_spread(dataset, indicator_id, lang)) == [], indicator_id


def test_tick_labels_that_run_together_are_caught(dataset):
    """The control for the tick checks: the index's record panel ticked at every year, as a
    locator left to itself could, has its labels on top of each other, and the check sees it."""
    fig = charts.indicator_spread(dataset, MQCI, "en")
    record = next(ax for ax in fig.axes if ax.get_xlabel() == labels.text("year", "en"))
    record.xaxis.set_major_locator(MultipleLocator(1))
    assert ("2004", "2005") in overlapping_ticks(fig)


def test_a_chart_as_svg_draws_its_text_as_outlines_and_repeats_its_bytes(dataset):
    """Drawn twice from scratch, the SVG is the same file; its text is glyph outlines (no <text> for
    the reader's fonts to draw) and it carries no date."""
    first, second = (exports.chart_svg(charts.indicator_spread(dataset, MQCI, "zh")) for _ in range(2))
    assert first == second
    assert first.startswith(b"<?xml") and b"<text" not in first and b"<dc:date>" not in first
    assert first.count(b"<use ") > 50  # each character placed from its outline


def _stock_files(fig) -> tuple[bytes, bytes]:
    """The figure's PNG and SVG drawn by matplotlib's own canvases (no text kept between drawings)."""
    FigureCanvasAgg(fig)
    png = exports.chart_png(fig, FILE_DPI)
    FigureCanvasSVG(fig)
    return png, exports.chart_svg(fig)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_text_kept_between_drawings_draws_the_files_matplotlib_draws(dataset, lang):
    """The report canvas keeps every string's size and glyph layout for later drawings; a chart drawn
    after others (its labels already measured, some at other sizes) is byte for byte the chart
    matplotlib's own canvases draw."""
    make = [
        lambda: charts.indicator_spread(dataset, MQCI, lang),
        lambda: charts.jurisdiction_profile(dataset, "jiangxi", lang),
        lambda: charts.headroom_ranking(dataset, MQCI, lang),
    ]
    for draw in make:  # warm: every label of these charts measured and laid out once
        fig = draw()
        exports.chart_png(fig, FILE_DPI), exports.chart_svg(fig)
    for draw in make:
        fig, stock = draw(), draw()
        assert isinstance(fig.canvas, ReportCanvas)
        assert (exports.chart_png(fig, FILE_DPI), exports.chart_svg(fig)) == _stock_files(stock)


def test_a_string_kept_at_one_size_is_measured_again_at_another(dataset):
    """Control for the test above: the kept sizes are keyed by font size and resolution, so the same
    title drawn larger gives a different file, as matplotlib's own canvases give."""
    small, large = (charts.indicator_spread(dataset, MQCI, "zh") for _ in range(2))
    for fig in (small, large):
        exports.chart_png(fig, FILE_DPI)  # both titles measured and kept at the chart's own size
    large.suptitle(large.get_suptitle(), fontsize=30)
    files = [(exports.chart_png(f, FILE_DPI), exports.chart_svg(f)) for f in (small, large)]
    assert files[0][0] != files[1][0] and files[0][1] != files[1][1]
    assert files[1] == _stock_files(large)
