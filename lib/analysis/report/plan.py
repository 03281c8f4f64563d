"""The report set: which notebook runs with which parameters and data scope, in which language,
into which folder."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path

from .. import measures
from ..citation import read_citation
from ..data import Dataset
from ..data.scope import Scope
from ..presentation import labels
from .citing import data_date, page_citation
from .html import Page

NOTEBOOKS = {
    "findings": "findings.ipynb",
    "overview": "overview.ipynb",
    "progress": "progress_report.ipynb",
    "indicator": "indicator_comparison.ipynb",
    "province": "province_report.ipynb",
    "jurisdiction": "jurisdiction_profile.ipynb",
}
SINGLE = ("findings", "overview", "progress")  # kinds with one report per language
HTML_LANG = {"zh": "zh-CN", "en": "en"}


@dataclass(frozen=True)
class Job:
    """One report: a notebook run with one parameter set in one language, written to
    ``reports/<lang>/<kind>/<key>/`` (the overview and the progress report to
    ``reports/<lang>/<kind>/``)."""

    kind: str  # a key of NOTEBOOKS
    key: str
    notebook: str
    parameters: dict = field(hash=False)
    lang: str = "zh"
    title: str = ""
    cite: str = ""  # how to cite the page (computed with the batch, so a remote worker needs no CITATION.cff)

    @property
    def folder(self) -> str:
        return f"{self.lang}/{self.kind}" if self.kind in SINGLE else f"{self.lang}/{self.kind}/{self.key}"

    @property
    def page(self) -> str:
        """The HTML page's file name in the report's folder."""
        return Path(self.notebook).with_suffix(".html").name


def page_of(job: Job) -> Page:
    """Where a report's page sits: relative links up to the shared assets and the index."""
    up = "../" * len(Path(job.folder).parts)
    title = job.title or job.key
    return Page(
        title,
        HTML_LANG.get(job.lang, job.lang),
        up + "assets",
        up + "index.html",
        labels.text("back_to_index", job.lang),
        job.cite,
    )


def _title(dataset: Dataset, kind: str, key: str, lang: str) -> str:
    if kind in SINGLE:
        return labels.text(f"index_{kind}_title", lang)
    if kind == "province":
        return labels.text(
            "index_province_report_title", lang, province=labels.display_name(dataset, "jurisdiction", key, lang)
        )
    return labels.display_name(dataset, kind, key, lang)


def report_jobs(dataset: Dataset, langs: tuple[str, ...] = ("zh",), data_dir: str = "") -> list[Job]:
    """The batch, in each language: the findings, the overview, the progress report, every indicator set by
    two or more jurisdictions, every province with plans of its own or of its cities, every
    jurisdiction with a plan; each job handed the data scope it reads (the indicators it
    shows, with the indicators their published record is derived from)."""
    for lang in langs:
        labels.check_lang(lang)
    indicators_of = dataset.targets_long.groupby("jurisdiction_id")["indicator_id"].agg(lambda s: frozenset(s))

    def scope(jurisdictions: list[str]) -> Scope:
        shown = frozenset().union(*(indicators_of.get(j, frozenset()) for j in jurisdictions))
        return Scope(measures.record_indicators(dataset, shown))

    planned: list[tuple[str, str, dict, Scope]] = [("findings", "findings", {}, Scope())]  # first in the index
    planned.append(("overview", "overview", {}, Scope()))
    planned.append(("progress", "progress", {}, Scope()))
    planned += [
        (
            "indicator",
            i,
            {"indicator_id": i, "jurisdictions": "all"},
            Scope(measures.record_indicators(dataset, frozenset({i}))),
        )
        for i in measures.shared_indicators(dataset)
    ]
    planned += [
        ("province", p, {"province_id": p}, scope(members)) for p, members in measures.province_members(dataset).items()
    ]
    planned += [("jurisdiction", j, {"jurisdiction_id": j}, scope([j])) for j in measures.plan_jurisdictions(dataset)]
    citation, date = read_citation(), data_date(dataset)
    jobs = []
    for lang in langs:
        for kind, key, own, reads in planned:
            job = Job(
                kind,
                key,
                NOTEBOOKS[kind],
                {**own, "lang": lang, "data_dir": data_dir, "data_scope": reads.text()},
                lang,
                _title(dataset, kind, key, lang),
            )
            cite = page_citation(citation, job.title, f"{job.folder}/{job.page}", date, lang)
            jobs.append(dataclasses.replace(job, cite=cite))
    return jobs
