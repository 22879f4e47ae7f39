"""The site's rules, as functions over a project that return the problems they find, each naming its file.

The tests run them on the repository (tests/test_pages.py, test_snippets.py, test_structure.py) and on small
fixture projects that break one rule each (tests/test_rules.py), so that removing a rule fails a test.
"""

from __future__ import annotations

import difflib
import io
import sys
import zlib
from collections import Counter
from pathlib import Path

from .compare import figure_matches, text_matches, timings_match, tokens
from .pages import Include, PageError, includes, scan_fences
from .project import PROJECT, Project
from .snippets import (
    Runner,
    SnippetError,
    is_volatile,
    output_file,
    parse_sections,
    read_outputs,
    rel,
    reset_state,
    run_file,
)

# Filled as the checks run; the test suite prints it at the end so that nobody has to guess what ran.
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


# --- Structure -------------------------------------------------------------------------------------------------


def missing_translations(project: Project = PROJECT) -> list[str]:
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


def page_includes(project: Project, lang: str, page: Path) -> tuple[list[Include], list[str]]:
    """The includes of one page, or the rule it breaks (hand-written code, missing file or section, ...)."""
    path = project.docs / lang / page
    try:
        return includes(path, lang, project), []
    except PageError as exc:
        return [], [str(exc)]


def different_snippets(project: Project, page: Path) -> list[str]:
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


def malformed_snippets(project: Project = PROJECT) -> list[str]:
    """Code outside a section, a nested, unclosed or duplicate section."""
    problems = []
    for path in project.snippet_files():
        try:
            parse_sections(path)
        except SnippetError as exc:
            problems.append(str(exc))
    return problems


def sections_not_shown_in_order(project: Project, lang: str) -> list[str]:
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


def orphans(project: Project = PROJECT) -> list[str]:
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
    import os

    before = os.getcwd()
    os.chdir(workdir)
    argv = sys.argv
    sys.argv = [str(path), *(QUICK_ARGS if is_volatile(path) else [])]
    try:
        reset_state(seed)
        outputs = run_file(path)
        figures = {f.name: f.read_text(encoding="utf-8") for f in sorted(workdir.glob("*.svg"))}
    finally:
        sys.argv = argv
        os.chdir(before)
    return outputs, figures


def stale_outputs(project: Project, path: Path, workdir: Path) -> list[str]:
    """The file, run alone with its random generators disturbed, prints its recorded outputs and draws its figures.

    A mismatch is explained: a stale output (the code changed), or randomness that the file does not seed (the
    file prints the recorded output only from a fresh interpreter's random state)."""
    seed = zlib.crc32(rel(path).encode())  # anything but the start-up state
    try:
        outputs, figures = _run_alone(path, seed, workdir)
    except SnippetError as exc:
        return [str(exc)]
    EXECUTED["snippet files run alone"] += 1
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
            EXECUTED["figures compared"] += 1
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


def page_output_mismatches(project: Project, lang: str, page: Path, workdir: Path) -> list[str]:
    """Run a page like a reader following along (its blocks in order, one namespace) and compare every shown
    output with what the code prints. Reports every mismatch of the page, not just the first."""
    from pytest_codeblocks import extract_from_buffer

    path = project.docs / lang / page
    where = project.show(path)
    text = path.read_text(encoding="utf-8")
    try:
        fences = list(scan_fences(text, where, project))
    except PageError as exc:
        return [str(exc)]
    blocks = extract_from_buffer(io.StringIO(text))  # pytest-codeblocks finds the page's code blocks and lines
    if len(blocks) != len(fences):
        return [f"{where}: pytest-codeblocks found {len(blocks)} code blocks, the site {len(fences)}"]
    import os

    before = os.getcwd()
    os.chdir(workdir)
    reset_state()
    runner = Runner(where)
    problems: list[str] = []
    try:
        for block, fence in zip(blocks, fences, strict=True):
            inc = fence.include
            if inc.shell:  # shell commands: checked by tests/test_setup.py, not run here
                continue
            if inc.section is None:  # a whole-file block: the file is run on its own by test_snippets.py
                EXECUTED["whole-file blocks (run by test_snippets)"] += 1
                continue
            section = next(s for s in parse_sections(inc.file) if s.name == inc.section)
            argv, sys.argv = sys.argv, [str(inc.file), *(QUICK_ARGS if is_volatile(inc.file) else [])]
            try:
                printed = runner.run(
                    section.code, f"{where}:{block.lineno} (snippets/{inc.target})", section.first_line
                )
            except SnippetError as exc:
                problems.append(f"{exc}\n(later blocks of the page were not run)")
                break
            finally:
                sys.argv = argv
            EXECUTED["page code blocks"] += 1
            shown = read_outputs(inc.file).get(inc.section, "")
            if not outputs_agree(inc.file, shown, printed):
                out = project.show(output_file(inc.file))
                problems.append(
                    f"{where}:{block.lineno}: the output shown for snippets/{inc.target} ({out}) is not what the "
                    f"code prints:\n{diff(shown, printed, 'shown on the page')}\n"
                    f"(the same {out} is shown by every page that includes this section and is checked for "
                    "the file itself by tests/test_snippets.py: one stale output fails each of them)"
                )
            elif shown:
                EXECUTED["page outputs compared"] += 1
    finally:
        os.chdir(before)
    return problems


def all_problems(project: Project, workdir: Path) -> list[str]:
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
