/**
 * A fixture source's tables (see make-fixtures.mjs for the shape) from the tables budget-lint
 * reads off a corpus text: every row and figure as printed, laid out as the document lays
 * them out (two sides by 行次, 公开06's groups side by side, the 三公 grid's header).
 */
import { placeCodedRows, placeGridRow } from './placement.mjs';

const head = (text, span = {}) => ({ text, ...span });

/** rows of the model in printed lines: those a corpus line holds together, in order */
function byLine(rows) {
  const lines = new Map();
  for (const r of rows) {
    if (!lines.has(r.loc.line)) lines.set(r.loc.line, []);
    lines.get(r.loc.line).push(r);
  }
  return [...lines.values()];
}

/** 科目代码 科目名称 and the value columns, then the 栏次 line */
function coded(t, report, warn) {
  const placed = placeCodedRows(t, report, warn);
  const header = [
    [head('科目代码'), head('科目名称'), ...t.columns.map((c) => head(c.name))],
    [head('栏次'), head(''), ...t.columns.map((c) => head(String(c.index)))],
  ];
  const rows = t.rows.map((r) => {
    const cells = t.columns.map((c) => placed.get(r.key)[c.key]);
    return r.code ? [r.code, r.name, ...cells] : [r.name, '', ...cells];
  });
  return { header, rows };
}

/** fills the 行次 a side prints on lines where it has no item (9 … 26 beside the expenditure lines) */
function fillLineNumbers(lines, side) {
  const at = (i) => lines[i][side];
  for (let i = 1; i < lines.length; i++) {
    if (at(i) != null || at(i - 1) == null) continue;
    const next = lines.slice(i + 1).map((l) => l[side]).find((n) => n != null);
    if (next == null || next > at(i - 1) + 1) lines[i][side] = at(i - 1) + 1;
  }
}

/** a two-sided 总表: 收入 items beside 支出 items as the corpus line pairs them, 行次 completed */
function twoSided(t, report, warn) {
  const placed = placeCodedRows(t, report, warn);
  const sides = ['收入', '支出'].map((s) => ({ side: s, columns: t.columns.filter((c) => c.side === s) })).filter((s) => s.columns.length);
  const numbered = t.rows.some((r) => r.lineNo != null);
  const lines = byLine(t.rows).map((rs) => Object.fromEntries(sides.flatMap(({ side }) => {
    const r = rs.find((x) => x.side === side);
    return [[side, r?.lineNo ?? null], [`${side}row`, r ?? null]];
  })));
  if (numbered) {
    for (const { side } of sides) fillLineNumbers(lines, side);
    // a line with nothing but its 行次 on both sides (30 … 61)
    for (let i = lines.length - 1; i > 0; i--) {
      const gaps = sides.map(({ side }) => (lines[i][side] ?? 0) - (lines[i - 1][side] ?? 0));
      if (gaps.every((g) => g > 1 && g === gaps[0])) {
        const blank = Array.from({ length: gaps[0] - 1 }, (_, k) => Object.fromEntries(sides.map(({ side }) => [side, lines[i - 1][side] + k + 1])));
        lines.splice(i, 0, ...blank);
      }
    }
  }
  const rows = lines.map((l) => sides.flatMap(({ side, columns }) => {
    const r = l[`${side}row`];
    const no = numbered ? [l[side] == null ? '' : String(l[side])] : [];
    return [r?.name ?? '', ...no, ...columns.map((c) => (r ? placed.get(r.key)[c.key] : ''))];
  }));
  const width = (s) => 1 + (numbered ? 1 : 0) + s.columns.length;
  const header = [
    ...(sides.length > 1 ? [sides.map((s) => head(s.side, { colspan: width(s) }))] : []),
    sides.flatMap((s) => [head('项目'), ...(numbered ? [head('行次')] : []), ...s.columns.map((c) => head(c.name))]),
    ...(numbered ? [sides.flatMap((s) => [head('栏次'), head(''), ...s.columns.map((c) => head(String(c.index)))])] : []),
  ];
  return { header, rows };
}

/** 公开06: the economic classes in two or three [代码 名称 决算数] groups side by side */
function economic(t) {
  const items = t.rows.filter((r) => r.kind !== 'total');
  const lines = byLine(items);
  const groups = Math.max(2, ...lines.map((l) => l.length));
  const classGroup = new Map();
  for (const l of lines) if (l.length === groups) l.forEach((r, i) => classGroup.set(r.code.slice(0, 3), i));
  const stacks = Array.from({ length: groups }, () => []);
  for (const r of items) {
    const cls = r.code.slice(0, 3);
    stacks[classGroup.get(cls) ?? (cls === '301' || cls === '303' ? 0 : groups - 1)].push(r);
  }
  const value = (r) => r.cells[t.columns[0].key]?.raw ?? '';
  const height = Math.max(...stacks.map((s) => s.length));
  const rows = Array.from({ length: height }, (_, i) => stacks.flatMap((s) => (s[i] ? [s[i].code, s[i].name, value(s[i])] : ['', '', ''])));
  const totals = t.rows.filter((r) => r.kind === 'total');
  const staff = totals.find((r) => /人员/.test(r.name));
  const office = totals.find((r) => /公用/.test(r.name));
  if (staff || office) {
    const pad = Array(3 * (groups - 1) - 2).fill('');
    rows.push([staff?.name ?? '', '', staff ? value(staff) : '', office?.name ?? '', ...pad, office ? value(office) : '']);
  }
  const name = t.columns[0].name;
  const header = [
    [head('人员经费', { colspan: 3 }), head('公用经费', { colspan: 3 * (groups - 1) })],
    Array.from({ length: groups }, () => [head('科目代码'), head('科目名称'), head(name)]).flat(),
  ];
  return { header, rows };
}

const GRID_PARTS = ['合计', '因公出国（境）费', '公务用车购置及运行维护费', '公务接待费'];

/** the 三公 grid: two groups (预算数 / 决算数), each 合计, 出国, 公务用车 (小计 购置 运行), 接待 */
function grid(t, warn) {
  const groups = [...new Set(t.columns.map((c) => c.group))];
  const header = [
    groups.map((g) => head(g, { colspan: 6 })),
    groups.flatMap(() => GRID_PARTS.map((p) => (p === '公务用车购置及运行维护费' ? head(p, { colspan: 3 }) : head(p, { rowspan: 2 })))),
    groups.flatMap(() => [head('小计'), head('公务用车购置费'), head('公务用车运行维护费')]),
    t.columns.map((c) => head(String(c.index))),
  ];
  return { header, rows: t.rows.map((r) => placeGridRow(t, r, warn)) };
}

/** the note that explains an empty table (此表为空表, 本表无数据), as printed */
function notes(t, lines) {
  return t.emptyNote ? [lines[t.emptyNote.line - 1].trim()] : [];
}

/** whether a page should be turned for the table (Chromium sets such pages landscape) */
const isWide = (source) => Math.max(...source.header.map((r) => r.reduce((n, c) => n + (c.colspan ?? 1), 0))) > 7;

export function tableSource(t, report, lines, warn) {
  const body = t.layout === 'two-sided' ? twoSided(t, report, warn) : t.layout === 'economic' ? economic(t) : t.layout === 'grid' ? grid(t, warn) : coded(t, report, warn);
  return { id: t.id, anchor: t.printedId ?? '', title: t.title, unit: t.unit ?? report.unit, layout: t.layout, wide: isWide(body), ...body, notes: notes(t, lines) };
}
