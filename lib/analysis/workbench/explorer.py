"""The explorer for JupyterLab: controls for the indicator, the jurisdictions (or a province with
its cities), the tiers of plans and the language, above the comparison's charts and tables,
which redraw whenever a control changes.

The views are ordinary notebook outputs, each displayed with a display id and replaced in place
on a change (:class:`NotebookOutputs`). Without a widget frontend (papermill, nbval, an HTML
export) a notebook therefore shows the default views as plain static output; in JupyterLab the
same outputs redraw.

Each control carries the CSS class ``explorer-<name>`` (``explorer-indicator``,
``explorer-province``, ``explorer-jurisdictions``, ``explorer-tiers``, ``explorer-lang``), so a
browser test finds it whatever the language of its description.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Protocol

import ipywidgets as widgets

from .. import measures
from ..data import Dataset
from ..data.tiers import ALL_TIERS
from ..data.vocabularies import TIERS
from ..errors import ParameterError
from ..measures.selection import NATION
from ..presentation import labels, parameters
from . import views
from .selection import Selection
from .views import VIEWS

Options = list[tuple[str, str]]
Renderer = Callable[[Dataset, Selection], dict[str, object]]


class Outputs(Protocol):
    """Where the explorer puts its views: ``put`` shows a view, or replaces the one of that name."""

    def put(self, name: str, view: object) -> None: ...


class NotebookOutputs:
    """Views as the cell's outputs: the first ``put`` of a name displays the view with a display
    id, later ones update that output in place (JupyterLab routes the update to the cell)."""

    def __init__(self) -> None:
        self._handles: dict[str, Any] = {}

    def put(self, name: str, view: object) -> None:
        from IPython.display import display

        if name in self._handles:
            self._handles[name].update(view)
        else:
            self._handles[name] = display(view, display_id=True)


def indicator_options(dataset: Dataset, lang: str) -> Options:
    """(label, id) of every indicator with a target: the most widely set first, each labelled
    with its name and the number of jurisdictions setting it."""
    setters = dataset.targets_long.groupby("indicator_id")["jurisdiction_id"].nunique()
    shared = measures.shared_indicators(dataset)
    rest = [i for i in dataset.indicators["indicator_id"] if i in setters.index and i not in shared]
    names = dataset.names("indicator", lang)
    return [(f"{names[i]} ({setters[i]})", i) for i in shared + rest]


def province_options(dataset: Dataset, provinces: list[str], lang: str) -> Options:
    names = dataset.names("jurisdiction", lang)
    return [(labels.text("explorer_no_province", lang), "")] + [(names[p], p) for p in provinces]


def jurisdiction_options(dataset: Dataset, lang: str) -> Options:
    """Every jurisdiction with a plan but the nation (always drawn, as the yardstick)."""
    names = dataset.names("jurisdiction", lang)
    level = dict(zip(dataset.jurisdictions["jurisdiction_id"], dataset.jurisdictions["level"], strict=True))
    return [(names[j], j) for j in measures.plan_jurisdictions(dataset) if level[j] != NATION]


def tier_options(lang: str) -> Options:
    named = {t.code: str(getattr(t, lang)) for t in TIERS}
    return [(named.get(key, labels.text("explorer_both_tiers", lang)), key) for key in parameters.TIER_CHOICES]


def language_options() -> Options:
    return [(labels.LANGUAGE_NAMES[lang], lang) for lang in labels.LANGS]


@dataclass(frozen=True)
class Controls:
    """The explorer's widgets."""

    indicator: widgets.Dropdown
    province: widgets.Dropdown
    jurisdictions: widgets.SelectMultiple
    tiers: widgets.ToggleButtons
    lang: widgets.ToggleButtons
    hint: widgets.HTML

    @classmethod
    def new(cls) -> Controls:
        wide = widgets.Layout(width="38em")
        style = {"description_width": "9em"}
        buttons = {"description_width": "6em", "button_width": "6.5em"}
        controls = cls(
            indicator=widgets.Dropdown(layout=wide, style=style),
            province=widgets.Dropdown(layout=wide, style=style),
            jurisdictions=widgets.SelectMultiple(rows=8, layout=wide, style=style),
            tiers=widgets.ToggleButtons(style=buttons),
            lang=widgets.ToggleButtons(options=language_options(), style=buttons),
            hint=widgets.HTML(),
        )
        for name in ("indicator", "province", "jurisdictions", "tiers", "lang"):
            getattr(controls, name).add_class(f"explorer-{name}")
        return controls

    def box(self) -> widgets.VBox:
        return widgets.VBox(
            [
                widgets.HBox([self.indicator, self.lang]),
                widgets.HBox([self.province, self.tiers]),
                self.jurisdictions,
                self.hint,
            ]
        )


class Explorer:
    """Controls over one dataset, and the views of what they select (see the module docstring).

    ``redraw`` renders every view of the current selection (with ``render``, by default
    :func:`~analysis.workbench.views.render`) and hands each to ``outputs``; ``shown`` holds
    the views last rendered, by name, so a test can read what a change drew.
    """

    def __init__(
        self, dataset: Dataset, selection: Selection, outputs: Outputs | None = None, render: Renderer = views.render
    ):
        self.dataset = dataset
        self.outputs: Outputs = outputs if outputs is not None else NotebookOutputs()
        self.render = render
        self.provinces = measures.province_members(dataset)
        self.controls = Controls.new()
        self.box = self.controls.box()
        self.shown: dict[str, object] = {}
        self._syncing = False
        c = self.controls
        with self._sync():
            self._relabel(selection.lang)
            c.indicator.value = selection.indicator_id
            c.province.value = selection.province
            c.jurisdictions.value = selection.jurisdictions
            c.tiers.value = next(k for k, v in parameters.TIER_CHOICES.items() if v == selection.tiers)
        self._observe(c.indicator, lambda: None)
        self._observe(c.province, self._province_chosen)
        self._observe(c.jurisdictions, self._jurisdictions_chosen)
        self._observe(c.tiers, lambda: None)
        self._observe(c.lang, lambda: self._relabel(c.lang.value))

    @property
    def selection(self) -> Selection:
        """The selection the controls show now."""
        c = self.controls
        return Selection(
            indicator_id=c.indicator.value,
            jurisdictions=tuple(c.jurisdictions.value),
            tiers=parameters.TIER_CHOICES[c.tiers.value],
            lang=c.lang.value,
            province=c.province.value,
        )

    def show(self) -> Explorer:
        """Put the controls and every view of the current selection into the outputs."""
        self.outputs.put("controls", self)
        self.redraw()
        return self

    def redraw(self) -> None:
        """Render every view of the current selection and replace the shown ones."""
        self.shown = self.render(self.dataset, self.selection)
        for name in VIEWS:
            self.outputs.put(name, self.shown[name])

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, Any]:
        """The controls, with a stable text for frontends that draw no widgets (and for nbval)."""
        bundle = self.box._repr_mimebundle_()
        bundle["text/plain"] = labels.text("explorer_controls", self.controls.lang.value)
        return bundle

    @contextmanager
    def _sync(self) -> Iterator[None]:
        """Set controls from code without each change redrawing."""
        self._syncing, before = True, self._syncing
        try:
            yield
        finally:
            self._syncing = before

    def _observe(self, widget: widgets.Widget, adjust: Callable[[], None]) -> None:
        """On a change made by the user: adjust the other controls, then redraw once."""

        def changed(_: dict) -> None:
            if self._syncing:
                return
            with self._sync():
                adjust()
            self.redraw()

        widget.observe(changed, names="value")

    def _province_chosen(self) -> None:
        province = self.controls.province.value
        self.controls.jurisdictions.value = tuple(self.provinces[province]) if province else ()

    def _jurisdictions_chosen(self) -> None:
        province = self.controls.province.value
        if province and tuple(self.controls.jurisdictions.value) != tuple(self.provinces[province]):
            self.controls.province.value = ""

    def _relabel(self, lang: str) -> None:
        """Descriptions and choices in ``lang``; the values chosen stay."""
        c = self.controls
        for widget, key, options in (
            (c.indicator, "explorer_indicator", indicator_options(self.dataset, lang)),
            (c.province, "explorer_province", province_options(self.dataset, list(self.provinces), lang)),
            (c.jurisdictions, "explorer_jurisdictions", jurisdiction_options(self.dataset, lang)),
            (c.tiers, "explorer_tiers", tier_options(lang)),
            (c.lang, "explorer_lang", language_options()),
        ):
            value = widget.value
            widget.description = labels.text(key, lang)
            widget.options = options
            widget.value = value
        c.lang.value = lang
        c.hint.value = f"<small>{labels.text('explorer_hint', lang)}</small>"


def explore(
    dataset: Dataset,
    *,
    indicator_id: str,
    jurisdictions: list[str] | None = None,
    province: str = "",
    tiers: tuple[str, ...] = ALL_TIERS,
    lang: str = "zh",
    outputs: Outputs | None = None,
) -> Explorer:
    """Show the explorer in a notebook: its controls, then the views of the given selection.

    The arguments are the notebook's parameters once checked (``presentation.parameters``):
    ``jurisdictions`` None means all of them; a ``province`` selects it with its cities
    instead. Without a widget frontend the views stay as they are first drawn.

    Raises
    ------
    ParameterError
        If a value is not among the explorer's choices.
    """
    parameters.check_indicator(dataset, indicator_id)
    labels.check_lang(lang)
    unknown_tiers = [t for t in tiers if t not in ALL_TIERS]
    if unknown_tiers or not tiers:
        raise ParameterError(f"unknown tiers {tiers!r}; valid values: {', '.join(parameters.TIER_CHOICES)}")
    chosen = parameters.check_province(dataset, province, jurisdictions) or jurisdictions
    if chosen is not None:
        parameters.check_jurisdictions(dataset, chosen)
    choices = {j for _, j in jurisdiction_options(dataset, lang)}  # the nation is drawn anyway
    selection = Selection(
        indicator_id=indicator_id,
        jurisdictions=tuple(j for j in chosen or () if j in choices),
        tiers=tuple(t for t in ALL_TIERS if t in tiers),
        lang=lang,
        province=province,
    )
    return Explorer(dataset, selection, outputs).show()
