/**
 * The cache of parsed built-in YAML (dist/yaml-cache.json) must give exactly what parsing gives,
 * and be passed over for any file it was not written for.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { setYamlStore, YAML_STORE_FORMAT, type CachedYaml, type YamlStore } from '../src/common/yaml-cache.js';
import { builtinCatalogCacheEntries, loadCatalog } from '../src/model/tables/catalog.js';
import { BUILTIN_RULES_DIR, loadRules, parseRules, RuleLoadError } from '../src/rules/index.js';
import { checkedCacheEntry, isRuleTestFile, ruleCacheEntry } from '../src/rules/loader.js';
import { walkFolder } from '../src/ingest/walk.js';

async function builtinStore(): Promise<YamlStore> {
  const entries: Record<string, CachedYaml> = {};
  for (const f of (await walkFolder(BUILTIN_RULES_DIR, { match: /\.ya?ml$/i })).filter((f) => !isRuleTestFile(f))) {
    const [key, entry] = ruleCacheEntry(f, readFileSync(f, 'utf8'));
    entries[key] = JSON.parse(JSON.stringify(entry));
  }
  for (const [key, entry] of builtinCatalogCacheEntries()) entries[key] = JSON.parse(JSON.stringify(entry));
  return { format: YAML_STORE_FORMAT, yaml: 'test', entries };
}

afterEach(() => setYamlStore(undefined));

describe('cache of parsed built-in YAML', () => {
  it('gives the same rules and table kinds as parsing', async () => {
    setYamlStore(null);
    const parsed = { rules: await loadRules([BUILTIN_RULES_DIR]), catalog: loadCatalog() };
    const store = await builtinStore();
    setYamlStore(store);
    const cached = { rules: await loadRules([BUILTIN_RULES_DIR]), catalog: loadCatalog() };
    expect(cached).toStrictEqual(parsed);
    // and they were read from the cache: with its values altered, what is loaded changes
    for (const entry of Object.values(store.entries)) {
      const v = entry.value as { rules?: Array<{ description?: string }> };
      for (const r of v.rules ?? []) r.description = 'from the cache';
    }
    expect((await loadRules([BUILTIN_RULES_DIR])).every((r) => r.description === 'from the cache')).toBe(true);
  });

  it('reads entries stored as JSON text (as the build writes them) alike, each a copy of its own', async () => {
    setYamlStore(null);
    const parsed = { rules: await loadRules([BUILTIN_RULES_DIR]), catalog: loadCatalog() };
    const store = await builtinStore();
    const texts: YamlStore = { ...store, entries: Object.fromEntries(Object.entries(store.entries).map(([k, v]) => [k, JSON.stringify(v)])) };
    setYamlStore(texts);
    const first = await loadRules([BUILTIN_RULES_DIR]);
    expect({ rules: first, catalog: loadCatalog() }).toStrictEqual(parsed);
    first[0].description = 'changed by a caller';
    expect((await loadRules([BUILTIN_RULES_DIR]))[0].description).toBe(parsed.rules[0].description);
    // and read from the store: a text altered there is what loads
    const [key, text] = Object.entries(texts.entries).find(([, v]) => (v as string).includes(parsed.rules[0].description))!;
    texts.entries[key] = (text as string).split(JSON.stringify(parsed.rules[0].description).slice(1, -1)).join('from the text');
    expect((await loadRules([BUILTIN_RULES_DIR])).some((r) => r.description === 'from the text')).toBe(true);
  });

  it('passes over a changed file, and a reading that does not fit the checks', async () => {
    const file = `${BUILTIN_RULES_DIR}/table-totals.yaml`;
    const text = readFileSync(file, 'utf8');
    const store = await builtinStore();
    setYamlStore(store);
    const edited = text.replace(/description: [^\n]*/, 'description: edited');
    expect(edited).not.toBe(text);
    expect(parseRules(file, edited)[0].description).toBe('edited');
    // a position the cache does not hold, or a check that fails: parsed, with the parser's error
    const [key, entry] = ruleCacheEntry(file, text);
    setYamlStore(null);
    const expected = parseRules(file, text);
    store.entries[key] = { ...entry, positions: {} };
    setYamlStore(store);
    expect(parseRules(file, text)).toStrictEqual(expected);
    store.entries[key] = { ...entry, value: { rules: [{ id: 'x' }] } };
    expect(parseRules(file, text)).toStrictEqual(expected);
  });

  it('reports a duplicate id across files at its place, as parsing does', async () => {
    setYamlStore(await builtinStore());
    const file = `${BUILTIN_RULES_DIR}/table-totals.yaml`;
    const text = readFileSync(file, 'utf8');
    const seen = new Set<string>();
    parseRules(file, text, seen);
    expect(() => parseRules(file, text, seen)).toThrow(RuleLoadError);
    expect(() => parseRules(file, text, seen)).toThrow(/table-totals\.yaml:\d+:\d+: 规则 id .* 重复/);
  });
});

describe('built-in rules stored as validated', () => {
  const ruleFiles = async () => (await walkFolder(BUILTIN_RULES_DIR, { match: /\.ya?ml$/i })).filter((f) => !isRuleTestFile(f));
  /** a store of the validated rules alone (no parsed YAML: a miss would parse the file) */
  async function checkedStore(): Promise<YamlStore> {
    const checked: Record<string, unknown[]> = {};
    for (const f of await ruleFiles()) {
      const entry = checkedCacheEntry(f, readFileSync(f, 'utf8'));
      expect(entry).not.toBeNull();
      checked[entry![0]] = entry![1];
    }
    return { format: YAML_STORE_FORMAT, yaml: 'test', entries: {}, checked };
  }
  const mark = (store: YamlStore) => {
    for (const rules of Object.values(store.checked!)) for (const r of rules as Array<{ description: string }>) r.description = 'as stored';
  };

  it('are the rules validation gives, prototypes and undefined fields included, and are used', async () => {
    setYamlStore(null);
    const validated = await loadRules([BUILTIN_RULES_DIR], loadCatalog());
    const store = await checkedStore();
    setYamlStore(store);
    expect(await loadRules([BUILTIN_RULES_DIR], loadCatalog())).toStrictEqual(validated);
    expect(Object.getPrototypeOf(validated[0].bind)).toBeNull();
    mark(store);
    expect((await loadRules([BUILTIN_RULES_DIR], loadCatalog())).every((r) => r.description === 'as stored')).toBe(true);
  });

  it('stored as JSON text (as the build writes them), are the same rules, a copy for each load', async () => {
    setYamlStore(null);
    const validated = await loadRules([BUILTIN_RULES_DIR], loadCatalog());
    const store = await checkedStore();
    mark(store);
    setYamlStore({ ...store, checked: Object.fromEntries(Object.entries(store.checked!).map(([k, v]) => [k, JSON.stringify(v)])) });
    const loaded = await loadRules([BUILTIN_RULES_DIR], loadCatalog());
    expect(loaded.every((r) => r.description === 'as stored')).toBe(true);
    expect(loaded.map((r) => ({ ...r, description: '' }))).toStrictEqual(validated.map((r) => ({ ...r, description: '' })));
    (loaded[0].select as unknown as Record<string, unknown>).changedByCaller = true;
    expect((await loadRules([BUILTIN_RULES_DIR], loadCatalog()))[0].select).toStrictEqual(validated[0].select);
  });

  it("are not used with the user's table kinds, or for a rule file changed since", async () => {
    const store = await checkedStore();
    mark(store);
    setYamlStore(store);
    const dir = mkdtempSync(path.join(tmpdir(), 'bl-tables-'));
    try {
      // a folder of table files, even an empty one, is a catalogue the rules were not checked against
      expect((await loadRules([BUILTIN_RULES_DIR], loadCatalog([dir]))).some((r) => r.description === 'as stored')).toBe(false);
    } finally {
      rmSync(dir, { recursive: true });
    }
    const file = `${BUILTIN_RULES_DIR}/table-totals.yaml`;
    const edited = readFileSync(file, 'utf8').replace(/description: [^\n]*/, 'description: edited');
    expect(parseRules(file, edited, new Set(), loadCatalog())[0].description).toBe('edited');
  });

  it('leave a duplicate id for validation to report at its place', async () => {
    setYamlStore(await checkedStore());
    const file = `${BUILTIN_RULES_DIR}/table-totals.yaml`;
    const text = readFileSync(file, 'utf8');
    const seen = new Set<string>();
    parseRules(file, text, seen, loadCatalog());
    expect(() => parseRules(file, text, seen, loadCatalog())).toThrow(/table-totals\.yaml:\d+:\d+: 规则 id .* 重复/);
  });
});
