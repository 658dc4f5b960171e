"""Run a checker script the way a person does, and read what it prints."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_script(name: str, *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "scripts" / name), *map(str, args)],
        capture_output=True, text=True, cwd=cwd or ROOT,
    )


def assert_clean_failure(result: subprocess.CompletedProcess, *expected: str) -> list[str]:
    """A failure is a non-zero exit, no traceback, and one `path:line: message`
    line per problem containing each expected fragment somewhere."""
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "Traceback" not in output, output
    for fragment in expected:
        assert fragment in output, f"{fragment!r} not in:\n{output}"
    return [line for line in result.stdout.splitlines() if line]
