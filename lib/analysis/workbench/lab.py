"""JupyterLab for analysts: started on the explorer notebook, with a fontconfig file that adds
the pip-installed CJK font, so Chinese renders in the browser on machines without CJK fonts."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from .. import files, paths


def fontconfig_file() -> Path:
    """A fontconfig file adding the pip-installed CJK font, so a browser started from
    JupyterLab on a machine without CJK fonts draws Chinese in tables and code, not boxes."""
    from noto_cjk_sans_otc import FONT_PATH

    path = paths.REPO_ROOT / ".venv" / "fonts.conf"
    text = (
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
        '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n'
        f"  <dir>{Path(FONT_PATH).parent}</dir>\n</fontconfig>\n"
    )
    if not path.is_file() or path.read_text() != text:
        files.write_text(path, text)
    return path


EXPLORER = paths.NOTEBOOKS_DIR / "explorer.ipynb"


def lab_command(extra_args: list[str], notebook: Path = EXPLORER) -> tuple[list[str], dict[str, str]]:
    """The command and environment that start JupyterLab in ``notebook``'s folder, open on it
    (the explorer by default): the browser Lab starts opens it, and so does the URL Lab prints
    (for a browser started by hand, or with ``--no-browser``)."""
    env = dict(os.environ, FONTCONFIG_FILE=str(fontconfig_file()))
    allow_root = ["--allow-root"] if os.geteuid() == 0 else []  # containers often run as root; Lab refuses otherwise
    opens = [str(notebook), f"--LabApp.default_url=/lab/tree/{notebook.name}"]
    return [sys.executable, "-m", "jupyterlab", *opens, *allow_root, *extra_args], env
