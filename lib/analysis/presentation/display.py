"""Showing charts and tables in a notebook, and (when the report batch gives an output folder)
saving them beside the report.

In JupyterLab a chart is shown inline and a table as a table. In the batch each chart is
drawn once, as a palette PNG at 1.5 times the display resolution, and written again from the same
figure as an SVG (for print and publication), both saved under ``figures/``; the page shows an
``<img>`` linking the PNG (with its alt text) and links the SVG, so it stays light; each table
is shown without a row index and saved under ``tables/`` as CSV and Excel, linked from the page.
"""

from __future__ import annotations

import base64
import html
import io
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .. import files
from ..measures.table import measures_csv
from . import exports, labels

DISPLAY_DPI = 110  # the width a chart is shown at: figure width in inches times this
FILE_DPI = 1.5 * DISPLAY_DPI  # the PNG a report page links (sharp on high-density screens)


def _show(data: dict[str, str], metadata: dict | None = None) -> None:
    from IPython.display import display

    display(data, raw=True, metadata=metadata or {})


def _display(shown: object) -> None:
    from IPython.display import display

    display(shown)


@dataclass(frozen=True)
class InlineFigure:
    """A chart drawn to PNG for a notebook, shown with its alt text; its ``text/plain`` names the
    chart and describes it, so nbval compares the numbers it shows without comparing image bytes."""

    name: str
    png: bytes
    alt: str
    width: int

    @classmethod
    def of(cls, fig, name: str) -> InlineFigure:
        png = io.BytesIO()
        fig.savefig(png, format="png", dpi=DISPLAY_DPI)
        return cls(name, png.getvalue(), getattr(fig, "alt_text", "") or name, int(fig.get_figwidth() * DISPLAY_DPI))

    def _repr_mimebundle_(self, include=None, exclude=None) -> tuple[dict, dict]:
        data = {"image/png": base64.b64encode(self.png).decode(), "text/plain": f"<Figure '{self.name}': {self.alt}>"}
        return data, {"image/png": {"alt": self.alt, "width": self.width}}


@dataclass(frozen=True)
class InlineTable:
    """A table for a notebook, without the row index (a meaningless 0, 1, 2 to a reader)."""

    frame: pd.DataFrame
    links: str = ""

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict:
        html = self.frame.to_html(index=False, border=0, classes="data", na_rep="") + self.links
        return {"text/html": html, "text/plain": self.frame.to_string(index=False)}


class ReportDisplay:
    """Shows charts and tables; with ``output_dir`` set, also writes their files there."""

    def __init__(self, output_dir: str = "", lang: str = "zh"):
        self.output_dir = Path(output_dir) if output_dir else None
        self.lang = labels.check_lang(lang)

    def figure(self, fig, name: str) -> None:
        """Show a chart (a Figure from :mod:`analysis.presentation.charts`), described by its alt text."""
        alt = getattr(fig, "alt_text", "") or name
        width = int(fig.get_figwidth() * DISPLAY_DPI)
        plain = f"<Figure '{name}': {alt}>"
        if self.output_dir is None:
            _display(InlineFigure.of(fig, name))
            return
        figures = self.output_dir / "figures"
        files.write_bytes(figures / f"{name}.png", exports.chart_png(fig, FILE_DPI))
        files.write_bytes(figures / f"{name}.svg", exports.chart_svg(fig))
        src, svg = (html.escape(f"figures/{name}.{suffix}", quote=True) for suffix in ("png", "svg"))
        tag = f'<img src="{src}" srcset="{src} 1.5x" width="{width}" alt="{html.escape(alt, quote=True)}">'
        caption = html.escape(labels.text("download_figure", self.lang))
        link = f'<figcaption class="downloads">{caption}: <a href="{svg}">SVG</a></figcaption>'
        _show({"text/html": f'<figure class="chart">{tag}{link}</figure>', "text/plain": plain})

    def table(self, frame: pd.DataFrame, name: str) -> None:
        """Show a table without its row index; in the batch, also write it as CSV and Excel."""
        links = ""
        if self.output_dir is not None:
            tables = self.output_dir / "tables"
            files.write_bytes(tables / f"{name}.csv", exports.table_csv(frame))
            files.write_bytes(tables / f"{name}.xlsx", exports.table_xlsx(frame))
            caption = html.escape(labels.text("download_table", self.lang))
            links = (
                f'<p class="downloads">{caption}: <a href="tables/{name}.csv" download>CSV</a>'
                f' · <a href="tables/{name}.xlsx" download>XLSX</a></p>'
            )
        _display(InlineTable(frame, links))

    def measures(self, frame: pd.DataFrame, name: str = "all-measures") -> None:
        """The report's slice of ``measures.csv`` (every measure of every target it shows, with the
        codes of what does not apply): in the batch a download linked from the page, as the dataset
        zip carries it; in a notebook, the table."""
        if self.output_dir is None:
            _display(InlineTable(frame))
            return
        tables = self.output_dir / "tables"
        files.write_bytes(tables / f"{name}.csv", measures_csv(frame))
        caption = html.escape(labels.text("download_measures", self.lang))
        link = f'<p class="downloads">{caption}: <a href="tables/{name}.csv" download>{name}.csv</a></p>'
        _show({"text/html": link, "text/plain": f"<{name}.csv: {len(frame)} rows>"})

    def text(self, markdown: str) -> None:
        """A paragraph computed by the library (a finding's sentence), shown as rendered Markdown."""
        import mistune

        _show({"text/html": str(mistune.html(markdown)), "text/plain": markdown})
