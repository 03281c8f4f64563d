"""environment.yml, generated: conda users get the direct dependencies at the versions in
requirements.lock (what pip users get), from conda-forge where it carries them.

Run ``python -m tests.environment_file > environment.yml`` (``make lock`` does); a test checks
the committed file is what this produces.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PIP_ONLY = {"opencc", "cn2an", "noto-cjk-sans-otc"}  # not on conda-forge
CONDA_NAME = {"jupyter-client": "jupyter_client"}

HEADER = """\
# Generated from pyproject.toml and requirements.lock by `make lock`; do not edit by hand.
# Conda users: `conda env create -f environment.yml && conda activate quality-targets` gives
# the direct dependencies at the versions pip users get; the ones conda-forge does not carry
# come from PyPI in the pip section.
name: quality-targets
channels:
  - conda-forge
dependencies:
"""


def normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def direct_dependencies() -> list[str]:
    """Names of the direct dependencies (runtime and test), in pyproject.toml's order."""
    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    specs = project["dependencies"] + [s for extra in project["optional-dependencies"].values() for s in extra]
    return [normalise(re.match(r"[A-Za-z0-9_.-]+", s).group()) for s in specs]  # type: ignore[union-attr]


def locked_versions() -> dict[str, str]:
    """Every package pinned in requirements.lock, by normalised name."""
    pins = re.findall(r"^([A-Za-z0-9_.-]+)==(\S+)", (REPO / "requirements.lock").read_text(), flags=re.M)
    return {normalise(name): version for name, version in pins}


def python_version() -> str:
    """The Python the lock was resolved for (its header's --python-version)."""
    return re.search(r"--python-version (\d+\.\d+)", (REPO / "requirements.lock").read_text()).group(1)  # type: ignore[union-attr]


def render() -> str:
    pins = locked_versions()
    conda = [d for d in direct_dependencies() if d not in PIP_ONLY]
    pip = [d for d in direct_dependencies() if d in PIP_ONLY]
    lines = [f"  - python={python_version()}", "  - pip"]
    lines += [f"  - {CONDA_NAME.get(d, d)}={pins[d]}" for d in conda]
    lines += ["  - pip:"] + [f"      - {d}=={pins[d]}" for d in pip] + ["      - -e ."]
    return HEADER + "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(render(), end="")
