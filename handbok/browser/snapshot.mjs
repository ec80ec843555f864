// Makes the memory snapshot the site's worker starts from: Pyodide with Python started, the calculators
// imported and run once, and every module of the trimmed standard library imported, so a reader's browser
// skips Python's own start-up and needs no library zip. Written packed (assets/snapshot_packing.mjs), gzipped.
// Usage: node snapshot.mjs <pyodide dir> <wheel> <python_stdlib.zip> <out.gz>   (called by handbok/snapshot.py)
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { pack } from "./assets/snapshot_packing.mjs";

const [pyodideDir, wheel, stdlib, out] = process.argv.slice(2).map((p) => path.resolve(p));
const { loadPyodide } = await import(pathToFileURL(path.join(pyodideDir, "pyodide.mjs")).href);
const info = JSON.parse(readFileSync(path.join(pyodideDir, "pyodide-lock.json"), "utf8")).info;

// The same options as the worker, and a fixed environment: nothing of this machine goes in.
// PYTHONOPTIMIZE=2 compiles the library without docstrings, which no calculator reads (-6 % gzip).
const pyodide = await loadPyodide({
  indexURL: pyodideDir + path.sep,
  packageBaseUrl: pyodideDir + path.sep,
  stdLibURL: stdlib,
  lockFileContents: JSON.stringify({ info, packages: {} }),
  env: { HOME: "/home/pyodide", PYTHONOPTIMIZE: "2" },
  _makeSnapshot: true,
});
pyodide.unpackArchive(new Uint8Array(readFileSync(wheel)), "wheel");
// Each calculator once, so whatever it imports on first use is in the snapshot too; then every module of
// the trimmed library (the measured list of what the calculators import), so the site's worker can mount an
// empty library in its place (EMPTY_STDLIB in handbok/browser/stdlib.py).
pyodide.runPython(`
import gc, importlib, json, sys, zipfile, calculators
for name in calculators.NAMES:
    json.dumps(calculators.run(name, calculators.SPECS[name].example), allow_nan=False)
for path in zipfile.ZipFile(next(p for p in sys.path if p.endswith(".zip"))).namelist():
    if path.endswith(".py"):
        importlib.import_module(path.removesuffix(".py").removesuffix("/__init__").replace("/", "."))
gc.collect()
`);
zeroFreeMemory(pyodide._module);
const packed = pack(pyodide.makeMemorySnapshot(), readFileSync(path.join(pyodideDir, "pyodide.asm.wasm")));
writeFileSync(out, gzipSync(packed, { level: 9 }));

// The snapshot is the whole heap, and memory that Python's start-up used and freed still holds its old
// bytes (source text, syntax trees), which compress badly: fill every free block with zeros
// (-17 % gzip). malloc may not grow the heap meanwhile, so the snapshot keeps its size; then all is freed.
function zeroFreeMemory(module) {
  module._malloc_set_footprint_limit(module._malloc_footprint());
  const blocks = [];
  for (let size = 1 << 22; size >= 8; size >>= 1) {
    for (let block = module._malloc(size); block; block = module._malloc(size)) {
      module.HEAPU8.fill(0, block, block + size);
      blocks.push(block);
    }
  }
  blocks.forEach((block) => module._free(block));
  module._malloc_set_footprint_limit(-1 >>> 0);
}
