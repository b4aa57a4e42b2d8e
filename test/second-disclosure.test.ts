/** Two disclosures in one file: said once, and only the first is checked. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintFile } from '../src/cli/lint.js';
import type { PdfEngine } from '../src/ingest/index.js';
import { builtinRules, FIXTURES, reportOf } from './helpers.js';

const PDF = (name: string) => path.join(FIXTURES, 'pdf', name);
const said = (file: string, page: number) =>
  `本文件似乎含有两份公开文件（第 ${page} 页起又是一份，「收入支出决算总表」再次出现），只检查了第一份；请把两份分开检查`;
const placeless = (tables: unknown, file: string) => JSON.parse(JSON.stringify(tables).replaceAll(file, ''));

describe('two disclosures in one file', () => {
  for (const engine of ['pdfium', 'unpdf'] as PdfEngine[]) {
    it(`two copies of final-full (qpdf --pages a a): one warning, the first copy's model (${engine})`, async () => {
      const rules = await builtinRules();
      const [twice, once] = await Promise.all(['final-full.twice.pdf', 'final-full.libreoffice.pdf'].map((f) => lintFile(PDF(f), rules, { pdfEngine: engine })));
      const warning = { ruleId: '读取/多份文件', severity: 1, message: said(PDF('final-full.twice.pdf'), 8), page: 8, line: 1, column: 1 };
      expect(twice.diagnostics).toEqual([expect.objectContaining(warning)]);
      expect(once.diagnostics).toEqual([]);
      expect(placeless(twice.report!.tables, PDF('final-full.twice.pdf'))).toEqual(placeless(once.report!.tables, PDF('final-full.libreoffice.pdf')));
      expect(twice.report!.secondDisclosure).toMatchObject({ page: 8, line: 1 });
    }, 30000);
  }

  it("another unit's disclosure printed after the first starts at its cover, where the page's first lines hold its title", async () => {
    // two bureaus' budgets one after the other (a county's compilation): the second's cover
    // (北湖区民政局 / 2025年部门预算) is not the first's, and its pages up to the repeated 收支总表
    // are its own, not the first's narrative
    const first = readFileSync(PDF('province-budget.calc.layout.txt'), 'utf8');
    const second = first.replaceAll('南湖区', '北湖区');
    const pages = first.split('\f').length - 1;
    const [both, once] = [reportOf(first + second), reportOf(first)];
    expect(both.secondDisclosure).toMatchObject({ page: pages + 1, line: first.split('\n').length, title: '南湖区民政局2025年部门收支总表' });
    const rules = await builtinRules();
    const { runRules } = await import('../src/rules/index.js');
    const found = (r: typeof both) => runRules(r, rules).map((d) => `${d.ruleId} ${d.message}`);
    expect(found(both)).toEqual(found(once));
  });

  it('in text, the second copy starts where the cover line comes again', () => {
    const text = readFileSync(path.join(FIXTURES, 'pdf/final-full.txt'), 'utf8');
    const lines = text.split('\n').length;
    const report = reportOf(text + '\n' + text);
    expect(report.secondDisclosure).toEqual({ from: lines + 1, line: lines + 1, title: '收入支出决算总表' });
    expect(report.tables.map((t) => t.id)).toEqual(reportOf(text).tables.map((t) => t.id));
  });

  it('a table continued on the next page is not a second disclosure (the sample\'s 支出总表, pages 4–5)', async () => {
    const outcome = await lintFile(path.join(FIXTURES, 'sample/budget-2025.pdf'), await builtinRules());
    expect(outcome.report!.tables.find((t) => t.id === '部门公开表3')!.loc.page).toBe(4);
    expect(outcome.report!.secondDisclosure).toBeUndefined();
    expect(outcome.diagnostics.filter((d) => d.ruleId === '读取/多份文件')).toEqual([]);
  }, 30000);

  it('a table printed twice is no second disclosure: read once (a copy-all\'s text past a page\'s edge)', async () => {
    // PDFium's page text of a WPS 表格 PDF gives, after a page's own table, what is left past its
    // edge: the next pages' tables, printed again where they stand
    const text = readFileSync(path.join(FIXTURES, 'text/budget.txt'), 'utf8');
    const lines = text.split('\n');
    const at = (n: number) => lines.findIndex((l) => l.trim() === `部门公开表${n}`);
    const copied = lines.slice(at(6), at(7));
    const withCopy = [...lines.slice(0, at(4)), ...copied, ...lines.slice(at(4))].join('\n');
    const [report, once] = [reportOf(withCopy), reportOf(text)];
    expect(report.secondDisclosure).toBeUndefined();
    // the table stands where it is printed first
    expect(report.tables.map((t) => t.id).sort()).toEqual(once.tables.map((t) => t.id).sort());
    const rows = (r: typeof report) => r.tables.find((t) => t.id === '部门公开表6')!.rows.map((x) => [x.code, x.name, Object.values(x.cells).map((c) => c.raw)]);
    expect(rows(report)).toEqual(rows(once));
    // the same notes (the lines after the copy are further down)
    const notes = (r: typeof report) => r.notes.map((n) => n.message.replace(/第 \d+–\d+ 行/, '第 … 行'));
    expect(notes(report)).toEqual(notes(once));
    const rules = await builtinRules();
    const { runRules } = await import('../src/rules/index.js');
    expect(runRules(report, rules).map((d) => `${d.ruleId} ${d.message}`)).toEqual(runRules(once, rules).map((d) => `${d.ruleId} ${d.message}`));
  });
});
