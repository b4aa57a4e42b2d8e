/**
 * Where each table stands in the text: from its anchor (`公开01表`, `部门公开表3`) to the next
 * table's anchor or the end of the tables part. A table whose anchor comes again (a page
 * continuation) keeps one region made of several spans.
 */
import type { SourceLine, SourceText } from '../ingest/text.js';
import { tokenizeLine, type TokenLine } from './tokenize.js';
import { joinWrappedCells } from './wrap.js';

export interface TableRegion {
  /** canonical id: 公开01, 部门公开表3 */
  id: string;
  /** the anchor line (1-based) */
  anchorLine: number;
  anchor: SourceLine;
  /** printed title near the anchor, if any */
  title: string | null;
  titleLine: number | null;
  unit: '元' | '万元' | null;
  /** lines of the region in order (several spans for a table continued under a repeated anchor) */
  lines: TokenLine[];
}

const FINAL_ANCHOR = /^\s*公开\s*0?(\d{1,2})\s*表\s*$/;
const BUDGET_ANCHOR = /^\s*部门公开表\s*(\d{1,2})\s*$/;
/** the end of the tables part: the narrative, the performance part or an annex heading */
const PART_END = /^\s*(第[一二三四五六七八九十]部分|附件\s*\d+\s*$)/;
const UNIT_RE = /单位\s*[:：]\s*(万元|元)/;

export function anchorId(text: string): string | null {
  let m = FINAL_ANCHOR.exec(text);
  if (m) return `公开${m[1].padStart(2, '0')}`;
  m = BUDGET_ANCHOR.exec(text);
  if (m) return `部门公开表${Number(m[1])}`;
  return null;
}

function looksLikeTitle(text: string): boolean {
  const t = text.replace(/[\s\u3000]/g, '');
  return t.length >= 3 && t.length <= 40 && /表$/.test(t) && !/^附件|部分/.test(t) && !anchorId(text);
}

export function findTableRegions(source: SourceText): TableRegion[] {
  const lines = joinWrappedCells(source.lines);
  const regions = new Map<string, TableRegion>();
  let current: TableRegion | null = null;
  let docUnit: TableRegion['unit'] = null;

  for (let i = 0; i < lines.length; i++) {
    const text = lines[i].text;
    const id = anchorId(text);
    if (id) {
      let region = regions.get(id);
      if (!region) {
        const { title, titleLine } = findTitle(lines, i);
        region = { id, anchorLine: lines[i].line, anchor: lines[i], title, titleLine, unit: null, lines: [] };
        regions.set(id, region);
        // the unit is often printed just above the anchor, with the title
        for (let k = Math.max(0, i - 4); k < i; k++) {
          const u = UNIT_RE.exec(lines[k].text);
          if (u) region.unit = u[1] as '元' | '万元';
        }
      }
      current = region;
      continue;
    }
    if (!current) continue;
    if (PART_END.test(text)) {
      current = null;
      continue;
    }
    const u = UNIT_RE.exec(text);
    if (u && !current.unit && current.lines.length < 12) current.unit = u[1] as '元' | '万元';
    current.lines.push(tokenizeLine(lines[i]));
  }
  for (const r of regions.values()) {
    if (r.unit) docUnit ??= r.unit;
  }
  // a table printed without its own unit line takes the document's (tables share one unit)
  for (const r of regions.values()) r.unit ??= docUnit;
  return [...regions.values()];
}

function findTitle(lines: SourceLine[], anchorIndex: number): { title: string | null; titleLine: number | null } {
  for (const k of [anchorIndex - 1, anchorIndex - 2, anchorIndex - 3, anchorIndex + 1, anchorIndex + 2]) {
    if (k < 0 || k >= lines.length) continue;
    if (looksLikeTitle(lines[k].text)) {
      return { title: lines[k].text.replace(/[\s\u3000]/g, ''), titleLine: lines[k].line };
    }
  }
  return { title: null, titleLine: null };
}
