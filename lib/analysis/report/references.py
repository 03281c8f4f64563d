"""The committed notebooks are nbval references: re-executing them after a deliberate data
change, with volatile metadata dropped so an unchanged run leaves them byte-identical."""

from __future__ import annotations

from pathlib import Path

from .. import files, paths
from .executed import localise, tidy
from .kernel import KERNEL_NAME, start_kernel


def refresh(notebooks_dir: Path | None = None) -> list[Path]:
    """Re-execute every notebook with its default parameters and save it in place.

    The prose is first brought in line with the label catalogue (the English text; the catalogue
    is where it is edited), and volatile metadata (papermill's timings, execution timestamps)
    is dropped so that a re-run on unchanged data leaves the files unchanged; the outputs are
    what nbval compares.
    """
    import nbformat
    import papermill

    notebooks_dir = notebooks_dir or paths.NOTEBOOKS_DIR
    done = []
    for path in sorted(notebooks_dir.glob("*.ipynb")):
        source = nbformat.read(path, as_version=4)
        localise(source, "en")
        km = start_kernel()  # a fresh kernel per notebook: the references share no state
        try:
            nb = papermill.execute_notebook(source, None, kernel_name=KERNEL_NAME, progress_bar=False, km=km)
        finally:
            km.shutdown_kernel(now=True)
        tidy(nb)
        files.write_text(path, nbformat.writes(nb) + "\n")
        done.append(path)
    return done
