"""Serve a built site on 127.0.0.1 from a thread, at `/` or under a path prefix, and the
Chromium the tests drive. Shared by the browser tests and bench/browser.py.

The prefix lets a test prove that the site works from any base path (e.g. /handbok/ on an intranet).
"""

from __future__ import annotations

import functools
import io
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


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

    def send_head(self):
        """Serve sitemap.xml as if `site_url` were this server's address (see `_sitemap`)."""
        if self.path.split("?")[0].endswith("/sitemap.xml"):
            return self._sitemap()
        return super().send_head()

    def _sitemap(self):
        """mkdocs-material's instant navigation only handles links found in sitemap.xml, matched
        with the port included; the site is built for `site_url` (port 8000) but served here on a
        free port, so the sitemap's origin is rewritten to this server's, as a deployment with
        the right site_url would have it."""
        path = Path(self.translate_path(self.path.split("?")[0]))
        if not path.is_file():
            self.send_error(404)
            return None
        own = f"http://{self.headers['Host']}{self.prefix}/"
        body = re.sub(r"<loc>https?://[^/<]+/", "<loc>" + own, path.read_text(encoding="utf-8")).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/xml")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

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
