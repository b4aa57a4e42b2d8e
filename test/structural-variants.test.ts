/**
 * Structural variants: each corpus document with tables laid out as other provinces lay them out
 * (scripts/structural-variants.mjs: the 三公 grid turned into a row per item, or printed with one
 * group only) gives the diagnostics of the original, tables named by kind, and reads the table
 * changed into the cells the original's holds. Text versions are made here from the sources.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { splitLines } from '../src/ingest/index.js';
import { buildReport, type Report, type Table } from '../src/model/index.js';
import { runRules, type Diagnostic, type Rule } from '../src/rules/index.js';
// @ts-expect-error plain JavaScript, shared with scripts/make-fixtures.mjs
import { text } from '../scripts/render-source.mjs';
// @ts-expect-error plain JavaScript: the structural variants of a corpus source
import { STRUCTURAL, structuralOf } from '../scripts/structural-variants.mjs';
import { builtinRules, FIXTURES } from './helpers.js';
import { namedPlaceless } from './model-content.js';

const DOCUMENTS = ['guizhou-office-2023-final', 'haidong-city-2025-budget', 'linxia-city-2023-final', 'qinghai-province-2023-final', 'weihai-huancui-2023-final'];
const NAMES = Object.keys(STRUCTURAL);

const sourceOf = (name: string) => JSON.parse(readFileSync(path.join(FIXTURES, 'pdf-src', `corpus-${name}.json`), 'utf8'));
const fromText = (file: string, s: string) => buildReport(splitLines(file, s));

/** a table's cells as printed, row by row */
const cellsOf = (t: Table | undefined) => t && Object.fromEntries(t.rows.map((r) => [r.key, Object.fromEntries(Object.entries(r.cells).map(([k, c]) => [k, c.raw]))]));
const sangong = (r: Report) => r.tables.find((t) => t.layout === 'grid');

describe('corpus documents with tables laid out otherwise read as the originals', () => {
  let rules: Rule[];
  const originals = new Map<string, { report: Report; diagnostics: Diagnostic[] }>();
  beforeAll(async () => {
    rules = await builtinRules();
    for (const name of DOCUMENTS) {
      const report = fromText(`${name}.txt`, text(sourceOf(name)));
      originals.set(name, { report, diagnostics: runRules(report, rules) });
    }
  });

  for (const name of DOCUMENTS) {
    it(`${name}: every variant changes the document (a variant printed as the original would prove nothing)`, () => {
      const printed = text(sourceOf(name));
      expect(NAMES.filter((v) => text(structuralOf(sourceOf(name), v)) === printed)).toEqual([]);
    });
    for (const variant of NAMES) {
      it(`${name} ${variant}: diagnostics`, () => {
        const r = fromText(`${name}.${variant}.txt`, text(structuralOf(sourceOf(name), variant)));
        const { report, diagnostics } = originals.get(name)!;
        expect(namedPlaceless(r, runRules(r, rules))).toEqual(namedPlaceless(report, diagnostics));
      });
    }

    it(`${name} sangong-turned: the 三公 table's cells, every group's, as the original's`, () => {
      const r = fromText(`${name}.sangong-turned.txt`, text(structuralOf(sourceOf(name), 'sangong-turned')));
      const t = sangong(r)!;
      expect([t.unread, t.reading]).toEqual([null, { unplaced: 0, dropped: 0 }]);
      expect(cellsOf(t)).toEqual(cellsOf(sangong(originals.get(name)!.report)));
    });

    it(`${name} sangong-one-group: the 三公 table's cells are the original's last group's (本年预算数 / 决算数)`, () => {
      const r = fromText(`${name}.sangong-one-group.txt`, text(structuralOf(sourceOf(name), 'sangong-one-group')));
      const original = sangong(originals.get(name)!.report)!;
      const last = original.columns.at(-1)!.group!;
      const lastCells = Object.fromEntries(Object.entries(cellsOf(original)!.合计).filter(([k]) => k.startsWith(`${last}.`)));
      expect(Object.keys(lastCells)).toHaveLength(6);
      expect(cellsOf(sangong(r))).toEqual({ 合计: lastCells });
    });
  }
});
