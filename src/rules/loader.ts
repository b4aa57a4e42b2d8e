/**
 * Rule files: YAML → validated rules. Every problem is reported as file:line:col of the YAML
 * node at fault, before any document is linted.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import type { LineCounter } from 'yaml';
import { walkFolder } from '../ingest/walk.js';
import { composeBounded, RULE_FILE_LIMITS, type LimitProblem } from './limits.js';
import { YamlFileError, YamlSource, yamlLib, type YamlInput } from '../common/yaml-source.js';
import { CacheMiss, cachedYaml, checkedKey, checkedRules, RecordingSource, yamlKey, type CachedYaml } from '../common/yaml-cache.js';
import { builtinCatalogDigest, defaultCatalog, type Catalog } from '../model/tables/catalog.js';
import { checkKeys, checkRule, Ctx, isPlainObject } from './rule-check.js';
import type { CellQuery, Rule } from './types.js';
import { ruleDocsLink } from './docs-anchor.js';

/** a rule file that cannot be loaded, at file:line:col */
export class RuleLoadError extends YamlFileError {}

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

/** a rule file's YAML → its rules, validated (against the catalogue of table kinds given) */
function rulesOf(src: YamlInput, seen: Set<string>, catalog: Catalog): Rule[] {
  const ctx = new Ctx(src, RuleLoadError);
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
  const builtin = isBuiltinRuleFile(src.file);
  return list.map((r, i) => {
    const rule = checkRule(ctx, catalog, r, [...base, i], seen);
    // a built-in rule is documented in docs/rules.md, under its id
    if (builtin && rule.docs === undefined) rule.docs = ruleDocsLink(rule.id);
    return rule;
  });
}

function withoutBom(file: string, source: string): string {
  const text = source.replace(/^\uFEFF/, '');
  const bytes = Buffer.byteLength(text);
  if (bytes > RULE_FILE_LIMITS.bytes) throw new RuleLoadError(file, 1, 1, `规则文件过大（${bytes} 字节，上限 ${RULE_FILE_LIMITS.bytes} 字节）`);
  return text;
}

/** a rule file's rules, validated against the catalogue (by default the built-in one) */
export function parseRules(file: string, source: string, seen = new Set<string>(), catalog: Catalog = defaultCatalog()): Rule[] {
  const text = withoutBom(file, source);
  const checked = checkedBuiltin(file, text, seen, catalog);
  if (checked) return checked;
  const cached = cachedYaml('rules', file, text);
  if (cached) {
    // validated on a copy of seen: a cached reading dropped half-way leaves no id behind
    const mine = new Set(seen);
    try {
      const rules = rulesOf(cached, mine, catalog);
      for (const id of mine) seen.add(id);
      return rules;
    } catch (err) {
      if (!(err instanceof CacheMiss)) throw err;
    }
  }
  return rulesOf(readRuleYaml(file, text), seen, catalog);
}

const isBuiltinRuleFile = (file: string) => path.resolve(file).startsWith(BUILTIN_RULES_DIR + path.sep);

/** how an undefined field (a rule without why:) is stored: JSON would drop it */
const UNDEFINED = '\u0000undefined';

function restoreUndefined(value: unknown): void {
  if (typeof value !== 'object' || value === null) return;
  const record = value as Record<string, unknown>;
  for (const k of Object.keys(record)) {
    if (record[k] === UNDEFINED) record[k] = undefined;
    else restoreUndefined(record[k]);
  }
}

/** a stored rule as validation made it: undefined fields, objects without a prototype (bind, a column map) */
function revived(value: unknown, file: string): Rule {
  restoreUndefined(value);
  const rule = value as Rule;
  rule.source = { ...rule.source, file };
  const bind: Record<string, CellQuery> = Object.create(null);
  for (const [name, q] of Object.entries(rule.bind)) {
    bind[name] = q.columnMap || q.rowMap ? { ...q, ...(q.columnMap && { columnMap: Object.assign(Object.create(null), q.columnMap) }), ...(q.rowMap && { rowMap: Object.assign(Object.create(null), q.rowMap) }) } : q;
  }
  rule.bind = bind;
  return rule;
}

/**
 * A built-in rule file's rules as the build validated them, when nothing they were validated
 * against has changed (the file, the built-in table kinds, no table kinds of the user's); null
 * to validate them here. A rule id seen already is left for validation to report at its place.
 */
function checkedBuiltin(file: string, text: string, seen: Set<string>, catalog: Catalog): Rule[] | null {
  const tables = builtinCatalogDigest(catalog);
  if (tables === null || !isBuiltinRuleFile(file)) return null;
  const stored = checkedRules(checkedKey(text, tables));
  if (!stored) return null;
  const rules = stored.map((r) => revived(r, file));
  if (rules.some((r) => seen.has(r.id))) return null;
  for (const r of rules) seen.add(r.id);
  return rules;
}

/**
 * A built-in rule file's validated rules as stored (scripts/cache-yaml.mjs): key and JSON value,
 * or null when they would not come back the same from JSON.
 */
export function checkedCacheEntry(file: string, source: string): [string, unknown[]] | null {
  const text = withoutBom(file, source);
  const catalog = defaultCatalog();
  const rules = rulesOf(readRuleYaml(file, text), new Set(), catalog);
  const json = JSON.stringify(
    rules.map((r) => ({ ...r, source: { ...r.source, file: '' } })),
    (_key, v: unknown) => (v === undefined ? UNDEFINED : v),
  );
  const stored = JSON.parse(json) as unknown[];
  const back = structuredClone(stored).map((r) => revived(r, file));
  return isDeepStrictEqual(back, rules) ? [checkedKey(text, builtinCatalogDigest(catalog)!), stored] : null;
}

/** a valid rule file's cache entry (scripts/cache-yaml.mjs): its key, its value, the positions asked */
export function ruleCacheEntry(file: string, source: string): [string, CachedYaml] {
  const text = withoutBom(file, source);
  const recording = new RecordingSource(readRuleYaml(file, text));
  rulesOf(recording, new Set(), defaultCatalog());
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
  // a rule folder's *.test.yaml are tests of its rules (--test-rules), not rules
  if (st.isDirectory()) return (await walkFolder(p, { match: /\.ya?ml$/i })).filter((f) => !isRuleTestFile(f));
  return [p];
}

async function readRuleFile(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (err) {
    throw new RuleLoadError(file, 1, 1, `无法读取规则文件（${(err as NodeJS.ErrnoException).code ?? String(err)}）`);
  }
}

export function isRuleTestFile(file: string): boolean {
  return /\.test\.ya?ml$/i.test(file);
}

export async function loadRules(paths: string[], catalog: Catalog = defaultCatalog()): Promise<Rule[]> {
  const seen = new Set<string>();
  const rules: Rule[] = [];
  for (const p of paths) {
    for (const f of await ruleFiles(p)) {
      // one at a time: spreading a long list into push() overflows the stack
      for (const rule of parseRules(f, await readRuleFile(f), seen, catalog)) rules.push(rule);
    }
  }
  return rules;
}

export const BUILTIN_RULES_DIR = fileURLToPath(new URL('../../rules', import.meta.url));
