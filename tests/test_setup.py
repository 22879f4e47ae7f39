"""The home pages' set-up block: shell commands from snippets/setup/setup.sh (every code block on the site comes
from snippets/), shown in a ```sh fence by both home pages; the commands are valid shell, clone this repository,
install exactly the line tools/install.py makes from pyproject.toml (plus Jupyter) and run the two make targets."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from tools import colab
from tools.install import NOTEBOOK_LINE, install_line, install_problems
from tools.pages import PageError, expand_fences, resolve
from tools.site import SITE
from tools.snippets import ROOT, parse_sections

SETUP = ROOT / "snippets" / "setup" / "setup.sh"


def commands() -> list[str]:
    (section,) = parse_sections(SETUP)
    return [line for line in section.code.splitlines() if line.strip()]


def test_setup_block_commands(monkeypatch):
    monkeypatch.delenv("REPO_URL", raising=False)
    monkeypatch.delenv("GITHUB_REPOSITORY", raising=False)
    lines = commands()
    assert lines[0] == f"git clone https://github.com/{colab.repository()}.git"
    assert install_line() in lines and NOTEBOOK_LINE in lines
    assert lines.index(install_line()) < lines.index(NOTEBOOK_LINE) < lines.index("make test")
    assert lines[-2:] == ["make test", "make serve"]
    assert install_problems(SETUP.read_text(encoding="utf-8")) == []


def test_setup_block_is_valid_shell():
    subprocess.run(["sh", "-n", str(SETUP)], check=True)
    if shutil.which("shellcheck"):  # CI installs it; .ci/run too
        # SC2164 (`cd ... || exit`) and SC1091 (the activate script does not exist yet): this is pasted into an
        # interactive terminal, where `|| exit` would close it.
        subprocess.run(["shellcheck", "--shell=sh", "--exclude=SC2164,SC1091", str(SETUP)], check=True)


@pytest.mark.parametrize("lang", SITE.langs)
def test_home_pages_show_the_setup_block(lang):
    page = SITE.page(lang, "index.md")
    shown = [inc for inc in SITE.includes(page) if inc.shell]
    assert [inc.target for inc in shown] == ["setup/setup.sh:setup"]
    expanded = expand_fences(page.read_text(encoding="utf-8"), lang, f"docs/{lang}/index.md")
    assert '```sh title="snippets/setup/setup.sh"' in expanded
    assert ".no-copy" not in expanded.split("setup/setup.sh")[1][:200], "shell commands have no output block"


def test_shell_commands_need_an_sh_fence_and_a_wrong_install_line_fails():
    text = '```python\n--8<-- "setup/setup.sh:setup"\n```\n'
    with pytest.raises(PageError, match="```sh fence"):
        expand_fences(text, "zh", "docs/zh/index.md")
    with pytest.raises(PageError, match="only .py files"):
        resolve("data_ops/outputs/create.txt", "docs/zh/index.md")
    wrong = SETUP.read_text(encoding="utf-8").replace("torch==2.13.0", "torch==2.12.0")
    assert install_problems(wrong), "a stale install line must fail the build"
