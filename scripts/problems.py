"""Shared reporting for the checkers: one line per problem, `path:line: message`."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Problems:
    """Collects problems and prints them in the one format every checker uses."""

    lines: list[str] = field(default_factory=list)

    def add(self, path: Path | str, line: int, message: str) -> None:
        self.lines.append(f"{display(path)}:{line}: {message}")

    def report(self, ok_message: str) -> int:
        """Print the problems (or the ok message) and return the exit code."""
        for line in self.lines:
            print(line)
        if self.lines:
            print(f"{len(self.lines)} problem(s) found", file=sys.stderr)
            return 1
        print(ok_message)
        return 0


def display(path: Path | str) -> str:
    """A path as the reader typed it: relative to the working directory when inside it."""
    path = Path(path)
    try:
        return os.path.relpath(path) if path.is_absolute() and Path.cwd() in path.parents else str(path)
    except ValueError:  # another drive on Windows
        return str(path)


def read_text(path: Path, problems: Problems) -> str | None:
    """Read a UTF-8 text file, or record why it cannot be read and return None."""
    try:
        data = path.read_bytes()
    except OSError as err:
        problems.add(path, 1, f"cannot read file ({err.strerror})")
        return None
    if b"\x00" in data:
        problems.add(path, 1, "cannot parse: binary data (NUL byte) in a text file")
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        problems.add(path, line, f"cannot parse: not valid UTF-8 (byte {err.start})")
        return None


def need_dir(path: Path, what: str, hint: str = "") -> str | None:
    """Return an error line if `path` is not an existing directory."""
    if not path.exists():
        return f"{display(path)}: {what} does not exist{hint}"
    if not path.is_dir():
        return f"{display(path)}: {what} is not a directory"
    return None
