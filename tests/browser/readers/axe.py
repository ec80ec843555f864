"""axe-core with every rule, not only the WCAG-tagged ones, at the desktop and phone widths."""

from __future__ import annotations

from playwright.sync_api import Page

from ..conftest import AXE

WIDTHS = (1280, 360)


def axe_all_rules(page: Page) -> list[dict]:
    """Serious and critical violations of every axe-core rule."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("() => axe.run(document)")
    return [{"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]}
            for v in result["violations"] if v["impact"] in ("serious", "critical")]
