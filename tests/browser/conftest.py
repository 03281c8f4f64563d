"""The browser tier: Debian's Chromium driven by Playwright (nothing downloaded at run time),
on the report site opened from file:// and on JupyterLab. ``make test-browser`` installs
Chromium and runs it; ``make test`` leaves it out."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import matplotlib
import pytest
from playwright.sync_api import Browser, Playwright, sync_playwright

from analysis import paths

CHROMIUM_ARGS = [
    "--no-sandbox",  # CI runs as root
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOTS = paths.REPORTS_DIR / "screenshots"  # for a person to look at


def chromium_executable() -> str:
    found = os.environ.get("CHROMIUM") or shutil.which("chromium")
    if not found:
        pytest.fail("no Chromium: `make test-browser` installs Debian's package (or set CHROMIUM to one)")
    return found


def latin_only_fontconfig(folder: Path) -> Path:
    """A fontconfig file whose only fonts are matplotlib's DejaVu (no CJK): whatever fonts the
    machine has, Chinese can only be drawn by the font the pages bring with them."""
    dejavu = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    path = folder / "fonts.conf"
    path.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
        f"  <dir>{dejavu}</dir>\n  <cachedir>{folder / 'cache'}</cachedir>\n</fontconfig>\n",
        encoding="utf-8",
    )
    return path


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as p:
        yield p


def launch(playwright: Playwright, fontconfig: Path) -> Browser:
    return playwright.chromium.launch(
        executable_path=chromium_executable(),
        args=CHROMIUM_ARGS,
        env={**os.environ, "FONTCONFIG_FILE": str(fontconfig)},
    )


@pytest.fixture(scope="session")
def screenshots() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS
