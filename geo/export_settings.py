"""What the export dialog was last set to, kept in the project so next quarter's export starts there.

Paper, orientation and resolution are the document's ``page`` (saved as the project's "page"), so
they are not repeated here. The output folder obeys the project path rule (see ``geo.project``): it
is stored relative to the project's folder, and a folder outside it is not stored at all (the
dialog then offers the project's folder). The base file name is stored only when the user chose
one; otherwise the dialog names the files after the selection, so the name follows the quarter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from geo.errors import CrossingsError

# The export dialog's format names, in the order it lists them.
FORMATS = ("png", "pdf", "svg", "geojson", "gpkg", "html")
DEFAULT_FORMATS = ("png", "geojson")
MAX_NAME = 200
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


@dataclass(frozen=True)
class ExportSettings:
    """Formats, folder (relative to the project's folder, or None), base file name (or None) and
    whether the PNG background is transparent."""

    formats: tuple[str, ...] = DEFAULT_FORMATS
    folder: str | None = None
    base: str | None = None
    transparent: bool = False

    def __post_init__(self) -> None:
        formats = self.formats
        if isinstance(formats, (str, bytes)) or not isinstance(formats, (list, tuple, frozenset, set)):
            raise CrossingsError(f"formats must be a list of format names ({', '.join(FORMATS)})")
        for fmt in formats:
            if fmt not in FORMATS:
                raise CrossingsError(f"formats: {fmt!r} is not an export format; use {', '.join(FORMATS)}")
        if not formats:
            raise CrossingsError("formats must name at least one format")
        object.__setattr__(self, "formats", tuple(f for f in FORMATS if f in formats))
        object.__setattr__(self, "folder", _check_folder(self.folder))
        if self.base is not None:
            base = self.base
            if (not isinstance(base, str) or not base.strip() or base in (".", "..") or "/" in base
                    or "\\" in base or _CONTROL.search(base) or len(base) > MAX_NAME):
                raise CrossingsError(f"base {base!r} must be a plain file name (no folders, no control "
                                     f"characters, at most {MAX_NAME} characters)")
        if not isinstance(self.transparent, bool):
            raise CrossingsError(f"transparent must be true or false, not {self.transparent!r}")


def _check_folder(folder: object) -> str | None:
    """The folder as a normalised relative POSIX path; None for the project's folder itself."""
    if folder is None:
        return None
    if not isinstance(folder, str) or not folder.strip() or _CONTROL.search(folder) or len(folder) > 1000:
        raise CrossingsError(f"folder {folder!r} must be a folder path relative to the project's folder")
    if folder.startswith(("/", "\\")) or re.match(r"[A-Za-z]:", folder):
        raise CrossingsError(f"folder {folder!r} is absolute; it must be relative to the project's folder")
    parts = re.split(r"[/\\]", folder)
    if ".." in parts:
        raise CrossingsError(f"folder {folder!r} climbs out of the project's folder ('..')")
    text = PurePosixPath(*[p for p in parts if p not in ("", ".")]).as_posix()
    return None if text == "." else text


def relative_folder(folder: Path, project_folder: Path) -> str | None:
    """``folder`` as stored: relative to ``project_folder`` when inside it, else None (not stored)."""
    full, base = Path(folder).expanduser().resolve(), Path(project_folder).resolve()
    if not full.is_relative_to(base):
        return None
    text = full.relative_to(base).as_posix()
    return None if text == "." else text


def output_folder(settings: ExportSettings, project_folder: Path) -> Path:
    """Where the dialog offers to export: the stored folder when it exists, else the project's folder."""
    if settings.folder is not None:
        full = Path(project_folder) / settings.folder
        if full.is_dir():
            return full
    return Path(project_folder)
