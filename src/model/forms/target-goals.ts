/**
 * A 绩效目标填报表's goals: 项目总目标 and 年度总体目标, two cells side by side under their
 * header, their text wrapping line by line and interleaved on the page. The right cell's text
 * starts at its left border: the x where most of the pieces right of the headers' midpoint start
 * (a cell's lines are set flush left, or its one line centred). Tab-separated text gives the two
 * cells by its tabs. Null where the header or the cells cannot be told apart.
 */
import type { SourceLine } from '../../ingest/text.js';
import { normalizeLabel } from '../../layout/tokenize.js';

export interface Goals {
  overall: string;
  annual: string;
}

/** the block's own label, merged down its left side (项目 / 绩效 / 目标) */
const BLOCK_LABEL = /^(项目|绩效|目标|项目绩效目标|绩效目标)$/;
/** pieces starting this close (points) start at the same border */
const SAME_EDGE = 2;

/** the goals under the header block[0], up to the indicators' header */
export function readGoals(block: SourceLine[]): Goals | null {
  const [head, ...body] = block;
  if (!head) return null;
  if (!head.pieces) return tabbedGoals(body);
  const centre = (re: RegExp) => {
    const p = head.pieces!.find((x) => re.test(normalizeLabel(x.text)));
    return p ? (p.x0 + p.x1) / 2 : null;
  };
  const left = centre(/^项目总目标$/);
  const right = centre(/^年度总体目标$/);
  if (left === null || right === null || right <= left) return null;
  const pieces: Piece[] = body.flatMap((l, row) => (l.pieces ?? []).map((p) => ({ text: p.text, x0: p.x0, x1: p.x1, row })));
  const content = pieces.filter((p) => !BLOCK_LABEL.test(normalizeLabel(p.text)));
  const start = Math.min(...content.map((p) => p.x0));
  // a block label word that stands among the cells' text is text
  const words = pieces.filter((p) => !BLOCK_LABEL.test(normalizeLabel(p.text)) || p.x1 > start);
  const middle = (left + right) / 2;
  const counts = new Map<number, number>();
  for (const p of words.filter((w) => w.x0 > middle)) counts.set(Math.round(p.x0 / SAME_EDGE), (counts.get(Math.round(p.x0 / SAME_EDGE)) ?? 0) + 1);
  const most = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0];
  const rightHead = head.pieces.find((x) => /^年度总体目标$/.test(normalizeLabel(x.text)))!;
  // no text starts in the right cell: it is empty, unless the left cell's lines run into it
  if (most === undefined) return words.some((p) => p.x1 > rightHead.x0) ? null : { overall: join(words), annual: '' };
  const border = most * SAME_EDGE;
  const overall: Piece[] = [];
  const annual: Piece[] = [];
  for (const p of words) {
    if (p.x0 >= border - SAME_EDGE) annual.push(p);
    else if (p.x1 <= border + SAME_EDGE) overall.push(p);
    else {
      // one piece across the border: the left cell's line run on into the right's, in one font
      const parts = cut(p, border, body[p.row].size);
      if (!parts) return null;
      overall.push(parts[0]);
      annual.push(parts[1]);
    }
  }
  return { overall: join(overall), annual: join(annual) };
}

interface Piece {
  text: string;
  x0: number;
  x1: number;
  row: number;
}

const join = (ps: Piece[]) => normalizeLabel([...ps].sort((a, b) => a.row - b.row || a.x0 - b.x0).map((p) => p.text).join(''));

/**
 * A piece cut at x where every character of it is as wide as the font is high (CJK text and
 * full-width punctuation): the character at x is known. Null where the widths differ.
 */
function cut(p: Piece, x: number, size: number | undefined): [Piece, Piece] | null {
  const chars = [...p.text];
  const width = (p.x1 - p.x0) / chars.length;
  if (!size || Math.abs(width - size) > size * 0.1 || chars.some((c) => c.charCodeAt(0) < 0x2000)) return null;
  const at = Math.round((x - p.x0) / width);
  return [
    { ...p, text: chars.slice(0, at).join(''), x1: x },
    { ...p, text: chars.slice(at).join(''), x0: x },
  ];
}

/** a spreadsheet export: each line the block's label (if any) and the two cells, by tabs */
function tabbedGoals(body: SourceLine[]): Goals | null {
  const overall: string[] = [];
  const annual: string[] = [];
  for (const line of body.filter((l) => l.text.trim())) {
    if (!line.text.includes('\t')) return null;
    const cells = line.text.split('\t').map((c) => normalizeLabel(c));
    while (cells.length > 2 && (BLOCK_LABEL.test(cells[0]) || cells[0] === '')) cells.shift();
    if (cells.length !== 2) return null;
    overall.push(cells[0]);
    annual.push(cells[1]);
  }
  return { overall: overall.join(''), annual: annual.join('') };
}
