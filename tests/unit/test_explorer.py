"""The explorer, driven as a user drives it but from Python: set a control's value and see what
is redrawn. Expected selections and counts are worked out from the CSVs, not by the library."""

from __future__ import annotations

import pytest

from analysis import paths
from analysis.errors import ParameterError
from analysis.presentation import labels, tables
from analysis.presentation.display import InlineFigure
from analysis.workbench import explorer as explorer_module
from analysis.workbench.explorer import Explorer, NotebookOutputs, explore
from analysis.workbench.selection import Selection, select
from analysis.workbench.views import CHARTS, VIEWS, render
from tests.helpers import read_rows

MQCI = "mfg_quality_competitiveness_index"
FARM = "farm_product_monitoring_pass_rate"


class Recorder:
    """Outputs that remember every view put, in order."""

    def __init__(self) -> None:
        self.puts: list[tuple[str, object]] = []

    def put(self, name: str, view: object) -> None:
        self.puts.append((name, view))

    def names(self) -> list[str]:
        return [name for name, _ in self.puts]


def csv_rows(table: str) -> list[dict[str, str]]:
    return read_rows(paths.DATA_DIR / f"{table}.csv")


def local_targets(indicator_id: str, tiers=("quoted", "cited"), jurisdictions=None) -> list[dict[str, str]]:
    """The targets of an indicator set by provinces and cities, from the CSVs."""
    docs = {d["doc_id"]: d for d in csv_rows("documents")}
    level = {j["jurisdiction_id"]: j["level"] for j in csv_rows("jurisdictions")}
    return [
        t
        for t in csv_rows("targets")
        if t["indicator_id"] == indicator_id
        and level[docs[t["doc_id"]]["jurisdiction_id"]] != "nation"
        and docs[t["doc_id"]]["tier"] in tiers
        and (jurisdictions is None or docs[t["doc_id"]]["jurisdiction_id"] in jurisdictions)
    ]


def province_and_cities(province: str) -> tuple[str, ...]:
    """A province and the cities and districts under it that have a plan, in jurisdictions.csv order."""
    parent = {j["jurisdiction_id"]: j["parent_id"] for j in csv_rows("jurisdictions")}
    with_plan = {d["jurisdiction_id"] for d in csv_rows("documents")}

    def under(j: str) -> bool:
        return j == province or (bool(parent[j]) and under(parent[j]))

    return tuple(
        j["jurisdiction_id"]
        for j in csv_rows("jurisdictions")
        if j["jurisdiction_id"] in with_plan and under(j["jurisdiction_id"])
    )


def selections(outputs: Recorder) -> list:
    """The selections the views put out were drawn for (the cheap renderer draws the selection)."""
    return [view for name, view in outputs.puts if name == "summary"]


@pytest.fixture
def controls(dataset):
    """An explorer on the real data whose views are just the selection they show (cheap to draw):
    for the controls' logic. What the views hold is tested with the real renderer below."""
    outputs = Recorder()
    explorer = Explorer(dataset, Selection(MQCI), outputs, render=lambda _, selection: dict.fromkeys(VIEWS, selection))
    return explorer.show(), outputs


def test_the_controls_then_every_view_are_shown_once(controls):
    explorer, outputs = controls
    assert outputs.names() == ["controls", *VIEWS]
    assert outputs.puts[0][1] is explorer


def test_changing_the_indicator_redraws_every_view_once_with_it(controls):
    explorer, outputs = controls
    outputs.puts.clear()
    explorer.controls.indicator.value = FARM
    assert outputs.names() == list(VIEWS)
    assert {view for _, view in outputs.puts} == {Selection(FARM)}


def test_a_province_selects_itself_and_its_cities_in_one_redraw(controls):
    explorer, outputs = controls
    outputs.puts.clear()
    explorer.controls.province.value = "jiangxi"
    assert selections(outputs) == [Selection(MQCI, jurisdictions=province_and_cities("jiangxi"), province="jiangxi")], (
        "choosing a province redraws once, not once per control it sets"
    )
    explorer.controls.province.value = ""
    assert explorer.selection == Selection(MQCI)


def test_choosing_jurisdictions_by_hand_leaves_the_province(controls):
    explorer, outputs = controls
    explorer.controls.province.value = "jiangxi"
    outputs.puts.clear()
    explorer.controls.jurisdictions.value = ("jian", "jiangsu")
    assert selections(outputs) == [Selection(MQCI, jurisdictions=("jian", "jiangsu"))]


def test_tiers_and_language_reach_the_selection(controls):
    explorer, _ = controls
    explorer.controls.tiers.value = "cited"
    assert explorer.selection.tiers == ("cited",)
    explorer.controls.tiers.value = "both"
    assert explorer.selection.tiers == ("quoted", "cited")
    explorer.controls.lang.value = "en"
    assert explorer.selection.lang == "en"


def test_the_language_relabels_the_controls_and_keeps_the_choices(controls):
    explorer, _ = controls
    explorer.controls.province.value = "zhejiang"
    explorer.controls.tiers.value = "quoted"
    explorer.controls.lang.value = "en"
    c = explorer.controls
    assert (c.indicator.description, c.province.description, c.jurisdictions.description, c.tiers.description) == (
        "Indicator",
        "Province + cities",
        "Jurisdictions",
        "Plans",
    )
    assert explorer.selection == Selection(
        MQCI, province_and_cities("zhejiang"), ("quoted",), "en", province="zhejiang"
    )
    assert dict(c.province.options)["Zhejiang"] == "zhejiang"
    assert dict(c.tiers.options) == {"quoted": "quoted", "cited": "cited", "both": "both"}
    assert "No jurisdiction selected means all" in c.hint.value


def test_the_controls_can_be_found_by_a_browser_and_show_a_stable_text_elsewhere(controls):
    explorer, _ = controls
    for name in ("indicator", "province", "jurisdictions", "tiers", "lang"):
        assert f"explorer-{name}" in getattr(explorer.controls, name)._dom_classes
    bundle = explorer._repr_mimebundle_()
    assert bundle["application/vnd.jupyter.widget-view+json"]["model_id"] == explorer.box.model_id
    assert bundle["text/plain"] == "<探索器控件:指标、省及其城市、地区、规划、语言(在 JupyterLab 中可操作)>"


# --- what the views hold (the real renderer) -----------------------------------------------------


def test_explore_shows_the_default_comparison(dataset):
    outputs = Recorder()
    explorer = explore(dataset, indicator_id=MQCI, outputs=outputs)
    assert outputs.names() == ["controls", *VIEWS]
    targets = local_targets(MQCI)
    jurisdiction_of = {d["doc_id"]: d["jurisdiction_id"] for d in csv_rows("documents")}
    setters = {jurisdiction_of[t["doc_id"]] for t in targets}
    assert explorer.shown["summary"].data == (
        f"**制造业质量竞争力指数**:{len(setters)}个地区的{len(targets)}个目标(原文引用、转引)"
    )
    for name in CHARTS:
        assert isinstance(explorer.shown[name], InlineFigure) and explorer.shown[name].png.startswith(b"\x89PNG")
    assert explorer.shown["spread"].alt.startswith("制造业质量竞争力指数:")
    assert len(explorer.shown["measures"].frame) == len(targets)


def test_a_new_indicator_is_drawn_and_tabled(dataset):
    views = render(dataset, Selection(FARM, lang="en"))
    name_en = next(i["name_en"] for i in csv_rows("indicators") if i["indicator_id"] == FARM)
    assert views["spread"].alt.startswith(name_en + ":")
    assert views["ranking"].alt.startswith(name_en + ":")
    shown = set(views["targets"].frame[labels.column("quote", "en")])
    farm = [t for t in csv_rows("targets") if t["indicator_id"] == FARM]
    # a quoted target shows its quote; a cited one the passage of its copy that holds the number
    assert shown and shown <= {t["quote"] or t["evidence"] for t in farm}
    assert "" not in shown


def test_a_province_and_its_cities_are_ranked_among_themselves(dataset):
    chosen = select(dataset, Selection(MQCI, jurisdictions=province_and_cities("jiangxi")))
    measures = tables.indicator_measures(chosen, MQCI, "en")
    setters = local_targets(MQCI, jurisdictions=province_and_cities("jiangxi"))
    assert len(measures) == len(setters)
    assert {rank.split("/")[1] for rank in measures["Rank"]} == {str(len(setters))}


def test_tiers_keep_only_those_plans_and_the_nation(dataset):
    chosen = select(dataset, Selection(MQCI, tiers=("quoted",)))
    quoted = {d["doc_id"] for d in csv_rows("documents") if d["tier"] == "quoted"}
    national = {d["source_url"] for d in csv_rows("documents") if d["jurisdiction_id"] == "china"} - {""}
    docs = {
        where if where.startswith("http") else where.split(":")[0]
        for where in tables.targets_table(chosen, "en", indicators=[MQCI])[labels.column("source", "en")]
    }
    assert docs <= quoted | national and "national-2023" in docs  # the nation's plans stay, whatever their tier
    assert len(tables.indicator_measures(chosen, MQCI, "en")) == len(local_targets(MQCI, tiers=("quoted",)))


def test_a_selection_without_targets_says_so_instead_of_drawing(dataset):
    views = render(dataset, Selection(MQCI, jurisdictions=("jian",), tiers=("cited",)))  # Ji'an's plan is quoted
    for name in CHARTS:
        assert views[name].data == "所选地区和规划中没有这一指标的目标:请换选地区或规划。"
    assert views["measures"].frame.empty
    assert views["summary"].data == "**制造业质量竞争力指数**:0个地区的0个目标(转引)"


def test_a_chart_that_cannot_be_drawn_is_named_and_the_others_still_draw(dataset, monkeypatch):
    def broken(dataset, indicator_id, lang):
        raise TypeError("boolean value of NA is ambiguous")

    monkeypatch.setattr("analysis.presentation.charts.vertical_gaps", broken)
    views = render(dataset, Selection(FARM))
    assert views["vertical"].data == "此选择下无法绘制“市、省、全国对照”图:TypeError: boolean value of NA is ambiguous"
    assert isinstance(views["spread"], InlineFigure) and isinstance(views["ranking"], InlineFigure)


def test_the_nation_stays_as_the_yardstick_whatever_is_selected(dataset):
    chosen = select(dataset, Selection(MQCI, jurisdictions=("jian",), tiers=("cited",)))
    assert set(chosen.targets_long["level"]) == {"nation"}
    assert set(chosen.targets["target_id"]) == set(chosen.targets_long["target_id"])


def test_notebook_outputs_display_once_then_update_in_place(monkeypatch):
    calls = []

    class Handle:
        def update(self, view):
            calls.append(("update", view))

    def display(view, display_id):
        calls.append(("display", view, display_id))
        return Handle()

    monkeypatch.setattr("IPython.display.display", display)
    outputs = NotebookOutputs()
    outputs.put("spread", "first")
    outputs.put("spread", "second")
    assert calls == [("display", "first", True), ("update", "second")]


@pytest.mark.parametrize(
    "arguments, message",
    [
        (
            dict(province="jiangxi", jurisdictions=["jian"]),
            "give either a province ('jiangxi') or jurisdictions (jian), not both",
        ),
        (dict(tiers=("printed",)), "unknown tiers ('printed',); valid values: both, quoted, cited"),
        (dict(indicator_id="mqci"), "unknown indicator_id 'mqci'"),
    ],
    ids=["province and jurisdictions", "unknown tier", "unknown indicator"],
)
def test_explore_refuses_what_it_cannot_show(dataset, arguments, message):
    outputs = Recorder()
    with pytest.raises(ParameterError) as e:
        explore(dataset, **{"indicator_id": MQCI, "outputs": outputs, **arguments})
    assert str(e.value).startswith(message)
    assert outputs.puts == []


def test_indicators_most_widely_set_come_first_labelled_with_how_many_set_them(dataset):
    jurisdiction_of = {d["doc_id"]: d["jurisdiction_id"] for d in csv_rows("documents")}
    setters: dict[str, set[str]] = {}
    for t in csv_rows("targets"):
        setters.setdefault(t["indicator_id"], set()).add(jurisdiction_of[t["doc_id"]])
    catalogue = csv_rows("indicators")
    most = max(len(s) for s in setters.values())
    first = next(i for i in catalogue if len(setters.get(i["indicator_id"], ())) == most)
    options = explorer_module.indicator_options(dataset, "en")
    assert options[0] == (f"{first['name_en']} ({most})", first["indicator_id"])
    assert {i for _, i in options} == set(setters)
