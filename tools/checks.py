"""The site's rules, as functions over a project that return the problems they find, each naming its file.

The tests run them on the repository (tests/test_pages.py, test_snippets.py, test_structure.py) and on small
fixture projects that break one rule each (tests/test_rules.py), so that removing a rule fails a test.
"""

from __future__ import annotations

import difflib
import io
import zlib
from collections import Counter
from pathlib import Path

from . import site
from .compare import figure_matches, text_matches, timings_match, tokens
from .pages import Include, PageError, scan_fences
from .site import SITE, Site
from .snippets import SnippetError, is_volatile, output_file, parse_sections, read_outputs, rel

# Filled as the checks run over the repository (not over the tests' fixture projects); the test suite prints it at
# the end so that nobody has to guess what ran.
EXECUTED: Counter = Counter()
REGEN = "Run `make regen` (it re-runs only changed files), then review the diff."
QUICK_ARGS = ["--quick"]  # what the tests pass to a benchmark snippet (bench_*.py): a short run


def diff(
    recorded: str | list[str], printed: str | list[str], a: str = "recorded", b: str = "printed by the code"
) -> str:
    def as_lines(x):
        return x.splitlines() if isinstance(x, str) else x

    lines = difflib.unified_diff(as_lines(recorded), as_lines(printed), a, b, lineterm="")
    return "\n".join(lines)


def outputs_agree(path: Path, recorded: str, printed: str) -> bool:
    """What a section printed agrees with its recorded output (timings of a quick run by their rows and columns,
    the rest up to the last digit)."""
    return timings_match(recorded, printed, ranking=False) if is_volatile(path) else text_matches(recorded, printed)


def executed(project: Site, what: str) -> None:
    """Count something that ran, if it ran for the repository."""
    if project.root == SITE.root:
        EXECUTED[what] += 1


def args(path: Path) -> list[str]:
    """The command-line arguments a snippet file gets when the tests or regen run it."""
    return QUICK_ARGS if is_volatile(path) else []


# --- Structure -------------------------------------------------------------------------------------------------


def missing_translations(project: Site = SITE) -> list[str]:
    """A page that exists in one language only (the i18n plugin would silently fall back)."""
    problems = []
    for page in project.all_pages():
        have = [lang for lang in project.langs if (project.docs / lang / page).exists()]
        problems += [
            f"docs/{have[0]}/{page.as_posix()} has no translation: create docs/{lang}/{page.as_posix()}"
            for lang in project.langs
            if lang not in have
        ]
    return problems


def page_includes(project: Site, lang: str, page: Path) -> tuple[list[Include], list[str]]:
    """The includes of one page, or the rule it breaks (hand-written code, missing file or section, ...)."""
    try:
        return project.includes(project.page(lang, page)), []
    except PageError as exc:
        return [], [str(exc)]


def different_snippets(project: Site, page: Path) -> list[str]:
    """The languages of a page include different snippets, or in another order."""
    shown, problems = {}, []
    for lang in project.langs:
        if (project.docs / lang / page).exists():
            incs, errors = page_includes(project, lang, page)
            problems += errors
            shown[lang] = [inc.target for inc in incs]
    if problems:
        return problems
    first, *others = [lang for lang in project.langs if lang in shown]
    for lang in others:
        if shown[lang] != shown[first]:
            delta = diff(shown[first], shown[lang], f"docs/{first}/{page.as_posix()}", f"docs/{lang}/{page.as_posix()}")
            problems.append(f"docs/{lang}/{page.as_posix()}: the languages include different snippets:\n{delta}")
    return problems


def malformed_snippets(project: Site = SITE) -> list[str]:
    """Code outside a section, a nested, unclosed or duplicate section."""
    problems = []
    for path in project.snippet_files():
        try:
            parse_sections(path)
        except SnippetError as exc:
            problems.append(str(exc))
    return problems


def sections_not_shown_in_order(project: Site, lang: str) -> list[str]:
    """Each section is shown exactly once, in file order, so that the page and the file are the same program."""
    used: dict[str, list[str]] = {}
    for page in project.pages(lang):
        for inc in page_includes(project, lang, page)[0]:
            if inc.section:
                used.setdefault(rel(inc.file), []).append(inc.section)
    problems = []
    for path in project.snippet_files():
        try:
            names = [s.name for s in parse_sections(path)]
        except SnippetError:
            continue  # reported by malformed_snippets
        shown = used.get(rel(path))
        if not shown:
            problems.append(f"snippets/{rel(path)} is shown by no page in docs/{lang}/")
        elif shown != names:
            twice = sorted(n for n, k in Counter(shown).items() if k > 1)
            what = f"shows section(s) {twice} more than once" if twice else "shows its sections out of order"
            problems.append(
                f"snippets/{rel(path)}: docs/{lang}/ {what}: the pages show {shown}, the file has {names} "
                "(include every section once, in file order)"
            )
    return problems


def orphans(project: Site = SITE) -> list[str]:
    """Outputs files without a snippet file, figures that no snippet draws."""
    sources = {output_file(p) for p in project.snippet_files()}
    problems = [f"{project.show(p)} belongs to no snippet file" for p in project.outputs_files() if p not in sources]
    code = "\n".join(p.read_text(encoding="utf-8") for p in project.snippet_files())
    problems += [
        f"{project.show(f)} is drawn by no snippet file"
        for f in sorted(project.figures.glob("*.svg"))
        if f'"{f.name}"' not in code
    ]
    return problems


# --- Outputs ---------------------------------------------------------------------------------------------------


def _run_alone(path: Path, seed: int | None, workdir: Path) -> tuple[dict[str, str], dict[str, str]]:
    """Run a file on its own in workdir (as `python file.py` would); return section outputs and drawn figures."""
    outputs, result = site.run_file(path, args(path), seed=seed, workdir=workdir)
    return outputs, {name: text for name, text in result.files.items() if name.endswith(".svg") and "/" not in name}


def stale_outputs(project: Site, path: Path, workdir: Path) -> list[str]:
    """The file, run alone with its random generators disturbed, prints its recorded outputs and draws its figures.

    A mismatch is explained: a stale output (the code changed), or randomness that the file does not seed (the
    file prints the recorded output only from a fresh interpreter's random state)."""
    seed = zlib.crc32(rel(path).encode())  # anything but the start-up state
    try:
        outputs, figures = _run_alone(path, seed, workdir)
    except SnippetError as exc:
        return [str(exc)]
    executed(project, "snippet files run alone")
    recorded = read_outputs(path)
    out_name = project.show(output_file(path))
    stale = [
        name
        for name in dict.fromkeys([*outputs, *recorded])
        if not outputs_agree(path, recorded.get(name, ""), outputs.get(name, ""))
    ]
    problems = []
    if stale:
        for f in workdir.glob("*.svg"):
            f.unlink()
        fresh, _ = _run_alone(path, None, workdir)
        if all(outputs_agree(path, recorded.get(n, ""), fresh.get(n, "")) for n in stale):
            problems.append(
                f"snippets/{rel(path)}: section(s) {stale} print something else from another random state: the file "
                "uses randomness it does not seed. Seed it in the file (torch.manual_seed(...), random.seed(...))."
            )
        else:
            shown = "\n".join(
                f"section '{n}':\n{diff(recorded.get(n, ''), outputs.get(n, ''), out_name)}" for n in stale
            )
            problems.append(f"snippets/{rel(path)}: {out_name} is stale for section(s) {stale}:\n{shown}\n{REGEN}")
    for name, drawn in figures.items():
        committed = project.figures / name
        if not committed.exists():
            problems.append(f"snippets/{rel(path)} draws {name}, missing from {project.show(project.figures)}. {REGEN}")
        elif not figure_matches(committed.read_text(encoding="utf-8"), drawn):
            problems.append(
                f"{project.show(committed)} is stale: snippets/{rel(path)} now draws it differently "
                f"({first_difference(committed.read_text(encoding='utf-8'), drawn)}). {REGEN}"
            )
        else:
            executed(project, "figures compared")
    return problems


def first_difference(recorded: str, drawn: str) -> str:
    """Where two figures first differ, with the SVG text around it."""
    from .compare import FIGURE_TOLERANCE, canonical_svg

    a, b = tokens(canonical_svg(recorded)), tokens(canonical_svg(drawn))
    pos = 0
    for x, y in zip(a, b, strict=False):
        if x != y and not (x.is_number and y.is_number and text_matches(x.text, y.text, FIGURE_TOLERANCE)):
            before = "".join(t.text for t in a)[max(0, pos - 40) : pos]
            return f"after {' '.join(before.split())!r}: recorded {x.text[:40]!r}, drawn {y.text[:40]!r}"
        pos += len(x.text)
    return f"recorded {len(a)} parts, drawn {len(b)}"


def page_output_mismatches(project: Site, lang: str, page: Path, workdir: Path) -> list[str]:
    """Run a page like a reader following along (its blocks in order, one namespace) and compare every shown
    output with what the code prints. Reports every mismatch of the page, not just the first."""
    from pytest_codeblocks import extract_from_buffer

    path = project.page(lang, page)
    where = project.show(path)
    text = path.read_text(encoding="utf-8")
    try:
        fences = list(scan_fences(text, where, project))
    except PageError as exc:
        return [str(exc)]
    blocks_found = extract_from_buffer(io.StringIO(text))  # pytest-codeblocks finds the page's code blocks, lines
    if len(blocks_found) != len(fences):
        return [f"{where}: pytest-codeblocks found {len(blocks_found)} code blocks, the site {len(fences)}"]
    blocks, shown = [], []  # what runs (in order, one session), and what the page shows after each block
    for block, fence in zip(blocks_found, fences, strict=True):
        inc = fence.include
        if inc.shell:  # shell commands: checked by tests/test_setup.py, not run here
            continue
        if inc.section is None:  # a whole-file block: the file is run on its own by test_snippets.py
            executed(project, "whole-file blocks (run by test_snippets)")
            continue
        section = next((s for s in parse_sections(inc.file) if s.name == inc.section), None)
        if section is None:
            return [f"{where}:{block.lineno}: snippets/{inc.target}: no such section"]
        blocks.append(
            site.block(section, f"{where}:{block.lineno} (snippets/{inc.target})", [inc.file, *args(inc.file)])
        )
        shown.append((block, inc))
    if not blocks:
        return []
    result = site.run(blocks, workdir=workdir)
    problems: list[str] = []
    for (block, inc), printed in zip(shown, result.outputs, strict=False):
        executed(project, "page code blocks")
        recorded = read_outputs(inc.file).get(inc.section, "")
        if not outputs_agree(inc.file, recorded, printed):
            out = project.show(output_file(inc.file))
            problems.append(
                f"{where}:{block.lineno}: the output shown for snippets/{inc.target} ({out}) is not what the "
                f"code prints:\n{diff(recorded, printed, 'shown on the page')}\n"
                f"(the same {out} is shown by every page that includes this section and is checked for "
                "the file itself by tests/test_snippets.py: one stale output fails each of them)"
            )
        elif recorded:
            executed(project, "page outputs compared")
    if result.error:
        problems.append(f"{result.error}\n(later blocks of the page were not run)")
    return problems


def all_problems(project: Site, workdir: Path) -> list[str]:
    """Every rule over a whole project (what the test suite checks for the repository, in one call)."""
    import tempfile

    found = missing_translations(project) + malformed_snippets(project)
    for page in project.all_pages():
        found += different_snippets(project, page)
    for lang in project.langs:
        found += sections_not_shown_in_order(project, lang)
    found += orphans(project)
    for path in project.snippet_files():
        found += stale_outputs(project, path, Path(tempfile.mkdtemp(dir=workdir)))
    for lang in project.langs:
        for page in project.pages(lang):
            found += page_output_mismatches(project, lang, page, Path(tempfile.mkdtemp(dir=workdir)))
    return found


# --- Notebooks -------------------------------------------------------------------------------------------------


def notebook_output_mismatches(project: Site, lang: str, page: Path) -> list[str]:
    """The executed notebook of a chapter (what its notebook page and its .ipynb show) prints in each code cell
    what the chapter shows as that section's recorded output: one truth for what the code prints."""
    from . import notebooks
    from .snippets import tidy

    path = project.page(lang, page)
    nb = notebooks.executed(path, lang)
    problems = []
    for number, cell in enumerate(nb.cells, 1):
        target = cell.metadata.get(notebooks.SNIPPET) if cell.cell_type == "code" else None
        if not target:
            continue
        file, _, section = target.partition(":")
        file = project.snippets / file
        printed = tidy("".join(o.text for o in cell.outputs if o.output_type == "stream" and o.name == "stdout"))
        recorded = read_outputs(file).get(section, "")
        executed(project, "notebook cells compared")
        if not outputs_agree(file, recorded, printed):
            out = project.show(output_file(file))
            problems.append(
                f"{project.show(project.notebook(lang, path.stem))} (cell {number}, snippets/{target}) prints "
                f"something else than {out} records:\n{diff(recorded, printed, out, 'printed in the notebook')}\n"
                "Run `make regen` (outputs) and `python -m tools.generate` (notebooks), then review the diff."
            )
    return problems
