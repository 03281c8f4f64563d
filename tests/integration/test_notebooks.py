"""The notebooks run for every parameter set in tests/params/ (the smoke tier; nbval over the
committed outputs is the regression tier, collected from notebooks/ by ``pytest --nbval``), and
a bad parameter fails in the first cell with the valid values."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
import yaml

from analysis import paths
from analysis.report.kernel import execute_job, shutdown_kernel
from analysis.report.plan import NOTEBOOKS, Job

PARAM_SETS = sorted((Path(__file__).parents[1] / "params").glob("*.yaml"))


@pytest.fixture(scope="module")
def warm_kernel():
    yield
    shutdown_kernel()


def run(notebook: str, parameters: dict):
    job = Job("test", notebook, notebook, parameters)
    return execute_job(job, (paths.NOTEBOOKS_DIR / notebook).read_text(encoding="utf-8"))


@pytest.mark.parametrize("param_file", PARAM_SETS, ids=lambda p: p.stem)
def test_smoke_every_parameter_set(param_file, warm_kernel):
    spec = yaml.safe_load(param_file.read_text())
    result = run(spec["notebook"], spec["parameters"])
    assert result.ok, result.error
    assert {f for f in result.files if f.endswith(".html")}, result.files.keys()
    if spec["notebook"] in NOTEBOOKS.values():  # the reports save their figures and tables beside the page
        assert any(f.startswith("figures/") and f.endswith(".png") for f in result.files)
        assert any(f.startswith("tables/") and f.endswith(".xlsx") for f in result.files)


@pytest.mark.parametrize(
    "notebook, parameters, message",
    [
        (
            "indicator_comparison.ipynb",
            {"indicator_id": "mfg_index"},
            "ParameterError: unknown indicator_id 'mfg_index'; valid values (indicators with targets): ",
        ),
        (
            "indicator_comparison.ipynb",
            {"jurisdictions": "jian,lhasa"},
            "ParameterError: unknown jurisdictions 'lhasa'; valid values: all, or a comma-separated list of: "
            "china, anhui, chongqing, ",
        ),
        (
            "jurisdiction_profile.ipynb",
            {"jurisdiction_id": "liaoning"},  # in the table, but no plan of it is in the data
            "ParameterError: unknown jurisdiction_id 'liaoning'; valid values (jurisdictions with a plan): "
            "china, anhui, chongqing, ",
        ),
        ("overview.ipynb", {"lang": "fr"}, "ParameterError: unknown lang 'fr'; valid values: zh, en"),
        (
            "province_report.ipynb",
            {"province_id": "wuhan"},  # a city
            "ParameterError: unknown province 'wuhan'; valid values (provinces with a plan of their own or of a"
            " city): ",
        ),
        (
            "province_report.ipynb",
            {"max_charts": -1},
            "ParameterError: max_charts must be a whole number, 0 or more, not -1",
        ),
        (
            "progress_report.ipynb",
            {"on_track_ratio": 0.5},  # below the default acceleration threshold, 0.6
            "ParameterError: progress thresholds must satisfy on_track_ratio >= acceleration_ratio > 0,"
            " not 0.5 and 0.6",
        ),
        (
            "explorer.ipynb",
            {"province": "hubei", "jurisdictions": "jian"},
            "ParameterError: give either a province ('hubei') or jurisdictions (jian), not both",
        ),
        ("explorer.ipynb", {"tiers": "all"}, "ParameterError: unknown tiers 'all'; valid values: both, quoted, cited"),
        (
            "extraction_review.ipynb",
            {"reject": "3, x"},
            "ParameterError: reject must list candidate numbers separated by commas; not numbers: x",
        ),
        (
            "extraction_review.ipynb",
            {"overrule": "2;5"},
            "ParameterError: overrule must list rejected numbers separated by commas; not numbers: 2;5",
        ),
        (
            "extraction_review.ipynb",
            {"reviewed": "yes"},
            "ParameterError: reviewed must be True or False, got 'yes'",
        ),
    ],
)
def test_bad_parameter_fails_in_the_first_cell_with_the_valid_values(notebook, parameters, message, warm_kernel):
    result = run(notebook, parameters)
    assert not result.ok
    assert result.error.startswith(message), result.error
    cells = [c for c in nbformat.reads(result.files[notebook].decode(), as_version=4).cells if c.cell_type == "code"]
    failing = [i for i, c in enumerate(cells) if any(o.output_type == "error" for o in c.outputs)]
    tags = [c.metadata.get("tags", []) for c in cells]
    assert "parameters" in tags[0] and "injected-parameters" in tags[1]
    assert failing == [2], "the cell right after the parameters raises"
