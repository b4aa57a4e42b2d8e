/**
 * PDF engine on PDFium (WebAssembly, @embedpdf/pdfium): every character with its own box, so
 * pieces are cut where the ink is, not where a producer happened to end a text run.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { init } from '@embedpdf/pdfium';
import { isUnreadable, normalizeText, quarterTurns, pdfErrors, type Drawn, type Glyph, type PageGlyphs, type PdfDocument } from './pdf-common.js';

/** the part of PDFium's C API we call (pointers are numbers into the wasm heap) */
interface Pdfium {
  pdfium: { HEAPU8: Uint8Array; HEAPF32: Float32Array; HEAPF64: Float64Array; wasmExports: { malloc(n: number): number; free(p: number): void } };
  PDFiumExt_Init(): void;
  FPDF_LoadMemDocument(data: number, size: number, password: string): number;
  FPDF_GetLastError(): number;
  FPDF_GetPageCount(doc: number): number;
  FPDF_CloseDocument(doc: number): void;
  FPDF_LoadPage(doc: number, index: number): number;
  FPDF_ClosePage(page: number): void;
  FPDF_GetPageBoundingBox(page: number, rect: number): boolean;
  FPDFPage_GetRotation(page: number): number;
  FPDFPage_CountObjects(page: number): number;
  FPDFPage_GetObject(page: number, index: number): number;
  FPDFPageObj_GetType(obj: number): number;
  FPDFFormObj_CountObjects(form: number): number;
  FPDFFormObj_GetObject(form: number, index: number): number;
  EPDFDoc_GetPageObjectNumberByIndex(doc: number, index: number): number;
  FPDFText_LoadPage(page: number): number;
  FPDFText_ClosePage(text: number): void;
  FPDFText_CountChars(text: number): number;
  FPDFText_GetUnicode(text: number, i: number): number;
  FPDFText_IsGenerated(text: number, i: number): number;
  FPDFText_HasUnicodeMapError(text: number, i: number): number;
  FPDFText_GetLooseCharBox(text: number, i: number, rect: number): boolean;
  FPDFText_GetCharOrigin(text: number, i: number, x: number, y: number): boolean;
  FPDFText_GetFontSize(text: number, i: number): number;
  FPDFText_GetMatrix(text: number, i: number, matrix: number): boolean;
  FPDFText_GetTextObject(text: number, i: number): number;
  FPDFTextObj_GetFont(obj: number): number;
  FPDFFont_GetGlyphWidth(font: number, unicode: number, size: number, width: number): boolean;
}

const FPDF_ERR_PASSWORD = 4;
const FPDF_PAGEOBJ_TEXT = 1;
const FPDF_PAGEOBJ_IMAGE = 3;
const FPDF_PAGEOBJ_FORM = 5;
const ERROR_NAMES: Record<number, string> = { 1: '未知错误', 2: '文件错误', 3: '格式错误', 5: '不支持的安全设置', 6: '页面错误' };

const PER_CHARACTER = [
  'FPDFText_GetUnicode', 'FPDFText_IsGenerated', 'FPDFText_HasUnicodeMapError', 'FPDFText_GetLooseCharBox',
  'FPDFText_GetCharOrigin', 'FPDFText_GetFontSize', 'FPDFText_GetMatrix', 'FPDFText_GetTextObject', 'FPDFTextObj_GetFont',
  'FPDFFont_GetGlyphWidth',
] as const;

let loading: Promise<Pdfium> | null = null;

/** the wasm is compiled once per process, on first use (or warmUpPdfium); it ships in the package (no download) */
function pdfium(): Promise<Pdfium> {
  loading ??= (async () => {
    const require = createRequire(import.meta.url);
    const wasmBinary = await readFile(require.resolve('@embedpdf/pdfium/pdfium.wasm'));
    const m = (await init({ wasmBinary } as Parameters<typeof init>[0])) as unknown as Pdfium;
    m.PDFiumExt_Init();
    // calls made per character go straight to the wasm: the wrappers' argument checks cost more than the work
    const raw = m.pdfium.wasmExports as unknown as Record<string, unknown>;
    for (const name of PER_CHARACTER) if (typeof raw[name] === 'function') Object.assign(m, { [name]: raw[name] });
    return m;
  })();
  return loading;
}

/** page space (y up, as the PDF draws) → viewport space (y down, the page as displayed) */
type ToView = (x: number, y: number) => [number, number];

interface View {
  toView: ToView;
  width: number;
  height: number;
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
    if (!m.FPDFText_GetMatrix(text, i, scratch)) continue;
    const [a, b] = m.pdfium.HEAPF32.subarray(scratch >> 2, (scratch >> 2) + 2);
    votes[quarterTurns(a, b)]++;
  }
  const best = votes.indexOf(Math.max(...votes));
  return votes[best] > 0 ? best : m.FPDFPage_GetRotation(page);
}

function viewTransform(m: Pdfium, page: number, scratch: number, turns: number): View {
  m.FPDF_GetPageBoundingBox(page, scratch);
  const [left, top, right, bottom] = m.pdfium.HEAPF32.subarray(scratch >> 2, (scratch >> 2) + 4);
  const [x0, x1, y0, y1] = [Math.min(left, right), Math.max(left, right), Math.min(top, bottom), Math.max(top, bottom)];
  const [w, h] = [x1 - x0, y1 - y0];
  switch (turns) {
    case 1: return { toView: (x, y) => [y - y0, x - x0], width: h, height: w };
    case 2: return { toView: (x, y) => [x1 - x, y - y0], width: w, height: h };
    case 3: return { toView: (x, y) => [y1 - y, x1 - x], width: h, height: w };
    default: return { toView: (x, y) => [x - x0, y1 - y], width: w, height: h };
  }
}

/** whether the page draws text, and pictures, at all (asked of a page that gave no text), forms included */
function drawn(m: Pdfium, page: number): Drawn {
  const found: Drawn = { text: false, image: false };
  const visit = (count: number, get: (i: number) => number, depth: number) => {
    for (let i = 0; i < count && !(found.text && found.image); i++) {
      const obj = get(i);
      const type = obj ? m.FPDFPageObj_GetType(obj) : 0;
      if (type === FPDF_PAGEOBJ_TEXT) found.text = true;
      else if (type === FPDF_PAGEOBJ_IMAGE) found.image = true;
      else if (type === FPDF_PAGEOBJ_FORM && depth < 8) visit(m.FPDFFormObj_CountObjects(obj), (k) => m.FPDFFormObj_GetObject(obj, k), depth + 1);
    }
  };
  visit(m.FPDFPage_CountObjects(page), (i) => m.FPDFPage_GetObject(page, i), 0);
  return found;
}

/**
 * Where character i stands. Its extent runs from its origin over its advance width in its font:
 * PDFium's loose box is cut to the ink for some glyphs (目, 自 in Noto CJK), which would show a
 * gap between two characters of one word. The loose box serves where the font gives no width.
 */
function placed(m: Pdfium, text: number, i: number, ch: string, scratch: number, toView: ToView, fonts: Map<number, number>): Glyph {
  const f32 = scratch >> 2;
  const f64 = scratch >> 3;
  const fontSize = m.FPDFText_GetFontSize(text, i);
  m.FPDFText_GetMatrix(text, i, scratch);
  const [a, b, c, d] = m.pdfium.HEAPF32.subarray(f32, f32 + 4);
  m.FPDFText_GetCharOrigin(text, i, scratch, scratch + 8);
  const [ox, oy] = m.pdfium.HEAPF64.subarray(f64, f64 + 2);
  const obj = m.FPDFText_GetTextObject(text, i);
  if (!fonts.has(obj)) fonts.set(obj, m.FPDFTextObj_GetFont(obj));
  const font = fonts.get(obj)!;
  const code = ch.codePointAt(0)!;
  let advance = 0;
  if (font && code <= 0xffff && m.FPDFFont_GetGlyphWidth(font, code, fontSize, scratch + 16)) advance = m.pdfium.HEAPF32[f32 + 4];
  const [vx, y] = toView(ox, oy);
  let [x0, x1] = [vx, toView(ox + a * advance, oy + b * advance)[0]];
  if (!(advance > 0)) {
    m.FPDFText_GetLooseCharBox(text, i, scratch);
    const [left, top, right, bottom] = m.pdfium.HEAPF32.subarray(f32, f32 + 4);
    [x0, x1] = [toView(left, top)[0], toView(right, bottom)[0]];
  }
  // the font size as drawn: the text object's size scaled by its matrix
  const size = fontSize * Math.hypot(c, d) || 10;
  return { text: normalizeText(ch), x0: Math.min(x0, x1), x1: Math.max(x0, x1), y, size };
}

/** the characters of one page; scratch holds 32 bytes for PDFium's out-parameters */
function readChars(m: Pdfium, page: number, scratch: number): Omit<PageGlyphs, 'drawn'> {
  const text = m.FPDFText_LoadPage(page);
  const fonts = new Map<number, number>();
  const glyphs: Glyph[] = [];
  let unreadable = 0;
  let inUnreadable = false;
  try {
    const n = m.FPDFText_CountChars(text);
    const { toView, width, height } = viewTransform(m, page, scratch, uprightTurns(m, page, text, n, scratch));
    for (let i = 0; i < n; i++) {
      // spaces and line ends PDFium infers are left out: gaps are measured, not guessed
      if (m.FPDFText_IsGenerated(text, i)) continue;
      const ch = String.fromCodePoint(m.FPDFText_GetUnicode(text, i));
      if (m.FPDFText_HasUnicodeMapError(text, i) || isUnreadable(ch)) {
        if (!inUnreadable) unreadable++;
        inUnreadable = true;
        continue;
      }
      inUnreadable = false;
      glyphs.push(placed(m, text, i, ch, scratch, toView, fonts));
    }
    return { glyphs, width, height, unreadable };
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

export async function openPdfium(file: string, bytes: Uint8Array): Promise<PdfDocument> {
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
    async page(p) {
      const page = m.FPDF_LoadPage(doc, p - 1);
      if (!page) throw pdfErrors.corrupt(file, `PDFium：第 ${p} 页无法读取`);
      try {
        const read = readChars(m, page, scratch);
        // asked only while the page is open
        const draws = read.glyphs.length === 0 && read.unreadable === 0 ? drawn(m, page) : { text: false, image: false };
        return { ...read, drawn: () => draws, objectNumber: m.EPDFDoc_GetPageObjectNumberByIndex(doc, p - 1) };
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
