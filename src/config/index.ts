/**
 * The configuration that applies to a run: found from the current directory upward (or given
 * with -c), its extends read depth first (a file's own settings after those it extends, so
 * its own win), the built-in presets being YAML files shipped in configs/.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError } from '../ingest/index.js';
import { suggestion } from '../common/suggest.js';
import { matches, type GlobList } from './globs.js';
import { ConfigError, readConfigFile, type BuiltinRules, type ConfigLayer, type Override, type RuleSetting } from './file.js';
import type { Severity } from '../rules/types.js';

export { ConfigError, type BuiltinRules, type RuleSetting } from './file.js';

export const CONFIG_NAMES = ['budget-lint.config.yaml', '.budgetlintrc.yaml'];
export const PRESETS_DIR = fileURLToPath(new URL('../../configs', import.meta.url));
const PRESET_PREFIX = 'budget-lint:';

export interface ResolvedConfig {
  /** the configuration file in use; null when there is none */
  file: string | null;
  /** its folder, else the current directory: where a suppressions file is looked for */
  dir: string;
  /** every file read, in the order applied */
  chain: string[];
  builtinRules: BuiltinRules;
  rules: Map<string, RuleSetting>;
  ruleFiles: string[];
  tableFiles: string[];
  overrides: Override[];
  ignores: GlobList[];
  format?: ConfigLayer['format'];
  outputFile?: string;
}

/** the first configuration file from dir upward, to the filesystem's root */
export function findConfig(dir: string): string | null {
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    for (const name of CONFIG_NAMES) {
      const f = path.join(d, name);
      if (statSync(f, { throwIfNoEntry: false })?.isFile()) return f;
    }
    if (path.dirname(d) === d) return null;
  }
}

function presets(): string[] {
  return ['recommended', 'all'];
}

/** an extends entry → the file it names (a preset, or a path relative to the extending file) */
function extendedFile(ref: string, from: ConfigLayer, at: { file: string; line: number; column: number }): string {
  if (ref.startsWith(PRESET_PREFIX)) {
    const name = ref.slice(PRESET_PREFIX.length);
    if (!presets().includes(name)) {
      throw new ConfigError(at.file, at.line, at.column, `没有名为「${ref}」的预设${suggestion(ref, presets().map((p) => PRESET_PREFIX + p))}（可用：${presets().map((p) => PRESET_PREFIX + p).join('、')}）`);
    }
    return path.join(PRESETS_DIR, `${name}.yaml`);
  }
  const file = path.resolve(from.dir, ref);
  if (!statSync(file, { throwIfNoEntry: false })?.isFile()) throw new ConfigError(at.file, at.line, at.column, `extends 的配置文件 "${ref}" 找不到（相对于 ${from.dir}）`);
  return file;
}

/** the layers in the order they apply: each file after the files it extends; a cycle is refused */
function layers(file: string, stack: string[], out: ConfigLayer[]): void {
  const layer = readConfigFile(file);
  for (const { ref, at } of layer.extends) {
    const next = extendedFile(ref, layer, at);
    if (stack.includes(next) || next === file) {
      const cycle = [...stack, file, next].slice(stack.indexOf(next) >= 0 ? stack.indexOf(next) : stack.length).map((f) => path.basename(f));
      throw new ConfigError(at.file, at.line, at.column, `extends 构成循环：${cycle.join(' → ')}`);
    }
    layers(next, [...stack, file], out);
  }
  out.push(layer);
}

function empty(dir: string): ResolvedConfig {
  return { file: null, dir, chain: [], builtinRules: 'recommended', rules: new Map(), ruleFiles: [], tableFiles: [], overrides: [], ignores: [] };
}

/** -c FILE, else the file found from cwd upward unless lookup is off, else none */
export function resolveConfig(options: { config?: string; lookup: boolean; cwd: string }): ResolvedConfig {
  let file: string | null = null;
  if (options.config !== undefined) {
    file = path.resolve(options.cwd, options.config);
    if (!statSync(file, { throwIfNoEntry: false })?.isFile()) throw new InputError(`找不到配置文件: ${options.config}`);
  } else if (options.lookup) {
    file = findConfig(options.cwd);
  }
  if (file === null) return empty(options.cwd);
  const all: ConfigLayer[] = [];
  layers(file, [], all);
  const config = empty(path.dirname(file));
  config.file = file;
  for (const l of all) {
    config.chain.push(l.file);
    if (l.builtinRules) config.builtinRules = l.builtinRules;
    for (const [id, s] of l.rules) config.rules.set(id, s);
    config.ruleFiles.push(...l.ruleFiles);
    config.tableFiles.push(...l.tableFiles);
    config.overrides.push(...l.overrides);
    if (l.ignores.length) config.ignores.push({ patterns: l.ignores, base: l.dir });
    if (l.format) config.format = l.format;
    if (l.outputFile) config.outputFile = l.outputFile;
  }
  return config;
}

/** the severities the configuration sets for this file: its rules, then each override that takes the file */
export function severitiesFor(config: ResolvedConfig, file: string): Map<string, Severity> {
  const out = new Map<string, Severity>();
  for (const [id, s] of config.rules) out.set(id, s.severity);
  for (const o of config.overrides) {
    if (!matches({ patterns: o.files, base: o.base }, file)) continue;
    for (const [id, s] of o.rules) out.set(id, s.severity);
  }
  return out;
}

/** every rule id the configuration names, where it is named */
export function namedRules(config: ResolvedConfig): Array<[string, RuleSetting]> {
  return [...config.rules, ...config.overrides.flatMap((o) => [...o.rules])];
}

/** a rule id the configuration names that no rule has: an error at the id, with the nearest known one */
export function checkRuleIds(config: ResolvedConfig, known: Set<string>): void {
  for (const [id, { at }] of namedRules(config)) {
    if (!known.has(id)) throw new ConfigError(at.file, at.line, at.column, `没有 id 为「${id}」的规则${suggestion(id, known)}`);
  }
}
