"""The dataset as a download: one zip of the tables, the source texts, ``datapackage.json``, a
README of every column, the licence and the citation, from a validated data folder.

The zip is deterministic (fixed member order, timestamps and permissions), so identical data
gives byte-identical zips, and it is written atomically: a reader finds the previous zip or the
new one, never half of one.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from .. import files, paths
from ..citation import CITATION_FILE, read_citation
from ..errors import OutputError
from .codebook import codebook
from .datapackage import dataset_descriptor
from .licence import DATA_LICENCE
from .loading import load_folder
from .schema import DERIVED_TABLES, TABLE_ORDER, TABLES

BUNDLE_NAME = "quality-targets-data.zip"
FOLDER = "quality-targets-data"  # every member sits in this folder, so unzipping makes one folder
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip can record: no build time leaks in


def bundle_members(data_dir: Path | str | None = None, derived: dict[str, bytes] | None = None) -> dict[str, bytes]:
    """The bundle's files, by path inside the zip, in the order they are written; ``derived`` holds
    the derived tables by file name (``measures.csv``, ``hierarchy.csv``: computed by the measures
    stage, which this data stage does not import), written after the tables and described in the
    README.

    Raises
    ------
    AnalysisError
        If there is no such folder.
    DataValidationError
        If the data folder does not validate (nothing is bundled from a broken folder).
    """
    folder = Path(data_dir) if data_dir is not None else paths.DATA_DIR
    dataset = load_folder(folder)
    citation = read_citation()
    derived = derived or {}
    rows = {name: data.count(b"\n") - 1 for name, data in derived.items()}
    members = {
        "README.md": (codebook(dataset, citation, rows) + "\n").encode(),
        "LICENSE-DATA.md": DATA_LICENCE.encode(),
        "CITATION.cff": CITATION_FILE.read_bytes(),
        "datapackage.json": dataset_descriptor(dataset.documents).encode(),
    }
    members |= {TABLES[name].file: (folder / TABLES[name].file).read_bytes() for name in TABLE_ORDER}
    members |= {t.file: derived[t.file] for t in DERIVED_TABLES if t.file in derived}
    sources = sorted(dataset.documents["source_file"].dropna())
    members |= {source: (folder / source).read_bytes() for source in sources}
    return {f"{FOLDER}/{path}": data for path, data in members.items()}


def zip_bytes(members: dict[str, bytes]) -> bytes:
    """A zip of the members in their order, with fixed timestamps and permissions."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for path, data in members.items():
            info = zipfile.ZipInfo(path, date_time=ZIP_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # Unix, on every platform, so the permissions below are read
            info.external_attr = 0o644 << 16
            archive.writestr(info, data, compresslevel=9)
    return buffer.getvalue()


def _check_output(out: Path) -> None:
    if out.is_dir():
        raise OutputError(f"the output {out} is a folder; give the path of the zip file to write")
    for parent in out.parents:
        if parent.exists():
            if not parent.is_dir():
                raise OutputError(f"cannot write {out}: {parent} is a file, not a folder")
            return


def write_bundle(out: Path | str, data_dir: Path | str | None = None, derived: dict[str, bytes] | None = None) -> Path:
    """Write the dataset bundle of a data folder (default: the repository's ``data/``) to ``out``,
    with the derived tables where given.

    Returns
    -------
    Path
        The zip written.

    Raises
    ------
    AnalysisError
        If there is no such data folder.
    DataValidationError
        If the data folder does not validate.
    OutputError
        If ``out`` is a folder or lies under a file; nothing is written then.
    """
    out = Path(out)
    _check_output(out)
    data = zip_bytes(bundle_members(data_dir, derived))
    files.write_bytes(out, data)
    return out
