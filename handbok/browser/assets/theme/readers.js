// Reader helpers that the theme lacks, from a file so a strict Content-Security-Policy allows them.
// Runs again after every instant navigation (the theme's `document$`).
(function () {
  "use strict";

  // A wide table scrolls sideways on a phone: make its scroll region reachable by keyboard (WCAG 2.1.1).
  function focusableTables() {
    const wraps = /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll(".md-typeset__scrollwrap:not([tabindex])"));
    for (const wrap of wraps) {
      const caption = wrap.querySelector("th");
      wrap.tabIndex = 0;
      wrap.setAttribute("role", "region");
      wrap.setAttribute("aria-label", "Tabell" + (caption ? ": " + caption.textContent.trim() : ""));
    }
  }

  // The 404 page's "Sök i handboken" is a label for the theme's search toggle; let Enter and Space open it,
  // and put the cursor in the search field.
  function searchLabels() {
    const labels = /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll(".handbok-404__search"));
    for (const label of labels) {
      label.addEventListener("keydown", (event) => {
        if (event.key === "Enter" || event.key === " ") {
          event.preventDefault();
          label.click();
        }
      });
      label.addEventListener("click", () => {
        setTimeout(() => /** @type {HTMLElement | null} */ (document.querySelector(".md-search__input"))?.focus());
      });
    }
  }

  // The feedback e-mails carry the page's address relative to the site; give the full one the reader sees.
  function feedbackAddress() {
    const links = /** @type {NodeListOf<HTMLAnchorElement>} */ (document.querySelectorAll(".handbok-feedback a[href^='mailto:']"));
    for (const link of links) {
      const url = new URL(link.href);
      const body = url.searchParams.get("body");
      if (body && !body.includes(location.origin)) {
        url.searchParams.set("body", body.replace(/^Adress: .*$/m, "Adress: " + location.href.split("#")[0]));
        link.href = url.href.replace(/\+/g, "%20");
      }
    }
  }

  function run() {
    focusableTables();
    searchLabels();
    feedbackAddress();
  }

  if (window.document$) {
    window.document$.subscribe(run);
  } else {
    document.addEventListener("DOMContentLoaded", run);
  }
})();
