/**
 * Which pages draw from a content stream that does not inflate. Neither engine says so: PDFium
 * and pdf.js draw what they decoded up to the damage and go on, so a page half read would pass
 * as read. The file's objects are scanned here (top level and inside object streams), only the
 * pages' content streams are inflated, and pages are known by their object numbers. The scan
 * reads the file's bytes where they are: a latin1 copy of the whole file cost more than the scan.
 * The same scan gives the fonts' ToUnicode maps, for the characters PDFium cannot map.
 */
import { constants, inflateSync } from 'node:zlib';
import { parseToUnicode, pdfName } from './tounicode.js';

export interface RawObject {
  dict: string;
  /** the stream's bytes, when the object is a stream */
  data?: Buffer;
}

const REF_RE = /(\d+)\s+\d+\s+R\b/g;

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
/** \s among latin1 characters */
const isSpace = (c: number) => (c >= 0x09 && c <= 0x0d) || c === 0x20 || c === 0xa0;
const isWordChar = (c: number) => isDigit(c) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f;

/** the end of a run of bytes passing `test` that ends just before `i` (its first index), or -1 when the run is empty */
function runBefore(bytes: Uint8Array, i: number, test: (c: number) => boolean): number {
  let j = i;
  while (j > 0 && test(bytes[j - 1])) j--;
  return j < i ? j : -1;
}

/**
 * Every object header `N G obj`, as the regular expression /(\d+)\s+\d+\s+obj\b/g finds them,
 * in order; found from each `obj` backwards (a native search for `obj`, where the expression
 * tried every digit of the file, binary streams included).
 */
export function* objectHeaders(bytes: Buffer): Generator<{ num: number; end: number }> {
  for (let k = bytes.indexOf('obj'); k >= 0; k = bytes.indexOf('obj', k + 1)) {
    if (k + 3 < bytes.length && isWordChar(bytes[k + 3])) continue;
    const w2 = runBefore(bytes, k, isSpace);
    const d2 = w2 < 0 ? -1 : runBefore(bytes, w2, isDigit);
    const w1 = d2 < 0 ? -1 : runBefore(bytes, d2, isSpace);
    const d1 = w1 < 0 ? -1 : runBefore(bytes, w1, isDigit);
    if (d1 >= 0) yield { num: Number(bytes.toString('latin1', d1, w1)), end: k + 3 };
  }
}

/** bytes.indexOf(word, from) for increasing `from`, each occurrence found once */
function nextOf(bytes: Buffer, word: string): (from: number) => number {
  let at = -2;
  return (from) => {
    if (at !== -1 && at < from) at = bytes.indexOf(word, from);
    return at;
  };
}

const CR = 0x0d;
const LF = 0x0a;
const LETTER_D = 0x64;

function scanObjects(bytes: Buffer): Map<number, RawObject> {
  const objects = new Map<number, RawObject>();
  const nextEnd = nextOf(bytes, 'endobj');
  const nextStream = nextOf(bytes, 'stream');
  for (const { num, end: start } of objectHeaders(bytes)) {
    const end = nextEnd(start);
    const streamAt = nextStream(start);
    if (streamAt >= 0 && (end < 0 || streamAt < end) && bytes[streamAt - 1] !== LETTER_D) {
      const dataStart = streamAt + (bytes[streamAt + 6] === CR && bytes[streamAt + 7] === LF ? 8 : 7);
      const dataEnd = bytes.indexOf('endstream', dataStart);
      if (dataEnd < 0) continue;
      objects.set(num, { dict: bytes.toString('latin1', start, streamAt), data: bytes.subarray(dataStart, dataEnd) });
    } else {
      objects.set(num, { dict: bytes.toString('latin1', start, end < 0 ? undefined : end) });
    }
  }
  return objects;
}

const isFlate = (dict: string) => /\/Filter\s*(\/FlateDecode\b|\[\s*\/FlateDecode\s*\])/.test(dict);

/** inflated, or null when the data is damaged (a stream cut short still counts as read) */
function inflate(data: Buffer): Buffer | null {
  try {
    return inflateSync(data, { finishFlush: constants.Z_SYNC_FLUSH });
  } catch {
    return null;
  }
}

/** the objects packed in object streams, as if they stood at top level */
function unpackObjectStreams(objects: Map<number, RawObject>): void {
  for (const obj of [...objects.values()]) {
    if (!obj.data || !/\/Type\s*\/ObjStm/.test(obj.dict) || !isFlate(obj.dict)) continue;
    const first = Number(/\/First\s+(\d+)/.exec(obj.dict)?.[1]);
    const body = inflate(obj.data)?.toString('latin1');
    if (!body || !Number.isInteger(first)) continue;
    const header = body.slice(0, first).trim().split(/\s+/).map(Number);
    for (let i = 0; i + 1 < header.length; i += 2) {
      const end = i + 3 < header.length ? first + header[i + 3] : body.length;
      if (!objects.has(header[i])) objects.set(header[i], { dict: body.slice(first + header[i + 1], end) });
    }
  }
}

/** the object numbers of a page's content streams (/Contents n 0 R, or an array of them) */
function contentsOf(page: RawObject, objects: Map<number, RawObject>): number[] {
  const m = /\/Contents\s*(\[[^\]]*\]|\d+\s+\d+\s+R)/.exec(page.dict);
  if (!m) return [];
  const refs = [...m[1].matchAll(REF_RE)].map((r) => Number(r[1]));
  // an indirect array of streams
  const only = objects.get(refs[0]);
  if (refs.length === 1 && only && !only.data) return [...only.dict.matchAll(REF_RE)].map((r) => Number(r[1]));
  return refs;
}

/** which pages draw from a damaged content stream, asked page by page as they are read */
export interface DamagedPages {
  has(pageObjectNumber: number): boolean;
}

const NONE_DAMAGED: DamagedPages = { has: () => false };

/** the file's objects, scanned once (top level and inside object streams); null for an encrypted file or one the scan cannot follow */
export function fileObjects(bytes: Uint8Array): Map<number, RawObject> | null {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // encrypted streams inflate only once decrypted, which the engines do
  if (buffer.includes('/Encrypt')) return null;
  try {
    const objects = scanObjects(buffer);
    unpackObjectStreams(objects);
    return objects;
  } catch {
    return null;
  }
}

/**
 * The pages (by object number) whose content does not inflate; a file that cannot be scanned
 * has none found. A page's streams are inflated when the page is asked about, on this thread:
 * inflating them is a fraction of scanning the file, and zlib's threads cost more to hand each
 * stream to (a stream object per call) than they saved.
 */
export function damagedPages(objects: Map<number, RawObject> | null): DamagedPages {
  if (!objects) return NONE_DAMAGED;
  const isPage = (num: number) => /\/Type\s*\/Page(?!s)\b/.test(objects.get(num)?.dict ?? '');
  const contentStreams = (page: RawObject) =>
    contentsOf(page, objects)
      .map((c) => objects.get(c))
      .filter((stream): stream is Required<RawObject> => !!stream?.data && isFlate(stream.dict));
  return { has: (num) => isPage(num) && contentStreams(objects.get(num)!).some((stream) => inflate(stream.data) === null) };
}

/** a character's text by its font's own ToUnicode map, or undefined where the file gives none */
export type FontUnicode = (baseFont: string, code: number) => string | undefined;

/**
 * The ToUnicode maps of the file's fonts, by base font name, read when first asked. A name two
 * fonts share with maps that differ is no guide, and gives none.
 */
export function fontUnicode(objects: Map<number, RawObject> | null): FontUnicode {
  let maps: Map<string, Map<number, string> | null> | undefined;
  const read = () => {
    const found = new Map<string, Map<number, string> | null>();
    for (const obj of objects?.values() ?? []) {
      const ref = /\/ToUnicode\s+(\d+)\s+\d+\s+R/.exec(obj.dict);
      const name = /\/BaseFont\s*\/([^\s/[\]<>()]+)/.exec(obj.dict);
      const stream = ref && objects!.get(Number(ref[1]));
      if (!name || !stream?.data) continue;
      const data = isFlate(stream.dict) ? inflate(stream.data) : /\/Filter/.test(stream.dict) ? null : stream.data;
      if (!data) continue;
      const map = parseToUnicode(data.toString('latin1'));
      const key = pdfName(name[1]);
      const before = found.get(key);
      found.set(key, before === undefined || sameMap(before, map) ? map : null);
    }
    return found;
  };
  return (baseFont, code) => (maps ??= read()).get(baseFont)?.get(code);
}

function sameMap(a: Map<number, string> | null, b: Map<number, string>): boolean {
  return !!a && a.size === b.size && [...a].every(([code, text]) => b.get(code) === text);
}
