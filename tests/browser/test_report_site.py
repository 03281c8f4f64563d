"""The report site as a reader sees it: opened from file:// in Chromium with the network blocked
and no CJK fonts on the machine. Nothing is requested outside the folder, every image loads and
has alt text, Chinese is drawn by the bundled font and that font has a glyph for every character
shown, the index's search and filters narrow the list, and a report printed from the browser comes
out as clean A4 pages."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pdfplumber
import pytest
from fontTools.ttLib import TTFont
from playwright.sync_api import Browser, BrowserContext, Page

from analysis import paths
from analysis.presentation import labels
from analysis.report.batch import build_reports
from analysis.report.webfonts import FAMILY
from tests.browser.conftest import latin_only_fontconfig, launch
from tests.helpers import write_subset

# the nation, a province with its own plan and a city under it, a city whose province has none here,
# and a cited plan (Nanchang's, under Jiangxi: the others are all quoted now) for the tier filter
CORPUS = ("national-2023", "jiangxi-2023", "jian-2024", "yichang-2023", "nanchang-2024")
MQCI = "mfg_quality_competitiveness_index"
PAGES = [
    "index.html",
    "index-en.html",
    "provinces/jiangxi.html",
    "zh/overview/overview.html",
    "zh/progress/progress_report.html",
    f"zh/indicator/{MQCI}/indicator_comparison.html",
    f"en/indicator/{MQCI}/indicator_comparison.html",
    "zh/province/jiangxi/province_report.html",
    "en/province/hubei/province_report.html",
    "zh/jurisdiction/jian/jurisdiction_profile.html",
]
BUNDLED_FACE = "Noto Sans CJK SC"  # what the subset font calls itself inside


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("site")
    data = write_subset(paths.DATA_DIR, root / "data", CORPUS)
    outcomes = build_reports(data_dir=data, reports_dir=root / "reports", workers=2, langs=("zh", "en"), progress=False)
    assert all(o.ok for o in outcomes), [o.error for o in outcomes if not o.ok]
    return root / "reports"


@pytest.fixture(scope="module")
def browser(playwright, tmp_path_factory) -> Iterator[Browser]:
    browser = launch(playwright, latin_only_fontconfig(tmp_path_factory.mktemp("fonts")))
    yield browser
    browser.close()


class Offline:
    """A browser context that lets through only file:// requests inside ``folder`` and records
    every other request (then aborts it)."""

    def __init__(self, browser: Browser, folder: Path) -> None:
        self.inside = folder.as_uri() + "/"
        self.outside: list[str] = []
        self.failed: list[str] = []
        self.context: BrowserContext = browser.new_context(viewport={"width": 1280, "height": 900})
        self.context.route("**/*", self._route)
        self.context.on("requestfailed", lambda r: self.failed.append(r.url))

    def _route(self, route) -> None:
        url = route.request.url
        if url.startswith(self.inside) or url.startswith("data:"):
            route.continue_()
        else:
            self.outside.append(url)
            route.abort()

    def open(self, folder: Path, page_path: str) -> Page:
        page = self.context.new_page()
        page.goto((folder / page_path).as_uri(), wait_until="load")
        page.evaluate("document.fonts.ready.then(() => true)")
        return page


@pytest.fixture
def offline(browser, site) -> Iterator[Offline]:
    o = Offline(browser, site)
    yield o
    o.context.close()


def test_a_request_outside_the_folder_is_caught(offline, site):
    """The control for the test below: a page that fetches from the web is seen doing it."""
    page = offline.open(site, "index.html")
    page.evaluate("() => { const i = new Image(); i.src = 'https://example.org/x.png'; document.body.append(i); }")
    page.wait_for_timeout(300)
    assert offline.outside == ["https://example.org/x.png"]


# Lazy images (the index's thumbnails) and those in rows the filters hide load only when shown:
# ask for each now and wait for it to load or fail.
LOAD_EVERY_IMAGE = """async () => Promise.all([...document.images].map(img => {
    img.loading = "eager";
    const settled = img.complete ? Promise.resolve() : new Promise(done => { img.onload = img.onerror = done; });
    return settled.then(() => [img.getAttribute("src"), img.alt, img.naturalWidth]);
}))"""


@pytest.mark.parametrize("page_path", PAGES)
def test_the_page_loads_everything_from_inside_the_folder_and_every_image_has_alt_text(offline, site, page_path):
    page = offline.open(site, page_path)
    images = page.evaluate(LOAD_EVERY_IMAGE)
    if not page_path.startswith(("index", "provinces")):
        assert images, "a report page without figures"
    for src, alt, width in images:
        assert alt.strip(), f"{page_path}: image {src} has no alt text"
        assert width > 0, f"{page_path}: image {src} did not load"
    assert offline.outside == [] and offline.failed == []


def glyph_gaps(page: Page, font_file: Path) -> set[str]:
    """Characters beyond ASCII that the page shows but the bundled font has no glyph for."""
    shown = page.evaluate("document.body.innerText")
    cmap = TTFont(str(font_file)).getBestCmap()
    return {c for c in shown if ord(c) > 0x7F and not c.isspace() and ord(c) not in cmap}


def fonts_drawing_chinese(page: Page) -> dict[str, set[str]]:
    """The fonts Chromium drew the page's Chinese text with, as the DevTools protocol reports
    them (the fonts actually used, not the CSS stack). Each shown text holding Chinese is first
    wrapped in a span of its own, so that Latin beside it (in a ``<code>``, say) is not counted."""
    count = page.evaluate(
        """() => {
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        const texts = [];
        while (walker.nextNode()) {
            const text = walker.currentNode;
            const shown = text.parentElement.getClientRects().length > 0;
            if (shown && /[\\u3000-\\u9fff\\uff00-\\uffef]/.test(text.data)) texts.push(text);
        }
        texts.forEach((text, i) => {
            const span = document.createElement("span");
            span.setAttribute("data-cjk", String(i));
            text.replaceWith(span);
            span.append(text);
        });
        return texts.length + 0 * document.body.offsetHeight;  // lay the spans out before asking
    }"""
    )
    cdp = page.context.new_cdp_session(page)
    root = cdp.send("DOM.getDocument")["root"]["nodeId"]
    cdp.send("CSS.enable")
    nodes = cdp.send("DOM.querySelectorAll", {"nodeId": root, "selector": "[data-cjk]"})["nodeIds"]
    assert len(nodes) == count
    used: dict[str, set[str]] = {}
    for node in nodes:
        for font in cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]:
            used.setdefault(font["familyName"], set()).add("custom" if font["isCustomFont"] else "system")
    return used


@pytest.mark.parametrize(
    "page_path",
    ["index.html", f"zh/indicator/{MQCI}/indicator_comparison.html", "zh/province/jiangxi/province_report.html"],
)
def test_chinese_is_drawn_by_the_bundled_font_which_has_every_glyph(offline, site, page_path, screenshots):
    page = offline.open(site, page_path)
    assert page.evaluate(f"[...document.fonts].some(f => f.family === {FAMILY!r} && f.status === 'loaded')")
    assert fonts_drawing_chinese(page) == {BUNDLED_FACE: {"custom"}}
    assert glyph_gaps(page, site / "assets" / "cjk.woff") == set()
    page.screenshot(path=screenshots / (page_path.replace("/", "_").removesuffix(".html") + ".png"), full_page=True)


def test_chinese_in_a_face_without_the_bundled_font_is_caught(offline, site):
    """The control for the font check: Chinese set in a font stack that leaves out the bundled
    font is drawn by a system font (as boxes, here), and the check sees it."""
    page = offline.open(site, "index.html")
    page.evaluate(
        "() => { const p = document.createElement('p'); p.style.fontFamily = 'monospace';"
        " p.textContent = '质量'; document.body.append(p); }"
    )
    assert any("system" in kinds for kinds in fonts_drawing_chinese(page).values())


def test_a_character_the_font_lacks_is_caught(offline, site):
    """The control for the glyph check: a character outside the subset is reported missing
    (the browser would draw it as a box)."""
    page = offline.open(site, "index.html")
    page.evaluate("() => { const p = document.createElement('p'); p.textContent = '龘'; document.body.append(p); }")
    assert glyph_gaps(page, site / "assets" / "cjk.woff") == {"龘"}


def visible_rows(page: Page) -> list[dict[str, str]]:
    return page.eval_on_selector_all(
        "table.reports tbody tr:not([hidden])", "rows => rows.map(r => ({...r.dataset, text: r.textContent}))"
    )


def test_search_and_filters_narrow_the_index(offline, site, screenshots):
    page = offline.open(site, "index.html")
    everything = page.eval_on_selector_all("table.reports tbody tr", "rows => rows.length")
    chinese = visible_rows(page)  # the index opens on its own language
    assert chinese and {r["lang"] for r in chinese} == {"zh"} and len(chinese) < everything

    page.fill("input[name=q]", "吉安")
    found = visible_rows(page)
    assert found and all("吉安" in r["text"] for r in found) and len(found) < len(chinese)
    assert page.input_value("input[name=q]") == "吉安"
    assert str(len(found)) in page.text_content("output[name=shown]")
    page.fill("input[name=q]", "")

    page.select_option("select[name=province]", "jiangxi")
    assert {r["province"] for r in visible_rows(page)} == {"jiangxi"}
    page.select_option("select[name=level]", "city")
    assert {(r["province"], r["level"]) for r in visible_rows(page)} == {("jiangxi", "city")}
    page.select_option("select[name=level]", "")
    page.select_option("select[name=province]", "")

    page.select_option("select[name=tier]", "quoted")
    quoted = visible_rows(page)
    assert quoted and all("quoted" in r["tier"].split() for r in quoted) and len(quoted) < len(chinese)
    page.select_option("select[name=tier]", "")

    page.select_option("select[name=lang]", "en")
    english = visible_rows(page)
    assert english and {r["lang"] for r in english} == {"en"}
    page.select_option("select[name=lang]", "")
    assert len(visible_rows(page)) == everything
    page.select_option("select[name=lang]", "zh")
    page.fill("input[name=q]", "江西")
    page.screenshot(path=screenshots / "index-search.png")


# Printing a report from the browser, as Chromium prints it (the page's own @page size).
PRINTED = "en/overview/overview.html"  # three figures and a table of every target, with its source
A4 = (595, 842)  # points
# Marks put in the longest table's header and in its first and last rows, to find them in the PDF.
MARK_LONGEST_TABLE = """() => {
    const table = [...document.querySelectorAll("table.data")].sort((a, b) => b.rows.length - a.rows.length)[0];
    const mark = (cell, token) => {
        const span = document.createElement("span");
        span.textContent = " " + token;
        span.style.whiteSpace = "nowrap";
        cell.append(span);
    };
    mark(table.tHead.rows[0].cells[0], "HDRQ");
    mark(table.tBodies[0].rows[0].cells[0], "ROWA");
    mark(table.tBodies[0].rows[table.tBodies[0].rows.length - 1].cells[0], "ROWZ");
    return table.tBodies[0].rows.length;
}"""


@dataclass
class Printed:
    """A page printed to PDF: each page's size, text and the boxes of its images."""

    sizes: list[tuple[int, int]]
    texts: list[str]
    images: list[list[tuple[float, float, float, float]]]

    def pages_with(self, token: str) -> list[int]:
        return [k for k, text in enumerate(self.texts) if token in text]


def print_page(page: Page, path: Path, css: str = "") -> Printed:
    """Print ``page`` as Chromium prints it (with ``css`` added, for the controls), saved to ``path``."""
    page.evaluate(LOAD_EVERY_IMAGE)
    if css:
        page.add_style_tag(content=css)
    path.write_bytes(page.pdf(prefer_css_page_size=True, print_background=True))
    with pdfplumber.open(path) as pdf:
        return Printed(
            [(round(p.width), round(p.height)) for p in pdf.pages],
            [p.extract_text() or "" for p in pdf.pages],
            [[(i["x0"], i["top"], i["x1"], i["bottom"]) for i in p.images] for p in pdf.pages],
        )


def split_figures(printed: Printed) -> list[int]:
    """Pages holding a piece of a figure: an image that runs off the page's edge is drawn in
    part on this page and in part on the next."""
    return [
        k
        for k, ((width, height), images) in enumerate(zip(printed.sizes, printed.images, strict=True))
        for x0, top, x1, bottom in images
        if top < -0.5 or bottom > height + 0.5 or x0 < -0.5 or x1 > width + 0.5
    ]


def test_a_printed_report_is_clean_a4_pages(offline, site, screenshots):
    page = offline.open(site, PRINTED)
    figures = page.eval_on_selector_all("figure.chart img", "images => images.length")
    rows = page.evaluate(MARK_LONGEST_TABLE)
    printed = print_page(page, screenshots / "print-overview-en.pdf")
    assert len(printed.sizes) >= 3 and set(printed.sizes) == {A4}
    everything = "\n".join(printed.texts)
    for hidden in (labels.text("back_to_index", "en"), labels.text("download_table", "en"), "SVG"):
        assert hidden not in everything
    assert "How to cite this page:" in printed.texts[-1]  # the citation closes the report
    assert figures >= 3 and sum(len(images) for images in printed.images) == figures  # each figure once
    assert split_figures(printed) == []
    first, last = printed.pages_with("ROWA"), printed.pages_with("ROWZ")
    assert len(first) == len(last) == 1 and last[0] > first[0], (rows, first, last)  # the table runs onto a new page
    assert printed.pages_with("HDRQ") == list(range(first[0], last[0] + 1))  # its header on every page it is on


# What the print stylesheet prevents: figures that break, one taller than a page (Chromium slices
# an image only then), and a table header printed as a plain row, once.
LOOSE = """figure.chart { break-inside: auto !important; }
figure.chart img { max-height: none !important; height: 330mm !important; }
thead { display: table-row-group !important; }"""


def test_a_split_figure_and_an_unrepeated_header_are_caught(offline, site, screenshots):
    """The controls for the print checks: printed as LOOSE allows, figures are split across pages
    and the long table's header is printed once, and the checks see both."""
    page = offline.open(site, PRINTED)
    figures = page.eval_on_selector_all("figure.chart img", "images => images.length")
    page.evaluate(MARK_LONGEST_TABLE)
    printed = print_page(page, screenshots / "print-overview-en-loose.pdf", LOOSE)
    assert split_figures(printed) and sum(len(images) for images in printed.images) > figures
    first, last = printed.pages_with("ROWA"), printed.pages_with("ROWZ")
    assert last[0] > first[0] and printed.pages_with("HDRQ") == [first[0]]
