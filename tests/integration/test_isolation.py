"""Reports share a warm kernel, but nothing one report does reaches the next."""

from __future__ import annotations

import nbformat

from analysis.report import kernel
from analysis.report.plan import Job
from tests.helpers import notebook_json

FIRST = notebook_json(
    "import os\nprint(os.getpid())",
    "leaked = 42\nimport json as leaked_module",
    "import matplotlib\nmatplotlib.rcParams['lines.linewidth'] = 7.5\nmatplotlib.rcParams['font.size'] = 31",
    "import matplotlib.pyplot as plt\nfig = plt.figure()\nplt.plot([1, 2])\nplt.show(block=False)",
)
SECOND = notebook_json(
    "import os\nprint(os.getpid())",
    "assert 'leaked' not in globals() and 'leaked_module' not in globals(), 'a global leaked'",
    "import matplotlib\n"
    "assert matplotlib.rcParams['lines.linewidth'] == matplotlib.rcParamsDefault['lines.linewidth'], "
    "'rcParams leaked'\n"
    "assert matplotlib.rcParams['font.size'] == matplotlib.rcParamsDefault['font.size'], 'rcParams leaked'",
    "import matplotlib.pyplot as plt\nassert plt.get_fignums() == [], f'open figures leaked: {plt.get_fignums()}'",
)


def kernel_pid(result) -> str:
    nb = nbformat.reads(result.files["n.ipynb"].decode(), as_version=4)
    cell = next(c for c in nb.cells if "getpid" in c.source)
    return cell.outputs[0].text.strip()


def run_pair():
    kernel.shutdown_kernel()
    try:
        first = kernel.execute_job(Job("test", "first", "n.ipynb", {}), FIRST)
        second = kernel.execute_job(Job("test", "second", "n.ipynb", {}), SECOND)
    finally:
        kernel.shutdown_kernel()
    return first, second


def test_second_report_sees_nothing_of_the_first():
    first, second = run_pair()
    assert first.ok, first.error
    assert second.ok, second.error
    assert kernel_pid(first) == kernel_pid(second), "both reports ran in the same warm kernel"


def test_without_the_reset_the_first_report_would_leak(monkeypatch):
    """The control: the isolation above comes from the reset, not from a fresh kernel."""
    monkeypatch.setattr(kernel, "RESET_CODE", "pass")
    first, second = run_pair()
    assert first.ok and not second.ok
    assert "a global leaked" in second.error
    assert kernel_pid(first) == kernel_pid(second)
