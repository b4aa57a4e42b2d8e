/**
 * A quick seeded fuzz run (the long one is `npm run fuzz`): mutated disclosure texts, byte-flipped
 * PDFs and random rule files. Whatever the input, no crash, no unhandled error, one result for
 * every file, and Object.prototype untouched.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitLines } from '../src/ingest/index.js';
import { buildReport } from '../src/model/index.js';
import { parseRules, RuleLoadError, runRules } from '../src/rules/index.js';
// @ts-expect-error plain JavaScript, shared with scripts/fuzz.mjs
import { mutateBytes, mutateText, randomRuleYaml } from '../scripts/mutate.mjs';
import { CORPUS, FIXTURES, hasCorpus, runCli } from './helpers.js';

const SEED = 20261201;
const prototypeNames = () => Object.getOwnPropertyNames(Object.prototype).sort().join();

interface Result {
  filePath: string;
  fatalErrorCount: number;
  messages: Array<{ message: string; ruleId: string | null }>;
}

/** lint a folder of mutants through the command line and check that each one has its own result */
async function lintMutants(dir: string, files: string[]) {
  const before = prototypeNames();
  const r = await runCli('--format', 'json', dir);
  expect(prototypeNames()).toBe(before);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(r.err).toBe('');
  const results = JSON.parse(r.out) as Result[];
  expect(results.map((x) => x.filePath).sort()).toEqual(files.sort());
  const crashes = results.flatMap((x) => x.messages.filter((m) => m.message.startsWith('内部错误') || m.ruleId === 'rule-error').map((m) => `${x.filePath}: ${m.message}`));
  expect(crashes).toEqual([]);
  return { code: r.code, results };
}

describe('fuzz (seeded, quick)', () => {
  it('mutated texts: truncated, shuffled, digits flipped, commas and dots inserted, lines dropped', async () => {
    const texts = [
      ...readdirSync(path.join(FIXTURES, 'text')).filter((f) => f.endsWith('.txt') && !f.includes('gb18030')).map((f) => path.join(FIXTURES, 'text', f)),
      ...(hasCorpus ? readdirSync(CORPUS).filter((f) => f.endsWith('.txt')).map((f) => path.join(CORPUS, f)) : []),
    ];
    const dir = mkdtempSync(path.join(tmpdir(), 'bl-fuzz-'));
    const files = Array.from({ length: 60 }, (_, i) => {
      const file = path.join(dir, `m${String(i).padStart(2, '0')}.txt`);
      writeFileSync(file, mutateText(readFileSync(texts[i % texts.length], 'utf8'), SEED + i).text);
      return file;
    });
    const { code, results } = await lintMutants(dir, files);
    expect(code).toBe(1);
    // most mutants are still disclosures and are checked; the rest are refused one by one
    expect(results.filter((x) => x.fatalErrorCount === 0).length).toBeGreaterThan(30);
  }, 60_000);

  it('byte-flipped PDFs', async () => {
    // the quick share keeps to the small fixtures (the corpus renderings run to 30 pages; npm run fuzz takes them all)
    const pdfs = readdirSync(path.join(FIXTURES, 'pdf')).filter((f) => f.endsWith('.pdf') && !f.startsWith('corpus-'));
    const dir = mkdtempSync(path.join(tmpdir(), 'bl-fuzz-'));
    const files = Array.from({ length: 8 }, (_, i) => {
      const file = path.join(dir, `m${i}.pdf`);
      writeFileSync(file, mutateBytes(readFileSync(path.join(FIXTURES, 'pdf', pdfs[i % pdfs.length])), SEED + i).bytes);
      return file;
    });
    const { code } = await lintMutants(dir, files);
    expect(code).toBe(1);
  }, 60_000);

  it('PDF mutants that once crashed a reader are linted (npm run fuzz found each)', async () => {
    const found: Array<[string, number]> = [
      // a project form's indicator block with words in its cells but none in the column that anchors its rows (rowsOwnCells)
      ['corpus-qinghai-province-2023-final.reportlab-narrow.pdf', 1 * 1_000_003 + 81],
    ];
    const dir = mkdtempSync(path.join(tmpdir(), 'bl-fuzz-'));
    const files = found.map(([fixture, seed], i) => {
      const file = path.join(dir, `found${i}.pdf`);
      writeFileSync(file, mutateBytes(readFileSync(path.join(FIXTURES, 'pdf', fixture)), seed).bytes);
      return file;
    });
    const { results } = await lintMutants(dir, files);
    // each is still read and checked: its fatal message would hide a crash no more than a finding
    expect(results.map((x) => x.fatalErrorCount)).toEqual(files.map(() => 0));
  }, 60_000);

  it('random rule files load or are refused with a position, and never throw while running', () => {
    const report = buildReport(splitLines('sample.txt', readFileSync(path.join(FIXTURES, 'sample/budget-2025-tables.txt'), 'utf8')));
    const before = prototypeNames();
    let loaded = 0;
    for (let i = 0; i < 300; i++) {
      let rules;
      try {
        rules = parseRules('fuzz.yaml', randomRuleYaml(SEED + i));
      } catch (e) {
        expect(e, `seed ${SEED + i}`).toBeInstanceOf(RuleLoadError);
        expect((e as Error).message).toMatch(/^fuzz\.yaml:\d+:\d+: /);
        continue;
      }
      loaded++;
      expect(runRules(report, rules).filter((d) => d.ruleId === 'rule-error')).toEqual([]);
    }
    expect(prototypeNames()).toBe(before);
    expect(loaded).toBeGreaterThan(50);
  }, 60_000);
});
