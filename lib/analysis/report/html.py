"""Exporting an executed notebook as a light, offline HTML page (no input cells, no scripts,
one shared stylesheet and font linked from the report folder's assets)."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path

TEMPLATES = Path(__file__).parent / "templates"


@dataclass(frozen=True)
class Page:
    """What a page needs to know of where it sits: its title and language, and the relative
    links to the shared assets and to the index."""

    title: str
    html_lang: str
    assets: str
    index: str
    back: str


@lru_cache(maxsize=1)
def _html_exporter():
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="page", extra_template_basedirs=[str(TEMPLATES)])
    exporter.exclude_input = True
    exporter.exclude_input_prompt = True
    exporter.exclude_output_prompt = True
    return exporter


def export_html(nb, page: Page) -> str:
    """The executed notebook as an HTML page without input cells."""
    body, _ = _html_exporter().from_notebook_node(nb, resources={"page": asdict(page)})
    return body


def stylesheet() -> bytes:
    """The stylesheet every page links (written once under the reports' assets/)."""
    return (TEMPLATES / "assets" / "report.css").read_bytes()
