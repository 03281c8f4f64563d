"""The report set: which notebook runs with which parameters, into which folder."""

from __future__ import annotations

from dataclasses import dataclass, field

from .. import measures
from ..data import Dataset
from ..data.scope import Scope
from ..presentation.labels import check_lang


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


NOTEBOOKS = {
    "overview": "overview.ipynb",
    "indicator": "indicator_comparison.ipynb",
    "jurisdiction": "jurisdiction_profile.ipynb",
}


def report_jobs(dataset: Dataset, lang: str = "zh", data_dir: str = "") -> list[Job]:
    """The batch: the overview, every indicator set by two or more jurisdictions, every
    jurisdiction with a plan; each job handed the data scope it reads (``data_scope``)."""
    check_lang(lang)
    common = {"lang": lang, "data_dir": data_dir}
    indicators_of = dataset.targets_long.groupby("jurisdiction_id")["indicator_id"].agg(lambda s: frozenset(s))
    jobs = [Job("overview", "overview", NOTEBOOKS["overview"], {**common, "data_scope": Scope().text()})]
    jobs += [
        Job(
            "indicator",
            i,
            NOTEBOOKS["indicator"],
            {"indicator_id": i, "jurisdictions": "all", **common, "data_scope": Scope(frozenset({i})).text()},
        )
        for i in measures.shared_indicators(dataset)
    ]
    jobs += [
        Job(
            "jurisdiction",
            j,
            NOTEBOOKS["jurisdiction"],
            {"jurisdiction_id": j, **common, "data_scope": Scope(indicators_of.get(j, frozenset())).text()},
        )
        for j in measures.plan_jurisdictions(dataset)
    ]
    return jobs
