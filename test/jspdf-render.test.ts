/**
 * Fixture sources laid out by jsPDF with jspdf-autotable (scripts/jspdf.mjs) beside the corpus
 * documents (corpus-render.test.ts): columns sized by their content, so cells wrap where no
 * other producer wraps them, with no border ('striped', the default) or each cell's border a
 * rectangle ('grid').
 *   - budget: the 收入总表's unit row wraps in three cells side by side, its code in a column too
 *     narrow for it (506 / 001), its name (海东市医疗保障 / 局（本级）) and its figure (1,21 / 5.34):
 *     one row, read whole; the 财政拨款收支总表's 收入 name wraps (（二）国有资本经营预算拨 / 款)
 *     just above 收入总计's figures, which are 收入总计's, not the wrapped name's;
 *   - target: the 分值 column's header wraps the reserved weight before its % (其中：预算执 / 行率权重10
 *     / %): the 10 is read, and the weights add up to 100 with it.
 * And four documents with every page upright, the wide tables and forms too, in 8 pt ('portrait'):
 * columns a character or two wide, so that figures wrap in their cells (a form's 分值 1 / 0, 执行率
 * 80. / 09, 栏次 1 / 1, 8. / 0 / 0), a blank first row's 合 / 计 wraps, header words wrap a character
 * a line (分 / 值, 部门(单位)名 / 称), and rows break over pages (4,999. / 06 under the header printed
 * again).
 * Each reads as its text version, under both engines.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PDF_ENGINES, readDocument } from '../src/ingest/index.js';
import { buildReport } from '../src/model/index.js';
import { runRules, type Rule } from '../src/rules/index.js';
import { builtinRules, FIXTURES } from './helpers.js';
import { reading } from './model-content.js';

const PDF = (f: string) => path.join(FIXTURES, 'pdf', f);

describe('fixture sources laid out by jsPDF read as their text versions', () => {
  let rules: Rule[];
  beforeAll(async () => {
    rules = await builtinRules();
  });

  for (const name of ['budget', 'target']) {
    for (const theme of ['jspdf', 'grid.jspdf']) {
      for (const engine of PDF_ENGINES) {
        it(`${name}.${theme}.pdf (${engine})`, async () => {
          const fromText = buildReport(await readDocument(PDF(`${name}.txt`)));
          const fromPdf = buildReport(await readDocument(PDF(`${name}.${theme}.pdf`), { pdfEngine: engine }));
          expect(reading(fromPdf, rules)).toEqual(reading(fromText, rules));
        }, 60000);
      }
    }
  }

  const PORTRAIT = ['corpus-guizhou-office-2023-final', 'corpus-haidong-city-2025-budget', 'corpus-linxia-city-2023-final', 'sangong-meetings-final'];
  for (const name of PORTRAIT) {
    for (const engine of PDF_ENGINES) {
      it(`${name}.portrait.jspdf.pdf (${engine})`, async () => {
        const fromText = buildReport(await readDocument(PDF(`${name}.txt`)));
        const fromPdf = buildReport(await readDocument(PDF(`${name}.portrait.jspdf.pdf`), { pdfEngine: engine }));
        expect(reading(fromPdf, rules)).toEqual(reading(fromText, rules));
      }, 60000);
    }
  }

  it('guizhou portrait: a form’s figures wrapped in cells a character wide read whole', async () => {
    const r = buildReport(await readDocument(PDF('corpus-guizhou-office-2023-final.portrait.jspdf.pdf')));
    const f = r.forms.find((x) => x.project === '中央财政医疗服务与保障能力提升补助资金')!;
    const total = f.funds.find((x) => x.key === '年度资金总额')!;
    expect([total.cells['全年预算数']?.raw, total.cells['分值']?.raw, total.cells['执行率']?.raw, total.cells['得分']?.raw]).toEqual(['680000', '10', '80.09', '8.01']);
    expect(f.indicators.map((x) => x.weight?.raw)).toEqual(['5', '5', '0', '10', '10', '10', '5', '5', '15', '15', '5', '5']);
  });

  it('budget: the unit row wrapped in three cells is one row, its code, name and figure whole, on its page', async () => {
    const r = buildReport(await readDocument(PDF('budget.jspdf.pdf')));
    const table = r.tables.find((t) => t.id === '部门公开表2')!;
    const row = table.rows.find((x) => x.code === '506001')!;
    expect([row.name, row.cells['合计']?.raw, row.cells['一般公共预算拨款收入']?.raw, row.cells['合计']?.loc.page]).toEqual(['海东市医疗保障局（本级）', '1,215.34', '1,215.34', 3]);
    expect(table.rows.map((x) => x.code ?? x.name)).toEqual(['合计', '506', '506001']);
    const twoSided = r.tables.find((t) => t.id === '部门公开表4')!;
    expect(twoSided.rows.filter((x) => x.kind === 'carry-detail').map((x) => x.name)).toEqual(['（一）一般公共预算拨款', '（二）政府性基金预算拨款', '（二）国有资本经营预算拨款']);
  });

  it('target: the reserved weight read from its wrapped header cell, the weights adding up to 100', async () => {
    const r = buildReport(await readDocument(PDF('target.jspdf.pdf')));
    expect(r.targetTable?.executionWeight?.value).toBe(10);
    expect(runRules(r, rules).map((d) => d.ruleId)).toEqual([]);
  });
});
