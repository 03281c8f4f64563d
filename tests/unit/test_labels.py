"""Every text a measure writes into a table (its method, note, status, basis) reads in Chinese in
a Chinese report: the measures write English, and a note the catalogue does not know would
show through untranslated."""

from __future__ import annotations

import re

import pandas as pd

from analysis import measures
from analysis.presentation import labels

CJK = re.compile("[\u4e00-\u9fff]")

# The text columns of each measure that the tables show through labels.note.
SHOWN = {
    "gap_to_national": ["gap_note"],
    "headroom": ["headroom_note"],
    "peer_standing": ["basis"],
    "vertical_gap": ["year_adjustment", "vertical_gap_note"],
    "plan_generations": ["status", "presence", "generation_note"],
    "progress_against_record": ["status", "status_note"],
    "implied_annual_change": ["method"],
}


def written(dataset) -> set[str]:
    texts: set[str] = set()
    for measure, columns in SHOWN.items():
        frame = getattr(measures, measure)(dataset)
        for column in columns:
            texts |= {str(v) for v in frame[column] if not pd.isna(v) and str(v)}
    return texts


def test_the_measures_write_notes_at_all(dataset):
    assert len(written(dataset)) >= 15  # otherwise the next test would pass on nothing


def test_every_note_a_measure_writes_has_a_chinese_text(dataset):
    untranslated = sorted(t for t in written(dataset) if not CJK.search(labels.note(t, "zh")))
    assert untranslated == []


def test_an_unknown_note_shows_as_written_rather_than_vanishing():
    assert labels.note("a note nobody catalogued", "zh") == "a note nobody catalogued"
    assert labels.note(pd.NA, "zh") == ""
