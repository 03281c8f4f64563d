"""How the toolkit holds up at the real scale: a synthetic corpus of 300 cities and 31 provinces.

Prints, measured in one run: loading with full validation, planning the report set and
computing every report's key, writing the index page, a re-run with nothing changed, and a
re-run after one target changed (which re-executes only the reports that depend on it).
The first full report run (needed before the re-runs) is printed too.
"""

from __future__ import annotations

import argparse
import csv
import tempfile
import time
from pathlib import Path

from analysis import files, paths
from analysis.data import load, validate
from analysis.intake.synthetic import generate
from analysis.report import cache
from analysis.report.batch import build_reports
from analysis.report.index import write_index
from analysis.report.plan import report_jobs


def timed(label: str, f):
    start = time.perf_counter()
    value = f()
    print(f"{label}: {time.perf_counter() - start:.2f} s")
    return value


def change_one_target(data_dir: Path) -> str:
    path = data_dir / "targets.csv"
    rows = list(csv.DictReader(path.open(encoding="utf-8", newline="")))
    setters: dict[str, int] = {}
    for r in rows:
        setters[r["indicator_id"]] = setters.get(r["indicator_id"], 0) + 1
    rarest = min(setters, key=lambda i: setters[i])  # the reports that depend on it are few
    row = next(r for r in rows if r["indicator_id"] == rarest)
    row["comparator"] = "~" if row["comparator"] != "~" else "="
    files.write_csv(path, rows, list(rows[0]))
    return f"{row['doc_id']} ({rarest}, set by {setters[rarest]} plans)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cities", type=int, default=300)
    parser.add_argument("--provinces", type=int, default=31)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        data_dir, out = Path(tmp) / "synthetic", Path(tmp) / "reports"
        counts = generate(data_dir, args.cities, args.provinces)
        print("corpus: " + ", ".join(f"{n} {name}" for name, n in counts.items()) + " (synthetic)")
        timed("validate (full, cold)", lambda: validate(data_dir))
        dataset = timed("load (full validation)", lambda: load(data_dir))
        jobs = report_jobs(dataset, ("zh",), str(data_dir))
        sources = {nb: (paths.NOTEBOOKS_DIR / nb).read_text(encoding="utf-8") for nb in {j.notebook for j in jobs}}
        timed(
            f"plan {len(jobs)} reports and compute their keys",
            lambda: cache.report_keys(dataset, jobs, sources),
        )
        first = timed(
            "first full report run",
            lambda: build_reports(data_dir=data_dir, reports_dir=out, langs=("zh",), progress=False),
        )
        timed("write the index page", lambda: write_index(out, dataset, first, ("zh",)))
        again = timed(
            "re-run, nothing changed",
            lambda: build_reports(data_dir=data_dir, reports_dir=out, langs=("zh",), progress=False),
        )
        print(f"  executed {sum(not o.cached for o in again)} of {len(again)}")
        doc = change_one_target(data_dir)
        changed = timed(
            f"re-run after one target of {doc} changed",
            lambda: build_reports(data_dir=data_dir, reports_dir=out, langs=("zh",), progress=False),
        )
        print(
            f"  executed {sum(not o.cached for o in changed)} of {len(changed)}: "
            + ", ".join(o.job.folder for o in changed if not o.cached)[:300]
        )


if __name__ == "__main__":
    main()
