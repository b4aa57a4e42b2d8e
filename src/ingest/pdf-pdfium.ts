/**
 * PDF engine on PDFium (WebAssembly, @embedpdf/pdfium): every character with its own box, so
 * pieces are cut where the ink is, not where a producer happened to end a text run.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { init } from '@embedpdf/pdfium';
import { givenPdfiumWasm } from './pdfium-wasm.js';
import { eachPageObject, FPDF_PAGEOBJ_IMAGE, FPDF_PAGEOBJ_TEXT, viewX, viewY, type HoldingForm, type Pdfium, type View } from './pdfium-api.js';
import { droppedCopies } from './pdfium-copies.js';
import { spreadLigatures } from './ligatures.js';
import { readRulings } from './pdfium-rulings.js';
import type { Matrix, Picture } from './rulings.js';
import { insideClip, intersect, type Box } from './glyph-lines.js';
import { FontMapUnread, INVISIBLE_RENDER_MODES, isUnreadableCode, looksScanned, quarterTurns, pdfErrors, type Drawn, type Glyph, type PageGlyphs, type PdfDocument } from './pdf-common.js';
import type { FontUnicode } from './pdf-streams.js';
import { normalizeChar } from './radicals.js';
import { isSlanted } from './watermark.js';

const FPDF_ERR_PASSWORD = 4;
const ERROR_NAMES: Record<number, string> = { 1: '未知错误', 2: '文件错误', 3: '格式错误', 5: '不支持的安全设置', 6: '页面错误' };

/** calls made per character, per text object, per clip segment or per page: straight to the wasm (numbers in, numbers out) */
const DIRECT_CALLS = [
  'FPDFText_GetUnicode', 'FPDFText_IsGenerated', 'FPDFText_HasUnicodeMapError', 'FPDFText_GetLooseCharBox',
  'FPDFText_GetCharOrigin', 'FPDFText_GetFontSize', 'FPDFText_GetMatrix', 'FPDFText_GetTextObject', 'FPDFTextObj_GetFont', 'FPDFTextObj_GetTextRenderMode',
  'FPDFFont_GetGlyphWidth', 'FPDFPage_CountObjects', 'FPDFPage_GetObject', 'FPDFPageObj_GetType', 'FPDFPageObj_GetClipPath',
  'FPDFClipPath_CountPaths', 'FPDFClipPath_CountPathSegments', 'FPDFClipPath_GetPathSegment', 'FPDFPathSegment_GetPoint',
  // and per path object and path segment (the page's rules)
  'FPDFPathSegment_GetType', 'FPDFPathSegment_GetClose', 'FPDFPath_CountSegments', 'FPDFPath_GetPathSegment', 'FPDFPath_GetDrawMode',
  'FPDFPageObj_GetMatrix', 'FPDFPageObj_GetFillColor', 'FPDFPageObj_GetStrokeColor', 'FPDFFormObj_CountObjects', 'FPDFFormObj_GetObject',
  // per text object PDFium dropped (pdfium-copies.ts), and per page: the wrapper's lookup showed in profiles too
  'FPDFPageObj_GetBounds', 'FPDFTextObj_GetFontSize', 'FPDF_LoadPage', 'FPDF_ClosePage', 'FPDFText_LoadPage', 'FPDFText_CountChars',
  'FPDFText_ClosePage', 'FPDF_GetPageBoundingBox', 'FPDFPage_GetRotation', 'EPDFDoc_GetPageObjectNumberByIndex',
] as const;

let compiled: Promise<WebAssembly.Module> | null = null;
let loading: Promise<Pdfium> | null = null;

/**
 * PDFium's wasm compiled, once per process. V8 compiles it on background threads, so it is
 * started as early as a PDF is known to come: by bin/budget-lint.js before the command is even
 * loaded (pdfium-wasm.ts), or by warmUpPdfium.
 */
export function compiledPdfium(): Promise<WebAssembly.Module> {
  compiled ??=
    givenPdfiumWasm() ??
    readFile(createRequire(import.meta.url).resolve('@embedpdf/pdfium/pdfium.wasm')).then((bytes) => WebAssembly.compile(bytes));
  return compiled;
}

/** an instance of the compiled wasm, once per process (or warmUpPdfium) */
function pdfium(): Promise<Pdfium> {
  loading ??= (async () => {
    const module = await compiledPdfium();
    let failed: (e: unknown) => void = () => {};
    const failure = new Promise<never>((_, reject) => (failed = reject));
    // emscripten's hook for a module compiled elsewhere; a failure here would otherwise leave init pending
    const instantiateWasm = (imports: WebAssembly.Imports, receive: (instance: WebAssembly.Instance, module: WebAssembly.Module) => void) => {
      // receive runs PDFium's start-up: what it throws (an abort) fails the load, not the process
      WebAssembly.instantiate(module, imports).then((instance) => receive(instance, module)).catch(failed);
      return {};
    };
    // thisProgram: emscripten would take process.argv[1] as the program's name and assert that its
    // environment is ASCII, aborting every PDF when the command is installed under a Chinese path
    const options = { instantiateWasm, thisProgram: 'budget-lint' };
    const m = (await Promise.race([init(options as unknown as Parameters<typeof init>[0]), failure])) as unknown as Pdfium;
    m.PDFiumExt_Init();
    // calls made per character go straight to the wasm: the wrappers' argument checks cost more than the work
    const raw = m.pdfium.wasmExports as unknown as Record<string, unknown>;
    for (const name of DIRECT_CALLS) if (typeof raw[name] === 'function') Object.assign(m, { [name]: raw[name] });
    return m;
  })();
  return loading;
}

/**
 * Quarter turns that set the page's text upright, from the direction most characters run in:
 * the page's /Rotate is right for a landscape page drawn sideways, wrong for one whose /Rotate
 * was added to text drawn upright (a rotated scan of the layout, qpdf --rotate). The page's own
 * /Rotate serves where there is no text.
 */
function uprightTurns(m: Pdfium, page: number, text: number, n: number, scratch: number): number {
  const votes = [0, 0, 0, 0];
  for (let i = 0; i < n; i += Math.max(1, Math.floor(n / 400))) {
    // a space or line end PDFium infers has no matrix of its own (it says unturned): on a page drawn
    // sideways, its line-finding, made for upright text, infers one after almost every character
    if (m.FPDFText_IsGenerated(text, i) || !m.FPDFText_GetMatrix(text, i, scratch)) continue;
    const f32 = m.pdfium.HEAPF32;
    const [a, b] = [f32[scratch >> 2], f32[(scratch >> 2) + 1]];
    if (!isSlanted(a, b)) votes[quarterTurns(a, b)]++;
  }
  const best = votes.indexOf(Math.max(...votes));
  return votes[best] > 0 ? best : m.FPDFPage_GetRotation(page);
}

function viewOf(m: Pdfium, page: number, scratch: number, turns: number): View {
  m.FPDF_GetPageBoundingBox(page, scratch);
  const [left, top, right, bottom] = m.pdfium.HEAPF32.subarray(scratch >> 2, (scratch >> 2) + 4);
  const [x0, x1, y0, y1] = [Math.min(left, right), Math.max(left, right), Math.min(top, bottom), Math.max(top, bottom)];
  const [w, h] = [x1 - x0, y1 - y0];
  const sideways = turns === 1 || turns === 3;
  return { turns, x0, x1, y0, y1, width: sideways ? h : w, height: sideways ? w : h };
}

/** whether the page draws text, and pictures, at all (asked of a page that gave no text), forms included */
function drawn(m: Pdfium, page: number, scratch: number): Drawn {
  const found: Drawn = { text: false, image: false };
  eachPageObject(m, page, scratch, (_, type) => {
    if (type === FPDF_PAGEOBJ_TEXT) found.text = true;
    else if (type === FPDF_PAGEOBJ_IMAGE) found.image = true;
    return found.text && found.image;
  });
  return found;
}

/**
 * The box a text object's clip keeps visible, in viewport space, or null where it is not
 * clipped. A clip of several paths keeps their intersection: the intersection of their bounding
 * boxes holds it, so nothing visible falls outside the box. A producer that lays a long page out
 * and cuts it into pages (wkhtmltopdf) draws a row straddling the cut on both pages, each time
 * clipped to the page's printable area: the clipped-away copy is not printed, and must not be read.
 * Text inside a form XObject (a page drawn whole into another, as an overlay or an imposition
 * does) is clipped by its own clip, in the form's space, and by the clips the forms holding it
 * are drawn under, each in the space of what holds it.
 */
function clipBox(m: Pdfium, place: TextPlace | undefined, scratch: number, view: View): Box | null {
  if (!place) return null;
  let box = clipPathBox(m, place.obj, place.outer, scratch, view);
  for (let f = place.forms; f; f = f.within) {
    const held = clipPathBox(m, f.obj, f.outer, scratch, view);
    if (held) box = box ? intersect(box, held) : held;
  }
  return box;
}

/** the bounding box of an object's clip path, whose points the matrix takes to the page's space; null where it has none */
function clipPathBox(m: Pdfium, obj: number, [a, b, c, d, e, f]: Matrix, scratch: number, view: View): Box | null {
  const clip = m.FPDFPageObj_GetClipPath(obj);
  const paths = clip ? m.FPDFClipPath_CountPaths(clip) : 0;
  if (!(paths > 0)) return null;
  // scalars, not a box per path and a pair per point: a clip can have thousands of segments
  let bx0 = -Infinity;
  let bx1 = Infinity;
  let by0 = -Infinity;
  let by1 = Infinity;
  for (let p = 0; p < paths; p++) {
    const n = m.FPDFClipPath_CountPathSegments(clip, p);
    if (!(n > 0)) continue;
    let x0 = Infinity;
    let x1 = -Infinity;
    let y0 = Infinity;
    let y1 = -Infinity;
    for (let k = 0; k < n; k++) {
      const seg = m.FPDFClipPath_GetPathSegment(clip, p, k);
      if (!seg || !m.FPDFPathSegment_GetPoint(seg, scratch, scratch + 4)) continue;
      const heap = m.pdfium.HEAPF32;
      const x = heap[scratch >> 2];
      const y = heap[(scratch >> 2) + 1];
      const px = a * x + c * y + e;
      const py = b * x + d * y + f;
      const vx = viewX(view, px, py);
      const vy = viewY(view, px, py);
      if (vx < x0) x0 = vx;
      if (vx > x1) x1 = vx;
      if (vy < y0) y0 = vy;
      if (vy > y1) y1 = vy;
    }
    if (x0 > x1) continue;
    // a clip of several paths keeps their intersection
    bx0 = Math.max(bx0, x0);
    bx1 = Math.min(bx1, x1);
    by0 = Math.max(by0, y0);
    by1 = Math.min(by1, y1);
  }
  return bx0 === -Infinity && by0 === -Infinity ? null : { x0: bx0, x1: bx1, y0: by0, y1: by1 };
}

/** where a text object is drawn: its space's matrix to the page's, and the innermost form holding it (null: the page's own) */
interface TextPlace {
  obj: number;
  outer: Matrix;
  forms: HoldingForm | null;
}

/** every text object of the page, those inside form XObjects included, each with where it is drawn */
function textPlaces(m: Pdfium, page: number, scratch: number): Map<number, TextPlace> {
  const found = new Map<number, TextPlace>();
  eachPageObject(m, page, scratch, (obj, type, outer, forms) => {
    if (type === FPDF_PAGEOBJ_TEXT) found.set(obj, { obj, outer, forms });
  });
  return found;
}

/**
 * Where character i stands. Its extent runs from its origin over its advance width in its font:
 * PDFium's loose box is cut to the ink for some glyphs (目, 自 in Noto CJK), which would show a
 * gap between two characters of one word. The loose box serves where the font gives no width.
 * PDFium's out-parameters are read straight from the wasm heap (looked up again after each
 * call: the heap's views are replaced when it grows).
 */
function placed(m: Pdfium, text: number, i: number, obj: number, ch: string, code: number, scratch: number, view: View, fonts: Map<number, number>): Glyph | 'slanted' | 'sideways' {
  const f32 = scratch >> 2;
  const f64 = scratch >> 3;
  const fontSize = m.FPDFText_GetFontSize(text, i);
  m.FPDFText_GetMatrix(text, i, scratch);
  let heap32 = m.pdfium.HEAPF32;
  const a = heap32[f32];
  const b = heap32[f32 + 1];
  const c = heap32[f32 + 2];
  const d = heap32[f32 + 3];
  if (isSlanted(a, b)) return 'slanted';
  if ((a !== 0 || b !== 0) && quarterTurns(a, b) !== view.turns) return 'sideways';
  m.FPDFText_GetCharOrigin(text, i, scratch, scratch + 8);
  const heap64 = m.pdfium.HEAPF64;
  const ox = heap64[f64];
  const oy = heap64[f64 + 1];
  let font = fonts.get(obj);
  if (font === undefined) fonts.set(obj, (font = m.FPDFTextObj_GetFont(obj)));
  let advance = 0;
  if (font && code <= 0xffff && m.FPDFFont_GetGlyphWidth(font, code, fontSize, scratch + 16)) advance = m.pdfium.HEAPF32[f32 + 4];
  const y = viewY(view, ox, oy);
  let x0 = viewX(view, ox, oy);
  let x1 = viewX(view, ox + a * advance, oy + b * advance);
  if (!(advance > 0)) {
    m.FPDFText_GetLooseCharBox(text, i, scratch);
    heap32 = m.pdfium.HEAPF32;
    x0 = viewX(view, heap32[f32], heap32[f32 + 1]);
    x1 = viewX(view, heap32[f32 + 2], heap32[f32 + 3]);
  }
  // the font size as drawn: the text object's size scaled by its matrix
  const size = fontSize * Math.hypot(c, d) || 10;
  return { text: normalizeChar(ch, code), x0: Math.min(x0, x1), x1: Math.max(x0, x1), y, size };
}

/** a text object's font's base name, as the file writes it (subset tag and all) */
function baseFontName(m: Pdfium, obj: number): string {
  const font = m.FPDFTextObj_GetFont(obj);
  const length = font ? m.FPDFFont_GetBaseFontName(font, 0, 0) : 0;
  if (!length) return '';
  const buffer = m.pdfium.wasmExports.malloc(length);
  try {
    m.FPDFFont_GetBaseFontName(font, buffer, length);
    return Buffer.from(m.pdfium.HEAPU8.subarray(buffer, buffer + length - 1)).toString('utf8');
  } finally {
    m.pdfium.wasmExports.free(buffer);
  }
}

/**
 * The characters of one page; scratch holds 32 bytes for PDFium's out-parameters. A character
 * PDFium cannot map (it gives the character code) that its font's ToUnicode map in the file
 * does map (fontUnicode) stops the reading: PDFium's parser left that map unread, and pdf.js is
 * to read the file (FontMapUnread).
 */
function readChars(m: Pdfium, page: number, scratch: number, fontUnicode: FontUnicode): Omit<PageGlyphs, 'drawn'> & { clipped: number; view: View; characters: number; invisible: number } {
  const text = m.FPDFText_LoadPage(page);
  const fontNames = new Map<number, string>();
  const fontNameOf = (obj: number) => {
    let name = fontNames.get(obj);
    if (name === undefined) fontNames.set(obj, (name = baseFontName(m, obj)));
    return name;
  };
  const mapsInFile = (name: string, code: number) => {
    const mapped = name ? fontUnicode(name, code) : undefined;
    return !!mapped && !isUnreadableCode(mapped.codePointAt(0)!);
  };
  const fonts = new Map<number, number>();
  const clips = new Map<number, Box | null>();
  const hidden = new Map<number, boolean>();
  let places: Map<number, TextPlace> | undefined;
  const glyphs: Glyph[] = [];
  /** the text object each glyph came from */
  const objectOf: number[] = [];
  let unreadable = 0;
  let inUnreadable = false;
  let clipped = 0;
  let characters = 0;
  let invisible = 0;
  let slanted = 0;
  let sideways = 0;
  try {
    const n = m.FPDFText_CountChars(text);
    const view = viewOf(m, page, scratch, uprightTurns(m, page, text, n, scratch));
    for (let i = 0; i < n; i++) {
      // spaces and line ends PDFium infers are left out: gaps are measured, not guessed
      if (m.FPDFText_IsGenerated(text, i)) continue;
      // text drawn invisibly is counted (an OCR layer over a scan, looksScanned), and read as before
      const obj = m.FPDFText_GetTextObject(text, i);
      let unseen = hidden.get(obj);
      if (unseen === undefined) hidden.set(obj, (unseen = obj !== 0 && INVISIBLE_RENDER_MODES.has(m.FPDFTextObj_GetTextRenderMode(obj))));
      characters++;
      if (unseen) invisible++;
      const code = m.FPDFText_GetUnicode(text, i);
      const ch = String.fromCodePoint(code);
      const mapError = m.FPDFText_HasUnicodeMapError(text, i);
      if (mapError || isUnreadableCode(code)) {
        // (an OCR layer's invisible text is no reason: a scanned page is not read)
        if (!unseen && mapError && obj && mapsInFile(fontNameOf(obj), code)) throw new FontMapUnread();
        if (!inUnreadable) unreadable++;
        inUnreadable = true;
        continue;
      }
      inUnreadable = false;
      const g = placed(m, text, i, obj, ch, code, scratch, view, fonts);
      if (g === 'slanted') slanted++;
      if (g === 'sideways') sideways++;
      if (typeof g === 'string') continue;
      let clip = clips.get(obj);
      if (clip === undefined) clips.set(obj, (clip = clipBox(m, (places ??= textPlaces(m, page, scratch)).get(obj), scratch, view)));
      if (!clip || insideClip(g, clip)) {
        glyphs.push(g);
        objectOf.push(obj);
      } else clipped++;
    }
    spreadLigatures(glyphs, (a, b) => objectOf[a] === objectOf[b]);
    // PDFium's dropped copies are sought among the page's own text objects
    if (places) glyphs.push(...droppedCopies(m, [...places.values()].filter((p) => !p.forms).map((p) => p.obj), (obj) => hidden.has(obj), glyphs, objectOf, scratch, view));
    return { glyphs, width: view.width, height: view.height, unreadable, slanted, sideways, clipped, view, characters, invisible };
  } finally {
    m.FPDFText_ClosePage(text);
  }
}

/**
 * Start compiling the wasm now: most of it runs on V8's background threads, while the caller
 * goes on loading rules (a failure is left for openPdfium to report).
 */
export function warmUpPdfium(): void {
  pdfium().catch(() => {});
}

export async function openPdfium(file: string, bytes: Uint8Array, fontUnicode: FontUnicode = () => undefined): Promise<PdfDocument> {
  const m = await pdfium();
  const { malloc, free } = m.pdfium.wasmExports;
  // PDFium reads the file from the wasm heap as it goes: the copy lives until the document closes
  const data = malloc(bytes.length);
  m.pdfium.HEAPU8.set(bytes, data);
  const doc = m.FPDF_LoadMemDocument(data, bytes.length, '');
  if (!doc) {
    const code = m.FPDF_GetLastError();
    free(data);
    if (code === FPDF_ERR_PASSWORD) throw pdfErrors.encrypted(file);
    throw pdfErrors.corrupt(file, `PDFium：${ERROR_NAMES[code] ?? `错误 ${code}`}`);
  }
  const scratch = malloc(32);
  return {
    pages: m.FPDF_GetPageCount(doc),
    readsAtOnce: true,
    async page(p) {
      const page = m.FPDF_LoadPage(doc, p - 1);
      if (!page) throw pdfErrors.corrupt(file, `PDFium：第 ${p} 页无法读取`);
      try {
        const { clipped, view, characters, invisible, ...read } = readChars(m, page, scratch, fontUnicode);
        // a page without text has no table to rule, nor a text layer over a scan
        const pictures: Picture[] = [];
        const rulings = read.glyphs.length || invisible > 0 ? readRulings(m, page, scratch, view, pictures) : undefined;
        const scanned = invisible > 0 && looksScanned(invisible, characters, pictures.length > 0);
        if (scanned) return { ...read, glyphs: [], unreadable: 0, scanned, drawn: () => ({ text: true, image: true }), objectNumber: m.EPDFDoc_GetPageObjectNumberByIndex(doc, p - 1) };
        // asked only while the page is open; text all clipped away is text that is not printed
        const draws = read.glyphs.length === 0 && read.unreadable === 0 ? drawn(m, page, scratch) : { text: false, image: false };
        if (clipped > 0) draws.text = false;
        return { ...read, rulings, pictures, drawn: () => draws, objectNumber: m.EPDFDoc_GetPageObjectNumberByIndex(doc, p - 1) };
      } finally {
        m.FPDF_ClosePage(page);
      }
    },
    close() {
      m.FPDF_CloseDocument(doc);
      free(scratch);
      free(data);
    },
  };
}
