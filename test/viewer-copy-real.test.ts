/**
 * The real PDFs' text as a user pastes it: PDFium's page text (a viewer's copy-all, Chrome's or
 * Foxit's), made here from each PDF of ../shared/real-pdf. Documents the text readers were not
 * built from, in the order and wrapping a viewer gives: whatever the text loses, the lint may not
 * say of it what the PDF does not (its reading notices aside), and where a finding of the PDF is
 * missing, a reading notice says what was not read. Skipped where ../shared/real-pdf is absent.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { lintFile } from '../src/cli/lint.js';
import type { Rule } from '../src/rules/index.js';
import { builtinRules, ROOT } from './helpers.js';
import { pdfiumPageText } from './page-text.js';
import { asBothSayIt } from './same-finding.js';

const DIR = path.resolve(ROOT, '../shared/real-pdf');
const FILES = existsSync(DIR) ? readdirSync(DIR).filter((f) => f.endsWith('.pdf')).sort() : [];
const READING = /^(读取|text|pdf)\//;

/**
 * Cases that fail now, by file, each with what goes wrong. A case that passes makes its it.fails
 * fail, and its line here goes.
 */
const FAILS: Record<string, string> = {
  // the same sentence's error, said by another rule: the 支出决算表 the PDF finds 5,377.64 in is not read in the text
  '上海市普陀区规划和自然资源局 2024 年度部门决算.pdf': '叙述/金额与表一致 where the PDF says 叙述/取自全部资金表',
};

async function findings(file: string, rules: Rule[], bytes?: Buffer): Promise<{ found: string[]; notices: string[] }> {
  const outcome = await lintFile(file, rules, bytes ? { bytes } : {});
  if (outcome.fatal) return { found: [], notices: [outcome.fatal] };
  const all = outcome.diagnostics.map((d) => asBothSayIt(`${d.ruleId} ${d.message}`));
  return { found: all.filter((d) => !READING.test(d)), notices: all.filter((d) => READING.test(d)) };
}

describe.skipIf(!FILES.length)('the real PDFs\' text as a viewer copies it', () => {
  let rules: Rule[];
  beforeAll(async () => {
    rules = await builtinRules();
  });

  for (const file of FILES) {
    (FAILS[file] ? it.fails : it)(`${file}: no finding the PDF does not give; a finding lost is said`, async () => {
      const pdf = path.join(DIR, file);
      const text = await pdfiumPageText(pdf);
      const [fromPdf, fromText] = [await findings(pdf, rules), await findings(pdf.replace(/\.pdf$/, '.txt'), rules, Buffer.from(text))];
      expect(fromText.found.filter((d) => !fromPdf.found.includes(d))).toEqual([]);
      const lost = fromPdf.found.filter((d) => !fromText.found.includes(d));
      if (lost.length) expect(fromText.notices.length, `lost without a word: ${lost.join('; ')}`).toBeGreaterThan(0);
    }, 60000);
  }
});
