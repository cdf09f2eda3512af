"""The project's own code stays clean by the ruff rules in pyproject.toml (import order, unused
names, bugbear), so a reader never meets dead imports or shared mutable defaults."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_geo_and_gui_pass_ruff():
    ruff = shutil.which("ruff") or str(Path(sys.executable).with_name("ruff"))
    if not Path(ruff).exists():
        pytest.skip("ruff is not installed (it is in the 'test' extra)")
    out = subprocess.run([ruff, "check", "geo", "gui"], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr
