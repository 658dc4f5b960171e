"""Run every test: python3 scripts/test.py [pytest options]

Sets up .venv with the test dependencies on first use (see bootstrap.py), then
runs pytest. The browser tests drive Debian's Chromium (/usr/bin/chromium, or
$CHROMIUM); without it they are skipped locally and fail in CI (CI=true).
"""

import sys

from bootstrap import run_in_env


def main() -> int:
    return run_in_env(["-m", "pytest", *sys.argv[1:]], extras=("test",))


if __name__ == "__main__":
    sys.exit(main())
