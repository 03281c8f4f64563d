"""The executed notebook as it is kept: without volatile metadata (timings, timestamps), so an
unchanged report rebuilds byte-identical, and with its prose in the report's language."""

from __future__ import annotations

import json

from ..presentation import prose

PROSE_KEY = "prose"  # markdown cell metadata: the key of the cell's text in prose.PROSE


def tidy(nb, output_dir: str = "") -> None:
    """Drop what papermill and the kernel record of a particular run: timings and timestamps, widget
    state, the
    random id of the cell papermill injects the parameters in, the temporary folder the files
    were written to (they sit in the report's own folder, "."), and execution counts that go on
    from the previous report in a warm kernel (renumbered as a fresh kernel would count)."""
    nb.metadata.pop("papermill", None)
    nb.metadata.pop("widgets", None)  # widget state with random model ids (the explorer's)
    count = 0
    for cell in nb.cells:
        cell.metadata.pop("papermill", None)
        cell.metadata.pop("execution", None)
        if "injected-parameters" in cell.metadata.get("tags", []):
            cell.id = "injected-parameters"
            if output_dir:
                cell.source = cell.source.replace(json.dumps(output_dir), json.dumps("."))
        if cell.cell_type == "code" and cell.get("execution_count"):
            count += 1
            cell.execution_count = count
            for output in cell.get("outputs", []):
                if "execution_count" in output:
                    output.execution_count = count


def localise(nb, lang: str) -> None:
    """Put each labelled markdown cell in ``lang`` (the notebooks are written in English)."""
    for cell in nb.cells:
        key = cell.metadata.get(PROSE_KEY)
        if cell.cell_type == "markdown" and key:
            cell.source = prose.prose(key, lang)
