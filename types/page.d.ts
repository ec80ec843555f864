// Globals the page scripts in handbok/browser/assets/ share with each other and with mkdocs-material.

/** calculator.js's load state, read by the tests and bench/browser.py. */
declare var handbokCalc: object | undefined;
/** mkdocs-material's observable of instant navigation (present when the theme's bundle has loaded). */
declare var document$: { subscribe(next: () => void): unknown } | undefined;

// The theme's storage helpers, defined by theme/storage.js instead of the theme's inline script.
declare var __md_scope: URL;
declare var __md_hash: (text: string) => number;
declare var __md_get: (name: string, storage?: Storage, within?: URL) => any;
declare var __md_set: (name: string, value: unknown, storage?: Storage, within?: URL) => void;
