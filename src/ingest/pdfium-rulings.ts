/**
 * PDFium: the ruled lines of a page (rulings.ts decides what is a rule), from its path objects,
 * those inside form XObjects included. A path's points are in its own space: its matrix, and
 * the matrices of the forms that hold it, take them to the page's.
 */
import { eachPageObject, FPDF_PAGEOBJ_IMAGE, FPDF_PAGEOBJ_PATH, matrixOf, viewX, viewY, type Pdfium, type View } from './pdfium-api.js';
import { compose, invisible, pictureBox, RulingCollector, type Matrix, type PathPoint, type Picture, type Rulings } from './rulings.js';

const FPDF_SEGMENT_BEZIERTO = 1;
const FPDF_SEGMENT_MOVETO = 2;

/** whether the paint read by get (fill or stroke colour) shows on white paper */
function visible(m: Pdfium, get: Pdfium['FPDFPageObj_GetFillColor'], obj: number, scratch: number): boolean {
  if (!get(obj, scratch, scratch + 4, scratch + 8, scratch + 12)) return true;
  const heap = m.pdfium.HEAP32;
  const k = scratch >> 2;
  return !invisible(heap[k], heap[k + 1], heap[k + 2]);
}

/** one path object's subpaths, each handed to the collector as painted */
function pathRulings(m: Pdfium, obj: number, outer: Matrix, scratch: number, view: View, into: RulingCollector): void {
  if (!m.FPDFPath_GetDrawMode(obj, scratch, scratch + 4)) return;
  // both read before a colour is asked for: its out-parameters reuse the scratch
  const [fillMode, stroke] = [m.pdfium.HEAP32[scratch >> 2], m.pdfium.HEAP32[(scratch >> 2) + 1]];
  const filled = fillMode !== 0 && visible(m, m.FPDFPageObj_GetFillColor, obj, scratch);
  const stroked = stroke !== 0 && visible(m, m.FPDFPageObj_GetStrokeColor, obj, scratch);
  if (!filled && !stroked) return;
  const [a, b, c, d, e, f] = compose(outer, matrixOf(m, obj, scratch));
  const n = m.FPDFPath_CountSegments(obj);
  let points: PathPoint[] = [];
  // a Bézier segment is three points (two controls, then its end): only the end is kept
  let bezier = 0;
  for (let k = 0; k < n; k++) {
    const seg = m.FPDFPath_GetPathSegment(obj, k);
    if (!seg || !m.FPDFPathSegment_GetPoint(seg, scratch, scratch + 4)) continue;
    const heap = m.pdfium.HEAPF32;
    const [x, y] = [heap[scratch >> 2], heap[(scratch >> 2) + 1]];
    const [px, py] = [a * x + c * y + e, b * x + d * y + f];
    const type = m.FPDFPathSegment_GetType(seg);
    if (type === FPDF_SEGMENT_MOVETO) {
      into.add(points, false, stroked);
      points = [];
    }
    bezier = type === FPDF_SEGMENT_BEZIERTO ? bezier + 1 : 0;
    if (bezier % 3 === 1 || bezier % 3 === 2) continue;
    points.push({ x: viewX(view, px, py), y: viewY(view, px, py), curve: type === FPDF_SEGMENT_BEZIERTO });
    if (m.FPDFPathSegment_GetClose(seg)) {
      into.add(points, true, stroked);
      points = [];
    }
  }
  into.add(points, false, stroked);
}

/**
 * The ruled lines a page draws, in viewport space, and the boxes of the pictures it paints (into
 * `pictures`: a table may be pasted as one); scratch holds 32 bytes
 */
export function readRulings(m: Pdfium, page: number, scratch: number, view: View, pictures: Picture[] = []): Rulings {
  const into = new RulingCollector(view.width, view.height);
  const toView = (x: number, y: number): [number, number] => [viewX(view, x, y), viewY(view, x, y)];
  eachPageObject(m, page, scratch, (obj, type, outer) => {
    if (type === FPDF_PAGEOBJ_PATH) pathRulings(m, obj, outer, scratch, view, into);
    else if (type === FPDF_PAGEOBJ_IMAGE) pictures.push(pictureBox(compose(outer, matrixOf(m, obj, scratch)), toView));
  });
  return into.rulings();
}
