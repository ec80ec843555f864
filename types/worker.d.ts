// The worker imports Pyodide from a path the build fills in (handbok/browser/embed.py); its types are
// those of the npm package the build copies the runtime from.
declare module "*/pyodide.mjs" {
  export { loadPyodide } from "pyodide";
}

/** Replaced by the build with the `info` object of Pyodide's lock file. */
declare const __LOCK_INFO__: object;
declare const __SIZES__: Record<string, number>;
/** Replaced by the build (handbok/site/offline.py): paths under the site the service worker leaves alone. */
declare const __SKIPPED__: string[];
/** Replaced by the build: the calculators' runtime (relative to the site) and what marks a page with a calculator. */
declare const __RUNTIME__: string[];
declare const __CALCULATOR__: string;
