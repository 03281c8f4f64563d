"""Scoring the extractor against curated targets: precision, recall and F1 per plan, with every
miss and false alarm, so a change to the rules is measured, not guessed."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..data import Dataset
from .extraction import Candidate, catalogue_aliases, extract
from .textio import read_plan


@dataclass
class Score:
    doc_id: str
    curated: int
    candidates: int
    matched: int
    misses: list = field(default_factory=list)
    false_alarms: list = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched / self.candidates if self.candidates else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.curated if self.curated else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def match(candidates: list[Candidate], curated) -> tuple[list, list, int]:
    """Pair candidates with curated targets: same value and target year, overlapping quotes.

    Each side is used at most once; returns (unmatched curated rows, unmatched candidates,
    number of matches).
    """
    used: set[int] = set()
    misses, matched = [], 0
    for t in curated.itertuples():
        t_span = (int(t.char_offset), int(t.char_offset) + len(t.quote))
        best, best_overlap = None, 0
        for k, c in enumerate(candidates):
            if k in used or abs(c.value - float(t.value)) > 1e-9 or c.target_year != int(t.target_year):
                continue
            overlap = min(t_span[1], c.char_offset + len(c.quote)) - max(t_span[0], c.char_offset)
            if overlap > best_overlap:
                best, best_overlap = k, overlap
        if best is None:
            misses.append(t)
        else:
            used.add(best)
            matched += 1
    return misses, [c for k, c in enumerate(candidates) if k not in used], matched


def evaluate(dataset: Dataset) -> list[Score]:
    """Score the extractor on every quoted plan (the plans whose text is held)."""
    aliases = catalogue_aliases(dataset.indicators)
    scores = []
    for doc in dataset.documents[dataset.documents["tier"] == "quoted"].itertuples():
        curated = dataset.targets[dataset.targets["doc_id"] == doc.doc_id]
        text = read_plan(dataset.data_dir / doc.source_file)
        candidates = extract(text, aliases)
        misses, false_alarms, matched = match(candidates, curated)
        scores.append(Score(doc.doc_id, len(curated), len(candidates), matched, misses, false_alarms))
    return scores


def total(scores: list[Score]) -> Score:
    return Score(
        "overall", sum(s.curated for s in scores), sum(s.candidates for s in scores), sum(s.matched for s in scores)
    )
