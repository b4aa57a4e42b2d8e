/**
 * Text as other tools extract it from the fixture PDFs (scripts/extract-texts.py): PDFium's page
 * text (pypdfium2; what Chrome's and Foxit's copy-all give: a line per row, cells parted by one
 * space), pdfplumber's extract_text() (lines by position, words by gaps) and its layout mode
 * (columns by characters, a CJK character one column wide), and pdf-parse's getText()
 * (scripts/extract-texts-pdfparse.mjs: pdf.js's items, a tab between two that stand apart and
 * none for a blank cell, so its fields are no sheet's cells). Whatever such a text loses, the lint
 * may not say of it what the PDF does not: every finding of an extracted text is one the PDF gives
 * (its reading notices aside), and where a finding of the PDF is missing, a reading notice says
 * what was not read. Never a false alarm, never silence.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { lintFile } from '../src/cli/lint.js';
import type { Rule } from '../src/rules/index.js';
import { builtinRules, FIXTURES } from './helpers.js';
import { asBothSayIt } from './same-finding.js';

const DIR = path.join(FIXTURES, 'text/extracted');
const TOOLS = ['pdfium', 'plumber', 'plumber-layout', 'pdfparse'] as const;
const READING = /^(读取|text|pdf)\//;

/**
 * Cases that fail now, by file name, each with what goes wrong. A case that passes makes its
 * it.fails fail, and its line here goes.
 */
const FAILS: Record<string, string> = {};

/** the extracted texts, each with the PDF it was extracted from */
const CASES = readdirSync(DIR)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => ({ file: f, pdf: f.replace(new RegExp(`\\.(${TOOLS.join('|')})\\.txt$`), '.pdf') }));

async function findings(file: string, rules: Rule[]): Promise<{ found: string[]; notices: string[] }> {
  const outcome = await lintFile(file, rules);
  if (outcome.fatal) return { found: [], notices: [outcome.fatal] };
  const all = outcome.diagnostics.map((d) => asBothSayIt(`${d.ruleId} ${d.message}`));
  return { found: all.filter((d) => !READING.test(d)), notices: all.filter((d) => READING.test(d)) };
}

describe('text extracted from the fixture PDFs by other tools', () => {
  let rules: Rule[];
  beforeAll(async () => {
    rules = await builtinRules();
  });

  it('holds every tool for every fixture it was run on', () => {
    for (const tool of TOOLS) expect(CASES.filter((c) => c.file.endsWith(`.${tool}.txt`)).length).toBe(25);
  });

  for (const { file, pdf } of CASES) {
    (FAILS[file] ? it.fails : it)(`${file}: no finding the PDF does not give; a finding lost is said`, async () => {
      const [fromPdf, fromText] = [await findings(path.join(FIXTURES, 'pdf', pdf), rules), await findings(path.join(DIR, file), rules)];
      expect(fromText.found.filter((d) => !fromPdf.found.includes(d))).toEqual([]);
      const lost = fromPdf.found.filter((d) => !fromText.found.includes(d));
      if (lost.length) expect(fromText.notices.length, `lost without a word: ${lost.join('; ')}`).toBeGreaterThan(0);
    }, 60000);
  }
});
