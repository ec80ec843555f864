"""The browser fixtures of tests/browser (built site, Chromium, the origin guard), and axe with every rule."""

from __future__ import annotations

from playwright.sync_api import Page

from browser.conftest import AXE, base_url, browser, page, traffic  # noqa: F401  (fixtures)

WIDTHS = (1280, 360)


def axe_all_rules(page: Page) -> list[dict]:
    """Serious and critical violations of every axe-core rule, not only the WCAG-tagged ones."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("() => axe.run(document)")
    return [{"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]}
            for v in result["violations"] if v["impact"] in ("serious", "critical")]
