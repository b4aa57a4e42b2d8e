#!/usr/bin/env node
// Pages of corpus documents printed by Gnumeric, kept as small fixtures: the `all` variant of a
// corpus source (scripts/variants.mjs) as a Calc workbook, saved as .xlsx and printed by Gnumeric
// (ssconvert), which prints a sheet wider than its paper down, then across, without fit to width,
// and leaves out rows past a page's foot that a merged cell runs over. Only the pages named are
// kept (qpdf), renumbered from 1:
//   corpus-haidong-city-2025-budget.target.gnumeric.pdf   its 绩效目标表: three columns of pages
//       (name … 一级指标 | 二级 … 度量单位 | 分值权重), rows lost at each page break
//   corpus-weihai-huancui-2023-final.cut.gnumeric.pdf     its 公开06 (two pages across) printed
//       without its last rows and 合计 rows, and a 自评表 (three pages across) without its rows
//       from 总分 on, then the next 自评表
// Run by hand (CI uses the committed files):
//   apt-get install libreoffice-calc-nogui fonts-noto-cjk gnumeric qpdf
//   node scripts/gnumeric-pages.mjs
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderPdf } from './make-layout-fixtures.mjs';
import { calcSource, variantOf } from './variants.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** each fixture: its corpus source, the pages kept (qpdf's page ranges) and its name */
const EXCERPTS = [
  { name: 'corpus-haidong-city-2025-budget', pages: '18-26', out: 'corpus-haidong-city-2025-budget.target.gnumeric.pdf' },
  { name: 'corpus-weihai-huancui-2023-final', pages: '12-13,37-42', out: 'corpus-weihai-huancui-2023-final.cut.gnumeric.pdf' },
];

const work = mkdtempSync(path.join(tmpdir(), 'budget-lint-gnumeric-'));
for (const { name, pages, out } of EXCERPTS) {
  const doc = variantOf(JSON.parse(readFileSync(path.join(root, 'fixtures/pdf-src', `${name}.json`), 'utf8')), 'all');
  const sheet = `${name}.all`;
  const dir = renderPdf(sheet, calcSource(doc), work);
  execFileSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'xlsx', '--outdir', dir, path.join(dir, `${sheet}.fods`)], { stdio: 'ignore' });
  const whole = path.join(work, `${sheet}.gnumeric.pdf`);
  execFileSync('ssconvert', ['--export-type=Gnumeric_pdf:pdf_assistant', path.join(dir, `${sheet}.xlsx`), whole], { stdio: 'ignore' });
  execFileSync('qpdf', ['--empty', '--pages', whole, pages, '--', '--object-streams=generate', '--compression-level=9', path.join(root, 'fixtures/pdf', out)]);
  console.log(`wrote fixtures/pdf/${out}`);
}
