/**
 * A table of the report model drawn as the document prints it: its rows in order, a two-sided
 * table's income and expenditure rows side by side on their printed line; each cell a finding
 * is about highlighted, and the findings of a row beside it.
 */
import type { Column, Row, Table } from '../model/types.js';
import { cellId, escapeHtml as esc, SHOWN_ORDER, tableId, type Finding, type Placement } from './html-findings.js';

/** one side of a drawn row: the columns of a side (all of them, but in a two-sided table) */
interface Segment {
  cols: Array<{ col: Column; ci: number }>;
  code: boolean;
  lineNo: boolean;
  unplaced: boolean;
  label: string;
}

interface Line {
  cells: Array<{ row: Row; ri: number } | undefined>;
}

function segments(t: Table): Segment[] {
  const cols = t.columns.map((col, ci) => ({ col, ci }));
  const sides = t.layout === 'two-sided' ? (['收入', '支出'] as const) : [undefined];
  return sides.map((side) => {
    const rows = t.rows.filter((r) => side === undefined || (r.side ?? '收入') === side);
    return {
      cols: side === undefined ? cols : cols.filter(({ col }) => (col.side ?? '收入') === side),
      code: rows.some((r) => r.code && !r.side),
      lineNo: rows.some((r) => r.lineNo !== undefined),
      unplaced: rows.some((r) => r.unplaced.length > 0),
      label: side ? `${side}项目` : '项目',
    };
  });
}

/** rows in print order; in a two-sided table an income and an expenditure row share their printed line */
function lines(t: Table): Line[] {
  const indexed = t.rows.map((row, ri) => ({ row, ri }));
  if (t.layout !== 'two-sided') return indexed.map((x) => ({ cells: [x] }));
  const out: Line[] = [];
  const open = new Map<string, Line>();
  const sorted = [...indexed].sort((a, b) => (a.row.loc.page ?? 0) - (b.row.loc.page ?? 0) || a.row.loc.line - b.row.loc.line || a.ri - b.ri);
  for (const x of sorted) {
    const slot = x.row.side === '支出' ? 1 : 0;
    const key = `${x.row.loc.page ?? 0}:${x.row.loc.line}`;
    let line = open.get(key);
    if (!line || line.cells[slot]) {
      line = { cells: [undefined, undefined] };
      open.set(key, line);
      out.push(line);
    }
    line.cells[slot] = x;
  }
  return out;
}

function header(segs: Segment[], notes: boolean): string {
  const grouped = segs.some((s) => s.cols.some(({ col }) => col.group));
  const span = grouped ? ' rowspan="2"' : '';
  const top: string[] = [];
  const second: string[] = [];
  for (const s of segs) {
    if (s.code) top.push(`<th${span}>编码</th>`);
    top.push(`<th${span}>${esc(s.label)}</th>`);
    if (s.lineNo) top.push(`<th${span}>行次</th>`);
    for (let i = 0; i < s.cols.length; ) {
      const group = s.cols[i].col.group;
      let n = 1;
      while (group && s.cols[i + n]?.col.group === group) n++;
      if (!group) top.push(`<th${span}>${esc(s.cols[i].col.name)}</th>`);
      else {
        top.push(`<th colspan="${n}">${esc(group)}</th>`);
        for (const { col } of s.cols.slice(i, i + n)) second.push(`<th>${esc(col.name)}</th>`);
      }
      i += n;
    }
    if (s.unplaced) top.push(`<th${span}>未归列的数字</th>`);
  }
  if (notes) top.push(`<th${span} class="notes">问题</th>`);
  return `<thead><tr>${top.join('')}</tr>${grouped ? `<tr>${second.join('')}</tr>` : ''}</thead>`;
}

function worst(found: Finding[]): string {
  return SHOWN_ORDER.find((s) => found.some((f) => f.shown === s))!;
}

function segmentCells(s: Segment, x: { row: Row; ri: number } | undefined, id: (ri: number, ci: number) => string, place: Placement, notes: Finding[]): string[] {
  const row = x?.row;
  const label = row ? row.name : '';
  const cells: string[] = [];
  if (s.code) cells.push(`<td class="code">${esc(row?.code && !row.side ? row.code : '')}</td>`);
  cells.push(`<td class="name${row?.kind === 'total' ? ' total' : ''}">${esc(label)}</td>`);
  if (s.lineNo) cells.push(`<td class="lineno">${row?.lineNo ?? ''}</td>`);
  for (const { col, ci } of s.cols) {
    const cell = row?.cells[col.key];
    const text = cell && !cell.blank ? cell.raw : '';
    const found = x ? place.byCell.get(id(x.ri, ci)) : undefined;
    if (!found) {
      cells.push(`<td class="num">${esc(text)}</td>`);
      continue;
    }
    notes.push(...found);
    const sevs = [...new Set(found.map((f) => f.shown))].join(' ');
    const title = found.map((f) => `${f.d.ruleId}：${f.d.message}`).join('\n');
    cells.push(`<td id="${id(x!.ri, ci)}" class="num hit hit-${worst(found)}" data-sevs="${sevs}" title="${esc(title)}">${esc(text)}</td>`);
  }
  if (s.unplaced) cells.push(`<td class="num unplaced">${esc((row?.unplaced ?? []).map((c) => c.raw).join(' '))}</td>`);
  return cells;
}

export function noteHtml(f: Finding, withLink: boolean): string {
  const what = f.shown === 'suppressed' ? `（已抑制，出错说明：${f.justification ?? ''}）` : '';
  const rule = `<span class="rule">${esc(f.d.ruleId)}</span>`;
  const text = `${esc(f.d.message)}${esc(what)}`;
  const link = withLink && f.anchor ? `<a href="#${f.anchor}">${esc(where(f.d))}</a> ` : '';
  return `<li class="note ${f.shown}" data-sev="${f.shown}">${link}${rule} ${text}</li>`;
}

function where(d: Finding['d']): string {
  return d.page !== undefined ? `p.${d.page} ${d.line}:${d.column}` : `${d.line}:${d.column}`;
}

function caption(t: Table): string {
  const parts = [t.loc.page !== undefined ? `第 ${t.loc.page} 页` : `第 ${t.loc.line} 行`, t.unit ? `单位：${t.unit}` : ''].filter(Boolean);
  return `${esc(t.printedId && t.printedId !== t.title ? `${t.printedId} ${t.title}` : t.title)} <small>${esc(parts.join('，'))}</small>`;
}

/** the table in a <details>, open when something in it was found */
export function drawTable(t: Table, ti: number, file: number, place: Placement): string {
  const own = place.byTable.get(ti) ?? [];
  const segs = segments(t);
  const id = (ri: number, ci: number) => cellId(file, ti, ri, ci);
  const body: string[] = [];
  let any = own.length > 0;
  for (const line of lines(t)) {
    const notes: Finding[] = [];
    const cells = segs.flatMap((s, k) => segmentCells(s, line.cells[k], id, place, notes));
    any ||= notes.length > 0;
    body.push(`<tr>${cells.join('')}<td class="notes">${notes.length ? `<ul>${notes.map((f) => noteHtml(f, false)).join('')}</ul>` : ''}</td></tr>`);
  }
  const ownNotes = own.length ? `<ul class="table-notes">${own.map((f) => noteHtml(f, false)).join('')}</ul>` : '';
  const unread = t.unread ? `<p class="unread">未能读取：${esc(t.unread)}</p>` : '';
  const table = t.rows.length ? `<table>${header(segs, true)}<tbody>${body.join('')}</tbody></table>` : '';
  return `<details id="${tableId(file, ti)}" class="table"${any ? ' open' : ''}><summary>${caption(t)}</summary>${ownNotes}${unread}${table}</details>`;
}
