"""The Q(Gui)Application's arguments, and one QGuiApplication for headless work (offscreen when
there is no display).

The arguments carry the Chromium switches of the web map preview (``gui/web_preview.py``). Its
settings and request interceptor see requests, not connections: Chromium still opens a bare TCP
connection for ``<link rel=preconnect>`` and sends WebRTC's STUN packets over UDP, to any host a
page names. Only switches for the whole of Chromium stop those, and QtWebEngine takes them from
the application's arguments after ``--webEngineArgs`` (read once, when the first web view or
profile is made). Not from ``QTWEBENGINE_CHROMIUM_FLAGS``: that would pass them on to every
program Crossings starts, such as a QtWebEngine browser that "Open in browser" launches, and Qt
ignores ``--webEngineArgs`` altogether while that variable is set.
"""

from __future__ import annotations

import os
import shlex
import sys

#: Chromium switches that keep the preview's Chromium off the network, whatever a page does.
PREVIEW_CHROMIUM_SWITCHES = (
    # every connection goes to a SOCKS proxy on port 9 (discard), where nothing listens as a rule:
    # it is refused (a discard service would never answer), and Chromium then fails the connection;
    # with a fixed proxy it does not fall back to connecting directly
    "--proxy-server=socks5://127.0.0.1:9",
    # ...loopback included, which Chromium would otherwise reach directly
    "--proxy-bypass-list=<-loopback>",
    # WebRTC may use no UDP but through a proxy, and SOCKS carries none: no STUN packet leaves
    "--force-webrtc-ip-handling-policy=disable_non_proxied_udp",
)
CHROMIUM_FLAGS_VARIABLE = "QTWEBENGINE_CHROMIUM_FLAGS"


def running_as_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


def qt_app_argv(program: str | None = None) -> list[str]:
    """The arguments to create the Q(Gui)Application with: the program name, ``--webEngineArgs``
    and the Chromium switches (``--no-sandbox`` too as root: Chromium will not start as root with
    its sandbox).

    ``QTWEBENGINE_CHROMIUM_FLAGS``, when set (a developer's switches), is taken out of the
    environment and its switches go first: Qt would otherwise use them instead of these, and
    Chromium keeps the last of two values of a switch, so Crossings' own stay in force.
    """
    if program is None:
        program = sys.argv[0] if sys.argv and sys.argv[0] else "crossings"
    switches = []
    flags = os.environ.pop(CHROMIUM_FLAGS_VARIABLE, None)
    if flags:
        try:
            switches += shlex.split(flags)
        except ValueError:  # an unbalanced quote
            switches += flags.split()
    if running_as_root() and "--no-sandbox" not in switches:
        switches.append("--no-sandbox")
    return [program, "--webEngineArgs", *switches, *PREVIEW_CHROMIUM_SWITCHES]


def missing_chromium_switches(arguments: list[str]) -> list[str]:
    """Those of ``PREVIEW_CHROMIUM_SWITCHES`` that QtWebEngine would not use, given these application
    arguments and the environment as it is now; [] when all are in force."""
    if os.environ.get(CHROMIUM_FLAGS_VARIABLE) is not None:
        return list(PREVIEW_CHROMIUM_SWITCHES)
    lowered = [a.lower() for a in arguments]
    if "--webengineargs" not in lowered:
        return list(PREVIEW_CHROMIUM_SWITCHES)
    values = {}
    for arg in arguments[lowered.index("--webengineargs") + 1:]:
        name, _, value = arg.partition("=")
        values[name] = value  # the last value of a switch is the one Chromium uses
    return [s for s in PREVIEW_CHROMIUM_SWITCHES if values.get(s.partition("=")[0]) != s.partition("=")[2]]


def ensure_gui_app(headless: bool = True, widgets: bool = False):
    """The running Q(Gui)Application, or a new QGuiApplication (offscreen when headless); with
    ``widgets``, a new one is a QApplication, which windows can use too (a page laid out before any
    window is opened, by a script or a test, must not leave an application no window can run on)."""
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance()
    if app is not None:
        return app
    if headless and not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")
    if widgets:
        from PySide6.QtWidgets import QApplication

        return QApplication(qt_app_argv())
    return QGuiApplication(qt_app_argv())
