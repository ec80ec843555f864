// How the calculators' memory snapshot travels: packed at build time (handbok/browser/snapshot.mjs),
// unpacked in the reader's worker (worker.js), gzip around it. Pyodide's snapshot is its whole 30 MB
// heap, but only about 4 MB of it is not zero, and 3.2 MB starts as the data segments of
// pyodide.asm.wasm, which the reader downloads anyway and which mostly never change. So the packed form
// leaves out what the WebAssembly file already holds (XOR with its data segments, so unchanged bytes
// become zeros) and then every long run of zeros: a third fewer bytes on the wire than gzip of the
// whole heap, and a quarter as much to unzip in the worker (docs/om/beslut.md).
//
// Packed form, little-endian 32-bit words: MAGIC, the snapshot's length, where its heap starts, the
// number of extents, per extent its offset and length, then the extents' bytes. Offsets and lengths
// are multiples of 4, so the worker XORs word by word.

const MAGIC = 0x31534248; // "HBS1"
const HEADER_BYTES = 16;
const MIN_ZERO_RUN = 256; // shorter runs of zeros stay inside an extent: fewer, longer extents

/**
 * The packed form of Pyodide's snapshot `snapshot`, made with the WebAssembly module `wasm`.
 * @param {Uint8Array} snapshot
 * @param {Uint8Array} wasm
 * @returns {Uint8Array}
 */
export function pack(snapshot, wasm) {
  const heapStart = new DataView(snapshot.buffer, snapshot.byteOffset, 8).getUint32(4, true);
  const delta = new Uint8Array(padded(snapshot.length));
  delta.set(snapshot);
  const base = new Uint8Array(delta.length);
  placeDataSegments(base, heapStart, wasm);
  const deltaWords = new Int32Array(delta.buffer);
  const baseWords = new Int32Array(base.buffer);
  for (let i = 0; i < deltaWords.length; i++) deltaWords[i] ^= baseWords[i];

  const extents = nonZeroExtents(deltaWords);
  const tableEnd = HEADER_BYTES + extents.length * 8;
  const packed = new Uint8Array(tableEnd + extents.reduce((sum, [, length]) => sum + length, 0));
  const view = new DataView(packed.buffer);
  [MAGIC, snapshot.length, heapStart, extents.length].forEach((word, i) => view.setUint32(i * 4, word, true));
  let at = tableEnd;
  extents.forEach(([offset, length], i) => {
    view.setUint32(HEADER_BYTES + i * 8, offset, true);
    view.setUint32(HEADER_BYTES + i * 8 + 4, length, true);
    packed.set(delta.subarray(offset, offset + length), at);
    at += length;
  });
  return packed;
}

/**
 * Pyodide's snapshot back from its packed form `packed` and the WebAssembly module `wasm`.
 * @param {Uint8Array} packed
 * @param {Uint8Array} wasm
 * @returns {Uint8Array}
 */
export function unpack(packed, wasm) {
  const aligned = packed.byteOffset % 4 ? packed.slice() : packed;
  const view = new DataView(aligned.buffer, aligned.byteOffset, aligned.byteLength);
  if (view.getUint32(0, true) !== MAGIC) throw new Error("Ögonblicksbilden har ett okänt format.");
  const [length, heapStart, count] = [4, 8, 12].map((at) => view.getUint32(at, true));
  const snapshot = new Uint8Array(padded(length));
  placeDataSegments(snapshot, heapStart, wasm);
  const words = new Int32Array(snapshot.buffer);
  const tableEnd = HEADER_BYTES + count * 8;
  const delta = new Int32Array(aligned.buffer, aligned.byteOffset + tableEnd, (aligned.length - tableEnd) / 4);
  let next = 0;
  for (let i = 0; i < count; i++) {
    const first = view.getUint32(HEADER_BYTES + i * 8, true) / 4;
    const end = first + view.getUint32(HEADER_BYTES + i * 8 + 4, true) / 4;
    for (let word = first; word < end; word++) words[word] ^= delta[next++];
  }
  return snapshot.subarray(0, length);
}

/** @param {number} length */
function padded(length) {
  return Math.ceil(length / 4) * 4;
}

/**
 * [byte offset, byte length] of the parts of `words` that are not zero; runs of zeros shorter than
 * MIN_ZERO_RUN bytes are kept inside a part.
 * @param {Int32Array} words
 * @returns {Array<[number, number]>}
 */
function nonZeroExtents(words) {
  /** @type {Array<[number, number]>} */
  const extents = [];
  let start = -1;
  let last = -1;
  for (let i = 0; i < words.length; i++) {
    if (words[i] === 0) continue;
    if (start >= 0 && (i - last - 1) * 4 >= MIN_ZERO_RUN) {
      extents.push([start * 4, (last + 1 - start) * 4]);
      start = -1;
    }
    if (start < 0) start = i;
    last = i;
  }
  if (start >= 0) extents.push([start * 4, (last + 1 - start) * 4]);
  return extents;
}

/**
 * Copy the active data segments of the WebAssembly module `wasm` into `memory` as instantiating it
 * would, the memory's address 0 being `memory[heapStart]`. A segment whose address is not a constant
 * is left out, by packing and unpacking alike, so the result is the same.
 * @param {Uint8Array} memory
 * @param {number} heapStart
 * @param {Uint8Array} wasm
 */
function placeDataSegments(memory, heapStart, wasm) {
  for (const [address, data] of dataSegments(wasm)) {
    const at = heapStart + address;
    if (at < memory.length) memory.set(data.subarray(0, memory.length - at), at);
  }
}

const DATA_SECTION = 11;
const I32_CONST = 0x41;
const GLOBAL_GET = 0x23;
const END = 0x0b;

/**
 * The active data segments of a WebAssembly binary as [memory address, bytes].
 * @param {Uint8Array} wasm
 * @returns {Array<[number, Uint8Array]>}
 */
function dataSegments(wasm) {
  const reader = new Reader(wasm, 8); // after the magic number and version
  while (reader.at < wasm.length) {
    const id = reader.byte();
    const end = reader.unsigned() + reader.at;
    if (id === DATA_SECTION) return readSegments(reader);
    reader.at = end;
  }
  return [];
}

/** @param {Reader} reader */
function readSegments(reader) {
  /** @type {Array<[number, Uint8Array]>} */
  const segments = [];
  for (let count = reader.unsigned(); count > 0; count--) {
    const flags = reader.unsigned();
    const passive = flags === 1;
    if (flags === 2) reader.unsigned(); // memory index
    const address = passive ? null : reader.addressExpression();
    const length = reader.unsigned();
    if (address !== null) segments.push([address, reader.bytes.subarray(reader.at, reader.at + length)]);
    reader.at += length;
  }
  return segments;
}

class Reader {
  /** @param {Uint8Array} bytes @param {number} at */
  constructor(bytes, at) {
    this.bytes = bytes;
    this.at = at;
  }

  byte() {
    if (this.at >= this.bytes.length) throw new Error("WebAssembly-filen tar slut för tidigt.");
    return this.bytes[this.at++];
  }

  /** LEB128, unsigned. */
  unsigned() {
    let result = 0;
    for (let shift = 0; ; shift += 7) {
      const byte = this.byte();
      result += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return result;
    }
  }

  /** LEB128, signed, read as the unsigned 32-bit address it stands for. */
  signed32() {
    let result = 0;
    let shift = 0;
    let byte;
    do {
      byte = this.byte();
      result |= (byte & 0x7f) << shift;
      shift += 7;
    } while (byte & 0x80);
    if (shift < 32 && byte & 0x40) result |= -1 << shift;
    return result >>> 0;
  }

  /** A segment's address: a constant, or null for one read from a global. */
  addressExpression() {
    const opcode = this.byte();
    let address = null;
    if (opcode === I32_CONST) address = this.signed32();
    else if (opcode === GLOBAL_GET) this.unsigned();
    else throw new Error(`Okänt uttryck 0x${opcode.toString(16)} i WebAssembly-filens datasegment.`);
    if (this.byte() !== END) throw new Error("Oväntat uttryck i WebAssembly-filens datasegment.");
    return address;
  }
}
