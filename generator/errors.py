"""Errors and warnings that name the file (and line) they are about."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.text import shown


class BriefingError(Exception):
    """A problem with one input, reported as `file:line: message`."""

    kind = "error"

    def __init__(self, message: str, path: str | Path | None = None, line: int | None = None,
                 detail: str | None = None):
        super().__init__(message)
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line
        self.detail = detail  # a traceback, shown with --debug

    def __str__(self) -> str:
        return located(self.path, self.line, self.message)

    def __reduce__(self):
        # keep file and line when an error crosses a process boundary (parallel extraction)
        return (type(self), (self.message, self.path, self.line, self.detail))


class SourceError(BriefingError):
    """A seed that cannot be read or understood; the rest of the archive still builds."""


class ConfigError(BriefingError):
    """site.yaml or a data file is wrong; nothing can be built until it is fixed."""


class TemplateProblem(BriefingError):
    """A theme template failed to load or render."""


@dataclass(frozen=True)
class Notice:
    """A non-fatal remark about one input (kept as data, printed by the CLI)."""

    message: str
    path: str | None = None
    line: int | None = None

    def __str__(self) -> str:
        return located(self.path, self.line, "warning: " + self.message)


def located(path: str | None, line: int | None, message: str) -> str:
    """`file:line: message` for a terminal: a file name (or a message quoting one) holding control
    characters shows them escaped (\\x1b), so that printing it cannot drive the terminal."""
    where = path or ""
    if where and line:
        where = f"{where}:{line}"
    return shown(f"{where}: {message}" if where else message)


def to_rows(errors: list[BriefingError], notices: list[Notice]) -> list:
    """Errors and warnings as plain data (kept in the build record, so a later build that reuses
    what they were found in can report them again)."""
    return ([["error", type(e).__name__, e.message, e.path, e.line] for e in errors]
            + [["notice", "Notice", n.message, n.path, n.line] for n in notices])


def from_rows(rows: list) -> tuple[list[BriefingError], list[Notice]]:
    """The errors and warnings `to_rows` gave."""
    errors, notices = [], []
    for kind, cls, message, path, line in rows:
        if kind == "error":
            errors.append({"SourceError": SourceError}.get(cls, BriefingError)(message, path, line))
        else:
            notices.append(Notice(message, path, line))
    return errors, notices
