"""The gallery's contact sheet: one offline HTML page beside the images, built from the maps' manifests.

It is read from the manifests in the folder (not from the run that just ended), so drawing one map
again with ``--only`` keeps the others on the sheet. Every link is relative and nothing is fetched
from the network: the folder can be zipped and mailed to a reviewer. Crops are shown at their own
pixel size (100 %), never scaled by the page, because the defects they exist for vanish when scaled.
"""

from __future__ import annotations

import shlex
import time
from html import escape
from pathlib import Path
from urllib.parse import quote

from tools.gallery_crops import AREAS, read_manifest

STYLE = """
body { font: 14px/1.4 sans-serif; margin: 16px 24px; color: #222; background: #f4f4f4; }
h1 { font-size: 22px; } h2 { font-size: 18px; margin: 0 0 4px; }
section { background: #fff; border: 1px solid #ccc; padding: 12px 16px; margin: 0 0 24px; }
code { background: #eee; padding: 1px 4px; word-break: break-all; }
table.toc td, table.toc th { padding: 2px 10px 2px 0; text-align: left; }
.failed { color: #b00020; font-weight: bold; } .skipped { color: #7a5200; } .absent { color: #777; }
.thumb img { max-width: 100%; border: 1px solid #999; }
.crops { display: flex; flex-wrap: wrap; gap: 16px; align-items: flex-start; margin-top: 8px; }
figure { margin: 0; } figcaption { font-size: 12px; color: #444; max-width: 640px; }
figure img { max-width: none; border: 1px solid #999; display: block; }
.scroll { overflow: auto; max-width: calc(100vw - 90px); }
pre { font-size: 12px; white-space: pre-wrap; max-height: 16em; overflow: auto; background: #f7f7f7; }
"""


def _href(file_name: str) -> str:
    return escape(quote(file_name))


def _crop_html(crop: dict) -> str:
    where = f" — panel {escape(crop['panel'])}" if crop.get("panel") else ""
    if "file" not in crop:
        reason = escape(crop.get("skipped", "no crop"))
        return f'<p class="skipped">{escape(crop["area_title"])}{where}: no crop, {reason}.</p>'
    x0, y0, x1, y1 = crop["box_px"]
    note = f" <span class=\"skipped\">{escape(crop['note'])}</span>" if crop.get("note") else ""
    return (f'<figure><div class="scroll"><img src="{_href(crop["file"])}" width="{x1 - x0}" height="{y1 - y0}" '
            f'alt="{escape(crop["area_title"])}" loading="lazy"></div>'
            f'<figcaption><b>{escape(crop["area_title"])}</b>{where} — <a href="{_href(crop["file"])}">'
            f'{escape(crop["file"])}</a>, 100 %, pixels {x0}–{x1} × {y0}–{y1} of the full map.{note}</figcaption>'
            "</figure>")


def _map_html(name: str, title: str, manifest: dict | None, out: Path) -> str:
    head = f'<section id="{escape(name)}"><h2>{escape(title)}</h2>'
    if manifest is None:
        return head + '<p class="absent">Not drawn in this folder yet.</p></section>'
    cmd = shlex.join(manifest.get("argv", []))
    parts = [head, f"<p><code>{escape(cmd)}</code> — {manifest.get('seconds', 0):.1f} s"]
    log = out / f"{name}.log"
    if log.exists():
        parts.append(f' — <a href="{_href(log.name)}">log</a>')
    parts.append("</p>")
    if manifest.get("status") != "ok":
        parts.append(f'<p class="failed">FAILED: {escape(manifest.get("error", "unknown error"))}</p>')
        if log.exists():
            parts.append(f"<pre>{escape(log.read_text(encoding='utf-8', errors='replace')[-4000:])}</pre>")
        return "".join(parts) + "</section>"
    w, h = manifest["size_px"]
    parts.append(f'<p class="thumb"><a href="{_href(manifest["png"])}"><img src="{_href(manifest["thumb"])}" '
                 f'alt="{escape(title)}" loading="lazy"></a><br><a href="{_href(manifest["png"])}">'
                 f'{escape(manifest["png"])}</a> ({w} × {h} px; click for the full map at 100 %)</p>')
    warnings = _warnings(log)
    if warnings:
        parts.append(f"<details><summary>{len(warnings)} warnings from the render</summary><pre>"
                     + escape("\n".join(warnings)) + "</pre></details>")
    parts.append('<div class="crops">' + "".join(_crop_html(c) for c in manifest.get("crops", [])) + "</div>")
    return "".join(parts) + "</section>"


def _warnings(log: Path) -> list[str]:
    if not log.exists():
        return []
    lines = log.read_text(encoding="utf-8", errors="replace").splitlines()
    return [line for line in lines if line.startswith(("warning:", "error:"))]


def write_index(out: Path, maps: list, seconds: float) -> Path:
    """Write ``out/index.html`` for every map of the catalogue (drawn, failed or not yet drawn)."""
    manifests = {m.name: read_manifest(out, m.name) for m in maps}
    rows = []
    for m in maps:
        man = manifests[m.name]
        if man is None:
            state = '<span class="absent">not drawn</span>'
        elif man.get("status") != "ok":
            state = '<span class="failed">FAILED</span>'
        else:
            made = sum(1 for c in man.get("crops", []) if "file" in c)
            state = f"ok, {made} crops" + (f", {len(man['crops']) - made} skipped" if made < len(man["crops"]) else "")
        rows.append(f'<tr><td><a href="#{escape(m.name)}">{escape(m.name)}</a></td><td>{escape(m.title)}</td>'
                    f"<td>{state}</td></tr>")
    areas = "; ".join(f"{escape(a.title)} ({a.box[0]:g}° to {a.box[2]:g}° E, {a.box[1]:g}° to {a.box[3]:g}° N)"
                      for a in AREAS)
    failed = sum(1 for man in manifests.values() if man and man.get("status") != "ok")
    html = [
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">",
        "<title>Crossings review gallery</title>",
        f"<style>{STYLE}</style></head><body>",
        "<h1>Crossings review gallery</h1>",
        f"<p>Written {escape(time.strftime('%Y-%m-%d %H:%M'))} by <code>make gallery</code> "
        f"(<code>python -m tools.gallery</code>) in {seconds:.0f} s. "
        f"{sum(1 for v in manifests.values() if v)} of {len(maps)} maps in this folder"
        + (f', <span class="failed">{failed} failed</span>' if failed else "") + ". "
        "Each thumbnail links to the full PNG; crops are shown at 100 % (one image pixel per screen pixel): "
        "set the browser zoom to 100 %.</p>",
        f"<p>Crop areas, cut where their longitudes and latitudes fall on each map: {areas}.</p>",
        '<table class="toc"><tr><th>map</th><th>shows</th><th>state</th></tr>', *rows, "</table>",
        *(_map_html(m.name, m.title, manifests[m.name], out) for m in maps),
        "</body></html>",
    ]
    path = out / "index.html"
    tmp = path.with_suffix(".html.tmp")
    tmp.write_text("\n".join(html), encoding="utf-8")
    tmp.replace(path)
    return path
