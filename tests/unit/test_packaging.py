"""Packaging guard rails: environment.yml is what the lock gives pip users, the lock satisfies
pyproject.toml's ranges for the same Python, every import is a declared dependency, and a
built wheel carries the templates the report batch needs."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
import tomllib
import zipfile
from importlib.metadata import packages_distributions

import pytest
import yaml
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet

from analysis import paths
from tests import environment_file

PYPROJECT = tomllib.loads((paths.REPO_ROOT / "pyproject.toml").read_text())["project"]
REQUIREMENTS = [Requirement(s) for s in PYPROJECT["dependencies"] + PYPROJECT["optional-dependencies"]["test"]]


def test_environment_yml_is_generated_from_the_lock():
    assert (paths.REPO_ROOT / "environment.yml").read_text() == environment_file.render(), "run `make lock`"


def test_the_locked_python_satisfies_requires_python_and_is_the_one_environment_yml_asks_for():
    locked = environment_file.python_version()
    assert SpecifierSet(PYPROJECT["requires-python"]).contains(f"{locked}.0")
    env = yaml.safe_load((paths.REPO_ROOT / "environment.yml").read_text())
    assert f"python={locked}" in env["dependencies"]


def test_every_locked_direct_dependency_satisfies_its_range():
    pins = environment_file.locked_versions()
    for req in REQUIREMENTS:
        name = environment_file.normalise(req.name)
        assert name in pins, f"{req.name} is not in requirements.lock: run `make lock`"
        assert req.specifier.contains(pins[name]), f"{req.name}=={pins[name]} is outside {req.specifier}"


def imported_modules() -> set[str]:
    """Top-level modules the library imports, anywhere in its source."""
    found = set()
    for path in (paths.REPO_ROOT / "lib" / "analysis").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found |= {a.name.split(".")[0] for a in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                found.add(node.module.split(".")[0])
    return found - set(sys.stdlib_module_names) - {"analysis"}


def test_every_library_import_is_a_declared_dependency():
    declared = {environment_file.normalise(r.name) for r in REQUIREMENTS if r.name in PYPROJECT_RUNTIME}
    distributions = packages_distributions()
    undeclared = {}
    for module in sorted(imported_modules()):
        owners = {environment_file.normalise(d) for d in distributions.get(module, [])}
        if not owners & declared:
            undeclared[module] = sorted(owners)
    assert undeclared == {}, "imported by lib/analysis but not in [project].dependencies"


PYPROJECT_RUNTIME = {Requirement(s).name for s in PYPROJECT["dependencies"]}


@pytest.mark.integration
def test_the_wheel_carries_every_template(tmp_path):
    source = tmp_path / "source"  # build from a copy: an in-tree build leaves build/ and egg-info behind
    shutil.copytree(paths.REPO_ROOT / "lib", source / "lib", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(paths.REPO_ROOT / name, source / name)
    command = [
        sys.executable,
        "-m",
        "pip",
        "wheel",
        "--quiet",
        "--no-deps",
        "--no-build-isolation",
        "-w",
        str(tmp_path),
        ".",
    ]
    subprocess.run(command, cwd=source, check=True, capture_output=True)
    (wheel,) = tmp_path.glob("quality_targets-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    templates = paths.REPO_ROOT / "lib" / "analysis" / "report" / "templates"
    expected = {
        f"analysis/{p.relative_to(templates.parents[1]).as_posix()}" for p in templates.rglob("*") if p.is_file()
    }
    assert expected and expected <= names, sorted(expected - names)
