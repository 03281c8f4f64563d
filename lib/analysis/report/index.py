"""The index pages: every report with its headline numbers, a thumbnail, its status and a link,
searchable and filterable offline (level, province, indicator category, tier, language), and a
page per province listing the province's reports and its cities'.

Pages hold nothing of a particular run (no timings, no counts of what was rebuilt), so an
unchanged batch rewrites them byte for byte; the run's details are in ``manifest.json``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .. import files, measures
from ..data import Dataset
from ..data.families import plan_count
from ..presentation import labels
from ..presentation.charts.elements import MAX_LABELS
from .html import TEMPLATES
from .plan import HTML_LANG, Job


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


# The figure a report is best known by, for its thumbnail in the index.
THUMBNAILS = ("headline", "spread", "profile")


def _thumbnail(folder: str, files: list[str]) -> str:
    pngs = sorted(p for p in files if p.startswith("figures/") and p.endswith(".png"))
    preferred = [p for name in THUMBNAILS for p in pngs if p == f"figures/{name}.png"]
    chosen = (preferred or pngs)[:1]
    return f"{folder}/{chosen[0]}" if chosen else ""


@dataclass
class Entry:
    """One report as the index lists it, with the facets the filters read."""

    lang: str
    kind: str
    title: str
    headline: str
    href: str
    thumbnail: str
    ok: bool
    error: str
    level: str  # a jurisdiction's level; "indicator" or "overview" otherwise
    province: str  # the province a jurisdiction report belongs to (itself for a province)
    category: str  # an indicator report's category
    tiers: str  # the tiers of provenance of the targets shown: "quoted", "cited" or both


def headline(dataset: Dataset, job: Job) -> str:
    """The numbers the index lists beside a report."""
    t, lang = dataset.targets_long, job.lang
    if job.kind == "findings":
        return labels.text("index_findings_headline", lang, answers=len(measures.findings(dataset)))
    if job.kind == "overview":
        return labels.text(
            "index_overview_headline",
            lang,
            plans=plan_count(dataset.documents),
            targets=len(t),
            indicators=t["indicator_id"].nunique(),
        )
    if job.kind == "progress":
        status = measures.progress_against_record(dataset)["status"].dropna()
        counts = " · ".join(f"{labels.note(s, lang)} {n}" for s, n in status.value_counts(sort=False).items() if n)
        return labels.text("index_progress_headline", lang, targets=len(status), counts=counts)
    if job.kind == "province":
        members = measures.province_members(dataset)[job.key]
        compared = measures.province_indicators(dataset, job.key)
        return labels.text("index_province_headline", lang, plans=len(members), indicators=len(compared))
    if job.kind == "indicator":
        rows = t[(t["indicator_id"] == job.key) & ~t["is_relative"]].sort_values(["level", "target_year"])
        parts = [labels.jurisdiction_target(dataset, r, lang) for r in rows.itertuples()]
        return (
            " · ".join(parts) if len(parts) <= MAX_LABELS else " · ".join(parts[:MAX_LABELS]) + f" · … ({len(parts)})"
        )
    mine = t[t["jurisdiction_id"] == job.key]
    years = mine["target_year"].dropna()
    return labels.text(
        "index_jurisdiction_headline",
        lang,
        targets=len(mine),
        indicators=mine["indicator_id"].nunique(),
        categories=mine["category"].nunique(),
        first=years.min() if len(years) else "?",
        last=years.max() if len(years) else "?",
    )


def _facets(dataset: Dataset, job: Job) -> dict[str, str]:
    t = dataset.targets_long
    jurisdictions = dataset.jurisdictions.set_index("jurisdiction_id")
    if job.kind == "indicator":
        category = str(dataset.indicators.set_index("indicator_id").loc[job.key, "category"])
        tiers = t.loc[t["indicator_id"] == job.key, "tier"]
        return {"level": "indicator", "province": "", "category": category, "tiers": " ".join(sorted(set(tiers)))}
    if job.kind == "province":
        members = measures.province_members(dataset)[job.key]
        tiers = dataset.documents.loc[dataset.documents["jurisdiction_id"].isin(members), "tier"]
        return {"level": "province", "province": job.key, "category": "", "tiers": " ".join(sorted(set(tiers)))}
    if job.kind == "jurisdiction":
        level = str(jurisdictions.loc[job.key, "level"])
        province = job.key if level == "province" else province_of(dataset, job.key)
        tiers = dataset.documents.loc[dataset.documents["jurisdiction_id"] == job.key, "tier"]
        return {"level": level, "province": province, "category": "", "tiers": " ".join(sorted(set(tiers)))}
    return {"level": "overview", "province": "", "category": "", "tiers": "cited quoted"}


def province_of(dataset: Dataset, jurisdiction_id: str) -> str:
    """The province a city or district sits in (walking up parents); "" for the nation."""
    parent = dataset.jurisdictions.set_index("jurisdiction_id")["parent_id"]
    level = dataset.jurisdictions.set_index("jurisdiction_id")["level"]
    current = jurisdiction_id
    while level.get(current) not in ("province", "nation", None):
        current = parent.get(current)
    return current if level.get(current) == "province" else ""


def entries(dataset: Dataset, outcomes: list[Outcome]) -> list[Entry]:
    """Every report as the index lists it, in the order of the batch."""
    out = []
    for o in outcomes:
        out.append(
            Entry(
                lang=o.job.lang,
                kind=o.job.kind,
                title=o.job.title,
                headline=headline(dataset, o.job),
                href=f"{o.job.folder}/{o.job.page}" if o.job.page in o.files else "",
                thumbnail=_thumbnail(o.job.folder, o.files),
                ok=o.ok,
                error=o.error,
                **_facets(dataset, o.job),
            )
        )
    return out


def _page_name(lang: str, first: str) -> str:
    return "index.html" if lang == first else f"index-{lang}.html"


def _options(dataset: Dataset, listed: list[Entry], lang: str) -> dict[str, list[tuple[str, str]]]:
    """The values each filter offers, with their labels in the page's language."""
    from ..data.vocabularies import CATEGORIES, LEVELS, TIERS

    provinces = sorted({e.province for e in listed if e.province})
    return {
        "lang": [(code, labels.text(f"lang_{code}", lang)) for code in sorted({e.lang for e in listed})],
        "level": [
            ("overview", labels.text("index_group_overview", lang)),
            ("indicator", labels.text("index_group_indicator", lang)),
        ]
        + [(t.code, labels.term(LEVELS, t.code, lang)) for t in LEVELS if any(e.level == t.code for e in listed)],
        "province": [(p, labels.display_name(dataset, "jurisdiction", p, lang)) for p in provinces],
        "category": [
            (t.code, labels.term(CATEGORIES, t.code, lang))
            for t in CATEGORIES
            if any(e.category == t.code for e in listed)
        ],
        "tier": [(t.code, labels.term(TIERS, t.code, lang)) for t in TIERS],
    }


def write_index(
    reports_dir: Path, dataset: Dataset, outcomes: list[Outcome], langs: tuple[str, ...], dataset_zip: str = ""
) -> list[Path]:
    """Write the index in each language and a page per province; return the paths written.
    ``dataset_zip`` is the dataset download's path relative to the reports folder, if any."""
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(), keep_trailing_newline=True)
    listed = entries(dataset, outcomes)
    written = []
    for lang in langs:
        page = env.get_template("index.html.j2").render(
            lang=lang,
            html_lang=HTML_LANG[lang],
            text=lambda key, _lang=lang, **values: labels.text(key, _lang, **values),
            rows=listed,
            options=_options(dataset, listed, lang),
            root="",
            home="",
            dataset_zip=dataset_zip,
            alternates=[(other, _page_name(other, langs[0])) for other in langs if other != lang],
            province=None,
            failed=sum(not o.ok for o in outcomes),
            total=len(outcomes),
        )
        path = reports_dir / _page_name(lang, langs[0])
        files.write_text(path, page)
        written.append(path)
        for province, _ in _options(dataset, listed, lang)["province"]:
            mine = [e for e in listed if e.province == province]
            page = env.get_template("index.html.j2").render(
                lang=lang,
                html_lang=HTML_LANG[lang],
                text=lambda key, _lang=lang, **values: labels.text(key, _lang, **values),
                rows=mine,
                options=_options(dataset, mine, lang),
                root="../",
                home="../" + _page_name(lang, langs[0]),
                dataset_zip="",
                alternates=[
                    (other, f"{province}{'' if other == langs[0] else '-' + other}.html")
                    for other in langs
                    if other != lang
                ],
                province=labels.display_name(dataset, "jurisdiction", province, lang),
                failed=sum(not e.ok for e in mine),
                total=len(mine),
            )
            path = reports_dir / "provinces" / f"{province}{'' if lang == langs[0] else '-' + lang}.html"
            files.write_text(path, page)
            written.append(path)
    return written
