"""Live preview (`make serve`): `mkdocs serve`, with what it renders kept current while you write.

Before serving, and again whenever a snippet or a page changes, it runs what `make build` runs first:
``python -m tools.regenerate`` (re-runs the snippet files whose code changed, rewriting their outputs and figures)
and ``python -m tools.generate`` (the chapter notebooks). MkDocs watches docs/ and snippets/ itself, so the files
they rewrite reload the page once more. Neither step runs inside MkDocs: the hooks only transform content.
"""

from __future__ import annotations

import subprocess
import sys
import threading

from watchdog.events import FileSystemEventHandler
from watchdog.observers import Observer

from .site import NOTEBOOKS, SITE
from .snippets import OUTPUT_DIR

STEPS = (["-m", "tools.regenerate"], ["-m", "tools.generate"])
QUIET_SECONDS = 0.5  # an editor's save is several events: run once they stop


def prepare() -> bool:
    """Regenerate outputs, then notebooks; report a failure and keep serving what was there."""
    for step in STEPS:
        proc = subprocess.run([sys.executable, *step], cwd=SITE.root, check=False)
        if proc.returncode != 0:
            print(f"preview: `python {' '.join(step)}` failed (see above); the pages show the last good state")
            return False
    return True


class Sources(FileSystemEventHandler):
    """Snippet code and Markdown pages, not what the steps themselves write (outputs, figures, notebooks)."""

    def __init__(self, changed: threading.Event):
        self.changed = changed

    def on_any_event(self, event) -> None:
        path = str(event.src_path)
        if event.event_type in ("opened", "closed", "closed_no_write"):
            return
        if f"/{NOTEBOOKS}/" in path or f"/{OUTPUT_DIR}/" in path or "__pycache__" in path:
            return
        if path.endswith((".py", ".md")):
            self.changed.set()


def main(argv: list[str]) -> int:
    prepare()
    changed = threading.Event()
    observer = Observer()
    for folder in (SITE.snippets, SITE.docs):
        observer.schedule(Sources(changed), str(folder), recursive=True)
    observer.start()
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", *argv], cwd=SITE.root)
    try:
        while server.poll() is None:
            if changed.wait(timeout=1.0):
                while changed.wait(timeout=QUIET_SECONDS):  # until the saves stop
                    changed.clear()
                prepare()
    except KeyboardInterrupt:
        server.terminate()
    finally:
        observer.stop()
        observer.join()
    return server.wait()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
