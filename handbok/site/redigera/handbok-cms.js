// Starts Decap CMS with the configuration generated from the content model (handbok/site/cms.py) and our
// file formats (formats.js), which save only what the editor changed instead of rewriting the whole file.
import { chapterFormat, yamlFormat } from "./formats.js";

async function start() {
  const response = await fetch(new URL("config.json", import.meta.url));
  const { config, headers } = await response.json();
  for (const [name, header] of Object.entries(headers)) {
    window.CMS.registerCustomFormat(name, "yml", yamlFormat(header));
  }
  window.CMS.registerCustomFormat("handbok-kapitel", "md", chapterFormat);
  window.CMS.init({ config });
}

start();
