"""One search index per language: site/search/search_index.json holds the Chinese pages, site/en/search/... the
English ones, so that a reader gets results in the language they read.

The i18n plugin merges every language's entries into one index (its search reconfiguration); this hook splits the
written file by location prefix and changes nothing else: the Chinese entries keep their jieba word breaks, the
English entries lose their `en/` prefix (Material resolves result locations against the index's language root).
overrides/main.html points each page's search at its language's index (`base` in Material's __config).
"""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.plugins import event_priority

from tools.site import SITE

INDEX = Path("search") / "search_index.json"


def _write(path: Path, index: dict) -> None:
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def split_index(site_dir: Path) -> dict[str, int]:
    """Split site_dir/search/search_index.json into one index per language; return the entries per language.
    Idempotent: a file without other languages' entries is left as it is."""
    path = site_dir / INDEX
    if not path.exists():
        return {}
    index = json.loads(path.read_text(encoding="utf-8"))
    others = {lang: [] for lang in SITE.langs[1:]}
    default = []
    for doc in index["docs"]:
        lang = doc["location"].split("/", 1)[0]
        if lang in others:
            doc = {**doc, "location": doc["location"].removeprefix(f"{lang}/")}
            others[lang].append(doc)
        else:
            default.append(doc)
    if not any(others.values()):
        return {SITE.default: len(default)}
    for lang, docs in others.items():
        config = {**index["config"], "lang": [lang]}
        target = site_dir / lang / INDEX
        target.parent.mkdir(parents=True, exist_ok=True)
        _write(target, {**index, "config": config, "docs": docs})
    _write(path, {**index, "docs": default})
    return {SITE.default: len(default), **{lang: len(docs) for lang, docs in others.items()}}


@event_priority(-200)  # after the i18n plugin's on_post_build (-100), which writes the merged index
def on_post_build(config):
    split_index(Path(config.site_dir))
