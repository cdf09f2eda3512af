"""Strip the bundle's ELF files, keeping only copies the dynamic loader will still accept.

PyInstaller's own ``strip=True`` breaks libraries that auditwheel repaired with patchelf (numpy's
OpenBLAS then fails with "ELF load command address/offset not page-aligned"). Here every file is
stripped into a copy, the copy's PT_LOAD segments are checked (offset and address congruent modulo
their alignment: what ld.so checks), and only a valid, smaller copy replaces the original.
Stripping removes ``.symtab`` and debug sections only; ``.dynsym`` (what other libraries link
against) is kept.
"""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import tempfile
from pathlib import Path

PT_LOAD = 1


def is_elf(path: Path) -> bool:
    try:
        with open(path, "rb") as f:
            return f.read(4) == b"\x7fELF"
    except OSError:
        return False


def loadable(path: Path) -> bool:
    """True if every PT_LOAD segment of a 64-bit little-endian ELF file has offset == vaddr (mod align)."""
    data = Path(path).read_bytes()
    if data[:4] != b"\x7fELF" or data[4] != 2 or data[5] != 1:
        return False
    phoff, = struct.unpack_from("<Q", data, 0x20)
    phentsize, phnum = struct.unpack_from("<HH", data, 0x36)
    for i in range(phnum):
        p_type, _, p_offset, p_vaddr, _, p_filesz, _, p_align = struct.unpack_from("<IIQQQQQQ", data, phoff + i * phentsize)
        if p_type == PT_LOAD:
            if p_align > 1 and (p_offset - p_vaddr) % p_align:
                return False
            if p_offset + p_filesz > len(data):
                return False
    return True


def strip_folder(folder: Path, log=print) -> tuple[int, int, list[str]]:
    """Strip every regular ELF file under ``folder`` where that is safe; (bytes saved, files, files refused)."""
    if not shutil.which("strip"):
        log("strip: binutils' strip is missing; the bundle is left unstripped")
        return 0, 0, []
    saved, count, refused = 0, 0, []
    with tempfile.TemporaryDirectory() as tmp:
        for path in sorted(Path(folder).rglob("*")):
            if path.is_symlink() or not path.is_file() or not is_elf(path):
                continue
            out = Path(tmp) / "stripped"
            if subprocess.run(["strip", "--strip-unneeded", "-o", str(out), str(path)],
                              capture_output=True).returncode != 0:
                continue
            before, after = path.stat().st_size, out.stat().st_size
            if after >= before:
                continue
            if not loadable(out):
                refused.append(str(path.relative_to(folder)))
                continue
            mode = path.stat().st_mode
            path.unlink()  # never write through a hard link into PyInstaller's cache
            shutil.move(str(out), path)
            os.chmod(path, mode)
            saved += before - after
            count += 1
    log(f"strip: {count} files, {saved / 1e6:.1f} MB saved; left as they are (stripping would break them): "
        + (", ".join(refused) or "none"))
    return saved, count, refused
