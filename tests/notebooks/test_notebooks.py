"""The notebooks: thin, parameterised, failing early on bad parameters, and running for every
parameter set in tests/params/ (the smoke tier; nbval over the committed outputs is the
regression tier, collected from notebooks/ by ``pytest --nbval``)."""

from __future__ import annotations

import ast
import configparser
import json
import re
from pathlib import Path

import nbformat
import papermill
import pytest
import yaml

from analysis import paths
from analysis.parameters import Job
from analysis.reports import execute_job, shutdown_kernel

NOTEBOOKS = sorted(paths.NOTEBOOKS_DIR.glob("*.ipynb"))
PARAM_SETS = sorted((Path(__file__).parents[1] / "params").glob("*.yaml"))


def code_cells(path: Path) -> list:
    return [c for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_no_functions_or_classes_in_notebooks(path):
    for cell in code_cells(path):
        tree = ast.parse(cell.source)
        assert not [n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda))], cell.source


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_parameters_are_typed_and_documented(path):
    cells = code_cells(path)
    assert "parameters" in cells[0].metadata.get("tags", []), "the first code cell is the parameters cell"
    for line in cells[0].source.splitlines():
        assert re.fullmatch(r'\w+: (str|int|float|bool) = .+  # \S.*', line), line
    documented = papermill.inspect_notebook(str(path))
    assert all(p["help"] for p in documented.values()), documented
    assert "data_dir" in documented


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_first_cell_after_parameters_validates_them(path):
    """Every parameter the notebook's logic uses goes through a parameters.* check first."""
    cells = code_cells(path)
    names = set(papermill.inspect_notebook(str(path))) - {"data_dir", "figures_dir"}
    checked = {arg.strip() for args in re.findall(r"parameters\.\w+\(([^)]*)\)", cells[1].source) for arg in args.split(",")}
    assert names <= checked, (names, checked)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_committed_notebooks_are_executed(path):
    """nbval skips cells without stored outputs, so a notebook saved empty would always pass."""
    for cell in code_cells(path):
        assert cell.execution_count, cell.source
        assert not [o for o in cell.outputs if o.output_type == "error"], cell.source
        if isinstance(ast.parse(cell.source).body[-1], ast.Expr):  # a cell that displays something
            assert cell.outputs, cell.source


def sanitise(text: str) -> str:
    cfg = configparser.ConfigParser()
    cfg.read(Path(__file__).parent / "sanitize.cfg")
    for section in cfg.sections():
        text = re.sub(cfg[section]["regex"], cfg[section]["replace"], text)
    return text


def test_sanitiser_keeps_the_numbers_nbval_must_compare():
    nb = nbformat.read(paths.NOTEBOOKS_DIR / "indicator_comparison.ipynb", as_version=4)
    text = sanitise(json.dumps([o.get("data", {}).get("text/plain", "") for c in nb.cells if c.cell_type == "code" for o in c.outputs], ensure_ascii=False))
    for number in ("86.5 (2026)", "88 (2025)", "≥89 (2025)", "85 (2020)", "86 (2025)"):
        assert number in text


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
    if spec["notebook"] != "extraction_review.ipynb":
        assert any(f.startswith("figures/") and f.endswith(".svg") for f in result.files)


@pytest.mark.parametrize(
    "notebook, parameters, message",
    [
        ("indicator_comparison.ipynb", {"indicator_id": "mfg_index"}, "ParameterError: unknown indicator_id 'mfg_index'; valid values (indicators with targets): "),
        ("indicator_comparison.ipynb", {"jurisdictions": "jian,wuhan"}, "ParameterError: unknown jurisdictions 'wuhan'; valid values: all, or a comma-separated list of: china, jiangsu, jilin, jian, yichang, jiangmen"),
        ("jurisdiction_profile.ipynb", {"jurisdiction_id": "hubei"}, "ParameterError: unknown jurisdiction_id 'hubei'; valid values (jurisdictions with a plan): china, jiangsu, jilin, jian, yichang, jiangmen"),
        ("overview.ipynb", {"lang": "fr"}, "ParameterError: unknown lang 'fr'; valid values: zh, en"),
        ("extraction_review.ipynb", {"reject": "3, x"}, "ParameterError: reject must list candidate numbers separated by commas; not numbers: x"),
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
