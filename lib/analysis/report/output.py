"""Writing a report's files: into a fresh folder that is swapped in whole, so a reader never
sees half of a report; and removing the folders of reports no longer planned."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

from . import cache, webfonts
from .kernel import JobResult
from .plan import HTML_LANG, SINGLE, Job


def write_report(reports_dir: Path, result: JobResult, key: str = "") -> dict:
    """Write one report's files into a fresh folder, then swap it in for the old one.

    The swap is what makes the write atomic, so the files in the hidden staging folder are
    written plainly (no temporary file and fsync each); a file a crash leaves damaged fails its
    recorded hash at the next run and the report is rebuilt. The folder's ``.report.json``
    records the key, the hash of every file (for the next run's cache check) and the
    characters its pages need from the CJK web font. Returns it.
    """
    final = reports_dir / result.job.folder
    final.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{final.name}.new-", dir=final.parent))
    contents = result.files
    chars = set().union(
        *(webfonts.cjk_characters(data.decode("utf-8")) for rel, data in contents.items() if rel.endswith(".html"))
    )
    entry = cache.manifest(key if result.ok else "", contents, result.seconds, "".join(sorted(chars)))
    try:
        for rel, data in contents.items():
            (staging / rel).parent.mkdir(parents=True, exist_ok=True)
            (staging / rel).write_bytes(data)
        (staging / cache.MANIFEST).write_text(json.dumps(entry, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
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
    """Delete the report folders (``<lang>/<kind>/<key>``) no longer in the batch."""
    keep = {j.folder for j in jobs}
    kinds = {j.kind for j in jobs if j.kind not in SINGLE}  # a single report's subfolders are its own
    removed = []
    for lang_dir in sorted(p for p in reports_dir.iterdir() if p.is_dir() and p.name in HTML_LANG):
        for kind in sorted(kinds):
            for folder in sorted(p for p in (lang_dir / kind).glob("*") if p.is_dir()):
                rel = folder.relative_to(reports_dir).as_posix()
                if rel not in keep:
                    shutil.rmtree(folder)
                    removed.append(rel)
    return removed
