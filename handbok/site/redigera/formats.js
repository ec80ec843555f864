// File formats for the form editor: each file keeps its parsed document, so comments, the schema line,
// key order and the block style of long texts survive a save; only the values the editor changed are replaced.
import { isMap, isScalar, isSeq, parseDocument } from "./yaml/index.js";

// The file's text travels with the entry from load to save under this key; it is never written to a file.
const SOURCE = "__handbok_kalla";
const FRONT_MATTER = /^---\r?\n([\s\S]*?\r?\n)?---\r?\n?/;

const isEmpty = (value) =>
  value === null || value === undefined || value === "" || (Array.isArray(value) && value.length === 0);
const isObject = (value) => value !== null && typeof value === "object" && !Array.isArray(value);
const same = (node, value) => JSON.stringify(node?.toJSON ? node.toJSON() : node) === JSON.stringify(value);

function ordered(value, order) {
  // New objects get their keys in the model's order, as the templates write them.
  if (Array.isArray(value)) return value.map((item) => ordered(item, order));
  if (!isObject(value)) return value;
  const rank = (key) => (order.includes(key) ? order.indexOf(key) : order.length);
  const keys = Object.keys(value).filter((key) => !isEmpty(value[key]));
  keys.sort((a, b) => rank(a) - rank(b));
  return Object.fromEntries(keys.map((key) => [key, ordered(value[key], order)]));
}

function scalar(doc, old, value) {
  const node = doc.createNode(value);
  if (!isScalar(node) || typeof value !== "string") return node;
  if (value.includes("\n")) {
    node.type = "BLOCK_LITERAL";
    const keptNewline = isScalar(old) && String(old.value).endsWith("\n") && !value.endsWith("\n");
    if (keptNewline) node.value = `${value}\n`;
  } else if (isScalar(old) && ["QUOTE_DOUBLE", "QUOTE_SINGLE"].includes(old.type)) {
    node.type = old.type;
  }
  return node;
}

function merged(doc, node, value, order) {
  if (same(node, value)) return node;
  if (isMap(node) && isObject(value)) {
    mergeMap(doc, node, value, order);
    return node;
  }
  if (isSeq(node) && Array.isArray(value)) {
    node.items = value.map((item, index) =>
      index < node.items.length ? merged(doc, node.items[index], item, order) : doc.createNode(ordered(item, order)));
    return node;
  }
  return isObject(value) || Array.isArray(value) ? doc.createNode(ordered(value, order)) : scalar(doc, node, value);
}

function insert(doc, map, key, value, order) {
  const pair = doc.createPair(key, ordered(value, order));
  if (typeof value === "string" && value.includes("\n")) pair.value = scalar(doc, null, value);
  const rank = order.indexOf(key);
  const after = map.items.findIndex((item) => order.indexOf(String(item.key)) > rank);
  if (rank < 0 || after < 0) map.items.push(pair);
  else map.items.splice(after, 0, pair);
}

function mergeMap(doc, map, values, order) {
  for (const pair of [...map.items]) {
    const key = String(isScalar(pair.key) ? pair.key.value : pair.key);
    if (!(key in values) || (isEmpty(values[key]) && !same(pair.value, values[key]))) map.delete(key);
  }
  for (const [key, value] of Object.entries(values)) {
    const current = map.get(key, true);
    if (current !== undefined) map.set(key, merged(doc, current, value, order));
    else if (!isEmpty(value)) insert(doc, map, key, value, order);
  }
}

function save(values, order, source) {
  const doc = parseDocument(source);
  if (!isMap(doc.contents)) doc.contents = doc.createNode({});
  mergeMap(doc, doc.contents, values, order);
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

export function yamlFormat(header) {
  return {
    fromFile: (text) => ({ ...(parseDocument(text).toJS() ?? {}), [SOURCE]: text }),
    toFile: (data, order = []) => {
      const { [SOURCE]: source, ...values } = data;
      return save(values, order, source ?? `${header}\n`);
    },
  };
}

export const chapterFormat = {
  fromFile(text) {
    const match = text.match(FRONT_MATTER);
    const front = match ? parseDocument(match[1] ?? "").toJS() ?? {} : {};
    return { ...front, body: match ? text.slice(match[0].length) : text, [SOURCE]: text };
  },
  toFile(data, order = []) {
    const { [SOURCE]: source, body = "", ...values } = data;
    const match = (source ?? "").match(FRONT_MATTER);
    if (!match && Object.values(values).every(isEmpty)) return body;
    const front = save(values, order, match?.[1] ?? "");
    return `---\n${front}---\n${body}`;
  },
};

