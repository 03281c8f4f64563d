"""The index page: every report with its headline numbers, its figures, its status and a link."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .. import files
from ..data import Dataset
from ..presentation import labels
from ..presentation.charts.elements import MAX_LABELS
from . import webfonts
from .plan import Job


@dataclass
class Outcome:
    """One report after a run: its job, whether it is good, and whether it was served from cache."""

    job: Job
    ok: bool
    error: str
    seconds: float
    cached: bool
    files: list[str]
    chars: str


def headline(dataset: Dataset, job: Job, lang: str) -> str:
    """The numbers the index lists beside a report."""
    t = dataset.targets_long
    if job.kind == "overview":
        return labels.text(
            "index_overview_headline",
            lang,
            plans=len(dataset.documents),
            targets=len(t),
            indicators=t["indicator_id"].nunique(),
        )
    if job.kind == "indicator":
        rows = t[(t["indicator_id"] == job.key) & ~t["is_relative"]].sort_values(["level", "target_year"])
        parts = [labels.jurisdiction_target(dataset, r, lang) for r in rows.itertuples()]
        return (
            " · ".join(parts) if len(parts) <= MAX_LABELS else " · ".join(parts[:MAX_LABELS]) + f" · … ({len(parts)})"
        )
    mine = t[t["jurisdiction_id"] == job.key]
    return labels.text(
        "index_jurisdiction_headline",
        lang,
        targets=len(mine),
        indicators=mine["indicator_id"].nunique(),
        categories=mine["category"].nunique(),
        first=mine["target_year"].min(),
        last=mine["target_year"].max(),
    )


def title(dataset: Dataset, job: Job, lang: str) -> str:
    """The report's name in the index: the indicator's or jurisdiction's name, or "overview"."""
    if job.kind == "overview":
        return labels.text("index_overview_title", lang)
    return labels.display_name(dataset, job.kind, job.key, lang)


def write_index(reports_dir: Path, dataset: Dataset, outcomes: list[Outcome], lang: str) -> Path:
    """Write ``reports/index.html``: every report, its headline numbers, status and link."""
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    env = Environment(loader=FileSystemLoader(Path(__file__).parent / "templates"), autoescape=select_autoescape())
    rows = []
    for o in outcomes:
        html_name = Path(o.job.notebook).with_suffix(".html").name
        rows.append(
            dict(
                kind=o.job.kind,
                title=title(dataset, o.job, lang),
                headline=headline(dataset, o.job, lang),
                href=f"{o.job.folder}/{html_name}" if html_name in o.files else "",
                notebook=f"{o.job.folder}/{o.job.notebook}",
                figures=sorted(p for p in o.files if p.startswith("figures/") and p.endswith(".png")),
                folder=o.job.folder,
                ok=o.ok,
                error=o.error,
                seconds=f"{o.seconds:.1f}",
                cached=o.cached,
            )
        )
    page = env.get_template("index.html.j2").render(
        rows=rows,
        lang=lang,
        text=lambda key, **values: labels.text(key, lang, **values),
        failed=sum(not o.ok for o in outcomes),
        total=len(outcomes),
        cached=sum(o.cached for o in outcomes),
    )
    page = webfonts.add_link(page, "assets/fonts.css")
    path = reports_dir / "index.html"
    files.write_text(path, page)
    return path
