"""The committed notebooks: re-executing them as nbval references, and JupyterLab's fonts."""

from __future__ import annotations

from pathlib import Path

from . import atomic, paths


def refresh(notebooks_dir: Path | None = None) -> list[Path]:
    """Re-execute every notebook with its default parameters and save it in place.

    Volatile metadata (papermill's timings, execution timestamps) is dropped so that a
    re-run on unchanged data leaves the files unchanged; the outputs are what nbval compares.
    """
    import nbformat
    import papermill

    from .reports import start_kernel

    notebooks_dir = notebooks_dir or paths.NOTEBOOKS_DIR
    done = []
    for path in sorted(notebooks_dir.glob("*.ipynb")):
        km = start_kernel()  # a fresh kernel per notebook: the references share no state
        try:
            nb = papermill.execute_notebook(str(path), None, kernel_name="python3", progress_bar=False, km=km)
        finally:
            km.shutdown_kernel(now=True)
        nb.metadata.pop("papermill", None)
        for cell in nb.cells:
            cell.metadata.pop("papermill", None)
            cell.metadata.pop("execution", None)
        atomic.write_text(path, nbformat.writes(nb) + "\n")
        done.append(path)
    return done


def fontconfig_file() -> Path:
    """A fontconfig file adding the pip-installed CJK font, so a browser started from
    JupyterLab on a machine without CJK fonts draws Chinese in tables and code, not boxes."""
    from noto_cjk_sans_otc import FONT_PATH

    path = Path(paths.REPO_ROOT) / ".venv" / "fonts.conf"
    text = (
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
        '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n'
        f"  <dir>{Path(FONT_PATH).parent}</dir>\n</fontconfig>\n"
    )
    if not path.is_file() or path.read_text() != text:
        atomic.write_text(path, text)
    return path
