"""Project hygiene that CI relies on: the workflow is valid and the code is ruff clean."""

import shutil
import subprocess
import sys
from pathlib import Path

from .conftest import REPO


def _tool(name: str) -> str:
    found = shutil.which(name) or str(Path(sys.executable).with_name(name))
    assert Path(found).exists(), f"{name} is a test dependency (pip install '.[test]')"
    return found


def test_workflow_passes_actionlint():
    workflow = REPO / ".github" / "workflows" / "briefs.yml"
    done = subprocess.run([_tool("actionlint"), str(workflow)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_ruff_is_clean():
    done = subprocess.run(
        [_tool("ruff"), "check", "src", "tests"], cwd=REPO, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr
