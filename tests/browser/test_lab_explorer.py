"""The explorer as an analyst meets it: JupyterLab started the way `make lab` starts it (on a
copy of the notebook, so nothing in the repository is saved over, and in a terminal of its
own), the notebook run in Chromium, a control changed, and the chart redrawn; no request leaves
the machine; and Ctrl-C in that terminal closes Lab with nothing left running."""

from __future__ import annotations

import json
import os
import pty
import secrets
import shutil
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import psutil
import pytest
from playwright.sync_api import Page

from analysis import paths
from analysis.workbench.lab import lab_command
from tests.browser.conftest import launch

FIRST_CHART = ".jp-OutputArea-output img"
KERNEL_IDLE = """() => {
    const panel = window.jupyterapp && window.jupyterapp.shell.currentWidget;
    const kernel = panel && panel.sessionContext && panel.sessionContext.session && panel.sessionContext.session.kernel;
    return kernel && kernel.status === "idle";
}"""
QUIET_SETTINGS = {"@jupyterlab/apputils-extension/notification": {"fetchNews": "false", "checkForUpdates": False}}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def lab(tmp_path_factory) -> Iterator[tuple[str, Path, subprocess.Popen]]:
    """A running JupyterLab on a copy of the explorer, reading from a terminal (so Ctrl-C asks
    before it stops, as in `make lab`) in a process group of its own; yields its URL, its log and
    its process."""
    root = tmp_path_factory.mktemp("lab")
    notebook = root / "explorer.ipynb"
    shutil.copy(paths.NOTEBOOKS_DIR / "explorer.ipynb", notebook)
    for plugin, values in QUIET_SETTINGS.items():  # no "official Jupyter news?" prompt over the page
        path = root / "settings" / f"{plugin}.jupyterlab-settings"
        path.parent.mkdir(parents=True)
        path.write_text(json.dumps(values))
    port, token = free_port(), secrets.token_hex(16)
    command, env = lab_command(
        [
            "--no-browser",
            "--ServerApp.ip=127.0.0.1",
            f"--ServerApp.port={port}",
            "--ServerApp.port_retries=0",
            f"--IdentityProvider.token={token}",
            "--LabApp.expose_app_in_browser=True",  # window.jupyterapp, to run the notebook's cells
            f"--LabApp.user_settings_dir={root / 'settings'}",
            f"--LabApp.workspaces_dir={root / 'workspaces'}",
        ],
        notebook=notebook,
    )
    log = root / "lab.log"
    terminal, tty = pty.openpty()
    with log.open("w") as out:
        server = subprocess.Popen(
            command, env=env, stdin=tty, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
    try:
        deadline = time.monotonic() + 120
        while "is running at" not in log.read_text():
            assert server.poll() is None and time.monotonic() < deadline, log.read_text()[-2000:]
            time.sleep(0.2)
        yield f"http://127.0.0.1:{port}/lab/tree/{notebook.name}?token={token}", log, server
    finally:
        server.terminate()
        server.wait(timeout=30)
        os.close(terminal)
        os.close(tty)


@pytest.fixture(scope="module")
def page(playwright, lab) -> Iterator[tuple[Page, list[str]]]:
    url, _, _ = lab
    _, env = lab_command([])
    browser = launch(playwright, Path(env["FONTCONFIG_FILE"]))  # the CJK font `make lab` gives the browser
    context = browser.new_context(viewport={"width": 1400, "height": 2400})
    outside: list[str] = []

    def local_only(route) -> None:
        if route.request.url.startswith(("http://127.0.0.1:", "ws://127.0.0.1:", "data:", "blob:")):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    context.route("**/*", local_only)
    page = context.new_page()
    page.goto(url)
    page.wait_for_function(KERNEL_IDLE, timeout=120_000)
    yield page, outside
    browser.close()


def chart_sources(page: Page) -> list[str]:
    return page.eval_on_selector_all(FIRST_CHART, "imgs => imgs.map(i => i.src)")


def screenshot_of_the_controls_and_first_chart(page: Page, path: Path) -> None:
    """The explorer's cell from its top, as far as the viewport reaches (its tables run on)."""
    page.eval_on_selector(".explorer-indicator", "el => el.closest('.jp-Cell').scrollIntoView({block: 'start'})")
    box = page.locator(".jp-Cell").last.bounding_box()
    assert box is not None
    height = min(box["height"], page.viewport_size["height"] - box["y"], 1500)  # type: ignore[index]
    page.screenshot(path=path, clip={"x": box["x"], "y": box["y"], "width": box["width"], "height": height})


def test_the_explorer_runs_in_lab_and_redraws_when_a_control_changes(page, lab, screenshots):
    page, outside = page
    page.evaluate("() => { window.jupyterapp.commands.execute('notebook:run-all-cells'); }")
    page.wait_for_selector(".explorer-indicator select", timeout=180_000)
    page.wait_for_selector(FIRST_CHART, timeout=120_000)
    before = chart_sources(page)
    assert len(before) >= 3, "the explorer shows its charts"
    chosen = page.eval_on_selector(".explorer-indicator select", "s => s.value")
    options = page.eval_on_selector_all(".explorer-indicator select option", "os => os.map(o => o.value)")
    other = next(v for v in options if v != chosen)
    page.select_option(".explorer-indicator select", other)
    page.wait_for_function(
        f"old => {{ const i = document.querySelector({FIRST_CHART!r}); return i && i.src !== old; }}",
        arg=before[0],
        timeout=60_000,
    )
    after = chart_sources(page)
    assert after[0] != before[0] and len(after) == len(before)
    errors = page.eval_on_selector_all(
        ".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']", "e => e.length"
    )
    assert errors == 0, "a cell wrote to stderr"
    screenshot_of_the_controls_and_first_chart(page, screenshots / "explorer.png")
    assert outside == [], outside
    _, log, _ = lab
    assert "Traceback" not in log.read_text()


def running(processes: list[psutil.Process]) -> list[psutil.Process]:
    """Those still running (a zombie has ended: only its exit status is left)."""
    return [p for p in processes if p.is_running() and p.status() != psutil.STATUS_ZOMBIE]


def test_closing_lab_with_ctrl_c_leaves_no_kernel_behind(lab, page):
    """Ctrl-C, then Ctrl-C again at Lab's "Shut down this Jupyter server?" (the terminal signals
    its foreground process group each time): Lab shuts the explorer's kernel down and exits.
    (Checked to fail with one Ctrl-C: Lab asks, and goes on serving.)"""
    _, log, server = lab
    started = psutil.Process(server.pid).children(recursive=True)
    assert any("ipykernel" in " ".join(p.cmdline()) for p in started), "the explorer's kernel is running"
    for _ in range(2):
        os.killpg(server.pid, signal.SIGINT)
        time.sleep(0.5)
    server.wait(timeout=5)
    deadline = time.monotonic() + 5
    while running(started) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert running(started) == []
    assert "Kernel shutdown" in log.read_text()
