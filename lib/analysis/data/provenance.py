"""Provenance: every target must be checkable against the words of its plan in seconds.

Checks that each source text is the one catalogued (SHA-256), that each quote sits exactly
at its character offset, and that the target's numbers appear in the quote.
"""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd

from ..files import sha256_bytes
from .chinese import format_number, numbers_in
from .problems import Problem


def read_source(path: Path) -> tuple[bytes, str | None]:
    """The bytes of a source text and its UTF-8 decoding (None if it does not decode)."""
    data = path.read_bytes()
    try:
        return data, data.decode("utf-8")
    except UnicodeDecodeError:
        return data, None


def check_documents(documents: pd.DataFrame, lines: pd.Series, data_dir: Path) -> tuple[list[Problem], dict[str, str]]:
    """Check each document's source file exists, decodes and matches its SHA-256.

    Returns the problems and the decoded texts by doc_id (for the quote checks).
    """
    problems: list[Problem] = []
    texts: dict[str, str] = {}
    for line, doc in zip(lines, documents.to_dict("records"), strict=True):
        line = int(line)
        if pd.isna(doc["source_file"]):
            continue
        path = data_dir / doc["source_file"]
        if not path.is_file():
            problems.append(Problem("documents.csv", line, "source_file", f"file not found: {doc['source_file']}"))
            continue
        data, text = read_source(path)
        digest = sha256_bytes(data)
        if pd.notna(doc["sha256"]) and digest != doc["sha256"]:
            problems.append(
                Problem(
                    "documents.csv",
                    line,
                    "sha256",
                    f"{doc['source_file']} has sha256 {digest}, not the recorded {doc['sha256']}:"
                    " the source text was edited",
                )
            )
        if text is None:
            problems.append(Problem("documents.csv", line, "source_file", f"{doc['source_file']} is not valid UTF-8"))
            continue
        texts[doc["doc_id"]] = text
    return problems, texts


def check_quotes(targets: pd.DataFrame, lines: pd.Series, texts: dict[str, str]) -> list[Problem]:
    """Check each quote sits at its offset and holds the target's value (and high value), and that
    the words said to govern it (``context``) occur in the text before it."""
    problems: list[Problem] = []
    for line, t in zip(lines, targets.to_dict("records"), strict=True):
        line = int(line)
        text = texts.get(t["doc_id"])
        if text is None or pd.isna(t["quote"]) or pd.isna(t["char_offset"]):
            continue
        quote, offset = t["quote"], int(t["char_offset"])
        if text[offset : offset + len(quote)] != quote:
            found = text.find(quote)
            where = f"; it occurs at offset {found}" if found >= 0 else "; it does not occur in the source text"
            problems.append(
                Problem("targets.csv", line, "char_offset", f"quote is not at offset {offset} of {t['doc_id']}{where}")
            )
        context = t.get("context")
        if isinstance(context, str) and context and text.rfind(context, 0, offset) < 0:
            message = f"{context!r} does not occur in {t['doc_id']} before the quote (offset {offset})"
            problems.append(Problem("targets.csv", line, "context", message))
        in_quote = numbers_in(quote)
        for column in ("value", "value_high"):
            value = t[column]
            if pd.isna(value):
                continue
            if not any(math.isclose(value, n, rel_tol=0, abs_tol=1e-9) for n in in_quote):
                problems.append(
                    Problem(
                        "targets.csv", line, column, f"{format_number(value)} does not appear in the quote {quote!r}"
                    )
                )
    return problems
