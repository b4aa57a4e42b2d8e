/**
 * PDFium's text page leaves out a text object it takes for the one before it drawn again (bold
 * faked by overprinting): the same character codes and font size, standing within an eighth of
 * the object's size of it. A font PDFium has no glyph boxes for (CJK not embedded: ReportLab's and
 * iText's STSong-Light) gives its objects no height, so their width counts instead: a long name
 * printed again a row or two below (a 支出总表's 项 and its detail row) is dropped, silently.
 * Such an object is found (a text object of the page that gave no character) and read as the
 * object it was taken for, moved to where it stands. An overprint a hair apart is not.
 */
import { viewX, viewY, type Pdfium, type View } from './pdfium-api.js';
import type { Glyph } from './pdf-common.js';

/** how many text objects back PDFium compares an object with (CPDF_TextPage keeps the last five) */
const LOOK_BACK = 5;
/** a copy stands at least this share of its font size away; an overprint (fake bold) nearer */
const MOVED_EMS = 0.5;
/** points within which two objects' boxes are the same size */
const SAME_SIZE = 0.5;

interface Bounds {
  left: number;
  bottom: number;
  right: number;
  top: number;
}

function boundsOf(m: Pdfium, obj: number, scratch: number): Bounds | null {
  if (!m.FPDFPageObj_GetBounds(obj, scratch, scratch + 4, scratch + 8, scratch + 12)) return null;
  const f = m.pdfium.HEAPF32;
  const at = scratch >> 2;
  return { left: f[at], bottom: f[at + 1], right: f[at + 2], top: f[at + 3] };
}

function fontSizeOf(m: Pdfium, obj: number, scratch: number): number {
  return m.FPDFTextObj_GetFontSize(obj, scratch) ? m.pdfium.HEAPF32[scratch >> 2] : NaN;
}

/**
 * The glyphs of the page's text objects that PDFium dropped as copies of one before them.
 * texts: the page's own text objects in drawing order; read: whether an object gave characters;
 * glyphs and objectOf: the glyphs read and the object each came from.
 */
export function droppedCopies(m: Pdfium, texts: number[], read: (obj: number) => boolean, glyphs: Glyph[], objectOf: number[], scratch: number, view: View): Glyph[] {
  const out: Glyph[] = [];
  // the last LOOK_BACK objects that gave characters, latest first: kept as the page goes, so that a
  // page of objects that give none (a font without a Unicode map) is not searched back to its start
  // for each of them (a damaged file's 4 pages took 33 s so)
  const recent: number[] = [];
  for (const obj of texts) {
    if (read(obj)) {
      recent.unshift(obj);
      if (recent.length > LOOK_BACK) recent.pop();
      continue;
    }
    const b = boundsOf(m, obj, scratch);
    if (!b || b.right - b.left < SAME_SIZE) continue;
    const font = m.FPDFTextObj_GetFont(obj);
    const size = fontSizeOf(m, obj, scratch);
    for (const donor of recent) {
      const d = boundsOf(m, donor, scratch);
      if (!d || m.FPDFTextObj_GetFont(donor) !== font || fontSizeOf(m, donor, scratch) !== size) continue;
      if (Math.abs(d.right - d.left - (b.right - b.left)) > SAME_SIZE || Math.abs(d.top - d.bottom - (b.top - b.bottom)) > SAME_SIZE) continue;
      // the move in viewport space (the view's map is affine: a difference of two points)
      const dx = viewX(view, b.left, b.bottom) - viewX(view, d.left, d.bottom);
      const dy = viewY(view, b.left, b.bottom) - viewY(view, d.left, d.bottom);
      const copied = glyphs.filter((_, i) => objectOf[i] === donor);
      if (copied.length && Math.hypot(dx, dy) >= MOVED_EMS * copied[0].size) for (const g of copied) out.push({ ...g, x0: g.x0 + dx, x1: g.x1 + dx, y: g.y + dy });
      break;
    }
  }
  return out;
}
