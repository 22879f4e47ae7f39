"""Translation check: each English page against its Chinese source (docs/zh/ is written first, docs/en/ follows).

    python -m tools.translations        (make translations; .ci/run runs it)

Structure drift fails (exit 1, naming the file and what differs). A pair must have, outside code blocks:
  - the same headings: level and id (`## 标题 { #id }`), in order, each with its explicit id (a generated one is
    `_1`, `_2`... for a Chinese heading and changes when a heading is added: links and the switcher lose the place);
  - the same snippet includes (`--8<-- "file.py:section"`), in order;
  - the same internal links (page, figure and #anchor targets) and as many external links;
  - the same formulas, in order: every display formula ($$...$$, \\[...\\]) and every inline equation (inline
    math with a relation: =, <, \\le, \\approx, \\to...), compared without whitespace. A bare symbol such as $x$
    is phrasing, not structure (第 $i$ 行第 $j$ 列 is "entry $(i, j)$" in English), so it is not compared;
  - as many rows in the errata table (the section with id `errata`).

Freshness warns only: an English page is listed when its Chinese source has commits after the English page's last
commit (git history), as FastAPI tracks outdated translations. Without git, outside a repository or in a shallow
clone the history cannot tell, so freshness is skipped with a warning (CI checks out the whole history).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .pages import PageError, scan_fences
from .site import SITE
from .snippets import ROOT

SOURCE, TRANSLATION = SITE.langs  # the default language is the original (zh), the other its translation
DOCS = SITE.docs

FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*$")
HEADING_ID = re.compile(r"\{[^}]*#([-\w]+)[^}]*\}$")
CODE_SPAN = re.compile(r"(`+)(?!`).*?(?<!`)\1")
LINK = re.compile(r"\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)|\b(?:href|src)=\"([^\"]+)\"")
DISPLAY_MATH = re.compile(r"\$\$.+?\$\$|\\\[.+?\\\]", re.S)
INLINE_MATH = re.compile(r"(?<![\\$])\$(?=\S)(?:[^$\n]|\n(?![ \t]*\n))*?(?<=[^\s\\])\$(?!\$)|\\\(.+?\\\)", re.S)
RELATION = re.compile(r"[=<>]|\\(?:le|ge|leq|geq|ne|neq|approx|to|rightarrow|propto|sim|equiv)(?![a-zA-Z])")
TABLE_SEPARATOR = re.compile(r"^\|?\s*:?-{3,}")


@dataclass
class Structure:
    """What must be the same in both languages of a page."""

    headings: list[str] = field(default_factory=list)  # "## #id" (level and id)
    includes: list[str] = field(default_factory=list)  # snippet targets, in order
    links: list[str] = field(default_factory=list)  # internal targets, in order
    external_links: int = 0
    formulas: list[str] = field(default_factory=list)  # display formulas and inline equations, without whitespace
    errata_rows: int = 0


def _site_path(where: str, href: str) -> str:
    """The site path a raw HTML href on page `docs/<lang>/<page>.md` points at (the same in every language)."""
    import posixpath

    parts = Path(where).parts
    if "docs" not in parts[:-2] or href.startswith(("#", "/")):
        return href
    i = parts.index("docs")
    lang, page = parts[i + 1], Path(*parts[i + 2 :]).with_suffix("")
    prefix = SITE.prefix(lang)
    page_dir = "" if page.name == "index" else f"{page.as_posix()}/"
    return posixpath.normpath(f"/{prefix}{page_dir}{href}")


def structure(markdown: str, where: str) -> Structure:
    """The structure of one page (see the module docstring). Raises PageError on a malformed code fence."""
    markdown = FRONT_MATTER.sub(lambda m: "\n" * m.group(0).count("\n"), markdown.replace("\r\n", "\n"))
    lines = markdown.split("\n")
    found = Structure()
    in_code = set()
    for fence in scan_fences(markdown, where):
        found.includes.append(fence.include.target)
        in_code.update(range(fence.start, fence.end + 1))
    prose = [CODE_SPAN.sub("``", line) if i not in in_code else "" for i, line in enumerate(lines)]

    errata_level = 0
    for line in prose:
        heading = HEADING.match(line)
        if heading:
            level, title = len(heading.group(1)), heading.group(2)
            anchor = HEADING_ID.search(title)
            found.headings.append(f"{heading.group(1)} #{anchor.group(1) if anchor else '(no id)'}")
            if errata_level and level <= errata_level:
                errata_level = 0
            if anchor and anchor.group(1) == "errata":
                errata_level = level
        elif errata_level and line.lstrip().startswith("|") and not TABLE_SEPARATOR.match(line.strip()):
            found.errata_rows += 1
        for match in LINK.finditer(line):
            target = match.group(1) or match.group(2)
            if re.match(r"^[a-z][a-z0-9+.-]*:", target, re.I):
                found.external_links += 1
            else:  # an HTML href is resolved by the browser from the page's URL, which differs per language
                found.links.append(target if match.group(1) else _site_path(where, target))
    if found.errata_rows:
        found.errata_rows -= 1  # the header row

    text = "\n".join(prose)
    display = DISPLAY_MATH.findall(text)
    equations = [m for m in INLINE_MATH.findall(DISPLAY_MATH.sub(" ", text)) if RELATION.search(m)]
    found.formulas = [re.sub(r"\s+", "", m) for m in display + equations]
    return found


def _first_difference(source: list[str], translation: list[str]) -> str:
    def short(item: str) -> str:
        return repr(item if len(item) <= 70 else item[:67] + "...")

    for i, (a, b) in enumerate(zip(source, translation, strict=False)):
        if a != b:
            return f"#{i + 1} is {short(a)} in {SOURCE}, {short(b)} in {TRANSLATION}"
    n = min(len(source), len(translation))
    longer, lang = (source, SOURCE) if len(source) > n else (translation, TRANSLATION)
    return f"{lang} has {len(longer) - n} more, from #{n + 1} {short(longer[n])}"


def drift(source: Structure, translation: Structure) -> list[str]:
    """What differs between the structure of the Chinese page and that of its English translation."""
    problems = []
    unnamed = [h for h in source.headings + translation.headings if h.endswith("#(no id)")]
    if unnamed:
        problems.append(f"{len(unnamed)} heading(s) without an explicit {{ #id }} (a stable id for links)")
    for name in ("headings", "includes", "formulas"):
        a, b = getattr(source, name), getattr(translation, name)
        if a != b:
            problems.append(f"{name} ({len(a)} in {SOURCE}, {len(b)} in {TRANSLATION}): {_first_difference(a, b)}")
    if Counter(source.links) != Counter(translation.links):
        only_source = sorted((Counter(source.links) - Counter(translation.links)).elements())
        only_translation = sorted((Counter(translation.links) - Counter(source.links)).elements())
        problems.append(f"links: only in {SOURCE} {only_source}, only in {TRANSLATION} {only_translation}")
    for name in ("external_links", "errata_rows"):
        a, b = getattr(source, name), getattr(translation, name)
        if a != b:
            problems.append(f"{name.replace('_', ' ')}: {a} in {SOURCE}, {b} in {TRANSLATION}")
    return problems


def _git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, check=True).stdout.strip()


def history_problem(repo: Path) -> str | None:
    """Why git history cannot tell freshness here (None: it can)."""
    if shutil.which("git") is None:
        return "git is not installed"
    try:
        inside = _git(repo, "rev-parse", "--is-inside-work-tree") == "true"
    except subprocess.CalledProcessError:
        inside = False
    if not inside:
        return f"{repo} is not a git work tree"
    try:
        if _git(repo, "rev-parse", "--is-shallow-repository") == "true":
            return "this is a shallow clone (fetch the whole history, e.g. `git fetch --unshallow`)"
        _git(repo, "rev-parse", "--verify", "HEAD")
    except subprocess.CalledProcessError as exc:
        return f"git cannot read the history of {repo}: {exc.stderr.strip() or exc}"
    return None


def stale(repo: Path, source: Path, translation: Path) -> str | None:
    """Why `translation` is older than `source` (None: it is not). Paths relative to `repo`."""
    last = _git(repo, "log", "-1", "--format=%H", "--", translation.as_posix())
    if not last:
        return None  # never committed: nothing to compare yet
    newer = _git(repo, "log", "--format=%h %cs %s", f"{last}..HEAD", "--", source.as_posix()).splitlines()
    if not newer:
        return None
    return (
        f"{translation.as_posix()}: {source.as_posix()} changed in {len(newer)} commit(s) after the English page "
        f"last did ({last[:7]}); latest: {newer[0]}"
    )


def check(docs: Path = DOCS, repo: Path = ROOT) -> tuple[list[str], list[str]]:
    """(structure problems, freshness warnings) of every page pair under docs/<zh|en>/."""
    from .checks import missing_translations
    from .site import Site

    project = Site(docs.parent, SITE.languages)  # the written pages (not the generated notebooks) under `docs`
    errors, warnings = missing_translations(project), []
    names = {lang: set(project.pages(lang)) for lang in SITE.langs}
    pairs = sorted(names[SOURCE] & names[TRANSLATION])
    for name in pairs:
        paths = {lang: docs / lang / name for lang in SITE.langs}
        try:
            found = {lang: structure(p.read_text(encoding="utf-8"), _shown(p, repo)) for lang, p in paths.items()}
        except PageError as exc:
            errors.append(str(exc))
            continue
        errors += [
            f"{_shown(paths[TRANSLATION], repo)} differs from {_shown(paths[SOURCE], repo)} in {problem}"
            for problem in drift(found[SOURCE], found[TRANSLATION])
        ]
    problem = history_problem(repo)
    if problem:
        warnings.append(f"translation freshness not checked: {problem}")
        return errors, warnings
    for name in pairs:
        source, translation = ((docs / lang / name).resolve().relative_to(repo.resolve()) for lang in SITE.langs)
        reason = stale(repo, source, translation)
        if reason:
            warnings.append(reason)
    return errors, warnings


def _shown(path: Path, repo: Path) -> str:
    try:
        return path.resolve().relative_to(repo.resolve()).as_posix()
    except ValueError:
        return str(path)


def main() -> int:
    errors, warnings = check()
    github = bool(os.environ.get("GITHUB_ACTIONS"))  # annotations on the run's summary page
    for warning in warnings:
        print(f"::warning::{warning}" if github else f"warning: {warning}")
    for error in errors:
        print(f"::error::{error}" if github else f"error: {error}")
    stale_pages = [w for w in warnings if not w.startswith("translation freshness not checked")]
    print(
        f"translations: {len(SITE.pages(SOURCE))} page pair(s), {len(errors)} structure problem(s), "
        f"{len(stale_pages)} English page(s) older than their Chinese source"
    )
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
