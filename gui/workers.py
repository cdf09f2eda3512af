"""Long work (reading big files, exports, map renders) off the UI thread, with progress and cancel.

A task is a plain function ``fn(progress, cancelled) -> result``: it calls ``progress(0..1, text)``
and checks ``cancelled()`` between steps, raising :class:`Cancelled` to stop. ``TaskRunner`` runs
it on a Python thread pool and hands the result or the error back on the UI thread through queued
signals. Tasks are plain Python objects, so no C++ object can be deleted under a running thread.
"""

from __future__ import annotations

import concurrent.futures
import itertools
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal

Progress = Callable[[float, str], None]


class Cancelled(Exception):
    """Raised by a task that noticed it was cancelled."""


class Task:
    """A handle on one running task: ``cancel()`` asks it to stop at its next check."""

    _ids = itertools.count(1)

    def __init__(self, fn: Callable[[Progress, Callable[[], bool]], Any]) -> None:
        self.id = next(self._ids)
        self.fn = fn
        self.is_cancelled = False
        self.future: concurrent.futures.Future | None = None

    def cancel(self) -> None:
        self.is_cancelled = True


class TaskRunner(QObject):
    """Runs tasks on worker threads; handlers run on the UI thread. ``idle`` fires when none is left."""

    idle = Signal()
    _progress = Signal(int, float, str)
    _finished = Signal(int, int, object)  # task id, handler index (0 done, 1 failed, 3 cancelled), value

    def __init__(self, parent: QObject | None = None, threads: int = 2) -> None:
        super().__init__(parent)
        self._pool = concurrent.futures.ThreadPoolExecutor(max_workers=threads, thread_name_prefix="crossings")
        self._running: dict[int, tuple[Task, tuple]] = {}
        self._progress.connect(self._on_progress, Qt.ConnectionType.QueuedConnection)
        self._finished.connect(self._on_finished, Qt.ConnectionType.QueuedConnection)

    @property
    def busy(self) -> bool:
        return bool(self._running)

    def start(self, fn, on_done: Callable[[Any], None], on_failed: Callable[[BaseException], None],
              on_progress: Callable[[float, str], None] | None = None,
              on_cancelled: Callable[[], None] | None = None) -> Task:
        """Run ``fn`` off the UI thread; the handlers are called on the UI thread."""
        task = Task(fn)
        self._running[task.id] = (task, (on_done, on_failed, on_progress, on_cancelled))
        task.future = self._pool.submit(self._run, task)
        return task

    def _run(self, task: Task) -> None:
        def progress(fraction: float, text: str = "") -> None:
            self._emit(self._progress, task.id, float(fraction), text)

        try:
            result = task.fn(progress, lambda: task.is_cancelled)
        except Cancelled:
            self._emit(self._finished, task.id, 3, None)
        except BaseException as exc:  # handed to the UI thread, which decides how to show it
            exc.traceback_text = traceback.format_exc()
            self._emit(self._finished, task.id, 1, exc)
        else:
            self._emit(self._finished, task.id, 3 if task.is_cancelled else 0, result)

    @staticmethod
    def _emit(signal, *args) -> None:
        try:
            signal.emit(*args)
        except RuntimeError:  # the runner was deleted (window closed): nobody is listening
            pass

    def _on_progress(self, task_id: int, fraction: float, text: str) -> None:
        entry = self._running.get(task_id)
        if entry and entry[1][2]:
            entry[1][2](fraction, text)

    def _on_finished(self, task_id: int, which: int, value: Any) -> None:
        entry = self._running.pop(task_id, None)
        try:
            handler = entry[1][which] if entry else None
            if handler is not None:
                handler() if which == 3 else handler(value)
        finally:
            if not self._running:
                self.idle.emit()

    def wait(self, msecs: int = 30000) -> bool:
        """Block until running tasks end (their handlers run later, from the event loop)."""
        futures = [t.future for t, _ in self._running.values() if t.future is not None]
        _, pending = concurrent.futures.wait(futures, timeout=msecs / 1000)
        return not pending
