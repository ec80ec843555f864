// The handbook's service worker: pages a reader has visited and the calculators' runtime open again without
// the network. The build (handbok/site/offline.py) writes it to the site's root, so its scope is the whole
// site wherever the site is served, with the build's stamp, the paths it leaves alone and the calculators'
// runtime filled in.
// - Pages and files with a fixed name (HTML, calculator.js, search script): network first (asking the server
//   even when the HTTP cache has a copy), the copy from the last visit when the network fails.
// - Files whose address changes with their content (Pyodide's folder carries its version, the wheel and
//   snapshot the calculators' hash, worker.js and the standard library a `?v=`, the theme's bundles a hash):
//   the cache first, so a second visit starts the calculator without downloading it again.
// - Never: other origins, other methods than GET, partial responses, paths outside the site or left alone.
// A new build has a new stamp, so a new cache; the old one is deleted when the new worker takes over, and the
// open pages (with the runtime, for a page with a calculator) are kept anew: the first page a reader opens was
// loaded before the worker existed.
const BUILD = "__BUILD__";
const SKIPPED = __SKIPPED__;
const RUNTIME = __RUNTIME__;
const CALCULATOR = __CALCULATOR__;
const sw = /** @type {ServiceWorkerGlobalScope} */ (/** @type {unknown} */ (self));
const scope = new URL("./", sw.location.href);
const PREFIX = `handbok|${scope.pathname}|`;
const CACHE = PREFIX + BUILD;
const VERSIONED = [
  /^assets\/pyodide\/[^/]+\//,
  /[?&]v=/,
  /\.[0-9a-f]{8,}\.min\.(?:js|css)$/,
  /^pagefind\/(?:fragment|index)\//,
];

sw.addEventListener("install", () => {
  sw.skipWaiting();
});

sw.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
    }
    const cache = await caches.open(CACHE); // before any page is controlled: ownCache() finds it from then on
    await sw.clients.claim();
    const pages = await sw.clients.matchAll({ type: "window" });
    await Promise.all(pages.map((page) => keep(cache, page.url).catch(() => undefined)));
  })());
});

// The cache while it exists: created when the worker takes over; once a newer build's worker or a build with
// `offline: false` (offline.js) has deleted it, this worker, which may still serve an open page, keeps nothing
// more instead of creating it anew.
async function ownCache() {
  return (await caches.has(CACHE)) ? caches.open(CACHE) : null;
}

// The pages open when the worker takes over were loaded before it, and so was a calculator's runtime:
// keep them now (mostly from the browser's HTTP cache, which has just fetched them).
async function keep(cache, url) {
  const address = url.split("#")[0];
  const response = await fetch(address);
  if (!storable(response)) return;
  await cache.put(address, response.clone());
  if ((await response.text()).includes(CALCULATOR)) {
    await cache.addAll(RUNTIME.map((path) => new URL(path, scope).href));
  }
}

// A page loaded before the worker took over sends the addresses of what it loaded (offline.js).
sw.addEventListener("message", (event) => {
  const urls = event.data && Array.isArray(event.data.keep) ? event.data.keep : [];
  event.waitUntil(ownCache().then((cache) => cache && Promise.all(
    urls.filter((url) => handled(new URL(url, scope))).map((url) => cache.add(url).catch(() => undefined)))));
});

/** An address this worker keeps: on this site, under its scope, not a path it leaves alone. @param {URL} url */
function handled(url) {
  if (url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) return false;
  const path = url.pathname.slice(scope.pathname.length) + url.search;
  return !SKIPPED.some((skipped) => path.startsWith(skipped));
}

sw.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || request.headers.has("range") || !handled(url)) return;
  const path = url.pathname.slice(scope.pathname.length) + url.search;
  const versioned = VERSIONED.some((pattern) => pattern.test(path));
  event.respondWith(versioned ? cacheFirst(event) : networkFirst(event));
});

/** @param {Response} response */
function storable(response) {
  return response.status === 200 && response.type === "basic";
}

/** @param {FetchEvent} event */
async function networkFirst(event) {
  const cache = await ownCache();
  try {
    // `no-cache`: ask the server every time (a short answer when nothing changed), so a reader never gets an
    // older page from the browser's HTTP cache while the network is there
    const response = await fetch(event.request, { cache: "no-cache" });
    if (cache && storable(response)) event.waitUntil(cache.put(event.request, response.clone()));
    return response;
  } catch (error) {
    const copy = cache && await cache.match(event.request, { ignoreVary: true });
    if (copy) return copy;
    throw error;
  }
}

/** @param {FetchEvent} event */
async function cacheFirst(event) {
  const cache = await ownCache();
  const copy = cache && await cache.match(event.request, { ignoreVary: true });
  if (copy) return copy;
  const response = await fetch(event.request);
  if (cache && storable(response)) event.waitUntil(cache.put(event.request, response.clone()));
  return response;
}
