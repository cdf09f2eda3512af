"""Every corpus file dropped on one open window, one after the other.

A bad file shows exactly the case's message in the error prompt (its first line: the window may
list further problems below), and leaves the document, its undo history and its saved/unsaved
state exactly as they were. A readable file is applied as one undoable step, and undoing it
brings the document back.
"""

from __future__ import annotations

import pytest
from conftest import wait_until
from corpus_cases import CASES
from test_corpus_loaders import assert_message, ids

from geo.history import snapshot, snapshot_equal

pytestmark = pytest.mark.filterwarnings("ignore::RuntimeWarning")

# Files the window cannot yet refuse cleanly, with the reason (reported; see the corpus README).


def state(win):
    h = win.history
    return snapshot(win.doc), (h.can_undo, h.undo_label, h.can_redo, h.redo_label, h.is_dirty)


def window_cases():
    for case in CASES:
        if not case.gui:
            continue
        yield pytest.param(case, id=case.id)


@pytest.mark.parametrize("case", list(window_cases()))
def test_drop_on_the_window(case, corpus_window, tmp_path):
    win = corpus_window
    prompts = win.prompts
    path = case.build(tmp_path)
    expected = case.expected(tmp_path)
    before_doc, before_history = state(win)
    prompts.errors.clear()

    win.files.open_paths([path])
    wait_until(lambda: not win.files.tasks.busy)

    after_doc, after_history = state(win)
    if expected is not None:
        assert len(prompts.errors) == 1, prompts.errors
        _title, message = prompts.errors[0]
        assert_message(case, message.split("\n\n")[0], expected)
        assert snapshot_equal(before_doc, after_doc), "a failed load changed the open document"
        assert after_history == before_history, "a failed load changed the undo history"
    else:
        assert prompts.errors == []
        if case.loader == "project":
            return
        assert win.history.can_undo and not snapshot_equal(before_doc, after_doc)
        win.canvas.render_now()  # the map draws what was read
        win.history.undo()
        assert snapshot_equal(before_doc, snapshot(win.doc))
        assert state(win)[1][:2] == before_history[:2]


assert ids  # re-exported helper, keeps the import explicit
