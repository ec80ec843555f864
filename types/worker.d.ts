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
