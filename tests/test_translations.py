"""tools/translations.py: structure drift between a Chinese page and its English translation fails, an English page
older than its Chinese source (git history) only warns, and missing history is a warning, never a crash."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from tools import translations
from tools.site import SITE
from tools.translations import check, drift, structure

# Two real includes (the include reader checks that the snippet file and section exist).
FIRST, SECOND = structure((SITE.page(SITE.default, "data-ops.md")).read_text(encoding="utf-8"), "data-ops.md").includes[
    :2
]

ZH = f"""---
description: 一页示例。
---

# 示例 {{ #example }}

[下一节](other.md#part)，参见 [d2l](https://zh.d2l.ai/)。

## 第一部分 {{ #part }}

第 $i$ 行第 $j$ 列，且 $y = Xw + b$：

$$\\hat{{y}} = w x + b$$

```python
--8<-- "{FIRST}"
```

```python
--8<-- "{SECOND}"
```

![图](../assets/figures/example.svg)

## 勘误 {{ #errata }}

| # | 笔记原文 | 实际情况 | 验证 |
| --- | --- | --- | --- |
| 1 | 甲 | 乙 | [第一部分](#part) |
| 2 | 丙 | 丁 | [第一部分](#part) |
"""

EN = f"""---
description: An example page.
---

# Example {{ #example }}

[Next section](other.md#part); see [d2l](https://d2l.ai/).

## Part one {{ #part }}

Entry $(i, j)$, and $y = X w + b$:

$$
\\hat{{y}} = w x + b
$$

```python
--8<-- "{FIRST}"
```

```python
--8<-- "{SECOND}"
```

![Figure](../assets/figures/example.svg)

## Errata {{ #errata }}

| # | The notes | In fact | Checked in |
| --- | --- | --- | --- |
| 1 | a | b | [Part one](#part) |
| 2 | c | d | [Part one](#part) |
"""


def problems(en: str, zh: str = ZH) -> list[str]:
    return drift(structure(zh, "zh/page.md"), structure(en, "en/page.md"))


def test_a_faithful_translation_has_no_drift():
    """Whitespace inside formulas, other words around a symbol ($i$, $j$ / $(i, j)$) and another external site
    (zh.d2l.ai / d2l.ai) are translation, not structure."""
    assert problems(EN) == []
    found = structure(EN, "en/page.md")
    assert found.headings == ["# #example", "## #part", "## #errata"]
    assert found.includes == [FIRST, SECOND]
    assert found.links == ["other.md#part", "../assets/figures/example.svg", "#part", "#part"]
    assert found.formulas == ["$$\\hat{y}=wx+b$$", "$y=Xw+b$"]
    assert (found.external_links, found.errata_rows) == (1, 2)


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (("{ #part }", "{ #part-one }"), "headings (3 in zh, 3 in en): #2 is '## #part' in zh, '## #part-one' in en"),
        (("## Errata", "### Errata"), "headings (3 in zh, 3 in en): #3 is '## #errata' in zh, '### #errata' in en"),
        (("## Part one { #part }\n", ""), "headings (3 in zh, 2 in en)"),
        ((f'--8<-- "{SECOND}"', f'--8<-- "{FIRST}"'), f"includes (2 in zh, 2 in en): #2 is '{SECOND}' in zh"),
        (("(other.md#part)", "(other.md)"), "links: only in zh ['other.md#part'], only in en ['other.md']"),
        (("; see [d2l](https://d2l.ai/)", ""), "external links: 1 in zh, 0 in en"),
        (("w x + b", "w x - b"), "formulas (2 in zh, 2 in en): #1 is '$$\\\\hat{y}=wx+b$$' in zh"),
        (("and $y = X w + b$", "and y = Xw + b"), "formulas (2 in zh, 1 in en)"),
        (("| 2 | c | d | [Part one](#part) |\n", ""), "errata rows: 2 in zh, 1 in en"),
    ],
    ids=["heading-id", "heading-level", "heading-gone", "include", "link", "external", "formula", "equation", "errata"],
)
def test_structure_drift_is_found(change, expected):
    old, new = change
    assert old in EN
    found = problems(EN.replace(old, new))
    assert any(p.startswith(expected) for p in found), found


def test_a_heading_without_an_explicit_id_is_found():
    """A generated id (`_1` for a Chinese heading) changes when a heading is added: links lose their place."""
    zh = ZH.replace("## 第一部分 { #part }", "## 第一部分")
    found = problems(EN.replace("## Part one { #part }", "## Part one"), zh)
    assert any(p.startswith("2 heading(s) without an explicit { #id }") for p in found), found


def write_pair(docs: Path, name: str, zh: str, en: str) -> None:
    for lang, text in (("zh", zh), ("en", en)):
        (docs / lang).mkdir(parents=True, exist_ok=True)
        (docs / lang / name).write_text(text, encoding="utf-8")


def test_drift_fails_naming_the_file_and_a_missing_translation(tmp_path, monkeypatch, capsys):
    docs = tmp_path / "docs"
    write_pair(docs, "good.md", ZH, EN)
    write_pair(docs, "bad.md", ZH, EN.replace("{ #errata }", "{ #errors }"))
    (docs / "zh" / "only.md").write_text(ZH, encoding="utf-8")
    errors, warnings = check(docs, tmp_path)
    assert errors == [
        "docs/zh/only.md has no translation: create docs/en/only.md",
        "docs/en/bad.md differs from docs/zh/bad.md in headings (3 in zh, 3 in en): "
        "#3 is '## #errata' in zh, '## #errors' in en",
        "docs/en/bad.md differs from docs/zh/bad.md in errata rows: 2 in zh, 0 in en",
    ]
    assert warnings == [f"translation freshness not checked: {tmp_path} is not a git work tree"]

    monkeypatch.setattr(translations, "check", lambda: (errors, warnings))
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    assert translations.main() == 1
    out = capsys.readouterr().out
    assert "error: docs/en/bad.md differs from docs/zh/bad.md in headings" in out
    assert "warning: translation freshness not checked" in out


def git(repo: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org"}
    env |= {"GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    run = subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, text=True, check=True)
    return run.stdout.strip()


def test_freshness_warns_when_the_chinese_page_changed_after_the_english_one(tmp_path):
    repo = tmp_path / "repo"
    docs = repo / "docs"
    write_pair(docs, "page.md", ZH, EN)
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "both languages")
    assert check(docs, repo) == ([], [])

    (docs / "zh" / "page.md").write_text(ZH.replace("甲", "甲乙"), encoding="utf-8")
    git(repo, "commit", "-qam", "zh: reword an erratum")
    errors, warnings = check(docs, repo)
    assert errors == []  # freshness never fails
    assert len(warnings) == 1 and warnings[0].startswith(
        "docs/en/page.md: docs/zh/page.md changed in 1 commit(s) after the English page last did"
    )
    assert warnings[0].endswith("zh: reword an erratum")

    (docs / "en" / "page.md").write_text(EN.replace("| a |", "| a, b |"), encoding="utf-8")
    git(repo, "commit", "-qam", "en: follow")
    assert check(docs, repo) == ([], [])

    shallow = tmp_path / "shallow"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{repo}", str(shallow))
    errors, warnings = check(shallow / "docs", shallow)
    assert errors == [] and len(warnings) == 1 and "shallow clone" in warnings[0]


def test_no_git_is_a_warning_not_a_crash(tmp_path, monkeypatch):
    write_pair(tmp_path / "docs", "page.md", ZH, EN)
    monkeypatch.setattr(translations.shutil, "which", lambda name: None)
    assert check(tmp_path / "docs", tmp_path) == ([], ["translation freshness not checked: git is not installed"])


def test_raw_html_links_are_compared_by_the_site_path_they_reach():
    """The browser resolves an HTML href from the page's URL: `pdf/x.pdf` on / and `../pdf/x.pdf` on /en/ agree."""
    zh = structure('<a href="pdf/x.pdf">PDF</a>\n', "docs/zh/index.md")
    en = structure('<a href="../pdf/x.pdf">PDF</a>\n', "docs/en/index.md")
    assert zh.links == en.links == ["/pdf/x.pdf"]
    wrong = structure('<a href="pdf/x.pdf">PDF</a>\n', "docs/en/index.md")  # /en/pdf/x.pdf: not the same file
    assert drift(zh, wrong)
