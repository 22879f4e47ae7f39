"""Open in Colab: Colab opens a notebook from a GitHub repository, so the deployed site's executed .ipynb files are
also committed to a branch of the repository the site is built from, and every "Open in Colab" link points there.

One function makes the URL (`colab_url`), from the repository the workflow runs in: the build (notebook headers
and the chapters' Colab buttons), the workflow step that publishes the branch (`python -m tools.colab publish`) and
the tests all call it, so a link and the file it opens cannot drift apart.

Standard library only: the workflow step runs it with the runner's python3, without the site's virtualenv.

    python -m tools.colab url zh data-ops          the Colab URL of a chapter's notebook
    python -m tools.colab paths                    the files the branch holds
    python -m tools.colab publish PAGE_URL         (CI) fetch them from the deployed site, force-push the branch
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import urllib.request
from pathlib import Path

from .site import SITE

ROOT = SITE.root
COLAB = "https://colab.research.google.com/github"
BRANCH = "notebooks"  # the branch Colab opens the notebooks from
REPO_ENV = re.compile(r'link:\s*!ENV\s*\[\s*REPO_URL\s*,\s*"(?P<url>[^"]+)"\s*\]')
NOTEBOOK_LINK = re.compile(r"\]\(notebooks/(?P<slug>[-\w]+)\.md\)")


def repository(repo_url: str | None = None) -> str:
    """`owner/name` of the repository: REPO_URL (the workflow sets it to the repository it runs in), else
    GITHUB_REPOSITORY, else the default of mkdocs.yml's GitHub link."""
    url = repo_url or os.environ.get("REPO_URL")
    if not url and os.environ.get("GITHUB_REPOSITORY"):
        return os.environ["GITHUB_REPOSITORY"]
    if not url:
        url = REPO_ENV.search((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["url"]
    m = re.match(r"https://github\.com/(?P<repo>[\w.-]+/[\w.-]+?)(?:\.git)?/?$", url)
    if not m:
        raise ValueError(f"not a GitHub repository URL: {url!r} (Colab opens notebooks from GitHub)")
    return m["repo"]


def published_path(lang: str, slug: str) -> str:
    """Where a chapter's notebook is on the branch."""
    return f"{lang}/{slug}.ipynb"


def colab_url(lang: str, slug: str, repo_url: str | None = None) -> str:
    """The "Open in Colab" URL of a chapter's notebook, in the page's language."""
    return f"{COLAB}/{repository(repo_url)}/blob/{BRANCH}/{published_path(lang, slug)}"


def site_path(lang: str, slug: str) -> str:
    """Where the site serves the same .ipynb (relative to site_url)."""
    return f"{SITE.prefix(lang)}notebooks/{slug}/{slug}.ipynb"


def chapters() -> list[str]:
    """The chapters that have a notebook: those whose page links to it (docs/<first language>/*.md)."""
    found = []
    for page in sorted((SITE.docs / SITE.default).glob("*.md")):
        if NOTEBOOK_LINK.search(page.read_text(encoding="utf-8")):
            found.append(page.stem)
    return found


def paths() -> list[tuple[str, str]]:
    """(path on the branch, path on the site) of every published notebook."""
    return [(published_path(lang, slug), site_path(lang, slug)) for lang in SITE.langs for slug in chapters()]


README = """# Executed notebooks of the study site

This branch is written by the Pages workflow on every deploy (`tools/colab.py`): the chapters' Jupyter notebooks,
executed, as the site serves them, so that "Open in Colab" can open them. Do not edit it; edit the site instead.
"""


def publish(page_url: str) -> None:
    """Fetch every notebook from the deployed site and force-push them, as one commit, to the branch."""
    token, repo = os.environ["GITHUB_TOKEN"], repository()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for branch_path, path in paths():
            with urllib.request.urlopen(page_url.rstrip("/") + "/" + path, timeout=60) as response:
                data = response.read()
            (work / branch_path).parent.mkdir(parents=True, exist_ok=True)
            (work / branch_path).write_bytes(data)
        (work / "README.md").write_text(README, encoding="utf-8")

        def git(*args: str) -> None:
            subprocess.run(["git", "-C", tmp, *args], check=True)

        git("init", "-q", "-b", BRANCH)
        git("add", ".")
        git(
            "-c",
            "user.name=github-actions[bot]",
            "-c",
            "user.email=github-actions[bot]@users.noreply.github.com",
            "commit",
            "-q",
            "-m",
            f"Executed notebooks of {page_url}",
        )
        remote = f"https://x-access-token:{token}@github.com/{repo}.git"
        git("push", "-q", "--force", remote, f"HEAD:refs/heads/{BRANCH}")
    print(f"published {len(paths())} notebooks to {repo}@{BRANCH}")


def main(argv: list[str]) -> int:
    if argv[:1] == ["url"] and len(argv) == 3:
        print(colab_url(argv[1], argv[2]))
    elif argv == ["paths"]:
        for branch_path, path in paths():
            print(branch_path, path)
    elif argv[:1] == ["publish"] and len(argv) == 2:
        publish(argv[1])
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
