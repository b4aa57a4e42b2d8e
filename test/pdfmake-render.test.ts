/**
 * Fixture sources laid out by pdfmake (scripts/pdfmake.mjs) beside the corpus documents
 * (corpus-render.test.ts): cells as narrow as their columns make them, their text at their tops.
 *   - final-full: each project's name wraps in its cell (医疗保障政策管 / 理) and its 自评结论 wraps
 *     before the rate it states (执行率为 / 100.00%。);
 *   - budget: figures wider than their cells wrap (1,215.3 / 4, right-aligned under each other),
 *     and must be read whole, not as two figures (科目/行内分列合计 would say 1,215.3 + 4 + 4);
 *   - forms: every cell wraps, the funds rows' labels too (年度资金总 / 额:, 其中：当年财政拨 / 款):
 *     its funds read, its diagnostics the text version's (its indicators' names, wrapped in
 *     cells the indicator rows are read by, are not compared);
 *   - target: the 项目支出 table's last name wraps onto a line of its own (…管理事 / 务支出) just above
 *     the page that opens the narrative: that line is the table's, not the narrative's first words.
 * Each reads as its text version, under both engines.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PDF_ENGINES, readDocument } from '../src/ingest/index.js';
import { buildReport } from '../src/model/index.js';
import type { Rule } from '../src/rules/index.js';
import { builtinRules, FIXTURES } from './helpers.js';
import { reading } from './model-content.js';

const PDF = (f: string) => path.join(FIXTURES, 'pdf', f);

describe('fixture sources laid out by pdfmake read as their text versions', () => {
  let rules: Rule[];
  beforeAll(async () => {
    rules = await builtinRules();
  });

  for (const name of ['budget', 'final-full', 'target']) {
    for (const engine of PDF_ENGINES) {
      it(`${name}.pdfmake.pdf (${engine})`, async () => {
        const fromText = buildReport(await readDocument(PDF(`${name}.txt`)));
        const fromPdf = buildReport(await readDocument(PDF(`${name}.pdfmake.pdf`), { pdfEngine: engine }));
        expect(reading(fromPdf, rules)).toEqual(reading(fromText, rules));
      }, 60000);
    }
  }

  it('final-full: the projects named whole, each with the rate its 自评结论 states', async () => {
    const r = buildReport(await readDocument(PDF('final-full.pdfmake.pdf')));
    expect(r.forms.filter((f) => f.kind === 'project').map((f) => [f.project, f.conclusion.rate?.raw])).toEqual([
      ['医疗保障政策管理', '100.00'],
      ['医疗保障经办事务', '80.21'],
    ]);
  });

  it.each(PDF_ENGINES)('forms.pdfmake.pdf (%s): its funds rows and diagnostics as its text version’s', async (engine) => {
    const fromText = reading(buildReport(await readDocument(PDF('forms.txt'))), rules);
    const fromPdf = reading(buildReport(await readDocument(PDF('forms.pdfmake.pdf'), { pdfEngine: engine })), rules);
    expect(fromPdf.diagnostics).toEqual(fromText.diagnostics);
    const funds = (r: typeof fromText) => (r.forms as Array<{ funds: unknown }>).map((f) => f.funds);
    expect(funds(fromPdf)).toEqual(funds(fromText));
    expect((funds(fromText).flat() as Array<[string]>).map(([key]) => key)).toEqual(['年度资金总额', '当年财政拨款']);
  });

  it('budget: the wrapped figures read whole, where they are printed', async () => {
    const r = buildReport(await readDocument(PDF('budget.pdfmake.pdf')));
    const row = r.tables.find((t) => t.id === '部门公开表2')!.rows.find((x) => x.code === '506')!;
    expect(Object.entries(row.cells).filter(([, c]) => !c.blank).map(([k, c]) => [k, c.raw, c.loc.page])).toEqual([
      ['合计', '1,215.34', 3],
      ['一般公共预算拨款收入', '1,215.34', 3],
    ]);
  });

  it('target: the narrative starts at its heading, the wrapped name the table’s', async () => {
    const r = buildReport(await readDocument(PDF('target.pdfmake.pdf')));
    expect(r.claims.some((c) => /务支出/.test(c.text ?? ''))).toBe(false);
    expect(r.tables.flatMap((t) => t.rows).some((row) => row.name === '其他医疗保障管理事务支出')).toBe(true);
  });
});
