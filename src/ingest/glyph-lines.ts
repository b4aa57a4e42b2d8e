/**
 * Glyphs → lines → pieces, as every PDF engine's glyphs are read: lines by baseline, pieces by the
 * gaps between glyphs (a space, a gap wider than a piece's own, a cell's rule), and whether a
 * glyph stands where it is printed (on the page, within its clip).
 */
import type { Glyph } from './pdf-common.js';
import type { Segment } from './rulings.js';
import { foldFullwidthFigures, type PositionedPiece, type SourceLine } from './text.js';

/** a rectangle in viewport space */
export interface Box {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/** a point's leeway outside a clip box: a glyph's middle a hair outside its cell's clip is still printed */
const CLIP_LEEWAY = 1;

/** the part of two boxes both keep (a clip within a clip keeps their intersection) */
export function intersect(a: Box, b: Box): Box {
  return { x0: Math.max(a.x0, b.x0), x1: Math.min(a.x1, b.x1), y0: Math.max(a.y0, b.y0), y1: Math.min(a.y1, b.y1) };
}

/** where a glyph is taken to stand: its middle across, half an em above its baseline */
function middleOf(g: Glyph): { x: number; y: number } {
  return { x: (g.x0 + g.x1) / 2, y: g.y - 0.35 * g.size };
}

/** whether the middle of a glyph lies within the box */
export function insideClip(g: Glyph, box: Box): boolean {
  const { x, y } = middleOf(g);
  return x >= box.x0 - CLIP_LEEWAY && x <= box.x1 + CLIP_LEEWAY && y >= box.y0 - CLIP_LEEWAY && y <= box.y1 + CLIP_LEEWAY;
}

/** a gap wider than this share of the font size ends a piece: cells never run into each other */
const PIECE_GAP_EMS = 0.3;
/**
 * …and between Chinese and Latin text (figures, brackets): a typesetter spaces them apart by up to
 * this (XeTeX's xeCJK 0.36 em: 20 天, ≥ 98%, 预算数 (万元)), where two cells stand further apart
 * or a rule parts them (walledOff)
 */
const AUTOSPACE_EMS = 0.4;
const ASCII_RE = /^[\x21-\x7e]$/;
const autospaced = (a: Glyph, b: Glyph) => ASCII_RE.test(a.text) !== ASCII_RE.test(b.text);

/**
 * Whether a gap between two characters, in ems, is a typesetter's spacing of Chinese and Latin
 * rather than a space: wider than a piece's own gaps, not wider than that spacing, and between
 * the two scripts. pdf.js marks such a gap with a space of its own making (PDFium does not).
 */
export function isScriptSpacing(before: string, after: string, ems: number): boolean {
  return ems > PIECE_GAP_EMS && ems <= AUTOSPACE_EMS && ASCII_RE.test(before) !== ASCII_RE.test(after);
}

/**
 * glyphs of one line, left to right → pieces: touching glyphs join, a space or a gap splits, and so
 * does a cell's rule (walls: the x of the vertical rules the line crosses) with a gap after it
 */
function piecesOf(glyphs: Glyph[], walls: number[]): PositionedPiece[] {
  const pieces: PositionedPiece[] = [];
  let current: PositionedPiece | null = null;
  let last: Glyph | null = null;
  // the gap before the piece's last glyph: 0 for its first
  let lastGap = 0;
  for (let i = 0; i < glyphs.length; i++) {
    const g = glyphs[i];
    if (isSpace(g)) {
      // a space drawn over the glyph before it stands in no gap: iText ends each paragraph with a
      // space 2 pt under its last line, at the page's middle (项目支出绩效 目标自评表 otherwise)
      if (!(current && last && g.x0 < last.x1 - SPACE_OVERLAP_EMS * last.size)) current = null;
      continue;
    }
    // text drawn twice a hair apart (fake bold) is one text
    if (last && current && g.text === last.text && Math.abs(g.x0 - last.x0) < 0.15 * g.size) continue;
    const gap = current ? g.x0 - current.x1 : Infinity;
    const joins = gap <= PIECE_GAP_EMS * g.size || (last !== null && gap <= AUTOSPACE_EMS * g.size && autospaced(last, g));
    if (current && last && joins && !droppedSpace(last, glyphs, i, gap, lastGap) && !walledOff(last, g, gap, walls)) {
      current.text += g.text;
      current.x1 = Math.max(current.x1, g.x1);
      lastGap = gap;
    } else {
      current = { text: g.text, x0: g.x0, x1: g.x1 };
      pieces.push(current);
      lastGap = 0;
    }
    last = g;
  }
  return pieces;
}

/** spread text: at least this many single characters, set at most this far apart (ems), each gap within SPREAD_EVEN_EMS of the first */
const SPREAD_MIN_CHARS = 3;
const SPREAD_MAX_GAP_EMS = 8;
const SPREAD_EVEN_EMS = 0.15;
// one Chinese character, or the punctuation a label holds (年度资金总额：, 项目资金（元）)
const SINGLE_HAN = /^[\u4e00-\u9fff：（）、]$/;
/** punctuation that never opens a cell (it goes with the words before it) */
const CLOSING = /^[：）、]$/;
/** …and that never closes one (it goes with the words after it) */
const OPENING = /^（$/;

/** whether a cell's rule stands between two pieces */
const ruledApart = (a: PositionedPiece, b: PositionedPiece, walls: number[]) => walls.some((x) => x > a.x1 && x < b.x0);

/** whether pieces i..k are all a ruled cell holds on the line: rules around them, no other piece between those rules */
function wholeCell(pieces: PositionedPiece[], i: number, k: number, walls: number[]): boolean {
  const left = Math.max(-Infinity, ...walls.filter((x) => x <= pieces[i].x0));
  const right = Math.min(Infinity, ...walls.filter((x) => x >= pieces[k].x1));
  if (left === -Infinity || right === Infinity) return false;
  return (i === 0 || pieces[i - 1].x1 <= left) && (k === pieces.length - 1 || pieces[k + 1].x0 >= right);
}

/**
 * Words spread over their cell (Excel's and WPS's 分散对齐, a justified cell's last line, letters
 * spaced out: 行    政    单    位    离    退    休, 分    值), which piecesOf took apart at their
 * gaps, are one piece again: single characters that are all a ruled cell holds, or, without
 * rules, three or more single characters at even gaps; not 类 款 项 (a header's three cells of one
 * character each). Punctuation spaced off its words (年度资金总额 ：, 项目资金 （ 元 ）) joins them.
 */
function joinSpread(pieces: PositionedPiece[], size: number, walls: number[]): PositionedPiece[] {
  const out: PositionedPiece[] = [];
  for (let i = 0; i < pieces.length; i++) {
    let k = i;
    if (SINGLE_HAN.test(pieces[i].text)) {
      while (k + 1 < pieces.length && SINGLE_HAN.test(pieces[k + 1].text) && !ruledApart(pieces[k], pieces[k + 1], walls)) {
        if (!walls.length && pieces[k + 1].x0 - pieces[k].x1 > SPREAD_MAX_GAP_EMS * size) break;
        k++;
      }
    }
    if (k > i) {
      // the run, evenly set or a whole cell; else its first character goes on alone
      const run = pieces.slice(i, k + 1);
      const gaps = run.slice(1).map((p, j) => p.x0 - run[j].x1);
      const even = run.length >= SPREAD_MIN_CHARS && gaps.every((g) => Math.abs(g - gaps[0]) <= SPREAD_EVEN_EMS * size && g <= SPREAD_MAX_GAP_EMS * size);
      const text = run.map((p) => p.text).join('');
      if (!/^[类款项]+$/.test(text) && (even || wholeCell(pieces, i, k, walls))) {
        out.push({ text, x0: run[0].x0, x1: run[run.length - 1].x1 });
        i = k;
        continue;
      }
    }
    out.push(pieces[i]);
  }
  return attachPunctuation(out, walls);
}

/** a closing mark (：）、) spaced off the words before it joins them, an opening （ the words after it */
function attachPunctuation(pieces: PositionedPiece[], walls: number[]): PositionedPiece[] {
  const out: PositionedPiece[] = [];
  for (const p of pieces) {
    const prev = out[out.length - 1];
    if (prev && !ruledApart(prev, p, walls) && (CLOSING.test(p.text[0]) || OPENING.test(prev.text))) out[out.length - 1] = { text: prev.text + p.text, x0: prev.x0, x1: p.x1 };
    else out.push(p);
  }
  return out;
}

const isSpace = (g: Glyph) => /^\s+$/.test(g.text);
/** how far a space may start inside the glyph before it and still be a space between the two */
const SPACE_OVERLAP_EMS = 0.1;

/** the gap after glyph i to the next on its line; 0 at the line's end or before a space */
function gapAfter(glyphs: Glyph[], i: number): number {
  const next = glyphs[i + 1];
  return next && !isSpace(next) ? Math.max(0, next.x0 - glyphs[i].x1) : 0;
}

/** a gap this share of the font size between letters or figures is a space (a Latin space is 0.2–0.33 em) */
const DROPPED_SPACE_EMS = 0.15;
const LETTER_OR_FIGURE = /^[0-9A-Za-z]$/;

/**
 * Whether a gap between two glyphs is a space the producer left out as a glyph and drew as a
 * move (cairo does: 630200 25T000 000000 comes out as one word 63020025T000000000 otherwise).
 * Only between letters and figures: Word and Writer leave a gap as wide (0.2–0.25 em, measured
 * on every PDF here) between figures and Chinese characters (2024 年) without a space. And only
 * where the gap stands out from those beside it (lastGap before, the next after): text spread
 * evenly is one text. The next gap is measured only for such a gap: this runs for every glyph.
 */
function droppedSpace(last: Glyph, glyphs: Glyph[], i: number, gap: number, lastGap: number): boolean {
  const g = glyphs[i];
  if (gap <= DROPPED_SPACE_EMS * g.size || !LETTER_OR_FIGURE.test(last.text) || !LETTER_OR_FIGURE.test(g.text)) return false;
  return gap - Math.max(lastGap, gapAfter(glyphs, i)) > 0.1 * g.size;
}

/** a gap this share of the font size after a glyph that ends past a cell's rule parts two cells */
const WALL_GAP_EMS = 0.1;

/**
 * Whether a cell's rule stands between two glyphs set a gap apart: the first ends past the rule,
 * the next starts after it. ReportLab, and Word with hanging punctuation (允许标点溢出边界), let a
 * closing bracket hang over the cell's right rule: the next cell's ≥6.53万人 starts 1.2 pt (0.15 em)
 * after it. Text that runs on over a rule (Excel's overflow into an empty cell) has no gap there.
 */
function walledOff(last: Glyph, g: Glyph, gap: number, walls: number[]): boolean {
  if (gap < WALL_GAP_EMS * g.size) return false;
  const mid = (last.x0 + last.x1) / 2;
  return walls.some((x) => x > mid && x <= g.x0);
}

/** the x of the vertical rules that cross a line set at baseline y in this size */
function wallsAt(vertical: Segment[], y: number, size: number): number[] {
  return vertical.filter((s) => s.from < y - 0.5 * size && s.to > y).map((s) => s.at);
}

/**
 * Positions to a hundredth of a point: PDFium computes in single precision, pdf.js in double, and
 * the layout's thresholds must not tell 463.14 from 463.14004.
 */
const hundredths = (v: number) => Math.round(v * 100) / 100;

/** group glyphs into lines by baseline; superscripts and jitter within a third of the size join */
export function buildLines(glyphs: Glyph[], page: number, firstLine: number, vertical: Segment[] = []): SourceLine[] {
  const sorted = glyphs.filter((g) => g.text !== '').sort((a, b) => a.y - b.y || a.x0 - b.x0);
  const rows: Glyph[][] = [];
  for (const g of sorted) {
    const row = rows[rows.length - 1];
    const ref = row?.[0];
    if (row && Math.abs(ref.y - g.y) <= Math.max(2, 0.35 * Math.min(ref.size, g.size))) row.push(g);
    else rows.push([g]);
  }
  const lines: SourceLine[] = [];
  for (const row of rows) {
    const size = hundredths(row[0].size);
    const walls = vertical.length ? wallsAt(vertical, row[0].y, row[0].size) : [];
    const pieces = joinSpread(piecesOf(row.sort((a, b) => a.x0 - b.x0), walls), row[0].size, walls);
    if (!pieces.length) continue;
    // the line's text: pieces joined by one space (columns are told apart by x, not by spacing)
    let text = '';
    const placed: PositionedPiece[] = [];
    for (const p of pieces) {
      if (text) text += ' ';
      const printed = foldFullwidthFigures(p.text);
      placed.push({ text: printed, x0: hundredths(p.x0), x1: hundredths(p.x1), column: text.length + 1, size });
      text += printed;
    }
    lines.push({ line: firstLine + lines.length, pageLine: lines.length + 1, text, page, pieces: placed, y: hundredths(row[0].y), size });
  }
  return lines;
}

/** some producers leave text outside the page box (WPS 表格 repeats overflow there): it is not printed */
export function onPage(g: Glyph, width: number, height: number): boolean {
  const { x, y } = middleOf(g);
  return x >= 0 && x <= width && y >= 0 && y <= height;
}
