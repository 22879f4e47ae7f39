"""Run a browser check many times under CPU load, to prove it passes by construction and not by timing (a script,
not a test: `make a11y-soak`). Two busy processes keep both cores of a 2-core machine occupied while the check runs
RUNS times in a row on the built site; `--one-core` runs it once more in one process pinned to one CPU
(taskset -c 0), as on a one-core machine. Prints one line per run and a total; exits 1 when any run failed or
timed out.

    python -m tools.soak [--runs 10] [--busy 2] [--one-core] [pytest target ...]
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET

DEFAULT_TARGET = ["e2e/test_every_page.py"]


def _spin() -> None:  # a busy loop: one core's worth of load
    while True:
        pass


def _counts(junit: str) -> tuple[int, int, int]:
    """(tests, failures + errors, timeouts) of one pytest run's JUnit XML."""
    suite = ET.parse(junit).getroot()
    suite = suite if suite.tag == "testsuite" else suite.find("testsuite")
    tests = int(suite.get("tests", 0))
    bad = int(suite.get("failures", 0)) + int(suite.get("errors", 0))
    timeouts = sum("Timeout" in (e.get("message") or "") for e in suite.iter() if e.tag in ("failure", "error"))
    return tests, bad, timeouts


def run_once(target: list[str], cpus: str | None, workers: int) -> tuple[int, int, int, float]:
    with tempfile.TemporaryDirectory() as tmp:
        junit = os.path.join(tmp, "junit.xml")
        cmd = [sys.executable, "-m", "pytest", *target, "-q", "-p", "no:cacheprovider", f"--junitxml={junit}"]
        if workers:
            cmd += ["-n", str(workers)]
        if cpus:
            cmd = ["taskset", "-c", cpus, *cmd]
        start = time.monotonic()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        took = time.monotonic() - start
        if not os.path.exists(junit):
            return 0, 1, 0, took
        return (*_counts(junit), took)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--busy", type=int, default=2, help="busy processes beside the check (default 2)")
    parser.add_argument("--workers", type=int, default=2, help="pytest-xdist workers (0: one process)")
    parser.add_argument("--one-core", action="store_true", help="then one run pinned to CPU 0 with its load")
    parser.add_argument("target", nargs="*", default=DEFAULT_TARGET)
    args = parser.parse_args()

    total_bad = 0
    plan = [(f"loaded {i + 1}/{args.runs}", None) for i in range(args.runs)]
    if args.one_core:
        plan.append(("one core", "0"))
    for name, cpus in plan:
        busy = [multiprocessing.Process(target=_spin, daemon=True) for _ in range(0 if cpus else args.busy)]
        for proc in busy:
            proc.start()
        try:
            tests, bad, timeouts, took = run_once(args.target, cpus, 0 if cpus else args.workers)
        finally:
            for proc in busy:
                proc.terminate()
        total_bad += bad
        print(f"{name:14} {tests:4d} tests  {bad:3d} failed  {timeouts:3d} timeouts  {took:6.0f} s", flush=True)
    print(f"total: {len(plan)} runs, {total_bad} failed tests")
    return 1 if total_bad else 0


if __name__ == "__main__":
    sys.exit(main())
