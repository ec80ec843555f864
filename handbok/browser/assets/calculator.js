// Makes the handbook's calculator forms compute in the browser.
// An async classic script in every page's <head> (the plugin puts it there). ONE module worker per
// tab, started by the head of the first page with a calculator (or here, after instant navigation
// to one), kept across mkdocs-material's instant navigation. The worker runs
// calculators.run(name, inputs) in Pyodide; this script serialises the forms, shows errors beside
// their fields and builds the result from the `view` that Python declares (calculators/view.py).
(function () {
  "use strict";
  if (window.handbokCalc) return; // loaded twice: keep the first instance and its worker

  const scriptURL = /** @type {HTMLScriptElement} */ (document.currentScript).src;
  const DEBOUNCE_MS = 150;
  // The loading message follows the worker's download: a progress bar, the share in 10 % steps
  // (a live region must not chatter), and a slow-load notice when the measured speed says the rest
  // takes long or nothing has arrived for a while, instead of after a fixed time.
  const JUDGE_AFTER_MS = 6000; // the speed is judged after this much downloading
  const SLOW_REMAINING_S = 20; // say "slow" when the rest would take longer than this
  const STALLED_MS = 15000; // say "nothing arrives" after this long without new bytes
  const STARTING_SLOW_MS = 20000; // downloaded, but Python not started after this long
  // Read by the tests and bench/browser.py: load state, worker count, timings.
  const state = { status: "idle", workers: 0, failure: "", via: null, readyMs: null, loadPyodideMs: null, lastComputeMs: null, longestTaskMs: 0, loaded: 0, total: 0 };
  const download = { started: 0, changed: 0, done: 0 }; // performance.now() of start, last bytes, end
  let loadingTimer = null;
  const sentAt = new Map(); // request id -> performance.now() when posted
  const latest = new WeakMap(); // calculator element -> id of its newest request
  const pending = new Map(); // request id -> calculator element
  let worker = null;
  let nextId = 1;
  window.handbokCalc = state;

  // Runs a handler and keeps the longest time this widget held the main thread (goal: < 50 ms).
  function timed(handler) {
    return function () {
      const start = performance.now();
      try {
        return handler.apply(this, arguments);
      } finally {
        state.longestTaskMs = Math.max(state.longestTaskMs, performance.now() - start);
      }
    };
  }

  // ---- worker -------------------------------------------------------------------------------

  // Started when the first forms are bound (setup), after the page and the theme's script, so Pyodide's
  // start does not compete with the page's own (handbok/browser/embed.py, add_script).
  function startWorker() {
    if (worker) return;
    state.status = "loading";
    state.workers += 1;
    performance.mark("handbok-calc-start");
    try {
      worker = new Worker(new URL("worker.js?v=__WORKER_STAMP__", scriptURL), { type: "module" });
    } catch (error) {
      fail("Räknaren kunde inte startas i den här webbläsaren.");
      return;
    }
    download.started = download.changed = performance.now();
    loadingTimer = setInterval(timed(showLoading), 1000);
    worker.onmessage = timed(onWorkerMessage);
    worker.onerror = function (event) {
      event.preventDefault();
      fail("Räknaren kunde inte laddas. Ladda om sidan och försök igen.");
    };
  }

  function onWorkerMessage(event) {
    const data = event.data;
    if (data.type === "progress") {
      if (data.loaded > state.loaded) download.changed = performance.now();
      state.loaded = data.loaded;
      state.total = data.total;
      if (data.loaded >= data.total && !download.done) download.done = performance.now();
      showLoading();
    } else if (data.type === "ready") {
      state.status = "ready";
      clearInterval(loadingTimer);
      state.readyMs = data.ms;
      state.loadPyodideMs = data.loadMs;
      state.via = data.via;
      performance.mark("handbok-calc-ready");
      calculatorsOnPage().forEach(function (calc) {
        if (!calc.dataset.bound) return; // still being parsed: setup() computes it once bound
        setStatus(calc, "");
        compute(calc);
      });
    } else if (data.type === "error") {
      fail(data.message);
    } else if (pending.has(data.id)) {
      const calc = pending.get(data.id);
      pending.delete(data.id);
      if (latest.get(calc) === data.id && calc.isConnected) {
        show(calc, data.result);
        state.lastComputeMs = performance.now() - sentAt.get(data.id);
      }
      sentAt.delete(data.id);
    }
  }

  function fail(message) {
    clearInterval(loadingTimer);
    state.status = "failed";
    state.failure = message;
    calculatorsOnPage().forEach(function (calc) { setStatus(calc, message, true); });
  }

  // ---- page setup (first load and every instant navigation) --------------------------------

  function calculatorsOnPage() {
    return Array.prototype.slice.call(document.querySelectorAll(".handbok-calc"));
  }

  function setup() {
    const calcs = calculatorsOnPage().filter(function (calc) { return !calc.dataset.bound; });
    if (!calcs.length) return;
    startWorker();
    calcs.forEach(bind);
    calcs.forEach(function (calc) {
      if (state.status === "ready") compute(calc);
      else if (state.status === "failed") setStatus(calc, state.failure, true);
      else setStatus(calc, loadingMessage(performance.now()));
    });
    if (state.status === "loading") showLoading();
  }

  // ---- loading progress -----------------------------------------------------------------------

  function megabytes(bytes) {
    return (bytes / 1e6).toLocaleString("sv-SE", { minimumFractionDigits: 1, maximumFractionDigits: 1 }) + " MB";
  }

  // What the status says while the runtime loads, from the bytes the worker has counted.
  function loadingMessage(now) {
    const loaded = state.loaded;
    const total = state.total;
    if (!total) return "Laddar räknaren …";
    if (download.done) {
      return now - download.done > STARTING_SLOW_MS
        ? "Räknaren är hämtad men startar långsamt. Vänta en stund till eller ladda om sidan."
        : "Laddar räknaren … allt är hämtat, räknaren startar.";
    }
    if (now - download.changed > STALLED_MS) {
      return "Räknaren har inte fått några nya data på " + Math.round((now - download.changed) / 1000) +
        " sekunder (" + megabytes(loaded) + " av " + megabytes(total) + " hämtat). Kontrollera nätverket eller ladda om sidan.";
    }
    const elapsed = now - download.started;
    const remaining = loaded > 0 ? (total - loaded) * (elapsed / loaded) / 1000 : Infinity;
    if (elapsed > JUDGE_AFTER_MS && remaining > SLOW_REMAINING_S) {
      return "Räknaren laddas långsamt över nätverket: " + megabytes(loaded) + " av " + megabytes(total) +
        " hämtat, ungefär " + Math.ceil(remaining / 10) * 10 + " sekunder kvar.";
    }
    return "Laddar räknaren … " + Math.floor(10 * loaded / total) * 10 + " % av " + megabytes(total) + " hämtat.";
  }

  // The message in each form's status, and a progress bar (not in the live region) beside it.
  function showLoading() {
    if (state.status !== "loading") return;
    const message = loadingMessage(performance.now());
    calculatorsOnPage().forEach(function (calc) {
      if (!calc.dataset.bound) return;
      const status = calc.querySelector(".handbok-calc__status");
      if (status.textContent !== message) setStatus(calc, message);
      if (!state.total) return;
      let bar = calc.querySelector(".handbok-calc__progress");
      if (!bar) {
        bar = el("progress", "handbok-calc__progress");
        bar.setAttribute("aria-label", "Räknaren hämtas");
        status.after(bar);
      }
      bar.max = state.total;
      bar.value = Math.min(state.loaded, state.total);
    });
  }

  function bind(calc) {
    calc.dataset.bound = "1";
    const form = calc.querySelector("form");
    const notice = calc.querySelector(".handbok-calc__nojs");
    if (notice) notice.remove();
    let timer = null;
    const later = function () {
      clearTimeout(timer);
      timer = setTimeout(timed(function () { compute(calc); }), DEBOUNCE_MS);
    };
    form.addEventListener("input", later);
    form.addEventListener("change", later);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      compute(calc);
    });
    form.addEventListener("click", timed(function (event) {
      const button = event.target.closest("button[data-add], button[data-remove], button[data-action]");
      if (!button) return;
      if (button.hasAttribute("data-add")) addRow(button.closest("[data-list]"));
      else if (button.hasAttribute("data-remove")) removeRow(button.closest("[data-row]"));
      else ACTIONS[button.dataset.action](calc);
      later();
    }));
    form.querySelectorAll("[data-list]").forEach(function (list) {
      list.dataset.initial = String(list.querySelectorAll(".handbok-calc__rows > [data-row]").length);
      renumber(list);
    });
    restore(calc);
    form.querySelector(".handbok-calc__tools").hidden = false;
  }

  // ---- the reader's input: kept in this tab only (sessionStorage), never sent anywhere ----------

  function storageKey(calc) {
    return "handbok-calc:" + location.pathname + "#" + calc.id;
  }

  function snapshot(form) {
    const rows = {};
    form.querySelectorAll("[data-list]").forEach(function (list) {
      rows[list.dataset.list] = list.querySelectorAll(".handbok-calc__rows > [data-row]").length;
    });
    const values = {};
    Array.prototype.forEach.call(form.elements, function (control) {
      if (!control.name || (control.type === "radio" && !control.checked)) return;
      values[control.name] = control.value;
    });
    return { rows: rows, values: values };
  }

  function save(calc) {
    const form = calc.querySelector("form");
    try {
      if (isEmpty(form)) sessionStorage.removeItem(storageKey(calc));
      else sessionStorage.setItem(storageKey(calc), JSON.stringify(snapshot(form)));
    } catch (error) {
      // storage full or turned off: the form still works, it is just not kept
    }
  }

  function restore(calc) {
    let saved = null;
    try {
      saved = JSON.parse(sessionStorage.getItem(storageKey(calc)) || "null");
    } catch (error) {
      saved = null;
    }
    if (saved && saved.values) fillForm(calc, saved);
  }

  // Sets the form to `state` ({rows: {list: count}, values: {name: value}}): rows first, so every
  // named field exists, then every value (fields not in `state` are emptied).
  function fillForm(calc, state) {
    const form = calc.querySelector("form");
    form.querySelectorAll("[data-list]").forEach(function (list) {
      const wanted = state.rows && state.rows[list.dataset.list];
      setRowCount(list, wanted === undefined ? Number(list.dataset.initial) : wanted);
    });
    form.reset();
    Array.prototype.forEach.call(form.elements, function (control) {
      if (!control.name || !(control.name in state.values)) return;
      const value = String(state.values[control.name]);
      if (control.type === "radio") control.checked = control.value === value;
      else if (control.tagName !== "SELECT" || control.querySelector('option[value="' + CSS.escape(value) + '"]')) control.value = value;
    });
  }

  function setRowCount(list, count) {
    const limit = Math.max(Number(list.dataset.min), Math.min(Number(list.dataset.max), count));
    const rows = list.querySelector(".handbok-calc__rows");
    while (rows.children.length > limit) rows.lastElementChild.remove();
    while (rows.children.length < limit) rows.appendChild(list.querySelector("template").content.cloneNode(true));
    renumber(list);
  }

  // Nothing typed or chosen: no text in any field and no yes/no answered.
  function isEmpty(form) {
    return !Array.prototype.some.call(form.elements, function (control) {
      if (control.type === "radio") return control.checked && control.value !== "";
      return (control.tagName === "TEXTAREA" || control.type === "text" || control.type === "date") && control.value.trim() !== "";
    });
  }

  // The SPEC's example (data-example on the calculator) as form state: rows, and a value per named
  // field, numbers with a decimal comma as a reader types them. A list of values that the form
  // takes in one field (NPS answers) becomes "10, 9, 8".
  function exampleState(calc) {
    const form = calc.querySelector("form");
    const state = { rows: {}, values: {} };
    const hasField = function (name) { return Boolean(form.querySelector('[name="' + CSS.escape(name) + '"]')); };
    const put = function (path, value) {
      if (value === null || value === undefined) return;
      if (Array.isArray(value)) {
        if (form.querySelector('[data-list="' + CSS.escape(path) + '"]')) state.rows[path] = value.length;
        if (hasField(path)) state.values[path] = value.map(scalar).join(", ");
        else value.forEach(function (item, i) { put(path + "[" + i + "]", item); });
      } else if (typeof value === "object") {
        Object.keys(value).forEach(function (key) { put(path + "." + key, value[key]); });
      } else {
        state.values[path] = scalar(value);
      }
    };
    const example = JSON.parse(calc.dataset.example);
    Object.keys(example).forEach(function (key) { put(key, example[key]); });
    return state;
  }

  function scalar(value) {
    return typeof value === "number" ? String(value).replace(".", ",") : String(value);
  }

  const ACTIONS = {
    example: function (calc) { fillForm(calc, exampleState(calc)); },
    clear: function (calc) {
      fillForm(calc, { values: {} });
      markErrors(calc, []);
    },
    download: downloadCSV,
    upload: function (calc) { fileInput(calc).click(); },
    print: printResult,
  };

  // ---- results to take away: CSV for Swedish Excel, and print --------------------------------

  const shownViews = new WeakMap(); // calculator element -> the view its result region shows

  function calcTitle(calc) {
    return calc.querySelector(".handbok-calc__title").textContent.replace(/^Räknare: /, "");
  }

  function today() {
    const now = new Date();
    return now.getFullYear() + "-" + String(now.getMonth() + 1).padStart(2, "0") + "-" + String(now.getDate()).padStart(2, "0");
  }

  // The form's filled-in fields as [name, label, value]; a radio answer as its label (Ja, Nej).
  function filledFields(form) {
    const rows = [];
    Array.prototype.forEach.call(form.elements, function (control) {
      if (!control.name || (control.type === "radio" && !control.checked) || control.value === "") return;
      const label = control.type === "radio"
        ? control.closest("fieldset").querySelector("legend").textContent
        : (form.querySelector('label[for="' + CSS.escape(control.id) + '"]') || {}).textContent || control.name;
      const row = control.closest("[data-row]");
      const where = row ? row.querySelector("legend").textContent.trim() + ": " : "";
      const shown = control.type === "radio" ? control.parentNode.textContent.trim()
        : control.tagName === "SELECT" ? control.selectedOptions[0].textContent : control.value;
      rows.push([control.name, where + label.replace(" (valfritt)", "").trim(), control.value, shown]);
    });
    return rows;
  }

  // The result's view as CSV rows: headline, notices, then each block in order.
  function viewRows(view) {
    const rows = [[view.headline]];
    (view.notices || []).forEach(function (notice) { rows.push([notice]); });
    view.blocks.forEach(function (block) {
      rows.push([]);
      if (block.type === "table") {
        rows.push([block.caption], block.head);
        block.rows.forEach(function (cells) { rows.push(cells.map(function (c) { return typeof c === "string" ? c : c.text; })); });
      } else if (block.type === "heatmap") {
        rows.push([block.caption], [block.corner].concat(block.columns));
        block.rows.forEach(function (row) {
          rows.push([row.label].concat(row.cells.map(function (c) { return c.text + (c.marks ? " " + c.marks : ""); })));
        });
      } else if (block.type === "bars") {
        rows.push([block.title]);
        block.bars.forEach(function (bar) { rows.push([bar.label, bar.value]); });
      } else if (block.type === "ranking") {
        block.items.forEach(function (item, i) { rows.push([String(i + 1), item]); });
      } else if (block.type === "checklist") {
        block.items.forEach(function (item) { rows.push([item.name, item.status, item.text]); });
      } else {
        rows.push([block.text]);
      }
    });
    return rows;
  }

  // One cell: quoted when needed; a leading = + - @ is neutralised so Excel never runs it as a formula.
  function csvCell(value) {
    let text = String(value === undefined || value === null ? "" : value);
    if (/^[=+\-@\t\r]/.test(text)) text = "'" + text;
    return /[";\n\r]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }

  function toCSV(calc) {
    const rows = [["Räknare", calcTitle(calc)], ["Räknarens namn", calc.dataset.calc], ["Datum", today()], [],
      ["Indata"], ["Fält", "Beskrivning", "Värde"]];
    filledFields(calc.querySelector("form")).forEach(function (f) { rows.push([f[0], f[1], f[2]]); });
    rows.push([], ["Resultat"]);
    const view = shownViews.get(calc);
    if (view) viewRows(view).forEach(function (row) { rows.push(row); });
    return "\uFEFF" + rows.map(function (row) { return row.map(csvCell).join(";"); }).join("\r\n") + "\r\n";
  }

  function downloadCSV(calc) {
    const blob = new Blob([toCSV(calc)], { type: "text/csv;charset=utf-8" });
    const link = el("a");
    link.href = URL.createObjectURL(blob);
    link.download = calc.dataset.calc + "-" + today() + ".csv";
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
  }

  function parseCSV(text) {
    const rows = [[]];
    let cell = "";
    let quoted = false;
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (quoted) {
        if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; }
        else if (c === '"') quoted = false;
        else cell += c;
      } else if (c === '"') quoted = true;
      else if (c === ";") { rows[rows.length - 1].push(cell); cell = ""; }
      else if (c === "\n" || c === "\r") {
        if (c === "\r" && text[i + 1] === "\n") i++;
        rows[rows.length - 1].push(cell); cell = ""; rows.push([]);
      } else cell += c;
    }
    rows[rows.length - 1].push(cell);
    return rows;
  }

  // Reads back a file from "Ladda ned CSV": the Indata section becomes the form again.
  function readCSV(calc, text) {
    const rows = parseCSV(text.replace(/^\uFEFF/, ""));
    const name = rows.find(function (row) { return row[0] === "Räknarens namn"; });
    if (!name || name[1] !== calc.dataset.calc) {
      throw new Error(name ? "Filen hör till en annan räknare (" + name[1] + ")." : "Filen är inte en sparad räknare från handboken.");
    }
    const start = rows.findIndex(function (row) { return row[0] === "Fält"; });
    const state = { rows: {}, values: {} };
    for (let i = start + 1; i < rows.length && rows[i].length >= 3; i++) {
      const field = rows[i][0];
      state.values[field] = rows[i][2].replace(/^'(?=[=+\-@\t\r])/, "");
      const match = /^([^[]+)\[(\d+)\]\./.exec(field);
      if (match) state.rows[match[1]] = Math.max(state.rows[match[1]] || 0, Number(match[2]) + 1);
    }
    fillForm(calc, state);
  }

  function fileInput(calc) {
    let input = calc.querySelector(".handbok-calc__file");
    if (input) return input;
    input = el("input", "handbok-calc__file");
    input.type = "file";
    input.accept = ".csv,text/csv";
    input.hidden = true;
    input.addEventListener("change", function () {
      const file = input.files[0];
      if (!file) return;
      file.text().then(function (text) {
        try {
          readCSV(calc, text);
          setStatus(calc, "");
          compute(calc);
        } catch (error) {
          setStatus(calc, "Filen kunde inte läsas in. " + error.message, true);
        }
        input.value = "";
      });
    });
    calc.appendChild(input);
    return input;
  }

  // Prints only this calculator's result, under a header with its title, the date and the inputs.
  function printResult(calc) {
    const header = calc.querySelector(".handbok-calc__print");
    const list = el("dl", "handbok-calc__print-inputs");
    filledFields(calc.querySelector("form")).forEach(function (f) { append(list, [el("dt", "", f[1]), el("dd", "", f[3])]); });
    header.replaceChildren(el("p", "handbok-calc__print-title", calcTitle(calc)), el("p", "", "Utskrivet " + today()),
      el("p", "handbok-calc__subhead", "Indata"), list, el("p", "handbok-calc__subhead", "Resultat"));
    header.hidden = false;
    document.documentElement.classList.add("handbok-printing");
    calc.classList.add("handbok-calc--printing");
    window.addEventListener("afterprint", function done() {
      window.removeEventListener("afterprint", done);
      document.documentElement.classList.remove("handbok-printing");
      calc.classList.remove("handbok-calc--printing");
      header.hidden = true;
    });
    window.print();
  }

  function setStatus(calc, message, isError) {
    const status = calc.querySelector(".handbok-calc__status");
    const bar = calc.querySelector(".handbok-calc__progress");
    if (bar && state.status !== "loading") bar.remove();
    status.textContent = message;
    status.hidden = !message;
    status.classList.toggle("handbok-calc__status--error", Boolean(isError));
  }

  // ---- repeating rows -------------------------------------------------------------------------

  function addRow(list) {
    const rows = list.querySelector(".handbok-calc__rows");
    const template = list.querySelector("template");
    rows.appendChild(template.content.cloneNode(true));
    renumber(list);
    const added = rows.lastElementChild.querySelector("input, select, textarea");
    if (added) added.focus();
  }

  function removeRow(row) {
    const list = row.closest("[data-list]");
    const previous = row.previousElementSibling;
    row.remove();
    renumber(list);
    const target = previous ? previous.querySelector("input, select, textarea") : list.querySelector("[data-add]");
    if (target) target.focus();
  }

  // Rewrites names, ids and references so row i is always items[i] / <id>-i-..., and keeps the
  // add and remove buttons within the list's allowed number of rows.
  function renumber(list) {
    const path = list.dataset.list;
    const id = list.dataset.id;
    const rows = list.querySelectorAll(".handbok-calc__rows > [data-row]");
    const byName = new RegExp("^" + escapeRegExp(path) + "\\[(?:\\d+|__i__)\\]");
    const byId = new RegExp(escapeRegExp(id) + "-(?:\\d+|__i__)-", "g");
    rows.forEach(function (row, index) {
      row.querySelectorAll("[data-row-number]").forEach(function (el) { el.textContent = String(index + 1); });
      row.querySelectorAll("[name], [id], [for], [aria-describedby], [data-error-for], [data-field]").forEach(function (el) {
        ["id", "for", "aria-describedby"].forEach(function (attr) {
          if (el.hasAttribute(attr)) el.setAttribute(attr, el.getAttribute(attr).replace(byId, id + "-" + index + "-"));
        });
        ["name", "data-error-for", "data-field"].forEach(function (attr) {
          if (el.hasAttribute(attr)) el.setAttribute(attr, el.getAttribute(attr).replace(byName, path + "[" + index + "]"));
        });
      });
    });
    const count = rows.length;
    const add = list.querySelector("[data-add]");
    if (add) add.disabled = count >= Number(list.dataset.max);
    list.querySelectorAll("[data-remove]").forEach(function (button) {
      button.disabled = count <= Number(list.dataset.min);
    });
  }

  function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }

  // ---- computing ------------------------------------------------------------------------------

  function compute(calc) {
    save(calc);
    if (state.status !== "ready") return;
    if (isEmpty(calc.querySelector("form"))) {
      markErrors(calc, []);
      setShownView(calc, null);
      calc.querySelector(".handbok-calc__result").replaceChildren(el("p", "handbok-calc__empty",
        "Fyll i formuläret, så visas resultatet här. Vill du se hur det fungerar, välj ”Fyll i exempel”."));
      return;
    }
    const id = nextId++;
    latest.set(calc, id);
    pending.set(id, calc);
    sentAt.set(id, performance.now());
    worker.postMessage({ id: id, name: calc.dataset.calc, inputs: collect(calc.querySelector("form")) });
  }

  // The form as run() wants it: names like risks[2].probability become nested arrays/objects.
  // Values stay strings (Swedish "4,5" and "40 000" are parsed in Python); a custom risk matrix
  // is sent as its whole definition.
  function collect(form) {
    const inputs = {};
    form.querySelectorAll("[data-list]").forEach(function (list) { assign(inputs, list.dataset.list, []); });
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || (el.type === "radio" && !el.checked)) return;
      let value = el.value;
      if (el.tagName === "SELECT" && el.selectedOptions[0] && el.selectedOptions[0].dataset.definition) {
        value = JSON.parse(el.selectedOptions[0].dataset.definition);
      }
      assign(inputs, el.name, value === "" ? null : value);
    });
    return inputs;
  }

  function assign(target, path, value) {
    const keys = [];
    path.replace(/([^.[\]]+)|\[(\d+)\]/g, function (_, key, index) {
      keys.push(index === undefined ? key : Number(index));
    });
    let node = target;
    keys.forEach(function (key, i) {
      if (i === keys.length - 1) {
        node[key] = value;
      } else {
        if (node[key] === undefined || node[key] === null) node[key] = typeof keys[i + 1] === "number" ? [] : {};
        node = node[key];
      }
    });
  }

  // ---- results --------------------------------------------------------------------------------

  // Shows errors, or the result's `view` (declared in Python, calculators/view.py). The result is
  // built off-page first and swapped in whole; if building fails, a Swedish message replaces the
  // old result so a stale result is never shown for new input.
  function show(calc, result) {
    const region = calc.querySelector(".handbok-calc__result");
    const unplaced = markErrors(calc, result.ok ? [] : result.errors);
    let content;
    let headline;
    try {
      content = result.ok ? renderView(result.view) : errorSummary(calc, result.errors, unplaced);
      headline = result.ok ? result.view.headline : "Räknaren kan inte räkna ännu. Rätta felen i formuläret.";
    } catch (error) {
      console.error(error);
      content = el("p", "handbok-calc__errors", "Resultatet kunde inte visas. Ladda om sidan och försök igen.");
      headline = content.textContent;
    }
    region.replaceChildren(content);
    setShownView(calc, result.ok && region.querySelector(".handbok-calc__view") ? result.view : null);
    announce(calc, headline);
    performance.mark("handbok-calc-result");
  }

  // Download and print need a result; they say so by being disabled without one.
  function setShownView(calc, view) {
    if (view) shownViews.set(calc, view);
    else shownViews.delete(calc);
    calc.querySelectorAll("[data-needs-result]").forEach(function (button) { button.disabled = !view; });
  }

  // Only the headline goes to the live region: a screen reader hears a short summary, not the tables.
  function announce(calc, text) {
    const live = calc.querySelector(".handbok-calc__announce");
    if (live && live.textContent !== text) live.textContent = text;
  }

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function append(parent, children) {
    children.forEach(function (child) { if (child) parent.appendChild(child); });
    return parent;
  }

  // Puts each message beside its field; returns the messages that have no field on the form.
  function markErrors(calc, errors) {
    calc.querySelectorAll("[data-error-for]").forEach(function (box) { box.textContent = ""; });
    calc.querySelectorAll("[aria-invalid]").forEach(function (node) { node.removeAttribute("aria-invalid"); });
    return errors.filter(function (error) {
      const box = calc.querySelector('[data-error-for="' + CSS.escape(error.field) + '"]');
      if (!box) return true;
      box.textContent = box.textContent ? box.textContent + " " + error.message : error.message;
      calc.querySelectorAll('[name="' + CSS.escape(error.field) + '"]').forEach(function (node) {
        node.setAttribute("aria-invalid", "true");
      });
      const group = box.closest("fieldset");
      if (group && group.dataset.list === error.field) group.setAttribute("aria-invalid", "true");
      return false;
    });
  }

  function errorSummary(calc, errors, unplaced) {
    const box = el("div", "handbok-calc__errors");
    const intro = el("p");
    append(intro, [el("strong", "", "Räknaren kan inte räkna ännu."), document.createTextNode(" Rätta det här först:")]);
    const list = el("ul");
    errors.forEach(function (error) {
      const beside = unplaced.indexOf(error) >= 0 ? null : calc.querySelector('[data-error-for="' + CSS.escape(error.field) + '"]');
      const control = beside && calc.querySelector('[name="' + CSS.escape(error.field) + '"]');
      const target = control || (beside && beside.closest("fieldset"));
      const item = el("li");
      if (target && target.id) {
        const link = el("a", "", error.message);
        link.href = "#" + target.id;
        item.appendChild(link);
      } else {
        item.textContent = error.message;
      }
      list.appendChild(item);
    });
    return append(box, [intro, list]);
  }

  // The generic renderer: one element per block of the view.
  function renderView(view) {
    const root = el("div", "handbok-calc__view");
    const headline = el("p", "handbok-calc__headline" + (view.verdict ? " handbok-calc__verdict--" + view.verdict : ""));
    headline.appendChild(el("strong", "", view.headline));
    root.appendChild(headline);
    (view.notices || []).forEach(function (notice) { root.appendChild(el("p", "handbok-calc__notice", notice)); });
    view.blocks.forEach(function (block) {
      const render = BLOCKS[block.type];
      if (!render) throw new Error("unknown block type " + block.type);
      root.appendChild(render(block));
    });
    return root;
  }

  const BLOCKS = {
    text: function (b) { return el("p", "", b.text); },
    formula: function (b) { return el("p", "handbok-calc__formula", b.text); },
    subhead: function (b) { return el("p", "handbok-calc__subhead", b.text); },
    table: renderTable,
    ranking: function (b) {
      return append(el("ol", "handbok-calc__ranking"), b.items.map(function (text) { return el("li", "", text); }));
    },
    bars: renderBars,
    heatmap: renderHeatmap,
    checklist: renderChecklist,
  };

  // Focusable and named, so that a keyboard user can scroll a table wider than a phone's screen.
  function scrollable(extraClass, label, table) {
    const region = el("div", "handbok-calc__table" + extraClass);
    region.setAttribute("role", "region");
    region.tabIndex = 0;
    region.setAttribute("aria-label", label);
    region.appendChild(table);
    return region;
  }

  function headerCell(text, scope) {
    const th = el("th", "", text);
    th.scope = scope;
    return th;
  }

  function colored(node, color, textColor) {
    node.style.background = color;
    node.style.color = textColor;
    return node;
  }

  function cellContent(cell) {
    if (typeof cell === "string") return document.createTextNode(cell);
    return colored(el("span", "handbok-calc__level", cell.text), cell.color, cell.text_color);
  }

  function renderTable(b) {
    const table = el("table");
    table.appendChild(el("caption", "", b.caption));
    const head = append(el("tr"), b.head.map(function (text) { return headerCell(text, "col"); }));
    table.appendChild(append(el("thead"), [head]));
    const body = el("tbody");
    b.rows.forEach(function (cells) {
      const tr = el("tr");
      cells.forEach(function (cell, i) {
        const node = i === 0 ? headerCell("", "row") : el("td");
        node.appendChild(cellContent(cell));
        tr.appendChild(node);
      });
      body.appendChild(tr);
    });
    table.appendChild(body);
    return scrollable("", b.caption, table);
  }

  // The matrix as a table; the caption is its text alternative.
  function renderHeatmap(b) {
    const table = el("table");
    table.appendChild(el("caption", "", b.caption));
    const head = append(el("tr"), [el("td", "", b.corner)].concat(b.columns.map(function (text) { return headerCell(text, "col"); })));
    table.appendChild(append(el("thead"), [head]));
    const body = el("tbody");
    b.rows.forEach(function (row) {
      const tr = append(el("tr"), [headerCell(row.label, "row")]);
      row.cells.forEach(function (cell) {
        const td = colored(el("td"), cell.color, cell.text_color);
        td.appendChild(el("span", "handbok-calc__cell-level", cell.text));
        if (cell.marks) append(td, [document.createTextNode(" "), el("strong", "", cell.marks)]);
        tr.appendChild(td);
      });
      body.appendChild(tr);
    });
    table.appendChild(body);
    return scrollable(" handbok-calc__heatmap", b.caption.split(":")[0], table);
  }

  // Horizontal bars in HTML rather than SVG, so that the labels keep the page's text size on a phone.
  function renderBars(b) {
    const chart = el("div", "handbok-calc__chart");
    chart.setAttribute("role", "img");
    chart.setAttribute("aria-label", b.description);
    b.bars.forEach(function (item) {
      const scale = el("span", "handbok-calc__bar-scale");
      const fill = el("span", "handbok-calc__bar");
      fill.style.width = item.share.toFixed(1) + "%";
      scale.appendChild(fill);
      if (item.marker !== undefined) {
        const marker = el("span", "handbok-calc__bar-marker");
        marker.style.left = item.marker.toFixed(1) + "%";
        scale.appendChild(marker);
      }
      const track = append(el("span", "handbok-calc__bar-track"), [scale, el("span", "handbok-calc__bar-value", item.value)]);
      append(chart, [el("span", "handbok-calc__bar-label", item.label), track]);
    });
    return append(el("div"), [el("p", "handbok-calc__subhead", b.title), chart]);
  }

  // Criteria: met, not met or not decided, each with its hint and (when not in the hint) evidence.
  function renderChecklist(b) {
    const list = el("ul", "handbok-calc__checklist");
    b.items.forEach(function (item) {
      const li = el("li", "handbok-calc__criterion handbok-calc__criterion--" + item.state);
      const mark = el("span", "handbok-calc__mark", item.mark);
      mark.setAttribute("aria-hidden", "true");
      append(li, [mark, document.createTextNode(" "), el("strong", "", item.name),
        document.createTextNode(": " + item.status + ". " + item.text)]);
      if (item.evidence) append(li, [document.createTextNode(" "), el("span", "handbok-calc__evidence", "Hittat: ”" + item.evidence + "”")]);
      list.appendChild(li);
    });
    return list;
  }

  // ---- start ----------------------------------------------------------------------------------

  // Bind the forms once they are parsed, then on every instant navigation.
  const start = timed(setup);
  function follow() {
    if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(start);
    else start();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", follow);
  else follow();
})();
