"""The reader keeps their place and their language (issue 19): the language switcher and the chapter <-> notebook
links carry the section, every heading has a stable id, every "勘误 N" / "erratum N" link reaches its row and the
row links back, the 404 page speaks the language of the missing path, and search answers in the page's language."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from tools.browser import VIEWPORTS, copy_button, follow, search, switch_language
from tools.serve import LANG_PREFIX, SITE, page_url, site_pages
from tools.site import SITE as MODEL

PAGES = site_pages()
OTHER = {"zh": "en", "en": "zh"}


# Scroll to the element with this id ("" for the top) and wait for the scroll event the page reacts to
# (keep-place.js notes the section being read); no event comes when the page is there already.
SCROLL = """async (id) => {
  const y = id ? scrollY + document.getElementById(id).getBoundingClientRect().top : 0;
  if (Math.abs(scrollY - y) < 1) return;
  await new Promise((resolve) => {
    addEventListener("scroll", resolve, { once: true });
    scrollTo({ top: y, behavior: "instant" });
  });
}"""


def _scroll(tab, element_id: str) -> None:
    tab.evaluate(SCROLL, element_id)


def _in_view(tab, element_id: str) -> bool:
    """The element is in the upper half of the viewport (where following a #link puts it, below the header)."""
    top = tab.evaluate(f"document.getElementById({element_id!r}).getBoundingClientRect().top")
    height = tab.evaluate("window.innerHeight")
    return 0 <= top < height / 2


def _switch(tab, lang: str) -> str:
    return switch_language(tab, OTHER[lang])


@pytest.mark.parametrize("lang", MODEL.langs)
def test_switcher_keeps_the_followed_section(desktop, base_url, lang):
    """data-ops/#broadcasting -> en/data-ops/#broadcasting, scrolled to it (and back)."""
    tab = desktop.new_page()
    tab.goto(page_url(base_url, lang, "data-ops/") + "#broadcasting", wait_until="load")
    expected = page_url(base_url, OTHER[lang], "data-ops/") + "#broadcasting"
    landed = _switch(tab, lang)
    assert landed == expected, f"the switcher led to {landed}"
    assert tab.evaluate("document.documentElement.lang") == OTHER[lang]
    assert _in_view(tab, "broadcasting"), f"{tab.url}: #broadcasting is not on screen"
    tab.close()


@pytest.mark.parametrize("lang", MODEL.langs)
def test_switcher_keeps_the_section_scrolled_to(desktop, base_url, lang):
    """Without a #hash: the section the reader scrolled to; at the top of the page: the top of the other page."""
    tab = desktop.new_page()
    tab.goto(page_url(base_url, lang, "linear-algebra/"), wait_until="load")
    landed = _switch(tab, lang)
    assert landed == page_url(base_url, OTHER[lang], "linear-algebra/"), f"the switcher led to {landed}"
    tab.goto(page_url(base_url, lang, "linear-algebra/"), wait_until="load")
    _scroll(tab, "norms")
    landed = _switch(tab, lang)
    assert landed == page_url(base_url, OTHER[lang], "linear-algebra/") + "#norms", f"the switcher led to {landed}"
    assert _in_view(tab, "norms")
    tab.close()


@pytest.mark.parametrize("lang", MODEL.langs)
def test_chapter_and_notebook_links_keep_the_section(desktop, base_url, lang):
    """A reader at #broadcasting who goes up to the notebook button lands on the notebook's #broadcasting, and the
    notebook's "back to the chapter" link leads back to the chapter's."""
    tab = desktop.new_page()
    tab.goto(page_url(base_url, lang, "data-ops/") + "#broadcasting", wait_until="load")
    _scroll(tab, "")
    landed = follow(tab, ".md-content a.md-button[data-keep-place]")
    assert landed == page_url(base_url, lang, "notebooks/data-ops/") + "#broadcasting", f"the link led to {landed}"
    assert _in_view(tab, "broadcasting"), f"{tab.url}: the notebook's #broadcasting is not on screen"
    _scroll(tab, "numpy")
    _scroll(tab, "")
    landed = follow(tab, ".md-content a.nb-back[data-keep-place]")
    assert landed == page_url(base_url, lang, "data-ops/") + "#numpy", f"the link led to {landed}"
    assert _in_view(tab, "numpy")
    tab.close()


class _Ids(HTMLParser):
    def __init__(self):
        super().__init__()
        self.headings: list[str] = []
        self.ids: set[str] = set()
        self.errata_links: list[tuple[str, str]] = []  # (href, id)
        self._link: dict | None = None
        self._text = ""

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(attrs.get("id") or "")
        if tag == "a":
            self._link, self._text = attrs, ""

    def handle_data(self, data):
        if self._link is not None:
            self._text += data

    def handle_endtag(self, tag):
        if tag == "a" and self._link is not None:
            if re.fullmatch(r"(勘误|[Ee]rratum) \d+", self._text.strip()):
                self.errata_links.append((self._link.get("href", ""), self._text.strip()))
            self._link = None


def _parse(lang: str, page: str) -> _Ids:
    parser = _Ids()
    parser.feed((SITE / LANG_PREFIX[lang] / page / "index.html").read_text(encoding="utf-8"))
    return parser


@pytest.mark.parametrize(("lang", "page"), PAGES, ids=[f"{lang}/{page}" for lang, page in PAGES])
def test_every_heading_has_a_stable_id(lang, page):
    """No generated `_1`, `_2`... ids (they change when a heading is added): every heading, on reading pages and
    notebook pages, has an id, and a page's section ids are the same in both languages."""
    found = _parse(lang, page)
    generated = [h for h in found.headings if not h or re.fullmatch(r"_\d+", h)]
    assert not generated, f"{lang}/{page}: headings without a stable id: {generated}"
    other = _parse(OTHER[lang], page)
    assert found.headings == other.headings, f"{lang}/{page}: heading ids differ from the {OTHER[lang]} page"


def _html(lang: str, page: str) -> str:
    return (SITE / LANG_PREFIX[lang] / page / "index.html").read_text(encoding="utf-8")


ERRATA_PAGES = [(lang, page) for lang, page in PAGES if 'id="errata"' in _html(lang, page)]


@pytest.mark.parametrize(("lang", "page"), ERRATA_PAGES, ids=[f"{lang}/{page}" for lang, page in ERRATA_PAGES])
def test_errata_links_reach_their_row_and_back(lang, page):
    """Every "勘误 N" / "erratum N" link leads to row N (#errata-N) of the page's errata table, and row N links back
    to each place that cites it."""
    found = _parse(lang, page)
    assert found.errata_links, f"{lang}/{page}: no errata links"
    html = (SITE / LANG_PREFIX[lang] / page / "index.html").read_text(encoding="utf-8")
    for href, text in found.errata_links:
        n = text.split()[-1]
        assert href == f"#errata-{n}", f"{lang}/{page}: {text!r} links to {href!r}, not to its row #errata-{n}"
        assert f'<tr id="errata-{n}">' in html, f"{lang}/{page}: no row #errata-{n}"
        row = html[html.index(f'<tr id="errata-{n}">') :].split("</tr>", 1)[0]
        backs = re.findall(r'href="#(errata-\d+-ref(?:-\d+)?)"', row)
        assert backs and all(b in found.ids for b in backs), f"{lang}/{page}: row {n} does not link back ({backs})"


@pytest.mark.parametrize("lang", MODEL.langs)
def test_errata_link_click_scrolls_to_the_row_and_back(tabs, base_url, lang):
    with tabs.at("desktop") as tab:
        tab.goto(page_url(base_url, lang, "data-ops/"), wait_until="load")
        tab.click("a[href='#errata-12']")
        tab.wait_for_url("**#errata-12")
        assert _in_view(tab, "errata-12")
        tab.click("#errata-12 a.errata-back")
        tab.wait_for_url("**#errata-12-ref")
        assert _in_view(tab, "errata-12-ref")


@pytest.mark.parametrize(
    ("path", "lang", "home"),
    [("no-such-page/", "zh", ""), ("en/no-such-page/", "en", "en/"), ("data-ops/broadcast/", "zh", "")],
)
def test_404_page_speaks_the_language_of_the_path(tabs, base_url, path, lang, home):
    with tabs.at("desktop") as tab:
        response = tab.goto(base_url + path, wait_until="load")
        assert response.status == 404
        assert tab.evaluate("document.documentElement.lang") == lang
        text = tab.inner_text(".md-content")
        assert ("找不到这个页面" in text) == (lang == "zh") and ("Page not found" in text) == (lang == "en"), text
        links = tab.eval_on_selector_all(".md-content a", "els => els.map(a => a.href)")
        assert base_url + home in links, f"no link to this language's home page: {links}"
        assert base_url + LANG_PREFIX[OTHER[lang]] in links, f"no link to the other language's home: {links}"
        search = tab.get_attribute(".md-content [data-not-found-search]:visible", "href")
        tab.click(".md-content [data-not-found-search]:visible")
        tab.wait_for_selector(".md-search__input:focus")
        assert search.split("?")[0].endswith("/" + home)
        words = path.rstrip("/").rsplit("/", 1)[-1].replace("-", " ")
        assert tab.input_value(".md-search__input") == words, "the search should start from the missing path's words"


@pytest.mark.parametrize(
    ("lang", "query", "expected"),
    [("zh", "广播", "data-ops/"), ("en", "broadcasting", "en/data-ops/"), ("zh", "gradient", "matrix-calculus/")],
)
def test_search_answers_in_the_page_language(tabs, base_url, lang, query, expected):
    """On / only Chinese pages (广播 still finds 广播机制), on /en/ only English ones, even for an English word."""
    with tabs.at("desktop") as tab:
        tab.goto(page_url(base_url, lang, "data-ops/"), wait_until="load")
        links = search(tab, query)
        assert links, f"{lang}: {query!r} found nothing"
        wrong = [link for link in links if link.startswith(base_url + "en/") != (lang == "en")]
        assert not wrong, f"{lang}: {query!r} found pages of the other language: {wrong[:5]}"
        assert any(link.split("#")[0].split("?")[0] == base_url + expected for link in links[:3]), (
            f"{query!r}: {links[:5]}"
        )
        if lang == "zh" and query == "广播":
            sections = [link.split("?")[0] + "#" + link.partition("#")[2] for link in links]
            assert base_url + "data-ops/#broadcasting" in sections, links


def test_one_search_index_per_language():
    import json

    zh = json.loads((SITE / "search" / "search_index.json").read_text(encoding="utf-8"))
    en = json.loads((SITE / "en" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert zh["docs"] and en["docs"]
    assert not [d["location"] for d in zh["docs"] if d["location"].startswith("en/")]
    assert not [d["location"] for d in en["docs"] if re.search(r"[\u4e00-\u9fff]", d["title"])][:3]


# Notebook pages (issue 19, item 2) and Colab (item 1).
NOTEBOOKS = [(lang, page) for lang, page in PAGES if page.startswith("notebooks/")]
CHAPTERS_WITH_NOTEBOOK = [(lang, page.removeprefix("notebooks/").strip("/")) for lang, page in NOTEBOOKS]
HEADER_TEXT = {"zh": ("回到本章", "下载 .ipynb", "在 Colab 中打开"), "en": ("Back to the chapter", "Download", "Colab")}


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("lang", MODEL.langs)
def test_notebook_page_starts_with_title_and_header(tabs, base_url, lang, width):
    """Title first; under it back-to-the-chapter, the .ipynb and Colab, in the page's language, all in the first
    screen; the set-up cell after them, its long lines wrapped (nothing hidden sideways)."""
    name = next(name for name, viewport in VIEWPORTS.items() if viewport["width"] == width)
    with tabs.at(name) as tab:
        tab.goto(page_url(base_url, lang, "notebooks/data-ops/"), wait_until="load")
        first = tab.evaluate(
            """() => { const c = document.querySelector('.md-content .jupyter-wrapper');
                       const first = [...c.querySelectorAll('h1, [id="cell-id=requirements"]')][0];
                       return first.tagName; }"""
        )
        assert first == "H1", f"{lang} at {width} px: the set-up cell comes before the title"
        links = tab.eval_on_selector_all(
            ".nb-header a",
            """els => els.map(a => { const r = a.getBoundingClientRect();
                                     return [a.textContent.trim(), r.top, r.bottom, r.width, a.href]; })""",
        )
        height = tab.evaluate("window.innerHeight")
        assert len(links) == 3, f"{lang} at {width} px: header links {links}"
        for (text, top, bottom, w, _href), expected in zip(links, HEADER_TEXT[lang], strict=True):
            assert expected in text, f"{lang}: header link {text!r}, expected {expected!r}"
            assert w > 0 and 0 <= top and bottom <= height, f"{lang} at {width} px: {text!r} not in the first screen"
        from tools import colab

        assert links[2][4] == colab.colab_url(lang, "data-ops")
        overflow = tab.evaluate(
            """() => [...document.querySelectorAll('[id="cell-id=requirements"] pre')]
                     .map(p => p.scrollWidth - p.clientWidth)"""
        )
        assert overflow and max(overflow) <= 1, f"{lang} at {width} px: the set-up cell is cut off ({overflow})"


def test_no_image_without_a_real_description():
    """No "No description has been provided for this image" (nbconvert's placeholder) on any page; a notebook's
    plot carries the alt text of the chapter's figure, in the page's language."""
    for lang, page in PAGES:
        assert "No description has been provided" not in _html(lang, page), f"{lang}/{page}: placeholder alt text"
    for lang in MODEL.langs:
        chapter = re.findall(r'<img alt="([^"]+)"[^>]*src="[^"]*autograd-computation-graph', _html(lang, "autograd/"))
        notebook = re.findall(r'<img alt="([^"]+)"', _html(lang, "notebooks/autograd/"))
        assert chapter and chapter[0] in notebook, f"{lang}: the notebook's graph lacks the chapter's alt text"


@pytest.mark.parametrize(
    ("lang", "slug"), CHAPTERS_WITH_NOTEBOOK, ids=[f"{lang}/{s}" for lang, s in CHAPTERS_WITH_NOTEBOOK]
)
def test_colab_links_open_the_published_notebook(lang, slug):
    """The chapter's Colab button and the notebook page's Colab link are colab_url's (the repository's notebooks
    branch), name a path the workflow publishes, and that path's file is the site's executed .ipynb."""
    from tools import colab

    url = colab.colab_url(lang, slug)
    assert re.fullmatch(
        rf"https://colab\.research\.google\.com/github/[\w.-]+/[\w.-]+/blob/{colab.BRANCH}/{lang}/{slug}\.ipynb", url
    )
    published = dict(colab.paths())
    assert colab.published_path(lang, slug) in published, f"{url}: not a path the workflow publishes"
    assert (SITE / published[colab.published_path(lang, slug)]).is_file(), "the workflow would fetch a missing file"
    chapter = re.findall(r'<a class="md-button nb-colab-button" href="([^"]+)"', _html(lang, f"{slug}/"))
    notebook = re.findall(r'<a class="nb-colab" href="([^"]+)"', _html(lang, f"notebooks/{slug}/"))
    assert chapter == [url], f"{lang}/{slug}: chapter Colab button {chapter}"
    assert notebook == [url], f"{lang}/notebooks/{slug}: Colab link {notebook}"


def test_colab_links_follow_the_repository(monkeypatch):
    from tools import colab

    monkeypatch.setenv("REPO_URL", "https://github.com/someone/fork")
    assert colab.colab_url("en", "data-ops").startswith("https://colab.research.google.com/github/someone/fork/blob/")


# The home page's set-up block (issue 19, item 5).
COPY_LISTENER = """
document.addEventListener("copy", (event) => {
  const source = event.target;
  window.__copied = source && "value" in source ? source.value : String(document.getSelection());
}, true);
"""


@pytest.mark.parametrize("lang", MODEL.langs)
def test_home_setup_block_copies_in_one(new_context, base_url, lang):
    """One code block with a copy button: git clone, the pinned install line, Jupyter, make test, make serve; the
    download size is stated next to it."""
    from tools.install import NOTEBOOK_LINE, install_line
    from tools.snippets import ROOT, parse_sections

    (section,) = parse_sections(ROOT / "snippets" / "setup" / "setup.sh")
    context = new_context(viewport=VIEWPORTS["phone"])
    context.add_init_script(COPY_LISTENER)
    tab = context.new_page()
    tab.goto(page_url(base_url, lang, ""), wait_until="load")
    title = tab.locator(".filename", has_text="snippets/setup/setup.sh")
    block = tab.locator(".md-content .highlight", has=title)
    assert block.count() == 1, "the home page needs one set-up block"
    button = copy_button(tab, block)
    tab.evaluate("window.__copied = null")
    button.click()
    copied = tab.wait_for_function("window.__copied", timeout=10_000).json_value()
    assert copied.strip() == section.code.strip()
    lines = copied.strip().splitlines()
    assert lines[0].startswith("git clone https://github.com/") and install_line() in lines and NOTEBOOK_LINE in lines
    assert lines[-2:] == ["make test", "make serve"]
    text = tab.inner_text("#run-locally ~ ul")
    assert re.search(r"250 MB", text) and re.search(r"1\.1 GB", text), "the download size is not stated"
    context.close()


@pytest.mark.parametrize("lang", MODEL.langs)
def test_home_code_spans_do_not_break_mid_word(tabs, base_url, lang):
    """At 390 px no file name or command word in inline code is split across two lines (`creat` / `e.py`)."""
    with tabs.at("phone") as tab:
        tab.goto(page_url(base_url, lang, ""), wait_until="load")
        broken = tab.evaluate(
            """() => [...document.querySelectorAll('.md-content :not(pre) > code')]
                     .filter(c => !/\\s/.test(c.textContent) && c.getClientRects().length > 1)
                     .map(c => c.textContent)"""
        )
        assert not broken, f"{lang}: inline code broken across lines at 390 px: {broken}"


def test_chinese_punctuation_in_a_cjk_font(new_context, base_url):
    """On Chinese pages “”‘’…— are drawn with a CJK font (full-width), not the Latin system font; English pages keep
    the Latin quotes."""
    context = new_context(viewport=VIEWPORTS["desktop"])
    tab = context.new_page()
    fonts = {}
    for lang in MODEL.langs:
        tab.goto(page_url(base_url, lang, ""), wait_until="load")
        tab.evaluate(
            """() => { const s = document.createElement('span'); s.id = 'quotes'; s.textContent = '“”‘’';
                       document.querySelector('.md-content p').appendChild(s); }"""
        )
        cdp = context.new_cdp_session(tab)
        cdp.send("DOM.enable")
        cdp.send("CSS.enable")
        root = cdp.send("DOM.getDocument")["root"]["nodeId"]
        node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": "#quotes"})["nodeId"]
        fonts[lang] = [f["familyName"] for f in cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]]
        cdp.detach()
        # The site's rule, not the machine's fallback (a Linux browser may pick a CJK font for “” on its own; a Mac
        # picks Helvetica's): the text font starts with the CJK punctuation face, which a local font backs.
        family = tab.evaluate("getComputedStyle(document.getElementById('quotes')).fontFamily")
        assert family.startswith('"CJK Punctuation"') == (lang == "zh"), f"{lang}: font-family {family}"
        if lang == "zh":
            assert tab.evaluate("document.fonts.check('16px \"CJK Punctuation\"', '“”')")
    assert fonts["zh"] and all("CJK" in name for name in fonts["zh"]), f"zh quotes drawn with {fonts['zh']}"
    assert not any("CJK" in name for name in fonts["en"]), f"en quotes drawn with {fonts['en']}"
    context.close()


# Figures on a phone (issue 19, item 6).
FIGURE_PAGES = [
    (lang, page) for lang, page in PAGES if not page.startswith("notebooks/") and "assets/figures/" in _html(lang, page)
]


@pytest.mark.parametrize(("lang", "page"), FIGURE_PAGES, ids=[f"{lang}/{page}" for lang, page in FIGURE_PAGES])
def test_figures_open_full_size_on_a_phone(tabs, base_url, lang, page):
    """At 390 px a figure's labels are a few pixels high: a tap opens it full size in a lightbox (GLightbox, served
    by the site), scrolled sideways by a finger; the figure keeps its alt text on the page."""
    foreign = []

    def request(req):
        if "127.0.0.1" not in req.url:
            foreign.append(req.url)

    with tabs.at("phone") as tab:
        tab.on("request", request)
        try:
            tab.goto(page_url(base_url, lang, page), wait_until="load")
            for i in range(tab.locator(FIGURE).count()):
                _open_full_size(tab, f"{lang}/{page}", i)
        finally:
            tab.remove_listener("request", request)
    assert not foreign, f"requests to other hosts: {foreign}"


FIGURE = ".md-content img[src*='assets/figures/']"
OPENED = ".glightbox-container .gslide.current img"


def _open_full_size(tab, where: str, i: int) -> None:
    figure = tab.locator(FIGURE).nth(i)
    alt = figure.get_attribute("alt")
    assert alt and len(alt) > 10, f"{where}: figure {i} without alt text"
    assert figure.evaluate("img => img.closest('a.glightbox') !== null"), f"{where}: figure {i} does not open"
    figure.scroll_into_view_if_needed()
    figure.click()
    slide = tab.locator(OPENED)
    slide.wait_for(state="visible")
    # The lightbox opens with an animation: wait until the figure has grown to its full width (or time out).
    tab.wait_for_function(
        "(opened) => { const img = document.querySelector(opened);"
        " return img && img.getBoundingClientRect().width >= img.naturalWidth * 0.98; }",
        arg=OPENED,
        polling=50,
    )
    natural, shown, scroll, box = slide.evaluate(
        "img => [img.naturalWidth, img.getBoundingClientRect().width, img.parentNode.scrollWidth,"
        " img.parentNode.clientWidth]"
    )
    assert shown >= natural * 0.98, f"{where}: figure {i} shown {shown:.0f} px wide, full size is {natural}"
    assert natural <= box or scroll > box, f"{where}: figure {i} cannot be scrolled to its other side"
    tab.keyboard.press("Escape")
    tab.wait_for_selector(".glightbox-container", state="detached")
