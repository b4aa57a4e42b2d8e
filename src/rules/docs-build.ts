/**
 * Everything `npm run docs` writes, computed in one place so that the test that holds the
 * checked-in files to it runs the same code: docs/rules.md, docs/tables.md and the README's
 * reference block.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { loadCatalog } from '../model/tables/catalog.js';
import { rulesDoc } from './docs.js';
import { BUILTIN_RULES_DIR, loadRules } from './loader.js';
import { referenceMarkdown, tablesDoc } from './reference.js';
import { firstExample, testFileOf } from './tester/examples.js';

export const ROOT = path.resolve(BUILTIN_RULES_DIR, '..');
export const REFERENCE_START = '<!-- reference:start (npm run docs writes this part) -->';
export const REFERENCE_END = '<!-- reference:end -->';

export async function builtDocs(): Promise<{ rules: string; tables: string; reference: string }> {
  const catalog = loadCatalog();
  const rules = await loadRules([BUILTIN_RULES_DIR], catalog);
  const inputs = [];
  for (const rule of rules) {
    const testFile = testFileOf(rule);
    inputs.push({ rule, example: await firstExample(rule, catalog), testFile: existsSync(testFile) ? testFile : null });
  }
  return { rules: rulesDoc(inputs, ROOT), tables: tablesDoc(catalog), reference: referenceMarkdown() };
}

/** the README with its reference block replaced */
export function withReference(readme: string, reference: string): string {
  const a = readme.indexOf(REFERENCE_START);
  const b = readme.indexOf(REFERENCE_END);
  if (a < 0 || b < a) throw new Error(`README.md 中没有 ${REFERENCE_START} … ${REFERENCE_END}`);
  return `${readme.slice(0, a + REFERENCE_START.length)}\n\n${reference}\n\n${readme.slice(b)}`;
}
