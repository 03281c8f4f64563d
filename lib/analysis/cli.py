"""The command line, ``python -m analysis``: one command per user task, each a thin wrapper
over one library function called with keywords. Problems the user can fix arrive as an
:class:`~analysis.errors.AnalysisError`, caught once in :func:`main` and printed as one line."""

from __future__ import annotations

import logging
import os
import re
import sys
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import click

from . import paths
from .data.vocabularies import STANDINGS, codes
from .errors import AnalysisError

PROG = "python -m analysis"
LOG_LEVELS = ("debug", "info", "warning", "error")


def package_version() -> str:
    try:
        return version("quality-targets")
    except PackageNotFoundError:  # running from a source tree that was never installed
        return "unknown"


@dataclass
class Context:
    """What the global options set, handed to every command."""

    data_dir: Path


existing_dir = click.Path(file_okay=False, path_type=Path)
output_dir = click.Path(file_okay=False, path_type=Path)
input_file = click.Path(dir_okay=False, path_type=Path)


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.option(
    "--data-dir",
    type=existing_dir,
    default=paths.DATA_DIR,
    show_default="the repository's data/",
    help="Data folder to read (and, for add-document, to add to).",
)
@click.option(
    "--log-level",
    type=click.Choice(LOG_LEVELS),
    default="warning",
    show_default=True,
    help="How much the library logs to stderr.",
)
@click.version_option(package_version(), "--version", prog_name="quality-targets", message="%(prog)s %(version)s")
@click.pass_context
def cli(ctx: click.Context, data_dir: Path, log_level: str) -> None:
    """Compare the quantitative targets of Chinese quality-development plans (质量强市/质量强省)."""
    logging.basicConfig(level=log_level.upper(), format="%(levelname)s %(name)s: %(message)s")
    ctx.obj = Context(data_dir=data_dir)


@cli.command()
@click.pass_obj
def validate(obj: Context) -> None:
    """Check every table, reference and quote; print a summary, or every problem as file:line: column: message."""
    from .data import validate as validate_data
    from .data.summary import summary

    if not obj.data_dir.is_dir():
        raise AnalysisError(f"no such data folder: {obj.data_dir}")
    dataset, problems = validate_data(obj.data_dir)
    if problems:
        for p in problems:
            click.echo(str(p))
        click.echo(f"{len(problems)} problem(s) found in {obj.data_dir}", err=True)
        sys.exit(1)
    assert dataset is not None
    for line in summary(dataset):
        click.echo(line)


@cli.command()
@click.option("--check", is_flag=True, help="Only check that the committed descriptor is current; change nothing.")
@click.pass_obj
def datapackage(obj: Context, check: bool) -> None:
    """Rewrite datapackage.json (the Frictionless descriptor) from the field dictionary."""
    from .data import load
    from .data.datapackage import dataset_descriptor, write_descriptor

    path = obj.data_dir / "datapackage.json"
    text = dataset_descriptor(load(obj.data_dir).documents)
    if check:
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            click.echo(f"{path} is out of date: rewrite it with `{PROG} datapackage`", err=True)
            sys.exit(1)
        click.echo(f"{path} is current")
        return
    write_descriptor(obj.data_dir, text)
    click.echo(f"wrote {path}")


@cli.command()
@click.argument("old_dir", type=click.Path(file_okay=False, path_type=Path))
@click.argument("new_dir", type=click.Path(file_okay=False, path_type=Path))
def changelog(old_dir: Path, new_dir: Path) -> None:
    """Print (Markdown) what changed between two data folders: targets added, changed, removed; counts per table."""
    from .data.changelog import changelog as data_changelog

    click.echo(data_changelog(old_dir=old_dir, new_dir=new_dir), nl=False)


@cli.command()
@click.option(
    "--out",
    type=output_dir,
    default=paths.REPORTS_DIR / "downloads",
    show_default="the repository's reports/downloads/",
    help="Folder to write the zip into.",
)
@click.pass_obj
def bundle(obj: Context, out: Path) -> None:
    """Write the dataset as a zip: tables, measures.csv and hierarchy.csv, texts, datapackage.json, a README of every
    column, licence, citation."""
    from .data.bundle import BUNDLE_NAME, write_bundle
    from .data.loading import load_folder
    from .measures.table import derived_files

    derived = derived_files(load_folder(obj.data_dir))
    path = write_bundle(out=out / BUNDLE_NAME, data_dir=obj.data_dir, derived=derived)
    click.echo(f"wrote {path} ({path.stat().st_size // 1024} KB)")


@cli.command()
@click.option(
    "--out",
    type=output_dir,
    default=paths.REPORTS_DIR,
    show_default="the repository's reports/",
    help="Folder to write the reports into.",
)
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=None,
    help="Parallel worker processes.  [default: the number of CPUs]",
)
@click.option(
    "--lang",
    "langs",
    type=click.Choice(["zh", "en"]),
    multiple=True,
    default=("zh", "en"),
    show_default=True,
    help="Language of the reports (each report is in one); repeat for several. The first is the index's.",
)
@click.option("--force", is_flag=True, help="Re-run every report, even those whose inputs are unchanged.")
@click.option(
    "--scheduler",
    default=None,
    metavar="ADDRESS",
    help="A Dask distributed scheduler (tcp://HOST:8786) whose workers run the notebooks.",
)
@click.option("--quiet", is_flag=True, help="No progress bar.")
@click.option("--notebooks", type=existing_dir, default=paths.NOTEBOOKS_DIR, hidden=True)
@click.pass_obj
def report(
    obj: Context,
    out: Path,
    workers: int | None,
    langs: tuple[str, ...],
    force: bool,
    scheduler: str | None,
    quiet: bool,
    notebooks: Path,
) -> None:
    """Run every notebook for every parameter set into the reports folder (HTML, notebooks, figures, index)."""
    from .report.batch import build_reports

    outcomes = build_reports(
        data_dir=obj.data_dir,
        reports_dir=out,
        notebooks_dir=notebooks,
        workers=workers,
        langs=langs,
        progress=not quiet,
        force=force,
        scheduler=scheduler,
    )
    failed = [o for o in outcomes if not o.ok]
    skipped = [o.job.folder for o in outcomes if o.cached]
    for o in failed:
        click.echo(f"FAILED {o.job.folder}: {o.error}", err=True)
    if skipped:
        shown = ", ".join(skipped[:10]) + (f", ... ({len(skipped)} in all)" if len(skipped) > 10 else "")
        click.echo(f"skipped {len(skipped)} unchanged report(s): {shown}")
    executed = len(outcomes) - len(skipped)
    click.echo(
        f"{len(outcomes) - len(failed)} of {len(outcomes)} reports ok ({executed} executed, {len(skipped)} unchanged)"
        f" in {out}; open {out / 'index.html'}"
    )
    if failed:
        sys.exit(1)


@cli.command()
@click.option("--notebooks", type=existing_dir, default=paths.NOTEBOOKS_DIR, hidden=True)
def notebooks(notebooks: Path) -> None:
    """Re-execute the committed notebooks in place (after a deliberate data change)."""
    from .report.references import refresh

    for path in refresh(notebooks_dir=notebooks):
        click.echo(f"re-executed {path}")


@cli.command()
@click.argument("path", type=input_file)
@click.option(
    "--format", "fmt", type=click.Choice(["csv", "json"]), default="csv", show_default=True, help="Output format."
)
@click.option(
    "--encoding",
    type=click.Choice(["auto", "utf-8", "gb18030", "big5"]),
    default="auto",
    show_default=True,
    help="Text encoding of a text file or web page.",
)
@click.option("--rejected", is_flag=True, help="Print the rejected numbers, each with the rule that rejected it.")
@click.option(
    "--issued",
    default=None,
    help="The plan's issue (or report) date, YYYY-MM-DD or YYYY-MM: a length the text states (经过三年努力)"
    " counts from it, and 今年 is its year.",
)
@click.pass_obj
def extract(obj: Context, path: Path, fmt: str, encoding: str, rejected: bool, issued: str | None) -> None:
    """Print the candidate targets in a plan (.txt, .html, .pdf or .docx), named with the data folder's catalogue."""
    from .data import load
    from .intake.extraction import catalogue_aliases, extract_all
    from .intake.formats import read_original
    from .intake.review import format_rejected, format_rows

    if issued is not None and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", issued):
        raise click.BadParameter(f"{issued!r} is not YYYY-MM-DD, YYYY-MM or YYYY", param_hint="--issued")
    text = read_original(path, encoding=encoding).text
    found = extract_all(text, catalogue_aliases(load(obj.data_dir).indicators), issued)
    click.echo(format_rejected(found.rejected, fmt) if rejected else format_rows(found.candidates, fmt), nl=False)


GOLD_HELP = (
    "Gold CSV to score against instead of the curated targets: one row per target with columns doc_id,"
    " indicator, value, value_high, unit, comparator, target_year, quote (an exact passage of the text;"
    " duplicate mentions count once)."
)


@cli.command()
@click.option("--gold", type=input_file, default=None, help=GOLD_HELP)
@click.option(
    "--texts",
    type=existing_dir,
    default=None,
    help="Folder holding each gold document as <doc_id>.txt (or .html, .pdf, .docx)."
    "  [default: the data folder's sources]",
)
@click.option("--quiet", is_flag=True, help="Only the scores, not the misses, false alarms and field errors.")
@click.pass_obj
def evaluate(obj: Context, gold: Path | None, texts: Path | None, quiet: bool) -> None:
    """Score the extractor: precision, recall and F1 per document and per field, then every miss and false alarm.

    Without a gold table, the curated quoted targets of the data folder are the labels (in-sample:
    the rules were developed on these plans).
    """
    from .data import load
    from .intake.evaluation import evaluate as evaluate_extractor
    from .intake.evaluation import evaluate_gold, report_lines, total
    from .intake.extraction import catalogue_aliases

    dataset = load(obj.data_dir)
    if gold is None:
        scores = evaluate_extractor(dataset)
    else:
        texts_dir = texts or obj.data_dir / "sources"
        scores = evaluate_gold(gold, texts_dir, catalogue_aliases(dataset.indicators))
    for line in report_lines(scores, total(scores), details=not quiet):
        click.echo(line)


@cli.command("add-document")
@click.argument("path", type=input_file)
@click.option("--doc-id", required=True, help="New document id, <jurisdiction>-<year issued> (e.g. wuhan-2024).")
@click.option("--jurisdiction", required=True, help="jurisdiction_id of the issuer, from jurisdictions.csv.")
@click.option("--title", required=True, help="Chinese title.")
@click.option("--issued", required=True, help="Issue date, YYYY-MM-DD or YYYY-MM.")
@click.option("--title-en", default="", help="English title.  [default: the Chinese title]")
@click.option("--issuer", default="", help="Issuing body, as printed.")
@click.option("--doc-number", default="", help="Document number (文号), where printed.")
@click.option("--source-url", default="", help="Where the text was published.")
@click.option(
    "--encoding",
    type=click.Choice(["auto", "utf-8", "gb18030", "big5"]),
    default="auto",
    show_default=True,
    help="Text encoding of a text file or web page.",
)
@click.option(
    "--standing",
    type=click.Choice(codes(STANDINGS)),
    default="plan",
    show_default=True,
    help="What the document is: an adopted plan, an implementation scheme, an annual plan, a press reading, a draft.",
)
@click.option(
    "--candidates",
    type=input_file,
    default=None,
    help="Where to write the candidate targets.  [default: reports/candidates/<doc_id>.csv]",
)
@click.pass_obj
def add_document(
    obj: Context,
    path: Path,
    doc_id: str,
    jurisdiction: str,
    title: str,
    issued: str,
    title_en: str,
    issuer: str,
    doc_number: str,
    source_url: str,
    encoding: str,
    standing: str,
    candidates: Path | None,
) -> None:
    """Store a plan's text (from .txt, .html, .pdf or .docx) in the data folder, register it, and write
    candidate targets for review."""
    from .intake.registration import add_document as register

    added = register(
        path=path,
        doc_id=doc_id,
        jurisdiction_id=jurisdiction,
        title_zh=title,
        issued=issued,
        title_en=title_en,
        issuer=issuer,
        doc_number=doc_number,
        source_url=source_url,
        standing=standing,
        encoding=encoding,
        data_dir=obj.data_dir,
        candidates_path=candidates,
    )
    click.echo(f"stored the text in {added.source} (sha256 {added.sha256})")
    click.echo(f"added {doc_id} to documents.csv (line {added.documents_line})")
    click.echo(
        f"wrote {added.candidates} candidate targets, unreviewed ({added.unmatched} with no catalogue indicator)"
        f" to {added.candidates_path}"
    )
    click.echo(
        "next: review them in notebooks/extraction_review.ipynb, append the accepted rows to data/targets.csv, validate"
    )


@cli.command()
@click.pass_obj
def figures(obj: Context) -> None:
    """Print the data's current figures (the README's table, between its markers), computed from the data folder."""
    from .data.loading import load_folder
    from .figures import readme_block

    click.echo(readme_block(load_folder(obj.data_dir)))


@cli.command()
@click.option(
    "--out", type=output_dir, required=True, help="Folder to write the synthetic corpus into (never the curated data/)."
)
@click.option("--cities", type=int, default=300, show_default=True, help="Number of synthetic cities.")
@click.option("--provinces", type=int, default=31, show_default=True, help="Number of synthetic provinces.")
@click.option(
    "--seed", type=int, default=0, show_default=True, help="Random seed (the same seed gives the same corpus)."
)
@click.pass_obj
def synth(obj: Context, out: Path, cities: int, provinces: int, seed: int) -> None:
    """Write a SYNTHETIC corpus at the real scale (its catalogue from the data folder), for benchmarks and scale
    tests."""
    from .intake.synthetic import generate

    counts = generate(out=out, cities=cities, provinces=provinces, seed=seed, data_dir=obj.data_dir)
    click.echo(f"wrote a SYNTHETIC corpus to {out}: " + ", ".join(f"{n} {table}" for table, n in counts.items()))


@cli.command(context_settings={"ignore_unknown_options": True, "allow_extra_args": True})
@click.argument("lab_args", nargs=-1, type=click.UNPROCESSED)
def lab(lab_args: tuple[str, ...]) -> None:
    """Open JupyterLab on the explorer notebook (CJK fonts configured); other arguments go to JupyterLab."""
    from .workbench.lab import lab_command

    command, env = lab_command(list(lab_args))
    os.execvpe(command[0], command, env)


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status (2 for a problem the user can fix, 128 + the
    signal's number for a batch a signal stopped)."""
    try:
        cli.main(args=argv, prog_name=PROG, standalone_mode=False)
    except AnalysisError as e:
        click.echo(f"{e.label}: {e}", err=True)
        return e.exit_status
    except click.exceptions.Exit as e:
        return e.exit_code
    except click.ClickException as e:
        e.show()
        return e.exit_code
    except click.exceptions.Abort:
        click.echo("interrupted", err=True)
        return 130
    except SystemExit as e:
        return e.code if isinstance(e.code, int) else 1
    return 0
