/**
 * Which pages draw from a content stream that does not inflate. Neither engine says so: PDFium
 * and pdf.js draw what they decoded up to the damage and go on, so a page half read would pass
 * as read. The file's objects are scanned here (top level and inside object streams), only the
 * pages' content streams are inflated, and pages are known by their object numbers.
 */
import { constants, inflateSync } from 'node:zlib';

interface RawObject {
  dict: string;
  /** the stream's bytes, when the object is a stream */
  data?: Buffer;
}

const OBJ_RE = /(\d+)\s+\d+\s+obj\b/g;
const REF_RE = /(\d+)\s+\d+\s+R\b/g;

function scanObjects(bytes: Buffer): Map<number, RawObject> {
  const text = bytes.toString('latin1');
  const objects = new Map<number, RawObject>();
  for (const m of text.matchAll(OBJ_RE)) {
    const start = m.index + m[0].length;
    const end = text.indexOf('endobj', start);
    const streamAt = text.indexOf('stream', start);
    if (streamAt >= 0 && (end < 0 || streamAt < end) && text[streamAt - 1] !== 'd') {
      const dataStart = streamAt + (text.startsWith('\r\n', streamAt + 6) ? 8 : 7);
      const dataEnd = text.indexOf('endstream', dataStart);
      if (dataEnd < 0) continue;
      objects.set(Number(m[1]), { dict: text.slice(start, streamAt), data: bytes.subarray(dataStart, dataEnd) });
    } else {
      objects.set(Number(m[1]), { dict: text.slice(start, end < 0 ? undefined : end) });
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

/** page object numbers whose content does not inflate; a file that cannot be scanned gives none */
export function brokenContentPages(bytes: Uint8Array): Set<number> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // encrypted streams inflate only once decrypted, which the engines do
  if (buffer.includes('/Encrypt')) return new Set();
  const objects = scanObjects(buffer);
  unpackObjectStreams(objects);
  const broken = new Set<number>();
  for (const [num, obj] of objects) {
    if (!/\/Type\s*\/Page(?!s)\b/.test(obj.dict)) continue;
    for (const c of contentsOf(obj, objects)) {
      const stream = objects.get(c);
      if (stream?.data && isFlate(stream.dict) && inflate(stream.data) === null) broken.add(num);
    }
  }
  return broken;
}
