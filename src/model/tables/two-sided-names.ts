/** The two-sided reader's segments (a side's name, 行次 and figures on one line), and names wrapped in their cells. */
import type { Token } from '../../layout/tokenize.js';
import type { Catalog } from './catalog.js';
import { labelText, stripEnumeration } from './builder.js';
import { sideByName } from './kinds.js';
import { isNamePiece } from './two-sided-cells.js';
import { isEnumerated } from '../../layout/tokenize.js';
import { WHOLE_NAME_RE } from './text-columns.js';

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

/**
 * On a page or in text laid out as printed, a piece of a name wrapped in its cell (三、国有资本经营预算拨款收 / 入), with no figure
 * on the lines beside it, joined to the name above it that starts where it does: neither prints a
 * figure, so no figure's row is in doubt, and the row is named whole (and on its own side).
 */
function joinPlacedTails(segments: Segment[], figureBeside: (seg: Segment, except?: Segment) => boolean, aligned: boolean, catalog: Catalog): Segment[] {
  // where a label starts: on a page, its x; in text laid out as printed, its column (one apart at most)
  const start = (t: Token | undefined) => (t?.x0 !== undefined ? { at: t.x0, near: t.size ?? 10 } : aligned && t ? { at: t.column, near: 2 } : null);
  const joined = new Set<Segment>();
  segments.forEach((seg, i) => {
    const own = start(seg.labels[0]);
    if (!own || seg.explicit || seg.lineNo || seg.values.length || !isNamePiece(labelText(seg.labels))) return;
    const head = segments
      .slice(Math.max(0, i - 3), i)
      .reverse()
      .find((o) => {
        const at = start(o.labels[0]);
        return !joined.has(o) && seg.line - o.line <= 2 && at !== null && Math.abs(at.at - own.at) < own.near;
      });
    if (!head || head.lineNo) return;
    // a figure beside the piece may be its own; the head's own figure is not in doubt where the piece,
    // with no other figure beside it, completes the head's name into one a side knows (八、社会保障和就
    // 1,608.51 / 业支出: the cell's last line printed at the next page's top)
    const completes = () => {
      const name = stripEnumeration(labelText(head.labels));
      return !sideByName(catalog, name) && !!sideByName(catalog, name + labelText(seg.labels));
    };
    const inDoubt = head.values.length > 0 || figureBeside(seg);
    if (inDoubt && !(head.values.length && !figureBeside(seg, head) && completes())) return;
    head.labels.push(...seg.labels);
    joined.add(seg);
  });
  return joined.size ? segments.filter((s) => !joined.has(s)) : segments;
}

/**
 * A two-sided table's names wrapped inside their cells. With a figure between a name's lines (一、财政 /
 * 13,649.07 / 拨款) the pieces of names stand as rows of their own and which figure is whose is not
 * certain (in text without columns to go by too): unsure. A piece with no figure on the lines beside
 * it (三、国有资本经营预算拨款收 / 入, the row printing none) takes none, and is joined to its name.
 */
export function readWrappedNames(segments: Segment[], laidOut: boolean, catalog: Catalog): { segments: Segment[]; unsure: string | null } {
  // a figure on a line next to the segment's (but on the line of `except`, the name the segment may end);
  // on a page, not one printed after a numbered name or a total of its own ((二十)住房保障支出 32.44
  // under (十九)自然资源海洋气象等支 / 出; 收入总计 under (二)国有资本经营预算拨 / 款): that figure is its
  // name's, whatever wraps beside it
  const ownFigures = (o: Segment) => {
    const name = labelText(o.labels);
    return o.labels[0]?.x0 !== undefined && !isNamePiece(name) && (isEnumerated(name) || /(合计|总计|小计)$/.test(name));
  };
  const figureBeside = (seg: Segment, except?: Segment) =>
    segments.some((o) => Math.abs(o.line - seg.line) === 1 && o.line !== except?.line && o.values.some((v) => v.kind === 'number') && !ownFigures(o));
  // text with nothing to place by (one space apart, no positions): a name's first line that does not
  // end as a name does (三、单位预留机动经 / 2.政府性基金预算 三、国防支出 3,258.06 / 费) is a piece too,
  // the figure between its lines may be its own or the name's before it
  const placeless = !laidOut && segments.every((seg) => seg.labels[0]?.x0 === undefined);
  const head = (name: string) => placeless && isEnumerated(name) && !WHOLE_NAME_RE.test(name) && !sideByName(catalog, stripEnumeration(name));
  const pieces = segments.filter((seg, i) => {
    if (seg.explicit || seg.lineNo || seg.values.length > 0 || !figureBeside(seg)) return false;
    // the line after a row its 行次 closed, figures and all (十七、援助其他地区 49 0.00 … / 支出): that
    // name's tail, whose figures are not in doubt (joinNameTails joins it)
    const before = segments[i - 1];
    if (before?.lineNo && before.values.length > 0 && seg.line - before.line === 1) return false;
    const name = labelText(seg.labels);
    return isNamePiece(name) || head(name);
  });
  const unsure = pieces.length >= 2 ? `项目名称在单元格内折行，与数字不在同一行（如「${labelText(pieces[0].labels)}」），未能可靠地分开各行` : null;
  return { segments: joinNameTails(joinPlacedTails(segments, figureBeside, laidOut, catalog), catalog), unsure };
}

/**
 * The last 行次 of the 收入 side by the document's own numbering: fewer than the form's where the
 * right side of a line numbers lower (an earlier year's form: 一、一般公共服务支出 at 行次 29 where the
 * form has 32), every number on the left of a line still below every one on its right; else none.
 */
export function ownLeftMaxLineNo(segments: Segment[], perLine: Map<number, number>): number {
  const numbered = (right: boolean) => segments.filter((seg) => perLine.get(seg.line)! > 1 && seg.position > 0 === right && seg.lineNo).map((seg) => seg.lineNo!.num!.value);
  const [leftNumbers, rightNumbers] = [numbered(false), numbered(true)];
  return rightNumbers.length && Math.max(0, ...leftNumbers) < Math.min(...rightNumbers) ? Math.min(...rightNumbers) - 1 : Infinity;
}
