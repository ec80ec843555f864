// Search in the theme's dialog with Pagefind: Swedish stemming, an index built after the site
// (handbok/site/search.py), loaded only from this site, so it works offline and under a strict CSP.
(function () {
  "use strict";

  const dialog = document.querySelector(".handbok-sok");
  if (!dialog) return;
  const toggle = document.getElementById("__search");
  const input = dialog.querySelector(".md-search__input");
  const status = dialog.querySelector(".md-search-result__meta");
  const list = dialog.querySelector(".md-search-result__list");
  const bundle = new URL(dialog.dataset.pagefind, location.href);
  const siteRoot = new URL("..", bundle).pathname;
  const MAX_RESULTS = 10;
  const DELAY_MS = 150;
  // Words a question is built from ("vem ansvarar för ..."): Pagefind wants every word on the page, so they are
  // dropped, unless the query is only such words. "varför" stays: "5 varför" is a method.
  const FILLER = new Set(("och att det som en ett i på för med av till om är var vi jag du man ni hur vad vem " +
    "vilka vilken vilket när ska kan den de har eller så inte oss mig min mitt vår våra sig där från finns gör " +
    "göra få").split(" "));
  const PROMPT = status.textContent;
  let engine = null;
  let latest = 0;

  function load() {
    engine ??= import(new URL("pagefind.js", bundle).href).then(async (pagefind) => {
      await pagefind.options({ baseUrl: siteRoot, excerptLength: 24, ranking: { termSimilarity: 6 } });
      await pagefind.init();
      return pagefind;
    });
    return engine;
  }

  function open() {
    if (!toggle.checked) toggle.click();
    load();
  }

  function close() {
    if (toggle.checked) toggle.click();
  }

  // Pagefind marks hits with <mark>; build the excerpt from text nodes so no markup from the index is parsed.
  function excerpt(text) {
    const paragraph = document.createElement("p");
    text.split(/(<mark>.*?<\/mark>)/).forEach((part) => {
      const hit = part.match(/^<mark>(.*)<\/mark>$/);
      const node = hit ? document.createElement("mark") : document.createTextNode("");
      node.textContent = decode(hit ? hit[1] : part);
      paragraph.append(node);
    });
    return paragraph;
  }

  function decode(text) {
    return new DOMParser().parseFromString(text, "text/html").documentElement.textContent;
  }

  function item(result) {
    const link = document.createElement("a");
    link.className = "md-search-result__link";
    link.href = result.url;
    const article = document.createElement("article");
    article.className = "md-search-result__article md-typeset";
    const title = document.createElement("h2");
    title.textContent = result.meta.title;
    article.append(title, excerpt(result.excerpt));
    link.append(article);
    const entry = document.createElement("li");
    entry.className = "md-search-result__item";
    entry.append(link);
    return entry;
  }

  function summary(count) {
    if (count === 0) return "Inga träffar. Pröva ett annat ord eller en kortare form av ordet.";
    const shown = Math.min(count, MAX_RESULTS);
    const hits = count === 1 ? "1 träff" : count + " träffar";
    return shown < count ? hits + ", de " + shown + " bästa visas" : hits;
  }

  async function search() {
    const query = input.value.trim();
    const current = ++latest;
    if (!query) {
      list.replaceChildren();
      status.textContent = PROMPT;
      return;
    }
    const pagefind = await load();
    await new Promise((resolve) => setTimeout(resolve, DELAY_MS));
    if (current !== latest) return;
    const found = await find(pagefind, words(query));
    const results = await Promise.all(found.slice(0, MAX_RESULTS).map((r) => r.data()));
    if (current !== latest) return;
    list.replaceChildren(...results.map(item));
    status.textContent = summary(found.length);
  }

  function words(query) {
    const all = query.toLocaleLowerCase("sv").split(/\s+/).filter(Boolean);
    const content = all.filter((word) => !FILLER.has(word));
    return content.length ? content : all;
  }

  // Pages with every word first; when no page has them all, pages with the most of them, best score first.
  async function find(pagefind, terms) {
    const every = await pagefind.search(terms.join(" "));
    if (every.results.length || terms.length < 2) return every.results;
    const merged = new Map();
    for (const each of await Promise.all(terms.map((term) => pagefind.search(term)))) {
      for (const hit of each.results) {
        const seen = merged.get(hit.id) ?? { hit, words: 0, score: 0 };
        seen.words += 1;
        seen.score += hit.score;
        merged.set(hit.id, seen);
      }
    }
    return [...merged.values()].sort((a, b) => b.words - a.words || b.score - a.score).map((m) => m.hit);
  }

  function links() {
    return [...list.querySelectorAll("a")];
  }

  // Arrow keys move between the field and the results; Escape closes and returns to the page.
  function keys(event) {
    const all = links();
    const position = all.indexOf(document.activeElement);
    if (event.key === "Escape") {
      event.preventDefault();
      input.blur();
      close();
    } else if (event.key === "ArrowDown" && all.length) {
      event.preventDefault();
      all[Math.min(position + 1, all.length - 1)].focus();
    } else if (event.key === "ArrowUp" && position >= 0) {
      event.preventDefault();
      (position === 0 ? input : all[position - 1]).focus();
    }
  }

  // The theme's shortcuts: "s", "f" or "/" anywhere outside a field opens the search.
  function shortcut(event) {
    const typing = event.target.closest("input, textarea, select, [contenteditable]");
    if (typing || event.ctrlKey || event.metaKey || event.altKey || !["s", "f", "/"].includes(event.key)) return;
    event.preventDefault();
    input.focus();
  }

  document.addEventListener("keydown", shortcut);
  input.addEventListener("focus", open);
  input.addEventListener("input", search);
  dialog.querySelector("form").addEventListener("submit", (event) => {
    event.preventDefault();
    links()[0]?.focus();
  });
  dialog.querySelector("form").addEventListener("reset", () => {
    input.value = "";
    search();
    input.focus();
  });
  dialog.addEventListener("keydown", keys);
  list.addEventListener("click", (event) => {
    if (event.target.closest("a")) close();
  });
  toggle.addEventListener("change", () => {
    if (toggle.checked) {
      load();
      setTimeout(() => { if (toggle.checked) input.focus(); }); // not after an Escape that came first
    }
  });
})();
