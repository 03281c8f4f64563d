"""The report set: which notebook runs with which parameters and data scope, in which language,
into which folder."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .. import measures
from ..data import Dataset
from ..data.scope import Scope
from ..presentation import labels
from .html import Page

NOTEBOOKS = {
    "overview": "overview.ipynb",
    "indicator": "indicator_comparison.ipynb",
    "jurisdiction": "jurisdiction_profile.ipynb",
}
HTML_LANG = {"zh": "zh-CN", "en": "en"}


@dataclass(frozen=True)
class Job:
    """One report: a notebook run with one parameter set in one language, written to
    ``reports/<lang>/<kind>/<key>/`` (the overview to ``reports/<lang>/overview/``)."""

    kind: str  # "overview", "indicator" or "jurisdiction"
    key: str
    notebook: str
    parameters: dict = field(hash=False)
    lang: str = "zh"
    title: str = ""

    @property
    def folder(self) -> str:
        return f"{self.lang}/{self.kind}" if self.kind == "overview" else f"{self.lang}/{self.kind}/{self.key}"

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
    )


def _title(dataset: Dataset, kind: str, key: str, lang: str) -> str:
    if kind == "overview":
        return labels.text("index_overview_title", lang)
    return labels.display_name(dataset, kind, key, lang)


def report_jobs(dataset: Dataset, langs: tuple[str, ...] = ("zh",), data_dir: str = "") -> list[Job]:
    """The batch, in each language: the overview, every indicator set by two or more
    jurisdictions, every jurisdiction with a plan; each job handed the data scope it reads."""
    for lang in langs:
        labels.check_lang(lang)
    indicators_of = dataset.targets_long.groupby("jurisdiction_id")["indicator_id"].agg(lambda s: frozenset(s))
    planned: list[tuple[str, str, dict, Scope]] = [("overview", "overview", {}, Scope())]
    planned += [
        ("indicator", i, {"indicator_id": i, "jurisdictions": "all"}, Scope(frozenset({i})))
        for i in measures.shared_indicators(dataset)
    ]
    planned += [
        ("jurisdiction", j, {"jurisdiction_id": j}, Scope(indicators_of.get(j, frozenset())))
        for j in measures.plan_jurisdictions(dataset)
    ]
    return [
        Job(
            kind,
            key,
            NOTEBOOKS[kind],
            {**own, "lang": lang, "data_dir": data_dir, "data_scope": scope.text()},
            lang,
            _title(dataset, kind, key, lang),
        )
        for lang in langs
        for kind, key, own, scope in planned
    ]
