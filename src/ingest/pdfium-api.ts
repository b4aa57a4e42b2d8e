/** The part of PDFium's C API the engine calls, and the page's viewport as it reads it. */
import { compose, IDENTITY, type Matrix } from './rulings.js';

/** the part of PDFium's C API we call (pointers are numbers into the wasm heap) */
export interface Pdfium {
  pdfium: { HEAPU8: Uint8Array; HEAPF32: Float32Array; HEAP32: Int32Array; HEAPF64: Float64Array; wasmExports: { malloc(n: number): number; free(p: number): void } };
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
  FPDFTextObj_GetTextRenderMode(obj: number): number;
  FPDFFont_GetGlyphWidth(font: number, unicode: number, size: number, width: number): boolean;
  FPDFFont_GetBaseFontName(font: number, buffer: number, length: number): number;
  FPDFPageObj_GetClipPath(obj: number): number;
  FPDFClipPath_CountPaths(clip: number): number;
  FPDFClipPath_CountPathSegments(clip: number, path: number): number;
  FPDFClipPath_GetPathSegment(clip: number, path: number, index: number): number;
  FPDFPathSegment_GetPoint(segment: number, x: number, y: number): boolean;
  FPDFPathSegment_GetType(segment: number): number;
  FPDFPathSegment_GetClose(segment: number): boolean;
  FPDFPath_CountSegments(path: number): number;
  FPDFPath_GetPathSegment(path: number, index: number): number;
  FPDFPath_GetDrawMode(path: number, fillMode: number, stroke: number): boolean;
  FPDFPageObj_GetMatrix(obj: number, matrix: number): boolean;
  FPDFPageObj_GetBounds(obj: number, left: number, bottom: number, right: number, top: number): boolean;
  FPDFTextObj_GetFontSize(obj: number, size: number): boolean;
  FPDFPageObj_GetFillColor(obj: number, r: number, g: number, b: number, a: number): boolean;
  FPDFPageObj_GetStrokeColor(obj: number, r: number, g: number, b: number, a: number): boolean;
}

export const FPDF_PAGEOBJ_TEXT = 1;
export const FPDF_PAGEOBJ_PATH = 2;
export const FPDF_PAGEOBJ_IMAGE = 3;
export const FPDF_PAGEOBJ_FORM = 5;

/** forms nest no deeper than this (a form drawing itself would never end) */
const MAX_FORM_DEPTH = 8;

/** an object's matrix; scratch holds 32 bytes */
export function matrixOf(m: Pdfium, obj: number, scratch: number): Matrix {
  if (!m.FPDFPageObj_GetMatrix(obj, scratch)) return IDENTITY;
  const heap = m.pdfium.HEAPF32;
  const k = scratch >> 2;
  return [heap[k], heap[k + 1], heap[k + 2], heap[k + 3], heap[k + 4], heap[k + 5]];
}

/** a form XObject objects are drawn in: itself drawn under the matrix `outer` (the space of what holds it), within the form `within` */
export interface HoldingForm {
  obj: number;
  outer: Matrix;
  within: HoldingForm | null;
}

/**
 * Each object the page draws, those inside form XObjects included (a form is descended into, not
 * handed on): its type, the matrix that takes its space to the page's (the forms' holding it),
 * and the innermost form holding it (null: the page's own). `visit` returns true to stop the walk.
 */
export function eachPageObject(m: Pdfium, page: number, scratch: number, visit: (obj: number, type: number, outer: Matrix, form: HoldingForm | null) => boolean | void): void {
  let stopped = false;
  const walk = (count: number, get: (i: number) => number, outer: Matrix, form: HoldingForm | null, depth: number) => {
    for (let i = 0; i < count && !stopped; i++) {
      const obj = get(i);
      const type = obj ? m.FPDFPageObj_GetType(obj) : 0;
      if (type !== FPDF_PAGEOBJ_FORM) stopped = visit(obj, type, outer, form) === true;
      else if (depth < MAX_FORM_DEPTH) {
        const held: HoldingForm = { obj, outer, within: form };
        walk(m.FPDFFormObj_CountObjects(obj), (k) => m.FPDFFormObj_GetObject(obj, k), compose(outer, matrixOf(m, obj, scratch)), held, depth + 1);
      }
    }
  };
  walk(m.FPDFPage_CountObjects(page), (i) => m.FPDFPage_GetObject(page, i), IDENTITY, null, 0);
}

/**
 * Page space (y up, as the PDF draws) → viewport space (y down, the page as displayed): the page
 * box and the quarter turns that set its text upright. viewX and viewY apply it, one coordinate
 * at a time (a call per character that allocates nothing).
 */
export interface View {
  turns: number;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  width: number;
  height: number;
}

export function viewX(v: View, x: number, y: number): number {
  switch (v.turns) {
    case 1: return y - v.y0;
    case 2: return v.x1 - x;
    case 3: return v.y1 - y;
    default: return x - v.x0;
  }
}

export function viewY(v: View, x: number, y: number): number {
  switch (v.turns) {
    case 1: return x - v.x0;
    case 2: return y - v.y0;
    case 3: return v.x1 - x;
    default: return v.y1 - y;
  }
}
