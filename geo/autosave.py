"""Autosave and crash recovery: the project is written beside the user's settings every few minutes.

The autosave is a normal project file (paths absolute where they leave the autosave folder), so
recovering is opening it. It is removed on a clean exit or save, so one found at start-up means
the last session ended abnormally.
"""

from __future__ import annotations

import json
from pathlib import Path

from geo.atomic import atomic_output
from geo.document import MapDocument
from geo.project import project_dict

NAME = "autosave.crossings.json"


def autosave_file(folder: str | Path) -> Path:
    return Path(folder) / NAME


def write_autosave(doc: MapDocument, folder: str | Path, project_path: str | Path | None = None) -> Path:
    """Write the document to the autosave file atomically; ``project_path`` is the file it belongs to."""
    target = autosave_file(folder)
    target.parent.mkdir(parents=True, exist_ok=True)
    data = project_dict(doc, target.resolve().parent)
    data["autosave_of"] = str(project_path) if project_path else None
    with atomic_output(target) as tmp:
        tmp.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return target


def pending_recovery(folder: str | Path) -> Path | None:
    """The autosave left by a session that did not end cleanly, if any."""
    target = autosave_file(folder)
    return target if target.exists() else None


def autosave_of(path: str | Path) -> str | None:
    """The project file an autosave was taken from (None for an unsaved map)."""
    try:
        return json.loads(Path(path).read_text(encoding="utf-8")).get("autosave_of")
    except (OSError, ValueError, AttributeError):
        return None


def discard_autosave(folder: str | Path) -> None:
    autosave_file(folder).unlink(missing_ok=True)
