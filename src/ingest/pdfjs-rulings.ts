/**
 * pdf.js: what a page draws besides the text pdf.js's text content gives, from its operator list
 * in one walk: its ruled lines (rulings.ts decides what is a rule), the pictures it paints, and
 * how much of its text it draws invisibly (pdf.js's text content does not say how text is drawn).
 * pdf.js hands paths over in the space they were drawn in: the current transformation matrix is
 * followed here (save, restore, cm, form XObjects), starting from the viewport's, and so are the
 * paint's colour and the text render mode. Annotations are left out, as PDFium's page objects
 * leave them out.
 */
import { intersect, type Box } from './glyph-lines.js';
import { INVISIBLE_RENDER_MODES } from './pdf-common.js';
import { compose, IDENTITY, invisible, pictureBox, RulingCollector, type Matrix, type PathPoint, type Picture, type Rulings } from './rulings.js';

/** pdf.js's operator numbers (OPS) and path-data codes (DrawOPS) as its 5.x releases define them */
const OP = {
  save: 10, restore: 11, transform: 12, stroke: 20, closeStroke: 21, fill: 22, eoFill: 23, fillStroke: 24, eoFillStroke: 25,
  closeFillStroke: 26, closeEOFillStroke: 27, clip: 29, eoClip: 30, setTextRenderingMode: 38, setStrokeRGBColor: 58, setFillRGBColor: 59, paintFormXObjectBegin: 74,
  paintFormXObjectEnd: 75, constructPath: 91,
} as const;
const DRAW = { moveTo: 0, lineTo: 1, curveTo: 2, quadraticCurveTo: 3, closePath: 4 } as const;
const STROKES = new Set<number>([OP.stroke, OP.closeStroke, OP.fillStroke, OP.eoFillStroke, OP.closeFillStroke, OP.closeEOFillStroke]);
const FILLS = new Set<number>([OP.fill, OP.eoFill, OP.fillStroke, OP.eoFillStroke, OP.closeFillStroke, OP.closeEOFillStroke]);
/** pdf.js's AnnotationMode.DISABLE */
const ANNOTATIONS_DISABLED = 0;

export interface OperatorList {
  fnArray: number[];
  argsArray: unknown[];
}

export interface RuledPage {
  getOperatorList(o?: { annotationMode?: number }): Promise<OperatorList>;
}

interface State {
  ctm: Matrix;
  fill: boolean;
  stroke: boolean;
  /** the text render mode (Tr), part of the graphics state */
  mode: number;
  /** the box the clip path keeps, in viewport space (the bounding box of its paths' intersection), if clipped */
  clip: Box | null;
}

/** a colour as pdf.js gives it (#rrggbb) shows on white paper; anything else (a pattern) is taken to */
function shows(colour: unknown): boolean {
  if (typeof colour !== 'string' || !/^#[0-9a-f]{6}$/i.test(colour)) return true;
  const c = (i: number) => parseInt(colour.slice(i, i + 2), 16);
  return !invisible(c(1), c(3), c(5));
}

/** one painted path (pdf.js's path data: codes, each followed by its points) → subpaths to the collector */
function paint(data: ArrayLike<number>, ctm: Matrix, stroked: boolean, into: RulingCollector): void {
  const [a, b, c, d, e, f] = ctm;
  const at = (x: number, y: number, curve = false): PathPoint => ({ x: a * x + c * y + e, y: b * x + d * y + f, curve });
  let points: PathPoint[] = [];
  for (let i = 0; i < data.length; ) {
    switch (data[i]) {
      case DRAW.moveTo:
        into.add(points, false, stroked);
        points = [at(data[i + 1], data[i + 2])];
        i += 3;
        break;
      case DRAW.lineTo:
        points.push(at(data[i + 1], data[i + 2]));
        i += 3;
        break;
      case DRAW.curveTo:
        points.push(at(data[i + 5], data[i + 6], true));
        i += 7;
        break;
      case DRAW.quadraticCurveTo:
        points.push(at(data[i + 3], data[i + 4], true));
        i += 5;
        break;
      case DRAW.closePath:
        into.add(points, true, stroked);
        // a path going on after h starts again where its subpath began
        points = points.length ? [{ ...points[0], curve: false }] : [];
        i += 1;
        break;
      default:
        return;
    }
  }
  into.add(points, false, stroked);
}

/** paintImageMaskXObject … paintSolidColorImageMask: every way of painting a picture */
const PAINT_IMAGE = new Set([83, 84, 85, 86, 87, 88, 89, 90]);
/** showText, showSpacedText, nextLineShowText, nextLineSetSpacingShowText: their arguments hold the glyphs */
const SHOW_TEXT = new Set([44, 45, 46, 47]);

/** the glyphs the page's operators show, and how many of them in a render mode that draws nothing */
export interface TextDrawing {
  glyphs: number;
  invisible: number;
  /**
   * the boxes the text is clipped to, where all of it is clipped: a glyph outside every one of
   * them is not printed (wkhtmltopdf draws a row cut by a page on both pages, each copy clipped to
   * its page). pdf.js's text content does not say which text is clipped to which box, so only
   * what falls outside all of them is known not printed.
   */
  clips?: Box[];
}

export interface PageDrawing {
  rulings: Rulings;
  /** the boxes of the pictures the page paints (a table may be pasted as one; a scan is one) */
  pictures: Picture[];
  text: TextDrawing;
}

/** the glyphs of a show-text operator's arguments (glyph objects; numbers are spacing) */
function glyphsIn(args: unknown[]): number {
  let n = 0;
  for (const a of args) if (Array.isArray(a)) for (const g of a) if (g !== null && typeof g === 'object') n++;
  return n;
}

/** the box of a path's bounds (x0, y0, x1, y1 in the space it is drawn in) in viewport space, within the clip before */
function clipped(bounds: ArrayLike<number>, ctm: Matrix, before: Box | null): Box {
  const [a, b, c, d, e, f] = ctm;
  const xs: number[] = [];
  const ys: number[] = [];
  for (const [x, y] of [[bounds[0], bounds[1]], [bounds[2], bounds[1]], [bounds[0], bounds[3]], [bounds[2], bounds[3]]]) {
    xs.push(a * x + c * y + e);
    ys.push(b * x + d * y + f);
  }
  const box = { x0: Math.min(...xs), x1: Math.max(...xs), y0: Math.min(...ys), y1: Math.max(...ys) };
  return before ? intersect(box, before) : box;
}

/** what a page draws, in viewport space (viewport: its transform, size as the page's text is read) */
export async function pageDrawing(page: RuledPage, viewport: { transform: number[]; width: number; height: number }): Promise<PageDrawing> {
  const { fnArray, argsArray } = await page.getOperatorList({ annotationMode: ANNOTATIONS_DISABLED });
  const into = new RulingCollector(viewport.width, viewport.height);
  const pictures: Picture[] = [];
  const text: TextDrawing = { glyphs: 0, invisible: 0 };
  let state: State = { ctm: compose(viewport.transform, IDENTITY), fill: true, stroke: true, mode: 0, clip: null };
  const stack: State[] = [];
  // W (clip) takes effect with the path that follows it, whose bounds pdf.js hands over with it
  let clipNext = false;
  // each box once, by its corners: a sheet clips every cell's text to a box of its own
  const clips = new Map<string, Box>();
  let unclipped = false;
  for (let i = 0; i < fnArray.length; i++) {
    const args = argsArray[i] as unknown[];
    switch (fnArray[i]) {
      case OP.save:
        stack.push({ ...state });
        break;
      case OP.restore:
      case OP.paintFormXObjectEnd:
        state = stack.pop() ?? state;
        break;
      case OP.transform:
        state.ctm = compose(state.ctm, args as number[]);
        break;
      case OP.paintFormXObjectBegin:
        stack.push({ ...state });
        if (args[0]) state.ctm = compose(state.ctm, args[0] as number[]);
        break;
      case OP.setFillRGBColor:
        state.fill = shows(args[0]);
        break;
      case OP.setStrokeRGBColor:
        state.stroke = shows(args[0]);
        break;
      case OP.clip:
      case OP.eoClip:
        clipNext = true;
        break;
      case OP.constructPath: {
        const [op, [data], bounds] = args as [number, [ArrayLike<number> | null], ArrayLike<number> | null | undefined];
        if (clipNext && bounds && bounds.length >= 4) state.clip = clipped(bounds, state.ctm, state.clip);
        clipNext = false;
        const filled = FILLS.has(op) && state.fill;
        const stroked = STROKES.has(op) && state.stroke;
        if (data && (filled || stroked)) paint(data, state.ctm, stroked, into);
        break;
      }
      case OP.setTextRenderingMode:
        state.mode = Number(args[0]);
        break;
      default:
        if (PAINT_IMAGE.has(fnArray[i])) pictures.push(pictureBox(state.ctm));
        else if (SHOW_TEXT.has(fnArray[i])) {
          const n = glyphsIn(args);
          text.glyphs += n;
          if (!state.clip) unclipped = true;
          else clips.set(`${state.clip.x0},${state.clip.x1},${state.clip.y0},${state.clip.y1}`, state.clip);
          if (INVISIBLE_RENDER_MODES.has(state.mode)) text.invisible += n;
        }
        break;
    }
  }
  if (!unclipped && clips.size) text.clips = [...clips.values()];
  return { rulings: into.rulings(), pictures, text };
}
