"""What determines a report, and whether the report on disk is still the one it would produce.

Each report folder holds ``.report.json``: the key of what produced it and the SHA-256 of
every file in it. The key hashes the notebook, its parameters, the library's source (and
the pinned dependencies), and only the slice of the data the report reads:

- an indicator report: that indicator's targets, observations and catalogue row, and the
  plans and jurisdictions that set it;
- a jurisdiction report: its own targets, the targets of every indicator it sets (its peers),
  which jurisdiction sets which indicator in which category (the breadth comparison), and
  the observations and catalogue rows of its indicators;
- the overview: everything.

The jurisdictions table is in every key, since it fixes each jurisdiction's colour. A report
whose key matches and whose files all hash as recorded is skipped; anything else (a changed
input, a missing, edited or truncated file, an unreadable manifest) is rebuilt, never served.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pandas as pd

from .. import paths
from ..data import Dataset
from .plan import Job

MANIFEST = ".report.json"


def _sha(*parts: bytes | str) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode() if isinstance(part, str) else part)
        digest.update(b"\0")
    return digest.hexdigest()


def library_fingerprint() -> str:
    """The library's source, its templates and the pinned dependencies."""
    package = Path(__file__).parent
    files = sorted(p for p in package.rglob("*") if p.is_file() and p.suffix in (".py", ".j2", ".json"))
    parts = [str(p.relative_to(package)).encode() + p.read_bytes() for p in files]
    pyproject = paths.REPO_ROOT / "pyproject.toml"
    if pyproject.is_file():
        parts.append(pyproject.read_bytes())
    return _sha(*parts)


def _row_hashes(frame: pd.DataFrame) -> pd.Series:
    return pd.util.hash_pandas_object(frame.astype("string"), index=False)


def _group_digest(frame: pd.DataFrame, by: str) -> dict[str, str]:
    """One digest per value of ``by``, over that group's rows (in file order)."""
    hashes = _row_hashes(frame)
    return {
        key: _sha(hashes.loc[index].to_numpy().tobytes())
        for key, index in frame.groupby(by, observed=True).groups.items()
    }


def report_keys(dataset: Dataset, jobs: list[Job], sources: dict[str, str], data_fingerprint: str) -> dict[Job, str]:
    """The key of every job (see the module docstring for what each depends on)."""
    t = dataset.targets
    by_indicator = _group_digest(t, "indicator_id")
    obs_by_indicator = _group_digest(dataset.observations, "indicator_id")
    catalogue = _group_digest(dataset.indicators, "indicator_id")
    doc_rows = _group_digest(dataset.documents, "doc_id")
    jurisdictions = _sha(_row_hashes(dataset.jurisdictions).to_numpy().tobytes())
    cats = dataset.indicators.set_index("indicator_id")["category"].astype(str)
    pairs = t[["doc_id", "indicator_id"]].drop_duplicates()
    breadth = _sha(*sorted(f"{d}|{i}|{cats[i]}" for d, i in zip(pairs["doc_id"], pairs["indicator_id"], strict=True)))
    indicators_of_doc = {d: sorted(set(v)) for d, v in t.groupby("doc_id")["indicator_id"]}
    docs_of_indicator = {i: sorted(set(v)) for i, v in t.groupby("indicator_id")["doc_id"]}
    jurisdiction_docs = {j: sorted(set(v)) for j, v in dataset.documents.groupby("jurisdiction_id")["doc_id"]}
    common = library_fingerprint()
    indicator_digest = {
        i: _sha(
            by_indicator.get(i, ""),
            obs_by_indicator.get(i, ""),
            catalogue.get(i, ""),
            *(doc_rows[d] for d in docs_of_indicator.get(i, [])),
        )
        for i in dataset.indicators["indicator_id"]
    }

    notebook_digest = {nb: _sha(text) for nb, text in sources.items()}
    keys = {}
    for job in jobs:
        if job.kind == "overview":
            data = [data_fingerprint]
        elif job.kind == "indicator":
            data = [indicator_digest[job.key]]
        else:
            own_docs = jurisdiction_docs.get(job.key, [])
            own_indicators = sorted({i for d in own_docs for i in indicators_of_doc.get(d, [])})
            data = [breadth] + [doc_rows[d] for d in own_docs] + [indicator_digest[i] for i in own_indicators]
        keys[job] = _sha(
            common,
            notebook_digest[job.notebook],
            json.dumps(job.parameters, sort_keys=True),
            job.kind,
            job.key,
            jurisdictions,
            *data,
        )
    return keys


def manifest(key: str, files: dict[str, bytes], seconds: float, chars: str) -> dict:
    """The ``.report.json`` record of a freshly written report."""
    return {
        "key": key,
        "seconds": round(seconds, 2),
        "chars": chars,
        "files": {rel: hashlib.sha256(data).hexdigest() for rel, data in sorted(files.items())},
    }


def read_manifest(folder: Path) -> dict | None:
    try:
        entry = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return entry if isinstance(entry, dict) and isinstance(entry.get("files"), dict) else None


def current(folder: Path, key: str) -> dict | None:
    """The manifest, if the report in ``folder`` is complete, intact and made with ``key``."""
    entry = read_manifest(folder)
    if entry is None or entry.get("key") != key or not entry["files"]:
        return None
    for rel, digest in entry["files"].items():
        path = folder / rel
        try:
            if hashlib.sha256(path.read_bytes()).hexdigest() != digest:
                return None
        except OSError:
            return None
    return entry
