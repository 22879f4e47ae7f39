"""Regenerate what the pages show that code produces: section outputs and figures.

    python -m tools.regenerate              # files whose code changed since the last run (make regen)
    python -m tools.regenerate data_ops     # only files whose path contains 'data_ops'
    python -m tools.regenerate --all        # every file, changed or not
    python -m tools.regenerate --bench      # re-measure the timing snippets (bench_*.py), machine-specific

Each snippet file runs in a fresh process, in an empty working directory (like a reader running
``python snippets/<chapter>/<file>.py``: tools.site.run), as many at once as the machine has CPUs. What each
section prints goes to ``snippets/<chapter>/outputs/<file>.txt``; every ``.svg`` the file saves goes to
``docs/assets/figures/``.

A recorded output or figure is rewritten only where the new one differs beyond machine noise (tools/compare.py),
so a run on another CPU leaves the tree unchanged. Files whose code (and the runner, and torch) did not change since
the last run are skipped: the hashes live in ``.build-cache/regen.json``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from . import site
from .checks import QUICK_ARGS, outputs_agree
from .compare import figure_matches, timings_match
from .snippets import (
    FIGURES,
    ROOT,
    SnippetError,
    format_outputs,
    is_volatile,
    output_file,
    read_outputs,
    rel,
    snippet_files,
)

CACHE = site.SITE.cache / "regen.json"
RUNNER = [Path(__file__).with_name(name) for name in ("snippets.py", "site.py", "regenerate.py")]


def run_isolated(path: Path, quick: bool = False) -> tuple[dict[str, str], dict[str, str]]:
    """Run one snippet file as a reader would (tools.site.run: a fresh process, an empty directory); return its
    outputs and the figures it drew."""
    outputs, result = site.run_file(path, QUICK_ARGS if quick else [])
    return outputs, {Path(name).name: text for name, text in result.files.items() if name.endswith(".svg")}


def source_key(path: Path) -> str:
    """What a file's outputs depend on: its code, the runner, and torch."""
    from importlib.metadata import version

    digest = hashlib.sha256(version("torch").encode())
    for part in (path, *RUNNER):
        digest.update(part.read_bytes())
    return digest.hexdigest()[:20]


def merge(path: Path, outputs: dict[str, str]) -> str:
    """The outputs file to write: a recorded section is kept where the new output agrees with it up to noise."""
    if is_volatile(path):  # a measurement: always the new one
        return format_outputs(outputs)
    recorded = read_outputs(path)
    kept = {
        name: recorded[name] if name in recorded and outputs_agree(path, recorded[name], text) else text
        for name, text in outputs.items()
    }
    return format_outputs(kept)


def write(path: Path, outputs: dict[str, str], figures: dict[str, str]) -> list[Path]:
    """Write what changed beyond noise; return the files written."""
    written = []
    out_path = output_file(path)
    text = merge(path, outputs)
    if not text and out_path.exists():
        out_path.unlink()
        written.append(out_path)
    elif text and (not out_path.exists() or out_path.read_text(encoding="utf-8") != text):
        out_path.parent.mkdir(parents=True, exist_ok=True)
        out_path.write_text(text, encoding="utf-8")
        written.append(out_path)
    for name, svg in figures.items():
        target = FIGURES / name
        if not target.exists() or not figure_matches(target.read_text(encoding="utf-8"), svg):
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(svg, encoding="utf-8")
            written.append(target)
    return written


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.regenerate", description=__doc__.split("\n\n")[0])
    parser.add_argument("match", nargs="*", help="only files whose path contains one of these")
    parser.add_argument("--all", action="store_true", help="run every file, changed or not")
    parser.add_argument("--bench", action="store_true", help="re-measure the timing snippets (bench_*.py)")
    args = parser.parse_args(argv)
    files = [f for f in snippet_files() if not args.match or any(a in rel(f) for a in args.match)]
    files = [f for f in files if is_volatile(f) == args.bench]
    if not files:
        print(f"no snippet file matches {argv}", file=sys.stderr)
        return 1
    cache = json.loads(CACHE.read_text()) if CACHE.exists() else {}
    keys = {f: source_key(f) for f in files}
    todo = [f for f in files if args.all or args.bench or cache.get(rel(f)) != keys[f]]
    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        try:
            results = list(pool.map(run_isolated, todo))
        except SnippetError as exc:
            print(f"{exc}\nNothing was written.", file=sys.stderr)
            return 1
    written, reranked = [], []
    for path, (outputs, figures) in zip(todo, results, strict=True):
        if args.bench:  # a full measurement: the page's ranking claims must still hold
            recorded = read_outputs(path)
            reranked += [
                f"snippets/{rel(path)}:{n}" for n, t in outputs.items() if not timings_match(recorded.get(n, ""), t)
            ]
        written += write(path, outputs, figures)
        cache[rel(path)] = keys[path]
    CACHE.parent.mkdir(exist_ok=True)
    CACHE.write_text(json.dumps(cache, indent=1, sort_keys=True))
    for target in written:
        print(f"updated {target.relative_to(ROOT)}")
    print(
        f"{len(todo)} of {len(files)} snippet files run ({len(files) - len(todo)} unchanged), "
        f"{len(written)} files updated in {time.perf_counter() - start:.1f} s"
    )
    if reranked:
        print(f"the ranking changed in {reranked}: check what the page says about it", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
