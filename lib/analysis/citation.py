"""How to cite the dataset, read from ``CITATION.cff`` at the repository root (the one record of
title, version, authors and release date), and written out as a reference and a BibTeX entry."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from . import paths
from .errors import AnalysisError

CITATION_FILE = paths.REPO_ROOT / "CITATION.cff"


@dataclass(frozen=True)
class Citation:
    """What a reference to the dataset needs, as ``CITATION.cff`` gives it."""

    title: str
    version: str
    released: str  # YYYY-MM-DD
    authors: tuple[str, ...]
    url: str = ""

    @property
    def year(self) -> str:
        return self.released[:4]

    def reference(self) -> str:
        """One line, author-date style: who (year). Title (version) [Data set]. Where."""
        where = f" {self.url}" if self.url else ""
        return f"{', '.join(self.authors)} ({self.year}). {self.title} (version {self.version}) [Data set].{where}"

    def bibtex(self) -> str:
        """A BibTeX ``@misc`` entry (each author braced: they may be organisations)."""
        key = "quality_targets_" + re.sub(r"\W", "_", self.version)
        fields = {
            "author": " and ".join(f"{{{a}}}" for a in self.authors),
            "title": f"{{{self.title}}}",
            "year": self.year,
            "version": self.version,
            "note": "Data set",
            **({"url": self.url} if self.url else {}),
        }
        body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields.items())
        return f"@misc{{{key},\n{body}\n}}"


def _author(entry: dict) -> str:
    """An entity's ``name``, or a person's given and family names."""
    if "name" in entry:
        return str(entry["name"])
    return " ".join(str(entry[k]) for k in ("given-names", "family-names") if k in entry)


def read_citation(path: Path = CITATION_FILE) -> Citation:
    """The citation recorded in a ``CITATION.cff`` file.

    Raises
    ------
    AnalysisError
        If the file is missing or lacks a field a reference needs.
    """
    try:
        cff = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise AnalysisError(f"no such citation file: {path}") from None
    missing = [k for k in ("title", "version", "date-released", "authors") if not cff.get(k)]
    if missing:
        raise AnalysisError(f"{path} lacks {', '.join(missing)}")
    return Citation(
        title=str(cff["title"]),
        version=str(cff["version"]),
        released=str(cff["date-released"]),
        authors=tuple(_author(a) for a in cff["authors"]),
        url=str(cff.get("repository-code") or cff.get("url") or ""),
    )
