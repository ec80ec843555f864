// Runs the handbook's calculators in Pyodide, off the main thread.
// The build (handbok/embed.py) fills in the Pyodide version and the wheel's file name.
// Messages in: {id, name, inputs}. Messages out: {type: "ready", ms, loadMs} (start-up and
// loadPyodide alone, in ms), {type: "error", message},
// {id, result} where result is what calculators.run(name, inputs) returns.
import { loadPyodide } from "../pyodide/__PYODIDE_VERSION__/pyodide.mjs";

const runtimeURL = new URL("../pyodide/__PYODIDE_VERSION__/", import.meta.url);
const wheelURL = new URL("__WHEEL__", runtimeURL);
// No package is ever loaded, so a lock file without packages saves a request and keeps
// Pyodide from ever looking elsewhere for one.
const lockFileContents = JSON.stringify({ info: __LOCK_INFO__, packages: {} });

async function start() {
  const started = performance.now();
  let loadMs = 0;
  const [pyodide, wheel] = await Promise.all([
    loadPyodide({ indexURL: runtimeURL.href, packageBaseUrl: runtimeURL.href, lockFileContents }).then((py) => {
      loadMs = performance.now() - started;
      return py;
    }),
    fetch(wheelURL).then((response) => {
      if (!response.ok) throw new Error(`${wheelURL.pathname}: HTTP ${response.status}`);
      return response.arrayBuffer();
    }),
  ]);
  pyodide.unpackArchive(new Uint8Array(wheel), "wheel");
  const run = pyodide.runPython(
    "import json, calculators\n" +
    "def _run(name, inputs):\n" +
    "    return json.dumps(calculators.run(name, json.loads(inputs)), ensure_ascii=False)\n" +
    "_run"
  );
  return { run, ms: Math.round(performance.now() - started), loadMs: Math.round(loadMs) };
}

const ready = start();

ready.then(
  ({ ms, loadMs }) => postMessage({ type: "ready", ms, loadMs }),
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
