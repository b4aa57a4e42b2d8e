/**
 * Rule files: YAML → validated rules. Every problem is reported as file:line:col of the YAML
 * node at fault, before any document is linted.
 */
import { readFile, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { LineCounter } from 'yaml';
import { walkFolder } from '../ingest/walk.js';
import { composeBounded, RULE_FILE_LIMITS, type LimitProblem } from './limits.js';
import { YamlFileError, YamlSource, yamlLib, type YamlInput } from '../common/yaml-source.js';
import { CacheMiss, cachedYaml, RecordingSource, yamlKey, type CachedYaml } from '../common/yaml-cache.js';
import { ALLOWED_OPS, SCOPED_OPS, isForbiddenSegment } from './ops.js';
import type { CellQuery, Each, Rule, Select, Severity, SourcePosition } from './types.js';

/** a rule file that cannot be loaded, at file:line:col */
export class RuleLoadError extends YamlFileError {}

const MAX_DEPTH = 32;
const SEVERITIES: Severity[] = ['error', 'warn', 'off'];
const RULE_KEYS = new Set(['id', 'severity', 'description', 'why', 'select', 'bind', 'assert', 'message']);
const SELECT_KEYS = new Set(['each', 'tables', 'where', 'columns', 'groups', 'ids']);
const QUERY_KEYS = new Set(['table', 'row', 'rows', 'column', 'sameCode', 'sameLineNo', 'link']);
const FILTER_KEYS = new Set(['side', 'kind', 'level', 'code', 'keys', 'lineNo']);
const PLACEHOLDERS = new Set(['table', 'row', 'column', 'group', 'id', 'subject', 'linked', 'grade', 'actual', 'expected', 'difference', 'tolerance']);
const ID_RE = /^[\p{L}\p{N}_./-]+$/u;

/** the variables a selector puts in reach of json-logic */
const BINDING_VARS: Record<Each, string[]> = {
  document: ['document'],
  'table-id': ['document', 'id', 'name', 'present'],
  table: ['document', 'table'],
  row: ['document', 'table', 'row'],
  group: ['document', 'table', 'row', 'group'],
  'code-parent': ['document', 'table', 'row', 'column', 'value', 'parts', 'partRows'],
  'row-parts': ['document', 'table', 'row', 'column', 'value', 'parts'],
  claim: ['document', 'claim', 'figures', 'parts', 'form'],
  form: ['document', 'form', 'funds', 'fundsWeight', 'fundsScore', 'weights', 'scores', 'indicators', 'total', 'tasks', 'tasksTotal'],
  indicator: ['document', 'form', 'indicator', 'weight', 'score'],
  'form-section': ['document', 'form', 'section', 'weight', 'parts'],
  'form-task': ['document', 'form', 'task', 'cells'],
  grade: ['document', 'entry', 'score', 'bands', 'formScore'],
};
const EACH = Object.keys(BINDING_VARS) as Each[];

class Ctx {
  constructor(readonly src: YamlInput) {}

  pos(p: Array<string | number>): SourcePosition {
    return { file: this.src.file, ...this.src.pos(p) };
  }

  fail(p: Array<string | number>, message: string): never {
    return this.src.fail(p, message, RuleLoadError);
  }
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function checkKeys(ctx: Ctx, obj: Record<string, unknown>, allowed: Set<string>, at: Array<string | number>, what: string) {
  for (const k of Object.keys(obj)) {
    if (!allowed.has(k)) ctx.fail([...at, k], `${what}不认识的字段 "${k}"（可用：${[...allowed].join(', ')}）`);
  }
}

function str(ctx: Ctx, v: unknown, at: Array<string | number>, what: string, required = true): string | undefined {
  if (v === undefined && !required) return undefined;
  if (typeof v !== 'string' || !v.trim()) ctx.fail(at, `${what}必须是非空字符串`);
  return v;
}

function strList(ctx: Ctx, v: unknown, at: Array<string | number>, what: string): string[] | undefined {
  if (v === undefined) return undefined;
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) ctx.fail(at, `${what}必须是字符串列表`);
  return v as string[];
}

/** json-logic: known operations only, bounded depth, no path into a prototype, known roots */
function checkLogic(ctx: Ctx, expr: unknown, at: Array<string | number>, roots: Set<string>, depth = 0, scoped = false): void {
  if (depth > MAX_DEPTH) ctx.fail(at, `表达式嵌套超过 ${MAX_DEPTH} 层`);
  if (Array.isArray(expr)) {
    expr.forEach((e, i) => checkLogic(ctx, e, [...at, i], roots, depth + 1, scoped));
    return;
  }
  if (!isPlainObject(expr)) return;
  const keys = Object.keys(expr);
  if (keys.length !== 1) ctx.fail(at, `表达式对象必须恰好有一个运算符，这里有 ${keys.length} 个`);
  const op = keys[0];
  if (!ALLOWED_OPS.has(op)) {
    ctx.fail([...at, op], `不认识或不允许的运算 "${op}"（金额运算请用 sum、difference、ratio、approx_eq 等）`);
  }
  const args = expr[op];
  if (op === 'var') {
    const p = Array.isArray(args) ? args[0] : args;
    if (typeof p === 'string') {
      const segments = p.split('.');
      if (segments.some(isForbiddenSegment)) ctx.fail([...at, op], `字段路径 "${p}" 不允许`);
      if (!scoped && p !== '' && !roots.has(segments[0])) {
        ctx.fail([...at, op], `字段 "${segments[0]}" 不存在（这里可用：${[...roots].join(', ')}）`);
      }
    } else if (p !== undefined && p !== null) {
      checkLogic(ctx, p, [...at, op], roots, depth + 1, scoped);
    }
    return;
  }
  const list = Array.isArray(args) ? args : [args];
  list.forEach((a, i) => {
    const inner = SCOPED_OPS.has(op) && i === 1;
    checkLogic(ctx, a, Array.isArray(args) ? [...at, op, i] : [...at, op], roots, depth + 1, scoped || inner);
  });
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

function checkQuery(ctx: Ctx, q: unknown, at: Array<string | number>): CellQuery {
  if (!isPlainObject(q)) ctx.fail(at, 'bind 的每一项必须是对象，例如 {table: 公开01, row: 收入:总计}');
  checkKeys(ctx, q, QUERY_KEYS, at, 'bind 查询');
  const out: CellQuery = {};
  if (q.table !== undefined) out.table = str(ctx, q.table, [...at, 'table'], 'table');
  if (q.row !== undefined) out.row = str(ctx, q.row, [...at, 'row'], 'row');
  if (q.column !== undefined) out.column = str(ctx, q.column, [...at, 'column'], 'column');
  if (q.link !== undefined) {
    if (q.link !== true && q.link !== false && q.link !== 'whole') ctx.fail([...at, 'link'], 'link 必须是 true 或 whole');
    out.link = q.link as CellQuery['link'];
  }
  for (const flag of ['sameCode', 'sameLineNo'] as const) {
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
  return out;
}

function checkRule(ctx: Ctx, raw: unknown, at: Array<string | number>, seen: Set<string>): Rule {
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
  const message = str(ctx, raw.message, [...at, 'message'], 'message')!;
  for (const m of message.matchAll(/\{(\w+)\}/g)) {
    if (!PLACEHOLDERS.has(m[1])) ctx.fail([...at, 'message'], `message 中的占位符 {${m[1]}} 不存在（可用：${[...PLACEHOLDERS].join(', ')}，或 {var:字段路径}）`);
  }

  const s = raw.select;
  if (!isPlainObject(s)) ctx.fail([...at, 'select'], 'select 必须是对象，至少含 each');
  checkKeys(ctx, s, SELECT_KEYS, [...at, 'select'], 'select ');
  const each = s.each as Each;
  if (!EACH.includes(each)) ctx.fail([...at, 'select', 'each'], `each 必须是 ${EACH.join(' / ')}`);
  const select: Select = { each };
  select.tables = strList(ctx, s.tables, [...at, 'select', 'tables'], 'tables');
  select.columns = strList(ctx, s.columns, [...at, 'select', 'columns'], 'columns');
  select.groups = strList(ctx, s.groups, [...at, 'select', 'groups'], 'groups');
  select.ids = strList(ctx, s.ids, [...at, 'select', 'ids'], 'ids');
  if (each === 'group' && !select.groups) ctx.fail([...at, 'select'], 'each: group 需要 groups');

  const bind: Record<string, CellQuery> = Object.create(null);
  if (raw.bind !== undefined) {
    if (!isPlainObject(raw.bind)) ctx.fail([...at, 'bind'], 'bind 必须是对象');
    for (const [name, q] of Object.entries(raw.bind)) {
      if (!/^[\p{L}_][\p{L}\p{N}_]*$/u.test(name) || isForbiddenSegment(name) || BINDING_VARS[each].includes(name)) {
        ctx.fail([...at, 'bind', name], `bind 名称 "${name}" 不可用`);
      }
      bind[name] = checkQuery(ctx, q, [...at, 'bind', name]);
    }
  }
  const roots = new Set([...BINDING_VARS[each], ...Object.keys(bind)]);
  if (s.where !== undefined) {
    checkLogic(ctx, s.where, [...at, 'select', 'where'], roots);
    select.where = s.where;
  }
  if (raw.assert === undefined) ctx.fail(at, '规则缺少 assert');
  checkLogic(ctx, raw.assert, [...at, 'assert'], roots);
  // {var:path} in a message reads what the rule's assert could read
  for (const m of message.matchAll(/\{var:([^}]*)\}/g)) {
    const segments = m[1].split('.');
    if (segments.some(isForbiddenSegment)) ctx.fail([...at, 'message'], `占位符 {var:${m[1]}} 的字段路径不允许`);
    if (!roots.has(segments[0])) ctx.fail([...at, 'message'], `占位符 {var:${m[1]}}：字段 "${segments[0]}" 不存在（这里可用：${[...roots].join(', ')}）`);
  }
  const whereFirst = select.where === undefined || !Object.keys(bind).some((name) => readsVar(select.where, name));
  return { id, severity, description, why, select, bind, assert: raw.assert, message, whereFirst, source: ctx.pos(at) };
}

function failAt(file: string, counter: LineCounter, problem: LimitProblem): never {
  const { line, col } = counter.linePos(problem.offset);
  throw new RuleLoadError(file, line, col, problem.message);
}

/** a rule file's text (without BOM) → its YAML, refused when it nests or expands too far */
function readRuleYaml(file: string, text: string): YamlInput {
  const { Document, LineCounter } = yamlLib();
  const counter = new LineCounter();
  const doc = composeBounded(text, counter);
  if (!(doc instanceof Document)) failAt(file, counter, doc);
  const src = new YamlSource(file, doc, counter);
  try {
    src.value = doc.toJS({ maxAliasCount: 50 });
  } catch (err) {
    // aliases that expand without bound (a "billion laughs" file) are refused, not expanded
    src.fail([], `YAML 无法展开：${(err as Error).message}`, RuleLoadError);
  }
  return src;
}

/** a rule file's YAML → its rules, validated */
function rulesOf(src: YamlInput, seen: Set<string>): Rule[] {
  const ctx = new Ctx(src);
  const data = src.value;
  let list: unknown[] = [];
  let base: Array<string | number> = [];
  if (Array.isArray(data)) {
    list = data;
    base = [];
  } else if (isPlainObject(data) && Array.isArray(data.rules)) {
    checkKeys(ctx, data, new Set(['rules']), [], '规则文件');
    list = data.rules;
    base = ['rules'];
  } else {
    ctx.fail([], '规则文件应是规则列表，或含 rules: 列表的对象');
  }
  if (list.length > RULE_FILE_LIMITS.rules) ctx.fail([...base, RULE_FILE_LIMITS.rules], `规则文件有 ${list.length} 条规则，上限 ${RULE_FILE_LIMITS.rules} 条`);
  return list.map((r, i) => checkRule(ctx, r, [...base, i], seen));
}

function withoutBom(file: string, source: string): string {
  const text = source.replace(/^\uFEFF/, '');
  const bytes = Buffer.byteLength(text);
  if (bytes > RULE_FILE_LIMITS.bytes) throw new RuleLoadError(file, 1, 1, `规则文件过大（${bytes} 字节，上限 ${RULE_FILE_LIMITS.bytes} 字节）`);
  return text;
}

export function parseRules(file: string, source: string, seen = new Set<string>()): Rule[] {
  const text = withoutBom(file, source);
  const cached = cachedYaml('rules', file, text);
  if (cached) {
    // validated on a copy of seen: a cached reading dropped half-way leaves no id behind
    const mine = new Set(seen);
    try {
      const rules = rulesOf(cached, mine);
      for (const id of mine) seen.add(id);
      return rules;
    } catch (err) {
      if (!(err instanceof CacheMiss)) throw err;
    }
  }
  return rulesOf(readRuleYaml(file, text), seen);
}

/** a valid rule file's cache entry (scripts/cache-yaml.mjs): its key, its value, the positions asked */
export function ruleCacheEntry(file: string, source: string): [string, CachedYaml] {
  const text = withoutBom(file, source);
  const recording = new RecordingSource(readRuleYaml(file, text));
  rulesOf(recording, new Set());
  return [yamlKey('rules', text), recording.entry()];
}

/** a rule path's YAML files: the file itself, or every .yaml/.yml under the folder */
async function ruleFiles(p: string): Promise<string[]> {
  let st;
  try {
    st = await stat(p);
  } catch {
    throw new RuleLoadError(p, 1, 1, '找不到规则文件或目录');
  }
  return st.isDirectory() ? walkFolder(p, { match: /\.ya?ml$/i }) : [p];
}

async function readRuleFile(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (err) {
    throw new RuleLoadError(file, 1, 1, `无法读取规则文件（${(err as NodeJS.ErrnoException).code ?? String(err)}）`);
  }
}

export async function loadRules(paths: string[]): Promise<Rule[]> {
  const seen = new Set<string>();
  const rules: Rule[] = [];
  for (const p of paths) {
    for (const f of await ruleFiles(p)) {
      // one at a time: spreading a long list into push() overflows the stack
      for (const rule of parseRules(f, await readRuleFile(f), seen)) rules.push(rule);
    }
  }
  return rules;
}

export const BUILTIN_RULES_DIR = fileURLToPath(new URL('../../rules', import.meta.url));
