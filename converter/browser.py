"""Headless Chromium, for checking that a rendered report reads in a browser.

Used by the browser test and by ``tools/screenshots.py``; not part of the conversion. The
report is copied with a small probe script appended that measures, in the browser, which
statement tables are visible and how many figures they show, and records script errors.
"""
from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from pathlib import Path

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                  "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--hide-scrollbars"]

_PROBE = """<script type="text/javascript">//<![CDATA[
window.__errors = [];
window.addEventListener('error', function (e) { window.__errors.push(String(e.message)); });
window.addEventListener('load', function () {
  var out = {errors: window.__errors, tables: []};
  var sections = document.querySelectorAll('div.statement');
  for (var i = 0; i < sections.length; i++) {
    var s = sections[i], table = s.querySelector('table.figures');
    var facts = s.getElementsByTagNameNS('http://www.xbrl.org/2013/inlineXBRL', 'nonFraction');
    var shown = 0;
    for (var j = 0; j < facts.length; j++) {
      var r = facts[j].getBoundingClientRect();
      if (r.width > 0 && r.height > 0 && facts[j].textContent.trim()) { shown++; }
    }
    var box = table ? table.getBoundingClientRect() : {width: 0, height: 0};
    out.tables.push({id: s.id, width: box.width, height: box.height,
                     facts: facts.length, shown: shown});
  }
  var pre = document.createElementNS('http://www.w3.org/1999/xhtml', 'pre');
  pre.setAttribute('id', 'probe-result');
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
});
//]]></script>"""


def chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


def _run(args: list[str], timeout: float = 120) -> subprocess.CompletedProcess[str]:
    profile = tempfile.mkdtemp(prefix="ixbrl-chromium-")
    try:
        return subprocess.run([chromium() or "chromium", *CHROMIUM_FLAGS,
                               f"--user-data-dir={profile}", *args],
                              capture_output=True, text=True, timeout=timeout, check=False)
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def probe(xhtml: Path) -> dict[str, object]:
    """Load a copy of the report with the probe script; return what the browser measured."""
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / xhtml.name
        text = xhtml.read_text(encoding="utf-8").replace("</body>", _PROBE + "</body>", 1)
        copy.write_text(text, encoding="utf-8")
        run = _run(["--virtual-time-budget=5000", "--dump-dom", copy.as_uri()])
    marker = 'id="probe-result">'
    start = run.stdout.find(marker)
    if start < 0:
        raise RuntimeError(f"browser produced no probe result: {run.stderr[-500:]}")
    end = run.stdout.find("</pre>", start)
    raw = run.stdout[start + len(marker):end]
    raw = raw.replace("&quot;", '"').replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    return json.loads(raw)


def screenshot(xhtml: Path, png: Path, only: str | None = None, size: str = "1200,1400") -> None:
    """A PNG of the report; with ``only``, of that statement alone (the others hidden)."""
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / xhtml.name
        text = xhtml.read_text(encoding="utf-8")
        if only:
            css = (f"<style type=\"text/css\">div.cover, div.footer, div.statement {{ display: none }}"
                   f" div#{only} {{ display: block; margin-top: 0 }}</style>")
            text = text.replace("</head>", css + "</head>", 1)
        copy.write_text(text, encoding="utf-8")
        png.parent.mkdir(parents=True, exist_ok=True)
        _run([f"--window-size={size}", f"--screenshot={png}", copy.as_uri()])
