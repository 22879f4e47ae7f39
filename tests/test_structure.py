"""Rules that keep the two languages and the snippets in step."""

from __future__ import annotations

import difflib
import subprocess
import sys

import pytest

from tools.pages import DOCS, LANGS, PageError, includes, pages
from tools.snippets import FIGURES, ROOT, SNIPPETS, parse_sections, rel, snippet_files

ALL_PAGES = sorted({page for lang in LANGS for page in pages(lang)})


@pytest.mark.parametrize("page", ALL_PAGES, ids=[p.as_posix() for p in ALL_PAGES])
def test_page_exists_in_every_language(page):
    missing = [f"docs/{lang}/{page.as_posix()}" for lang in LANGS if not (DOCS / lang / page).exists()]
    assert not missing, f"missing translation: {missing} (the i18n plugin would silently fall back)"


@pytest.mark.parametrize("page", ALL_PAGES, ids=[p.as_posix() for p in ALL_PAGES])
def test_languages_show_the_same_code(page):
    """Same snippet includes in the same order; no hand-written code blocks (PageError names the line)."""
    shown = {}
    for lang in LANGS:
        path = DOCS / lang / page
        if path.exists():
            try:
                shown[lang] = [inc.target for inc in includes(path, lang)]
            except PageError as exc:
                pytest.fail(str(exc), pytrace=False)
    first, *others = LANGS
    for lang in others:
        if lang in shown and first in shown and shown[lang] != shown[first]:
            delta = "\n".join(
                difflib.unified_diff(shown[first], shown[lang], f"docs/{first}", f"docs/{lang}", lineterm="")
            )
            pytest.fail(f"{page.as_posix()}: the languages include different snippets:\n{delta}", pytrace=False)


def _usage(lang: str) -> dict[str, list[str]]:
    """For one language: snippet file -> the sections its pages include, in page order."""
    used: dict[str, list[str]] = {}
    for page in pages(lang):
        for inc in includes(DOCS / lang / page, lang):
            if inc.section:
                used.setdefault(rel(inc.file), []).append(inc.section)
    return used


@pytest.mark.parametrize("lang", LANGS)
def test_every_snippet_is_shown_whole_and_in_order(lang):
    """Each section is shown exactly once, in file order, so the page and the file are the same program."""
    used = _usage(lang)
    problems = []
    for path in snippet_files():
        names = [s.name for s in parse_sections(path)]
        shown = used.get(rel(path))
        if not shown:
            problems.append(f"snippets/{rel(path)} is used by no page in docs/{lang}/")
        elif shown != names:
            problems.append(f"snippets/{rel(path)}: docs/{lang}/ shows sections {shown}, the file has {names}")
    assert not problems, "\n".join(problems)


def test_every_figure_is_drawn_by_a_snippet():
    sources = "\n".join(p.read_text(encoding="utf-8") for p in snippet_files())
    orphans = [f.name for f in FIGURES.glob("*.svg") if f'"{f.name}"' not in sources]
    assert not orphans, f"figures in {FIGURES.relative_to(ROOT)} that no snippet draws: {orphans}"


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
    bad = [p.name for p in SNIPPETS.iterdir() if p.is_dir() and not p.name.isidentifier()]
    assert not bad, f"chapter folders must be valid Python identifiers: {bad}"
