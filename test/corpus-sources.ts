/** The five corpus documents' fixture sources (fixtures/pdf-src/corpus-NAME.json), as the variant tests print and read them. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { splitLines } from '../src/ingest/index.js';
import { buildReport, type Report } from '../src/model/index.js';
import { runRules, type Diagnostic, type Rule } from '../src/rules/index.js';
// @ts-expect-error plain JavaScript, shared with scripts/make-fixtures.mjs
import { text } from '../scripts/render-source.mjs';
import { FIXTURES } from './helpers.js';

export const DOCUMENTS = ['guizhou-office-2023-final', 'haidong-city-2025-budget', 'linxia-city-2023-final', 'qinghai-province-2023-final', 'weihai-huancui-2023-final'];

/** a corpus document's fixture source, fresh each time (variants change what they are given) */
export const sourceOf = (name: string) => JSON.parse(readFileSync(path.join(FIXTURES, 'pdf-src', `corpus-${name}.json`), 'utf8'));

export const fromText = (file: string, s: string): Report => buildReport(splitLines(file, s));

/** each document printed as make-fixtures prints it (its text version), read, with its diagnostics */
export function originalsOf(rules: Rule[]): Map<string, { report: Report; diagnostics: Diagnostic[] }> {
  const out = new Map<string, { report: Report; diagnostics: Diagnostic[] }>();
  for (const name of DOCUMENTS) {
    const report = fromText(`${name}.txt`, text(sourceOf(name)));
    out.set(name, { report, diagnostics: runRules(report, rules) });
  }
  return out;
}
