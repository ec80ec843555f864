// The method finder on the methods index. Without JavaScript the page lists every method grouped by phase
// and by need (handbok/templates/methods_index.md.j2); this script reads those lists and puts a filter form
// above them: check phases and needs, a list of the methods that fit appears, narrows and widens, and the
// count is announced politely. The grouped lists stay as they are (the table of contents and its tracking
// point at their headings).
// From a file, so a strict Content-Security-Policy allows it; runs again after every instant navigation.
(function () {
  "use strict";

  const NEED_PREFIX = /^Jag vill /;

  function headingText(heading) {
    const copy = heading.cloneNode(true);
    copy.querySelectorAll(".headerlink").forEach((link) => link.remove());
    return copy.textContent.trim();
  }

  // Groups of one kind ("fas" or "behov"): each heading's id, label and the addresses of its methods.
  function groups(root, kind) {
    return Array.from(root.querySelectorAll(`h3[id^="${kind}-"]`), (heading) => {
      const list = heading.nextElementSibling;
      return {
        id: heading.id,
        label: headingText(heading).replace(NEED_PREFIX, ""),
        methods: new Set(Array.from(list ? list.querySelectorAll("a[href]") : [], (a) => a.href)),
      };
    });
  }

  // One list item per method, in the order of the phase lists (alphabetical within each phase).
  function methodItems(root) {
    const items = new Map();
    for (const item of root.querySelectorAll('h3[id^="fas-"] + ul > li')) {
      const link = item.querySelector("a[href]");
      if (link && !items.has(link.href)) {
        items.set(link.href, item.cloneNode(true));
      }
    }
    return new Map([...items].sort((a, b) => a[1].textContent.localeCompare(b[1].textContent, "sv")));
  }

  function element(tag, properties, children) {
    const node = Object.assign(document.createElement(tag), properties);
    node.append(...(children || []));
    return node;
  }

  function fieldset(legend, options) {
    return element("fieldset", {}, [
      element("legend", { textContent: legend }),
      ...options.map((group) =>
        element("label", {}, [element("input", { type: "checkbox", value: group.id }), " " + group.label])),
    ]);
  }

  function countText(shown, total, filtered) {
    if (!filtered) {
      return `Inget val gjort. Alla ${total} metoder står i listorna nedan.`;
    }
    return `${shown} av ${total} metoder passar.`;
  }

  // Within a fieldset any checked box matches; across fieldsets all must match.
  function matches(address, checked) {
    return checked.every((chosen) => chosen.length === 0 || chosen.some((group) => group.methods.has(address)));
  }

  // `start` is the heading "Efter fas"; the form goes above it.
  function build(start) {
    const root = start.parentElement;
    const phases = groups(root, "fas");
    const needs = groups(root, "behov");
    const items = methodItems(root);
    const byId = new Map([...phases, ...needs].map((group) => [group.id, group]));
    const status = element("p", { className: "handbok-metodval__antal", role: "status" });
    status.setAttribute("aria-live", "polite");
    const list = element("ul", { className: "handbok-metodval__lista" });
    const phaseBoxes = fieldset("Fas", phases);
    const needBoxes = fieldset("Jag vill …", needs);
    const form = element("form", { className: "handbok-metodval" }, [
      element("h2", { id: "hitta-metod", textContent: "Hitta en metod" }),
      element("p", { textContent: "Välj fas, vad du vill uppnå eller både och. Då visas metoderna som passar här." }),
      phaseBoxes, needBoxes, status,
    ]);
    form.setAttribute("aria-labelledby", "hitta-metod");

    function update() {
      const checked = [phaseBoxes, needBoxes].map((box) =>
        Array.from(box.querySelectorAll("input:checked"), (input) => byId.get(input.value)));
      const filtered = checked.some((chosen) => chosen.length > 0);
      const fitting = [...items].filter(([address]) => matches(address, checked)).map(([, item]) => item);
      list.replaceChildren(...fitting);
      if (filtered) {
        form.after(list);
      } else {
        list.remove();  // no hidden copies of the links below
      }
      status.textContent = countText(fitting.length, items.size, filtered);
    }

    form.addEventListener("change", update);
    form.addEventListener("submit", (event) => event.preventDefault());
    update();  // before the form is in the page, so the first count is not announced
    start.before(form);
  }

  function run() {
    const start = document.getElementById("metodval-faser");
    if (start && !document.querySelector(".handbok-metodval")) {
      build(start);
    }
  }

  if (window.document$) {
    window.document$.subscribe(run);
  } else {
    document.addEventListener("DOMContentLoaded", run);
  }
})();
