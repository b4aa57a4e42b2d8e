/**
 * The suppressions file (出错说明): a YAML list of accepted findings, each with the rule, where
 * it is, and why it stands. Validated as config files are (file:line:col); an entry whose
 * justification is missing or empty is valid here, but suppresses nothing (see apply.ts).
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { isPlainObject, YamlFileError, YamlSource, type YamlPath } from '../common/yaml-source.js';
import { suggestion } from '../common/suggest.js';

export class SuppressionsError extends YamlFileError {}

export const SUPPRESSIONS_NAME = 'budget-lint-suppressions.yaml';

export interface Suppression {
  /** its place in the list, and where it is written */
  index: number;
  line: number;
  column: number;
  rule: string;
  /** a file name or glob, relative to the suppressions file's folder */
  file?: string;
  table?: string;
  row?: string;
  /** the table column (Diagnostic.tableColumn) */
  column_?: string;
  page?: number;
  subject?: string;
  /** empty when missing: then the entry suppresses nothing */
  justification: string;
  /** YYYY-MM-DD: the last day it suppresses */
  expires?: string;
}

export interface SuppressionsFile {
  file: string;
  /** the folder its file globs are relative to */
  base: string;
  entries: Suppression[];
}

const KEYS = ['rule', 'file', 'table', 'row', 'column', 'page', 'subject', 'justification', 'expires'];
const MAX_BYTES = 4 << 20;

function validDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

class Checker {
  constructor(readonly src: YamlSource) {}

  fail(p: YamlPath, message: string, key = false): never {
    const { line, column } = key ? this.src.keyPos(p) : this.src.pos(p);
    throw new SuppressionsError(this.src.file, line, column, message);
  }

  /** a name: text, or a number written without quotes (row: 20805) */
  name(v: unknown, at: YamlPath, what: string): string | undefined {
    if (v === undefined) return undefined;
    if (typeof v === 'number' && Number.isFinite(v)) return String(v);
    if (typeof v !== 'string' || !v.trim()) this.fail(at, `${what} 必须是非空字符串`);
    return v;
  }

  entry(raw: unknown, i: number, known: Set<string>): Suppression {
    const at = [i];
    if (!isPlainObject(raw)) this.fail(at, '每条出错说明必须是对象，至少含 rule 与 justification');
    for (const k of Object.keys(raw)) {
      if (!KEYS.includes(k)) this.fail([i, k], `出错说明不认识的字段 "${k}"${suggestion(k, KEYS)}（可用：${KEYS.join(', ')}）`, true);
    }
    const rule = this.name(raw.rule, [i, 'rule'], 'rule');
    if (rule === undefined) this.fail(at, '出错说明缺少 rule（规则 id）');
    if (!known.has(rule)) this.fail([i, 'rule'], `没有 id 为「${rule}」的规则${suggestion(rule, known)}`);
    const page = raw.page;
    if (page !== undefined && (typeof page !== 'number' || !Number.isInteger(page) || page < 1)) this.fail([i, 'page'], 'page 必须是正整数（页码）');
    const j = raw.justification;
    if (j !== undefined && j !== null && typeof j !== 'string') this.fail([i, 'justification'], 'justification 必须是文字');
    const e = raw.expires instanceof Date ? raw.expires.toISOString().slice(0, 10) : raw.expires;
    if (e !== undefined && (typeof e !== 'string' || !validDate(e))) this.fail([i, 'expires'], 'expires 必须是日期，写作 YYYY-MM-DD（如 2026-12-31）');
    const expires = e as string | undefined;
    const { line, column } = this.src.pos(at);
    return {
      index: i,
      line,
      column,
      rule,
      file: this.name(raw.file, [i, 'file'], 'file'),
      table: this.name(raw.table, [i, 'table'], 'table'),
      row: this.name(raw.row, [i, 'row'], 'row'),
      column_: this.name(raw.column, [i, 'column'], 'column'),
      page: page as number | undefined,
      subject: this.name(raw.subject, [i, 'subject'], 'subject'),
      justification: typeof j === 'string' ? j.trim() : '',
      expires,
    };
  }
}

/** the file's text, or null when it does not exist */
export function readSuppressionsText(file: string): string | null {
  const st = statSync(file, { throwIfNoEntry: false });
  if (!st) return null;
  if (st.size > MAX_BYTES) throw new SuppressionsError(file, 1, 1, `出错说明文件过大（上限 ${MAX_BYTES} 字节）`);
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    throw new SuppressionsError(file, 1, 1, `无法读取出错说明文件（${(err as NodeJS.ErrnoException).code ?? String(err)}）`);
  }
}

/** a suppressions file's entries, validated against the rule ids known */
export function parseSuppressions(file: string, text: string, known: Set<string>): SuppressionsFile {
  const src = YamlSource.parse(file, text);
  const c: Checker = new Checker(src);
  const data = src.value ?? [];
  if (!Array.isArray(data)) c.fail([], '出错说明文件应是列表，每项含 rule、justification 与所在位置（file、table、row、column、page 或 subject）');
  return { file, base: path.dirname(path.resolve(file)), entries: data.map((raw, i) => c.entry(raw, i, known)) };
}
