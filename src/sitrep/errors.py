"""Errors that reach the user as one clear line (no traceback unless --debug)."""

from __future__ import annotations

from pathlib import Path


def shown(path: object) -> str:
    """A path as it can be printed: bytes of a non-UTF-8 file name become U+FFFD."""
    text = str(path)
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


class SitrepError(Exception):
    """Base class: anything the CLI reports as a one-line error."""


class ConfigError(SitrepError):
    """An invalid ``brief.toml``: carries the file, the line and the key."""

    def __init__(self, path: Path, message: str, line: int | None = None) -> None:
        self.path = path
        self.line = line
        self.message = message
        where = f"{shown(path)}:{line}" if line else shown(path)
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
        where = f"{shown(path)}:{line}" if line else shown(path)
        at = f" (at byte {offset})" if offset is not None else ""
        super().__init__(f"{where}: cannot read article: {reason}{at}")


class BriefNotFoundError(SitrepError):
    """A brief name or folder that does not exist."""


class TemplateFailure(SitrepError):
    """A template that does not compile or render: names the template file and line."""

    def __init__(self, where: str, message: str) -> None:
        self.where = where
        self.message = message
        super().__init__(f"{where}: template error: {message}")
