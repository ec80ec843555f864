"""Serve a built site on 127.0.0.1 from a thread, at `/` or under a path prefix.

Used by the browser tests and by bench/browser.py. The prefix lets a test prove that the site
works from any base path (e.g. served at /handbok/ on an intranet).
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


class _Handler(SimpleHTTPRequestHandler):
    """Static files with the module and WebAssembly types browsers insist on; quiet log."""

    extensions_map = {
        **SimpleHTTPRequestHandler.extensions_map,
        ".js": "text/javascript",
        ".mjs": "text/javascript",
        ".wasm": "application/wasm",
        ".whl": "application/zip",
        ".json": "application/json",
    }
    prefix = ""

    def translate_path(self, path: str) -> str:
        if self.prefix:
            if not path.startswith(self.prefix + "/"):
                return str(Path(self.directory) / "__outside_prefix__")
            path = path[len(self.prefix):]
        return super().translate_path(path)

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serve(site_dir: Path, prefix: str = "") -> Iterator[str]:
    """Serve `site_dir` on a free port; yields the base URL (ending in /)."""
    handler = type("Handler", (_Handler,), {"prefix": prefix.rstrip("/")})
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site_dir)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}{prefix.rstrip('/')}/"
    finally:
        server.shutdown()
        server.server_close()
