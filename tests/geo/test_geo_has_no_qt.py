"""geo/ is the domain: importing every module of it must not pull in Qt."""

import pkgutil
import subprocess
import sys
from pathlib import Path

import geo


def test_importing_all_of_geo_loads_no_qt():
    names = [m.name for m in pkgutil.walk_packages(geo.__path__, "geo.")]
    assert "geo.document" in names and "geo.exports.vector" in names
    code = (
        "import importlib, sys\n"
        f"for n in {names!r}: importlib.import_module(n)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'gui'))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=Path(geo.__file__).parent.parent)
    assert out.stdout.strip() == ""
