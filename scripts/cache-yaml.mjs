// Part of `npm run build`, after tsc: the built-in rule and table files, parsed and validated
// once, stored in dist/yaml-cache.json by the hash of their text (see src/common/yaml-cache.ts).
// A file whose value would not survive JSON (a .nan, a -0) is left out: it is parsed at run time.
import { readFileSync, writeFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { BUILTIN_RULES_DIR, checkedCacheEntry, isRuleTestFile, ruleCacheEntry } from '../dist/rules/loader.js';
import { builtinCatalogCacheEntries } from '../dist/model/tables/catalog.js';
import { YAML_STORE_FORMAT, yamlVersion } from '../dist/common/yaml-cache.js';
import { walkFolder } from '../dist/ingest/walk.js';

const entries = {};
const add = ([key, entry], file) => {
  if (isDeepStrictEqual(JSON.parse(JSON.stringify(entry.value)), entry.value)) entries[key] = entry;
  else console.warn(`cache-yaml: ${file} is left out (its value does not survive JSON)`);
};
// the rules' tests (*.test.yaml) beside them are no rule files
const ruleFiles = (await walkFolder(BUILTIN_RULES_DIR, { match: /\.ya?ml$/i })).filter((f) => !isRuleTestFile(f));
for (const f of ruleFiles) add(ruleCacheEntry(f, readFileSync(f, 'utf8')), f);
for (const e of builtinCatalogCacheEntries()) add(e, 'a table file');
// and the built-in rules validated (against the built-in table kinds), to be used as they are
const checked = {};
for (const f of ruleFiles) {
  const entry = checkedCacheEntry(f, readFileSync(f, 'utf8'));
  if (entry) checked[entry[0]] = entry[1];
  else console.warn(`cache-yaml: ${f}'s validated rules are left out (they do not survive JSON)`);
}

const out = new URL('../dist/yaml-cache.json', import.meta.url);
// each value as its JSON text, parsed only when asked for (src/common/yaml-cache.ts)
const texts = (record) => Object.fromEntries(Object.entries(record).map(([key, value]) => [key, JSON.stringify(value)]));
writeFileSync(out, JSON.stringify({ format: YAML_STORE_FORMAT, yaml: yamlVersion(), entries: texts(entries), checked: texts(checked) }));
