"""One exception family: the command line catches :class:`AnalysisError` once and prints it.

Each subclass names the stage a problem belongs to, so a caller can catch what it can handle.
Messages speak of the library's own terms (a data folder, a parameter, a document id), never
of command-line flags: the same error reaches a notebook, a script and the command line.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .data.problems import Problem


class AnalysisError(Exception):
    """A problem the user can fix: printed as one message, never as a traceback."""

    label = "error"  # what the message is, printed before it
    exit_status = 2  # what a command ending with it exits with


class DataValidationError(AnalysisError):
    """The data failed validation; ``problems`` lists every problem found, ``where`` says in
    which data (a caller reading two folders names the one at fault)."""

    SHOWN = 50

    def __init__(self, problems: list[Problem], where: str = "the data"):
        self.problems = problems
        shown = "\n".join(str(p) for p in problems[: self.SHOWN])
        more = f"\n... and {len(problems) - self.SHOWN} more" if len(problems) > self.SHOWN else ""
        super().__init__(f"{len(problems)} problem(s) in {where}:\n{shown}{more}")


class ParameterError(AnalysisError, ValueError):
    """A notebook or batch parameter has a value outside its valid choices."""


class IntakeError(AnalysisError):
    """A plan cannot be taken in: it does not decode, an argument is invalid, or a file exists."""


class ReportError(AnalysisError):
    """The report batch cannot run (for example, the output or the scheduler is unusable)."""


class BatchInterrupted(ReportError):
    """A signal stopped the report batch, which cleaned up after itself. The exit status is the one
    shells give a command a signal ended (128 + its number), so scripts and CI read it as such."""

    label = "interrupted"

    def __init__(self, message: str, signum: int):
        super().__init__(message)
        self.exit_status = 128 + signum


class OutputError(AnalysisError):
    """A file cannot be written where asked: the path is a folder, or lies under a file."""
