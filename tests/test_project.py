"""The project's promises to a new contributor: two commands, pinned deps, honest CI."""

from __future__ import annotations

import re
import tomllib

import yaml
from conftest import ROOT


def readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"^```(?:sh|bash|shell|console)\n(.*?)^```", text, re.S | re.M)
    return [line.strip() for block in blocks for line in block.splitlines() if line.strip()]


def test_readme_has_exactly_two_commands_and_they_exist():
    commands = readme_commands()
    assert commands == ["python3 scripts/serve.py", "python3 scripts/test.py"], commands
    for command in commands:
        assert (ROOT / command.split()[1]).is_file()


def test_ci_runs_the_readmes_test_command_in_a_fresh_venv():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "set -euo pipefail" in ci
    assert "rm -rf .venv" in ci
    assert re.search(r"^python3 scripts/test.py$", ci, re.M)
    assert "apt-get install" in ci and "chromium" in ci


def test_every_dependency_is_pinned():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    deps = project["dependencies"] + [d for group in project["optional-dependencies"].values() for d in group]
    names = {re.split(r"[=<>!~]", d)[0].lower() for d in deps}
    assert {"mkdocs", "mkdocs-material", "pymdown-extensions", "mkdocs-awesome-pages-plugin",
            "pytest", "playwright"} <= names
    assert all(re.fullmatch(r"[A-Za-z0-9._-]+==[0-9][0-9A-Za-z.]*", d) for d in deps), deps


def test_deploy_workflow_builds_strictly_with_least_privilege():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "deploy.yml").read_text(encoding="utf-8"))
    assert workflow["permissions"] == {"contents": "read"}
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    assert "permissions" not in build
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    run = "\n".join(step.get("run", "") for step in build["steps"])
    assert "mkdocs build --strict" in run and "check_links.py" in run and "check_tables.py" in run


def test_no_page_asks_another_host_for_fonts_or_the_github_api():
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert re.search(r"^\s+font: false$", config, re.M)
    assert not re.search(r"^repo_url:", config, re.M)
