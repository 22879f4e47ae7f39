"""Regenerate everything the pages show that code produces: section outputs and figures.

    python -m tools.regenerate            # all snippet files
    python -m tools.regenerate data_ops   # files whose path contains 'data_ops'

Each snippet file runs in a fresh interpreter, in an empty working directory (like a reader running
``python snippets/<chapter>/<file>.py``). What each section prints goes to
``snippets/<chapter>/outputs/<file>.txt``; every ``.svg`` the file saves goes to ``docs/assets/figures/``.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from .snippets import FIGURES, ROOT, format_outputs, output_file, rel, reset_state, run_file, snippet_files


def run_isolated(path: Path) -> tuple[dict[str, str], dict[str, bytes]]:
    """Run one snippet file in a fresh interpreter and temporary directory; return outputs and figures."""
    with tempfile.TemporaryDirectory(prefix="snippet-") as tmp:
        proc = subprocess.run(
            [sys.executable, "-m", "tools.regenerate", "--child", str(path)],
            cwd=tmp,
            env={**__import__("os").environ, "PYTHONPATH": str(ROOT)},
            capture_output=True,
            text=True,
        )
        if proc.returncode != 0:
            raise SystemExit(f"snippets/{rel(path)} failed:\n{proc.stderr}")
        outputs = json.loads(proc.stdout)
        figures = {p.name: p.read_bytes() for p in Path(tmp).rglob("*.svg")}
    return outputs, figures


def child(path: str) -> None:
    """Inside the fresh interpreter: run the file section by section and print the outputs as JSON."""
    reset_state()
    outputs = run_file(Path(path))
    sys.stdout.write(json.dumps(outputs))


def main(argv: list[str]) -> int:
    if argv[:1] == ["--child"]:
        child(argv[1])
        return 0
    files = [f for f in snippet_files() if not argv or any(a in rel(f) for a in argv)]
    if not files:
        print(f"no snippet file matches {argv}", file=sys.stderr)
        return 1
    FIGURES.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(run_isolated, files))
    changed = 0
    for path, (outputs, figures) in zip(files, results, strict=True):
        out_path = output_file(path)
        text = format_outputs(outputs)
        targets = {out_path: text.encode()} if text else {}
        targets.update({FIGURES / name: data for name, data in figures.items()})
        if not text and out_path.exists():
            out_path.unlink()
            changed += 1
        for target, data in targets.items():
            if not target.exists() or target.read_bytes() != data:
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(data)
                changed += 1
                print(f"updated {target.relative_to(ROOT)}")
    print(f"{len(files)} snippet files run, {changed} files updated in {time.perf_counter() - start:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
