/**
 * Rule test files (`*.test.yaml`, beside the rules they test), read and validated: each case a
 * small document (inline text, as the corpus is, or a file, optionally with replacements) and
 * what the rules under test must say on it: the diagnostics expected, or `valid: true`. As
 * strict as ESLint's RuleTester: a case that expects nothing is an error, not a pass.
 */
import { didYouMean } from '../../common/suggest.js';
import { isPlainObject, YamlFileError, YamlSource, type YamlPath } from '../../common/yaml-source.js';

/** a test file that cannot be read, at file:line:col */
export class RuleTestFileError extends YamlFileError {}

export interface Replacement {
  /** text to replace: it must occur exactly once (or `all: true`) */
  from?: string;
  /** a regular expression (global, multiline) instead of `from` */
  pattern?: string;
  to: string;
  all?: boolean;
}

export interface ExpectedDiagnostic {
  rule?: string;
  line?: number;
  /** the diagnostic is on the first line holding this text (after the line holding `after`) */
  at?: string;
  after?: string;
  page?: number;
  severity?: 1 | 2;
  message?: string;
  actual?: string;
  expected?: string;
  difference?: string;
  table?: string;
  row?: string;
  tableColumn?: string;
  /** where the expectation is written */
  pos: { line: number; column: number };
}

export interface RuleTestCase {
  name: string;
  rules: string[];
  text?: string;
  /** a document file, resolved against the test file's folder */
  file?: string;
  replace: Replacement[];
  valid: boolean;
  errors: ExpectedDiagnostic[];
  pos: { line: number; column: number };
  /** where its `rule:` is written (an unknown id is said there) */
  rulePos: { line: number; column: number };
}

export interface RuleTestFile {
  file: string;
  /** the rule files under test (default: X.yaml beside X.test.yaml) */
  ruleFiles: string[];
  /** table kinds the rules need (--tables) */
  tableFiles: string[];
  cases: RuleTestCase[];
}

const FILE_KEYS = new Set(['rules', 'tables', 'cases']);
const CASE_KEYS = new Set(['name', 'rule', 'text', 'file', 'replace', 'valid', 'errors']);
const ERROR_KEYS = new Set(['rule', 'line', 'at', 'after', 'page', 'severity', 'message', 'actual', 'expected', 'difference', 'table', 'row', 'tableColumn']);
const REPLACE_KEYS = new Set(['from', 'pattern', 'to', 'all']);
const CONTENT = ['message', 'actual', 'expected', 'difference'] as const;

class Reader {
  constructor(readonly src: YamlSource) {}

  fail(p: YamlPath, message: string): never {
    return this.src.fail(p, message, RuleTestFileError);
  }

  keys(v: Record<string, unknown>, allowed: Set<string>, at: YamlPath, what: string): void {
    for (const k of Object.keys(v)) if (!allowed.has(k)) this.fail([...at, k], `${what}不认识的字段 "${k}"${didYouMean(k, allowed)}（可用：${[...allowed].join(', ')}）`);
  }

  text(v: unknown, at: YamlPath, what: string): string {
    if (typeof v !== 'string' || v === '') this.fail(at, `${what}必须是非空字符串`);
    return v;
  }

  texts(v: unknown, at: YamlPath, what: string): string[] {
    if (typeof v === 'string') return [this.text(v, at, what)];
    if (!Array.isArray(v) || !v.length) this.fail(at, `${what}必须是字符串或非空的字符串列表`);
    return v.map((x, i) => this.text(x, [...at, i], what));
  }
}

function readReplacement(r: Reader, raw: unknown, at: YamlPath): Replacement {
  if (!isPlainObject(raw)) r.fail(at, 'replace 的每一项必须是 { from: 原文, to: 改成 } 或 { pattern: 正则, to: 改成 }');
  r.keys(raw, REPLACE_KEYS, at, 'replace ');
  if ((raw.from === undefined) === (raw.pattern === undefined)) r.fail(at, 'replace 的每一项要有 from 或 pattern（只能一个）');
  if (typeof raw.to !== 'string') r.fail([...at, 'to'], 'to 必须是字符串（可以为空）');
  const out: Replacement = { to: raw.to };
  if (raw.from !== undefined) out.from = r.text(raw.from, [...at, 'from'], 'from ');
  if (raw.pattern !== undefined) {
    out.pattern = r.text(raw.pattern, [...at, 'pattern'], 'pattern ');
    try {
      new RegExp(out.pattern, 'gmu');
    } catch (e) {
      r.fail([...at, 'pattern'], `pattern 不是正则表达式：${(e as Error).message}`);
    }
  }
  if (raw.all !== undefined) {
    if (typeof raw.all !== 'boolean') r.fail([...at, 'all'], 'all 必须是 true 或 false');
    out.all = raw.all;
  }
  return out;
}

function readExpected(r: Reader, raw: unknown, at: YamlPath, several: boolean): ExpectedDiagnostic {
  if (!isPlainObject(raw)) r.fail(at, 'errors 的每一项必须是对象，如 { line: 12, message: … }');
  r.keys(raw, ERROR_KEYS, at, '期望的诊断');
  const out: ExpectedDiagnostic = { pos: r.src.pos(at) };
  if (raw.rule !== undefined) out.rule = r.text(raw.rule, [...at, 'rule'], 'rule ');
  else if (several) r.fail(at, '这个用例测几条规则：每个期望的诊断要写 rule');
  for (const k of ['line', 'page'] as const) {
    if (raw[k] === undefined) continue;
    if (!Number.isInteger(raw[k]) || (raw[k] as number) < 1) r.fail([...at, k], `${k} 必须是正整数`);
    out[k] = raw[k] as number;
  }
  for (const k of ['at', 'after', ...CONTENT, 'table', 'row', 'tableColumn'] as const) {
    if (raw[k] === undefined) continue;
    // figures may be written unquoted (actual: 10): they are compared as the text they print as
    out[k] = typeof raw[k] === 'number' ? String(raw[k]) : r.text(raw[k], [...at, k], `${k} `);
  }
  if (raw.severity !== undefined) {
    const s = raw.severity;
    if (s !== 'error' && s !== 'warn' && s !== 1 && s !== 2) r.fail([...at, 'severity'], 'severity 必须是 error、warn（或 2、1）');
    out.severity = s === 'error' || s === 2 ? 2 : 1;
  }
  if (out.after !== undefined && out.at === undefined) r.fail([...at, 'after'], 'after 只与 at 同用');
  if (out.line === undefined && out.at === undefined && out.page === undefined) r.fail(at, '期望的诊断要写位置：line、at（所在行含的文字）或 page');
  if (out.line !== undefined && out.at !== undefined) r.fail(at, 'line 与 at 只能写一个');
  if (!CONTENT.some((k) => out[k] !== undefined)) r.fail(at, `期望的诊断要写内容：${CONTENT.join('、')} 至少一项`);
  return out;
}

function readCase(r: Reader, raw: unknown, at: YamlPath, index: number): RuleTestCase {
  if (!isPlainObject(raw)) r.fail(at, '每个用例必须是对象：{ rule, text 或 file, valid: true 或 errors }');
  r.keys(raw, CASE_KEYS, at, '用例');
  if (raw.rule === undefined) r.fail(at, '用例要写 rule：所测规则的 id');
  const rules = r.texts(raw.rule, [...at, 'rule'], 'rule ');
  if ((raw.text === undefined) === (raw.file === undefined)) r.fail(at, '用例要有 text（文件内容）或 file（文件路径），只能一个');
  const out: RuleTestCase = {
    name: raw.name === undefined ? `第 ${index + 1} 个用例` : r.text(raw.name, [...at, 'name'], 'name '),
    rules,
    replace: [],
    valid: false,
    errors: [],
    pos: r.src.pos(at),
    rulePos: r.src.pos([...at, 'rule']),
  };
  if (raw.text !== undefined) out.text = r.text(raw.text, [...at, 'text'], 'text ');
  if (raw.file !== undefined) out.file = r.text(raw.file, [...at, 'file'], 'file ');
  if (raw.replace !== undefined) {
    if (!Array.isArray(raw.replace)) r.fail([...at, 'replace'], 'replace 必须是列表');
    out.replace = raw.replace.map((x, i) => readReplacement(r, x, [...at, 'replace', i]));
  }
  if (raw.valid !== undefined && raw.valid !== true) r.fail([...at, 'valid'], 'valid 只能写 true（会报错的用例写 errors）');
  if (raw.valid === true && raw.errors !== undefined) r.fail(at, '用例不能既写 valid: true 又写 errors');
  if (raw.valid === true) out.valid = true;
  else if (raw.errors === undefined) r.fail(at, '用例没有写期望：不报错的写 valid: true，会报错的写 errors（所期望的诊断）');
  else {
    if (!Array.isArray(raw.errors) || !raw.errors.length) r.fail([...at, 'errors'], 'errors 必须是非空列表（不报错的用例写 valid: true）');
    out.errors = raw.errors.map((e, i) => readExpected(r, e, [...at, 'errors', i], rules.length > 1));
  }
  return out;
}

/** a test file's text → its cases (paths stay as written: the runner resolves them) */
export function parseRuleTests(file: string, text: string): RuleTestFile {
  const r = new Reader(YamlSource.parse(file, text));
  const data = r.src.value;
  const out: RuleTestFile = { file, ruleFiles: [], tableFiles: [], cases: [] };
  let list: unknown;
  let base: YamlPath = [];
  if (Array.isArray(data)) list = data;
  else if (isPlainObject(data)) {
    r.keys(data, FILE_KEYS, [], '测试文件');
    if (data.rules !== undefined) out.ruleFiles = r.texts(data.rules, ['rules'], 'rules ');
    if (data.tables !== undefined) out.tableFiles = r.texts(data.tables, ['tables'], 'tables ');
    list = data.cases;
    base = ['cases'];
  }
  if (!Array.isArray(list) || !list.length) r.fail(base, '测试文件应是用例列表，或含 cases: 用例列表的对象');
  out.cases = (list as unknown[]).map((c, i) => readCase(r, c, [...base, i], i));
  return out;
}
