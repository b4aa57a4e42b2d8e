/**
 * Rule files: YAML → validated rules. Every problem is reported as file:line:col of the YAML
 * node at fault, before any document is linted.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LineCounter } from 'yaml';
import { walkFolder } from '../ingest/walk.js';
import { composeBounded, RULE_FILE_LIMITS, type LimitProblem } from './limits.js';
import { YamlFileError, YamlSource, yamlLib, type YamlInput } from '../common/yaml-source.js';
import { CacheMiss, cachedYaml, RecordingSource, yamlKey, type CachedYaml } from '../common/yaml-cache.js';
import { defaultCatalog, type Catalog } from '../model/tables/catalog.js';
import { checkKeys, checkRule, Ctx, isPlainObject } from './rule-check.js';
import type { Rule } from './types.js';
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
  const builtin = path.resolve(src.file).startsWith(BUILTIN_RULES_DIR + path.sep);
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
