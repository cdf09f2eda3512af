"""Write-then-rename, so a failed export or save never leaves a half-written file behind.

Every output is written to a hidden temporary beside its target and renamed over it only when
the writer finished. Inside :func:`output_set` the renames wait until *every* output of the set
has been written: a map exported as PNG, SVG and GeoPackage is there complete or not at all.

Temporaries carry the writing process's id (``.map.crossings-tmp-4711-x1y2.png``), so those
left by a run that was killed (``kill -9``, power loss) are recognised and removed by the next
write to that folder; SQLite's journal beside a temporary GeoPackage goes with it.

Failures of the operating system (disk full, permission, read-only disk, file size limit) end in
one :class:`ExportError` naming the file and the cause in words, never a traceback.
"""

from __future__ import annotations

import contextlib
import contextvars
import errno
import os
import re
import resource
import secrets
import shutil
import stat
import time
from collections.abc import Iterator
from pathlib import Path

from geo.errors import ExportError

TEMP_MARK = ".crossings-tmp-"
_TEMP_NAME = re.compile(r"^\..*\.crossings-tmp-(\d+)-[0-9a-f]+")
# A temporary whose process id is still alive (a reused id, another user's run) is removed once it is this old.
STALE_AFTER_S = 24 * 3600
# Free space under which a writer's unexplained failure is put down to a full disk.
_NEARLY_FULL_BYTES = 1 << 20

# The operating system's causes, as a cartographer reads them.
_CAUSES = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is used up",
    errno.EFBIG: "the file would be larger than this system allows",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.EROFS: "the disk is read-only",
    errno.EIO: "input/output error (a failing or removed disk?)",
    errno.ENAMETOOLONG: "the file name is too long",
    errno.EISDIR: "a folder stands where the file should be",
}

NOTHING_WRITTEN = "no file of this export was written"

_active_set: contextvars.ContextVar[OutputSet | None] = contextvars.ContextVar("crossings_output_set", default=None)


def failure_cause(exc: BaseException) -> str:
    """The cause of a failed write in words; GDAL's errors arrive as text, so their text is searched too."""
    if isinstance(exc, OSError) and exc.errno in _CAUSES:
        return _CAUSES[exc.errno]
    text = str(exc)
    for code, words in _CAUSES.items():
        if os.strerror(code) in text:
            return words
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    first = text.strip().splitlines()[0] if text.strip() else type(exc).__name__
    return first[:200]


def diagnose_failure(tmp: Path, exc: BaseException) -> str:
    """:func:`failure_cause` for writers that report only their own words (GDAL: "Cannot write
    feature"): a nearly full disk or a file at the process's size limit is named as the cause."""
    cause = failure_cause(exc)
    if any(cause == words for words in _CAUSES.values()):
        return cause
    with contextlib.suppress(OSError):
        if shutil.disk_usage(tmp.parent).free < _NEARLY_FULL_BYTES:
            return _CAUSES[errno.ENOSPC]
    with contextlib.suppress(OSError, ValueError):
        limit = resource.getrlimit(resource.RLIMIT_FSIZE)[0]
        if limit != resource.RLIM_INFINITY and _size_with_sides(tmp) + _NEARLY_FULL_BYTES >= limit:
            return _CAUSES[errno.EFBIG]
    return cause


def _size_with_sides(tmp: Path) -> int:
    return max((p.stat().st_size for p in (tmp, tmp.with_name(tmp.name + "-journal")) if p.exists()), default=0)


def check_output_target(target: str | Path) -> Path:
    """Refuse a target that cannot become a file: a missing folder, a folder, a device, pipe or socket.

    Called for every output of a set before any is written, so a bad last path does not cost the
    render of the first ones. A device such as ``/dev/full`` is never replaced by a rename.
    """
    target = Path(target)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise ExportError(f"{target}: folder {folder} does not exist")
    try:
        mode = target.stat().st_mode
    except FileNotFoundError:
        mode = None
    except OSError as exc:
        raise ExportError(f"{target.name}: cannot be written ({failure_cause(exc)})") from None
    if mode is not None and stat.S_ISDIR(mode):
        raise ExportError(f"{target}: is a folder; give a file name")
    if mode is not None and not stat.S_ISREG(mode):
        raise ExportError(f"{target}: is a device, pipe or socket, not a file; give a file name")
    return target


def clean_stale_temporaries(folder: str | Path) -> list[Path]:
    """Remove the temporaries that a killed Crossings run left in ``folder``; returns what was removed."""
    removed = []
    now = time.time()
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        m = _TEMP_NAME.match(entry.name)
        if not m:
            continue
        try:
            info = entry.stat(follow_symlinks=False)
            if not stat.S_ISREG(info.st_mode):
                continue
            pid = int(m.group(1))
            if pid == os.getpid() or (_alive(pid) and now - info.st_mtime < STALE_AFTER_S):
                continue
            os.unlink(entry.path)
            removed.append(Path(entry.path))
        except OSError:
            continue
    return removed


_cleaned_folders: set[str] = set()


def _clean_once(folder: Path) -> None:
    """Stale temporaries are a killed run's: looking once per folder and process is enough (a render
    writing eight files scanned its folder eight times, the autosave its folder every minute)."""
    key = os.path.abspath(folder)
    if key not in _cleaned_folders:
        _cleaned_folders.add(key)
        clean_stale_temporaries(folder)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, ValueError):
        return True
    return True


def _temporary_for(target: Path, suffix: str | None) -> Path:
    suffix = target.suffix if suffix is None else suffix
    return target.parent / f".{target.stem}{TEMP_MARK}{os.getpid()}-{secrets.token_hex(4)}{suffix}"


def _discard(tmp: Path) -> None:
    """The temporary and what its writer put beside it (SQLite's -journal, -wal, -shm)."""
    for path in (tmp, *(tmp.with_name(tmp.name + side) for side in ("-journal", "-wal", "-shm"))):
        with contextlib.suppress(OSError):
            path.unlink()


class OutputSet:
    """Outputs that land together: each is renamed into place only when all were written."""

    def __init__(self) -> None:
        self.pending: list[tuple[Path, Path]] = []

    def discard(self) -> None:
        for tmp, _ in self.pending:
            _discard(tmp)
        self.pending.clear()

    def commit(self) -> None:
        pending, self.pending = self.pending, []
        for i, (tmp, target) in enumerate(pending):
            try:
                os.replace(tmp, target)
            except OSError as exc:
                for later, _ in pending[i:]:
                    _discard(later)
                done = ", ".join(t.name for _, t in pending[:i])
                raise ExportError(f"{target.name}: could not be put in place ({failure_cause(exc)})"
                                  + (f"; already written: {done}" if done else "")) from None


@contextlib.contextmanager
def output_set() -> Iterator[OutputSet]:
    """Every :func:`atomic_output` inside waits for the others; any failure discards them all."""
    outputs = OutputSet()
    token = _active_set.set(outputs)
    try:
        yield outputs
    except ExportError as exc:
        outputs.discard()
        raise ExportError(f"{exc}; {NOTHING_WRITTEN}") from None
    except BaseException:
        outputs.discard()
        raise
    finally:
        _active_set.reset(token)
    outputs.commit()


@contextlib.contextmanager
def atomic_output(target: str | Path, suffix: str | None = None, alone: bool = False) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; rename it over ``target`` only on success.

    The temporary file keeps the target's suffix (drivers such as GDAL's pick the format from
    it). Any exception removes the temporary file and leaves an existing ``target`` untouched;
    an operating-system error becomes an :class:`ExportError` naming the file and the cause.
    ``alone`` renames at once even inside an :func:`output_set`: a file that is not part of the
    export (geo/disk_cache.py's prepared data, written mid-render) must not wait for it or fail it.
    """
    target = check_output_target(target)
    folder = target.parent if str(target.parent) else Path(".")
    _clean_once(folder)
    if not os.access(folder, os.W_OK):
        raise ExportError(f"{target.name}: cannot write in {folder} (permission denied)")
    tmp = _temporary_for(target, suffix)
    owner = None if alone else _active_set.get()
    try:
        yield tmp  # writers such as GDAL refuse to overwrite: the temporary does not exist yet
        if not tmp.exists():
            raise ExportError(f"{target.name}: the writer produced no file")
    except OSError as exc:
        _discard(tmp)
        raise ExportError(f"{target.name}: could not be written: {failure_cause(exc)}") from None
    except BaseException:
        _discard(tmp)
        raise
    if owner is not None:
        owner.pending.append((tmp, target))
        return
    try:
        os.replace(tmp, target)
    except OSError as exc:
        _discard(tmp)
        raise ExportError(f"{target.name}: could not be put in place ({failure_cause(exc)})") from None


def write_made(target: str | Path, make) -> Path:
    """The bytes ``make()`` returns, written to ``target`` under a temporary name and renamed into place;
    an ExportError raised while making them is told with the file's name, and nothing is written."""
    path = check_output_target(target)
    try:
        data = make()
    except ExportError as exc:
        raise ExportError(f"{path.name}: {exc}") from None
    with atomic_output(path) as tmp:
        tmp.write_bytes(data)
    return path
