/** The 栏次 line of a table's header: what no row of figures is. */
import type { SourceLine } from '../ingest/text.js';
import { parseNumber } from './tokenize.js';

/**
 * The 栏次 line under a header (`栏次 1 2 3`, `栏次 1 栏次 2`): small whole numbers rising from 1 or
 * 2, with no word but 栏次. It carries no row, so no name joins it (in a table set densely the
 * header's last line stands as close to it as a wrapped name would). 栏次 may wrap in its cell
 * (栏 / 次).
 */
export function isNumberingLine(line: SourceLine): boolean {
  // word by word, ending at the first that cannot be one: this runs for every line with figures
  let count = 0;
  let last = 0;
  for (const p of line.pieces!) {
    for (const w of p.text.split(/\s+/)) {
      if (!w || w === '栏次' || w === '栏' || w === '次') continue;
      const v = parseNumber(w)?.value;
      if (v === undefined || !Number.isInteger(v) || (count === 0 ? v > 2 : v <= last)) return false;
      last = v;
      count++;
    }
  }
  return count >= 2;
}
