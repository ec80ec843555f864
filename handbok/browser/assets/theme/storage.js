// The storage helpers mkdocs-material's bundle expects as globals (`__md_scope`, `__md_hash`, `__md_get`,
// `__md_set`). The theme defines them in an inline script; this file replaces it so that the site works
// under a Content-Security-Policy without 'unsafe-inline' (overrides/partials/javascripts/base.html).
// Keys are "<site path>.<name>", as the theme's own, so saved settings carry over.
(function () {
  "use strict";
  const scope = new URL(document.currentScript.dataset.scope, location.href);
  const key = (name, within) => within.pathname + "." + name;
  window.__md_scope = scope;
  window.__md_hash = (text) => [...text].reduce((hash, char) => (hash << 5) - hash + char.charCodeAt(0), 0);
  window.__md_get = (name, storage = localStorage, within = scope) => JSON.parse(storage.getItem(key(name, within)));
  window.__md_set = (name, value, storage = localStorage, within = scope) => {
    try {
      storage.setItem(key(name, within), JSON.stringify(value));
    } catch (error) {
      // storage full or disabled: the setting is simply not remembered
    }
  };
})();
