"""The notebooks' parameters: valid choices, checks that name them, and the batch's parameter sets.

A notebook's first cell after ``parameters`` calls one of the ``check_*`` functions, so a bad
value fails at once with the list of valid values, whether it came from JupyterLab, a
papermill command line or the report batch.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from . import ambition, paths
from .loading import Dataset
from .plots import LANGS


class ParameterError(ValueError):
    """A notebook parameter has a value outside its valid choices."""


def _choices(values: list[str], limit: int = 200) -> str:
    shown = ", ".join(values[:limit])
    return shown + (f", ... ({len(values)} in all)" if len(values) > limit else "")


def check_lang(lang: str) -> str:
    if lang not in LANGS:
        raise ParameterError(f"unknown lang {lang!r}; valid values: {', '.join(LANGS)}")
    return lang


def check_indicator(dataset: Dataset, indicator_id: str) -> str:
    """Return ``indicator_id`` if the catalogue has it and some plan sets it."""
    with_targets = sorted(set(dataset.targets_long["indicator_id"]))
    if indicator_id not in with_targets:
        shared = ambition.shared_indicators(dataset)
        raise ParameterError(
            f"unknown indicator_id {indicator_id!r}; valid values (indicators with targets): {_choices(with_targets)}."
            f" Set by two or more jurisdictions: {', '.join(shared)}"
        )
    return indicator_id


def plan_jurisdictions(dataset: Dataset) -> list[str]:
    """Jurisdictions with a plan in the corpus, in the order of jurisdictions.csv."""
    with_plan = set(dataset.documents["jurisdiction_id"])
    return [j for j in dataset.jurisdictions["jurisdiction_id"] if j in with_plan]


def check_jurisdiction(dataset: Dataset, jurisdiction_id: str) -> str:
    valid = plan_jurisdictions(dataset)
    if jurisdiction_id not in valid:
        raise ParameterError(f"unknown jurisdiction_id {jurisdiction_id!r}; valid values (jurisdictions with a plan): {_choices(valid)}")
    return jurisdiction_id


def check_jurisdictions(dataset: Dataset, jurisdictions: str | list[str]) -> list[str] | None:
    """``"all"`` -> None (no filter); a comma-separated string or a list -> checked ids."""
    if jurisdictions == "all" or jurisdictions == ["all"]:
        return None
    ids = [j.strip() for j in jurisdictions.split(",") if j.strip()] if isinstance(jurisdictions, str) else list(jurisdictions)
    valid = plan_jurisdictions(dataset)
    unknown = [j for j in ids if j not in valid]
    if unknown or not ids:
        raise ParameterError(f"unknown jurisdictions {', '.join(map(repr, unknown)) or '(none given)'}; valid values: all, or a comma-separated list of: {_choices(valid)}")
    return ids


def check_doc_id(doc_id: str) -> str:
    from .schemas import ID_PATTERN

    if not re.fullmatch(ID_PATTERN, doc_id):
        raise ParameterError(f"doc_id {doc_id!r} must match {ID_PATTERN}, for example wuhan-2024")
    return doc_id


def check_reject(reject: str) -> set[int]:
    """Candidate numbers to leave out: "" or a comma-separated list such as "3, 7, 12"."""
    items = [r.strip() for r in reject.split(",") if r.strip()]
    bad = [r for r in items if not r.isdigit()]
    if bad:
        raise ParameterError(f"reject must list candidate numbers separated by commas; not numbers: {', '.join(bad)}")
    return {int(r) for r in items}


def resolve_path(path: str) -> Path:
    """A path as given, or relative to the repository when it is not absolute."""
    p = Path(path)
    return p if p.is_absolute() else paths.REPO_ROOT / p


def resolve_output(output_path: str, doc_id: str) -> Path:
    return resolve_path(output_path) if output_path else paths.REPORTS_DIR / "candidates" / f"{doc_id}.csv"


def shown_path(path: Path) -> str:
    """A path relative to the repository where it lies inside it (stable output for nbval)."""
    try:
        return str(Path(path).resolve().relative_to(paths.REPO_ROOT))
    except ValueError:
        return str(path)


@dataclass(frozen=True)
class Job:
    """One report: a notebook run with one parameter set, written to ``reports/<folder>/``."""

    kind: str  # "overview", "indicator" or "jurisdiction"
    key: str
    notebook: str
    parameters: dict = field(hash=False)

    @property
    def folder(self) -> str:
        return self.kind if self.kind == "overview" else f"{self.kind}/{self.key}"


NOTEBOOKS = {"overview": "overview.ipynb", "indicator": "indicator_comparison.ipynb", "jurisdiction": "jurisdiction_profile.ipynb"}


def report_jobs(dataset: Dataset, lang: str = "zh", data_dir: str = "") -> list[Job]:
    """The batch: the overview, every indicator set by two or more jurisdictions, every jurisdiction with a plan."""
    check_lang(lang)
    common = {"lang": lang, "data_dir": data_dir}
    jobs = [Job("overview", "overview", NOTEBOOKS["overview"], dict(common))]
    jobs += [Job("indicator", i, NOTEBOOKS["indicator"], {"indicator_id": i, "jurisdictions": "all", **common}) for i in ambition.shared_indicators(dataset)]
    jobs += [Job("jurisdiction", j, NOTEBOOKS["jurisdiction"], {"jurisdiction_id": j, **common}) for j in plan_jurisdictions(dataset)]
    return jobs
