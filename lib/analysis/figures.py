"""The README's current figures of the data and its measures, computed (``python -m analysis
figures`` prints them; a test checks the README holds exactly this), never typed."""

from __future__ import annotations

from .data import Dataset, keep_plans
from .data.families import plan_count
from .measures import ambition_bands, hierarchy, shared_indicators
from .measures.findings import years_ahead
from .measures.selection import HEADLINE_INDICATOR

START, END = "<!-- figures:start -->", "<!-- figures:end -->"


def _counts(series, order: list[str]) -> str:
    counts = series.value_counts()
    return ", ".join(f"{int(counts[k])} {k}" for k in order if counts.get(k, 0))


def sharing_with_province(dataset: Dataset) -> int:
    """How many cities and districts set an indicator their own province sets (of any kind)."""
    t = dataset.targets_long
    province_of = dataset.jurisdictions.set_index("jurisdiction_id")["parent_id"]
    level = dataset.jurisdictions.set_index("jurisdiction_id")["level"]
    sets = t[t["level"] == "province"].groupby("jurisdiction_id")["indicator_id"].agg(set)
    sharing = set()
    for r in t[t["level"].isin(["city", "district"])].itertuples():
        province = r.parent_id
        while province in level.index and level[province] not in ("province", "nation"):
            province = province_of[province]  # a district under a city
        if r.indicator_id in sets.get(province, set()):
            sharing.add(r.jurisdiction_id)
    return len(sharing)


def figures(dataset: Dataset) -> list[str]:
    """The figures as Markdown table rows (what, figure, the command that reproduces it)."""
    docs, t, obs = dataset.documents, dataset.targets_long, dataset.observations
    j = dataset.jurisdictions.set_index("jurisdiction_id")
    with_plan = j.loc[sorted(set(docs["jurisdiction_id"]))]
    levels = _counts(with_plan["level"], ["nation", "province", "city", "district"])
    tiers = docs["tier"].value_counts()
    cited_excerpts = int(((docs["tier"] == "cited") & (docs["coverage"] == "excerpt")).sum())
    standings = _counts(docs["standing"], ["plan", "implementation", "annual", "reading", "draft"])
    kinds = _counts(t["kind"], ["level", "addition", "annual", "rate", "index", "rank", "relative"])
    shared = shared_indicators(dataset)
    headline = t.loc[t["indicator_id"] == HEADLINE_INDICATOR, "jurisdiction_id"].nunique()
    complements = set(dataset.indicators["indicator_id"][dataset.indicators["complement_of"].notna()])
    derived_pass = int(obs["indicator_id"].isin(complements).sum())
    compared = keep_plans(dataset)
    pairs = hierarchy(compared)
    cities = pairs[pairs["upper_level"] == "province"]
    bands = ambition_bands(compared)["band"].value_counts()
    ahead = years_ahead(compared)
    local_with_province = cities["lower_jurisdiction_id"].nunique()
    sharing = sharing_with_province(dataset)
    rows = [
        (
            "plans",
            f"{plan_count(docs)} plans in {len(docs)} documents of {len(with_plan)} jurisdictions ({levels}):"
            f" {tiers.get('quoted', 0)} quoted, {tiers.get('cited', 0)} cited ({cited_excerpts} of them excerpts);"
            f" what each document is: {standings}",
            "`python -m analysis figures`",
        ),
        (
            "targets",
            f"{len(t)} of {t['jurisdiction_id'].nunique()} jurisdictions, {int((t['tier'] == 'quoted').sum())} quoted"
            f" (each at its offset) and {int((t['tier'] == 'cited').sum())} cited (each with its evidence passage);"
            f" by kind: {kinds}; target years {t['target_year'].min()}-{t['target_year'].max()}",
            "`python -m analysis figures`",
        ),
        (
            "indicators",
            f"{len(dataset.indicators)} in the catalogue, {t['indicator_id'].nunique()} with targets, {len(shared)}"
            f" set by two or more jurisdictions; the manufacturing quality competitiveness index by {headline}",
            "`python -m analysis figures`",
        ),
        (
            "published figures",
            f"{len(obs)} values of {obs['indicator_id'].nunique()} indicators, {obs['year'].min()}-{obs['year'].max()}"
            f" ({int((obs['basis'] == 'derived').sum())} derived, each with its arithmetic; {derived_pass} failure"
            f" rates from which pass rates are derived; {int((obs['year_basis'] == 'inferred').sum())} with an"
            f" inferred year); {len(dataset.vintages)} method vintages of {dataset.vintages['indicator_id'].nunique()}"
            " indicators",
            "`python -m analysis figures`",
        ),
        (
            "the hierarchy",
            f"{sharing} cities or districts set an indicator their own province sets, {local_with_province} a target"
            " of the same kind (the pairs compared):"
            f" {int((cities['relation'] == 'raised').sum())} targets raise the province's,"
            f" {int((cities['relation'] == 'echo').sum())} echo it, {int((cities['relation'] == 'lowered').sum())}"
            f" lower it, {int(cities['relation'].isna().sum())} cannot be aligned",
            "`python -m analysis bundle` (hierarchy.csv)",
        ),
        (
            "ambition bands",
            f"{len(ahead)} rate and index targets on a national path; bands of every banded target:"
            f" {', '.join(f'{int(bands.get(b, 0))} {b}' for b in ('well above', 'above', 'at', 'below'))}",
            "`python -m analysis bundle` (measures.csv)",
        ),
    ]
    lines = ["| what | figure | reproduce with |", "|---|---|---|"]
    return lines + [f"| {what} | {figure} | {command} |" for what, figure, command in rows]


def readme_block(dataset: Dataset) -> str:
    """The block the README holds between its markers."""
    return "\n".join([START, *figures(dataset), END])
