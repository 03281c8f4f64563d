"""Every note a measure writes reads in both languages: measures write codes with arguments
(:mod:`analysis.measures.notes`), and the label catalogue renders each, so no sentence can show
through untranslated when a measure's wording changes."""

from __future__ import annotations

import re
import string

import pandas as pd
import pytest

from analysis import measures
from analysis.measures import notes
from analysis.presentation import labels

CJK = re.compile("[\u4e00-\u9fff]")

# The code columns of each measure that tables and charts show through labels.note.
SHOWN = {
    "gap_to_national": ["gap_note"],
    "headroom": ["headroom_note"],
    "peer_standing": ["basis", "peer_note"],
    "vertical_gap": ["year_adjustment", "vertical_gap_note"],
    "plan_generations": ["status", "presence", "generation_note", "order_basis"],
    "plan_order": ["order_basis"],
    "progress_against_record": ["status", "status_note"],
    "implied_annual_change": ["method", "note", "implied_level_note"],
    "coverage": ["why"],
}


def written(dataset) -> set[str]:
    texts: set[str] = set()
    for measure, columns in SHOWN.items():
        frame = getattr(measures, measure)(dataset)
        for column in columns:
            texts |= {str(v) for v in frame[column] if not pd.isna(v) and str(v)}
    return {part for text in texts for part in text.split(notes.SEPARATOR)}


def test_the_measures_write_notes_at_all(dataset):
    assert len(written(dataset)) >= 25  # otherwise the tests below would pass on nothing


def test_every_code_a_measure_writes_is_declared_with_its_arguments(dataset):
    statuses = set(measures.PROGRESS_STATUSES) | set(measures.COVERAGE_STATES)
    for text in written(dataset) - statuses:
        code, args = notes.parse(text)
        assert code in notes.CODES, text
        assert len(args) == len(notes.CODES[code]), text


@pytest.mark.parametrize("code", sorted(notes.CODES))
def test_every_declared_code_has_both_languages_with_its_placeholders(code):
    fields = {name for lang in labels.LANGS for _, name, _, _ in string.Formatter().parse(labels.NOTES[code][lang])}
    assert fields - {None} == {str(k) for k in range(len(notes.CODES[code]))}
    assert CJK.search(labels.NOTES[code]["zh"]) and not CJK.search(labels.NOTES[code]["en"])


def test_every_note_reads_in_chinese_in_a_chinese_report_and_in_english_in_an_english_one(dataset):
    for text in written(dataset):
        assert CJK.search(labels.note(text, "zh")), text
        assert not CJK.search(labels.note(text, "en")), text


def test_a_kind_in_a_note_is_named_in_the_reports_language():
    assert labels.note("kind_not_on_path:addition", "zh").startswith("期内新增")
    assert labels.note("national_kind_differs:rate:index/rate", "en") == (
        "the national target is of another kind (index/rate), not compared with a rate"
    )


def test_notes_join_and_a_missing_note_is_empty():
    both = notes.joined(notes.note("no_target_year"), "", notes.note("method_changed", 2020))
    assert both == "no_target_year; method_changed:2020"
    assert labels.note(both, "en") == "no target year; not computable: the method changed in 2020"
    assert labels.note(pd.NA, "zh") == ""


def test_an_undeclared_code_or_argument_count_is_refused():
    with pytest.raises(KeyError):
        notes.note("a note nobody catalogued")
    with pytest.raises(KeyError):
        notes.note("method_changed")  # its year is missing
    with pytest.raises(KeyError):
        labels.note("a sentence a measure once wrote", "zh")
