"""The explorer in a real kernel, with no widget frontend: the notebook's outputs are the static
charts and tables (what papermill, nbval and an HTML export see), and a control changed in the
kernel replaces exactly those outputs, by their display ids (what JupyterLab redraws in place)."""

from __future__ import annotations

import nbformat
import pytest

from analysis import paths
from analysis.report.kernel import execute_job, start_kernel
from analysis.report.plan import Job
from analysis.workbench.views import CHARTS, VIEWS

FARM = "farm_product_monitoring_pass_rate"


def test_without_a_widget_frontend_the_explorer_leaves_its_views_as_plain_outputs():
    notebook = paths.NOTEBOOKS_DIR / "explorer.ipynb"
    result = execute_job(Job("test", "explorer", notebook.name, {"lang": "en"}), notebook.read_text(encoding="utf-8"))
    assert result.ok, result.error
    nb = nbformat.reads(result.files[notebook.name].decode(), as_version=4)
    outputs = [c for c in nb.cells if c.cell_type == "code"][-1].outputs
    kinds = [next(k for k in ("image/png", "text/html", "text/markdown", "text/plain") if k in o.data) for o in outputs]
    charts = ["image/png"] * len(CHARTS)  # the spread, city against province, ranking, bands, escalation
    assert kinds == ["text/plain", "text/markdown", *charts, "text/html", "text/html"]
    assert outputs[0].data["text/plain"].startswith("<explorer controls: ")
    assert all(o.metadata["image/png"]["alt"] for o in outputs[2 : 2 + len(CHARTS)])
    html = result.files["explorer.html"].decode()
    assert html.count("<img") >= len(CHARTS)


@pytest.fixture
def kernel():
    km = start_kernel()
    kc = km.client()
    kc.start_channels()
    kc.wait_for_ready(timeout=60)
    yield kc
    kc.stop_channels()
    km.shutdown_kernel(now=True)


def run(kc, code: str) -> list[dict]:
    """Execute code; return the IOPub messages it caused (until the kernel is idle)."""
    messages: list[dict] = []
    reply = kc.execute_interactive(code, timeout=120, output_hook=messages.append)
    assert reply["content"]["status"] == "ok", reply["content"]
    return messages


def test_a_changed_control_replaces_the_views_in_place(kernel):
    shown = run(
        kernel,
        "import analysis\nfrom analysis.workbench.explorer import explore\n"
        "explorer = explore(analysis.load(), indicator_id='mfg_quality_competitiveness_index', lang='en')",
    )
    displayed = [m for m in shown if m["msg_type"] == "display_data"]
    ids = [m["content"]["transient"]["display_id"] for m in displayed]
    assert len(displayed) == 1 + len(VIEWS) and len(set(ids)) == len(ids)
    changed = run(kernel, f"explorer.controls.indicator.value = {FARM!r}")
    assert not [m for m in changed if m["msg_type"] in ("display_data", "execute_result", "stream", "error")]
    updated = [m for m in changed if m["msg_type"] == "update_display_data"]
    assert [m["content"]["transient"]["display_id"] for m in updated] == ids[1:]  # every view, not the controls
    spread = updated[VIEWS.index("spread")]["content"]["data"]["text/plain"]
    assert spread.startswith("<Figure 'spread': Farm products")
