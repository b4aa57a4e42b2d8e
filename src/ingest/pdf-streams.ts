/**
 * Which pages draw from a content stream that does not inflate. Neither engine says so: PDFium
 * and pdf.js draw what they decoded up to the damage and go on, so a page half read would pass
 * as read. The file's objects are scanned here (top level and inside object streams), only the
 * pages' content streams are inflated, and pages are known by their object numbers.
 */
import { constants, inflate as inflateAsync, inflateSync } from 'node:zlib';

interface RawObject {
  dict: string;
  /** the stream's bytes, when the object is a stream */
  data?: Buffer;
}

const REF_RE = /(\d+)\s+\d+\s+R\b/g;

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
/** \s among latin1 characters */
const isSpace = (c: number) => (c >= 0x09 && c <= 0x0d) || c === 0x20 || c === 0xa0;
const isWordChar = (c: number) => isDigit(c) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f;

/** the end of a run of characters passing `test` that ends just before `i` (its first index), or -1 when the run is empty */
function runBefore(text: string, i: number, test: (c: number) => boolean): number {
  let j = i;
  while (j > 0 && test(text.charCodeAt(j - 1))) j--;
  return j < i ? j : -1;
}

/**
 * Every object header `N G obj`, as the regular expression /(\d+)\s+\d+\s+obj\b/g finds them,
 * in order; found from each `obj` backwards (a native search for `obj`, where the expression
 * tried every digit of the file, binary streams included).
 */
export function* objectHeaders(text: string): Generator<{ num: number; end: number }> {
  for (let k = text.indexOf('obj'); k >= 0; k = text.indexOf('obj', k + 1)) {
    if (k + 3 < text.length && isWordChar(text.charCodeAt(k + 3))) continue;
    const w2 = runBefore(text, k, isSpace);
    const d2 = w2 < 0 ? -1 : runBefore(text, w2, isDigit);
    const w1 = d2 < 0 ? -1 : runBefore(text, d2, isSpace);
    const d1 = w1 < 0 ? -1 : runBefore(text, w1, isDigit);
    if (d1 >= 0) yield { num: Number(text.slice(d1, w1)), end: k + 3 };
  }
}

/** text.indexOf(word, from) for increasing `from`, each occurrence found once */
function nextOf(text: string, word: string): (from: number) => number {
  let at = -2;
  return (from) => {
    if (at !== -1 && at < from) at = text.indexOf(word, from);
    return at;
  };
}

function scanObjects(bytes: Buffer): Map<number, RawObject> {
  const text = bytes.toString('latin1');
  const objects = new Map<number, RawObject>();
  const nextEnd = nextOf(text, 'endobj');
  const nextStream = nextOf(text, 'stream');
  for (const { num, end: start } of objectHeaders(text)) {
    const end = nextEnd(start);
    const streamAt = nextStream(start);
    if (streamAt >= 0 && (end < 0 || streamAt < end) && text[streamAt - 1] !== 'd') {
      const dataStart = streamAt + (text.startsWith('\r\n', streamAt + 6) ? 8 : 7);
      const dataEnd = text.indexOf('endstream', dataStart);
      if (dataEnd < 0) continue;
      objects.set(num, { dict: text.slice(start, streamAt), data: bytes.subarray(dataStart, dataEnd) });
    } else {
      objects.set(num, { dict: text.slice(start, end < 0 ? undefined : end) });
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

/** whether the data inflates, on libuv's threads: a PDF engine reads the pages meanwhile */
function inflates(data: Buffer): Promise<boolean> {
  return new Promise((resolve) => inflateAsync(data, { finishFlush: constants.Z_SYNC_FLUSH }, (err) => resolve(!err)));
}

/**
 * page object numbers whose content does not inflate; a file that cannot be scanned gives none.
 * The objects are scanned here and now; the pages' streams are inflated off this thread.
 */
export async function brokenContentPages(bytes: Uint8Array): Promise<Set<number>> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // encrypted streams inflate only once decrypted, which the engines do
  if (buffer.includes('/Encrypt')) return new Set();
  const objects = scanObjects(buffer);
  unpackObjectStreams(objects);
  const broken = new Set<number>();
  const checks: Promise<void>[] = [];
  for (const [num, obj] of objects) {
    if (!/\/Type\s*\/Page(?!s)\b/.test(obj.dict)) continue;
    for (const c of contentsOf(obj, objects)) {
      const stream = objects.get(c);
      if (stream?.data && isFlate(stream.dict)) checks.push(inflates(stream.data).then((ok) => void (ok || broken.add(num))));
    }
  }
  await Promise.all(checks);
  return broken;
}
