"""Write-then-rename, so a failed export or save never leaves a half-written file behind."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from geo.errors import ExportError


@contextlib.contextmanager
def atomic_output(target: str | Path, suffix: str | None = None) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; rename it over ``target`` only on success.

    The temporary file keeps the target's suffix (drivers such as GDAL's pick the format from
    it). Any exception removes the temporary file and leaves an existing ``target`` untouched.
    """
    target = Path(target)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise ExportError(f"{target}: folder {folder} does not exist")
    if target.is_dir():
        raise ExportError(f"{target}: is a folder; give a file name")
    try:
        fd, tmp_name = tempfile.mkstemp(
            prefix=f".{target.stem}.", suffix=suffix if suffix is not None else target.suffix, dir=folder
        )
    except OSError as exc:
        raise ExportError(f"{target.name}: cannot write in {folder} ({exc.strerror or exc})") from None
    os.close(fd)
    tmp = Path(tmp_name)
    tmp.unlink()  # writers such as GDAL refuse to overwrite; they create the file themselves
    try:
        yield tmp
        if not tmp.exists():
            raise ExportError(f"{target.name}: the writer produced no file")
        try:
            os.replace(tmp, target)
        except OSError as exc:
            raise ExportError(f"{target.name}: could not be replaced ({exc.strerror or exc})") from None
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise
