"""Where a project keeps its pages, snippets and figures: the repository itself, or a small fixture project that
the tests build to break one rule at a time (tests/test_rules.py)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .snippets import OUTPUT_DIR, ROOT, snippet_files

LANGS = ("zh", "en")  # the first is the default language, served at /


@dataclass(frozen=True)
class Project:
    root: Path
    langs: tuple[str, ...] = LANGS

    @property
    def docs(self) -> Path:
        return self.root / "docs"

    @property
    def snippets(self) -> Path:
        return self.root / "snippets"

    @property
    def figures(self) -> Path:
        return self.docs / "assets" / "figures"

    def pages(self, lang: str) -> list[Path]:
        """Markdown pages of one language, relative to docs/<lang>/."""
        base = self.docs / lang
        return sorted(p.relative_to(base) for p in base.rglob("*.md"))

    def all_pages(self) -> list[Path]:
        """Every page name found in any language."""
        return sorted({page for lang in self.langs for page in self.pages(lang)})

    def snippet_files(self) -> list[Path]:
        return snippet_files(self.snippets)

    def outputs_files(self) -> list[Path]:
        return sorted(self.snippets.glob(f"*/{OUTPUT_DIR}/*.txt"))

    def show(self, path: Path) -> str:
        """A path as messages name it: relative to the project root."""
        return Path(path).resolve().relative_to(self.root.resolve()).as_posix()


PROJECT = Project(ROOT)
