// Makes the memory snapshot the site's worker starts from: Pyodide with Python started and the
// calculators imported and run once, so a reader's browser skips Python's own start-up.
// Usage: node snapshot.mjs <pyodide dir> <wheel> <out.gz>   (called by handbok/snapshot.py)
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";

const [pyodideDir, wheel, out] = process.argv.slice(2).map((p) => path.resolve(p));
const { loadPyodide } = await import(pathToFileURL(path.join(pyodideDir, "pyodide.mjs")).href);
const info = JSON.parse(readFileSync(path.join(pyodideDir, "pyodide-lock.json"), "utf8")).info;

// The same options as the worker, and a fixed environment: nothing of this machine goes in.
const pyodide = await loadPyodide({
  indexURL: pyodideDir + path.sep,
  packageBaseUrl: pyodideDir + path.sep,
  lockFileContents: JSON.stringify({ info, packages: {} }),
  env: { HOME: "/home/pyodide" },
  _makeSnapshot: true,
});
pyodide.unpackArchive(new Uint8Array(readFileSync(wheel)), "wheel");
// Each calculator once, so whatever it imports on first use is in the snapshot too.
pyodide.runPython(`
import json, calculators
for name in calculators.NAMES:
    json.dumps(calculators.run(name, calculators.SPECS[name].example), allow_nan=False)
`);
writeFileSync(out, gzipSync(pyodide.makeMemorySnapshot(), { level: 6 }));
