"""Translations: fail the build when a page exists in one language only (the i18n plugin would silently fall back)."""

from __future__ import annotations

from mkdocs.exceptions import PluginError

from tools.pages import LANGS, pages


def on_config(config):
    found = {lang: set(pages(lang)) for lang in LANGS}
    for lang in LANGS:
        for other in LANGS:
            for missing in sorted(found[lang] - found[other]):
                raise PluginError(
                    f"docs/{lang}/{missing.as_posix()} has no translation: create docs/{other}/{missing.as_posix()}"
                )
    return config
