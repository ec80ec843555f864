"""Repeat visits and reading without network: the service worker at the site's root and the script that
registers it, written into any built site by the shared post-steps (handbok/site/steps.py).

`sw.js` sits at the root so its scope is the whole site, under any base path; every page loads
`assets/handbok/offline.js` (overrides/main.html), which registers it relative to its own address. The worker's
cache is named after a stamp of the built files, so a new build gets a new cache and removes the old one when
it takes over. With the option `offline: false` (the `handbok` plugin in mkdocs.yml) the site has no worker,
and the same script unregisters one an earlier build left. Design and measurements: docs/om/beslut.md.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from pathlib import Path

from handbok.browser.compress import COMPRESSORS
from handbok.browser.embed import ASSET_SRC, FORM_START

SERVICE_WORKER = "sw.js"
REGISTRATION = "assets/handbok/offline.js"
SKIPPED = ("redigera/", "livereload/")
"""Paths the worker leaves to the network: the form editor (its own CSP, a Git service behind it) and the
preview's reload requests."""


def write(site_dir: Path, enabled: bool, runtime: Sequence[str] = ()) -> None:
    """Write the registration script with its mode and, when `enabled`, the worker with the build's stamp and
    the calculators' `runtime` (embed.runtime_urls), which it keeps when the first page a reader opens has a
    calculator. Call it after every other file of the site is written (the stamp covers them), before
    precompressing."""
    registration = (ASSET_SRC / "offline.js").read_text(encoding="utf-8")
    target = site_dir / REGISTRATION
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(registration.replace("__OFFLINE__", "on" if enabled else "off"), encoding="utf-8")
    worker = site_dir / SERVICE_WORKER
    worker.unlink(missing_ok=True)
    if enabled:
        source = (ASSET_SRC / "sw.js").read_text(encoding="utf-8")
        worker.write_text(source.replace("__BUILD__", build_stamp(site_dir))
                          .replace("__SKIPPED__", json.dumps(list(SKIPPED)))
                          .replace("__RUNTIME__", json.dumps(list(runtime)))
                          .replace("__CALCULATOR__", json.dumps(FORM_START)), encoding="utf-8")


def build_stamp(site_dir: Path) -> str:
    """A hash of every file's path and content (not the precompressed copies, which follow from the files, nor
    what the worker leaves alone, such as the form editor written after it): the same files give the same
    stamp, any change a new one."""
    digest = hashlib.sha256()
    for path in sorted(p for p in site_dir.rglob("*") if p.is_file()):
        relative = path.relative_to(site_dir).as_posix()
        if (relative == SERVICE_WORKER or relative.startswith(SKIPPED)
                or (path.suffix in COMPRESSORS and path.with_suffix("").is_file())):
            continue
        digest.update(relative.encode("utf-8") + b"\0")
        with path.open("rb") as handle:
            digest.update(hashlib.file_digest(handle, "sha256").digest())
    return digest.hexdigest()[:16]
