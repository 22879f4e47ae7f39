"""Every rule of the site bites: a small fixture project (tests/fixtures/project/) passes every check, and each
case below breaks it once, the way an author could, and must get a clear message naming the file.

Removing a rule from tools/checks.py (or tools/pages.py, tools/snippets.py) makes its case here fail.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tools import checks, site
from tools.site import Site
from tools.snippets import format_outputs, output_file

FIXTURE = Path(__file__).parent / "fixtures" / "project"
SNIPPET = "snippets/demo/hello.py"
OUTPUTS = "snippets/demo/outputs/hello.txt"
FIGURE = "docs/assets/figures/demo-plot.svg"
ZH, EN = "docs/zh/index.md", "docs/en/index.md"


@pytest.fixture
def project(tmp_path) -> Site:
    shutil.copytree(FIXTURE, tmp_path / "project")
    (tmp_path / "work").mkdir()
    return Site.load(tmp_path / "project")


def edit(project: Site, name: str, old: str, new: str) -> None:
    path = project.root / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture {name} has no {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def record(project: Site) -> None:
    """Record outputs and figures the way `make regen` does (fresh state, empty folder)."""
    path = project.root / SNIPPET
    outputs, _ = site.run_file(path, workdir=project.figures)
    output_file(path).write_text(format_outputs(outputs), encoding="utf-8")


def problems(project: Site) -> list[str]:
    return checks.all_problems(project, project.root.parent / "work")


def test_the_fixture_project_passes_every_check(project):
    assert problems(project) == []


# (what the author did, the edits, recorded again like `make regen`?, a part of the message, the file it names)
CASES = {
    "hand-written code block": (
        [(ZH, "# 示例\n", "# 示例\n\n```python\nprint(1)\n```\n")],
        False,
        "hand-written code block",
        "docs/zh/index.md:3",
    ),
    "code outside a section": (
        [(SNIPPET, "# --8<-- [start:constant]", "import os\n\n# --8<-- [start:constant]")],
        False,
        "code outside any '# --8<-- [start:name]' section",
        "snippets/demo/hello.py:1",
    ),
    "duplicate section": (
        [(SNIPPET, "[start:float]", "[start:seeded]"), (SNIPPET, "[end:float]", "[end:seeded]")],
        False,
        "section 'seeded' defined twice",
        "snippets/demo/hello.py:13",
    ),
    "nested section": (
        [(SNIPPET, "# --8<-- [end:constant]\n", "")],
        False,
        "section 'seeded' starts inside section 'constant'",
        "snippets/demo/hello.py",
    ),
    "missing snippet file": (
        [(EN, "demo/hello.py:float", "demo/helo.py:float")],
        False,
        "snippet file 'snippets/demo/helo.py' does not exist",
        "docs/en/index.md:12",
    ),
    "missing section": (
        [(ZH, "demo/hello.py:float", "demo/hello.py:floats")],
        False,
        "has no section 'floats'",
        "docs/zh/index.md:12",
    ),
    "stale output (a changed constant)": (
        [(SNIPPET, "torch.arange(4) * 2", "torch.arange(4) * 3")],
        False,
        "is stale for section(s) ['constant']",
        "snippets/demo/outputs/hello.txt",
    ),
    "stale output (a changed random seed)": (
        [(SNIPPET, "torch.manual_seed(0)", "torch.manual_seed(1)")],
        False,
        "is stale for section(s) ['seeded']",
        "snippets/demo/outputs/hello.txt",
    ),
    "stale output (a deleted output line)": (
        [(OUTPUTS, "1.4142\n", "")],
        False,
        "is stale for section(s) ['float']",
        "snippets/demo/outputs/hello.txt",
    ),
    "stale output (two digits off)": (
        [(OUTPUTS, "1.4142", "1.4144")],
        False,
        "the output shown for snippets/demo/hello.py:float",
        "docs/zh/index.md:11",
    ),
    "stale figure (a changed colour)": (
        [(SNIPPET, 'color="C0"', 'color="C1"')],
        False,
        "is stale: snippets/demo/hello.py now draws it differently",
        "docs/assets/figures/demo-plot.svg",
    ),
    "stale figure (a changed label)": (
        [(SNIPPET, 'label="y = x^2"', 'label="y = x^3"')],
        False,
        "is stale: snippets/demo/hello.py now draws it differently",
        "docs/assets/figures/demo-plot.svg",
    ),
    "page in one language only": (
        [(ZH, "", "")],  # plus a new page, below
        False,
        "docs/zh/extra.md has no translation: create docs/en/extra.md",
        "docs/zh/extra.md",
    ),
    "languages include different snippets": (
        [
            (EN, '"demo/hello.py:float"', '"demo/hello.py:seeded"'),
            (EN, '"demo/hello.py:seeded"', '"demo/hello.py:float"'),
        ],
        False,
        "the languages include different snippets",
        "docs/en/index.md",
    ),
    "unseeded randomness": (
        [(SNIPPET, "torch.manual_seed(0)\n", "")],
        True,
        "uses randomness it does not seed",
        "snippets/demo/hello.py",
    ),
    "a section shown out of order": (
        [(lang, '"demo/hello.py:float"', '"demo/hello.py:seeded"') for lang in (ZH, EN)]
        + [(lang, '"demo/hello.py:seeded"', '"demo/hello.py:float"') for lang in (ZH, EN)],
        False,
        "shows its sections out of order",
        "snippets/demo/hello.py",
    ),
    "a section shown twice": (
        [(lang, '"demo/hello.py:float"', '"demo/hello.py:constant"') for lang in (ZH, EN)],
        False,
        "shows section(s) ['constant'] more than once",
        "snippets/demo/hello.py",
    ),
    "a snippet that raises": (
        [(SNIPPET, 'print(f"{torch.tensor(2.0).sqrt():.4f}")', "print(1 / 0)")],
        False,
        "raised ZeroDivisionError: division by zero",
        "snippets/demo/hello.py",
    ),
}


@pytest.mark.parametrize("case", CASES)
def test_a_broken_rule_is_reported_naming_the_file(project, case):
    edits, regen, message, names = CASES[case]
    for name, old, new in edits:
        edit(project, name, old, new)
    if case == "page in one language only":
        (project.docs / "zh" / "extra.md").write_text("# 另一页\n", encoding="utf-8")
    if regen:
        record(project)
    found = problems(project)
    hits = [p for p in found if message in p]
    assert hits, f"{case}: no problem says {message!r}; found:\n" + "\n".join(found)
    assert any(names in p for p in hits), f"{case}: the message does not name {names}:\n" + "\n".join(hits)


def test_every_mismatch_of_a_page_is_reported_at_once(project):
    edit(project, OUTPUTS, "tensor([0, 2, 4, 6])", "tensor([0, 2, 4, 7])")
    edit(project, OUTPUTS, "1.4142", "1.4152")
    found = checks.page_output_mismatches(project, "zh", Path("index.md"), project.root.parent / "work")
    assert len(found) == 2, found
    assert "tests/test_snippets.py" in found[0]  # says that the same fault fails the file's own test too


def test_machine_noise_in_the_last_digit_is_not_a_fault(project):
    edit(project, OUTPUTS, "1.4142", "1.4143")
    edit(project, OUTPUTS, "0.4963", "0.4962")
    assert problems(project) == []
