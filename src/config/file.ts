/**
 * One configuration file (budget-lint.config.yaml, .budgetlintrc.yaml, a file it extends, a
 * built-in preset): YAML → a validated layer. Every problem is reported as file:line:col, as in
 * rule files; paths in it are taken relative to its folder.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { isPlainObject, YamlFileError, YamlSource, type YamlPath } from '../common/yaml-source.js';
import { suggestion } from '../common/suggest.js';
import type { Severity, SourcePosition } from '../rules/types.js';

export class ConfigError extends YamlFileError {}

export type BuiltinRules = 'recommended' | 'all' | 'off';
export const BUILTIN_MODES: BuiltinRules[] = ['recommended', 'all', 'off'];

export interface RuleSetting {
  severity: Severity;
  /** where the rule id is written, to name an unknown one */
  at: SourcePosition;
}

export interface Override {
  files: string[];
  rules: Map<string, RuleSetting>;
  /** the folder its globs are relative to */
  base: string;
}

/** one file's settings */
export interface ConfigLayer {
  file: string;
  dir: string;
  extends: Array<{ ref: string; at: SourcePosition }>;
  builtinRules?: BuiltinRules;
  rules: Map<string, RuleSetting>;
  ruleFiles: string[];
  tableFiles: string[];
  overrides: Override[];
  ignores: string[];
  format?: { value: string; at: SourcePosition };
  outputFile?: string;
}

const KEYS = ['extends', 'builtinRules', 'rules', 'ruleFiles', 'tableFiles', 'overrides', 'ignores', 'format', 'outputFile'];
const OVERRIDE_KEYS = ['files', 'rules'];
const MAX_BYTES = 1 << 20;
/** ESLint's severities: a word or 0, 1, 2 */
const SEVERITY: Record<string, Severity> = { error: 'error', warn: 'warn', off: 'off', '2': 'error', '1': 'warn', '0': 'off' };

class Checker {
  constructor(readonly src: YamlSource) {}

  at(p: YamlPath, key = false): SourcePosition {
    return { file: this.src.file, ...(key ? this.src.keyPos(p) : this.src.pos(p)) };
  }

  fail(p: YamlPath, message: string, key = false): never {
    const { line, column } = this.at(p, key);
    throw new ConfigError(this.src.file, line, column, message);
  }

  keys(obj: Record<string, unknown>, allowed: string[], at: YamlPath, what: string): void {
    for (const k of Object.keys(obj)) {
      if (!allowed.includes(k)) this.fail([...at, k], `${what}不认识的字段 "${k}"${suggestion(k, allowed)}（可用：${allowed.join(', ')}）`, true);
    }
  }

  string(v: unknown, at: YamlPath, what: string): string {
    if (typeof v !== 'string' || !v.trim()) this.fail(at, `${what} 必须是非空字符串`);
    return v;
  }

  /** a string or a list of strings (non-empty each) */
  strings(v: unknown, at: YamlPath, what: string): string[] {
    const list = typeof v === 'string' ? [v] : v;
    if (!Array.isArray(list) || list.some((s) => typeof s !== 'string' || !s.trim())) this.fail(at, `${what} 必须是非空字符串或其列表`);
    return list as string[];
  }

  /** paths of files or folders that must exist, relative to the config file */
  paths(v: unknown, at: YamlPath, what: string, dir: string): string[] {
    return this.strings(v, at, what).map((p, i) => {
      const abs = path.resolve(dir, p);
      if (!statSync(abs, { throwIfNoEntry: false })) this.fail(typeof v === 'string' ? at : [...at, i], `${what} 中的 "${p}" 找不到（相对于配置文件所在目录 ${dir}）`);
      return abs;
    });
  }

  rules(v: unknown, at: YamlPath): Map<string, RuleSetting> {
    if (!isPlainObject(v)) this.fail(at, 'rules 必须是「规则 id: error | warn | off」的映射');
    const out = new Map<string, RuleSetting>();
    for (const [id, raw] of Object.entries(v)) {
      const severity = typeof raw === 'string' || typeof raw === 'number' ? SEVERITY[String(raw)] : undefined;
      if (!severity) this.fail([...at, id], `规则「${id}」的级别必须是 error、warn 或 off（或 2、1、0）`);
      out.set(id, { severity, at: this.at([...at, id], true) });
    }
    return out;
  }

  overrides(v: unknown, dir: string): Override[] {
    if (!Array.isArray(v)) this.fail(['overrides'], 'overrides 必须是列表，每项含 files 与 rules');
    return v.map((o, i) => {
      const at = ['overrides', i];
      if (!isPlainObject(o)) this.fail(at, 'overrides 的每一项必须是含 files 与 rules 的对象');
      this.keys(o, OVERRIDE_KEYS, at, 'overrides 项');
      if (o.files === undefined) this.fail(at, 'overrides 项缺少 files（通配符列表）');
      return { files: this.strings(o.files, [...at, 'files'], 'files'), rules: o.rules === undefined ? new Map() : this.rules(o.rules, [...at, 'rules']), base: dir };
    });
  }
}

function readText(file: string): string {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new ConfigError(file, 1, 1, `无法读取配置文件（${(err as NodeJS.ErrnoException).code ?? String(err)}）`);
  }
  if (Buffer.byteLength(text) > MAX_BYTES) throw new ConfigError(file, 1, 1, `配置文件过大（上限 ${MAX_BYTES} 字节）`);
  return text;
}

/** a configuration file, validated (extends are named, not yet read) */
export function readConfigFile(file: string): ConfigLayer {
  const src = YamlSource.parse(file, readText(file));
  const c: Checker = new Checker(src);
  const data: unknown = src.value ?? {};
  if (!isPlainObject(data)) c.fail([], '配置文件应是映射（rules:、extends:、overrides: …）');
  c.keys(data, KEYS, [], '配置文件');
  const dir = path.dirname(file);
  const layer: ConfigLayer = { file, dir, extends: [], rules: new Map(), ruleFiles: [], tableFiles: [], overrides: [], ignores: [] };
  if (data.extends !== undefined) {
    const refs = c.strings(data.extends, ['extends'], 'extends');
    layer.extends = refs.map((ref, i) => ({ ref, at: c.at(typeof data.extends === 'string' ? ['extends'] : ['extends', i]) }));
  }
  if (data.builtinRules !== undefined) {
    if (!BUILTIN_MODES.includes(data.builtinRules as BuiltinRules)) c.fail(['builtinRules'], `builtinRules 必须是 ${BUILTIN_MODES.join('、')}`);
    layer.builtinRules = data.builtinRules as BuiltinRules;
  }
  if (data.rules !== undefined) layer.rules = c.rules(data.rules, ['rules']);
  if (data.ruleFiles !== undefined) layer.ruleFiles = c.paths(data.ruleFiles, ['ruleFiles'], 'ruleFiles', dir);
  if (data.tableFiles !== undefined) layer.tableFiles = c.paths(data.tableFiles, ['tableFiles'], 'tableFiles', dir);
  if (data.overrides !== undefined) layer.overrides = c.overrides(data.overrides, dir);
  if (data.ignores !== undefined) layer.ignores = c.strings(data.ignores, ['ignores'], 'ignores');
  if (data.format !== undefined) layer.format = { value: c.string(data.format, ['format'], 'format'), at: c.at(['format']) };
  if (data.outputFile !== undefined) layer.outputFile = path.resolve(dir, c.string(data.outputFile, ['outputFile'], 'outputFile'));
  return layer;
}
