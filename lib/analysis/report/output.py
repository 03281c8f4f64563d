"""Writing a report's files: into a fresh folder that is swapped in whole, so a reader never
sees half of a report; and removing the folders of reports no longer planned."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

from .. import files
from . import cache, webfonts
from .kernel import JobResult
from .plan import Job


def write_report(reports_dir: Path, result: JobResult, key: str = "") -> dict:
    """Write one report's files into a fresh folder, then swap it in for the old one.

    HTML pages get the link to the shared CJK font; the folder's ``.report.json`` records
    the key and the hash of every file (for the next run's cache check). Returns it.
    """
    final = reports_dir / result.job.folder
    final.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{final.name}.new-", dir=final.parent))
    depth = len(Path(result.job.folder).parts)
    contents: dict[str, bytes] = {}
    chars: set[str] = set()
    for rel, data in result.files.items():
        if rel.endswith(".html"):
            page = data.decode("utf-8")
            chars |= webfonts.cjk_characters(page)
            data = webfonts.add_link(page, "../" * depth + "assets/fonts.css").encode("utf-8")
        contents[rel] = data
    entry = cache.manifest(key if result.ok else "", contents, result.seconds, "".join(sorted(chars)))
    try:
        for rel, data in contents.items():
            files.write_bytes(staging / rel, data)
        files.write_text(staging / cache.MANIFEST, json.dumps(entry, ensure_ascii=False, indent=1) + "\n")
        staging.chmod(0o755)
        old = None
        if final.exists():
            old = final.with_name(f".{final.name}.old-{os.getpid()}")
            os.replace(final, old)
        os.replace(staging, final)
        if old is not None:
            shutil.rmtree(old)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return entry


def remove_stale(reports_dir: Path, jobs: list[Job]) -> list[str]:
    """Delete report folders of indicators or jurisdictions no longer in the batch."""
    keep = {j.folder for j in jobs}
    removed = []
    for kind in ("indicator", "jurisdiction"):
        for folder in sorted((reports_dir / kind).glob("*")) if (reports_dir / kind).is_dir() else []:
            rel = f"{kind}/{folder.name}"
            if folder.is_dir() and rel not in keep:
                shutil.rmtree(folder)
                removed.append(rel)
    return removed
