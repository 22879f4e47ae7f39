"""Translations: fail the build when a page exists in one language only (the i18n plugin would silently fall back)."""

from __future__ import annotations

from mkdocs.exceptions import PluginError

from tools.checks import missing_translations


def on_config(config):
    problems = missing_translations()
    if problems:
        raise PluginError("\n".join(problems))
    return config
