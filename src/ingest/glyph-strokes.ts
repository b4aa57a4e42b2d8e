/**
 * Characters painted twice: once as text and once as a stroked outline path. Word and WPS set
 * bold in fonts without a bold face by stroking the glyphs (text render mode 2); cairo
 * (pdftocairo, GNOME's print to PDF) keeps the text but writes the stroke as a path, whose
 * straight edges look like short rules. A rule lying wholly inside the boxes of the characters
 * on one line is such an outline, never a border: a border runs past the text of its cells,
 * through their padding, and does not strike through a character.
 */
import { lowerBound } from '../common/sorted.js';
import type { Glyph } from './pdf-common.js';
import type { Rulings, Segment } from './rulings.js';

/** an ideograph's em box about its baseline, as fractions of the font size (viewport y down) */
const ASCENT = 0.88;
const DESCENT = 0.12;
/** a rule this close to a box's edge (points) is not inside it: text set tight against a border */
const EDGE = 0.2;
/** gaps this small (points) between characters' boxes along a rule still cover it */
const GAP = 1.5;

interface Box {
  x0: number;
  x1: number;
  top: number;
  bottom: number;
}

/** whether [from, to] is covered by the intervals, gaps of at most GAP allowed */
function covered(from: number, to: number, intervals: Array<[number, number]>): boolean {
  intervals.sort((a, b) => a[0] - b[0]);
  let reach = from;
  for (const [a, b] of intervals) {
    if (a > reach + GAP) break;
    reach = Math.max(reach, b);
    if (reach >= to) return true;
  }
  return false;
}

/** the boxes of the characters whose baselines lie in [lo, hi], from boxes sorted by baseline */
function near(boxes: Box[], baselines: number[], lo: number, hi: number): Box[] {
  const a = lowerBound(baselines, lo);
  const out: Box[] = [];
  for (let i = a; i < baselines.length && baselines[i] <= hi; i++) out.push(boxes[i]);
  return out;
}

/** the page's rules less the characters' stroked outlines */
export function withoutGlyphStrokes(rulings: Rulings, glyphs: Glyph[]): Rulings {
  if (!glyphs.length || (!rulings.horizontal.length && !rulings.vertical.length)) return rulings;
  const sorted = glyphs.filter((g) => g.text.trim() && g.x1 > g.x0).sort((a, b) => a.y - b.y);
  const boxes: Box[] = sorted.map((g) => ({ x0: g.x0, x1: g.x1, top: g.y - ASCENT * g.size, bottom: g.y + DESCENT * g.size }));
  const baselines = sorted.map((g) => g.y);
  const largest = Math.max(...sorted.map((g) => g.size), 0);
  const inside = (v: number, lo: number, hi: number) => v > lo + EDGE && v < hi - EDGE;
  const horizontalStroke = (s: Segment) => {
    const around = near(boxes, baselines, s.at - DESCENT * largest, s.at + ASCENT * largest).filter((b) => inside(s.at, b.top, b.bottom));
    return around.length > 0 && covered(s.from, s.to, around.map((b) => [b.x0, b.x1]));
  };
  const verticalStroke = (s: Segment) => {
    const around = near(boxes, baselines, s.from - DESCENT * largest, s.to + ASCENT * largest).filter((b) => inside(s.at, b.x0, b.x1));
    return around.length > 0 && covered(s.from, s.to, around.map((b) => [b.top, b.bottom]));
  };
  const horizontal = rulings.horizontal.filter((s) => !horizontalStroke(s));
  const vertical = rulings.vertical.filter((s) => !verticalStroke(s));
  return horizontal.length === rulings.horizontal.length && vertical.length === rulings.vertical.length ? rulings : { horizontal, vertical };
}
