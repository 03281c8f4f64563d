"""Plan generations: a jurisdiction's successive plans side by side, indicator by indicator,
and how far each raised or lowered its sights and moved its horizon."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from ..data import Dataset
from .coverage import COVERAGE_STATES
from .memo import once_per_dataset
from .notes import joined, note
from .selection import LEVEL_KINDS, target_source
from .vintages import target_vintages

TARGET, NO_TARGET, NOT_KNOWN = COVERAGE_STATES
ORDER_BASES = (note("ordered_by_issue_date"), note("undated_at_horizon"), note("undated_last"))
TARGET_FIELDS = (
    "target_id",
    "source",
    "kind",
    "target_year",
    "comparator",
    "value",
    "value_high",
    "unit",
    "value_std",
)
PLAN_FIELDS = ("generation", "doc_id", "issued", "standing", "order_basis", "coverage", "tier")
COMPARED = ("family", "vintage", "higher_is_better", "achieved_value", "achieved_year")
# A one-year plan is not a generation of a multi-year plan: its targets are for its year.
NOT_A_GENERATION = ("annual",)


@once_per_dataset
def plan_order(dataset: Dataset) -> pd.DataFrame:
    """Each jurisdiction's plans in the order they were issued: one per family (its document of
    highest standing); one-year plans and work points are not generations and are left out.

    Dated plans sort by their issue date as written (a date known only to the year or the
    month sorts before the fuller dates within it). A plan is issued no later than the years
    it targets, so an undated plan is placed at the latest it can have been issued: its horizon
    (latest target year), after the dated plans of that year. An undated plan with no target
    year goes last. ``order_basis`` says which rule placed each plan.

    Returns
    -------
    pandas.DataFrame
        One row per plan: ``jurisdiction_id``, ``generation`` (1 = earliest), ``n_plans``,
        ``doc_id``, ``issued``, ``standing``, ``horizon``, ``order_basis`` (a code), ``tier``,
        ``coverage``.
    """
    docs = dataset.documents
    plans = docs[(docs["doc_id"] == docs["family"]) & ~docs["standing"].isin(NOT_A_GENERATION)]
    out = plans[["doc_id", "jurisdiction_id", "issued", "standing", "tier", "coverage"]].copy()
    horizon = dataset.targets_long.groupby("family")["target_year"].max()
    out["horizon"] = out["doc_id"].map(horizon).astype("Int64")
    dated = out["issued"].notna().to_numpy()
    out["order_basis"] = np.where(
        dated, ORDER_BASES[0], np.where(out["horizon"].notna(), ORDER_BASES[1], ORDER_BASES[2])
    )
    sort_year = out["issued"].str.slice(0, 4).astype("Int64").fillna(out["horizon"]).fillna(9999)
    out = out.assign(sort_year=sort_year, undated=~dated, issued_text=out["issued"].fillna(""))
    out = out.sort_values(["jurisdiction_id", "sort_year", "undated", "issued_text", "doc_id"])
    out["generation"] = out.groupby("jurisdiction_id").cumcount() + 1
    out["n_plans"] = out.groupby("jurisdiction_id")["doc_id"].transform("count")
    columns = ["jurisdiction_id", "generation", "n_plans", "doc_id", "issued", "standing", "horizon", "order_basis"]
    return out[columns + ["tier", "coverage"]].reset_index(drop=True)


def _presence(plans: list[str], setting: set[str]) -> str:
    if len(setting) == len(plans):
        return note("presence_every_plan")
    if len(plans) == 2:
        return note("presence_earlier_only" if plans[0] in setting else "presence_later_only")
    return note("presence_some", len(setting), len(plans))


def _is_level(target: dict[str, Any]) -> bool:
    return target["kind"] in LEVEL_KINDS and pd.notna(target["value_std"])


def _real_increase(target: dict[str, Any]) -> str:
    """``no_real_increase`` where a level does not exceed what its jurisdiction had achieved (in
    the last value of the same method vintage published for a year before the plan)."""
    if pd.isna(target["achieved_value"]):
        return ""
    sign = 1.0 if target["higher_is_better"] else -1.0
    if sign * (target["value_std"] - target["achieved_value"]) <= 0:
        return note("no_real_increase", f"{target['achieved_value']:g}", int(target["achieved_year"]))
    return ""


def _change(target: dict[str, Any], previous: dict[str, Any]) -> dict[str, Any]:
    """Raise and horizon move of a plan's horizon target over the previous plan's, or why not."""
    out = {f"previous_{f}": previous[f] for f in TARGET_FIELDS} | {"previous_doc_id": previous["family"]}
    if not _is_level(target):
        return out | {"generation_note": note("not_a_level", target["kind"])}
    if not _is_level(previous) or previous["kind"] != target["kind"]:
        return out | {"generation_note": note("earlier_not_a_level", previous["kind"])}
    sign = 1.0 if target["higher_is_better"] else -1.0
    raised, moved = (
        sign * (target["value_std"] - previous["value_std"]),
        target["target_year"] - previous["target_year"],
    )
    out |= {"raised": raised, "horizon_moved": moved}
    real = _real_increase(target)
    if pd.isna(moved):
        return out | {"generation_note": joined(note("horizon_not_known"), real)}
    if moved <= 0:
        return out | {"generation_note": joined(note("horizon_not_forward"), real)}
    return out | {"raised_per_year": raised / moved, "generation_note": real}


def _first_note(earlier: list[str]) -> str:
    """Why a target has nothing to compare with: the coverages of the plans before it."""
    if not earlier:
        return note("earliest_plan")
    if "excerpt" in earlier:
        return note("earlier_not_known")
    return note("earlier_not_set")


def _silent(plan: dict[str, Any], previous: dict[str, Any] | None) -> dict[str, Any]:
    """A plan that sets no target for the indicator: "no target" if read in full, else not known."""
    if plan["coverage"] != "full":
        return {"status": NOT_KNOWN, "generation_note": note("plan_excerpt_only")}
    return {"status": NO_TARGET, "generation_note": note("dropped_full_sets_none" if previous else "full_sets_none")}


def _indicator_rows(plans: list[dict[str, Any]], targets: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One row per plan (per target where a plan sets several years) for one indicator;
    ``targets`` sorted by target year."""
    presence = _presence([p["doc_id"] for p in plans], {t["family"] for t in targets})
    rows: list[dict[str, Any]] = []
    previous: dict[str, Any] | None = None
    earlier: list[str] = []
    for plan in plans:
        mine = [t for t in targets if t["family"] == plan["doc_id"]]
        base = {f: plan[f] for f in PLAN_FIELDS} | {"presence": presence}
        if not mine:
            rows.append(base | _silent(plan, previous))
        for target in mine[:-1]:
            interim = {"interim": True, "generation_note": note("interim_target")}
            rows.append(base | _target_fields(target) | interim)
        if mine:
            horizon = mine[-1]
            first = {"generation_note": joined(_first_note(earlier), _real_increase(horizon))}
            compared = _change(horizon, previous) if previous else first
            rows.append(base | _target_fields(horizon) | compared)
            previous = horizon
        earlier.append(plan["coverage"])
    return rows


def _target_fields(target: dict[str, Any]) -> dict[str, Any]:
    achieved = {f: target[f] for f in ("achieved_value", "achieved_year")}
    return {"status": TARGET} | {f: target[f] for f in TARGET_FIELDS} | achieved


def _with_achieved(dataset: Dataset, t: pd.DataFrame) -> pd.DataFrame:
    """Each target with its vintage and what its jurisdiction had achieved before its plan: the
    last published value of the same indicator and vintage for a year before the plan's issue."""
    from .series import published_series

    vintage = target_vintages(dataset).set_index("target_id")["vintage"]
    t = t.assign(vintage=t["target_id"].map(vintage))
    series = published_series(dataset).dropna(subset=["jurisdiction_id"]).sort_values("year")
    points: dict[tuple, list[tuple[int, float]]] = {}
    for p in series.itertuples():
        key = (p.jurisdiction_id, p.indicator_id, None if pd.isna(p.vintage) else p.vintage)
        points.setdefault(key, []).append((int(p.year), float(p.value)))
    values, years = [], []
    for r in t.itertuples():
        key = (r.jurisdiction_id, r.indicator_id, None if pd.isna(r.vintage) else r.vintage)
        before = [p for p in points.get(key, []) if pd.notna(r.issue_year) and p[0] < r.issue_year]
        values.append(before[-1][1] if before else float("nan"))
        years.append(before[-1][0] if before else pd.NA)
    return t.assign(achieved_value=pd.array(values, dtype="Float64"), achieved_year=pd.array(years, dtype="Int64"))


COLUMNS = [
    "jurisdiction_id",
    "indicator_id",
    "indicator_unit",
    "higher_is_better",
    "presence",
    "generation",
    "n_plans",
    "doc_id",
    "issued",
    "standing",
    "order_basis",
    "coverage",
    "tier",
    "status",
    *TARGET_FIELDS,
    "interim",
    "previous_doc_id",
    *(f"previous_{f}" for f in TARGET_FIELDS),
    "raised",
    "horizon_moved",
    "raised_per_year",
    "achieved_value",
    "achieved_year",
    "generation_note",
]


@once_per_dataset
def plan_generations(dataset: Dataset) -> pd.DataFrame:
    """Successive plans of one jurisdiction compared, indicator by indicator (a plan is a family of
    documents, :func:`plan_order`; its targets are those of every document of the family).

    For every jurisdiction with two or more plans (ordered by :func:`plan_order`) and every
    indicator one of them sets, one row per plan: its target (value, year, comparator; one row
    per target where a plan sets several years, the earlier ones ``interim``) or its silence
    (``status`` "no target" for a plan read in full, "not known" for an excerpt, whose
    silence says nothing, never "dropped"). A plan's horizon target (its latest year for the
    indicator) is compared with the horizon target of the latest earlier plan that sets the
    indicator (``previous_*``)::

        raised          = d * (value_std - previous_value_std)   in the indicator's unit
        horizon_moved   = target_year - previous_target_year     in years
        raised_per_year = raised / horizon_moved                 where the horizon moved forward

    where ``d`` is +1 for higher-is-better indicators and -1 otherwise: positive means the
    later plan asks more. Both comparators stay visible (a ``>=`` floor raised to an ``=``
    value is not the same commitment). ``presence`` says across how many plans the indicator
    is set ("set only in the later plan" ...).

    Does not apply (``raised`` missing, ``generation_note`` gives the code): a target that is not
    a level (a relative target, an addition, a yearly quota or a rank), a pair of different
    kinds, one with nothing earlier to compare with (the earliest plan; not set in earlier plans
    read in full; not known in an earlier excerpt), interim targets. ``raised_per_year`` also
    needs both years and a horizon that moved forward.

    ``no_real_increase:ACHIEVED:YEAR`` is added to the note of a horizon target that does not
    exceed what its jurisdiction had already achieved (``achieved_value`` in ``achieved_year``,
    the last value of the same method vintage published for a year before the plan's issue):
    a later plan may raise its predecessor's number and still ask for nothing new.

    Returns
    -------
    pandas.DataFrame
        Columns as described, with each plan's ``tier``, ``coverage`` and ``order_basis`` and
        each target's ``source``; sorted by jurisdiction, indicator (in catalogue order),
        generation and target year.
    """
    order = plan_order(dataset)
    order = order[order["n_plans"] >= 2]
    t = dataset.targets_long
    t = t[t["jurisdiction_id"].isin(order["jurisdiction_id"]) & t["family"].isin(order["doc_id"])]
    t = _with_achieved(dataset, t.assign(source=target_source))
    t = t.sort_values(["target_year", "target_id"], na_position="first")
    plans = {j: g.to_dict("records") for j, g in order.groupby("jurisdiction_id")}
    rows = []
    for (jurisdiction, indicator), targets in t.groupby(["jurisdiction_id", "indicator_id"], sort=False):
        records = targets[[*TARGET_FIELDS, *COMPARED]].to_dict("records")
        key = {"jurisdiction_id": jurisdiction, "indicator_id": indicator}
        rows += [key | r for r in _indicator_rows(plans[jurisdiction], records)]
    out = pd.DataFrame(rows).reindex(columns=COLUMNS)
    indicators = dataset.indicators.set_index("indicator_id")
    out["indicator_unit"] = out["indicator_id"].map(indicators["unit"])
    out["higher_is_better"] = out["indicator_id"].map(indicators["higher_is_better"])
    out["n_plans"] = out["jurisdiction_id"].map(order.groupby("jurisdiction_id")["n_plans"].first())
    out["interim"] = out["interim"].fillna(False).astype(bool)
    out["status"] = pd.Categorical(out["status"], categories=list(COVERAGE_STATES))
    catalogue = {i: k for k, i in enumerate(dataset.indicators["indicator_id"])}
    out = out.sort_values(
        ["jurisdiction_id", "indicator_id", "generation", "target_year"],
        key=lambda c: c.map(catalogue) if c.name == "indicator_id" else c,
    )
    return _typed(out.reset_index(drop=True), dataset)


def _typed(out: pd.DataFrame, dataset: Dataset) -> pd.DataFrame:
    """The columns in the dataset's own types (rows built as dicts lose them)."""
    vocabulary = dataset.targets_long
    types: dict[str, Any] = {c: "Int64" for c in ("generation", "target_year", "previous_target_year", "horizon_moved")}
    types |= {c: "Float64" for c in ("raised", "raised_per_year", "achieved_value")}
    types["achieved_year"] = "Int64"
    for field in ("value", "value_high", "value_std"):
        types |= {field: "Float64", f"previous_{field}": "Float64"}
    types |= {c: vocabulary[c].dtype for c in ("tier", "coverage", "comparator", "kind", "standing")}
    types["previous_comparator"] = vocabulary["comparator"].dtype
    types["previous_kind"] = vocabulary["kind"].dtype
    text = [c for c in COLUMNS if c not in types and c not in ("higher_is_better", "n_plans", "interim", "status")]
    return out.astype(types | {c: "string" for c in text})
