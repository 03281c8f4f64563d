"""The README's figures of the data are the ones the data gives: computed by ``python -m analysis
figures``, never typed (a typed count goes stale with the next plan added)."""

from __future__ import annotations

from analysis import paths
from analysis.cli import main
from analysis.figures import END, START, readme_block


def test_the_readme_holds_the_figures_the_data_gives(dataset):
    readme = (paths.REPO_ROOT / "README.md").read_text(encoding="utf-8")
    held = readme[readme.index(START) : readme.index(END) + len(END)]
    assert held == readme_block(dataset), "run `python -m analysis figures` and paste its block into the README"


def test_the_figures_command_prints_the_block(capsys, dataset):
    assert main(["figures"]) == 0
    assert capsys.readouterr().out.strip() == readme_block(dataset)


def test_the_issues_thresholds_of_the_national_picture(dataset):
    """At least 56 jurisdictions with targets, 27 setting the headline index, 25 cities or
    districts sharing an indicator with their own province."""
    from analysis.figures import sharing_with_province

    t = dataset.targets_long
    assert t["jurisdiction_id"].nunique() >= 56
    assert t.loc[t["indicator_id"] == "mfg_quality_competitiveness_index", "jurisdiction_id"].nunique() >= 27
    assert sharing_with_province(dataset) >= 25
