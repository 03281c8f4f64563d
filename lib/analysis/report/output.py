"""Writing a report's files: into a fresh folder that is swapped in whole, so a reader never
sees half of a report. A batch writes everything into a staging folder of its own first and
puts it in place only once it has finished (:func:`commit`), so a stopped batch leaves the last
complete build as it was; and removing the folders of reports no longer planned."""

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
        _swap(staging, final)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return entry


def _swap(new: Path, final: Path) -> None:
    """Put folder ``new`` where ``final`` is, replacing it whole."""
    final.parent.mkdir(parents=True, exist_ok=True)
    old = None
    if final.exists():
        old = final.with_name(f".{final.name}.old-{os.getpid()}")
        os.replace(final, old)
    os.replace(new, final)
    if old is not None:
        shutil.rmtree(old)


STAGING = ".staging-"  # a batch's staging folder in the reports folder: .staging-<pid>-<random>


def staging_folder(reports_dir: Path) -> Path:
    """A new staging folder for this batch, once those of batches that died (killed outright,
    they could not clean up) are removed."""
    import psutil

    for left in reports_dir.glob(f"{STAGING}*"):
        pid = left.name.removeprefix(STAGING).split("-", 1)[0]
        if not (pid.isdigit() and psutil.pid_exists(int(pid))):
            shutil.rmtree(left, ignore_errors=True)
    return Path(tempfile.mkdtemp(prefix=f"{STAGING}{os.getpid()}-", dir=reports_dir))


def commit(staging: Path, reports_dir: Path, folders: list[str], jobs: list[Job]) -> None:
    """Put a finished batch in place: each report ``folders`` names (those it ran) is swapped in
    whole, every other file staged (the index, assets, downloads, manifest) renamed over its old
    copy, and the folders of reports no longer planned removed. Renames, but for the old folders'
    removal: quick enough that a batch lets it finish when told to stop."""
    for folder in folders:
        _swap(staging / folder, reports_dir / folder)
    for path in sorted(p for p in staging.rglob("*") if p.is_file()):
        target = reports_dir / path.relative_to(staging)
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(path, target)
    remove_stale(reports_dir, jobs)


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
