"""Open in Colab: one function makes the links, the workflow publishes exactly the files they name."""

from __future__ import annotations

import re

from tools import colab
from tools.site import SITE
from tools.snippets import ROOT


def test_colab_url_shape_and_repository(monkeypatch):
    monkeypatch.delenv("REPO_URL", raising=False)
    monkeypatch.delenv("GITHUB_REPOSITORY", raising=False)
    default = colab.repository()
    assert re.fullmatch(r"[\w.-]+/[\w.-]+", default)
    assert colab.colab_url("zh", "data-ops") == (
        f"https://colab.research.google.com/github/{default}/blob/notebooks/zh/data-ops.ipynb"
    )
    monkeypatch.setenv("GITHUB_REPOSITORY", "someone/fork")
    assert colab.repository() == "someone/fork"
    monkeypatch.setenv("REPO_URL", "https://github.com/other/site.git")
    assert colab.colab_url("en", "autograd").endswith("/github/other/site/blob/notebooks/en/autograd.ipynb")


def test_every_chapter_notebook_is_published():
    """The branch holds the notebook of every chapter with code, in every language, fetched from where the site
    serves it; the workflow runs the publish step after the deploy, with this repository's URL."""
    expected = {(lang, page.stem) for lang in SITE.langs for page in SITE.chapters(lang)}
    published = {tuple(path.removesuffix(".ipynb").split("/")) for path, _ in colab.paths()}
    assert published == expected
    workflow = (ROOT / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8")
    assert 'python3 -m tools.colab publish "$PAGE_URL"' in workflow
    assert "REPO_URL: ${{ github.server_url }}/${{ github.repository }}" in workflow
