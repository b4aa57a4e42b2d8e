/**
 * Words set down a cell, a character a line (竖排: a form's 项目资金（元）, 绩效指标 or 数量指标 in a tall
 * merged cell, as Excel, WPS and a browser's vertical writing set them): a line extractor gives
 * each character on the line of its own height, among the other cells' lines. Left so,
 * 项目资金（元） says no unit (its （, 元 and ） stand on three lines) and its characters lead the rows
 * beside them (金 年度资金总额：…). Such a run is put back together as one word, on the line of its
 * middle character.
 */
import type { PositionedPiece, SourceLine } from '../ingest/text.js';
import { withPieces } from './ruled-rows.js';

/** a run has at least this many characters, ideographs among them, not one repeated */
const MIN_RUN = 3;
const GLYPH_RE = /^[\u3400-\u9fff\uf900-\ufaff（）()：:、]$/;
const IDEOGRAPH_RE = /[\u3400-\u9fff\uf900-\ufaff]/;
/**
 * a run's characters stand at most this many font sizes apart, baseline to baseline (Calc sets
 * vertical text 1.45 apart, a browser 1): closer than two rows of a table stand
 */
const MAX_PITCH = 1.6;
/** …and evenly: where one stands further on, a cell's border and padding part two cells' words (成本指标（20分） / 产出指标（40分）) */
const UNEVEN = 1.25;
/** their middles stand this close across (font sizes: a bracket is narrower than an ideograph) */
const SAME_MIDDLE = 0.3;
/** each stands alone on its line, no other word within this many font sizes of it (a letter-spaced line's characters stand closer) */
const ALONE = 1;

interface Glyph {
  line: number;
  piece: PositionedPiece;
  y: number;
  size: number;
}

const middle = (p: PositionedPiece) => (p.x0 + p.x1) / 2;

/** a run's parts that advance evenly */
function evenly(run: Glyph[]): Glyph[][] {
  const pitches = run.slice(1).map((g, i) => g.y - run[i].y);
  const least = Math.min(...pitches);
  const parts: Glyph[][] = [[run[0]]];
  pitches.forEach((p, i) => (p > UNEVEN * least ? parts.push([run[i + 1]]) : parts[parts.length - 1].push(run[i + 1])));
  return parts;
}

/** the runs among one page's lone characters: each down one column, a character a line */
function runsOf(glyphs: Glyph[]): Glyph[][] {
  const runs: Glyph[][] = [];
  for (const g of [...glyphs].sort((a, b) => a.y - b.y)) {
    const run = runs.find((r) => {
      const last = r[r.length - 1];
      const size = Math.max(g.size, last.size);
      return Math.abs(middle(last.piece) - middle(g.piece)) <= SAME_MIDDLE * size && g.line !== last.line && g.y - last.y <= MAX_PITCH * size;
    });
    if (run) run.push(g);
    else runs.push([g]);
  }
  return runs.flatMap(evenly).filter((r) => r.length >= MIN_RUN && varied(r));
}

/** a word's characters, not one repeated: 次 / 次 / 次 down a column are three rows' units */
function varied(run: Glyph[]): boolean {
  const ideographs = run.map((g) => g.piece.text).filter((t) => IDEOGRAPH_RE.test(t));
  return new Set(ideographs).size >= Math.max(2, Math.ceil(ideographs.length / 2));
}

/** each page's characters standing alone on their lines */
function loneGlyphs(lines: SourceLine[]): Map<number | undefined, Glyph[]> {
  const byPage = new Map<number | undefined, Glyph[]>();
  lines.forEach((l, i) => {
    if (!l.pieces || l.y === undefined) return;
    for (const [k, p] of l.pieces.entries()) {
      if (!GLYPH_RE.test(p.text)) continue;
      const size = p.size ?? l.size ?? 10;
      const [before, after] = [l.pieces[k - 1], l.pieces[k + 1]];
      if ((before && p.x0 - before.x1 < ALONE * size) || (after && after.x0 - p.x1 < ALONE * size)) continue;
      byPage.set(l.page, [...(byPage.get(l.page) ?? []), { line: i, piece: p, y: p.y ?? l.y, size }]);
    }
  });
  return byPage;
}

/** the lines with each vertical run joined into one word on the line of its middle character; lines left empty are gone */
export function joinVerticalText(lines: SourceLine[]): SourceLine[] {
  const runs = [...loneGlyphs(lines).values()].flatMap(runsOf);
  if (!runs.length) return lines;
  const gone = new Set<PositionedPiece>();
  const added = new Map<number, PositionedPiece[]>();
  for (const run of runs) {
    for (const g of run) gone.add(g.piece);
    const at = run[Math.floor((run.length - 1) / 2)];
    const word: PositionedPiece = { ...at.piece, text: run.map((g) => g.piece.text).join(''), x0: Math.min(...run.map((g) => g.piece.x0)), x1: Math.max(...run.map((g) => g.piece.x1)) };
    added.set(at.line, [...(added.get(at.line) ?? []), word]);
  }
  const out: SourceLine[] = [];
  lines.forEach((l, i) => {
    if (!l.pieces || (!added.has(i) && !l.pieces.some((p) => gone.has(p)))) {
      out.push(l);
      return;
    }
    const pieces = [...l.pieces.filter((p) => !gone.has(p)), ...(added.get(i) ?? [])];
    if (pieces.length) out.push(withPieces(l, pieces));
  });
  return out;
}
