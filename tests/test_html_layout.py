"""The HTML reports in a real browser: readable on a 390 px phone and on a desktop.

Headless Chromium lays each report out inside an iframe of the width under
test (a headless window is never narrower than 500 px, an iframe is), and a
script in the host page measures the report: whether anything is wider than
the viewport, whether a table needs scrolling, how big the chart text is
drawn, and whether two pieces of chart text overlap. The measurements come
back through ``--dump-dom``; a screenshot of each layout is saved too.

Nothing leaves the machine: the page is a local file, and Chromium is told to
resolve no host name and to make no background requests. Without a Chromium
the tests skip, saying so (``.ci/run`` installs Debian's ``chromium``).
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from _month import COMPANY, write_ledger, write_month

from honestcs import Promise, PromiseLedger, SQLiteStore
from honestcs.cli import main

ROOT = Path(__file__).parents[1]
POLICY = ROOT / "examples" / "northwind.toml"
REPLIES = ROOT / "examples" / "replies"
NOW = "2026-12-01T10:00:00-06:00"
PHONE, DESKTOP = 390, 1280
HEIGHT = 3000
# Chart text drawn smaller than this (in CSS pixels) is not readable on a phone.
SMALLEST_TEXT_PX = 10

pytestmark = pytest.mark.slow

# Runs in the host page once the report in the iframe has loaded; writes its findings
# into <pre id="measure"> for --dump-dom to carry out.
_MEASURE = """
const frame = document.getElementById("page");
frame.addEventListener("load", () => {
  const win = frame.contentWindow, doc = frame.contentDocument, root = doc.documentElement;
  const name = el => {
    const cls = el.getAttribute("class");
    return el.tagName.toLowerCase() + (cls ? "." + cls.split(" ").join(".") : "");
  };
  const wide = [...doc.querySelectorAll("body *")]
    .filter(el => el.getBoundingClientRect().right > win.innerWidth + 0.5)
    .map(name);
  const scrolling = [...doc.querySelectorAll(".table-wrap")]
    .filter(el => el.scrollWidth > el.clientWidth)
    .map(el => el.firstElementChild.className);
  const charts = [...doc.querySelectorAll(".chart svg")];
  // What each chart drew: its title, and how many bars, points and lines it has.
  const drawn = charts.map(svg => ({
    title: svg.getAttribute("aria-label"),
    bars: [...svg.querySelectorAll("rect")].filter(r => r.querySelector("title")).length,
    points: svg.querySelectorAll("circle").length,
    lines: [...svg.querySelectorAll("line")].filter(l => l.getAttribute("stroke") === "#1565c0")
      .length,
    height: svg.getBoundingClientRect().height,
  }));
  const tables = [...doc.querySelectorAll("table")].map(table => ({
    className: table.className, rows: table.tBodies[0].rows.length,
    height: table.getBoundingClientRect().height,
    cells: [...table.tBodies[0].rows].map(row => [...row.cells].map(c => c.textContent.trim())),
  }));
  const sizes = charts.flatMap(svg => [...svg.querySelectorAll("text")].map(t =>
    parseFloat(win.getComputedStyle(t).fontSize) * t.getScreenCTM().a));
  const overlaps = [];
  const clipped = [];
  for (const svg of charts) {
    const box = svg.getBoundingClientRect();
    const texts = [...svg.querySelectorAll("text")]
      .map(t => [t.textContent, t.getBoundingClientRect()]);
    for (const [text, r] of texts) {
      if (r.left < box.left - 0.5 || r.right > box.right + 0.5 ||
          r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5) clipped.push(text);
    }
    texts.forEach(([a, r], i) => texts.slice(i + 1).forEach(([b, s]) => {
      if (r.left < s.right && s.left < r.right && r.top < s.bottom && s.top < r.bottom) {
        overlaps.push([a, b]);
      }
    }));
  }
  document.getElementById("measure").textContent = JSON.stringify({
    viewport: win.innerWidth, scrollWidth: root.scrollWidth, wide, scrolling,
    charts: charts.length, smallestChartText: sizes.length ? Math.min(...sizes) : null,
    overlaps, clipped, drawn, tables,
  });
});
"""


def _chromium() -> str:
    """The Chromium to drive, or skip saying why there is none."""
    for name in ("chromium", "chromium-browser"):
        path = shutil.which(name)
        if path is None:
            continue
        try:
            subprocess.run([path, "--version"], capture_output=True, timeout=60, check=True)
        except (OSError, subprocess.SubprocessError) as exc:
            pytest.skip(f"{path} does not run ({exc}): the browser layout test needs Chromium")
        return path
    pytest.skip(
        "no Chromium on PATH (chromium or chromium-browser): the browser layout test needs it; "
        "on Debian or Ubuntu: apt-get install chromium"
    )


def _host_page(report: str, width: int) -> str:
    """A page holding the report in an iframe ``width`` px wide, and the measuring script."""
    return (
        '<!DOCTYPE html><html><head><meta charset="utf-8"><style>'
        f"body{{margin:0}} iframe{{border:0;display:block;width:{width}px;height:{HEIGHT}px}}"
        "</style></head><body>"
        f'<iframe id="page" srcdoc="{html.escape(report, quote=True)}"></iframe>'
        f'<pre id="measure"></pre><script>{_MEASURE}</script></body></html>'
    )


def _browse(chromium: str, page: Path, width: int, *action: str) -> str:
    """Run headless Chromium on a local page, offline, in a profile under the page's folder."""
    profile = page.parent / "chromium-profile"
    result = subprocess.run(
        [
            chromium,
            "--headless",
            "--no-sandbox",  # as root in a container; the page is our own local file
            "--disable-gpu",
            "--hide-scrollbars",
            f"--user-data-dir={profile}",
            f"--window-size={max(width, 500)},{HEIGHT}",
            # Offline: no name resolves, and nothing runs in the background.
            "--host-resolver-rules=MAP * ~NOTFOUND",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-default-apps",
            "--disable-sync",
            "--no-first-run",
            "--no-pings",
            *action,
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={"HOME": str(page.parent), "PATH": os.environ.get("PATH", "/usr/bin:/bin")},
    )
    assert result.returncode == 0, f"chromium exited {result.returncode}:\n{result.stderr[-2000:]}"
    return result.stdout


def measure(chromium: str, report: Path, width: int, shots: Path) -> dict[str, Any]:
    """Lay ``report`` out ``width`` px wide; save a screenshot in ``shots``; return the measures."""
    host = shots / f"{report.stem}-{width}-host.html"
    host.write_text(_host_page(report.read_text(encoding="utf-8"), width), encoding="utf-8")
    dom = _browse(chromium, host, width, "--dump-dom")
    found = re.search(r'<pre id="measure">(.*?)</pre>', dom, re.DOTALL)
    assert found and found[1], f"the measuring script wrote nothing:\n{dom[-2000:]}"
    shot = shots / f"{report.stem}-{width}.png"
    _browse(chromium, host, width, f"--screenshot={shot}")
    assert shot.stat().st_size > 0
    measures: dict[str, Any] = json.loads(html.unescape(found[1]))
    measures["screenshot"] = str(shot)
    return measures


@pytest.fixture(scope="module")
def chromium() -> str:
    """The path of the Chromium the tests drive (they skip without one)."""
    return _chromium()


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Path]]:
    """Both reports, filled with the longest names and texts they have to cope with."""
    tmp = tmp_path_factory.mktemp("reports")
    long = tmp / "a-reply-file-with-a-rather-long-name-from-a-macro-library.txt"
    long.write_text(
        "Your refund will be back on your card within 3 days. See "
        "https://help.example.com/orders/returns-and-refunds/how-long-does-a-refund-take-"
        "to-reach-my-card-after-it-is-approved for details. Your sofa will arrive by Friday. "
        "We'll look into it and get back to you.",
        "utf-8",
    )
    check = tmp / "report.html"
    main(["check", "--policy", str(POLICY), "--now", NOW, "--format", "html", "-o", str(check),
          str(REPLIES), str(long)])  # fmt: skip

    db = tmp / "promises.db"
    start = datetime.fromisoformat(NOW)
    agents = ["alex", "sam", "an-agent-name-much-longer-than-most-people-have"]
    clauses = ["refund", "repair-visit", "a-clause-id-that-goes-on-and-on-and-on", None]
    with PromiseLedger(SQLiteStore(db)) as ledger:
        for i in range(24):
            text = (
                "Your refund of the full amount, including the delivery charge you paid, "
                "will be back on the card you paid with within 7 business days"
            )
            record = ledger.record(
                Promise(text, 0, len(text), clause=clauses[i % 4],
                        due=start + timedelta(days=i % 6 - 2)),
                customer=f"customer-{i:04d}@example-with-a-long-domain.com",
                agent=agents[i % 3],
                made_at=start - timedelta(days=3),
            )  # fmt: skip
            if i % 5 == 0:
                ledger.mark_kept(record.id, at=start - timedelta(days=1))
            elif i % 7 == 0:
                ledger.mark_broken(record.id, reason="no stock", at=start - timedelta(days=1))
    ledger_page = tmp / "ledger.html"
    assert main(["promises", "report", "--db", str(db), "--now", NOW, "-o", str(ledger_page)]) == 0

    insight = tmp / "insight.html"
    (tmp / "month").mkdir()
    month, month_db = write_month(tmp / "month"), write_ledger(tmp / "month")
    assert main(["report", str(month), "--policy", str(COMPANY), "--db", str(month_db),
                 "--format", "html", "-o", str(insight)]) == 0  # fmt: skip
    yield {"check": check, "ledger": ledger_page, "insight": insight}


@pytest.mark.parametrize("width", [PHONE, DESKTOP], ids=["phone-390", "desktop-1280"])
@pytest.mark.parametrize("name", ["check", "ledger", "insight"])
def test_report_fits_the_screen(
    chromium: str, reports: dict[str, Path], name: str, width: int, tmp_path: Path
) -> None:
    """A report is no wider than the screen, its tables need no sideways scroll, its charts read."""
    got = measure(chromium, reports[name], width, tmp_path)
    print(f"{name} at {width} px: {got}")  # the screenshot's path is among the measures
    assert got["viewport"] == width
    assert got["scrollWidth"] <= width, f"wider than the screen: {got['wide'][:10]}"
    assert got["wide"] == []
    assert got["scrolling"] == [], "a table needs scrolling sideways"
    if name in ("ledger", "insight"):
        assert got["charts"] == {"ledger": 4, "insight": 8}[name]
        assert got["smallestChartText"] >= SMALLEST_TEXT_PX
        assert got["overlaps"] == [], "chart text overlaps"
        assert got["clipped"] == [], "chart text is cut off at the edge"


@pytest.mark.parametrize("width", [PHONE, DESKTOP], ids=["phone-390", "desktop-1280"])
def test_insight_report_draws_its_charts_and_hot_spots(
    chromium: str, reports: dict[str, Path], width: int, tmp_path: Path
) -> None:
    """The month's report draws every chart with its bars or points, and the hot-spot table."""
    got = measure(chromium, reports["insight"], width, tmp_path)
    drawn = {chart["title"]: chart for chart in got["drawn"]}
    assert all(chart["height"] >= 80 for chart in got["drawn"])
    # Four weeks: four points joined by three lines.
    assert (drawn["Findings per week"]["points"], drawn["Findings per week"]["lines"]) == (4, 3)
    assert drawn["Findings per rule"]["bars"] == 1  # overpromise
    assert drawn["Findings per department"]["bars"] == 3
    assert drawn["Findings per agent"]["bars"] == 3
    assert drawn["Kept rate per department"]["bars"] == 3
    assert drawn["Kept rate per week made"]["points"] == 1  # every promise was made in W49
    assert drawn["Kept rate per agent"]["bars"] == 3
    assert drawn["Kept rate per clause"]["bars"] == 3
    tables = {table["className"]: table for table in got["tables"]}
    hot = tables["summary stacked hot-spots"]
    assert hot["rows"] == 3 and hot["height"] > 100
    assert [row[0] for row in hot["cells"]] == [
        "refund billing", "repair-visit support", "delivery shipping",
    ]  # fmt: skip
    assert hot["cells"][0][4] == "takes 5-7 business days"
    assert hot["cells"][0][5] == "We'll refund you within 3 days"
    assert tables["summary stacked weeks"]["rows"] == 4
    # A kept-rate trend for each of 3 departments, 3 agents and 3 clauses.
    assert tables["summary stacked weekly-kept"]["rows"] == 9
