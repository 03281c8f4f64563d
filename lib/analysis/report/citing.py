"""The line that says how to cite a report page: the dataset's reference (``CITATION.cff``), the
page (its title and its path in the report folder) and the date of the data it was built from.

The date comes from the data, never from the build: the latest issue date of a plan in it. So an
unchanged batch writes the same line (and the same page bytes), and new data dates the page anew.
"""

from __future__ import annotations

from ..citation import Citation
from ..data import Dataset
from ..presentation import labels


def data_date(dataset: Dataset) -> str:
    """The latest ``issued`` date of the dataset's documents (``YYYY-MM-DD`` or ``YYYY-MM``, as
    recorded; an issue month sorts before any day of that month); ``""`` if none is dated."""
    issued = dataset.documents["issued"].dropna().astype(str)
    return max(issued, default="")


def page_citation(citation: Citation, title: str, path: str, date: str, lang: str) -> str:
    """How to cite the page at ``path`` (relative to the report folder's root) titled ``title``."""
    line = labels.text(
        "cite_page",
        lang,
        authors=", ".join(citation.authors),
        year=citation.year,
        title=citation.title,
        version=citation.version,
        page=title,
        path=path,
    )
    if not date:
        return line
    return line + ("" if lang == "zh" else " ") + labels.text("cite_data_date", lang, date=date)
