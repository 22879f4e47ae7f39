"""The site as one model: what every tool, hook and test asks instead of knowing it itself.

- its languages (the default first) and their URL prefixes, read once from mkdocs.yml (the i18n plugin's
  `languages:`); the nav; where pages, snippets, figures, generated notebooks and the built site live;
- the pages of each language and the snippet includes of each page (parsed once per version of the page);
- the one way snippet code runs (``run``): a fresh process in its own working directory, as a reader runs
  ``python snippets/<chapter>/<file>.py``; regen, the tests and the checks all run code through it.

``Site.load(root)`` reads any project laid out like the repository: the tests build a small fixture project
(tests/fixtures/project/, with its own mkdocs.yml) to break one rule at a time. ``SITE`` is the repository.
"""

from __future__ import annotations

import functools
import multiprocessing
import os
import sys
import tempfile
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from .snippets import OUTPUT_DIR, ROOT, Section, SnippetError, snippet_files

NOTEBOOKS = "notebooks"  # docs/<lang>/notebooks/<chapter>.md: generated (python -m tools.generate), git-ignored


class SiteError(Exception):
    """mkdocs.yml does not describe the site the tools expect; the message names the file."""


@dataclass(frozen=True)
class Language:
    code: str  # "zh": the folder docs/zh/ and the i18n locale
    name: str  # "中文": what the language switcher shows
    default: bool  # served at the site root

    @property
    def prefix(self) -> str:
        """The URL prefix of the language's pages below site_url: "" for the default, "en/" for English."""
        return "" if self.default else f"{self.code}/"


def read_config(path: Path) -> dict:
    """mkdocs.yml as data, read with MkDocs' own YAML loader (it resolves `!ENV` tags); where MkDocs is not installed
    (the workflow job that publishes the notebooks), with PyYAML alone, `!ENV [NAME, default]` read as its default
    and `!!python/name:` as the name."""
    try:
        from mkdocs.utils.yaml import yaml_load
    except ImportError:
        import yaml

        class Loader(yaml.SafeLoader):
            pass

        Loader.add_constructor("!ENV", lambda loader, node: os.environ.get(node.value[0].value, node.value[-1].value))
        # `!!python/name:module.attr` (a Pygments filter for pymdownx.highlight): its name, nothing imported
        Loader.add_multi_constructor("tag:yaml.org,2002:python/name:", lambda loader, suffix, node: suffix)
        yaml_load = functools.partial(yaml.load, Loader=Loader)  # noqa: S506 (a SafeLoader)
    try:
        with open(path, "rb") as f:
            return yaml_load(f) or {}
    except OSError as exc:
        raise SiteError(f"{path}: cannot read the site's configuration ({exc})") from exc


def _languages(config: dict, where: str) -> tuple[Language, ...]:
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and "i18n" in plugin:
            entries = (plugin["i18n"] or {}).get("languages") or []
            break
    else:
        raise SiteError(f"{where}: no i18n plugin with a `languages:` list")
    langs = [Language(e["locale"], e.get("name", e["locale"]), bool(e.get("default"))) for e in entries]
    defaults = [lang for lang in langs if lang.default]
    if len(defaults) != 1:
        raise SiteError(
            f"{where}: the i18n plugin's languages need exactly one `default: true` (found {len(defaults)})"
        )
    return (defaults[0], *(lang for lang in langs if not lang.default))


@dataclass(frozen=True)
class Site:
    root: Path
    languages: tuple[Language, ...]  # the default first
    nav: tuple = field(default=(), compare=False)
    site_url: str = "/"

    @classmethod
    def load(cls, root: Path) -> Site:
        root = Path(root).resolve()
        config_file = root / "mkdocs.yml"
        config = read_config(config_file)
        return cls(
            root, _languages(config, str(config_file)), tuple(config.get("nav") or ()), config.get("site_url") or "/"
        )

    # --- Languages and URLs ------------------------------------------------------------------------------------

    @property
    def langs(self) -> tuple[str, ...]:
        """Language codes, the default first."""
        return tuple(lang.code for lang in self.languages)

    @property
    def default(self) -> str:
        return self.languages[0].code

    def language(self, code: str) -> Language:
        for lang in self.languages:
            if lang.code == code:
                return lang
        raise SiteError(f"mkdocs.yml: no language {code!r} (the site has {', '.join(self.langs)})")

    def prefix(self, lang: str) -> str:
        return self.language(lang).prefix

    def lang_of_url(self, path: str) -> str:
        """The language of a URL path below the site root ("en/data-ops/" -> "en", "data-ops/" -> the default)."""
        for lang in self.languages[1:]:
            if path == lang.prefix.rstrip("/") or path.startswith(lang.prefix):
                return lang.code
        return self.default

    def lang_of(self, path: Path | str) -> str:
        """The language of a source file: the folder below docs/ it is in (docs/<lang>/...)."""
        path = Path(path)
        if not path.is_absolute():  # a MkDocs src_uri: "zh/data-ops.md"
            path = self.docs / path
        try:
            code = path.resolve().relative_to(self.docs.resolve()).parts[0]
        except (ValueError, IndexError):
            raise SiteError(f"{path}: not a page of one language (docs/<lang>/...)") from None
        self.language(code)
        return code

    # --- Where things are --------------------------------------------------------------------------------------

    @property
    def docs(self) -> Path:
        return self.root / "docs"

    @property
    def snippets(self) -> Path:
        return self.root / "snippets"

    @property
    def figures(self) -> Path:
        return self.docs / "assets" / "figures"

    @property
    def cache(self) -> Path:
        """What the tools keep between builds (KaTeX's rendered math, executed notebooks, the print edition).
        Not .cache/: Zensical's i18n builder moves the project's .cache/ aside while it builds, even with a build of
        ours running beside it (make zensical beside make build in CI)."""
        return self.root / ".build-cache"

    def page(self, lang: str, name: Path | str) -> Path:
        return self.docs / lang / name

    def pages(self, lang: str) -> list[Path]:
        """The written Markdown pages of one language, relative to docs/<lang>/ (not the generated notebook pages)."""
        base = self.docs / lang
        return sorted(p.relative_to(base) for p in base.rglob("*.md") if p.relative_to(base).parts[0] != NOTEBOOKS)

    def all_pages(self) -> list[Path]:
        """Every page name found in any language."""
        return sorted({page for lang in self.langs for page in self.pages(lang)})

    def notebook(self, lang: str, chapter: str) -> Path:
        """Where the generated notebook page of a chapter is written (docs/<lang>/notebooks/<chapter>.md); the
        .ipynb readers download is docs/<lang>/notebooks/<chapter>/<chapter>.ipynb."""
        return self.docs / lang / NOTEBOOKS / f"{chapter}.md"

    def is_notebook_page(self, path: Path | str) -> bool:
        path = Path(path)
        return path.suffix == ".md" and path.parent.name == NOTEBOOKS

    def chapters(self, lang: str) -> list[Path]:
        """The pages of a language that include code to run: each gets a notebook."""
        return [
            self.page(lang, p)
            for p in self.pages(lang)
            if p.parent == Path(".") and any(inc.section and not inc.shell for inc in self.includes(self.page(lang, p)))
        ]

    def snippet_files(self) -> list[Path]:
        return snippet_files(self.snippets)

    def outputs_files(self) -> list[Path]:
        return sorted(self.snippets.glob(f"*/{OUTPUT_DIR}/*.txt"))

    def show(self, path: Path | str) -> str:
        """A path as messages name it: relative to the project root."""
        return Path(path).resolve().relative_to(self.root.resolve()).as_posix()

    # --- Pages' includes, parsed once --------------------------------------------------------------------------

    def includes(self, path: Path) -> list:
        """The snippet includes of a page (tools.pages.Include), in order; parsed once per version of the page."""
        path = Path(path)
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise SiteError(f"{path}: cannot read the page ({exc})") from exc
        return list(_includes(self, self.show(path), text))


@functools.lru_cache(maxsize=256)
def _includes(site: Site, where: str, text: str) -> tuple:
    from .pages import scan_fences

    return tuple(fence.include for fence in scan_fences(text, where, site))


SITE = Site.load(ROOT)


# --- Running snippet code: one runner ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Run:
    """What a run printed and wrote: one output per block (up to the failing one), the files it left in its
    working directory (relative path -> text for .svg figures, None for other files) and the error, if any."""

    outputs: tuple[str, ...]
    files: dict[str, str | None]
    error: str | None = None

    def check(self) -> Run:
        if self.error:
            raise SnippetError(self.error)
        return self


Block = tuple[Section, str, tuple[str, ...]]  # a section, where messages say it runs, its sys.argv


def block(section: Section, where: str, argv) -> Block:
    return (section, where, tuple(map(str, argv)))


def _child(blocks: tuple[Block, ...], seed: int | None, workdir: str) -> Run:
    """In the fresh process: run the blocks in order in one namespace, in workdir, each with its sys.argv."""
    from .snippets import Runner, reset_state

    os.chdir(workdir)
    reset_state(seed)
    runner = Runner(blocks[0][2][0] if blocks else "<page>")
    outputs: list[str] = []
    error = None
    for section, where, argv in blocks:
        sys.argv = list(argv)
        try:
            outputs.append(runner.run(section.code, where, section.first_line))
        except SnippetError as exc:
            error = str(exc)
            break
    files = {
        p.relative_to(workdir).as_posix(): p.read_text(encoding="utf-8") if p.suffix == ".svg" else None
        for p in sorted(Path(workdir).rglob("*"))
        if p.is_file()
    }
    return Run(tuple(outputs), files, error)


@functools.cache
def _pool() -> ProcessPoolExecutor:
    """Worker processes forked from a server that has imported torch and pyplot once (a run does not pay their
    seconds of imports), one process per run (max_tasks_per_child=1): nothing a run changes outlives it."""
    os.environ.setdefault("MPLBACKEND", "Agg")  # no display; what reset_state() selects anyway
    context = multiprocessing.get_context("forkserver")
    # torch._dynamo: an optimizer's first step imports it (seconds), in every run of the chapters that train
    context.set_forkserver_preload(["tools.site", "torch", "torch._dynamo", "matplotlib.pyplot"])
    return ProcessPoolExecutor(max_workers=os.cpu_count() or 2, mp_context=context, max_tasks_per_child=1)


def submit(blocks, *, seed: int | None = None, workdir: Path | None = None):
    """Start a run (see ``run``); returns a future of its Run."""
    blocks = tuple(blocks)
    if workdir is None:
        tmp = tempfile.TemporaryDirectory(prefix="snippet-")
        future = _pool().submit(_child, blocks, seed, tmp.name)
        future.add_done_callback(lambda _f: tmp.cleanup())
        return future
    return _pool().submit(_child, blocks, seed, str(workdir))


def run(blocks, *, seed: int | None = None, workdir: Path | None = None) -> Run:
    """Run code blocks (``block(section, where, argv)``) in order in one namespace, like a reader following along in
    one session, in a fresh process whose working directory is workdir (a new empty folder if None), with the
    random generators reset to a fresh interpreter's state (or, with a seed, deliberately elsewhere)."""
    return submit(blocks, seed=seed, workdir=workdir).result()


def run_file(
    path: Path, args=(), *, seed: int | None = None, workdir: Path | None = None
) -> tuple[dict[str, str], Run]:
    """Run a snippet file section by section (as `python file.py args`): {section: output} and the Run.
    Raises SnippetError (naming the file and line) if it fails."""
    from .snippets import parse_sections, rel

    path = Path(path).resolve()
    sections = parse_sections(path)
    argv = [path, *args]
    result = run([block(s, f"snippets/{rel(path)}:{s.name}", argv) for s in sections], seed=seed, workdir=workdir)
    result.check()
    return dict(zip((s.name for s in sections), result.outputs, strict=True)), result
