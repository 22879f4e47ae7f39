"""Rules that keep the two languages and the snippets in step (tools/checks.py), and the code style."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tools import checks
from tools.site import SITE
from tools.snippets import ROOT, parse_sections

ALL_PAGES = SITE.all_pages()


def _fail_on(problems: list[str]) -> None:
    if problems:
        pytest.fail("\n".join(problems), pytrace=False)


def test_every_page_exists_in_every_language():
    _fail_on(checks.missing_translations(SITE))


@pytest.mark.parametrize("source", ALL_PAGES, ids=[p.as_posix() for p in ALL_PAGES])
def test_languages_show_the_same_code(source):
    """Same snippet includes in the same order; no hand-written code blocks (the message names the line)."""
    _fail_on(checks.different_snippets(SITE, source))


def test_snippet_files_are_well_formed():
    _fail_on(checks.malformed_snippets(SITE))


@pytest.mark.parametrize("lang", SITE.langs)
def test_every_snippet_is_shown_whole_and_in_order(lang):
    _fail_on(checks.sections_not_shown_in_order(SITE, lang))


def test_pymdownx_shows_each_section_as_tools_reads_it():
    """The build expands includes with pymdownx.snippets, the tests with tools.snippets: they must agree."""
    import markdown

    md = markdown.Markdown(
        extensions=["pymdownx.snippets"],
        extension_configs={"pymdownx.snippets": {"base_path": [str(SITE.snippets)], "check_paths": True}},
    )
    pre = md.preprocessors["snippet"]
    for path in SITE.snippet_files():
        for section in parse_sections(path):
            shown = "\n".join(pre.run([f'--8<-- "{section.ref}"'])).strip("\n") + "\n"
            assert shown == section.code, f"snippets/{section.ref}: pymdownx.snippets shows it differently"


def test_snippets_are_linted_and_formatted():
    for args in (["check"], ["format", "--check", "--diff"]):
        proc = subprocess.run(
            [sys.executable, "-m", "ruff", *args, "snippets", "tools", "tests", "e2e"],
            capture_output=True,
            text=True,
            cwd=ROOT,
        )
        assert proc.returncode == 0, f"ruff {' '.join(args)} failed (run `make format`):\n{proc.stdout}{proc.stderr}"


def test_snippet_dirs_are_python_identifiers():
    bad = [p.name for p in SITE.snippets.iterdir() if p.is_dir() and not p.name.isidentifier()]
    assert not bad, f"chapter folders must be valid Python identifiers: {bad}"
