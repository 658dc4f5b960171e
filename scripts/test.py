"""Run every test: python3 scripts/test.py [pytest options]

Sets up .venv with the test dependencies on first use (see bootstrap.py), then
runs pytest. The browser tests drive Debian's Chromium (/usr/bin/chromium, or
$CHROMIUM); without it they are skipped locally and fail in CI (CI=true).
"""

import sys

from bootstrap import run_in_env


def main() -> int:
    args = sys.argv[1:]
    # Two workers (pytest-xdist): the browser sweep of every page dominates the run.
    # Pass -n 0 to run in one process.
    if not any(a == "-n" or a.startswith("-n") or a.startswith("--numprocesses") for a in args):
        args = ["-n", "2", *args]
    return run_in_env(["-m", "pytest", *args], extras=("test",))


if __name__ == "__main__":
    sys.exit(main())
