"""The notebooks' parameters: valid choices, and checks that name them.

A notebook's first cell after ``parameters`` calls one of the ``check_*`` functions, so a bad
value fails at once with the list of valid values, whether it came from JupyterLab, a
papermill command line or the report batch.
"""

from __future__ import annotations

import re
from pathlib import Path

from .. import measures, paths
from ..data import Dataset
from ..data.families import check_plans
from ..data.fields import ID_PATTERN
from ..data.tiers import ALL_TIERS
from ..errors import ParameterError
from .labels import check_lang


def _choices(values: list[str], limit: int = 200) -> str:
    shown = ", ".join(values[:limit])
    return shown + (f", ... ({len(values)} in all)" if len(values) > limit else "")


def check_indicator(dataset: Dataset, indicator_id: str) -> str:
    """Return ``indicator_id`` if the catalogue has it and some plan sets it."""
    with_targets = sorted(set(dataset.targets_long["indicator_id"]))
    if indicator_id not in with_targets:
        shared = measures.shared_indicators(dataset)
        raise ParameterError(
            f"unknown indicator_id {indicator_id!r}; valid values (indicators with targets): {_choices(with_targets)}."
            f" Set by two or more jurisdictions: {', '.join(shared)}"
        )
    return indicator_id


def check_jurisdiction(dataset: Dataset, jurisdiction_id: str) -> str:
    valid = measures.plan_jurisdictions(dataset)
    if jurisdiction_id not in valid:
        raise ParameterError(
            f"unknown jurisdiction_id {jurisdiction_id!r}; valid values (jurisdictions with a plan): {_choices(valid)}"
        )
    return jurisdiction_id


def check_jurisdictions(dataset: Dataset, jurisdictions: str | list[str]) -> list[str] | None:
    """``"all"`` -> None (no filter); a comma-separated string or a list -> checked ids."""
    if jurisdictions == "all" or jurisdictions == ["all"]:
        return None
    ids = (
        [j.strip() for j in jurisdictions.split(",") if j.strip()]
        if isinstance(jurisdictions, str)
        else list(jurisdictions)
    )
    valid = measures.plan_jurisdictions(dataset)
    unknown = [j for j in ids if j not in valid]
    if unknown or not ids:
        raise ParameterError(
            f"unknown jurisdictions {', '.join(map(repr, unknown)) or '(none given)'};"
            f" valid values: all, or a comma-separated list of: {_choices(valid)}"
        )
    return ids


def check_province(dataset: Dataset, province: str, jurisdictions: list[str] | None = None) -> list[str] | None:
    """``""`` -> None (no province chosen); a province id -> it and its cities with a plan.

    A province and a list of jurisdictions are two ways of choosing whom to compare, so
    giving both (``jurisdictions`` not None) is refused rather than one silently winning.
    """
    if not province:
        return None
    members = check_province_id(dataset, province)
    if jurisdictions is not None:
        raise ParameterError(
            f"give either a province ({province!r}) or jurisdictions ({', '.join(jurisdictions)}), not both"
        )
    return members


def check_province_id(dataset: Dataset, province_id: str) -> list[str]:
    """The province and its cities with a plan (:func:`~analysis.measures.province_members`), for a
    known province."""
    choices = measures.province_members(dataset)
    if province_id not in choices:
        raise ParameterError(
            f"unknown province {province_id!r}; valid values (provinces with a plan of their own or of a city):"
            f" {_choices(sorted(choices))}"
        )
    return choices[province_id]


TIER_CHOICES = {"both": ALL_TIERS, **{t: (t,) for t in ALL_TIERS}}


def check_tiers(tiers: str) -> tuple[str, ...]:
    """The plans' tiers to compare: "quoted", "cited" or "both" -> the tier codes."""
    if tiers not in TIER_CHOICES:
        raise ParameterError(f"unknown tiers {tiers!r}; valid values: {', '.join(TIER_CHOICES)}")
    return TIER_CHOICES[tiers]


def check_thresholds(on_track_ratio: float, acceleration_ratio: float) -> tuple[float, float]:
    """The progress bands' thresholds: numbers with ``on_track_ratio >= acceleration_ratio > 0``."""
    for name, value in (("on_track_ratio", on_track_ratio), ("acceleration_ratio", acceleration_ratio)):
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ParameterError(f"{name} must be a number, not {value!r}")
    measures.progress.check_thresholds(on_track_ratio, acceleration_ratio)
    return float(on_track_ratio), float(acceleration_ratio)


def check_count(name: str, value: int) -> int:
    """A number of things to show: a whole number, 0 or more."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ParameterError(f"{name} must be a whole number, 0 or more, not {value!r}")
    return value


def check_doc_id(doc_id: str) -> str:
    if not re.fullmatch(ID_PATTERN, doc_id):
        raise ParameterError(f"doc_id {doc_id!r} must match {ID_PATTERN}, for example wuhan-2024")
    return doc_id


def check_reject(reject: str) -> set[int]:
    """Candidate numbers to leave out: "" or a comma-separated list such as "3, 7, 12"."""
    return _numbers("reject", "candidate", reject)


def check_overrule(overrule: str) -> set[int]:
    """Rejected numbers to take as candidates after all: "" or a comma-separated list."""
    return _numbers("overrule", "rejected", overrule)


def _numbers(name: str, what: str, value: str) -> set[int]:
    items = [r.strip() for r in value.split(",") if r.strip()]
    bad = [r for r in items if not r.isdigit()]
    if bad:
        raise ParameterError(f"{name} must list {what} numbers separated by commas; not numbers: {', '.join(bad)}")
    return {int(r) for r in items}


def check_reviewed(reviewed: bool) -> bool:
    """Whether a reviewer has read every candidate: True or False, nothing else."""
    if not isinstance(reviewed, bool):
        raise ParameterError(f"reviewed must be True or False, got {reviewed!r}")
    return reviewed


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


__all__ = ["check_lang", "check_plans"]
