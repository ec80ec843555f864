// Restores the reader's saved colour scheme before the page is painted, as mkdocs-material's inline
// palette script does; a file so that a strict Content-Security-Policy allows it.
(function () {
  "use strict";
  const saved = window.__md_get && __md_get("__palette");
  if (!saved || !saved.color) return;
  const color = saved.color;
  if (color.media === "(prefers-color-scheme)") {
    const light = matchMedia("(prefers-color-scheme: light)").matches;
    const input = document.querySelector(`[data-md-color-media='(prefers-color-scheme: ${light ? "light" : "dark"})']`);
    if (input) {
      for (const name of ["media", "scheme", "primary", "accent"]) color[name] = input.getAttribute("data-md-color-" + name);
    }
  }
  for (const [name, value] of Object.entries(color)) document.body.setAttribute("data-md-color-" + name, value);
})();
