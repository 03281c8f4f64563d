"""Exporting an executed notebook as a light, offline HTML page (no input cells, no scripts,
one shared stylesheet and font linked from the report folder's assets)."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path

TEMPLATES = Path(__file__).parent / "templates"


@dataclass(frozen=True)
class Page:
    """What a page needs to know of where it sits: its title and language, the relative links to
    the shared assets and to the index, and how to cite it."""

    title: str
    html_lang: str
    assets: str
    index: str
    back: str
    cite: str = ""


@lru_cache(maxsize=1)
def _html_exporter():
    from nbconvert import HTMLExporter
    from nbconvert.exporters.templateexporter import TemplateExporter
    from nbconvert.filters.highlight import Highlight2HTML
    from nbconvert.filters.widgetsdatatypefilter import WidgetsDataTypeFilter

    class PageExporter(HTMLExporter):
        """nbconvert's HTML exporter without its closing BeautifulSoup pass, which gives images
        lacking alt text a placeholder and Lab template cells a tabindex. A report's images all
        carry their alt text and the page template has no Lab cells, so the pass would only
        re-parse and re-serialise the page (two thirds of the export's time)."""

        def from_notebook_node(self, nb, resources=None, **kw):
            resources = self._init_resources(resources)
            self.register_filter("highlight_code", Highlight2HTML(parent=self))  # named by the template
            self.register_filter(
                "filter_data_type",
                WidgetsDataTypeFilter(notebook_metadata=self._nb_metadata, parent=self, resources=resources),
            )
            return TemplateExporter.from_notebook_node(self, nb, resources, **kw)

    exporter = PageExporter(template_name="page", extra_template_basedirs=[str(TEMPLATES)])
    exporter.exclude_input = True
    exporter.exclude_input_prompt = True
    exporter.exclude_output_prompt = True
    exporter.optimistic_validation = True  # validate once after the preprocessors, not after each
    return exporter


# nbconvert writes headings through ElementTree, which spells every non-ASCII character as a
# numeric reference (候 as &#20505;): three times the bytes, and invisible to the scan for the
# characters the subset web font must hold.
_NUMERIC_REFERENCE = re.compile(r"&#(\d+);")


def _literal(match: re.Match) -> str:
    code = int(match.group(1))
    return chr(code) if code > 0x7F else match.group(0)  # never one of < > & " '


def export_html(nb, page: Page) -> str:
    """The executed notebook as an HTML page without input cells."""
    body, _ = _html_exporter().from_notebook_node(nb, resources={"page": asdict(page)})
    return _NUMERIC_REFERENCE.sub(_literal, body)


def stylesheet() -> bytes:
    """The stylesheet every page links (written once under the reports' assets/)."""
    return (TEMPLATES / "assets" / "report.css").read_bytes()
