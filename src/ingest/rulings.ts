/**
 * The ruled lines a page draws (table borders), as both PDF engines find them: each engine walks
 * its own paths and hands every subpath here, in viewport space (points; x right, y down), so
 * that what counts as a rule is decided once. Excel and WPS draw a border as a thin filled
 * rectangle, Word and LibreOffice as a stroked line; a stroked rectangle's edges are rules too.
 * Curves, shading and white (invisible) paint are not rules.
 */

/** a ruled line: horizontal ones stand at y = at and run from x = from to x = to; vertical ones the other way */
export interface Segment {
  at: number;
  from: number;
  to: number;
}

export interface Rulings {
  horizontal: Segment[];
  vertical: Segment[];
}

/** where a page paints a picture: the box its image fills, in viewport space */
export interface Picture {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/** a picture of one page of a PDF (1-based), as SourceText carries them */
export interface PagePicture extends Picture {
  page: number;
}

/** an image fills the unit square of its matrix: the box that square covers under m (viewport space) */
export function pictureBox([a, b, c, d, e, f]: Matrix, toView: (x: number, y: number) => [number, number] = (x, y) => [x, y]): Picture {
  const corners = [[0, 0], [1, 0], [0, 1], [1, 1]].map(([u, v]) => toView(a * u + c * v + e, b * u + d * v + f));
  const xs = corners.map((p) => p[0]);
  const ys = corners.map((p) => p[1]);
  return { x0: Math.min(...xs), x1: Math.max(...xs), y0: Math.min(...ys), y1: Math.max(...ys) };
}

/** the rulings of one page of a PDF (1-based), as SourceText carries them */
export interface PageRulings extends Rulings {
  page: number;
}

/** a point of a subpath; curve: the edge that ends here is a curve, not a straight line */
export interface PathPoint {
  x: number;
  y: number;
  curve?: boolean;
}

/** a filled shape no thicker than this (points) is a line: Excel's borders are 0.5–1.5 pt rectangles */
const THIN = 2.5;
/** a rule shorter than this (points) is a tick or a glyph drawn as a path, not a border */
const MIN_LENGTH = 4;
/** two pieces of one rule a hair apart in position (points) are one rule */
const SAME_LINE = 1;
/** ... and gaps this small (points) between them close: each cell draws its own border */
const TOUCHING = 1.5;
/** how far from exact an edge may be and still count as horizontal or vertical (points) */
const SKEW = 0.5;

const hundredths = (v: number) => Math.round(v * 100) / 100;

/** collects the rules of one page, subpath by subpath */
export class RulingCollector {
  private readonly horizontal: Segment[] = [];
  private readonly vertical: Segment[] = [];

  constructor(
    private readonly width: number,
    private readonly height: number,
  ) {}

  /**
   * One subpath as painted, in viewport space. closed: it returns to its first point (a closing
   * edge is added). A thin shape made of straight edges (a filled or stroked line or rectangle)
   * is one rule along its middle; a stroked one's straight, axis-aligned edges are rules each.
   */
  add(points: PathPoint[], closed: boolean, stroked: boolean): void {
    if (points.length < 2) return;
    let [x0, x1, y0, y1] = [Infinity, -Infinity, Infinity, -Infinity];
    let curved = false;
    for (const p of points) {
      x0 = Math.min(x0, p.x);
      x1 = Math.max(x1, p.x);
      y0 = Math.min(y0, p.y);
      y1 = Math.max(y1, p.y);
      curved ||= p.curve === true;
    }
    const [w, h] = [x1 - x0, y1 - y0];
    if (!curved && Math.min(w, h) <= THIN) {
      // a dot where two borders meet (Word draws one at each corner) runs neither way: it is left out
      if (Math.max(w, h) < 2 * Math.min(w, h) + SKEW) return;
      if (w > h) this.push(this.horizontal, (y0 + y1) / 2, x0, x1, this.height, this.width);
      else this.push(this.vertical, (x0 + x1) / 2, y0, y1, this.width, this.height);
      return;
    }
    if (!stroked) return;
    const edges = closed ? [...points, points[0]] : points;
    for (let i = 1; i < edges.length; i++) {
      const [a, b] = [edges[i - 1], edges[i]];
      if (b.curve) continue;
      if (Math.abs(a.y - b.y) <= SKEW) this.push(this.horizontal, (a.y + b.y) / 2, Math.min(a.x, b.x), Math.max(a.x, b.x), this.height, this.width);
      else if (Math.abs(a.x - b.x) <= SKEW) this.push(this.vertical, (a.x + b.x) / 2, Math.min(a.y, b.y), Math.max(a.y, b.y), this.width, this.height);
    }
  }

  /** a rule clipped to the page (span: the page's extent along the rule, across: across it) */
  private push(into: Segment[], at: number, from: number, to: number, across: number, span: number): void {
    if (at < 0 || at > across) return;
    const [f, t] = [Math.max(0, from), Math.min(span, to)];
    if (t > f) into.push({ at, from: f, to: t });
  }

  /** the page's rules: pieces of one line joined, short ones left out */
  rulings(): Rulings {
    return { horizontal: merged(this.horizontal), vertical: merged(this.vertical) };
  }
}

/**
 * Collinear, touching pieces → one rule each, ordered by position then start. The position of a
 * joined rule is its pieces' mean, weighted by length (a border drawn as cell edges a hair
 * apart), to a hundredth of a point as glyphs are.
 */
function merged(segments: Segment[]): Segment[] {
  const sorted = [...segments].sort((a, b) => a.at - b.at || a.from - b.from);
  const out: Segment[] = [];
  for (let i = 0; i < sorted.length; ) {
    // a run of pieces at about one position
    let j = i + 1;
    while (j < sorted.length && sorted[j].at - sorted[j - 1].at <= SAME_LINE / 2 && sorted[j].at - sorted[i].at <= SAME_LINE) j++;
    const line = sorted.slice(i, j).sort((a, b) => a.from - b.from);
    let run: Segment[] = [];
    const flush = () => {
      const length = run.reduce((s, r) => s + (r.to - r.from), 0);
      const from = run[0].from;
      const to = Math.max(...run.map((r) => r.to));
      const at = length > 0 ? run.reduce((s, r) => s + r.at * (r.to - r.from), 0) / length : run[0].at;
      if (to - from >= MIN_LENGTH) out.push({ at: hundredths(at), from: hundredths(from), to: hundredths(to) });
    };
    let end = -Infinity;
    for (const s of line) {
      if (run.length && s.from > end + TOUCHING) {
        flush();
        run = [];
        end = -Infinity;
      }
      run.push(s);
      end = Math.max(end, s.to);
    }
    if (run.length) flush();
    i = j;
  }
  return out.sort((a, b) => a.at - b.at || a.from - b.from);
}

/** near-white paint (each channel 0–255) is not seen on paper */
export function invisible(r: number, g: number, b: number): boolean {
  return r >= 245 && g >= 245 && b >= 245;
}

/** an affine transform [a b c d e f]: x' = a·x + c·y + e, y' = b·x + d·y + f (as PDF writes it) */
export type Matrix = [number, number, number, number, number, number];

export const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** outer ∘ inner: inner applied first (a path's matrix inside a form's) */
export function compose(outer: ArrayLike<number>, inner: ArrayLike<number>): Matrix {
  const [a, b, c, d, e, f] = [outer[0], outer[1], outer[2], outer[3], outer[4], outer[5]];
  return [
    a * inner[0] + c * inner[1],
    b * inner[0] + d * inner[1],
    a * inner[2] + c * inner[3],
    b * inner[2] + d * inner[3],
    a * inner[4] + c * inner[5] + e,
    b * inner[4] + d * inner[5] + f,
  ];
}
