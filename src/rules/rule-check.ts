/**
 * One rule, as read from YAML, validated into a Rule: its fields, its selector, its bind
 * queries against the catalogue of table kinds, and its json-logic against what the selector
 * binds. Every problem is a load error at the YAML node at fault.
 */
import { didYouMean } from '../common/suggest.js';
import type { YamlInput, YamlPath } from '../common/yaml-source.js';
import type { Catalog } from '../model/tables/catalog.js';
import { BINDING_SCHEMA, EACH_KINDS, TABLE_SELECTORS } from './binding-schema.js';
import { CatalogChecker } from './catalog-check.js';
import { ExpressionChecker } from './expr-check.js';
import { CONDITIONAL_RE } from './message-syntax.js';
import { isForbiddenSegment } from './ops.js';
import type { CellQuery, Each, Rule, Select, Severity, SourcePosition } from './types.js';
import { FIGURE, list, obj, STRING, type VType } from './value-types.js';

const SEVERITIES: Severity[] = ['error', 'warn', 'off'];
const RULE_KEYS = new Set(['id', 'severity', 'description', 'why', 'docs', 'select', 'bind', 'assert', 'values', 'message', 'at', 'reportAtDeepest']);
const SELECT_KEYS = new Set(['each', 'tables', 'where', 'columns', 'groups', 'ids']);
const QUERY_KEYS = new Set(['table', 'row', 'rows', 'rowMap', 'column', 'columnMap', 'parts', 'sameCode', 'sameLineNo', 'asNamed', 'link', 'sentences']);
/** a sentences query's groups, and the words of a group: enough for any wording, few enough to stay cheap */
const MAX_WORD_GROUPS = 8;
const MAX_GROUP_WORDS = 30;
const MAX_WORD = 40;
const FILTER_KEYS = new Set(['side', 'kind', 'level', 'code', 'keys', 'lineNo']);
export const PLACEHOLDERS = new Set(['table', 'row', 'column', 'group', 'id', 'subject', 'linked', 'linkedValue', 'grade', 'actual', 'expected', 'difference', 'tolerance', 'working']);
const SUBJECT_SELECTORS: Each[] = ['claim', 'form', 'indicator', 'form-section', 'form-task', 'grade', 'contents', 'name'];
/** the placeholders that stay empty unless the selector binds what they name */
const PLACEHOLDER_SELECTORS: Record<string, Each[]> = { group: ['group'], id: ['table-id'], subject: SUBJECT_SELECTORS, linked: ['claim'], linkedValue: ['claim'], grade: ['grade'] };
/** the placeholders a failed comparison fills */
const COMPARISON_PLACEHOLDERS = ['actual', 'expected', 'difference', 'tolerance', 'working'];
const ID_RE = /^[\p{L}\p{N}_./-]+$/u;

/** a rule file that cannot be loaded, at file:line:col */
export type ErrorClass = new (file: string, line: number, column: number, message: string) => Error;

export class Ctx {
  constructor(
    readonly src: YamlInput,
    private readonly error: ErrorClass,
  ) {}

  pos(p: YamlPath): SourcePosition {
    return { file: this.src.file, ...this.src.pos(p) };
  }

  fail(p: YamlPath, message: string): never {
    return this.src.fail(p, message, this.error as never);
  }
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function checkKeys(ctx: Ctx, obj: Record<string, unknown>, allowed: Set<string>, at: YamlPath, what: string) {
  for (const k of Object.keys(obj)) {
    if (!allowed.has(k)) ctx.fail([...at, k], `${what}不认识的字段 "${k}"${didYouMean(k, allowed)}（可用：${[...allowed].join(', ')}）`);
  }
}

function str(ctx: Ctx, v: unknown, at: YamlPath, what: string, required = true): string | undefined {
  if (v === undefined && !required) return undefined;
  if (typeof v !== 'string' || !v.trim()) ctx.fail(at, `${what}必须是非空字符串`);
  return v;
}

function strList(ctx: Ctx, v: unknown, at: YamlPath, what: string): string[] | undefined {
  if (v === undefined) return undefined;
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) ctx.fail(at, `${what}必须是字符串列表`);
  return v as string[];
}

/** does a json-logic expression read a variable rooted at `name`? */
function readsVar(expr: unknown, name: string): boolean {
  if (Array.isArray(expr)) return expr.some((e) => readsVar(e, name));
  if (!isPlainObject(expr)) return false;
  const [op] = Object.keys(expr);
  const args = expr[op];
  if (op === 'var') {
    const p = Array.isArray(args) ? args[0] : args;
    return typeof p === 'string' ? p.split('.')[0] === name : readsVar(p, name);
  }
  return readsVar(args, name);
}

/** a bind query's own shape (what it names is checked against the catalogue afterwards) */
function checkQueryShape(ctx: Ctx, q: unknown, at: YamlPath): CellQuery {
  if (!isPlainObject(q)) ctx.fail(at, 'bind 的每一项必须是对象，例如 {table: 公开01, row: 收入:总计}');
  checkKeys(ctx, q, QUERY_KEYS, at, 'bind 查询');
  if (q.sentences !== undefined) return { sentences: wordGroups(ctx, q, [...at, 'sentences']) };
  const out: CellQuery = {};
  if (q.table !== undefined) out.table = str(ctx, q.table, [...at, 'table'], 'table');
  // a code written unquoted (row: 30217) is read as a number by YAML: it is the same key
  if (q.row !== undefined) out.row = str(ctx, typeof q.row === 'number' ? String(q.row) : q.row, [...at, 'row'], 'row');
  if (q.column !== undefined) out.column = str(ctx, q.column, [...at, 'column'], 'column');
  if (q.columnMap !== undefined) out.columnMap = columnMap(ctx, q.columnMap, out.column, [...at, 'columnMap']);
  if (q.rowMap !== undefined) out.rowMap = rowMap(ctx, q.rowMap, [...at, 'rowMap']);
  if (q.link !== undefined) {
    if (q.link !== true && q.link !== false && q.link !== 'whole' && q.link !== 'all-funds' && q.link !== 'budget' && q.link !== 'sum-of') ctx.fail([...at, 'link'], 'link 必须是 true、whole、all-funds、budget 或 sum-of');
    out.link = q.link as CellQuery['link'];
  }
  for (const flag of ['sameCode', 'sameLineNo', 'parts', 'asNamed'] as const) {
    if (q[flag] !== undefined) {
      if (typeof q[flag] !== 'boolean') ctx.fail([...at, flag], `${flag} 必须是 true 或 false`);
      out[flag] = q[flag] as boolean;
    }
  }
  if (q.rows !== undefined) {
    const f = q.rows;
    if (!isPlainObject(f)) ctx.fail([...at, 'rows'], 'rows 必须是筛选对象');
    checkKeys(ctx, f, FILTER_KEYS, [...at, 'rows'], 'rows 筛选');
    if (f.lineNo !== undefined && (!Array.isArray(f.lineNo) || f.lineNo.length !== 2 || f.lineNo.some((n) => typeof n !== 'number'))) {
      ctx.fail([...at, 'rows', 'lineNo'], 'lineNo 必须是 [起, 止]');
    }
    if (f.level !== undefined && typeof f.level !== 'number') ctx.fail([...at, 'rows', 'level'], 'level 必须是数字');
    out.rows = f as CellQuery['rows'];
  }
  if (out.row && out.rows) ctx.fail(at, 'row 与 rows 只能选一个');
  if (out.parts && (out.rows || out.column !== undefined)) ctx.fail([...at, 'parts'], 'parts 取一行的各分栏（列表），不能再写 rows 或 column');
  if ([out.row !== undefined || out.rows !== undefined, out.rowMap !== undefined, out.sameCode, out.sameLineNo].filter(Boolean).length > 1) ctx.fail(at, 'row / rows、rowMap、sameCode、sameLineNo 只能选一个');
  return out;
}

/**
 * `sentences: [[运行经费], [口径, 统计在]]`: groups of words (a word alone is a group of one); a
 * sentence is found where it holds a word of every group. Nothing else goes with it.
 */
function wordGroups(ctx: Ctx, q: Record<string, unknown>, at: YamlPath): string[][] {
  const others = Object.keys(q).filter((k) => k !== 'sentences');
  if (others.length) ctx.fail([...at.slice(0, -1), others[0]], `sentences 找文字说明中的句子，不能再写 ${others.join('、')}`);
  const groups = q.sentences;
  const shape = '必须是词组的列表，如 [[运行经费], [口径, 统计在]]：一句含每组中的一个词即算找到';
  if (!Array.isArray(groups) || groups.length === 0 || groups.length > MAX_WORD_GROUPS) ctx.fail(at, `sentences ${shape}（1 至 ${MAX_WORD_GROUPS} 组）`);
  return groups.map((g, i) => {
    const words = typeof g === 'string' ? [g] : g;
    if (!Array.isArray(words) || words.length === 0 || words.length > MAX_GROUP_WORDS) ctx.fail([...at, i], `sentences 的每一组${shape}（每组 1 至 ${MAX_GROUP_WORDS} 个词）`);
    return words.map((w, j) => {
      if (typeof w !== 'string' || !w.trim() || w.length > MAX_WORD) ctx.fail([...at, i, j], `sentences 的词必须是不空的文字（至多 ${MAX_WORD} 字）`);
      return w.trim();
    });
  });
}

/** `columnMap: { 本年支出合计: 小计 }`: names only, copied into an object without a prototype */
function columnMap(ctx: Ctx, v: unknown, column: string | undefined, at: YamlPath): Record<string, string> {
  if (column !== '$column') ctx.fail(at, 'columnMap 只与 column: $column 同用：当前列在所查的表中叫什么');
  if (!isPlainObject(v)) ctx.fail(at, 'columnMap 必须是对象：当前列的 key → 所查表的列 key');
  const out: Record<string, string> = Object.create(null);
  for (const [k, x] of Object.entries(v)) out[k] = str(ctx, x, [...at, k], `columnMap.${k} `)!;
  return out;
}

function rowMap(ctx: Ctx, v: unknown, at: YamlPath): Record<string, string> {
  if (!isPlainObject(v)) ctx.fail(at, 'rowMap 必须是对象：当前列的 key → 所查表中的行 key（如 { 决算数.公务接待费: "30217" }）');
  const out: Record<string, string> = Object.create(null);
  // a code written unquoted (30217) is read as a number by YAML: it is the same key
  for (const [k, x] of Object.entries(v)) out[k] = str(ctx, typeof x === 'number' ? String(x) : x, [...at, k], `rowMap.${k} `)!;
  return out;
}

function checkSelectShape(ctx: Ctx, s: unknown, at: YamlPath): Select {
  if (!isPlainObject(s)) ctx.fail(at, 'select 必须是对象，至少含 each');
  checkKeys(ctx, s, SELECT_KEYS, at, 'select ');
  const each = s.each as Each;
  if (!EACH_KINDS.includes(each)) ctx.fail([...at, 'each'], `each 必须是 ${EACH_KINDS.join(' / ')}${typeof each === 'string' ? didYouMean(each, EACH_KINDS) : ''}`);
  const select: Select = { each };
  select.tables = strList(ctx, s.tables, [...at, 'tables'], 'tables');
  select.columns = strList(ctx, s.columns, [...at, 'columns'], 'columns');
  select.groups = strList(ctx, s.groups, [...at, 'groups'], 'groups');
  select.ids = strList(ctx, s.ids, [...at, 'ids'], 'ids');
  if (each === 'group' && !select.groups) ctx.fail(at, 'each: group 需要 groups');
  return select;
}

function checkBind(ctx: Ctx, raw: unknown, each: Each, at: YamlPath): Record<string, CellQuery> {
  const bind: Record<string, CellQuery> = Object.create(null);
  if (raw === undefined) return bind;
  if (!isPlainObject(raw)) ctx.fail(at, 'bind 必须是对象');
  for (const [name, q] of Object.entries(raw)) {
    if (!/^[\p{L}_][\p{L}\p{N}_]*$/u.test(name) || isForbiddenSegment(name) || Object.hasOwn(BINDING_SCHEMA[each], name)) {
      ctx.fail([...at, name], `bind 名称 "${name}" 不可用${Object.hasOwn(BINDING_SCHEMA[each], name) ? `（each: ${each} 已绑定 ${name}）` : ''}`);
    }
    bind[name] = checkQueryShape(ctx, q, [...at, name]);
  }
  return bind;
}

/** what json-logic reads in this rule: the selector's names and the rule's own bind names */
function bindingType(each: Each, bind: Record<string, CellQuery>): VType {
  const fields: Record<string, VType> = { ...BINDING_SCHEMA[each] };
  for (const [name, q] of Object.entries(bind)) fields[name] = q.sentences ? list(STRING) : q.rows || q.parts ? list(FIGURE) : FIGURE;
  return obj('绑定', fields);
}

/** {if:name}…{/if}: shown where the placeholder name is filled; each opened once closed, not nested, of a placeholder that exists */
function checkConditionals(ctx: Ctx, message: string, at: YamlPath): void {
  const opened = [...message.matchAll(/\{if:(\w*)\}/g)];
  for (const m of opened) if (!PLACEHOLDERS.has(m[1])) ctx.fail(at, `{if:${m[1]}} 中的占位符不存在${didYouMean(m[1], PLACEHOLDERS)}（可用：${[...PLACEHOLDERS].join(', ')}）`);
  const paired = [...message.matchAll(CONDITIONAL_RE)].length;
  const closed = message.split('{/if}').length - 1;
  if (paired !== opened.length || paired !== closed) ctx.fail(at, '{if:占位符} 与 {/if} 须成对出现，不能嵌套');
}

/** a placeholder the rule could never fill is refused: it would print as nothing */
function checkPlaceholders(ctx: Ctx, message: string, each: Each, assert: unknown, bind: unknown, at: YamlPath): void {
  let comparing: boolean | undefined;
  const compares = () => (comparing ??= /"approx_(eq|le|ge)"|"all_approx_eq"/.test(JSON.stringify(assert) ?? ''));
  // a table cell reported names its table, row and column, whatever the selector
  const tabled = TABLE_SELECTORS.has(each) || (isPlainObject(bind) && Object.values(bind).some((q) => isPlainObject(q) && q.table !== undefined));
  for (const m of message.matchAll(/\{(\w+)\}/g)) {
    const name = m[1];
    const only = PLACEHOLDER_SELECTORS[name];
    if (only && !only.includes(each)) ctx.fail(at, `占位符 {${name}} 只用于 each: ${only.join(' / ')}，在 each: ${each} 的消息中总是空的`);
    if (COMPARISON_PLACEHOLDERS.includes(name) && !compares()) ctx.fail(at, `占位符 {${name}} 由金额比较（approx_eq、approx_le、approx_ge）填写，这条规则的 assert 不比较金额；要显示取到的值请用 {var:路径}`);
    if (['table', 'row', 'column'].includes(name) && !tabled) ctx.fail(at, `占位符 {${name}} 是表格的${name === 'table' ? '表' : name === 'row' ? '行' : '列'}，each: ${each} 的规则不取表格中的数，它总是空的`);
  }
}

export function checkRule(ctx: Ctx, catalog: Catalog, raw: unknown, at: YamlPath, seen: Set<string>): Rule {
  if (!isPlainObject(raw)) ctx.fail(at, '每条规则必须是对象');
  checkKeys(ctx, raw, RULE_KEYS, at, '规则');
  const id = str(ctx, raw.id, [...at, 'id'], 'id')!;
  if (!ID_RE.test(id)) ctx.fail([...at, 'id'], `规则 id "${id}" 只能含文字、数字和 _ . / -`);
  if (seen.has(id)) ctx.fail([...at, 'id'], `规则 id "${id}" 重复`);
  seen.add(id);
  const severity = (raw.severity ?? 'error') as Severity;
  if (!SEVERITIES.includes(severity)) ctx.fail([...at, 'severity'], `severity 必须是 ${SEVERITIES.join(' / ')}`);
  const description = str(ctx, raw.description, [...at, 'description'], 'description')!;
  const why = str(ctx, raw.why, [...at, 'why'], 'why', false);
  const docs = str(ctx, raw.docs, [...at, 'docs'], 'docs', false);
  const message = str(ctx, raw.message, [...at, 'message'], 'message')!;
  for (const m of message.matchAll(/\{(\w+)\}/g)) {
    if (!PLACEHOLDERS.has(m[1])) ctx.fail([...at, 'message'], `message 中的占位符 {${m[1]}} 不存在${didYouMean(m[1], PLACEHOLDERS)}（可用：${[...PLACEHOLDERS].join(', ')}，或 {var:字段路径}）`);
  }
  checkConditionals(ctx, message, [...at, 'message']);
  const select = checkSelectShape(ctx, raw.select, [...at, 'select']);
  const s = raw.select as Record<string, unknown>;
  const bind = checkBind(ctx, raw.bind, select.each, [...at, 'bind']);
  const tables = new CatalogChecker(ctx, catalog);
  const selected = tables.checkSelect(select, [...at, 'select']);
  for (const [name, q] of Object.entries(bind)) tables.checkQuery(select.each, select, selected, q, [...at, 'bind', name]);

  const binding = bindingType(select.each, bind);
  const logic = new ExpressionChecker(ctx, binding);
  if (s.where !== undefined) {
    logic.check(s.where, [...at, 'select', 'where']);
    select.where = s.where;
  }
  if (raw.assert === undefined) ctx.fail(at, '规则缺少 assert');
  logic.check(raw.assert, [...at, 'assert']);
  // {var:path} in a message reads what the rule's assert could read
  for (const m of message.matchAll(/\{var:([^}]*)\}/g)) {
    const placeholder = { fail: (_: YamlPath, why: string): never => ctx.fail([...at, 'message'], `占位符 {var:${m[1]}}：${why}`) };
    new ExpressionChecker(placeholder, binding).resolve(m[1], [...at, 'message']);
  }
  checkPlaceholders(ctx, message, select.each, raw.assert, raw.bind, [...at, 'message']);
  const values = checkValues(ctx, logic, raw.values, message, at);
  // at: the figure whose place the finding takes when the assert compares none (a cell left blank)
  const place = str(ctx, raw.at, [...at, 'at'], 'at', false);
  if (place !== undefined) logic.resolve(place, [...at, 'at']);
  const deepest = raw.reportAtDeepest;
  if (deepest !== undefined && typeof deepest !== 'boolean') ctx.fail([...at, 'reportAtDeepest'], 'reportAtDeepest 必须是 true 或 false');
  if (deepest && !TABLE_SELECTORS.has(select.each)) ctx.fail([...at, 'reportAtDeepest'], `reportAtDeepest 只用于查表格的规则（each: ${[...TABLE_SELECTORS].join(' / ')}），each: ${select.each} 的诊断没有所在的行`);
  const whereFirst = select.where === undefined || !Object.keys(bind).some((name) => readsVar(select.where, name));
  const rule: Rule = { id, severity, description, why, select, bind, assert: raw.assert, message, whereFirst, source: ctx.pos(at) };
  if (docs !== undefined) rule.docs = docs;
  if (place !== undefined) rule.at = place;
  if (deepest) rule.reportAtDeepest = true;
  if (values) rule.values = values;
  return rule;
}

/**
 * values: figures a message shows beside the comparison ({value:名} as a figure, {range:名} as the
 * interval of true values it admits), each a json-logic expression over the binding, computed only
 * for a finding; a placeholder naming none is refused
 */
function checkValues(ctx: Ctx, logic: ExpressionChecker, raw: unknown, message: string, at: YamlPath): Record<string, unknown> | undefined {
  if (raw !== undefined && !isPlainObject(raw)) ctx.fail([...at, 'values'], 'values 必须是对象：名称 → 表达式');
  const values = (raw ?? {}) as Record<string, unknown>;
  for (const [name, expression] of Object.entries(values)) {
    if (!/^\w+$/.test(name)) ctx.fail([...at, 'values', name], `values 的名称 "${name}" 只能含字母、数字和 _`);
    logic.check(expression, [...at, 'values', name]);
  }
  for (const m of message.matchAll(/\{(value|range):([^}]*)\}/g)) {
    if (!Object.hasOwn(values, m[2])) ctx.fail([...at, 'message'], `占位符 {${m[1]}:${m[2]}}：values 中没有「${m[2]}」${Object.keys(values).length ? `（有：${Object.keys(values).join('、')}）` : ''}`);
  }
  return raw === undefined ? undefined : values;
}
