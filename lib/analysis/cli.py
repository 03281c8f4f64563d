"""The command line: ``python -m analysis <command>``; each command is one user task."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import paths


class UserError(Exception):
    """A problem the user can fix; printed as one message, never as a traceback."""


def cmd_validate(args: argparse.Namespace) -> int:
    from .loading import summary, validate

    data_dir = Path(args.data_dir)
    if not data_dir.is_dir():
        raise UserError(f"no such data folder: {data_dir}")
    dataset, problems = validate(data_dir)
    if problems:
        for p in problems:
            print(p)
        print(f"{len(problems)} problem(s) found in {data_dir}", file=sys.stderr)
        return 1
    for line in summary(dataset):
        print(line)
    return 0


def cmd_datapackage(args: argparse.Namespace) -> int:
    from .schemas import current_descriptor, write_descriptor

    data_dir = Path(args.data_dir)
    path = data_dir / "datapackage.json"
    text = current_descriptor(data_dir)
    if args.check:
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            print(f"{path} is out of date: run `python -m analysis datapackage`", file=sys.stderr)
            return 1
        print(f"{path} is current")
        return 0
    write_descriptor(data_dir, text)
    print(f"wrote {path}")
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from .loading import DataValidationError
    from .reports import ReportError, run

    out = Path(args.out)
    try:
        outcomes = run(Path(args.data_dir), out, Path(args.notebooks), args.workers, args.lang, progress=not args.quiet, force=args.force, scheduler=args.scheduler)
    except (DataValidationError, ValueError, ReportError) as e:
        raise UserError(str(e)) from None
    except OSError as e:
        raise UserError(f"cannot write the reports to {out}: {e.strerror or e}") from None
    failed = [o for o in outcomes if not o.ok]
    skipped = [o.job.folder for o in outcomes if o.cached]
    for o in failed:
        print(f"FAILED {o.job.folder}: {o.error}", file=sys.stderr)
    if skipped:
        shown = ", ".join(skipped[:10]) + (f", ... ({len(skipped)} in all)" if len(skipped) > 10 else "")
        print(f"skipped {len(skipped)} unchanged report(s): {shown}")
    executed = len(outcomes) - len(skipped)
    print(f"{len(outcomes) - len(failed)} of {len(outcomes)} reports ok ({executed} executed, {len(skipped)} unchanged) in {out}; open {out / 'index.html'}")
    return 1 if failed else 0


def cmd_notebooks(args: argparse.Namespace) -> int:
    from .notebooks import refresh

    for path in refresh(Path(args.notebooks)):
        print(f"re-executed {path}")
    return 0


def cmd_lab(args: argparse.Namespace) -> int:
    import os

    from .notebooks import fontconfig_file

    env = dict(os.environ, FONTCONFIG_FILE=str(fontconfig_file()))
    extra = ["--allow-root"] if os.geteuid() == 0 else []  # containers often run as root; Lab refuses otherwise
    os.execvpe(sys.executable, [sys.executable, "-m", "jupyterlab", str(paths.NOTEBOOKS_DIR), *extra, *args.lab_args], env)
    return 0  # not reached


def cmd_extract(args: argparse.Namespace) -> int:
    from .extract import ExtractError, catalogue_from_csv, extract, format_rows, read_plan

    try:
        text = read_plan(args.path, args.encoding)
    except ExtractError as e:
        raise UserError(str(e)) from None
    aliases = catalogue_from_csv(Path(args.data_dir) / "indicators.csv")
    sys.stdout.write(format_rows(extract(text, aliases), args.format))
    return 0


def cmd_evaluate(args: argparse.Namespace) -> int:
    from .extract import evaluate, total
    from .loading import DataValidationError, load

    try:
        dataset = load(args.data_dir)
    except DataValidationError as e:
        raise UserError(str(e)) from None
    scores = evaluate(dataset)
    print(f"{'document':16} {'curated':>7} {'found':>6} {'matched':>7} {'precision':>9} {'recall':>6} {'F1':>5}")
    for s in scores + [total(scores)]:
        print(f"{s.doc_id:16} {s.curated:7d} {s.candidates:6d} {s.matched:7d} {s.precision:9.2f} {s.recall:6.2f} {s.f1:5.2f}")
    if not args.quiet:
        for s in scores:
            for t in s.misses:
                print(f"miss        {s.doc_id}:{t.char_offset} {t.value:g} ({t.target_year}) {t.quote}")
            for c in s.false_alarms:
                print(f"false alarm {s.doc_id}:{c.char_offset} {c.value:g} ({c.target_year}) {c.quote}")
    return 0


def cmd_add_document(args: argparse.Namespace) -> int:
    from .extract import ExtractError
    from .intake import add_document

    try:
        added = add_document(
            Path(args.path), args.doc_id, args.jurisdiction, args.title, args.issued, args.title_en, args.issuer,
            args.doc_number, args.source_url, args.encoding, Path(args.data_dir), Path(args.out) if args.out else None,
        )
    except ExtractError as e:
        raise UserError(str(e)) from None
    print(f"copied the text to {added.source} (sha256 {added.sha256})")
    print(f"added {args.doc_id} to documents.csv (line {added.documents_line})")
    print(f"wrote {added.candidates} candidate targets ({added.unmatched} with no catalogue indicator) to {added.candidates_path}")
    print("next: review them in notebooks/extraction_review.ipynb, append the accepted rows to data/targets.csv, run make validate")
    return 0


def cmd_synth(args: argparse.Namespace) -> int:
    from .synth import generate

    try:
        counts = generate(Path(args.out), args.cities, args.provinces, args.seed)
    except ValueError as e:
        raise UserError(str(e)) from None
    print(f"wrote a SYNTHETIC corpus to {args.out}: " + ", ".join(f"{n} {name}" for name, n in counts.items()))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m analysis", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("validate", help="check every table, reference and quote; print a summary or every problem")
    p.add_argument("data_dir", nargs="?", default=str(paths.DATA_DIR), help="data folder (default: the repository's data/)")
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser("datapackage", help="rewrite data/datapackage.json from the field dictionary")
    p.add_argument("data_dir", nargs="?", default=str(paths.DATA_DIR), help="data folder (default: the repository's data/)")
    p.add_argument("--check", action="store_true", help="only check that the committed descriptor is current")
    p.set_defaults(func=cmd_datapackage)

    p = sub.add_parser("report", help="run every notebook for every parameter set into reports/ (HTML, notebooks, figures, index)")
    p.add_argument("--data-dir", default=str(paths.DATA_DIR), help="data folder (default: the repository's data/)")
    p.add_argument("--out", default=str(paths.REPORTS_DIR), help="output folder (default: reports/)")
    p.add_argument("--notebooks", default=str(paths.NOTEBOOKS_DIR), help=argparse.SUPPRESS)
    p.add_argument("--workers", type=int, default=None, help="parallel workers (default: the number of CPUs)")
    p.add_argument("--lang", choices=["zh", "en"], default="zh", help="language of charts, tables and index (default: zh)")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.add_argument("--force", action="store_true", help="re-run every report, even those whose inputs are unchanged")
    p.add_argument("--scheduler", default=None, help="address of a Dask distributed scheduler (tcp://HOST:8786) to run the notebooks on its workers")
    p.set_defaults(func=cmd_report)

    p = sub.add_parser("notebooks", help="re-execute the committed notebooks in place (after a deliberate data change)")
    p.add_argument("--notebooks", default=str(paths.NOTEBOOKS_DIR), help=argparse.SUPPRESS)
    p.set_defaults(func=cmd_notebooks)

    p = sub.add_parser("extract", help="print candidate targets found in a plan's raw text (CSV or JSON)")
    p.add_argument("path", help="plan as plain text")
    p.add_argument("--format", choices=["csv", "json"], default="csv")
    p.add_argument("--encoding", choices=["auto", "utf-8", "gb18030", "big5"], default="auto", help="text encoding (default: detect)")
    p.add_argument("--data-dir", default=str(paths.DATA_DIR), help="data folder whose indicator catalogue names the matches")
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser("evaluate", help="score the extractor against the curated targets: precision, recall, F1")
    p.add_argument("--data-dir", default=str(paths.DATA_DIR))
    p.add_argument("--quiet", action="store_true", help="only the scores, not the misses and false alarms")
    p.set_defaults(func=cmd_evaluate)

    p = sub.add_parser("add-document", help="copy a plan into data/sources/, register it, write candidate targets for review")
    p.add_argument("path", help="plan as plain text (UTF-8, GB18030 or Big5)")
    p.add_argument("--doc-id", required=True, help="new document id, <jurisdiction>-<year issued>")
    p.add_argument("--jurisdiction", required=True, help="jurisdiction_id from jurisdictions.csv")
    p.add_argument("--title", required=True, help="Chinese title")
    p.add_argument("--issued", required=True, help="issue date, YYYY-MM-DD (or YYYY-MM)")
    p.add_argument("--title-en", default="")
    p.add_argument("--issuer", default="")
    p.add_argument("--doc-number", default="")
    p.add_argument("--source-url", default="")
    p.add_argument("--encoding", choices=["auto", "utf-8", "gb18030", "big5"], default="auto")
    p.add_argument("--data-dir", default=str(paths.DATA_DIR))
    p.add_argument("--out", default="", help="candidates CSV (default: reports/candidates/<doc_id>.csv)")
    p.set_defaults(func=cmd_add_document)

    p = sub.add_parser("synth", help="write a SYNTHETIC corpus at the real scale, for benchmarks and scale tests")
    p.add_argument("--cities", type=int, default=300)
    p.add_argument("--provinces", type=int, default=31)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--out", required=True, help="output folder (never the curated data/)")
    p.set_defaults(func=cmd_synth)

    p = sub.add_parser("lab", help="open JupyterLab on notebooks/ (CJK fonts configured for the browser); other arguments go to jupyter lab")
    p.set_defaults(func=cmd_lab)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args, extra = parser.parse_known_args(argv)
    if args.command == "lab":
        args.lab_args = extra  # everything after `lab` goes to jupyter lab (--port, --no-browser, ...)
    elif extra:
        parser.error(f"unrecognized arguments: {' '.join(extra)}")
    try:
        return args.func(args)
    except UserError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
