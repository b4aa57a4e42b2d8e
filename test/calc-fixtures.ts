/** The Calc fixtures (fixtures/calc-src → fixtures/pdf/layout-*): read, and a text version held to its PDF. */
import path from 'node:path';
import { expect } from 'vitest';
import { readDocument } from '../src/ingest/index.js';
import { buildReport, type Report } from '../src/model/index.js';
import { runRules } from '../src/rules/index.js';
import { builtinRules, FIXTURES } from './helpers.js';
import { content, placeless } from './model-content.js';

export const readFixture = async (file: string): Promise<Report> => buildReport(await readDocument(path.join(FIXTURES, 'pdf', file)));

/** NAME.txt (tab-separated, as Calc saves a sheet) gives the model and the diagnostics of NAME.PRODUCER.pdf */
export async function expectTextAsPdf(name: string, producer: 'calc' | 'gnumeric' = 'calc'): Promise<void> {
  const fromPdf = await readFixture(`${name}.${producer}.pdf`);
  const fromText = await readFixture(`${name}.txt`);
  expect(content(fromText)).toEqual(content(fromPdf));
  const rules = await builtinRules();
  expect(placeless(runRules(fromText, rules))).toEqual(placeless(runRules(fromPdf, rules)));
}
