"""Render one screenshot per statement type of a converted report into docs/screenshots/.

    python tools/screenshots.py REPORT.xhtml [OUTDIR]

Needs Debian's chromium. The pictures in docs/ are made from the example announcement.
"""
from __future__ import annotations

import sys
from pathlib import Path

from converter.browser import chromium, screenshot

STATEMENTS = ("income", "comprehensive-income", "financial-position", "changes-in-equity",
              "cash-flows")


def main() -> int:
    if len(sys.argv) < 2 or chromium() is None:
        print(__doc__)
        return 2
    report = Path(sys.argv[1])
    outdir = Path(sys.argv[2]) if len(sys.argv) > 2 else Path("docs/screenshots")
    page = report.read_text(encoding="utf-8")
    for statement in STATEMENTS:
        if f'id="{statement}"' not in page:
            continue    # a combined statement of profit or loss and OCI is one table
        width = "1300,1100" if statement == "changes-in-equity" else "1000,1100"
        png = outdir / f"{statement}.png"
        screenshot(report, png, only=statement, size=width)
        print(png)
    return 0


if __name__ == "__main__":
    sys.exit(main())
