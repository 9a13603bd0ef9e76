"""Benchmark ``ixbrl validate`` against plain ``arelleCmdLine`` with the same options.

Two measurements, each the median of several interleaved runs (the machine is shared, so
interleaving spreads the noise over both sides), with each run's peak memory (``wait4``
``ru_maxrss``: the largest process of the run, workers included):

1. one report: ``ixbrl validate R`` vs ``arelleCmdLine --file R ...``
   (target: ours at most 5 % slower);
2. five reports: one ``ixbrl validate R1..R5`` call vs five ``arelleCmdLine`` runs
   (target: ours at least 3x faster), with the default workers and with ``--jobs 1``.

Reports: by default the five seed announcements converted by ``ixbrl convert`` into a temporary
folder (real-size reports, ~400 facts each, with the company extension), or the files given.

    python bench/bench_validate.py --runs 3
    python bench/bench_validate.py --runs 5 out/*.xbri
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from converter.validation import auto_jobs

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("IXBRL_SHARED", REPO.parent / "shared"))
BIN = Path(sys.executable).parent
ARELLE_OPTIONS = ["--validate", "--workOffline", "--baseTaxonomyValidation=none", "--calc=c11r",
                  "--validateDuplicateFacts", "inconsistent", "--validationExitCode",
                  "--logFileMode=w"]


Run = tuple[float, int, int, float]   # wall s, exit status, peak RSS MB, CPU s


def run(cmd: list[str]) -> Run:
    """Wall seconds, exit status, peak RSS (MB) and CPU seconds (user + system) of one
    command and its children. CPU time is the steadier figure on a shared machine."""
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return (time.perf_counter() - started, proc.returncode, usage.ru_maxrss // 1024,
            usage.ru_utime + usage.ru_stime)


def ours(reports: list[Path], package: Path, jobs: int | None = None) -> list[str]:
    """``jobs`` None: the command's default (one worker per CPU, at most 4)."""
    return [str(BIN / "ixbrl"), "validate", *map(str, reports), "--taxonomy-package",
            str(package), *(["--jobs", str(jobs)] if jobs else [])]


def arelle(report: Path, package: Path, log: Path) -> list[str]:
    return [str(BIN / "arelleCmdLine"), "--file", str(report), "--packages", str(package),
            *ARELLE_OPTIONS, "--logFile", str(log)]


def five_arelle_runs(reports: list[Path], package: Path, log: Path) -> Run:
    total, peak, worst, cpu_total = 0.0, 0, 0, 0.0
    for report in reports:
        seconds, status, rss, cpu = run(arelle(report, package, log))
        total, peak, worst = total + seconds, max(peak, rss), max(worst, status)
        cpu_total += cpu
    return total, worst, peak, cpu_total


def make_reports(folder: Path, package: Path) -> list[Path]:
    """The five seeds converted by our own pipeline (not validated: that is what we time)."""
    seeds = sorted((SHARED / "seeds").glob("0*.txt"))[:5]
    if len(seeds) < 5:
        sys.exit(f"need five seed announcements in {SHARED / 'seeds'} or report paths")
    cmd = [str(BIN / "ixbrl"), "convert", *map(str, seeds), "-o", str(folder),
           "--taxonomy-package", str(package), "--no-validate", "--allow-unresolved"]
    subprocess.run(cmd, check=False, capture_output=True)
    reports = sorted(folder.glob("*.xbri"))
    if len(reports) < 5:
        sys.exit(f"ixbrl convert made {len(reports)} reports, need 5; pass report paths")
    return reports


def median(rows: list[Run]) -> tuple[float, int, float]:
    return (statistics.median(r[0] for r in rows), max(r[2] for r in rows),
            statistics.median(r[3] for r in rows))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("reports", nargs="*", type=Path, help="five reports (default: seeds)")
    parser.add_argument("--runs", type=int, default=3, help="runs per measurement")
    parser.add_argument("--taxonomy-package", type=Path, default=Path(os.environ.get(
        "IXBRL_TAXONOMY_PACKAGE", SHARED / "taxonomy" / "IFRSAT-2025.zip")))
    args = parser.parse_args()
    package = args.taxonomy_package.resolve()
    work = Path(tempfile.mkdtemp(prefix="bench-validate-"))
    try:
        reports = [p.resolve() for p in args.reports] or make_reports(work / "reports", package)
        reports = reports[:5]
        log = work / "arelle-log.json"
        print(f"{len(reports)} reports: {', '.join(p.name for p in reports)}")
        print(f"arelle options: {' '.join(ARELLE_OPTIONS)}; {args.runs} runs each, medians\n")

        one_ours, one_arelle = [], []
        for _ in range(max(args.runs, 3)):
            one_arelle.append(run(arelle(reports[0], package, log)))
            one_ours.append(run(ours(reports[:1], package)))
        batch_ours, batch_ours2, batch_arelle = [], [], []
        for _ in range(args.runs):
            batch_arelle.append(five_arelle_runs(reports, package, log))
            batch_ours.append(run(ours(reports, package)))
            batch_ours2.append(run(ours(reports, package, jobs=1)))

        a1, a1_mb, a1_cpu = median(one_arelle)
        o1, o1_mb, o1_cpu = median(one_ours)
        a5, a5_mb, a5_cpu = median(batch_arelle)
        o5, o5_mb, o5_cpu = median(batch_ours)
        o52, o52_mb, o52_cpu = median(batch_ours2)
        status = {"ours": {r[1] for r in one_ours + batch_ours},
                  "arelle": {r[1] for r in one_arelle + batch_arelle}}
        print(f"{'measurement':<38}{'wall s':>8}{'CPU s':>8}{'peak MB':>9}")
        for name, seconds, cpu, mb in [
                ("1 report   arelleCmdLine", a1, a1_cpu, a1_mb),
                ("1 report   ixbrl validate", o1, o1_cpu, o1_mb),
                ("5 reports  5 x arelleCmdLine", a5, a5_cpu, a5_mb),
                ("5 reports  ixbrl validate (1 call)", o5, o5_cpu, o5_mb),
                ("5 reports  ixbrl validate --jobs 1", o52, o52_cpu, o52_mb)]:
            print(f"{name:<38}{seconds:>8.2f}{cpu:>8.2f}{mb:>9}")
        slower, slower_cpu = (o1 / a1 - 1) * 100, (o1_cpu / a1_cpu - 1) * 100
        print(f"\none report: ours {slower:+.1f} % wall, {slower_cpu:+.1f} % CPU vs "
              f"arelleCmdLine (target <= +5 %): {'PASS' if slower <= 5 else 'FAIL'}")
        print(f"five reports: {a5 / o5:.2f}x faster in one call with the default workers "
              f"({auto_jobs(len(reports))}), {a5_cpu / o5_cpu:.2f}x in CPU time; {a5 / o52:.2f}x "
              f"with --jobs 1 (target >= 3x): {'PASS' if a5 / o5 >= 3 else 'FAIL'}")
        print(f"load average at the end: {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")
        print(f"exit statuses seen: ours {sorted(status['ours'])}, "
              f"arelleCmdLine {sorted(status['arelle'])} (0 valid, 1/3 errors found)")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
