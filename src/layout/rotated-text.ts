/**
 * Text of a page turned 90° (/Rotate 90, a landscape table printed across a portrait sheet), as
 * line extractors give it: they group characters by their height on the unturned page, so each
 * printed line comes out down the text a character a line, and characters of neighbouring
 * printed lines stand side by side on one line (`元 3 8 1 2 2`). No word or figure of such a
 * stretch can be put back together with confidence: it is found and said, and its lines are
 * left unread, never taken for rows, titles or sentences.
 */
import type { SourceLine } from '../ingest/text.js';

/** a stretch of text that is a turned page's, a character a line */
export interface RotatedStretch {
  /** its first and last line holding characters */
  from: SourceLine;
  to: SourceLine;
  /** how many lines hold its characters (blank lines among them not counted) */
  lines: number;
}

/**
 * Normal text never runs this long a character a line: a cell's label printed downwards
 * (绩/效/指/标, 项/目/支/出) is a few lines, a column of zeros carries no ideograph.
 */
const MIN_LINES = 12;
const MIN_IDEOGRAPH_LINES = 6;

const IDEOGRAPH_RE = /[\u3400-\u9fff\uf900-\ufaff]/;
const FRAGMENT_RE = /^[^\s\u3400-\u9fff\uf900-\ufaff]{3}$/;

/**
 * A line as a turned page's text gives it: only single characters, or pairs where two printed
 * lines' characters abut (`开门 、 1 2 、 、`); at least one single. Blank lines: null (they
 * neither make nor break a stretch).
 */
function stacked(text: string): boolean | null {
  const words = text.trim();
  if (!words) return null;
  const lengths = words.split(/\s+/).map((w) => [...w].length);
  return lengths.every((n) => n <= 2) && lengths.includes(1);
}

/**
 * The stretches of extracted text that are turned pages', in order. Lines a PDF engine placed on
 * the page (with pieces) are its own reading of the page, turned or not: none are looked for there.
 */
export function findRotatedText(lines: SourceLine[]): RotatedStretch[] {
  if (lines.some((l) => l.pieces)) return [];
  const out: RotatedStretch[] = [];
  // abutting: lines where two printed lines' characters stand side by side; unbroken: the longest run
  // of its lines without a blank one between. A turned page gives the one or the other: labels set down
  // their cells, each a block of a few lines (MuPDF: 产 / 出 / 指 / 标 / （ / 5 / 0 / 分 / ）, a blank line,
  // 社 / 会 / 效 / 益 / 指 / 标), neither
  let run: { from: SourceLine; to: SourceLine; lines: number; ideographs: number; abutting: number; unbroken: number; block: number } | null = null;
  const close = () => {
    if (run && run.lines >= MIN_LINES && run.ideographs >= MIN_IDEOGRAPH_LINES && (run.abutting > 0 || run.unbroken >= MIN_LINES)) out.push({ from: run.from, to: run.to, lines: run.lines });
    run = null;
  };
  for (const l of lines) {
    const s = stacked(l.text);
    if (s === null) {
      if (run) run.block = 0;
      continue;
    }
    if (!s) {
      // inside a stretch, three characters run together without a Chinese one (0.0, 7.8, of a
      // figure's digits stacked a character a line) are the stretch's too: they neither make nor break it
      if (run && FRAGMENT_RE.test(l.text.trim())) run.to = l;
      else close();
      continue;
    }
    run ??= { from: l, to: l, lines: 0, ideographs: 0, abutting: 0, unbroken: 0, block: 0 };
    run.to = l;
    run.lines++;
    run.unbroken = Math.max(run.unbroken, ++run.block);
    if (/\S\s+\S/.test(l.text.trim())) run.abutting++;
    if (IDEOGRAPH_RE.test(l.text)) run.ideographs++;
  }
  close();
  return out;
}

/** the lines with each stretch's lines (its blank ones too) emptied: kept, so that numbering and pages stand */
export function withoutRotatedText(lines: SourceLine[], stretches: RotatedStretch[]): SourceLine[] {
  if (!stretches.length) return lines;
  // stretches come in line order: one pass over both
  let k = 0;
  return lines.map((l) => {
    while (k < stretches.length && stretches[k].to.line < l.line) k++;
    const s = stretches[k];
    return s && l.text && l.line >= s.from.line ? { ...l, text: '' } : l;
  });
}
