"""Serve the site locally with live reload: python3 scripts/serve.py [mkdocs serve options]

Sets up .venv on first use (see bootstrap.py), then runs `mkdocs serve`.
Open http://127.0.0.1:8000/ once it says "Serving".
"""

import sys

from bootstrap import run_in_env


def main() -> int:
    return run_in_env(["-m", "mkdocs", "serve", "--livereload", *sys.argv[1:]])


if __name__ == "__main__":
    sys.exit(main())
