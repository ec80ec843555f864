// Makes the handbook's calculator forms compute in the browser.
// An async classic script in every page's <head> (the plugin puts it there). ONE module worker per
// tab, started by the head of the first page with a calculator (or here, after instant navigation
// to one), kept across mkdocs-material's instant navigation. The worker runs
// calculators.run(name, inputs) in Pyodide; this script serialises the forms, shows errors beside
// their fields and renders the results in Swedish.
(function () {
  "use strict";
  if (window.handbokCalc) return; // loaded twice: keep the first instance and its worker

  const scriptURL = document.currentScript.src;
  const DEBOUNCE_MS = 150;
  const SLOW_MS = 30000; // after this, say that loading is slow instead of showing progress forever
  const number = new Intl.NumberFormat("sv-SE", { maximumFractionDigits: 2 });
  const fixed2 = new Intl.NumberFormat("sv-SE", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
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

  function show(calc, result) {
    const region = calc.querySelector(".handbok-calc__result");
    const unplaced = markErrors(calc, result.ok ? [] : result.errors);
    if (!result.ok) {
      region.innerHTML = errorSummary(calc, result.errors, unplaced);
    } else {
      const render = RENDERERS[calc.dataset.calc];
      region.innerHTML = render ? render(result) : "";
    }
    performance.mark("handbok-calc-result");
  }

  // Puts each message beside its field; returns the messages that have no field on the form.
  function markErrors(calc, errors) {
    calc.querySelectorAll("[data-error-for]").forEach(function (el) { el.textContent = ""; });
    calc.querySelectorAll("[aria-invalid]").forEach(function (el) { el.removeAttribute("aria-invalid"); });
    return errors.filter(function (error) {
      const box = calc.querySelector('[data-error-for="' + CSS.escape(error.field) + '"]');
      if (!box) return true;
      box.textContent = box.textContent ? box.textContent + " " + error.message : error.message;
      calc.querySelectorAll('[name="' + CSS.escape(error.field) + '"]').forEach(function (el) {
        el.setAttribute("aria-invalid", "true");
      });
      const group = box.closest("fieldset");
      if (group && group.dataset.list === error.field) group.setAttribute("aria-invalid", "true");
      return false;
    });
  }

  function errorSummary(calc, errors, unplaced) {
    const items = errors.map(function (error) {
      const box = unplaced.indexOf(error) >= 0 ? null : calc.querySelector('[data-error-for="' + CSS.escape(error.field) + '"]');
      const control = box && calc.querySelector('[name="' + CSS.escape(error.field) + '"]');
      const target = control || (box && box.closest("fieldset"));
      const text = esc(error.message);
      return "<li>" + (target && target.id ? '<a href="#' + esc(target.id) + '">' + text + "</a>" : text) + "</li>";
    });
    return '<div class="handbok-calc__errors"><p><strong>Räknaren kan inte räkna ännu.</strong> ' +
      "Rätta det här först:</p><ul>" + items.join("") + "</ul></div>";
  }

  function esc(value) {
    return String(value).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  function num(value) {
    return number.format(value);
  }

  function table(caption, head, rows) {
    return scrollable("", caption, "<table><caption>" + caption + "</caption><thead><tr>" +
      head.map(function (h) { return '<th scope="col">' + h + "</th>"; }).join("") + "</tr></thead><tbody>" +
      rows.map(function (r) {
        return "<tr>" + r.map(function (c, i) { return i === 0 ? '<th scope="row">' + c + "</th>" : "<td>" + c + "</td>"; }).join("") + "</tr>";
      }).join("") + "</tbody></table>");
  }

  // Focusable and named, so that a keyboard user can scroll a table wider than a phone's screen.
  function scrollable(extraClass, label, inner) {
    return '<div class="handbok-calc__table' + extraClass + '" role="region" tabindex="0" aria-label="' +
      esc(label) + '">' + inner + "</div>";
  }

  function formula(text) {
    return '<p class="handbok-calc__formula">' + text + "</p>";
  }

  const RENDERERS = {
    quality_gap: function (r) {
      const verdicts = { below: "Under förväntan", meets: "Motsvarar förväntan", exceeds: "Över förväntan" };
      const rows = r.items.map(function (item) {
        return [esc(item.label), fixed2.format(item.k), num(item.gap)];
      });
      return '<p class="handbok-calc__headline handbok-calc__verdict--' + esc(r.verdict) + '"><strong>K = ' + fixed2.format(r.k) +
        "</strong>, O − F = " + num(r.gap) + ": " + verdicts[r.verdict] + "</p>" +
        "<p>" + esc(r.message) + "</p>" +
        formula("K = O / F = " + num(r.experience_mean) + " / " + num(r.expectation_mean) + " = " + fixed2.format(r.k) +
          "; O − F = " + num(r.experience_mean) + " − " + num(r.expectation_mean) + " = " + num(r.gap)) +
        "<p>Räknat på " + r.n + (r.n === 1 ? " påstående" : " påståenden") +
        (r.skipped ? " (" + r.skipped + " utan både O och F räknades inte)" : "") + ".</p>" +
        table("K och O − F per påstående", ["Påstående", "K", "O − F"], rows);
    },
    risk: renderRisk,
    quality_map: renderQualityMap,
    smart: renderSmart,
  };

  function renderRisk(r) {
    const label = function (i) { return "R" + (i + 1); };
    const rows = r.risks.map(function (risk, i) {
      const after = risk.residual
        ? num(risk.residual.value) + " (" + esc(risk.residual.level_label) + ")"
        : "–";
      return [label(i) + " " + esc(risk.name), num(risk.value) + " = " + risk.cell[0] + " × " + risk.cell[1],
        levelBadge(risk), after];
    });
    const ranked = r.ranking.map(function (i) {
      const risk = r.risks[i];
      return "<li>" + label(i) + " " + esc(risk.name) + ": riskvärde " + num(risk.value) + ", " + esc(risk.level_label.toLowerCase()) + "</li>";
    });
    return formula("Riskvärde = sannolikhet × konsekvens") +
      table("Riskvärde och nivå per risk", ["Risk", "Riskvärde", "Nivå", "Efter åtgärd"], rows) +
      heatMap(r) +
      '<p class="handbok-calc__subhead">Risker i prioritetsordning</p><ol class="handbok-calc__ranking">' + ranked.join("") + "</ol>";
  }

  function levelBadge(placed) {
    return '<span class="handbok-calc__level" style="background:' + esc(placed.color) + ";color:" + esc(placed.text_color) + '">' +
      esc(placed.level_label) + "</span>";
  }

  // The matrix as a table: highest probability on top, consequence left to right; each risk's
  // label in its cell (′ marks the place after treatment). The caption is the text alternative.
  function heatMap(r) {
    const m = r.matrix;
    const where = {};
    const put = function (cell, text) {
      const key = cell[0] + "," + cell[1];
      (where[key] = where[key] || []).push(text);
    };
    r.risks.forEach(function (risk, i) {
      put(risk.cell, "R" + (i + 1));
      if (risk.residual) put(risk.residual.cell, "R" + (i + 1) + "′");
    });
    let body = "";
    for (let p = m.size; p >= 1; p--) {
      body += '<tr><th scope="row">' + p + " " + esc(m.probability_labels[p - 1]) + "</th>";
      for (let c = 1; c <= m.size; c++) {
        const cell = m.cells[p - 1][c - 1];
        const names = where[p + "," + c] || [];
        body += '<td style="background:' + esc(cell.color) + ";color:" + esc(cell.text_color) + '">' +
          '<span class="handbok-calc__cell-level">' + esc(cell.level_label) + "</span>" +
          (names.length ? " <strong>" + names.join(", ") + "</strong>" : "") + "</td>";
      }
      body += "</tr>";
    }
    const head = '<tr><td></td>' + m.consequence_labels.map(function (label, c) {
      return '<th scope="col">' + (c + 1) + " " + esc(label) + "</th>";
    }).join("") + "</tr>";
    const placed = r.risks.map(function (risk, i) {
      return "R" + (i + 1) + " i sannolikhet " + risk.cell[0] + ", konsekvens " + risk.cell[1] +
        (risk.residual ? " (efter åtgärd " + risk.residual.cell[0] + ", " + risk.residual.cell[1] + ")" : "");
    }).join("; ");
    return scrollable(" handbok-calc__heatmap", "Riskmatris " + m.label,
      "<table><caption>Riskmatris " + esc(m.label) +
      ": sannolikhet uppåt, konsekvens åt höger. " + esc(placed) + ". ′ = efter åtgärd.</caption>" +
      "<thead>" + head + "</thead><tbody>" + body + "</tbody></table>");
  }

  // The six criteria as a checklist: met, not met or not decided, with evidence and hint.
  function renderSmart(r) {
    const names = [["specific", "Specifik"], ["measurable", "Mätbar"], ["accepted", "Accepterad"],
      ["realistic", "Realistisk"], ["time_bound", "Tidsatt"], ["responsible", "Ansvarig"]];
    const marks = { true: ["✓", "uppfyllt", "met"], false: ["✗", "inte uppfyllt", "unmet"], null: ["?", "ej bedömt", "unknown"] };
    const items = names.map(function (pair) {
      const c = r.criteria[pair[0]];
      const mark = marks[String(c.met)];
      return '<li class="handbok-calc__criterion handbok-calc__criterion--' + mark[2] + '">' +
        '<span class="handbok-calc__mark" aria-hidden="true">' + mark[0] + "</span> " +
        "<strong>" + pair[1] + "</strong>: " + mark[1] + ". " + esc(c.hint) +
        (c.evidence && c.hint.indexOf(c.evidence) < 0 ? ' <span class="handbok-calc__evidence">Hittat: ”' + esc(c.evidence) + "”</span>" : "") + "</li>";
    });
    return '<p class="handbok-calc__headline"><strong>' + esc(r.message) + "</strong></p>" +
      formula("Poäng = antal uppfyllda kriterier av 6 = " + r.score) +
      '<ul class="handbok-calc__checklist">' + items.join("") + "</ul>";
  }

  function renderQualityMap(r) {
    const basis = r.mode === "rank" ? "Vikterna kommer från rangen (poäng n + 1 − rang)." : "Vikterna är de angivna, omräknade så att de summerar till 1.";
    const rows = r.factors.map(function (f) {
      return [esc(f.name), num(f.weight), num(f.grade), num(f.target), num(f.gap), num(f.priority)];
    });
    return '<p class="handbok-calc__headline"><strong>Viktat index ' + num(r.index) + " av 100</strong>, viktat betyg " +
      num(r.weighted_grade) + ", viktat målvärde " + num(r.weighted_target) + ", gap " + num(r.gap) + "</p>" +
      formula("B = Σ vikt × betyg = " + num(r.weighted_grade) + "; M = Σ vikt × målvärde = " + num(r.weighted_target) +
        "; gap = M − B = " + num(r.gap) + "; index = (B − 1) / 4 × 100 = " + num(r.index)) +
      "<p>" + basis + "</p>" +
      table("Vikt, betyg och gap per kvalitetsfaktor", ["Kvalitetsfaktor", "Vikt", "Betyg", "Målvärde", "Gap", "Prioritet (vikt × gap)"], rows) +
      gapChart(r);
  }

  // Gaps (målvärde − betyg) as horizontal bars in priority order, on the scale's full range 0–4.
  // HTML rather than SVG, so that the labels keep the page's text size on a narrow screen.
  function gapChart(r) {
    const order = r.priority_order.map(function (i) { return r.factors[i]; });
    const described = order.map(function (f, n) {
      return (n + 1) + ". " + f.name + ": gap " + num(f.gap) + ", prioritet " + num(f.priority);
    }).join("; ");
    const bars = order.map(function (f) {
      const share = Math.max(0, Math.min(1, f.gap / 4)) * 100;
      return '<span class="handbok-calc__bar-label">' + esc(f.name) + "</span>" +
        '<span class="handbok-calc__bar-track"><span class="handbok-calc__bar" style="width: ' + share.toFixed(1) + '%"></span>' +
        '<span class="handbok-calc__bar-value">' + num(f.gap) + "</span></span>";
    }).join("");
    return '<p class="handbok-calc__subhead">Gap per faktor i prioritetsordning</p>' +
      '<div class="handbok-calc__chart" role="img" ' +
      'aria-label="' + esc("Stapeldiagram, gap mellan målvärde och betyg i prioritetsordning: " + described) + '">' +
      bars + "</div>";
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
