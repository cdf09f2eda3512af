"""Opening data and projects, saving, recent files and autosave: the window's file logic, no widgets.

Files are read off the UI thread; only a complete result touches the document, in one undoable
step, so a failed load leaves the open map exactly as it was.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, QTimer, Signal

from geo.autosave import discard_autosave, pending_recovery, write_autosave
from geo.document import MapDocument
from geo.errors import ChoiceNeeded, CrossingsError
from geo.figures_edit import merge_tables
from geo.flow_table import read_flow_table
from geo.history import History, restore, snapshot
from geo.project import FORMAT, guess_layer, is_figures_file, load_project, save_project
from gui.dialogs.prompts import Prompts
from gui.workers import TaskRunner

MAX_RECENT = 8
AUTOSAVE_MS = 60_000


def is_project_file(path: Path) -> bool:
    if path.name.endswith(".crossings.json"):
        return True
    if path.suffix.lower() != ".json":
        return False
    try:
        with path.open(encoding="utf-8") as f:
            return f'"{FORMAT}"' in f.read(4096)
    except OSError:
        return False


class FileActions(QObject):
    """Everything that reads or writes files for one window's document."""

    project_changed = Signal(object)  # the project Path or None
    recent_changed = Signal()
    message = Signal(str)
    layer_added = Signal(object)

    def __init__(self, doc: MapDocument, history: History, prompts: Prompts, parent_widget, state_dir: Path) -> None:
        super().__init__(parent_widget)
        self.doc, self.history, self.prompts, self.widget = doc, history, prompts, parent_widget
        self.state_dir = Path(state_dir)
        self.project: Path | None = None
        self.tasks = TaskRunner(self)
        self.autosave_timer = QTimer(self, interval=AUTOSAVE_MS, timeout=self.autosave)
        self.autosave_timer.start()

    # -- opening ----------------------------------------------------------------------------------
    def open_paths(self, paths: list[str | Path]) -> None:
        """Open what the user dropped or picked: projects, figures tables and any vector or point file."""
        for p in map(Path, paths):
            if is_project_file(p):
                self.open_project(p)
            else:
                self._read(p, self._apply_figures if is_figures_file(p) else self._apply_layer)

    def _read(self, path: Path, apply, choice: str | None = None) -> None:
        """Read on a worker; ``choice`` is the layer or sheet the user picked in a file holding several."""
        def work(progress, cancelled):
            progress(0.1, path.name)
            if apply == self._apply_figures:
                return read_flow_table(path, sheet=choice)
            return guess_layer(path, None, layer=choice)
        self.message.emit(self.tr("Reading {0}…").format(path.name))
        self.tasks.start(work, apply, lambda exc: self._failed(path, exc, apply))

    def _ask_choice(self, path: Path, exc: ChoiceNeeded, apply) -> None:
        """A GeoPackage with several layers, a workbook with several sheets: the user picks, never Crossings."""
        if exc.kind == "sheet":
            title = self.tr("Choose a sheet")
            label = self.tr("{0} holds several sheets. Which one holds the figures?").format(path.name)
        else:
            title = self.tr("Choose a layer")
            label = self.tr("{0} holds several layers. Which one should be opened?").format(path.name)
        chosen = self.prompts.choose(self.widget, title, label, exc.options)
        if chosen:
            self._read(path, apply, chosen)
        else:
            self.message.emit(self.tr("Nothing changed: {0} could not be opened").format(path.name))

    def _apply_figures(self, table) -> None:
        """Figures read: with figures loaded already, the user says whether they are added or replace them."""
        name = table.path.name
        if self.doc.flows is not None:
            add, replace = self.tr("Add to the loaded figures"), self.tr("Replace the loaded figures")
            chosen = self.prompts.choose(
                self.widget, self.tr("Open figures {0}").format(name),
                self.tr("Figures are loaded already. Add those of {0} to them, or replace them?").format(name),
                [add, replace])
            if chosen not in (add, replace):
                self.message.emit(self.tr("Nothing changed: {0} was not opened").format(name))
                return
            if chosen == add:
                self._add_figures(table)
                return

        def apply():
            self.doc.flows = table
            self.doc.select(keep_if_valid=True) if self.doc.period is None else self.doc.set_flows(table)
        if self._edit(self.tr("Open figures {0}").format(table.path.name), apply):
            self._report_warnings(table.path.name, table.warnings)

    def _add_figures(self, table) -> None:
        """The loaded figures plus the file's, as one undoable step; a figure never overwrites another:
        conflicts are kept side by side (as another source) and listed in one message."""
        name = table.path.name
        try:
            merged, conflicts = merge_tables(self.doc.flows, table, name)
        except CrossingsError as exc:
            self.prompts.error(self.widget, self.tr("Cannot add {0}").format(name), str(exc))
            return
        if len(merged.frame) == len(self.doc.flows.frame):
            self.prompts.info(self.widget, self.tr("Nothing to add"),
                              self.tr("Every figure of {0} is loaded already.").format(name))
            return
        period = str(table.default_period())

        def apply():
            self.doc.set_flows(merged)
            self.doc.select(period, keep_if_valid=True)  # the map shows what was added
        if not self._edit(self.tr("Add figures {0}").format(name), apply):
            return
        self._report_warnings(name, table.warnings)
        if conflicts:
            more = len(conflicts) - 30
            self.prompts.info(self.widget, self.tr("{0} added, with conflicts").format(name),
                              self.tr("{0} figures differ from the loaded ones; both are kept, side by side:").format(
                                  len(conflicts)) + "\n\n" + "\n".join(conflicts[:30])
                              + (self.tr("\n… and {0} more").format(more) if more > 0 else ""))

    def _apply_layer(self, layer) -> None:
        ids = set(layer.data["route_id"]) if layer.kind == "routes" else set()
        clashing = [other for other in self.doc.routes_layers() if ids & set(other.data["route_id"])]
        if len(clashing) == 1:  # the same routes again, a new version: replace them, never add a copy
            old = clashing[0]
            replace = self.tr("Replace the routes layer {0}").format(old.title)
            chosen = self.prompts.choose(
                self.widget, self.tr("Open routes {0}").format(layer.title),
                self.tr("{0} has routes with the ids of the routes layer {1}. Route ids are unique across routes "
                        "layers: replace that layer with it?").format(layer.title, old.title), [replace])
            if chosen != replace:
                self.message.emit(self.tr("Nothing changed: {0} was not opened").format(layer.title))
                return

            if self._edit(self.tr("Replace layer {0}").format(old.title), lambda: self.doc.replace_layer(old, layer)):
                self.layer_added.emit(layer)
                self._report_warnings(layer.title, layer.data.attrs.get("warnings", []))
            return
        if self._edit(self.tr("Add layer {0}").format(layer.title), lambda: self.doc.add_layer(layer)):
            self.layer_added.emit(layer)
            self._report_warnings(layer.title, layer.data.attrs.get("warnings", []))

    def _report_warnings(self, name: str, warnings: list[str]) -> None:
        """What the reader noticed but could read (an encoding guessed, a geometry repaired): said once."""
        if warnings:
            self.prompts.info(self.widget, self.tr("{0} opened, with warnings").format(name), "\n".join(warnings[:12]))

    def _edit(self, label: str, apply) -> bool:
        try:
            self.history.edit(label, apply)
        except CrossingsError as exc:
            self.prompts.error(self.widget, self.tr("Cannot use this file"), str(exc))
            return False
        self.message.emit(label)
        return True

    def _failed(self, path: Path, exc: BaseException, apply=None) -> None:
        if isinstance(exc, ChoiceNeeded) and apply is not None:
            self._ask_choice(path, exc, apply)
            return
        if isinstance(exc, CrossingsError):
            text = str(exc)
            extra = getattr(exc, "problems", None)
            if extra and len(extra) > 1:
                text += "\n\n" + "\n".join(extra[:12])
        else:
            text = self.tr("{0}: could not be read ({1})").format(path.name, exc)
        self.prompts.error(self.widget, self.tr("Cannot open {0}").format(path.name), text)
        self.message.emit(self.tr("Nothing changed: {0} could not be opened").format(path.name))

    # -- projects ---------------------------------------------------------------------------------
    def maybe_save(self) -> bool:
        """Ask about unsaved changes; False means the user cancelled."""
        if not self.history.is_dirty:
            return True
        answer = self.prompts.unsaved_changes(self.widget)
        if answer == "save":
            return self.save()
        return answer == "discard"

    def open_project(self, path: Path | None = None, *, recovered: bool = False) -> None:
        if path is None:
            chosen = self.prompts.open_project(self.widget, str(self.folder()))
            if not chosen:
                return
            path = Path(chosen)
        if not recovered and not self.maybe_save():
            return
        # only the autosave, which Crossings wrote itself, may name files outside its folder
        self.tasks.start(lambda progress, cancelled: load_project(path, absolute_paths=recovered),
                         lambda new: self._apply_project(new, path, recovered), lambda exc: self._failed(path, exc))

    def _apply_project(self, new: MapDocument, path: Path, recovered: bool) -> None:
        restore(self.doc, snapshot(new))
        self.history.reset(clean=not recovered)
        if not recovered:
            self.set_project(path)
        self.message.emit(self.tr("Opened {0}").format(path.name))

    def save(self) -> bool:
        return self.save_as(self.project) if self.project else self.save_as(None)

    def save_as(self, path: Path | None = None) -> bool:
        if path is None:
            chosen = self.prompts.save_project(self.widget, str(self.folder()))
            if not chosen:
                return False
            path = Path(chosen)
        copied: list[Path] = []
        try:
            save_project(self.doc, path, copied)
        except CrossingsError as exc:
            self.prompts.error(self.widget, self.tr("Cannot save the project"), str(exc))
            return False
        self.history.mark_clean()
        self.set_project(path)
        discard_autosave(self.state_dir)
        if copied:  # data from outside the project folder now travels with it
            self.message.emit(self.tr("Saved {0}; copied {1} into {2}").format(
                path.name, ", ".join(p.name for p in copied), copied[0].parent.name))
        else:
            self.message.emit(self.tr("Saved {0}").format(path.name))
        return True

    def set_project(self, path: Path | None) -> None:
        self.project = Path(path) if path else None
        if path:
            self.add_recent(path)
        self.project_changed.emit(self.project)

    def folder(self) -> Path:
        return self.project.parent if self.project else Path(QSettings().value("last_folder", str(Path.home())))

    # -- recent files -----------------------------------------------------------------------------
    def recent(self) -> list[str]:
        value = QSettings().value("recent_projects", [])
        return [value] if isinstance(value, str) else list(value or [])

    def add_recent(self, path: Path) -> None:
        items = [str(Path(path).resolve())] + [p for p in self.recent() if p != str(Path(path).resolve())]
        settings = QSettings()
        settings.setValue("recent_projects", items[:MAX_RECENT])
        settings.setValue("last_folder", str(Path(path).resolve().parent))
        self.recent_changed.emit()

    # -- autosave ---------------------------------------------------------------------------------
    def autosave(self) -> Path | None:
        if not self.history.is_dirty:
            return None
        try:
            return write_autosave(self.doc, self.state_dir, self.project)
        except (CrossingsError, OSError):
            return None  # autosave must never interrupt work

    def offer_recovery(self) -> bool:
        """At start-up: offer the autosave a crashed session left; True if it was recovered."""
        path = pending_recovery(self.state_dir)
        if path is None:
            return False
        when = datetime.fromtimestamp(path.stat().st_mtime).strftime("%Y-%m-%d %H:%M")
        if not self.prompts.recover(self.widget, when):
            discard_autosave(self.state_dir)
            return False
        try:
            project = json.loads(path.read_text(encoding="utf-8")).get("autosave_of")
        except (OSError, ValueError):
            project = None
        self.open_project(path, recovered=True)
        self.project = Path(project) if project else None
        return True

    def clean_exit(self) -> None:
        self.tasks.wait(10000)
        discard_autosave(self.state_dir)
