// Starts the calculator worker from the <head> of a page with a calculator, so Pyodide loads while the
// page is parsed. A file, not an inline script, so a strict Content-Security-Policy allows it.
// calculator.js adopts the worker (window.handbokWorker) and replays the messages kept in `early`.
(function () {
  "use strict";
  performance.mark("handbok-calc-start");
  try {
    const worker = /** @type {EarlyWorker} */ (new Worker(document.currentScript.dataset.worker, { type: "module" }));
    worker.early = [];
    worker.onmessage = worker.onerror = (/** @type {Event} */ event) => {
      event.preventDefault();
      worker.early.push(event);
    };
    window.handbokWorker = worker;
  } catch (error) {
    // calculator.js starts the worker itself and reports a failure in Swedish
  }
})();
