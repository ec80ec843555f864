// Makes the handbook's calculator forms compute in the browser.
// An async classic script in every page's <head> (the plugin puts it there). ONE module worker per
// tab, started by the head of the first page with a calculator (or here, after instant navigation
// to one), kept across mkdocs-material's instant navigation. The worker runs
// calculators.run(name, inputs) in Pyodide; this script serialises the forms, shows errors beside
// their fields and builds the result from the `view` that Python declares (calculators/view.py).
(function () {
  "use strict";
  if (window.handbokCalc) return; // loaded twice: keep the first instance and its worker

  const scriptURL = document.currentScript.src;
  const DEBOUNCE_MS = 150;
  const SLOW_MS = 30000; // after this, say that loading is slow instead of showing progress forever
  // Read by the tests and bench/browser.py: load state, worker count, timings.
  const state = { status: "idle", workers: 0, failure: "", via: null, readyMs: null, loadPyodideMs: null, lastComputeMs: null, longestTaskMs: 0 };
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

  // Adopts the worker the page's <head> started (handbok/embed.py, BOOT) and replays what it said
  // before this script arrived; after instant navigation to a form, starts one itself.
  function startWorker() {
    if (worker) return;
    state.status = "loading";
    state.workers += 1;
    const early = window.handbokWorker;
    if (early) {
      worker = early;
    } else {
      performance.mark("handbok-calc-start");
      try {
        worker = new Worker(new URL("worker.js?v=__WORKER_STAMP__", scriptURL), { type: "module" });
      } catch (error) {
        fail("Räknaren kunde inte startas i den här webbläsaren.");
        return;
      }
    }
    setTimeout(function () {
      if (state.status !== "loading") return;
      calculatorsOnPage().forEach(function (calc) {
        setStatus(calc, "Räknaren laddas fortfarande, det tar längre tid än vanligt. Vänta en stund till eller ladda om sidan.");
      });
    }, SLOW_MS);
    worker.onmessage = timed(onWorkerMessage);
    worker.onerror = function (event) {
      event.preventDefault();
      fail("Räknaren kunde inte laddas. Ladda om sidan och försök igen.");
    };
    if (early && early.early) {
      early.early.forEach(function (event) {
        if (event.type === "error") worker.onerror(event);
        else worker.onmessage(event);
      });
      early.early = null;
    }
  }

  function onWorkerMessage(event) {
    const data = event.data;
    if (data.type === "ready") {
      state.status = "ready";
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
      else setStatus(calc, "Laddar räknaren …");
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
      const button = event.target.closest("button[data-add], button[data-remove]");
      if (!button) return;
      if (button.hasAttribute("data-add")) addRow(button.closest("[data-list]"));
      else removeRow(button.closest("[data-row]"));
      later();
    }));
    form.querySelectorAll("[data-list]").forEach(renumber);
  }

  function setStatus(calc, message, isError) {
    const status = calc.querySelector(".handbok-calc__status");
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
    list.querySelector("[data-add]").disabled = count >= Number(list.dataset.max);
    list.querySelectorAll("[data-remove]").forEach(function (button) {
      button.disabled = count <= Number(list.dataset.min);
    });
  }

  function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }

  // ---- computing ------------------------------------------------------------------------------

  function compute(calc) {
    if (state.status !== "ready") return;
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
    announce(calc, headline);
    performance.mark("handbok-calc-result");
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

  // The page's <head> may have started the worker already: adopt it now, so its messages are
  // handled as they come. Bind the forms once they are parsed, then on every instant navigation.
  if (window.handbokWorker) startWorker();
  const start = timed(setup);
  function follow() {
    if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(start);
    else start();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", follow);
  else follow();
})();
