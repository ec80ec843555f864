"""Serve a built site on 127.0.0.1 from a thread, at `/` or under a path prefix, and the
Chromium the tests drive. Shared by the browser tests and bench/browser.py.

The prefix lets a test prove that the site works from any base path (e.g. /handbok/ on an intranet).
"""

from __future__ import annotations

import functools
import io
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
    headers_to_send: dict[str, str] = {}
    precompressed: tuple[str, ...] = ()
    """Content codings served from a `.br` / `.gz` copy beside the file, as nginx's brotli_static
    and gzip_static do, when the browser accepts them (preferred in this order)."""

    def send_head(self):  # type: ignore[override]
        path = Path(self.translate_path(self.path))
        accepted = self.headers.get("Accept-Encoding", "")
        for coding in self.precompressed:
            copy = path.with_name(path.name + {"br": ".br", "gzip": ".gz"}[coding])
            if coding in accepted and path.is_file() and copy.is_file():
                body = copy.read_bytes()
                self.send_response(200)
                self.send_header("Content-Type", self.guess_type(str(path)))
                self.send_header("Content-Encoding", coding)
                self.send_header("Vary", "Accept-Encoding")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                return io.BytesIO(body)
        return super().send_head()

    def translate_path(self, path: str) -> str:
        if self.prefix:
            if not path.startswith(self.prefix + "/"):
                return str(Path(self.directory) / "__outside_prefix__")
            path = path[len(self.prefix):]
        return super().translate_path(path)

    def end_headers(self) -> None:
        for name, value in self.headers_to_send.items():
            self.send_header(name, value)
        super().end_headers()

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """A missing page gets the site's own 404.html, as the deployment configurations do."""
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        return None

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serve(site_dir: Path, prefix: str = "", headers: dict[str, str] | None = None,
          precompressed: tuple[str, ...] = ()) -> Iterator[str]:
    """Serve `site_dir` on a free port, with `headers` on every response and the `precompressed`
    codings ("br", "gzip") from the build's copies; yields the base URL (ending in /)."""
    handler = type("Handler", (_Handler,), {"prefix": prefix.rstrip("/"), "headers_to_send": headers or {},
                                            "precompressed": precompressed})
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site_dir)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}{prefix.rstrip('/')}/"
    finally:
        server.shutdown()
        server.server_close()
