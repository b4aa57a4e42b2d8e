/**
 * PDF engine on unpdf (pdf.js). pdf.js gives runs of text (items) with their origin and width
 * only, so each item is split into glyphs here: characters take their usual advance, and
 * whatever width is left over goes to the spaces pdf.js put where it saw a gap.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { getDocumentProxy } from 'unpdf';
import { pageDrawing, type OperatorList } from './pdfjs-rulings.js';
import { insideClip, isScriptSpacing } from './glyph-lines.js';
import { describeError, isUnreadable, looksScanned, quarterTurns, pdfErrors, type Drawn, type Glyph, type PageGlyphs, type PdfDocument } from './pdf-common.js';
import { normalizeText } from './radicals.js';
import { isSlanted } from './watermark.js';

/** pdf.js needs the predefined CJK CMaps as a plain directory path (a file:// URL did not work) */
function cMapDirectory(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve('pdfjs-dist/package.json')), 'cmaps') + path.sep;
}

/**
 * pdf.js 5 hands each font of an operator list over with ArrayBuffer.prototype.transferToFixedLength
 * (ES2024), which Node 20 lacks: the list then stops, silently, at the page's first font (its
 * rules and the text it draws are lost). The standard method is supplied where it is missing,
 * as the spec defines it for a buffer that need not be detached.
 */
function supplyTransferToFixedLength(): void {
  if (typeof (ArrayBuffer.prototype as { transferToFixedLength?: unknown }).transferToFixedLength === 'function') return;
  Object.defineProperty(ArrayBuffer.prototype, 'transferToFixedLength', {
    configurable: true,
    writable: true,
    value: function transferToFixedLength(this: ArrayBuffer, length = this.byteLength): ArrayBuffer {
      const copy = new ArrayBuffer(length);
      new Uint8Array(copy).set(new Uint8Array(this, 0, Math.min(length, this.byteLength)));
      return copy;
    },
  });
}
supplyTransferToFixedLength();

/**
 * usual advance of a character in ems: CJK, full-width forms and the quotes and dashes CJK
 * fonts set full-width take 1; figures a little over half; marks less
 */
function ems(ch: string): number {
  const c = ch.charCodeAt(0);
  if ((c >= 0x2e80 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xff00 && c <= 0xffef) || (c >= 0x2010 && c <= 0x2027)) return 1;
  if (/[.,:;'!|()[\]]/.test(ch)) return 0.3;
  return c === 0x20 ? 0.28 : 0.55;
}

/**
 * An item's glyphs. Where the item is clearly wider than its characters' usual advances and
 * holds spaces, the spaces take the surplus (they stand for gaps, often between two cells);
 * otherwise every advance is scaled to the item's width.
 */
export function itemGlyphs(str: string, x: number, y: number, width: number, size: number): Glyph[] {
  const chars = [...str];
  const spaces = chars.filter((c) => /\s/.test(c)).length;
  const natural = chars.reduce((s, c) => s + (/\s/.test(c) ? 0 : ems(c) * size), 0);
  // justified text is stretched by a few per cent, evenly; a gap between two cells is wider
  const spread = spaces > 0 && natural > 0 && width - natural > 0.1 * width;
  const total = chars.reduce((s, c) => s + ems(c), 0) || 1;
  const glyphs: Glyph[] = [];
  let at = x;
  for (const c of chars) {
    const w = spread ? (/\s/.test(c) ? (width - natural) / spaces : ems(c) * size) : (ems(c) * width) / total;
    glyphs.push({ text: c, x0: at, x1: at + w, y, size });
    at += w;
  }
  return glyphs;
}

interface PdfjsPage {
  getViewport(o: { scale: number; rotation?: number }): { width: number; height: number; transform: number[]; convertToViewportPoint(x: number, y: number): number[] };
  getTextContent(): Promise<{ items: Array<object> }>;
  getOperatorList(o?: { annotationMode?: number }): Promise<OperatorList>;
  cleanup(): void;
  ref?: { num: number } | null;
}

async function drawn(page: PdfjsPage): Promise<Drawn> {
  const { OPS } = await import('unpdf/pdfjs').then((m) => m as unknown as { OPS: Record<string, number> });
  const ops = new Set((await page.getOperatorList()).fnArray);
  const show = [OPS.showText, OPS.showSpacedText, OPS.nextLineShowText, OPS.nextLineSetSpacingShowText];
  const paint = Object.entries(OPS).filter(([name]) => /^paint.*Image/.test(name)).map(([, op]) => op);
  return { text: show.some((op) => ops.has(op)), image: paint.some((op) => ops.has(op)) };
}

type TextItem = { str: string; transform: number[]; width: number; height: number };

/** the page's text set upright: turned by the direction most items run in (see pdf-pdfium.ts) */
function uprightRotation(items: TextItem[]): number | undefined {
  const votes = [0, 0, 0, 0];
  for (const item of items) if (item.str.trim() && !isSlanted(item.transform[0], item.transform[1])) votes[quarterTurns(item.transform[0], item.transform[1])] += item.str.length;
  const best = votes.indexOf(Math.max(...votes));
  return votes[best] > 0 ? best * 90 : undefined;
}

/** where an item starts and ends along its direction, and the line it stands on across it */
function span(item: TextItem): { from: number; to: number; across: number } {
  const [a, b, , , e, f] = item.transform;
  const n = Math.hypot(a, b) || 1;
  const [cos, sin] = [a / n, b / n];
  const from = e * cos + f * sin;
  return { from, to: from + item.width, across: f * cos - e * sin };
}

/** how near two ends must meet to be one place: pdf.js sizes the space it adds from them */
const MEET_PT = 0.05;

/**
 * A space pdf.js made up for a typesetter's spacing of Chinese and Latin (XeTeX's ≥ 98%, 20 天):
 * it sits alone between two items of one line and spans exactly the gap between them. PDFium
 * adds no glyph there, so the gap decides whether two cells part, and it does here too. pdf.js
 * gives a space the producer drew the same way, but a font's space (0.22–0.28 em in the CJK and
 * Latin fonts here, 0.5 in SimSun) is narrower or wider than such spacing (isScriptSpacing).
 */
function isMadeUpSpace(items: TextItem[], i: number, size: number): boolean {
  const item = items[i];
  const [before, after] = [items[i - 1], items[i + 1]];
  if (item.str.trim() || !before?.str.trim() || !after?.str.trim()) return false;
  if (!isScriptSpacing(before.str.trimEnd().slice(-1), after.str.trimStart()[0], item.width / size)) return false;
  const [p, s, n] = [span(before), span(item), span(after)];
  const oneLine = Math.abs(p.across - s.across) < MEET_PT && Math.abs(n.across - s.across) < MEET_PT;
  return oneLine && Math.abs(p.to - s.from) < MEET_PT && Math.abs(s.to - n.from) < MEET_PT;
}

async function pageGlyphs(page: PdfjsPage): Promise<PageGlyphs> {
  const content = await page.getTextContent();
  const items = content.items.filter((raw): raw is TextItem => 'str' in raw);
  const upright = uprightRotation(items);
  const viewport = page.getViewport({ scale: 1, rotation: upright });
  const glyphs: Glyph[] = [];
  let unreadable = 0;
  let slanted = 0;
  let sideways = 0;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (isUnreadable(item.str)) {
      unreadable++;
      continue;
    }
    if (isSlanted(item.transform[0], item.transform[1])) {
      slanted += item.str.length;
      continue;
    }
    // to viewport space (x right, y down) so that rotated (landscape) pages read the same way
    const [a, b, , , e, f] = item.transform;
    if (upright !== undefined && (a !== 0 || b !== 0) && quarterTurns(a, b) * 90 !== upright) {
      sideways += item.str.replace(/\s/g, '').length;
      continue;
    }
    const [vx, vy] = viewport.convertToViewportPoint(e, f) as [number, number];
    const size = Math.hypot(a, b) || item.height || 10;
    if (isMadeUpSpace(items, i, size)) continue;
    glyphs.push(...itemGlyphs(normalizeText(item.str), vx, vy, item.width, size));
  }
  // a page without text has no table to rule, nor a text layer over a scan
  const drawing = items.length ? await pageDrawing(page, viewport) : undefined;
  // text drawn invisibly over a picture is an OCR layer, not what is printed (looksScanned)
  if (drawing && drawing.text.invisible > 0 && looksScanned(drawing.text.invisible, drawing.text.glyphs, drawing.pictures.length > 0)) {
    return { glyphs: [], width: viewport.width, height: viewport.height, unreadable: 0, scanned: true, drawn: () => ({ text: true, image: true }), objectNumber: page.ref?.num };
  }
  const clips = drawing?.text.clips;
  const printed = clips ? glyphs.filter((g) => clips.some((box) => insideClip(g, box))) : glyphs;
  // text all clipped away is text that is not printed (as under PDFium), not text that cannot be read
  const allClipped = printed.length === 0 && glyphs.length > 0;
  return { glyphs: printed, width: viewport.width, height: viewport.height, unreadable, slanted, sideways, rulings: drawing?.rulings, pictures: drawing?.pictures, drawn: allClipped ? async () => ({ ...(await drawn(page)), text: false }) : () => drawn(page), objectNumber: page.ref?.num };
}

export async function openUnpdf(file: string, bytes: Uint8Array): Promise<PdfDocument> {
  let pdf;
  try {
    // a copy, as a plain Uint8Array: pdf.js refuses Node's Buffer, and detaches what it is given
    pdf = await getDocumentProxy(new Uint8Array(bytes), {
      cMapUrl: cMapDirectory(),
      cMapPacked: true,
      isEvalSupported: false,
      disableFontFace: true,
      verbosity: 0,
    });
  } catch (err) {
    const d = describeError(err);
    if (/Password/i.test(d)) throw pdfErrors.encrypted(file);
    throw pdfErrors.corrupt(file, d);
  }
  const doc = pdf;
  let open: PdfjsPage | null = null;
  return {
    pages: doc.numPages,
    async page(p) {
      open?.cleanup();
      open = (await doc.getPage(p)) as unknown as PdfjsPage;
      return pageGlyphs(open);
    },
    async close() {
      open?.cleanup();
      await doc.destroy();
    },
  };
}
