#!/usr/bin/env node
// Derives fixture sources (fixtures/pdf-src/corpus-NAME.json) from the corpus texts
// (../shared/corpus/NAME.txt): every table, every form and the narrative's figure-bearing
// sentences, as budget-lint reads them, so that make-fixtures.mjs can print each document
// again as a PDF and as a text version. Prose is not carried over (see corpus/narrative.mjs).
// Run after `npm run build` (it reads the corpus with dist/):
//   node scripts/corpus-to-src.mjs [CORPUS_DIR] [NAME...]
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readDocument } from '../dist/ingest/index.js';
import { buildReport } from '../dist/model/index.js';
import { formSources } from './corpus/forms.mjs';
import { narrativeSource } from './corpus/narrative.mjs';
import { tableSource } from './corpus/tables.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [dir = path.resolve(root, '../shared/corpus'), ...only] = process.argv.slice(2);

/** the fixture source of one corpus document */
export async function corpusSource(file) {
  const report = buildReport(await readDocument(file));
  const lines = readFileSync(file, 'utf8').split(/\r?\n/);
  const warnings = [];
  const warn = (w) => warnings.push(w);
  const kind = report.kind === '预算' ? '预算' : '决算';
  const source = {
    title: kind === '预算' ? `${report.year}年部门预算` : `${report.year}年度部门决算`,
    department: report.department,
    year: report.year,
    kind,
    unit: report.unit,
    from: path.basename(file),
    tables: report.tables.map((t) => tableSource(t, report, lines, warn)),
    narrative: narrativeSource(report, lines),
    forms: formSources(report, lines),
  };
  return { source, warnings, report };
}

if (fileURLToPath(import.meta.url) === path.resolve(process.argv[1] ?? '')) {
  const names = readdirSync(dir).filter((f) => f.endsWith('.txt') && (!only.length || only.includes(path.basename(f, '.txt'))));
  for (const f of names) {
    const { source, warnings } = await corpusSource(path.join(dir, f));
    const out = path.join(root, 'fixtures/pdf-src', `corpus-${path.basename(f, '.txt')}.json`);
    writeFileSync(out, `${JSON.stringify(source, null, 1)}\n`);
    console.log('wrote', path.relative(root, out), `(${source.tables.length} tables, ${source.forms.length} forms, ${source.narrative.length} paragraphs)`);
    for (const w of warnings) console.log('  ', w);
  }
}
