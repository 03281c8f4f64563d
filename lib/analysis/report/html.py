"""Exporting an executed notebook as an offline HTML page (no input cells, nothing fetched)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=1)
def _html_exporter():
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="offline", extra_template_basedirs=[str(Path(__file__).parent / "templates")])
    exporter.exclude_input = True
    exporter.exclude_input_prompt = True
    exporter.exclude_output_prompt = True
    return exporter


def export_html(nb) -> str:
    """The executed notebook as an offline HTML page without input cells."""
    body, _ = _html_exporter().from_notebook_node(nb)
    return body
