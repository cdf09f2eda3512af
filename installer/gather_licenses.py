"""Collect the licence texts of everything a bundle ships, into one ``licenses/`` folder.

Called from the PyInstaller specs after the analysis, with the analysis' table of contents:

- Python distributions: every distribution that owns a bundled module or a bundled ``<pkg>.libs``
  folder gives its ``*.dist-info/licenses/**`` (PEP 639) and any ``LICENSE*``/``COPYING*``/``NOTICE*``
  file in its dist-info; ``INDEX.txt`` lists each with its version and declared licence.
- Python itself: the interpreter's ``LICENSE.txt``.
- System libraries copied from the build machine (Linux: X11/xcb, fontconfig, glib, ...): the
  Debian ``copyright`` file of the package that owns each one (found with one ``dpkg -S``).
- The data and vendored assets: the static files in ``installer/licenses/`` (data licences, the LGPL
  and GPL texts Qt refers to, native libraries inside the wheels), plus ``OFL.txt`` of the fonts
  and Leaflet's ``LICENSE``.

Nothing is downloaded; everything comes from the build environment.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sysconfig
from importlib import metadata
from pathlib import Path

LICENCE_NAME = re.compile(r"^(licen[cs]e|copying|notice|authors)", re.IGNORECASE)
STATIC = Path(__file__).resolve().parent / "licenses"


def top_level_names(toc_names) -> set[str]:
    """``pandas.core.frame`` -> pandas, ``pyogrio.libs/libgdal.so`` -> pyogrio, ``PySide6/Qt/lib/..`` -> PySide6."""
    names = set()
    for name in toc_names:
        first = re.split(r"[/\\]", str(name))[0]
        first = first.removesuffix(".libs")
        names.add(first.split(".")[0])
    return names


def bundled_distributions(toc_names) -> list[metadata.Distribution]:
    owners = metadata.packages_distributions()
    wanted = set()
    for top in top_level_names(toc_names):
        wanted.update(owners.get(top, ()))
    dists = {}
    for name in wanted:
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        dists[dist.metadata["Name"].lower()] = dist
    return [dists[k] for k in sorted(dists)]


def _declared_licence(dist: metadata.Distribution) -> str:
    meta = dist.metadata
    expr = meta.get("License-Expression")
    if expr:
        return expr
    text = (meta.get("License") or "").strip().splitlines()
    if text and len(text[0]) < 80:
        return text[0]
    classifiers = [c.split("::")[-1].strip() for c in meta.get_all("Classifier") or [] if c.startswith("License ::")]
    return "; ".join(classifiers) or "see the files"


def _licence_files(dist: metadata.Distribution) -> list[tuple[Path, str]]:
    """(source, path relative to the dist-info) of every licence file of ``dist``."""
    found = []
    for f in dist.files or ():
        parts = Path(str(f)).parts
        if not parts or not parts[0].endswith(".dist-info"):
            continue
        rel = Path(*parts[1:])
        if (rel.parts and rel.parts[0] == "licenses") or (len(rel.parts) == 1 and LICENCE_NAME.match(rel.name)):
            src = Path(dist.locate_file(f))
            if src.is_file():
                found.append((src, str(rel)))
    return found


def _debian_copyrights(binary_sources, dest: Path) -> list[str]:
    """Copy /usr/share/doc/<pkg>/copyright for every system library in the bundle."""
    system = sorted({str(Path(s).resolve()) for s in binary_sources
                     if str(s).startswith(("/usr/lib", "/lib", "/usr/local/lib")) and Path(s).exists()})
    if not system or not shutil.which("dpkg"):
        return []
    # dpkg knows the paths it installed, which may be the unresolved (/lib vs /usr/lib) ones
    queries = sorted(set(system) | {p.replace("/usr/lib/", "/lib/", 1) for p in system})
    out = subprocess.run(["dpkg", "-S", *queries], capture_output=True, text=True).stdout
    packages = sorted({line.split(":", 1)[0] for line in out.splitlines() if ": " in line})
    copied = []
    for pkg in packages:
        src = Path("/usr/share/doc") / pkg / "copyright"
        if not src.is_file():
            src = Path("/usr/share/doc") / pkg.split(":")[0] / "copyright"
        if src.is_file():
            (dest / "system").mkdir(parents=True, exist_ok=True)
            shutil.copyfile(src, dest / "system" / f"{pkg.split(':')[0]}.copyright")
            copied.append(pkg.split(":")[0])
    return copied


def gather(dest: Path, toc_names, binary_sources=(), root: Path | None = None) -> Path:
    """Write the licences of a bundle made of ``toc_names`` (module and file names) into ``dest``."""
    dest = Path(dest)
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    lines = ["Licences of everything in this bundle", "=" * 37, "",
             "Data, fonts, web assets and Qt: see DATA-LICENSES.md and NATIVE-LIBRARIES.md.", "",
             "Python packages (name, version, declared licence, files in python/<name>/):", ""]
    for dist in bundled_distributions(toc_names):
        name = dist.metadata["Name"]
        files = _licence_files(dist)
        for src, rel in files:
            target = dest / "python" / name / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(src, target)
        note = ", ".join(rel for _, rel in files) or "(no licence file in the wheel: see LGPL-3.0.txt for Qt/PySide6)"
        lines.append(f"- {name} {dist.version}: {_declared_licence(dist)} -- {note}")
    python_licence = Path(sysconfig.get_paths()["stdlib"]) / "LICENSE.txt"
    if python_licence.is_file():
        (dest / "python").mkdir(exist_ok=True)
        shutil.copyfile(python_licence, dest / "python" / "Python-LICENSE.txt")
        lines.append("- Python (the interpreter and standard library): PSF-2.0 -- python/Python-LICENSE.txt")
    for f in sorted(STATIC.iterdir()):
        if f.is_file():
            shutil.copyfile(f, dest / f.name)
    if root is not None:
        shutil.copyfile(root / "resources" / "fonts" / "OFL.txt", dest / "Noto-fonts-OFL.txt")
        shutil.copyfile(root / "resources" / "web" / "leaflet" / "LICENSE", dest / "Leaflet-LICENSE.txt")
    system = _debian_copyrights(binary_sources, dest)
    if system:
        lines += ["", "System libraries copied from the build machine (Debian packages; copyright files "
                      "in system/):", "", *(f"- {pkg}" for pkg in system)]
    (dest / "INDEX.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return dest
