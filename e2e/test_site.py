"""The built site in a real browser: every page in both languages, as readers on a desktop or a phone get it."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

from tools.browser import VIEWPORTS, copy_button, search, switch_language
from tools.serve import LANG_PREFIX, SITE, page_url, site_pages
from tools.site import SITE as MODEL
from tools.snippets import ROOT

PAGES = site_pages()
CHAPTERS = [(lang, page) for lang, page in PAGES if page]
IDS = [f"{lang}/{page}" for lang, page in PAGES]


def test_the_site_has_both_languages():
    langs = {lang for lang, _ in PAGES}
    assert langs == set(MODEL.langs) and len(PAGES) >= 8, f"unexpected pages in site/: {PAGES}"
    assert sorted(p for lang, p in PAGES if lang == "zh") == sorted(p for lang, p in PAGES if lang == "en")


SWITCHER_LINK = re.compile(r"<a\b[^>]*\bmd-select__link\b[^>]*>")


@pytest.mark.parametrize(("lang", "page"), PAGES, ids=IDS)
def test_language_switcher_links_the_same_page(lang, page):
    """On every page, the switcher's link to the other language leads to the same page in that language."""
    (other,) = (code for code in MODEL.langs if code != lang)
    base = "http://site/d2l-notes/"
    html = (SITE / LANG_PREFIX[lang] / page / "index.html").read_text(encoding="utf-8")
    links = {
        re.search(r'hreflang="(\w+)"', tag).group(1): re.search(r'href="([^"]*)"', tag).group(1)
        for tag in SWITCHER_LINK.findall(html)
    }
    assert other in links, f"{lang}/{page}: no language switcher link to {other} ({links})"
    target = urljoin(page_url(base, lang, page), links[other]).removeprefix(base)
    assert target == page_url("", other, page), f"{lang}/{page}: the switcher's {other} link leads to /{target}"


# Clicking the switcher: the same menu on every page (its links are checked above), so a reading page and a notebook
# page in each language.
SWITCH = [
    next(p for p in CHAPTERS if p[0] == lang and p[1].startswith("notebooks/") == nb)
    for lang in MODEL.langs
    for nb in (False, True)
]


@pytest.mark.parametrize(("lang", "page"), SWITCH, ids=[f"{lang}/{page}" for lang, page in SWITCH])
def test_language_switcher_keeps_the_page(desktop, base_url, lang, page):
    (other,) = (code for code in MODEL.langs if code != lang)
    tab = desktop.new_page()
    # The switcher is plain links in a CSS hover menu: the parsed document is enough, not its images and fonts.
    tab.goto(page_url(base_url, lang, page), wait_until="domcontentloaded")
    landed = switch_language(tab, other)
    assert landed == page_url(base_url, other, page), f"the switcher led to {landed}"
    assert tab.evaluate("document.documentElement.lang") == other
    tab.close()


@pytest.mark.parametrize(
    ("lang", "query", "expected"),
    [
        ("zh", "广播", "data-ops/"),
        ("zh", "梯度", "matrix-calculus/"),
        ("en", "broadcasting", "en/data-ops/"),
        ("en", "gradient", "en/matrix-calculus/"),
    ],
)
def test_search_finds_the_right_page(desktop, base_url, lang, query, expected):
    tab = desktop.new_page()
    tab.goto(page_url(base_url, lang, ""), wait_until="load")
    links = search(tab, query)
    assert any(link.split("#")[0].split("?")[0] == base_url + expected for link in links[:5]), f"{query!r}: {links[:5]}"
    tab.close()


# When the page's search index was requested, and when the page finished loading (null until both happened).
INDEX_TIMING = """() => {
  const index = performance.getEntriesByType("resource").find((e) => e.name.endsWith("/search/search_index.json"));
  const page = performance.getEntriesByType("navigation")[0];
  return index && page.loadEventStart > 0 ? { requested: index.startTime, loaded: page.loadEventStart } : null;
}"""


def test_search_index_waits_for_the_page(desktop, base_url):
    """The index is requested once the page has loaded (partials/javascripts/search-index.html), not while the first
    screen draws; a reader who searches before that still gets results, and a page opened from a search result
    still highlights the words searched for."""
    tab = desktop.new_page()
    tab.goto(page_url(base_url, "zh", "matrix-calculus/"), wait_until="load")
    timing = tab.wait_for_function(INDEX_TIMING, polling=50).json_value()
    assert timing["requested"] >= timing["loaded"], f"search index requested before the page loaded: {timing}"
    tab.goto(page_url(base_url, "en", "glossary/"), wait_until="domcontentloaded")
    links = search(tab, "gradient")
    assert any("en/matrix-calculus/" in link for link in links[:5]), links[:5]
    tab.goto(page_url(base_url, "en", "matrix-calculus/") + "?h=gradient", wait_until="domcontentloaded")
    tab.wait_for_selector("article mark", state="attached")
    tab.close()


def _whole_file_blocks(tab):
    return tab.eval_on_selector_all("details.example", "els => els.map(e => e.querySelector('summary').textContent)")


CODE_PAGES = sorted(
    p for lang, p in CHAPTERS if lang == "zh" and '<details class="example"' in (SITE / p / "index.html").read_text()
)


COPY_LISTENER = """
document.addEventListener("copy", (event) => {
  const source = event.target;
  window.__copied = source && "value" in source ? source.value : String(document.getSelection());
}, true);
"""


@pytest.mark.parametrize("page", CODE_PAGES)
def test_copy_button_copies_the_whole_file(new_context, base_url, page):
    """Whole-file blocks: the copy button gives exactly the snippet file (no markers, no prompts), the file that
    tests/test_snippets.py runs on its own, so a reader's pasted copy runs (not run a second time here)."""
    context = new_context(viewport=VIEWPORTS["desktop"])
    # What the copy button puts on the clipboard, read from the copy event itself (Material's clipboard.js copies
    # from a hidden textarea): reading the system clipboard back can wait forever in a headless browser without
    # focus, as it did once under two xdist workers.
    context.add_init_script(COPY_LISTENER)
    tab = context.new_page()
    tab.goto(page_url(base_url, "zh", page))
    titles = _whole_file_blocks(tab)
    assert titles, f"{page}: no whole-file blocks found"
    for i, title in enumerate(titles):
        block = tab.locator("details.example").nth(i)
        # Opened as its summary opens it. (A click on the summary missed it under load: scrolled into view, the blocks
        # above it are laid out for the first time, content-visibility, and move it before the click lands.)
        block.evaluate("details => { details.open = true; }")
        button = copy_button(tab, block.locator("pre").first)  # mounted as the block comes into view
        tab.evaluate("window.__copied = null")
        button.click()
        copied = tab.wait_for_function("window.__copied", polling=50).json_value()
        source = (ROOT / title.strip()).read_text(encoding="utf-8")
        expected = "\n".join(line for line in source.splitlines() if "--8<--" not in line).strip()
        assert copied.strip() == expected, f"{page}: copying {title} does not give the file"
    context.close()


def test_dark_mode_toggle_persists(new_context, base_url):
    context = new_context(viewport=VIEWPORTS["desktop"], color_scheme="light")
    tab = context.new_page()
    tab.goto(page_url(base_url, "zh", ""))
    assert tab.get_attribute("body", "data-md-color-scheme") == "default"
    tab.click("label.md-header__button[for^='__palette']:visible")
    assert tab.get_attribute("body", "data-md-color-scheme") == "slate"
    tab.goto(page_url(base_url, "en", "data-ops/"))
    assert tab.get_attribute("body", "data-md-color-scheme") == "slate"
    context.close()


def test_palette_follows_the_system_and_the_keyboard(new_context, base_url):
    """The toggle is ours (overrides/partials/palette.html): a reader who has not chosen gets the system's dark from
    the first paint, with the page's colour scheme (scroll bars) dark too; Enter on the toggle switches and saves."""
    context = new_context(viewport=VIEWPORTS["desktop"], color_scheme="dark")
    tab = context.new_page()
    tab.goto(page_url(base_url, "zh", "data-ops/"))
    assert tab.get_attribute("body", "data-md-color-scheme") == "slate"
    assert tab.evaluate("getComputedStyle(document.documentElement).colorScheme") == "dark"
    assert tab.locator("label.md-header__button[for^='__palette']:visible").get_attribute("for") == "__palette_0"
    tab.wait_for_function("document.querySelector('meta[name=theme-color]')?.content", polling=50, timeout=5_000)
    tab.focus("input[name='__palette']:checked")
    tab.keyboard.press("Enter")
    assert tab.get_attribute("body", "data-md-color-scheme") == "default"
    assert tab.evaluate("getComputedStyle(document.documentElement).colorScheme") == "light"
    assert tab.evaluate("document.activeElement.id") == "__palette_0"
    tab.wait_for_function("!document.body.hasAttribute('data-md-color-switching')", polling=50, timeout=5_000)
    tab.reload()
    assert tab.get_attribute("body", "data-md-color-scheme") == "default"  # the choice beats the system's dark
    context.close()


def test_unknown_url_gets_the_404_page(desktop, base_url):
    tab = desktop.new_page()
    response = tab.goto(base_url + "no-such-page/")
    assert response.status == 404
    assert "404" in tab.inner_text(".md-content")
    tab.close()


@pytest.mark.parametrize(("lang", "page"), PAGES, ids=IDS)
def test_page_metadata(lang, page):
    """Description of its own, canonical URL under site_url, and hreflang pairs for it in sitemap.xml."""
    from mkdocs.config import load_config

    site_url = load_config(str(ROOT / "mkdocs.yml")).site_url
    html = (SITE / LANG_PREFIX[lang] / page / "index.html").read_text(encoding="utf-8")
    description = re.search(r'<meta name="description" content="([^"]*)"', html)
    assert description and len(description.group(1)) > 20, f"{lang}/{page}: no description"
    canonical = re.search(r'<link rel="canonical" href="([^"]*)"', html)
    assert canonical and canonical.group(1) == f"{site_url}{LANG_PREFIX[lang]}{page}"
    sitemap = (SITE / "sitemap.xml").read_text(encoding="utf-8")
    entry = re.search(rf"<loc>{re.escape(canonical.group(1))}</loc>(.*?)</url>", sitemap, re.S)
    assert entry, f"{canonical.group(1)} missing from sitemap.xml"
    if not page.startswith("notebooks/"):
        langs = set(re.findall(r'hreflang="(\w+)"', entry.group(1)))
        assert langs == set(MODEL.langs), f"{lang}/{page}: sitemap hreflang {langs}"


# A reading page's HTML budget. Material's JavaScript lays out the whole page on load: the 600 KB single-page
# linear-regression chapter scored 69-84 for Lighthouse mobile performance, the section pages (<= 360 KB) score
# >= 95 (`make lighthouse`). A page over the limit should be split into sections, as the book does.
MAX_PAGE_HTML = 400 * 1024
READING = PAGES  # reading and notebook pages (a notebook page links its Jupyter CSS: tools/hooks/notebook_styles.py)


@pytest.mark.parametrize(("lang", "page"), READING, ids=[f"{lang}/{page}" for lang, page in READING])
def test_page_stays_light(lang, page):
    html = SITE / LANG_PREFIX[lang] / page / "index.html"
    size = html.stat().st_size
    assert size <= MAX_PAGE_HTML, (
        f"{html.relative_to(SITE)}: {size / 1024:.0f} KiB of HTML (budget {MAX_PAGE_HTML // 1024} KiB); "
        "split the page into sections (see README, Adding or changing content)"
    )


# Links and #anchors of the built output, checked over site/ itself rather than through a crawler: MkDocs' strict
# build validates the links written in Markdown, but not what the theme, the i18n plugin, mkdocs-jupyter and the
# hooks add (navigation, language switcher, canonical and hreflang URLs, notebook pages, stylesheets, fonts,
# scripts, the sitemap). This check reads every HTML file (404.html and unlinked pages included), every CSS file
# and sitemap.xml, resolves each URL as a browser would under site_url, and fails on a target that is not in site/
# or an #anchor the target page does not define. Links to other hosts are listed, never requested (offline).
# It replaced linkchecker, which crawled the served site single-threaded in ~3.5 min (628 URLs); this takes seconds.
LINK_ATTRS = {"href", "src", "poster", "data"}
CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]+)\1\s*\)|@import\s+(['"])([^'"]+)\3""")


class _Links(HTMLParser):
    """Collects the URLs an HTML page refers to (attributes, srcset, inline styles, meta refresh) and its ids."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []
        self.ids: set[str] = set()
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name, value in attrs.items():
            if value is None:
                continue
            if name == "id" or (name == "name" and tag == "a"):
                self.ids.add(value)
            elif name in LINK_ATTRS and not (tag == "meta" or (tag == "input" and name != "src")):
                self.urls.append(value)
            elif name in ("srcset", "imagesrcset"):
                self.urls += [part.split()[0] for part in value.split(",") if part.strip()]
            elif name == "style":
                self.urls += _css_urls(value)
        refresh = attrs.get("content") or ""
        if tag == "meta" and (attrs.get("http-equiv") or "").lower() == "refresh" and "url=" in refresh.lower():
            self.urls.append(refresh[refresh.lower().index("url=") + 4 :].strip())
        self._in_style = tag == "style"

    def handle_endtag(self, tag):
        self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            self.urls += _css_urls(data)


def _css_urls(css: str) -> list[str]:
    return [m.group(2) or m.group(4) for m in CSS_URL.finditer(css)]


def _served_url(site_url: str, path: Path) -> str:
    """The URL under site_url at which GitHub Pages serves a file of site/."""
    rel = path.relative_to(SITE).as_posix()
    return site_url + (rel.removesuffix("index.html") if path.name == "index.html" else rel)


def _target(site_url: str, url: str) -> tuple[Path | None, str]:
    """(file in site/ or None when outside site_url, unquoted fragment) of an absolute URL under site_url's host."""
    parts = urlsplit(url)
    prefix = urlsplit(site_url).path
    if not parts.path.startswith(prefix):
        return None, ""
    rel = unquote(parts.path[len(prefix) :])
    path = SITE / rel
    if rel == "" or rel.endswith("/") or path.is_dir():  # GitHub Pages serves dir/ (and dir, redirected) as index.html
        path = path / "index.html"
    return path, unquote(parts.fragment)


def check_site_links(site_url: str) -> tuple[list[str], int, set[str], set[Path]]:
    """Broken links of the built site: (problems, internal links checked, other hosts' URLs, pages reached)."""
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(site_url))
    parsed: dict[Path, _Links] = {}

    def parse(path: Path) -> _Links:
        if path not in parsed:
            parsed[path] = _Links()
            parsed[path].feed(path.read_text(encoding="utf-8", errors="replace"))
        return parsed[path]

    sources: list[tuple[Path, str, list[str]]] = []
    for path in sorted(SITE.rglob("*")):
        if path.suffix == ".html":
            sources.append((path, _served_url(site_url, path), parse(path).urls))
        elif path.suffix == ".css":
            sources.append((path, _served_url(site_url, path), _css_urls(path.read_text(encoding="utf-8"))))
        elif path.name == "sitemap.xml":
            xml = path.read_text(encoding="utf-8")
            sources.append((path, site_url, re.findall(r"<loc>([^<]+)</loc>|href=\"([^\"]+)\"", xml)))
            sources[-1] = (path, site_url, [a or b for a, b in sources[-1][2]])

    problems, external, linked, checked = [], set(), {}, 0
    for source, base, urls in sources:
        for url in urls:
            url = url.strip()
            if not url or url.startswith(("data:", "mailto:", "javascript:", "blob:", "tel:")) or url == "#":
                continue
            absolute = urljoin(base, url)
            if not absolute.startswith(origin + "/"):
                external.add(absolute)
                continue
            checked += 1
            target, fragment = _target(site_url, absolute)
            where = f"{source.relative_to(SITE)}: {url}"
            if target is None:
                problems.append(f"{where} -> outside site_url {site_url}")
            elif not target.is_file():
                problems.append(f"{where} -> {target.relative_to(SITE)} is not in site/")
            else:
                linked.setdefault(source, set()).add(target)
                if fragment and target.suffix == ".html" and fragment not in parse(target).ids:
                    problems.append(f"{where} -> no id {fragment!r} in {target.relative_to(SITE)}")

    reached, todo = set(), [SITE / "index.html"]
    while todo:
        page = todo.pop()
        if page not in reached:
            reached.add(page)
            todo += [t for t in linked.get(page, ()) if t.suffix == ".html"]
    return problems, checked, external, reached


def test_internal_links_and_anchors():
    """Every link, asset and #anchor of the built site resolves inside site/ (both languages, notebook pages, 404
    page, stylesheets, sitemap), and every page is reachable from the home page by following links."""
    from mkdocs.config import load_config

    site_url = load_config(str(ROOT / "mkdocs.yml")).site_url
    problems, checked, external, reached = check_site_links(site_url)
    assert not problems, f"{len(problems)} broken link(s) in site/:\n" + "\n".join(problems[:50])
    assert checked > 300, f"only {checked} internal links found in site/"
    pages = {f"{lang}/{page}": SITE / LANG_PREFIX[lang] / page / "index.html" for lang, page in PAGES}
    unreached = [name for name, path in pages.items() if path not in reached]
    assert not unreached, f"pages no link leads to from the home page: {unreached}"
