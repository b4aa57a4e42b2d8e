/** The two-sided reader's segments (a side's name, 行次 and figures on one line), and names wrapped in their cells. */
import type { Token } from '../../layout/tokenize.js';
import type { Catalog } from './catalog.js';
import { labelText, stripEnumeration } from './builder.js';
import { sideByName } from './kinds.js';
import { isNamePiece } from './two-sided-cells.js';

export interface Segment {
  labels: Token[];
  lineNo?: Token;
  values: Token[];
  /** tab layouts: values are positional, blanks included */
  explicit: boolean;
  /** first or later segment on its physical line */
  position: number;
  line: number;
  /** PDF without 行次: the header's column group the segment stands in (0 收入, 1 支出, 2… another breakdown of 支出) */
  group?: number;
}

/**
 * Text: the tail of a name wrapped in its cell, alone on the line after its figures
 * (四、文化旅游体育与传媒 / 200,000 / 支出), is that name's, not an item of its own; so is a
 * tail that carries the figures of a name printed without them.
 */
export function joinNameTails(segments: Segment[], catalog: Catalog): Segment[] {
  return segments.filter((seg, i) => {
    const prev = segments[i - 1];
    const piece = seg.group === undefined && !seg.explicit && !seg.lineNo && isNamePiece(labelText(seg.labels));
    if (!piece || !prev || prev.labels.length === 0 || seg.line - prev.line > 2 || seg.labels[0].x0 !== undefined) return true;
    if (seg.values.length === 0 && prev.values.length > 0) {
      prev.labels.push(...seg.labels);
      return false;
    }
    // the figure after the name's last line (三、单位预留机动经 / 费 / 3,258.06, as PDFium's text
    // gives a wrapped cell): only where the piece completes a name no side knows into one it does
    const name = stripEnumeration(labelText(prev.labels));
    if (seg.values.length > 0 && prev.values.length === 0 && !prev.lineNo && !sideByName(catalog, name) && sideByName(catalog, name + labelText(seg.labels))) {
      prev.labels.push(...seg.labels);
      prev.values = seg.values;
      return false;
    }
    return true;
  });
}
