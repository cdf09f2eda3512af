"""Every corpus case through ``crossings render``: in-process, and a handful as a real process.

A bad file ends with exactly one line, ``crossings: error: <the case's message>``, exit status 2
and nothing written to the output folder (not even a temporary file). A readable file renders.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from corpus_cases import CASES, Case, by_id
from test_corpus_loaders import ids

from gui.cli import main

OPTION = {"flows": "--flows", "routes": "--routes", "boundaries": "--boundaries", "places": "--places"}
ROOT = Path(__file__).resolve().parents[2]


def cli_cases():
    for case in CASES:
        if not case.cli:
            continue
        yield pytest.param(case, id=case.id)


def expected_line(case: Case, folder: Path) -> str | None:
    message = case.cli_error or case.expected(folder)
    return None if message is None else f"crossings: error: {message}"


@pytest.mark.parametrize("case", list(cli_cases()))
def test_render(case, tmp_path, capsys, qapp):
    data, out = tmp_path / "in", tmp_path / "out"
    data.mkdir()
    out.mkdir()
    path = case.build(data)
    code = main(["render", "--dpi", "30", "--out-dir", str(out), OPTION[case.loader], str(path)])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err + captured.out
    expected = expected_line(case, data)
    if expected is not None:
        *warnings, last = captured.err.strip().splitlines()
        assert code == 2, captured.err
        assert all(w.startswith("warning: ") for w in warnings), "one line for the error; only warnings before it"
        assert last.startswith(expected) if case.prefix else last == expected
        if case.cli_error is None:
            assert warnings == []
        assert list(out.iterdir()) == [], "a failed render left files behind"
    else:
        assert code == 0, captured.err
        written = sorted(p.name for p in out.iterdir())
        assert any(n.endswith(".png") for n in written) and not [n for n in written if n.startswith(".")]
        if case.warning:
            assert case.warning in captured.err, captured.err


SUBPROCESS_CASES = ["shp-truncated-shp", "geojson-not-json", "csv-200mb-sparse", "xlsx-merged-header-cells",
                    "kml-no-placemarks", "vrt-pointing-at-the-web", "geom-line-single-coordinate"]


@pytest.mark.slow
@pytest.mark.parametrize("case_id", SUBPROCESS_CASES)
def test_real_process_says_one_line_and_exits_2(case_id, tmp_path):
    case = by_id(case_id)
    data, out = tmp_path / "in", tmp_path / "out"
    data.mkdir()
    out.mkdir()
    path = case.build(data)
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(tmp_path), "LANG": "C.UTF-8",
           "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    run = subprocess.run([sys.executable, "-m", "gui.cli", "render", "--dpi", "30", OPTION[case.loader], str(path)],
                         cwd=out, env=env, capture_output=True, text=True, timeout=120)
    assert "Traceback" not in run.stderr + run.stdout
    assert run.returncode == 2 and run.stdout == ""
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1, run.stderr
    expected = expected_line(case, data)
    assert lines[0].startswith(expected) if case.prefix else lines[0] == expected
    assert list(out.iterdir()) == [], "a failed render left files behind"


assert ids


# -- faults while writing -------------------------------------------------------------------------
@pytest.mark.parametrize("fault", [
    "gpkg-is-a-folder",
    "png-is-a-folder",
    "out-dir-is-a-file",
])
def test_write_faults_end_in_one_line_and_leave_no_temporary_file(fault, tmp_path, capsys, qapp):
    out = tmp_path / "out"
    out.mkdir()
    args = ["render", "-q", "--dpi", "30", "--out-dir", str(out)]
    if fault == "gpkg-is-a-folder":
        (out / "map.gpkg").mkdir()
        args += ["--no-png", "--no-geojson", "--gpkg", str(out / "map.gpkg")]
    elif fault == "png-is-a-folder":
        (out / "crossings_2024Q4_arrivals.png").mkdir()
        args += ["--no-geojson"]
    else:
        (tmp_path / "file").write_text("x")
        args[args.index(str(out))] = str(tmp_path / "file")
    try:
        code = main(args)
    except Exception as exc:  # what a user would see as a traceback
        pytest.fail(f"traceback: {type(exc).__name__}: {exc}")
    lines = capsys.readouterr().err.strip().splitlines()
    assert code == 2 and len(lines) == 1 and lines[0].startswith("crossings: error: "), lines
    assert not [p.name for p in out.iterdir() if p.name.startswith(".")], "a temporary file was left behind"
