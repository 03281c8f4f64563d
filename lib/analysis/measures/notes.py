"""Why a measure gives no value (and how it got the value it gives), as codes with arguments.

Measures write a code (``no_target_year``) or a code with arguments (``method_changed:2020``);
the label catalogue renders each in every language
(:func:`analysis.presentation.labels.note`), so a reworded sentence never leaves a report
half translated, and a script can select rows by code. Several notes of one target join with
``"; "``. Every code a measure may write is declared here, with its arguments.
"""

from __future__ import annotations

SEPARATOR = "; "

# code -> names of its arguments, in order.
CODES: dict[str, tuple[str, ...]] = {
    # comparison with the nation (gap, headroom)
    "no_national_target": (),
    "no_national_path": (),
    "path_one_point": (),
    "relative_not_level": (),
    "no_target_year": (),
    "no_year_on_path": (),
    "kind_not_on_path": ("kind",),
    "national_kind_differs": ("kind", "national_kind"),
    # peers
    "too_few_peers": ("n",),
    "earlier_target": ("year",),
    "not_in_unit": (),
    "ranked_by_headroom": (),
    "ranked_by_value": (),
    "too_few_for_band": ("n", "minimum"),
    # implied annual change
    "compound_from_stated_baseline": (),
    "linear_from_stated_baseline": (),
    "linear_from_published": ("year",),
    "stated_annual_growth": (),
    "stated_each_year": (),
    "addition_per_year": (),
    "addition_period_unknown": (),
    "relative_no_baseline_year": (),
    "level_no_baseline": (),
    "method_changed": ("year",),
    "rank_not_a_change": (),
    "implied_level_from_stock": ("stock", "year", "observation_id"),
    "no_stock_for_addition": ("year",),
    # progress against the record
    "no_record": (),
    "not_a_level_kind": ("kind",),
    "no_base": (),
    "no_value_since_base": ("year",),
    "target_year_no_value": ("year",),
    "value_not_positive": (),
    "base_stated": ("year",),
    "base_published_before_adoption": ("year",),
    # vertical gap and the hierarchy
    "province_relative": (),
    "province_no_year": (),
    "no_path_to_align": (),
    "province_no_target": (),
    "province_excerpt_only": (),
    "province_no_plan": (),
    "province_kind_differs": ("province_kind",),
    "size_across_levels": ("kind",),
    "same_target_year": (),
    "moved_along_path": (),
    # the comparison (one document per plan, drafts out)
    "draft_not_compared": (),
    "set_by_its_plan": ("family",),
    # the hierarchy (city against province, province against nation)
    "upper_not_known": (),
    # coverage
    "excerpt_only": (),
    "no_plan_in_data": (),
    # plan generations
    "presence_every_plan": (),
    "presence_earlier_only": (),
    "presence_later_only": (),
    "presence_some": ("k", "n"),
    "earliest_plan": (),
    "earlier_not_known": (),
    "earlier_not_set": (),
    "plan_excerpt_only": (),
    "full_sets_none": (),
    "dropped_full_sets_none": (),
    "interim_target": (),
    "not_a_level": ("kind",),
    "earlier_not_a_level": ("kind",),
    "horizon_not_known": (),
    "horizon_not_forward": (),
    "no_real_increase": ("achieved", "year"),
    "ordered_by_issue_date": (),
    "undated_at_horizon": (),
    "undated_last": (),
}


def note(code: str, *args: object) -> str:
    """A note: ``code``, or ``code:arg:arg`` with its declared arguments.

    Raises
    ------
    KeyError
        If the code is not declared, or the number of arguments differs from its declaration
        (a programming error, caught by the tests).
    """
    if len(args) != len(CODES[code]):
        raise KeyError(f"note {code!r} takes {len(CODES[code])} argument(s), not {len(args)}")
    return ":".join([code, *(str(a) for a in args)])


def parse(text: str) -> tuple[str, list[str]]:
    """A note's code and its arguments (``"method_changed:2020"`` -> ``("method_changed", ["2020"])``)."""
    code, *args = text.split(":")
    return code, args


def joined(*notes: str) -> str:
    """Several notes of one target, in order, empty ones left out."""
    return SEPARATOR.join(n for n in notes if n)
