"""Faults in the middle of writing: a file size limit, a full disk, ``kill -9``, special files.

The faults are real, not mocked: a child process runs ``crossings render`` under
``RLIMIT_FSIZE`` (the kernel fails the write that crosses the limit with EFBIG, after the bytes
before it were written), on a tmpfs that is nearly full (ENOSPC), or is killed with SIGKILL while
a temporary is open. Every case must end in one line naming the file and the cause, exit status
2, no traceback, and the output folder exactly as it was: no new file, no temporary, an old map
untouched. A complete set, or nothing.
"""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from geo.atomic import TEMP_MARK, clean_stale_temporaries

ROOT = Path(__file__).resolve().parents[2]
OLD_MAP = b"last quarter's map, which a failed export must not touch"

# Each writer alone, and the whole set (options after --out-dir DIR --name m --dpi 60 -q).
WRITERS = {
    "png": ["--no-geojson"],
    "svg": ["--no-png", "--no-geojson", "--svg", "{d}/m.svg"],
    # small multiples: the finished PDF of one map (287 kB at 60 dpi) fits the 400 kB disk below; two take 761 kB
    "pdf": ["--no-png", "--no-geojson", "--pdf", "{d}/m.pdf", "--periods", "2023", "2024"],
    "geojson": ["--no-png"],
    "gpkg": ["--no-png", "--no-geojson", "--gpkg", "{d}/m.gpkg"],
    "html": ["--no-png", "--no-geojson", "--html", "{d}/m.html"],
    "all": ["--svg", "{d}/m.svg", "--pdf", "{d}/m.pdf", "--gpkg", "{d}/m.gpkg", "--html", "{d}/m.html"],
}

# Runs in a child: measures each output's size unlimited, then renders again with the file size
# limit set to a fraction of the largest file, so the write fails part-way through.
_CHILD = textwrap.dedent("""
    import contextlib, io, json, os, resource, signal, sys
    from pathlib import Path
    from gui.cli import main

    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)   # EFBIG instead of death, as a full disk would be
    cases, base, old_map = json.loads(sys.argv[1]), Path(sys.argv[2]), sys.argv[3].encode()
    hard = resource.getrlimit(resource.RLIMIT_FSIZE)[1]
    results = {}
    for name, (options, fractions) in cases.items():
        probe = base / f"{name}-probe"
        probe.mkdir()
        args = ["render", "-q", "--out-dir", str(probe), "--name", "m", "--dpi", "60"]
        assert main(args + [o.replace("{d}", str(probe)) for o in options]) == 0
        sizes = {p.name: p.stat().st_size for p in probe.iterdir()}
        largest = max(sizes.values())
        for fraction in fractions:
            out = base / f"{name}-{fraction}"
            out.mkdir()
            (out / "m.png").write_bytes(old_map)
            limit = max(1, int(largest * fraction))
            err = io.StringIO()
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit, hard))
            try:
                with contextlib.redirect_stderr(err):
                    code = main(["render", "-q", "--out-dir", str(out), "--name", "m", "--dpi", "60"]
                                + [o.replace("{d}", str(out)) for o in options])
            finally:
                resource.setrlimit(resource.RLIMIT_FSIZE, (hard, hard))
            results[f"{name}-{fraction}"] = {
                "code": code, "stderr": err.getvalue(), "limit": limit, "sizes": sizes,
                "left": sorted(p.name for p in out.iterdir()), "old": (out / "m.png").read_bytes().decode("latin-1")}
    print(json.dumps(results))
""")


def _child_env() -> dict:
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}


@pytest.fixture(scope="module")
def size_limit_results(tmp_path_factory):
    base = tmp_path_factory.mktemp("fsize")
    cases = {name: (options, [0.5] if name != "all" else [0.8]) for name, options in WRITERS.items()}
    cases["png"] = (WRITERS["png"], [0.0, 0.5, 0.95])  # before the first byte, in the middle, near the end
    proc = subprocess.run([sys.executable, "-c", _CHILD, json.dumps(cases), str(base), OLD_MAP.decode()], capture_output=True,
                          text=True, env=_child_env(), timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return json.loads(proc.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("case", ["png-0.0", "png-0.5", "png-0.95", "svg-0.5", "pdf-0.5", "geojson-0.5",
                                  "gpkg-0.5", "html-0.5", "all-0.8"])
def test_a_write_cut_off_by_the_file_size_limit_leaves_the_folder_as_it_was(size_limit_results, case):
    result = size_limit_results[case]
    lines = result["stderr"].strip().splitlines()
    assert result["code"] == 2, result
    assert len(lines) == 1 and "Traceback" not in result["stderr"], result["stderr"]
    assert lines[0].startswith("crossings: error: m"), lines
    assert lines[0].endswith("the file would be larger than this system allows; no file of this export was "
                             "written"), lines
    assert result["left"] == ["m.png"] and result["old"] == OLD_MAP.decode("latin-1"), result


def test_the_whole_set_fails_late_after_earlier_files_were_complete(size_limit_results):
    """In the 'all' case the limit lets the PNG, SVG and PDF through and stops a later writer."""
    result = size_limit_results["all-0.8"]
    written_before = [name for name in ("m.png", "m.svg", "m.pdf") if result["sizes"][name] < result["limit"]]
    assert len(written_before) == 3, result["sizes"]
    assert "m_countries.geojson" in result["stderr"] or "m.gpkg" in result["stderr"], result["stderr"]


@pytest.fixture
def nearly_full_disk(tmp_path):
    """A 400 kB tmpfs (needs root, as in CI; skipped elsewhere: the size-limit tests still run)."""
    mount = tmp_path / "disk"
    mount.mkdir()
    proc = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=400k", "tmpfs", str(mount)], capture_output=True,
                          text=True)
    if proc.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {proc.stderr.strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", str(mount)], check=False)


@pytest.mark.parametrize("writer", ["png", "svg", "pdf", "geojson", "gpkg", "html"])
def test_a_full_disk_is_named_and_leaves_nothing(nearly_full_disk, writer):
    disk = nearly_full_disk
    (disk / "m.png").write_bytes(OLD_MAP)
    options = [o.replace("{d}", str(disk)) for o in WRITERS[writer]]
    # a PNG larger than the disk (the fitted default map: 315 kB at 150 dpi, 625 kB at 300); the SVG, its
    # texts now text and not outlined halos, is 213 kB at 60 dpi and 518 kB at 1200; the PDF of two small
    # multiples, its halos now grown glyphs, 232 kB with its grid at 60 dpi and 561 kB at 300
    dpi = {"png": "300", "svg": "1200", "pdf": "300"}.get(writer, "60")
    proc = subprocess.run([sys.executable, "-m", "gui.cli", "render", "-q", "--out-dir", str(disk), "--name", "m",
                           "--dpi", dpi, *options], capture_output=True, text=True, env=_child_env(), cwd=ROOT,
                          timeout=300)
    lines = proc.stderr.strip().splitlines()
    assert proc.returncode == 2 and len(lines) == 1, proc.stderr
    assert lines[0].startswith("crossings: error: m") and "the disk is full" in lines[0], lines
    assert sorted(p.name for p in disk.iterdir()) == ["m.png"] and (disk / "m.png").read_bytes() == OLD_MAP


def test_kill_9_mid_write_leaves_temporaries_that_the_next_run_removes(tmp_path):
    """The child is killed while its temporary GeoPackage is half written (held open by a pause
    injected after the first layer); the next render into the folder cleans up after it."""
    child = textwrap.dedent("""
        import sys, time
        import geo.exports.vector as vector
        real = vector._write
        def slow(gdf, path, driver, layer=None, **kw):
            real(gdf, path, driver, layer=layer, **kw)
            if driver == "GPKG":
                print("paused", flush=True)
                time.sleep(120)
        vector._write = slow
        from gui.cli import main
        main(sys.argv[1:])
    """)
    out = tmp_path / "out"
    out.mkdir()
    proc = subprocess.Popen([sys.executable, "-c", child, "render", "-q", "--out-dir", str(out), "--name", "m",
                             "--dpi", "60", "--no-geojson", "--gpkg", str(out / "m.gpkg")],
                            stdout=subprocess.PIPE, text=True, env=_child_env(), cwd=ROOT)
    try:
        assert proc.stdout.readline().strip() == "paused"
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(30)
    left = sorted(p.name for p in out.iterdir())
    assert left and all(TEMP_MARK in name for name in left), left  # the PNG and the GeoPackage, unfinished
    assert not (out / "m.png").exists() and not (out / "m.gpkg").exists()

    assert sorted(p.name for p in clean_stale_temporaries(out)) == left
    assert list(out.iterdir()) == []


def test_a_temporary_of_a_running_process_is_left_alone(tmp_path):
    mine = tmp_path / f".m{TEMP_MARK}{os.getpid()}-abcd1234.png"
    mine.write_bytes(b"being written")
    dead = tmp_path / f".m{TEMP_MARK}{_dead_pid()}-abcd1234.png"
    dead.write_bytes(b"left by a killed run")
    old = tmp_path / f".m{TEMP_MARK}1-abcd1234.png"  # pid 1 is alive, but the file is two days old
    old.write_bytes(b"left long ago")
    os.utime(old, (time.time() - 2 * 86400,) * 2)
    user = tmp_path / "notes.crossings-tmp-1-abcd.txt"  # not hidden: not ours
    user.write_text("mine")
    assert sorted(p.name for p in clean_stale_temporaries(tmp_path)) == sorted([dead.name, old.name])
    assert mine.exists() and user.exists()


def _dead_pid() -> int:
    proc = subprocess.Popen(["true"])
    proc.wait()
    return proc.pid


@pytest.fixture(params=["fifo", "character device"])
def special_file(request, tmp_path):
    """A special file made for the test, never the real /dev/null: a regression would replace it."""
    path = tmp_path / "special" / "map.png"
    path.parent.mkdir()
    if request.param == "fifo":
        os.mkfifo(path)
    else:
        try:
            os.mknod(path, 0o666 | stat.S_IFCHR, os.makedev(1, 7))  # as /dev/full
        except PermissionError:
            pytest.skip("making a device node needs root")
    return path


def test_a_device_or_pipe_is_never_replaced_by_an_output(tmp_path, special_file, capsys):
    from gui.cli import main

    before = os.stat(special_file)
    code = main(["render", "-q", "--out-dir", str(tmp_path), "--png", str(special_file), "--no-geojson"])
    err = capsys.readouterr().err.strip()
    assert code == 2
    assert err == f"crossings: error: {special_file}: is a device, pipe or socket, not a file; give a file name"
    after = os.stat(special_file)
    assert (after.st_ino, after.st_mode, after.st_rdev) == (before.st_ino, before.st_mode, before.st_rdev)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["special"]
    assert [p.name for p in special_file.parent.iterdir()] == ["map.png"]


def test_a_bad_last_output_is_refused_before_the_first_is_written(tmp_path, capsys):
    from gui.cli import main

    code = main(["render", "-q", "--out-dir", str(tmp_path), "--name", "m", "--dpi", "60",
                 "--html", str(tmp_path / "missing" / "m.html")])
    err = capsys.readouterr().err.strip()
    assert code == 2 and err.endswith(f"folder {tmp_path / 'missing'} does not exist"), err
    assert list(tmp_path.iterdir()) == []
