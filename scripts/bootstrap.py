"""Create the project's virtual environment and install its pinned dependencies.

Used by serve.py and test.py so that a fresh clone needs only Python 3.11+.
The environment lives in .venv; it is reinstalled only when pyproject.toml's
dependencies change (a stamp file records what was installed).
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import tomllib
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
STAMP = VENV / ".installed.json"


class SetupError(Exception):
    """A set-up step failed; the message says which and why."""


def venv_python() -> Path:
    sub = "Scripts/python.exe" if os.name == "nt" else "bin/python"
    return VENV / sub


def requirements(extras: tuple[str, ...]) -> list[str]:
    path = ROOT / "pyproject.toml"
    try:
        project = tomllib.loads(path.read_text(encoding="utf-8"))["project"]
    except (OSError, tomllib.TOMLDecodeError, KeyError) as err:
        raise SetupError(f"{path}: cannot read [project] ({err})") from None
    reqs = list(project.get("dependencies", []))
    optional = project.get("optional-dependencies", {})
    for extra in extras:
        if extra not in optional:
            raise SetupError(f"{path}: no optional dependency group {extra!r}")
        reqs += optional[extra]
    return reqs


def ensure_env(extras: tuple[str, ...] = ()) -> Path:
    """Return the venv's python, creating and installing into it if needed."""
    if sys.version_info < (3, 11):
        raise SetupError(f"Python 3.11+ is needed; this is {sys.version.split()[0]}")
    reqs = requirements(extras)
    want = hashlib.sha256(json.dumps(sorted(reqs)).encode()).hexdigest()
    python = venv_python()
    if python.exists() and STAMP.exists():
        try:
            if json.loads(STAMP.read_text()).get("hash") == want:
                return python
        except (OSError, ValueError):
            pass  # a damaged stamp just means: install again
    if not python.exists():
        print(f"setup: creating {VENV.relative_to(ROOT)}", flush=True)
        venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
    print(f"setup: installing {len(reqs)} pinned packages", flush=True)
    cmd = [str(python), "-m", "pip", "install", "--disable-pip-version-check", "-q", *reqs]
    if subprocess.call(cmd) != 0:
        raise SetupError("pip install failed (see its output above)")
    STAMP.write_text(json.dumps({"hash": want, "requirements": sorted(reqs)}, indent=1))
    return python


def run_in_env(args: list[str], extras: tuple[str, ...] = ()) -> int:
    """Set up the environment, then run `python args...` inside it; return its exit code."""
    try:
        python = ensure_env(extras)
    except SetupError as err:
        print(f"setup: {err}", file=sys.stderr)
        return 2
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONDONTWRITEBYTECODE="1")
    try:
        return subprocess.call([str(python), *args], cwd=ROOT, env=env)
    except KeyboardInterrupt:
        return 130
