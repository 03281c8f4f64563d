"""environment.yml (conda) and pyproject.toml (pip) list the same packages at the same versions."""

from __future__ import annotations

import re
import tomllib

import yaml

from analysis import paths


def normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def pyproject_pins() -> dict[str, str]:
    project = tomllib.loads((paths.REPO_ROOT / "pyproject.toml").read_text())["project"]
    specs = project["dependencies"] + [d for group in project["optional-dependencies"].values() for d in group]
    pins = {}
    for spec in specs:
        name, version = spec.split("==")
        pins[normalise(name)] = version
    return pins


def environment_pins() -> dict[str, str]:
    env = yaml.safe_load((paths.REPO_ROOT / "environment.yml").read_text())
    pins = {}
    for dep in env["dependencies"]:
        if isinstance(dep, dict):
            for spec in dep["pip"]:
                if spec.startswith("-e"):
                    continue
                name, version = spec.split("==")
                pins[normalise(name)] = version
        elif not dep.startswith(("python=", "pip")):
            name, version = dep.split("=")
            pins[normalise(name)] = version
    return pins


def test_every_dependency_is_pinned_exactly():
    project = tomllib.loads((paths.REPO_ROOT / "pyproject.toml").read_text())["project"]
    for spec in project["dependencies"]:
        assert re.fullmatch(r"[A-Za-z0-9_.-]+==[0-9][0-9A-Za-z.]*", spec), spec


def test_environment_yml_matches_pyproject():
    assert environment_pins() == pyproject_pins()


def test_environment_yml_python_matches_requires_python():
    env = yaml.safe_load((paths.REPO_ROOT / "environment.yml").read_text())
    requires = tomllib.loads((paths.REPO_ROOT / "pyproject.toml").read_text())["project"]["requires-python"]
    assert "python=3.11" in env["dependencies"]
    assert ">=3.11" in requires
