"""Loading the data as callers see it: validated once per change of the folder's content (a warm
kernel running report after report validates once), and restricted to a scope if one is given."""

from __future__ import annotations

from pathlib import Path

from .. import paths
from ..errors import AnalysisError, DataValidationError
from ..files import sha256_parts
from .dataset import Dataset, validate
from .schema import TABLE_ORDER
from .scope import Scope, restrict

_cache: dict[Path, tuple[str, Dataset]] = {}


def fingerprint(data_dir: Path) -> str:
    """SHA-256 over every file of a data folder (names and contents): what a load depends on."""
    files = sorted(p for p in Path(data_dir).rglob("*") if p.is_file())
    return sha256_parts(part for path in files for part in (str(path.relative_to(data_dir)), path.read_bytes()))


def load(data_dir: Path | str | None = None, scope: str | Scope = "") -> Dataset:
    """Load and fully validate the curated data (default: the repository's ``data/``).

    ``scope`` restricts what the caller sees (the report batch hands each report its slice;
    see :mod:`analysis.data.scope`); the default is all of the data. Validation always covers
    the whole folder.

    A process that loads the same, unchanged folder again (a warm kernel running report
    after report) gets the validated tables from memory: the folder's content hash decides,
    so an edited file is always validated afresh. Each call returns its own copies of the
    tables (copy-on-write), so nothing one caller does to them reaches another.

    Raises
    ------
    DataValidationError
        With every problem found, each as ``file:line: column: message``.
    ParameterError
        If the scope names an indicator the catalogue does not have.
    """
    data_dir = Path(data_dir).resolve() if data_dir is not None else paths.DATA_DIR.resolve()
    key = fingerprint(data_dir)
    cached = _cache.get(data_dir)
    if cached is None or cached[0] != key:
        dataset, problems = validate(data_dir)
        if problems:
            raise DataValidationError(problems)
        assert dataset is not None
        _cache[data_dir] = cached = (key, dataset)
    base = cached[1]
    copy = Dataset(
        data_dir=base.data_dir,
        texts=dict(base.texts),
        targets_long=base.targets_long.copy(deep=False),
        **{name: base.table(name).copy(deep=False) for name in TABLE_ORDER},
    )
    return restrict(copy, scope if isinstance(scope, Scope) else Scope.parse(scope))


def load_folder(data_dir: Path | str, what: str = "data folder") -> Dataset:
    """:func:`load` a folder a command was given, with errors that name it (``what`` says
    which it is, for a command that reads two).

    Raises
    ------
    AnalysisError
        If there is no such folder.
    DataValidationError
        With every problem found, and the folder they were found in.
    """
    path = Path(data_dir)
    if not path.is_dir():
        raise AnalysisError(f"no such {what}: {path}")
    try:
        return load(path)
    except DataValidationError as e:
        raise DataValidationError(e.problems, where=f"the {what} {path}") from None
