"""The notebooks' sources: thin (no functions), parameterised with typed and documented
parameters, each checked first, and committed executed so that nbval has outputs to compare."""

from __future__ import annotations

import ast
import configparser
import json
import re
from pathlib import Path

import nbformat
import papermill
import pytest

from analysis import paths
from analysis.presentation import prose
from analysis.report.plan import NOTEBOOKS as NOTEBOOKS_OF_REPORTS

NOTEBOOKS = sorted(paths.NOTEBOOKS_DIR.glob("*.ipynb"))
SANITISER = Path(__file__).parents[1] / "notebooks" / "sanitize.cfg"


def code_cells(path: Path) -> list:
    return [c for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_no_functions_or_classes_in_notebooks(path):
    for cell in code_cells(path):
        tree = ast.parse(cell.source)
        assert not [
            n
            for n in ast.walk(tree)
            if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda))
        ], cell.source


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_parameters_are_typed_and_documented(path):
    cells = code_cells(path)
    assert "parameters" in cells[0].metadata.get("tags", []), "the first code cell is the parameters cell"
    for line in cells[0].source.splitlines():
        assert re.fullmatch(r"\w+: (str|int|float|bool) = .+  # \S.*", line), line
    documented = papermill.inspect_notebook(str(path))
    assert all(p["help"] for p in documented.values()), documented
    assert "data_dir" in documented


# The check each parameter goes through before the notebook uses it.
CHECKS = {
    "lang": "check_lang",
    "indicator_id": "check_indicator",
    "jurisdictions": "check_jurisdictions",
    "jurisdiction_id": "check_jurisdiction",
    "doc_id": "check_doc_id",
    "reject": "check_reject",
    "overrule": "check_overrule",
    "reviewed": "check_reviewed",
    "province": "check_province",
    "province_id": "check_province_id",
    "max_charts": "check_count",
    "on_track_ratio": "check_thresholds",
    "acceleration_ratio": "check_thresholds",
    "tiers": "check_tiers",
    "plans": "check_plans",
    "source_path": "resolve_path",
    "output_path": "resolve_output",
    "data_scope": "load",  # analysis.load(..., scope=data_scope) refuses an unknown indicator
}
UNCHECKED = {"data_dir", "output_dir"}  # a folder to read or write: the library reports a bad one


def checks_called(source: str) -> set[tuple[str, str]]:
    """(check, parameter name) for every ``parameters.<check>(..., name, ...)`` or ``analysis.load`` call."""
    calls = set()
    for node in ast.walk(ast.parse(source)):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        owner = node.func.value.id if isinstance(node.func.value, ast.Name) else ""
        if owner == "parameters" or (owner, node.func.attr) == ("analysis", "load"):
            calls |= {
                (node.func.attr, arg.id) for arg in ast.walk(node) if isinstance(arg, ast.Name) and arg.id != owner
            }
    return calls


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_first_cell_after_parameters_checks_each_with_its_own_check(path):
    """Every parameter goes through the check written for it, in the cell right after the parameters."""
    names = set(papermill.inspect_notebook(str(path))) - UNCHECKED
    assert names <= set(CHECKS), f"no check is known for {names - set(CHECKS)}"
    called = checks_called(code_cells(path)[1].source)
    assert {(CHECKS[n], n) for n in names} <= called, called


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
    cfg.read(SANITISER)
    for section in cfg.sections():
        text = re.sub(cfg[section]["regex"], cfg[section]["replace"], text)
    return text


def test_sanitiser_keeps_the_numbers_nbval_must_compare():
    nb = nbformat.read(paths.NOTEBOOKS_DIR / "indicator_comparison.ipynb", as_version=4)
    text = sanitise(
        json.dumps(
            [o.get("data", {}).get("text/plain", "") for c in nb.cells if c.cell_type == "code" for o in c.outputs],
            ensure_ascii=False,
        )
    )
    for number in ("86.5 (2026)", "88 (2025)", "≥89 (2025)", "85 (2020)", "86 (2025)"):
        assert number in text


@pytest.mark.parametrize("name", sorted(NOTEBOOKS_OF_REPORTS.values()))
def test_report_prose_comes_from_the_prose_catalogue_in_both_languages(name):
    """Each markdown cell of a report notebook names its text in the catalogue, which holds it in
    both languages; the notebook shows the English (so a report's page can be in one language)."""

    cells = [c for c in nbformat.read(paths.NOTEBOOKS_DIR / name, as_version=4).cells if c.cell_type == "markdown"]
    assert cells
    for cell in cells:
        key = cell.metadata.get("prose")
        assert key in prose.PROSE, (name, cell.source[:40])
        assert cell.source == prose.PROSE[key]["en"], "run `make notebooks` (the catalogue is where prose is edited)"
        assert re.search("[\u4e00-\u9fff]", prose.PROSE[key]["zh"]), key  # written in Chinese
