"""The 404 page is no page of either language: its switcher offers the language home pages, its <head> has no
hreflang links (Material would fetch <href>/sitemap.xml from them), and it loads without console errors."""

from __future__ import annotations

from tools.serve import LANG_PREFIX


def test_404_page_switcher_and_head(desktop, base_url):
    tab = desktop.new_page()
    errors = []
    tab.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" and "404" not in msg.text else None)
    response = tab.goto(base_url + "no-such-page/", wait_until="networkidle")
    assert response.status == 404
    switcher = tab.eval_on_selector_all(".md-select__link", "links => links.map(a => a.href)")
    assert switcher == [base_url + LANG_PREFIX[lang] for lang in LANG_PREFIX], f"404 switcher: {switcher}"
    assert tab.eval_on_selector_all("head link[hreflang]", "links => links.length") == 0
    assert tab.get_attribute(".md-search", "aria-label"), "the search dialog has no accessible name"
    assert not errors, f"console errors on the 404 page: {errors}"
    tab.close()
