// Runs the calculators' shared test vectors inside real Pyodide under Node, offline.
// Usage: node run_vectors.mjs <pyodide dir> <python_stdlib.zip> <wheel> <vector_check.py> <vectors.json> [<snapshot.gz>]
// The standard library is the one the site ships for the path (handbok/browser/stdlib.py): the trimmed one,
// or with a snapshot the empty one, as Pyodide then starts from the snapshot as the site's worker does
// (unpacked: handbok/browser/assets/snapshot_packing.mjs) and the wheel is not unpacked.
// Prints JSON: {"python": version, "problems": [...], "results": [run() output per vector]}.
import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { gunzipSync } from "node:zlib";
import { unpack } from "../../handbok/browser/assets/snapshot_packing.mjs";

const [pyodideDir, stdlib, wheel, checker, vectors, snapshot] = process.argv.slice(2).map((p) => path.resolve(p));
const { loadPyodide } = await import(pathToFileURL(path.join(pyodideDir, "pyodide.mjs")).href);
const info = JSON.parse(readFileSync(path.join(pyodideDir, "pyodide-lock.json"), "utf8")).info;
const wasm = readFileSync(path.join(pyodideDir, "pyodide.asm.wasm"));

// A lock file without packages, as in the site's worker: nothing is ever fetched from a CDN.
const pyodide = await loadPyodide({
  indexURL: pyodideDir + path.sep,
  lockFileContents: JSON.stringify({ info, packages: {} }),
  packageBaseUrl: pyodideDir + path.sep,
  stdLibURL: stdlib,
  ...(snapshot ? { _loadSnapshot: unpack(gunzipSync(readFileSync(snapshot)), wasm) } : {}),
});
if (!snapshot) pyodide.unpackArchive(new Uint8Array(readFileSync(wheel)), "wheel");
pyodide.FS.mkdirTree("/vectors");
pyodide.FS.writeFile("/vectors/vector_check.py", readFileSync(checker));
pyodide.FS.writeFile("/vectors/vectors.json", readFileSync(vectors));
const output = pyodide.runPython(`
import json, sys
sys.path.insert(0, "/vectors")
import calculators
from vector_check import check_vectors

vectors = json.loads(open("/vectors/vectors.json", encoding="utf-8").read())
json.dumps({
    "python": sys.version.split()[0],
    "platform": sys.platform,
    "problems": check_vectors("/vectors/vectors.json"),
    "results": [calculators.run(v["name"], v["inputs"]) for v in vectors],
}, ensure_ascii=False, allow_nan=False)
`);
process.stdout.write(output + "\n");
