"""MkDocs hook: the print edition. One HTML document per language, assembled from the pages as the build renders
them (math already typeset), in navigation order; `python -m tools.pdf` prints it to site/pdf/d2l-notes-<lang>.pdf.

Nothing is written twice: the print page is the site's own rendered article of every page in the navigation (the
chapter notebooks are not in it, they repeat the chapters), with what only makes sense on screen taken out (heading
permalinks, "read as notebook" buttons, the collapsed whole-file copies under "full code"), every id prefixed with
its page so the pages can share one document, and links rewritten: to a printed page -> into the PDF, to anything
else on the site -> the published URL. It is written to .build-cache/print/<lang>.html, outside site/ (not published).
"""

from __future__ import annotations

import datetime as dt
import html
import logging
import os
import subprocess
import time
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from tools.site import SITE

ROOT = Path(__file__).resolve().parents[2]
OUT = SITE.cache / "print"

TEXT = {
    "zh": {
        "edition": "印刷版",
        "subtitle": "《动手学深度学习》预备知识与线性回归 · PyTorch",
        "built": "构建于 {date}，提交 {commit}",
        "online": "网页版：",
        "book": "本笔记跟随 Aston Zhang、Zachary C. Lipton、Mu Li、Alexander J. Smola 所著"
        '《动手学深度学习》（Dive into Deep Learning，<a href="https://d2l.ai">d2l.ai</a>），'
        "该书以 CC BY-SA 4.0 许可发布。",
        "licence": "笔记中的代码以 MIT 许可发布；文字是基于该书（CC BY-SA 4.0）的学习笔记。每段代码都来自仓库中"
        "经过测试的 <code>snippets/</code> 文件，代码下方的输出是它真实运行的结果。",
        "toc": "目录",
        "full_code": "可复制的完整文件见网页版：",
    },
    "en": {
        "edition": "Print edition",
        "subtitle": "The preliminaries and linear regression of Dive into Deep Learning, with PyTorch",
        "built": "Built on {date} from commit {commit}",
        "online": "Online: ",
        "book": "These notes follow <em>Dive into Deep Learning</em> by Aston Zhang, Zachary C. Lipton, Mu Li and "
        'Alexander J. Smola (<a href="https://d2l.ai">d2l.ai</a>), published under CC BY-SA 4.0.',
        "licence": "The code in these notes is under the MIT licence; the text is a study aid based on the book "
        "(CC BY-SA 4.0). Every code block comes from a tested file in the repository's <code>snippets/</code>, and "
        "the output under it is what that code prints.",
        "toc": "Contents",
        "full_code": "The complete files, ready to copy, are on the site: ",
    },
}

_NAV: dict[str, list[tuple[Page, str | None]]] = {}
_COMMAND = {"name": "build"}
log = logging.getLogger("mkdocs.hooks.print_edition")


def on_startup(command, dirty):
    """`mkdocs serve` rebuilds on every change and never prints: it skips the print documents."""
    _COMMAND["name"] = command


_HTML: dict[str, dict[str, str]] = {}
_BUILDING = {"lang": SITE.default}


def _language() -> str:
    """The language being built: the one whose navigation on_nav saw last (the i18n plugin builds one at a time)."""
    return _BUILDING["lang"]


@event_priority(-150)  # after the i18n plugin's on_nav (-100), which translates the section titles
def on_nav(nav, config, files):
    """Remember this language's pages in navigation order, each with the title of the section it is in."""
    order: list[tuple[Page, str | None]] = []

    def walk(items, section):
        for item in items:
            if isinstance(item, Page):
                order.append((item, section))
            elif getattr(item, "children", None):
                walk(item.children, item.title)

    walk(nav.items, None)
    _BUILDING["lang"] = SITE.lang_of(order[0][0].file.abs_src_path) if order else SITE.default
    _NAV[_language()] = order
    _HTML[_language()] = {}
    return nav


@event_priority(-100)  # after the other hooks' on_post_page (math is typeset there)
def on_post_page(output, page, config):
    lang = _language()
    if any(p is page or p.file.src_uri == page.file.src_uri for p, _ in _NAV.get(lang, [])):
        _HTML[lang][page.file.src_uri] = output
    return output


def _slug(page: Page, lang: str) -> str:
    url = page.url.removeprefix(SITE.prefix(lang))
    return url.strip("/") or "index"


def _commit() -> str:
    try:
        out = subprocess.run(["git", "rev-parse", "--short=12", "HEAD"], cwd=ROOT, capture_output=True, text=True)
        return out.stdout.strip() or "unknown"
    except OSError:
        return "unknown"


def _build_date() -> str:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    when = dt.datetime.fromtimestamp(int(epoch), dt.UTC) if epoch else dt.datetime.now(dt.UTC)
    return when.strftime("%Y-%m-%d")


def _article(output: str, page: Page, slugs: dict[str, str], base: str, site_url: str, text):
    """The page's article, made fit for one shared print document."""
    start, end = output.find("<article"), output.rfind("</article>")
    soup = BeautifulSoup(output[start : end + len("</article>")], "html.parser")  # not the navigation: faster
    article = soup.find("article")
    slug = slugs[page.url]
    page_url = base + page.url
    for tag in article.select("a.headerlink, a.md-content__button, .md-source-file, .print-hide"):
        tag.decompose()
    for button in article.select("a.md-button"):  # "read this page as a notebook"
        parent = button.parent
        button.decompose()
        if parent.name == "p" and not parent.get_text(strip=True):
            parent.decompose()
    copies = article.select("details.example")  # the whole files under "full code": the sections already show them
    if copies:
        names = soup.new_tag("ul", attrs={"class": "print-files"})
        for details in copies:
            item = soup.new_tag("li")
            code = soup.new_tag("code")
            code.string = details.summary.get_text(strip=True) if details.summary else ""
            item.append(code)
            names.append(item)
        note = soup.new_tag("p", attrs={"class": "print-online"})
        heading = copies[0].find_previous(["h2"])
        online = site_url + page.url + (f"#{heading['id']}" if heading and heading.get("id") else "")
        note.append(text["full_code"])
        link = soup.new_tag("a", href=online)
        link.string = online
        note.append(link)
        copies[0].insert_before(names)
        names.insert_after(note)
        for details in copies:
            details.decompose()
    for details in article.select("details"):  # questions and answers: printed open
        details["open"] = ""
    for tag in article.find_all(id=True):
        tag["id"] = f"{slug}--{tag['id']}"
    for tag in article.find_all(attrs={"for": True}):  # tabbed content labels
        tag["for"] = f"{slug}--{tag['for']}"
    for tag in article.find_all("a", href=True):
        href = tag["href"]
        if href.startswith(("http:", "https:", "mailto:")):
            continue
        if href.startswith("#"):
            tag["href"] = f"#{slug}--{href[1:]}" if href[1:] else f"#{slug}"
            continue
        target = urljoin(page_url, href)
        path, _, fragment = target.partition("#")
        if path.startswith(base) and path.removeprefix(base) in slugs:
            into = slugs[path.removeprefix(base)]
            tag["href"] = f"#{into}--{fragment}" if fragment else f"#{into}"
        else:
            tag["href"] = site_url + target.removeprefix(base)
    for tag in article.find_all(["img", "source"]):
        tag.attrs.pop("loading", None)  # one long page printed at once: every figure loads with it
        for attr in ("src", "srcset"):
            if tag.get(attr) and not tag[attr].startswith(("http:", "https:", "data:")):
                tag[attr] = urljoin(page_url, tag[attr])
    return article


def _heading_levels(article, shift: int) -> None:
    """Pages inside a navigation section sit one level below it (the PDF bookmarks nest by heading level)."""
    if not shift:
        return
    for level in range(5, 0, -1):
        for tag in article.find_all(f"h{level}"):
            tag.name = f"h{level + shift}"
            tag["class"] = [*tag.get("class", []), f"print-h{level}"]


def _toc_entries(article) -> list[tuple[int, str, str]]:
    headings = article.find_all(["h1", "h2", "h3"])
    return [(int(h.name[1]), h["id"], h.get_text(" ", strip=True)) for h in headings if h.get("id")]


def print_document(lang: str, config) -> str:
    text = TEXT[lang]
    base = urlsplit(config.site_url or "/").path
    site_url = (config.site_url or "/").rstrip("/") + "/"
    order = _NAV[lang]
    slugs = {page.url: _slug(page, lang) for page, _ in order}
    head_links = ""
    first = _HTML[lang][order[0][0].file.src_uri]
    soup = BeautifulSoup(first[: first.find("</head>")], "html.parser")
    for link in soup.find_all("link", rel="stylesheet"):
        head_links += f'<link rel="stylesheet" href="{urljoin(base + order[0][0].url, link["href"])}">\n'
    katex = f"{base}assets/katex/katex.min.css"
    if katex not in head_links:
        head_links += f'<link rel="stylesheet" href="{katex}">\n'
    head_links += f'<link rel="stylesheet" href="{base}assets/stylesheets/print.css">\n'

    body, toc, section_open, ids, links = [], [], None, set(slugs.values()), set()
    for page, section in order:
        article = _article(_HTML[lang][page.file.src_uri], page, slugs, base, site_url, text)
        slug = slugs[page.url]
        parts = []
        if section and section != section_open:
            section_id = f"section-{len(toc)}"
            parts.append(f'<h1 class="print-part" id="{section_id}">{html.escape(section)}</h1>')
            toc.append((1, section_id, section, "part"))
        section_open = section
        _heading_levels(article, 1 if section else 0)
        ids.update(tag["id"] for tag in article.find_all(id=True))
        links.update(a["href"][1:] for a in article.find_all("a", href=True) if a["href"].startswith("#"))
        for level, hid, title in _toc_entries(article):
            if level <= (2 if section else 1):  # page titles
                toc.append((level, hid, title, "page"))
            elif level == (3 if section else 2):  # their sections
                toc.append((level, hid, title, "sub"))
        classes = "print-page print-page--nested" if section else "print-page"
        body.append(f'<section class="{classes}" id="{slug}">{"".join(parts)}{article.decode_contents()}</section>')
    _check_links(links - ids, lang)

    toc_html = "".join(
        f'<li class="print-toc-l-{kind}"><a href="#{hid}"><span class="print-toc-title">{html.escape(title)}</span>'
        f'<span class="print-toc-page" data-target="{hid}"></span></a></li>'
        for _, hid, title, kind in toc
    )
    online = site_url + SITE.prefix(lang)
    title_page = f"""
<section class="print-cover">
  <p class="print-kicker">{text["edition"]}</p>
  <h1 class="print-cover-title">{html.escape(config.site_name)}</h1>
  <p class="print-subtitle">{text["subtitle"]}</p>
  <div class="print-colophon">
    <p>{text["built"].format(date=_build_date(), commit=f"<code>{_commit()}</code>")}</p>
    <p>{text["online"]}<a href="{online}">{online}</a></p>
    <p>{text["book"]}</p>
    <p>{text["licence"]}</p>
  </div>
</section>
<nav class="print-toc" aria-label="{text["toc"]}">
  <h2 class="print-toc-heading">{text["toc"]}</h2>
  <ol>{toc_html}</ol>
</nav>"""
    return f"""<!doctype html>
<html lang="{lang}" dir="ltr">
<head>
<meta charset="utf-8">
<title>{html.escape(config.site_name)}</title>
{head_links}</head>
<body class="print-edition" dir="ltr" data-md-color-scheme="default" data-md-color-primary="indigo">
<main class="md-typeset">
{title_page}
{"".join(body)}
</main>
</body>
</html>
"""


def _check_links(dead: set[str], lang: str) -> None:
    """Every link into the print document must land on an id in it (a wrong rewrite would be a dead link)."""
    if dead:
        raise PluginError(f"print edition ({lang}): links to nothing in the print document: {sorted(dead)[:10]}")


def on_post_build(config):
    """Write this language's print document (each language's build runs this hook once)."""
    lang = _language()
    if _COMMAND["name"] == "serve" or not _NAV.get(lang) or len(_HTML.get(lang, {})) < len(_NAV[lang]):
        return
    start = time.perf_counter()
    document = print_document(lang, config)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / f"{lang}.html").write_text(document, encoding="utf-8")
    log.info(f"print edition: .build-cache/print/{lang}.html written in {time.perf_counter() - start:.1f} s")
