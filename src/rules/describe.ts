/**
 * A rule in words, for --explain and docs/rules.md: what its selector runs on, what each bind
 * name reads, and its assert as the identity it checks (`income = spending`,
 * `total = Σ items`). Read from the rule's own data: nothing here is written per rule.
 */
import type { CellQuery, Each, Rule } from './types.js';

/** what each selector runs on, in a phrase */
export const EACH_WORDS: Record<Each, string> = {
  document: '每份文件一次',
  table: '每张表',
  row: '每张表的每一行',
  'code-parent': '每个有下级科目（或组内各项）的行，逐列：value 为该行的数，parts 为其下级各行的数',
  'row-parts': '每一行的合计栏（及有分项的栏）：value 为合计，parts 为其各分栏',
  cell: '每张表每一行的每一列（或 columns 所列的列）：value 为该单元格的数',
  change: '每张表每一行印出的每个比上年增减（增减额、增减率栏）：value 为印出的增减，from 与 to 为它比较的两栏（上年、本年），rate 为 true 时是增减率（%）',
  group: '每张表的每个栏组（$group）',
  'table-id': '文件那一套必备的每种表（或 ids 所列的表）：id、name、present',
  claim: '情况说明中陈述数字的每一句（claim、figures、parts）',
  form: '每张绩效自评表、整体支出自评表和绩效目标表的每个项目',
  indicator: '自评表与绩效目标表的每个指标',
  'form-section': '自评表的每个一级指标（写明分值的分区）',
  'form-task': '整体支出自评表的每项任务',
  grade: '自评结果汇总中的每个项目等级',
  name: '文件印出单位名称的每一处：封面、章节与表的标题、表上的编制单位（部门、单位名称…）（mention：name 所印的名称、label 所跟的标签或“标题”、placeholder 含 XX 占位、narrative 在文字说明中）',
  contents: '目录的每一项（heading：title 所印的字、words 在正文中找的字、found 正文中是否有这一节；表格与说明分成两个文件公开、文件中没有表时，表的一项 found 为 null）',
};

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const INFIX: Record<string, string> = { approx_eq: '=', approx_le: '≤', approx_ge: '≥', '===': '=', '!==': '≠', '<': '<', '<=': '≤', '>': '>', '>=': '≥' };

const LOGIC = new Set(['and', 'or', 'if', '?:']);
const ARITHMETIC = new Set(['sum', 'sum_present', 'difference', 'ratio', 'percent_of', 'scale', 'scale_by_ratio']);
const opOf = (e: unknown) => (isPlainObject(e) ? Object.keys(e)[0] : null);

/**
 * An operand inside a larger formula, bracketed only where reading it otherwise would change its
 * sense: and/or inside and/or, a comparison or sum inside arithmetic, anything compound after 并非.
 */
function operand(e: unknown, context: 'logic' | 'compare' | 'arithmetic' | 'not' | 'other'): string {
  const text = words(e);
  const op = opOf(e);
  if (op === null || op === 'var') return text;
  const bracket =
    context === 'logic' ? LOGIC.has(op) :
    context === 'compare' ? LOGIC.has(op) || op in INFIX :
    context === 'arithmetic' ? LOGIC.has(op) || op in INFIX || (ARITHMETIC.has(op) && !(op === 'sum' && text.startsWith('Σ'))) :
    context === 'not' ? true :
    LOGIC.has(op);
  return bracket ? `（${text}）` : text;
}

function argsOf(e: Record<string, unknown>, op: string): unknown[] {
  const raw = e[op];
  return Array.isArray(raw) ? raw : [raw];
}

function literal(v: unknown): string {
  if (v === null || v === undefined) return '空';
  if (typeof v === 'string') return `“${v}”`;
  if (Array.isArray(v)) return `[${v.map(literal).join('、')}]`;
  return String(v);
}

/** an expression in words */
export function words(e: unknown): string {
  if (!isPlainObject(e)) return literal(e);
  const op = Object.keys(e)[0];
  const a = argsOf(e, op);
  const context = op === 'and' || op === 'or' ? 'logic' : op in INFIX ? 'compare' : ARITHMETIC.has(op) ? 'arithmetic' : op === '!' ? 'not' : 'other';
  const w = a.map((x) => operand(x, context));
  switch (op) {
    case 'var': {
      const p = a[0];
      return typeof p === 'string' ? p || '（该项）' : `var(${words(p)})`;
    }
    case 'sum':
    case 'sum_present': {
      const parts = a.length === 1 && isPlainObject(a[0]) && 'var' in a[0] ? `Σ ${w[0]}` : w.join(' + ');
      return op === 'sum_present' ? `${parts}（未印出的项按 0）` : parts;
    }
    case 'difference':
      return `${w[0]} − ${w[1]}`;
    case 'ratio':
      return `${w[0]} ÷ ${w[1]}`;
    case 'percent_of':
      return `${w[0]} ÷ ${w[1]} × 100%`;
    case 'scale':
      return `${w[0]} × ${w[1]}`;
    case 'scale_by_ratio':
      return `${w[0]} × ${w[1]} ÷ ${w[2]}`;
    case 'capped':
      return `${w[0]}（不超过 ${w[1]}）`;
    case 'or_zero':
      return `${w[0]}（未印出按 0）`;
    case 'rounded_as':
      return `${w[0]}（换算为 ${w[1]} 的单位与位数）`;
    case 'coarser_unit':
      return `${w[0]} 的单位大于 ${w[1]} 的`;
    case 'all_approx_eq':
      return `${w[0]} 的每一项 = ${w[1]}`;
    case 'as_rounded':
      return `${w[0]}（按印出的位数四舍五入）`;
    case 'nominal':
      return `${w[0]} 印出的数值`;
    case 'decimals_of':
      return `${w[0]} 印出的小数位数`;
    case 'present':
      return `${w[0]} 已印出`;
    case 'count':
      return `${w[0]} 的个数`;
    case 'band_of':
      return `${w[0]} 按 ${w[1]} 所在的等级`;
    case 'target_met':
      return `${w[1]} 达到 ${w[0]}`;
    case 'name_listed':
      return `${w[0]} 在 ${w[1]} 之中`;
    case 'name_relation':
      return `${w[0]} 与 ${w[1]} 的名称关系（去掉 ${w[2]} 后）`;
    case 'and':
      return w.join(' 且 ');
    case 'or':
      return w.join(' 或 ');
    case '!':
      return `并非 ${w[0]}`;
    case '!!':
      return `${w[0]} 不为空`;
    case 'if':
    case '?:': {
      const out: string[] = [];
      for (let i = 0; i + 1 < a.length; i += 2) out.push(`${i ? '否则若' : '若'} ${words(a[i])}，则 ${words(a[i + 1])}`);
      if (a.length % 2 === 1) out.push(`否则 ${words(a[a.length - 1])}`);
      return out.join('；');
    }
    case 'in':
      return `${w[1]} 含 ${w[0]}`;
    case 'all':
      return `${w[0]} 的每一项都满足：${words(a[1])}`;
    case 'some':
      return `${w[0]} 中有一项满足：${words(a[1])}`;
    case 'none':
      return `${w[0]} 中没有一项满足：${words(a[1])}`;
    case 'filter':
      return `${w[0]} 中满足「${words(a[1])}」的各项`;
    case 'map':
      return `${w[0]} 各项的 ${words(a[1])}`;
    case 'missing':
      return `未绑定的 ${w.join('、')}`;
    default:
      if (op in INFIX) {
        if (a.length === 3) return `${w[0]} ${INFIX[op]} ${w[1]} ${INFIX[op]} ${w[2]}`;
        return `${w[0]} ${INFIX[op]} ${w[1]}`;
      }
      return `${op}(${w.join(', ')})`;
  }
}

/** where a bind query reads, in words */
export function queryWords(q: CellQuery): string {
  if (q.sentences) return `文字说明中${q.sentences.map((g) => (g.length > 1 ? `含「${g.join('」或「')}」` : `含「${g[0]}」`)).join('、')}的句子（列表）`;
  if (q.link === 'sum-of') return '该句所说的几类经济分类（如人员经费：301、303）在表中各行之和（表中没有这一栏或行时）';
  if (q.link === 'all-funds') return '该句所说的财政拨款表单元格在全部资金的表中的同一项（公开03、部门公开表3）';
  if (q.link) return q.link === 'whole' ? '该句所说占比的合计（表中该项所属的合计）' : '该句所说的表格单元格';
  const table = q.table ? `${q.table} 中` : '本表';
  const renamed = Object.entries(q.columnMap ?? {}).map(([from, to]) => `${from} 即 ${to}`);
  const column = q.parts ? '各分栏（加起来应为合计栏的各栏，列表）' : q.column ? (q.column === '$column' ? `当前列${renamed.length ? `（${renamed.join('，')}）` : ''}` : `「${q.column}」列`) : '第一栏';
  let row: string;
  if (q.row) row = `「${q.row}」行`;
  else if (q.rowMap) row = `当前列所对的行（${Object.entries(q.rowMap).map(([c, r]) => `${c} 对「${r}」`).join('，')}）`;
  else if (q.sameCode) row = '与当前行编码相同的行';
  else if (q.sameLineNo) row = '与当前行行次相同的行';
  else if (q.rows) {
    const f = q.rows;
    const conds = [
      f.side && `${f.side}方`,
      f.kind && `类型为 ${[f.kind].flat().join('/')}`,
      f.level !== undefined && `第 ${f.level} 级`,
      f.code && `编码为 ${[f.code].flat().join('、')}`,
      f.keys && `key 为 ${f.keys.join('、')}`,
      f.lineNo && `行次 ${f.lineNo[0]}–${f.lineNo[1]}`,
    ].filter(Boolean);
    return `${table}${conds.length ? conds.join('、') : '所有'}的各行，每行的${column}（列表）`;
  } else row = '当前行';
  return `${table}${row}的${column}`;
}

/** the rule's identity: its assert in words, with its filter */
export function identityWords(rule: Rule): string {
  return words(rule.assert);
}

export function whereWords(rule: Rule): string | null {
  return rule.select.where === undefined ? null : words(rule.select.where);
}

/** the selector in words: what the rule runs on, and in which tables */
export function selectorWords(rule: Rule): string {
  const s = rule.select;
  const scope = [s.tables && `表：${s.tables.join('、')}`, s.groups && `栏组：${s.groups.join('、')}`, s.columns && `列：${s.columns.join('、')}`, s.ids && `表种类：${s.ids.join('、')}`].filter(Boolean);
  return `each: ${s.each}（${EACH_WORDS[s.each]}）${scope.length ? `；${scope.join('；')}` : ''}`;
}
