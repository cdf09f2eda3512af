"""Nothing is lost: autosave survives ``kill -9``, failed saves keep the old file and the history.

A real Python process builds the bundled map, edits it through the undo history and autosaves
after every edit, as fast as it can, until the test sends SIGKILL (often in the middle of a
write). The autosave left behind must be a complete project holding at least every edit the
process had reported done, and a new window must recover it, marked unsaved.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import RecordingPrompts, wait_until

from geo.autosave import autosave_of, pending_recovery
from geo.project import load_project

ROOT = Path(__file__).resolve().parents[2]

EDITING_SESSION = r"""
import sys
from geo.autosave import write_autosave
from geo.document import MapDocument
from geo.history import History

folder = sys.argv[1]
doc = MapDocument.from_files()
history = History(doc)
history.edit("Title", lambda: doc.set_title("Edited before the crash", "Q4 2024, dead and missing"))
history.edit("Metric", lambda: doc.select("2024", "dead_missing", "IOM Missing Migrants Project"))
history.edit("Projection", lambda: setattr(doc, "crs", "EPSG:3035"))

def widen():
    doc.flow_style.max_width_mm = 9.25
    doc.style_changed()

history.edit("Width", widen)
write_autosave(doc, folder, None)
print("ready", flush=True)
n = 0
while True:
    n += 1
    history.edit(f"Note {n}", lambda: setattr(doc, "notes", f"edit {n}"))
    write_autosave(doc, folder, None)
    print(n, flush=True)
"""


@pytest.mark.slow
def test_autosave_survives_kill_9_and_is_recovered(tmp_path, qapp):
    state = tmp_path / "state"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.Popen([sys.executable, "-c", EDITING_SESSION, str(state)], cwd=tmp_path, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "ready", proc.stderr.read()
        done = 0
        deadline = time.monotonic() + 30
        while done < 25 and time.monotonic() < deadline:
            done = int(proc.stdout.readline())
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    assert done >= 25

    # the autosave is whole: at least the last edit reported done, never a half-written file
    autosave = pending_recovery(state)
    assert autosave is not None
    data = json.loads(autosave.read_text(encoding="utf-8"))
    saved_edit = int(data["notes"].removeprefix("edit "))
    assert saved_edit >= done
    assert autosave_of(autosave) is None  # an unsaved map

    doc = load_project(autosave)
    assert (doc.title, doc.subtitle) == ("Edited before the crash", "Q4 2024, dead and missing")
    assert (doc.period, doc.metric, doc.source) == ("2024", "dead_missing", "IOM Missing Migrants Project")
    assert doc.crs == "EPSG:3035" and doc.flow_style.max_width_mm == 9.25
    assert doc.notes == f"edit {saved_edit}"
    assert len(doc.join().flows) > 0

    # a new window offers the autosave, and the recovered map counts as unsaved
    from gui.main_window import MainWindow

    prompts = RecordingPrompts()
    win = MainWindow(None, prompts=prompts, state_dir=state)
    try:
        win.files.autosave_timer.stop()
        assert win.doc.title != "Edited before the crash"
        assert win.files.offer_recovery()
        wait_until(lambda: not win.files.tasks.busy)
        assert prompts.errors == []
        assert (win.doc.title, win.doc.metric, win.doc.crs) == ("Edited before the crash", "dead_missing", "EPSG:3035")
        assert win.doc.notes == f"edit {saved_edit}" and win.history.is_dirty
    finally:
        win.files.clean_exit()
        win.history.mark_clean()
        win.close()
        win.deleteLater()
    assert pending_recovery(state) is None


def test_a_failed_save_keeps_the_previous_file_and_the_history(tmp_path, qapp, bundled_doc_factory):
    from gui.main_window import MainWindow

    prompts = RecordingPrompts()
    win = MainWindow(bundled_doc_factory(), prompts=prompts, state_dir=tmp_path / "state")
    try:
        win.files.autosave_timer.stop()
        project = tmp_path / "map.crossings.json"
        assert win.files.save_as(project)
        before = project.read_bytes()
        win.history.edit("Title", lambda: win.doc.set_title("Changed"))
        history = (win.history.can_undo, win.history.undo_label, win.history.is_dirty)

        blocked = tmp_path / "not_a_folder"
        blocked.write_text("a file where a folder should be")
        assert not win.files.save_as(blocked / "map.crossings.json")
        assert len(prompts.errors) == 1 and "\n" not in prompts.errors[0][1]
        assert (win.history.can_undo, win.history.undo_label, win.history.is_dirty) == history
        assert win.files.project == project and project.read_bytes() == before
        assert win.doc.title == "Changed"
        assert win.history.undo() and win.doc.title != "Changed"
    finally:
        win.history.mark_clean()
        win.close()
        win.deleteLater()


@pytest.mark.slow
def test_many_bad_files_in_a_row_do_not_crash_the_window_process(tmp_path):
    """Regression: reading on Qt's pooled threads freed pyproj's per-thread PROJ context between
    tasks, so the second file read on a reused thread crashed the whole app (SIGSEGV)."""
    script = r"""
import sys, tempfile
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from PySide6.QtWidgets import QApplication
app = QApplication([])
from conftest import RecordingPrompts, wait_until
from corpus_cases import by_id
from geo.document import MapDocument
from gui.main_window import MainWindow
folder = Path(sys.argv[2])
prompts = RecordingPrompts()
win = MainWindow(MapDocument.from_files(), prompts=prompts, state_dir=folder / "state")
win.files.autosave_timer.stop()
ids = ["geom-line-one-distinct-point", "geom-polygon-without-area", "shp-missing-shx", "geom-nan-coordinate",
       "layer-lonlat-declared-mercator", "csv-negative", "geom-unclosed-ring", "layer-no-crs"] * 2
for i, case_id in enumerate(ids):
    sub = folder / f"{i}"
    sub.mkdir()
    win.files.open_paths([by_id(case_id).build(sub)])
    wait_until(lambda: not win.files.tasks.busy)
print(len(prompts.errors), flush=True)
win.history.mark_clean()
"""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "tests")]), "QT_QPA_PLATFORM": "offscreen"}
    run = subprocess.run([sys.executable, "-c", script, str(Path(__file__).parent), str(tmp_path)], cwd=tmp_path,
                         env=env, capture_output=True, text=True, timeout=180)
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.stdout.strip() == "16"
