"""What determines a report, and whether the report on disk is still the one it would produce.

Each report folder holds ``.report.json``: the key of what produced it and the SHA-256 of
every file in it. The key hashes the notebook, its parameters, its page's frame (title, links,
citation line), the library's source (and the dependency ranges), and the data the report was
handed: the batch gives each report a data scope (a notebook parameter) and the notebook loads
only that slice, so the key is the digest of exactly what the report could read
(:mod:`analysis.data.scope`), not of a hand-kept list.

A report whose key matches and whose files all hash as recorded is skipped; anything else (a
changed input, a missing, edited or truncated file, an unreadable manifest) is rebuilt, never
served.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

from .. import files, paths
from ..data import Dataset
from ..data.scope import Scope, ScopeDigests
from .plan import Job, page_of

MANIFEST = ".report.json"


def _sha(*parts: bytes | str) -> str:
    return files.sha256_parts(parts)


def library_fingerprint() -> str:
    """The library's source, its templates and the pinned dependencies."""
    package = Path(__file__).parent
    files = sorted(p for p in package.rglob("*") if p.is_file() and p.suffix in (".py", ".j2", ".json"))
    parts = [str(p.relative_to(package)).encode() + p.read_bytes() for p in files]
    pyproject = paths.REPO_ROOT / "pyproject.toml"
    if pyproject.is_file():
        parts.append(pyproject.read_bytes())
    return _sha(*parts)


def report_keys(dataset: Dataset, jobs: list[Job], sources: dict[str, str]) -> dict[Job, str]:
    """The key of every job: its notebook, parameters, what its page says around the notebook
    (title, links, citation line), the library, and the digest of the data slice it is handed
    (see :mod:`analysis.data.scope`)."""
    common = library_fingerprint()
    notebook_digest = {nb: _sha(text) for nb, text in sources.items()}
    digests = ScopeDigests(dataset)
    slices: dict[str, str] = {}  # jobs with the same scope share the digest of their slice
    keys = {}
    for job in jobs:
        scope = job.parameters.get("data_scope", "")
        if scope not in slices:
            slices[scope] = digests.digest(Scope.parse(scope))
        parameters = json.dumps(job.parameters, sort_keys=True)
        page = json.dumps(asdict(page_of(job)), sort_keys=True)  # title, links, citation line
        keys[job] = _sha(common, notebook_digest[job.notebook], parameters, page, job.kind, job.key, slices[scope])
    return keys


def manifest(key: str, contents: dict[str, bytes], seconds: float, chars: str) -> dict:
    """The ``.report.json`` record of a freshly written report."""
    return {
        "key": key,
        "seconds": round(seconds, 2),
        "chars": chars,
        "files": {rel: files.sha256_bytes(data) for rel, data in sorted(contents.items())},
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
    for rel, recorded in entry["files"].items():
        path = folder / rel
        try:
            if files.sha256_file(path) != recorded:
                return None
        except OSError:
            return None
    return entry
