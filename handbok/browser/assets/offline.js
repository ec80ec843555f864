// Registers the handbook's service worker (sw.js at the site's root, handbok/site/offline.py), or, in a site
// built with `offline: false`, unregisters one an earlier build left and deletes its copies. The build writes
// this file with its mode; every page loads it (overrides/main.html). Browsers allow service workers only on
// HTTPS and on localhost; elsewhere this does nothing and the site works as before.
(function () {
  "use strict";
  const mode = /** @type {string} */ ("__OFFLINE__");
  const script = /** @type {HTMLScriptElement} */ (document.currentScript);
  if (!script || !("serviceWorker" in navigator) || !window.isSecureContext) return;
  const worker = new URL("../../sw.js", script.src);  // this file is assets/handbok/offline.js
  const scope = new URL("./", worker);
  /** The service worker `active` once it has finished activating. @param {ServiceWorker} active */
  function activated(active) {
    return new Promise((resolve) => {
      const check = () => {
        if (active.state !== "activated") return;
        active.removeEventListener("statechange", check);
        resolve(active);
      };
      active.addEventListener("statechange", check);
      check();
    });
  }

  if (mode === "on") {
    const first = !navigator.serviceWorker.controller;
    navigator.serviceWorker.register(worker.href, { scope: scope.href }).catch((error) => {
      console.warn("Handboken sparas inte för läsning utan nätverk:", error);
    });
    // loaded before the worker took over: tell it what this page loaded, so it keeps that too. Only once it is
    // activated: `ready` comes while it still activates, before it has the cache to keep things in.
    if (first) {
      navigator.serviceWorker.ready.then((registration) => activated(registration.active)).then((active) =>
        active.postMessage({
          keep: [location.href, ...performance.getEntriesByType("resource").map((entry) => entry.name)],
        }));
    }
    return;
  }
  navigator.serviceWorker.getRegistrations().then(async (registrations) => {
    for (const registration of registrations) {
      if (registration.scope === scope.href) await registration.unregister();
    }
    const prefix = `handbok|${scope.pathname}|`;
    for (const name of await caches.keys()) {
      if (name.startsWith(prefix)) await caches.delete(name);
    }
  });
})();
