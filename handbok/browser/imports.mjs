// Records which standard-library files Pyodide reads while it starts, unpacks the calculators'
// wheel and runs every vector: the measurement handbok/browser/stdlib.py trims the library to.
// Usage: node imports.mjs <pyodide dir> <wheel> <vectors.json>
// Prints JSON: the sorted paths, inside the standard-library zip, of every module Python imported from it.
import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const [pyodideDir, wheel, vectors] = process.argv.slice(2).map((p) => path.resolve(p));
const { loadPyodide } = await import(pathToFileURL(path.join(pyodideDir, "pyodide.mjs")).href);
const info = JSON.parse(readFileSync(path.join(pyodideDir, "pyodide-lock.json"), "utf8")).info;

// The worker's options, with the whole library, so nothing is missing while we measure.
const pyodide = await loadPyodide({
  indexURL: pyodideDir + path.sep,
  packageBaseUrl: pyodideDir + path.sep,
  lockFileContents: JSON.stringify({ info, packages: {} }),
  env: { HOME: "/home/pyodide" },
});
pyodide.unpackArchive(new Uint8Array(readFileSync(wheel)), "wheel");
pyodide.FS.writeFile("/tmp/vectors.json", readFileSync(vectors));
const output = pyodide.runPython(`
import json, sys
import calculators
for vector in json.load(open("/tmp/vectors.json", encoding="utf-8")):
    json.dumps(calculators.run(vector["name"], vector["inputs"]), ensure_ascii=False, allow_nan=False)
for name in calculators.NAMES:
    json.dumps(calculators.run(name, calculators.SPECS[name].example), allow_nan=False)
prefix = next(p for p in sys.path if p.endswith(".zip")) + "/"
files = {getattr(module, "__file__", None) or "" for module in list(sys.modules.values())}
json.dumps(sorted(f.removeprefix(prefix) for f in files if f.startswith(prefix)))
`);
process.stdout.write(output + "\n");
