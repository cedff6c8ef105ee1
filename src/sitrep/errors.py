"""Errors that reach the user as one clear line (no traceback unless --debug)."""

from __future__ import annotations

from pathlib import Path


class SitrepError(Exception):
    """Base class: anything the CLI reports as a one-line error."""


class ConfigError(SitrepError):
    """An invalid ``brief.toml``: carries the file, the line and the key."""

    def __init__(self, path: Path, message: str, line: int | None = None) -> None:
        self.path = path
        self.line = line
        self.message = message
        where = f"{path}:{line}" if line else str(path)
        super().__init__(f"{where}: {message}")


class ArticleError(SitrepError):
    """An article that cannot be read: names the file (with the line or byte offset when
    known) and why."""

    def __init__(
        self, path: Path, reason: str, *, line: int | None = None, offset: int | None = None
    ) -> None:
        self.path = path
        self.reason = reason
        self.line = line
        self.offset = offset
        where = f"{path}:{line}" if line else str(path)
        at = f" (at byte {offset})" if offset is not None else ""
        super().__init__(f"{where}: cannot read article: {reason}{at}")


class BriefNotFoundError(SitrepError):
    """A brief name or folder that does not exist."""
