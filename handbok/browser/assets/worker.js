// Runs the handbook's calculators in Pyodide, off the main thread.
// The build (handbok/browser/embed.py) fills in the Pyodide version, the wheel's and the snapshot's names,
// and a `?v=` for the module that unpacks the snapshot.
// Messages in: {id, name, inputs}. Messages out: {type: "progress", loaded, total} (bytes of the
// runtime downloaded so far and expected in all), {type: "ready", ms, loadMs, via} (start-up and
// loadPyodide alone, in ms; via "snapshot" or "wheel"), {type: "error", message},
// {id, result} where result is what calculators.run(name, inputs) returns.
import { loadPyodide } from "../pyodide/__PYODIDE_VERSION__/pyodide.mjs";

const runtimeURL = new URL("../pyodide/__PYODIDE_VERSION__/", import.meta.url);
const wheelURL = new URL("__WHEEL__", runtimeURL);
// Empty when the site is built with the plugin option `snapshot: false`.
const snapshotName = "__SNAPSHOT__";
const wasmURL = new URL("pyodide.asm.wasm", runtimeURL);
// No package is ever loaded, so a lock file without packages saves a request and keeps
// Pyodide from ever looking elsewhere for one.
// The trimmed standard library keeps Pyodide's file name; `?v=` changes with its content, so the service
// worker (sw.js) can keep it like the other files of the versioned folder.
const options = {
  indexURL: runtimeURL.href,
  stdLibURL: new URL("python_stdlib.zip?v=__STDLIB_HASH__", runtimeURL).href,
  packageBaseUrl: runtimeURL.href,
  lockFileContents: JSON.stringify({ info: __LOCK_INFO__, packages: {} }),
};

// Sizes the build knows of the files loadPyodide fetches (after any Content-Encoding is undone);
// for the others (snapshot, wheel) the response's Content-Length counts, as servers send them as they are.
const knownSizes = __SIZES__;
const PROGRESS_EVERY_MS = 250;
let loaded = 0;
let total = 0;
let reportedAt = 0;

function reportProgress(force) {
  const now = performance.now();
  if (!force && now - reportedAt < PROGRESS_EVERY_MS) return;
  reportedAt = now;
  postMessage({ type: "progress", loaded, total: Math.max(total, loaded) });
}

// Every response from the runtime's folder passes through a counter, loadPyodide's own fetches
// included, so the page can show honest progress. The body is passed on unchanged.
const nativeFetch = globalThis.fetch;
globalThis.fetch = async function countedFetch(input, init) {
  if (wasmForPyodide && new URL(String(input), runtimeURL).href === wasmURL.href) {
    const response = wasmForPyodide;
    wasmForPyodide = null;
    return response;
  }
  const response = await nativeFetch(input, init);
  const url = new URL(response.url || String(input), runtimeURL);
  if (!response.ok || !response.body || !url.href.startsWith(runtimeURL.href)) return response;
  const name = url.pathname.split("/").pop();
  const length = response.headers.get("Content-Encoding") ? 0 : Number(response.headers.get("Content-Length"));
  total += knownSizes[name] || length || 0;
  reportProgress(true);
  const counter = new TransformStream({
    transform(chunk, controller) {
      loaded += chunk.byteLength;
      reportProgress(false);
      controller.enqueue(chunk);
    },
    flush() { reportProgress(true); },
  });
  return new Response(response.body.pipeThrough(counter), { status: response.status, headers: response.headers });
};

async function download(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url.pathname}: HTTP ${response.status}`);
  return response;
}

/** @type {Promise<Response> | null} the WebAssembly download that Pyodide's own fetch of it is given */
let wasmForPyodide = null;

// The build's memory snapshot (handbok/browser/snapshot.py): Python already started, the calculators and the
// whole trimmed library imported, so Pyodide mounts an empty library. Fetched and unzipped while the
// WebAssembly downloads; that one download is split in two: Pyodide compiles one half, and the other gives
// back the static data the build left out of the snapshot (snapshot_packing.mjs).
function fromSnapshot() {
  const packing = import("./snapshot_packing.mjs");
  const halves = download(wasmURL).then((response) => {
    const [forPyodide, forSnapshot] = response.body.tee();
    const bytes = new Response(forSnapshot).arrayBuffer();
    return { forPyodide: new Response(forPyodide, { headers: response.headers }), bytes };
  });
  wasmForPyodide = halves.then(({ forPyodide }) => forPyodide);
  const snapshot = download(new URL(snapshotName, runtimeURL))
    .then((response) => new Response(response.body.pipeThrough(new DecompressionStream("gzip"))).arrayBuffer())
    .then(async (unzipped) => {
      const [{ unpack }, { bytes }] = await Promise.all([packing, halves]);
      return unpack(new Uint8Array(unzipped), new Uint8Array(await bytes));
    });
  return loadPyodide({ ...options, stdLibURL: new URL("__EMPTY_STDLIB__", runtimeURL).href, _loadSnapshot: snapshot });
}

// Pyodide's normal start, then our wheel: used when the snapshot cannot be.
async function fromWheel() {
  wasmForPyodide = null; // a snapshot start that failed before Pyodide asked for it
  const [pyodide, wheel] = await Promise.all([
    loadPyodide(options),
    download(wheelURL).then((response) => response.arrayBuffer()),
  ]);
  pyodide.unpackArchive(new Uint8Array(wheel), "wheel");
  return pyodide;
}

function entry(pyodide) {
  return pyodide.runPython(
    "import json, calculators\n" +
    "def _run(name, inputs):\n" +
    "    return json.dumps(calculators.run(name, json.loads(inputs)), ensure_ascii=False)\n" +
    "_run"
  );
}

async function start() {
  const started = performance.now();
  const since = () => Math.round(performance.now() - started);
  const begun = (pyodide, via) => {
    const loadMs = since();
    return { run: entry(pyodide), via, loadMs, ms: since() };
  };
  if (snapshotName) {
    try {
      return begun(await fromSnapshot(), "snapshot");
    } catch (error) {
      console.warn("Räknaren startar utan ögonblicksbild:", error);
    }
  }
  return begun(await fromWheel(), "wheel");
}

const ready = start();

ready.then(
  ({ ms, loadMs, via }) => postMessage({ type: "ready", ms, loadMs, via }),
  (error) => {
    console.error(error);
    postMessage({
      type: "error",
      message: "Räknaren kunde inte startas. Ladda om sidan och försök igen. " +
        "Om felet finns kvar, kontakta kvalitetsenheten.",
    });
  },
);

onmessage = async (event) => {
  const { id, name, inputs } = event.data;
  let run;
  try {
    ({ run } = await ready);
  } catch {
    return; // the start-up failure has already been reported
  }
  try {
    postMessage({ id, result: JSON.parse(run(name, JSON.stringify(inputs))) });
  } catch (error) {
    console.error(error);
    postMessage({ id, result: { ok: false, errors: [{ field: "", message: "Räknaren råkade ut för ett fel. Kontrollera värdena och försök igen." }] } });
  }
};
