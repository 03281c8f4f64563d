"""Scoring the extractor against labelled targets: precision, recall and F1 per document and per
field, with every miss and false alarm, so a change to the rules is measured, not guessed.

The labels are either the curated targets of ``data/`` or a gold table in CSV (UTF-8, header
on line 1) with one row per target and these columns:

``doc_id``       the document; its text is ``<doc_id>.txt`` (or .html, .htm, .pdf, .docx) in
                 the texts folder
``indicator``    the indicator phrase as the text writes it (制造业质量竞争力指数)
``value``        the number as written (the low end of a range)
``value_high``   the high end of a range; empty otherwise
``unit``         the unit as written (%, 个, 亿元, 个百分点); empty where the text gives none
``comparator``   >=, <=, =, ~ or range (as in targets.csv)
``target_year``  the year the target is for; empty where the text gives none
``quote``        an exact passage of the text that holds the number (it is searched for in
                 the text: every place it occurs counts)

A candidate matches a labelled target when it has the same value (and high value) and one of
its mentions overlaps one of the target's places; each side is used once. The match decides
precision and recall; the fields (year, comparator, unit, indicator) are then scored on the
matched pairs, so a right number with a wrong year shows as a year error. The reliability
table sets each candidate's confidence against whether it was right (a target, every field
right): a candidate at 0.8 or above should be right 95% of the time. Labelled targets
that repeat one another (same indicator, value, unit and year) count once, as the extractor
merges repeated mentions into one candidate.
"""

from __future__ import annotations

import csv
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ..data import Dataset
from ..data.chinese import to_simplified
from ..errors import IntakeError
from .extraction import Candidate, catalogue_aliases, extract
from .formats import FORMAT_OF_SUFFIX, read_original
from .repair import matching_view, simplified
from .textio import read_plan

GOLD_COLUMNS = ("doc_id", "indicator", "value", "value_high", "unit", "comparator", "target_year", "quote")
COMPARATORS = (">=", "<=", "=", "~", "range")
FIELDS = ("value", "year", "comparator", "unit", "indicator")
NO_UNIT = {"", "index", "unstated"}
LEADING = re.compile(r"^(?:全市|全省|全县|全区|全国|力争|争取|其中|同时|确保|实现)+")


@dataclass
class Labelled:
    """One labelled target: its fields, and every place in the text its quote covers."""

    doc_id: str
    indicator: str
    value: float
    value_high: float | None
    unit: str
    comparator: str
    target_year: int | None
    quote: str
    spans: list[tuple[int, int]]
    indicator_id: str = ""
    line: int = 0


@dataclass
class Score:
    """How the extractor did on one document (or overall): matches, and each field on the matches."""

    doc_id: str
    curated: int
    candidates: int
    matched: int
    misses: list = field(default_factory=list)
    false_alarms: list = field(default_factory=list)
    field_correct: dict[str, int] = field(default_factory=dict)
    field_errors: list = field(default_factory=list)
    outcomes: list[tuple[float, bool, bool]] = field(default_factory=list)  # (confidence, a target, all fields right)

    @property
    def precision(self) -> float:
        return self.matched / self.candidates if self.candidates else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.curated if self.curated else 1.0

    @property
    def f1(self) -> float:
        return _f1(self.precision, self.recall)

    def field_scores(self) -> dict[str, tuple[float, float, float]]:
        """(precision, recall, F1) per field, and for all fields right at once ("all")."""
        out = {}
        for name in (*FIELDS, "all"):
            right = self.field_correct.get(name, 0)
            p = right / self.candidates if self.candidates else 1.0
            r = right / self.curated if self.curated else 1.0
            out[name] = (p, r, _f1(p, r))
        return out


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def read_gold(path: Path | str) -> list[dict[str, str]]:
    """The gold table's rows (with their line numbers), checked column by column.

    Raises
    ------
    IntakeError
        With every problem as ``file:line: column: message``.
    """
    path = Path(path)
    if not path.is_file():
        raise IntakeError(f"no such file: {path}")
    with open(path, encoding="utf-8-sig", newline="") as f:
        reader = csv.DictReader(f)
        missing = [c for c in GOLD_COLUMNS if c not in (reader.fieldnames or [])]
        if missing:
            raise IntakeError(
                f"{path.name}:1: header: missing column(s) {', '.join(missing)};"
                f" the columns are: {', '.join(GOLD_COLUMNS)}"
            )
        rows = [{**row, "line": str(n)} for n, row in enumerate(reader, 2)]
    problems = [p for row in rows for p in _row_problems(path.name, row)]
    if problems:
        raise IntakeError(f"{len(problems)} problem(s) in the gold table:\n" + "\n".join(problems))
    return rows


def _row_problems(name: str, row: dict[str, str]) -> list[str]:
    where = f"{name}:{row['line']}"
    problems = [f"{where}: {c}: missing value" for c in ("doc_id", "value", "comparator", "quote") if not row[c]]
    for column in ("value", "value_high"):
        if row[column] and not _is_number(row[column]):
            problems.append(f"{where}: {column}: expected a number, got {row[column]!r}")
    if row["target_year"] and not re.fullmatch(r"\d{4}", row["target_year"]):
        problems.append(f"{where}: target_year: expected a year, got {row['target_year']!r}")
    if row["comparator"] and row["comparator"] not in COMPARATORS:
        problems.append(f"{where}: comparator: must be one of: {', '.join(COMPARATORS)}, got {row['comparator']!r}")
    return problems


def _is_number(text: str) -> bool:
    try:
        return math.isfinite(float(text))
    except ValueError:
        return False


def gold_texts(rows: list[dict[str, str]], texts_dir: Path) -> dict[str, str]:
    """The text of every document the gold table names, read from ``<doc_id>.<ext>`` in ``texts_dir``
    (the body under a header block, if the text has one)."""
    return {doc_id: body for doc_id, (_, body) in gold_documents(rows, texts_dir).items()}


def gold_documents(rows: list[dict[str, str]], texts_dir: Path) -> dict[str, tuple[dict[str, str], str]]:
    """Every document the gold table names: its header block (what is known of it) and its text."""
    texts = {}
    for doc_id in dict.fromkeys(r["doc_id"] for r in rows):
        found = [
            texts_dir / f"{doc_id}{suffix}"
            for suffix in FORMAT_OF_SUFFIX
            if (texts_dir / f"{doc_id}{suffix}").is_file()
        ]
        if not found:
            raise IntakeError(
                f"no text for {doc_id} in {texts_dir} (looked for {doc_id} with {', '.join(FORMAT_OF_SUFFIX)})"
            )
        texts[doc_id] = split_header(read_original(found[0]).text)
    return texts


def gold_metadata(texts_dir: Path | str) -> dict[str, dict[str, str]]:
    """The header block of every labelled document in ``texts_dir`` (for copies made elsewhere)."""
    texts_dir = Path(texts_dir)
    rows = read_gold(texts_dir / "gold.csv")
    return {doc_id: meta for doc_id, (meta, _) in gold_documents(rows, texts_dir).items()}


HEADER_LINE = re.compile(r"([a-z_]+):[ \t]*(.*)")


def split_header(text: str) -> tuple[dict[str, str], str]:
    """A labelled text's header block and its body: ``key: value`` lines, then a line ``---``.

    Labelled excerpts carry what is known about the document (its id, URL, issue date, title)
    above the text as read; quotes and offsets refer to the body. A text without such a block
    is all body.
    """
    lines = text.split("\n")
    meta: dict[str, str] = {}
    for k, line in enumerate(lines):
        if line.strip() == "---" and meta:
            return meta, "\n".join(lines[k + 1 :])
        m = HEADER_LINE.fullmatch(line.strip())
        if m is None:
            break
        meta[m.group(1)] = m.group(2).strip()
    return {}, text


def locate(quote: str, text: str) -> list[tuple[int, int]]:
    """Every place ``quote`` stands in ``text``: exactly, or else in the text's matching view.

    A gold table labels a plan once, on its text; the same plan printed to PDF or saved as a
    web page wraps its lines elsewhere and spaces its numbers. Where the quote is not in the
    copy as it stands, it is searched with the layout left out on both sides (the matching
    view's line wraps, layout spaces and page furniture; simplified characters), and mapped
    back to the copy's own characters.
    """
    exact = [(m.start(), m.start() + len(quote)) for m in re.finditer(re.escape(quote), text)]
    if exact:
        return exact
    view = matching_view(text)
    kept = [k for k, ch in enumerate(view.text) if not ch.isspace()]
    flat = "".join(view.text[k] for k in kept)
    wanted = re.sub(r"\s+", "", simplified(quote))
    if not wanted:
        return []
    return [
        view.stored_span(kept[m.start()], kept[m.start() + len(wanted) - 1] + 1)
        for m in re.finditer(re.escape(wanted), flat)
    ]


def labelled_from_gold(rows: list[dict[str, str]], texts: dict[str, str], name: str = "gold") -> list[Labelled]:
    """Gold rows as labelled targets, each quote located everywhere it occurs in its text."""
    out, problems = [], []
    for row in rows:
        text = texts[row["doc_id"]]
        spans = locate(row["quote"], text)
        if not spans:
            problems.append(f"{name}:{row['line']}: quote: not found in the text of {row['doc_id']}: {row['quote']!r}")
            continue
        out.append(
            Labelled(
                row["doc_id"],
                row["indicator"],
                float(row["value"]),
                float(row["value_high"]) if row["value_high"] else None,
                row["unit"],
                row["comparator"],
                int(row["target_year"]) if row["target_year"] else None,
                row["quote"],
                spans,
                line=int(row["line"]),
            )
        )
    if problems:
        raise IntakeError(f"{len(problems)} problem(s) in the gold table:\n" + "\n".join(problems))
    return out


def labelled_from_curated(dataset: Dataset, doc_id: str) -> list[Labelled]:
    """A document's curated targets as labelled targets (each at its offset)."""
    targets = dataset.targets[dataset.targets["doc_id"] == doc_id]
    return [
        Labelled(
            doc_id,
            "",
            float(t.value),
            None if _missing(t.value_high) else float(t.value_high),
            str(t.unit),
            str(t.comparator),
            None if _missing(t.target_year) else int(t.target_year),
            str(t.quote),
            [(int(t.char_offset), int(t.char_offset) + len(str(t.quote)))],
            indicator_id=str(t.indicator_id),
        )
        for t in targets.itertuples()
    ]


def _missing(value) -> bool:
    return bool(pd.isna(value))


def deduplicate(labels: list[Labelled]) -> list[Labelled]:
    """Labelled targets that repeat one another counted once, with every place of each."""
    merged: dict[tuple, Labelled] = {}
    for t in labels:
        key = (t.doc_id, t.indicator_id or _phrase(t.indicator), t.value, t.value_high, _unit(t.unit), t.target_year)
        if key in merged and (t.indicator_id or _phrase(t.indicator)):
            merged[key].spans.extend(t.spans)
        else:
            merged[key if (t.indicator_id or _phrase(t.indicator)) else (*key, len(merged))] = t
    return list(merged.values())


def _phrase(text: str) -> str:
    return LEADING.sub("", re.sub(r"\s+", "", to_simplified(text)))


def _unit(unit: str) -> str:
    unit = to_simplified(unit or "")
    return "" if unit in NO_UNIT else unit


def match(candidates: list[Candidate], labels: list[Labelled]) -> tuple[list[Labelled], list[Candidate], list]:
    """Pair candidates with labelled targets: same value, overlapping places, each used once.

    Returns (unmatched labelled targets, unmatched candidates, matched pairs).
    """
    used: set[int] = set()
    misses, pairs = [], []
    for t in labels:
        best, best_overlap = None, 0
        for k, c in enumerate(candidates):
            if k in used or abs(c.value - t.value) > 1e-9 or not _same_high(c.value_high, t.value_high):
                continue
            overlap = max(_overlap(span, o, len(q)) for span in t.spans for o, q in c.occurrences())
            if overlap > best_overlap:
                best, best_overlap = k, overlap
        if best is None:
            misses.append(t)
        else:
            used.add(best)
            pairs.append((t, candidates[best]))
    return misses, [c for k, c in enumerate(candidates) if k not in used], pairs


def _same_high(a: float | None, b: float | None) -> bool:
    return (a is None and b is None) or (a is not None and b is not None and abs(a - b) <= 1e-9)


def _overlap(span: tuple[int, int], offset: int, length: int) -> int:
    return min(span[1], offset + length) - max(span[0], offset)


def field_agreement(t: Labelled, c: Candidate) -> dict[str, bool]:
    """Which fields of a matched candidate agree with its labelled target."""
    if t.indicator_id:
        indicator = c.indicator_id == t.indicator_id
    else:
        gold, found = _phrase(t.indicator), _phrase(c.indicator_phrase)
        indicator = bool(gold and found) and (gold in found or found in gold)
    fields = {
        "value": True,
        "year": c.target_year == t.target_year,
        "comparator": c.comparator == t.comparator,
        "unit": _unit(c.unit) == _unit(t.unit),
        "indicator": indicator,
    }
    fields["all"] = all(fields.values())
    return fields


def score_document(doc_id: str, candidates: list[Candidate], labels: list[Labelled]) -> Score:
    """Match one document's candidates with its labelled targets and score every field."""
    labels = deduplicate(labels)
    misses, false_alarms, pairs = match(candidates, labels)
    score = Score(doc_id, len(labels), len(candidates), len(pairs), misses, false_alarms)
    right_in_all: dict[int, bool] = {}
    for t, c in pairs:
        for name, right in field_agreement(t, c).items():
            score.field_correct[name] = score.field_correct.get(name, 0) + right
            if not right and name != "all":
                score.field_errors.append((name, t, c))
        right_in_all[id(c)] = field_agreement(t, c)["all"]
    score.outcomes = [(c.confidence, id(c) in right_in_all, right_in_all.get(id(c), False)) for c in candidates]
    return score


def evaluate(dataset: Dataset) -> list[Score]:
    """Score the extractor on every quoted plan (the plans whose text is held)."""
    aliases = catalogue_aliases(dataset.indicators)
    scores = []
    for doc in dataset.documents[dataset.documents["tier"] == "quoted"].itertuples():
        text = read_plan(dataset.data_dir / doc.source_file)
        scores.append(score_document(doc.doc_id, extract(text, aliases), labelled_from_curated(dataset, doc.doc_id)))
    return scores


def evaluate_gold(
    gold: Path | str,
    texts_dir: Path | str,
    aliases: dict[str, list[str]] | None = None,
    metadata: dict[str, dict[str, str]] | None = None,
) -> list[Score]:
    """Score the extractor against a gold table (format in this module's docstring).

    ``metadata`` gives what is known of each document (``issued``) where its text has no
    header block (a copy of a labelled text in another format).
    """
    gold = Path(gold)
    rows = read_gold(gold)
    documents = gold_documents(rows, Path(texts_dir))
    texts = {doc_id: body for doc_id, (_, body) in documents.items()}
    labels = labelled_from_gold(rows, texts, gold.name)
    scores = []
    for doc_id, (meta, text) in documents.items():
        known = {**(metadata or {}).get(doc_id, {}), **meta}
        candidates = extract(text, aliases, known.get("issued"))
        scores.append(score_document(doc_id, candidates, [t for t in labels if t.doc_id == doc_id]))
    return scores


def total(scores: list[Score]) -> Score:
    """All documents together: the sums of their counts."""
    overall = Score(
        "overall", sum(s.curated for s in scores), sum(s.candidates for s in scores), sum(s.matched for s in scores)
    )
    for s in scores:
        for name, right in s.field_correct.items():
            overall.field_correct[name] = overall.field_correct.get(name, 0) + right
        overall.outcomes += s.outcomes
    return overall


RELIABILITY_BINS = (0.0, 0.4, 0.6, 0.8, 0.9, 1.0)
TRUSTED = 0.8  # a candidate this sure should be right at least 95% of the time


@dataclass(frozen=True)
class Reliability:
    """Candidates whose confidence falls in [low, high): how many, and the share that are targets
    and the share right in every field (value, year, comparator, unit, indicator)."""

    low: float
    high: float
    candidates: int
    targets: int
    right: int

    @property
    def target_share(self) -> float:
        return self.targets / self.candidates if self.candidates else float("nan")

    @property
    def right_share(self) -> float:
        return self.right / self.candidates if self.candidates else float("nan")


def reliability(
    outcomes: list[tuple[float, bool, bool]], bins: tuple[float, ...] = RELIABILITY_BINS
) -> list[Reliability]:
    """The reliability table: confidence bins against the share of their candidates that are right.

    The last bin includes its upper edge (confidence 1). A calibrated extractor has the share right
    rise with the confidence, and candidates at :data:`TRUSTED` or above right 95% of the time.
    """
    rows = []
    for k, (low, high) in enumerate(zip(bins, bins[1:], strict=False)):
        last = k == len(bins) - 2
        inside = [(t, r) for c, t, r in outcomes if low <= c < high or (last and c == high)]
        rows.append(Reliability(low, high, len(inside), sum(t for t, _ in inside), sum(r for _, r in inside)))
    return rows


def reliability_lines(overall: Score) -> list[str]:
    """The reliability table as printed, then the candidates at :data:`TRUSTED` or above together."""
    lines = [f"{'confidence':16} {'candidates':>10} {'targets':>7} {'all right':>9}"]
    for row in reliability(overall.outcomes):
        bracket = "]" if row.high == RELIABILITY_BINS[-1] else ")"
        lines.append(
            f"{f'[{row.low:.1f}, {row.high:.1f}{bracket}':16} {row.candidates:10d} {_share(row.target_share):>7}"
            f" {_share(row.right_share):>9}"
        )
    (sure,) = reliability(overall.outcomes, (TRUSTED, 1.0))
    lines.append(
        f"{f'>= {TRUSTED:.1f}':16} {sure.candidates:10d} {_share(sure.target_share):>7} {_share(sure.right_share):>9}"
    )
    return lines


def _share(value: float) -> str:
    return "-" if math.isnan(value) else f"{value:.2f}"


def report_lines(scores: list[Score], overall: Score, details: bool = True) -> list[str]:
    """The scores as printed: per document, per field, then every miss, false alarm and field error."""
    lines = [f"{'document':16} {'labelled':>8} {'found':>6} {'matched':>7} {'precision':>9} {'recall':>6} {'F1':>5}"]
    for s in [*scores, overall]:
        lines.append(
            f"{s.doc_id:16} {s.curated:8d} {s.candidates:6d} {s.matched:7d}"
            f" {s.precision:9.2f} {s.recall:6.2f} {s.f1:5.2f}"
        )
    lines.append(f"{'field':16} {'precision':>9} {'recall':>6} {'F1':>5}")
    for name, (p, r, f) in overall.field_scores().items():
        lines.append(f"{name if name != 'all' else 'all fields':16} {p:9.2f} {r:6.2f} {f:5.2f}")
    lines += reliability_lines(overall)
    if details:
        for s in scores:
            lines += [
                f"miss        {s.doc_id}:{t.spans[0][0]} {t.value:g} ({t.target_year}) {t.quote}" for t in s.misses
            ]
            lines += [
                f"false alarm {s.doc_id}:{c.char_offset} {c.value:g} ({c.target_year}) {c.quote}"
                for c in s.false_alarms
            ]
            lines += [_field_error(s.doc_id, name, t, c) for name, t, c in s.field_errors]
    return lines


def _field_error(doc_id: str, name: str, t: Labelled, c: Candidate) -> str:
    found, wanted = {
        "year": (c.target_year, t.target_year),
        "comparator": (c.comparator, t.comparator),
        "unit": (c.unit, t.unit),
        "indicator": (c.indicator_id or c.indicator_phrase, t.indicator_id or t.indicator),
    }[name]
    return f"wrong {name:10} {doc_id}:{c.char_offset} {c.value:g}: found {found!r}, labelled {wanted!r}: {c.quote}"
