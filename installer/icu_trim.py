"""A smaller ``libicudata``: Qt's ICU data with only the locales the app speaks (en, fr, ar, root).

PySide6's QtCore links ICU, whose data library (``libicudata.so.73``, 31 MB) holds every CLDR locale,
the CJK/Thai/Khmer/Lao/Burmese word dictionaries and ~200 legacy code page converters. Crossings'
interface and labels are English, French and Arabic, and Python (not Qt) decodes its input files,
so the bundle keeps: the Unicode properties, normalisation, case mapping, IDNA, time zones, plural
rules, break rules, and the locale bundles of root, en*, fr* and ar*; it drops the other locales,
the word dictionaries, the code page tables, transliteration, spelled-out number rules, character
names and spoof-check data. ICU falls back to root for any other locale a user's system asks for
(dates and numbers still format; names of other languages come out in English).

The ICU common-data format (``ucmndata.h``): a 16-aligned header (magic 0xda27, format "CmnD"),
then ``uint32 count``, ``count`` pairs of ``uint32`` (name offset, data offset; both relative to the
table), the names, and the items, each 16-aligned, in name order. We rewrite the table without the
dropped items and link the blob back into a shared library exporting the same symbol
(``icudt73_dat``) and soname, with binutils' ``as`` and ``ld`` (which PyInstaller needs anyway).

Usage: python icu_trim.py <bundle>/_internal/PySide6/Qt/lib/libicudata.so.NN
"""

from __future__ import annotations

import re
import struct
import subprocess
import sys
import tempfile
from pathlib import Path

KEEP_LANGUAGES = {"en", "fr", "ar"}
LOCALE_ITEM = re.compile(r"^([a-z]{2,3})(_[A-Za-z0-9]*)*\.res$")


def dropped(name: str) -> bool:
    """``icudt73l/coll/de.res`` -> True; ``icudt73l/uprops.icu``, ``.../fr_CA.res``, ``.../root.res`` -> False."""
    base = name.rsplit("/", 1)[-1]
    m = LOCALE_ITEM.match(base)
    if m and m.group(1) not in KEEP_LANGUAGES:
        return True
    if "/brkitr/" in name and base.endswith(".dict"):  # dictionary word breaking for CJK and SE Asian scripts
        return True
    # legacy code page tables, transliteration, spelled-out numbers, character names, spoof checks:
    # Qt uses none of them here (Python decodes every input file)
    return base.endswith(".cnv") or "/translit/" in name or "/rbnf/" in name or base in (
        "unames.icu", "confusables.cfu", "confusablesWholeScript.cfu")


def filter_common_data(data: bytes, drop=dropped) -> tuple[bytes, int]:
    """The ICU common data ``data`` without the items ``drop`` names; and how many were dropped."""
    header, magic1, magic2 = struct.unpack_from("<HBB", data, 0)
    if (magic1, magic2) != (0xDA, 0x27) or data[12:16] != b"CmnD":
        raise ValueError("not ICU common data")
    (count,) = struct.unpack_from("<I", data, header)
    table = [struct.unpack_from("<II", data, header + 4 + 8 * i) for i in range(count)]
    ends = [off for _, off in table[1:]] + [len(data) - header]
    items = []
    for (name_off, data_off), end in zip(table, ends, strict=True):
        name = data[header + name_off:data.index(b"\0", header + name_off)]
        if not drop(name.decode("ascii")):
            items.append((name, data[header + data_off:header + end]))
    names = b"".join(n + b"\0" for n, _ in items)
    first_name = 4 + 8 * len(items)
    first_data = -(-(first_name + len(names)) // 16) * 16
    toc, blobs = [], []
    name_off, data_off = first_name, first_data
    for name, blob in items:
        toc.append(struct.pack("<II", name_off, data_off))
        name_off += len(name) + 1
        blob += b"\0" * (-len(blob) % 16)
        blobs.append(blob)
        data_off += len(blob)
    body = struct.pack("<I", len(items)) + b"".join(toc) + names
    body += b"\0" * (first_data - len(body))
    return data[:header] + body + b"".join(blobs), count - len(items)


def _symbol(lib: Path) -> tuple[str, int, int]:
    """(name, file offset, size) of the ``icudtNN_dat`` symbol."""
    syms = subprocess.run(["readelf", "-Ws", "--dyn-syms", str(lib)], capture_output=True, text=True, check=True).stdout
    m = re.search(r"^\s*\d+:\s+([0-9a-f]+)\s+(0x[0-9a-f]+|\d+)\s+OBJECT\s+GLOBAL\s+\w+\s+\d+\s+(icudt\d+_dat)\s*$",
                  syms, re.MULTILINE)
    if not m:
        raise ValueError(f"no icudtNN_dat symbol in {lib}")
    addr, size, name = int(m.group(1), 16), int(m.group(2), 0), m.group(3)
    sections = subprocess.run(["readelf", "-SW", str(lib)], capture_output=True, text=True, check=True).stdout
    for sec in re.finditer(r"\]\s+\S+\s+PROGBITS\s+([0-9a-f]+)\s+([0-9a-f]+)\s+([0-9a-f]+)", sections):
        sec_addr, sec_off, sec_size = (int(g, 16) for g in sec.groups())
        if sec_addr <= addr < sec_addr + sec_size:
            return name, addr - sec_addr + sec_off, size
    raise ValueError(f"no section holds {name} in {lib}")


def trim_icu_library(lib: Path, log=print) -> tuple[int, int]:
    """Replace ``lib`` (libicudataNN) with one holding the filtered data; (bytes before, bytes after)."""
    lib = Path(lib)
    dynamic = subprocess.run(["readelf", "-d", str(lib)], capture_output=True, text=True, check=True).stdout
    soname = re.search(r"\(SONAME\)\s+Library soname: \[([^\]]+)\]", dynamic).group(1)
    name, offset, size = _symbol(lib)
    with open(lib, "rb") as f:
        f.seek(offset)
        data = f.read(size)
    small, n_dropped = filter_common_data(data)
    before = lib.stat().st_size
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        (tmp / "icudata.dat").write_bytes(small)
        (tmp / "icudata.s").write_text(
            f'.section .rodata\n.globl {name}\n.type {name}, @object\n.balign 16\n{name}:\n'
            f'.incbin "icudata.dat"\n.size {name}, .-{name}\n.section .note.GNU-stack,"",@progbits\n')
        subprocess.run(["as", "-o", "icudata.o", "icudata.s"], cwd=tmp, check=True)
        subprocess.run(["ld", "-shared", "-soname", soname, "-o", "out.so", "icudata.o"], cwd=tmp, check=True)
        out = tmp / "out.so"
        lib.unlink()  # may be a hard link into PyInstaller's cache: never write through it
        out.replace(lib)
    after = lib.stat().st_size
    log(f"icu: {soname} {before / 1e6:.1f} MB -> {after / 1e6:.1f} MB ({n_dropped} locale items dropped; "
        f"kept {', '.join(sorted(KEEP_LANGUAGES))} and root)")
    return before, after


if __name__ == "__main__":
    trim_icu_library(Path(sys.argv[1]))
