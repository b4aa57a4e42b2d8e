/** Two disclosures in one file: said, and each checked as a document of its own. */
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintFile } from '../src/cli/lint.js';
import type { PdfEngine } from '../src/ingest/index.js';
import { builtinRules, FIXTURES, reportOf, runCli } from './helpers.js';

const PDF = (name: string) => path.join(FIXTURES, 'pdf', name);
const said = (file: string, page: number) =>
  `本文件含有不止一份公开文件：第 ${page} 页起又是一份（「收入支出决算总表」再次出现），各份分别检查，各自的问题按所在页列出`;
const placeless = (tables: unknown, file: string) => JSON.parse(JSON.stringify(tables).replaceAll(file, ''));

describe('two disclosures in one file', () => {
  for (const engine of ['pdfium', 'unpdf'] as PdfEngine[]) {
    it(`two copies of final-full (qpdf --pages a a): one warning, the first copy's model, the second checked and as clean (${engine})`, async () => {
      const rules = await builtinRules();
      const [twice, once] = await Promise.all(['final-full.twice.pdf', 'final-full.libreoffice.pdf'].map((f) => lintFile(PDF(f), rules, { pdfEngine: engine })));
      const warning = { ruleId: '读取/多份文件', severity: 1, message: said(PDF('final-full.twice.pdf'), 8), page: 8, line: 1, column: 1 };
      expect(twice.diagnostics).toEqual([expect.objectContaining(warning)]);
      expect(once.diagnostics).toEqual([]);
      expect(placeless(twice.report!.tables, PDF('final-full.twice.pdf'))).toEqual(placeless(once.report!.tables, PDF('final-full.libreoffice.pdf')));
      expect(twice.report!.secondDisclosure).toMatchObject({ page: 8, line: 1 });
    }, 30000);
  }

  it('a compilation of three units\' disclosures (qpdf): each part gives the findings its own file gives, on its own pages', async () => {
    const rules = await builtinRules();
    const parts = [['corpus-haidong-city-2025-budget', 16], ['corpus-linxia-city-2023-final', 19], ['corpus-guizhou-office-2023-final', 21]] as const;
    const all = await lintFile(PDF('compilation.reportlab.pdf'), rules);
    const shown = (d: { ruleId: string; page?: number; line: number; message: string }, shift: number) => `${d.ruleId} p${(d.page ?? 0) - shift}:${d.line} ${d.message.replace(/第 \d+ 页/g, '第 … 页')}`;
    let first = 0;
    for (const [name, pages] of parts) {
      const alone = await lintFile(PDF(`${name}.reportlab.pdf`), rules);
      const mine = all.diagnostics.filter((d) => d.page! > first && d.page! <= first + pages && d.ruleId !== '读取/多份文件');
      expect(mine.map((d) => shown(d, first))).toEqual(alone.diagnostics.map((d) => shown(d, 0)));
      expect(alone.diagnostics.length).toBeGreaterThan(0);
      first += pages;
    }
    expect(all.diagnostics.filter((d) => d.ruleId === '读取/多份文件').map((d) => d.page)).toEqual([17, 36]);
  }, 60000);

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

  it('each disclosure of the file is checked on its own, its findings on its own pages', async () => {
    // the second bureau's budget with a slip of its own in its 三公 sentence: found on its page,
    // against its own tables; the first's findings as when it stands alone
    const first = readFileSync(PDF('province-budget.calc.layout.txt'), 'utf8');
    const second = first.replaceAll('南湖区', '北湖区').replace('公务接待费2.00万元。', '公务接待费2.60万元。');
    expect(second).not.toBe(first.replaceAll('南湖区', '北湖区'));
    const file = path.join(tmpdir(), 'budget-lint-two-bureaus.txt');
    writeFileSync(file, first + second);
    const [both, once] = await Promise.all([file, PDF('province-budget.calc.layout.txt')].map(async (f) => lintFile(f, await builtinRules())));
    const pages = first.split('\f').length - 1;
    const of = (o: typeof both, from: number, to: number) => o.diagnostics.filter((d) => d.page! >= from && d.page! <= to && d.ruleId !== '读取/多份文件').map((d) => [d.ruleId, d.page! - from, d.message.replaceAll('北湖区', '南湖区').replace(/第 \d+ 页/g, '第 … 页')]);
    expect(of(both, 1, pages)).toEqual(of(once, 1, pages));
    const more = of(both, pages + 1, 2 * pages);
    expect(more.filter((d) => !of(once, 1, pages).some((o) => JSON.stringify(o) === JSON.stringify(d)))).toEqual([
      ['叙述/分项之和', 10, expect.stringContaining('合计写 6.50 万元，其中所列各项之和为 7.10 万元')],
      ['叙述/金额与表一致', 10, expect.stringContaining('「公务接待费」文中写 2.60 万元')],
    ]);
    expect(more.length).toBe(of(once, 1, pages).length + 2);
    expect(both.diagnostics.filter((d) => d.ruleId === '读取/多份文件').map((d) => d.page)).toEqual([pages + 1]);
    // --print-model gives each disclosure's model
    const printed = await runCli('--print-model', file);
    expect(JSON.parse(printed.out).map((m: { department: string; tables: unknown[] }) => [m.department, m.tables.length])).toEqual([
      ['南湖区民政局', 9],
      ['北湖区民政局', 9],
    ]);
  });

  it("another unit's disclosure that prints no table again starts at its cover page", () => {
    // a narrative-only disclosure (its tables published apart) after the first: its cover page,
    // a title alone, names another department
    const first = readFileSync(PDF('province-budget.calc.layout.txt'), 'utf8');
    const pages = first.split('\f').length - 1;
    const narrative = '\n\n          北湖区民政局2025年部门预算公开\n\f一、收支预算总体情况\n2025年收入预算总计1,007.60万元。\n\f';
    const report = reportOf(first + narrative);
    expect(report.secondDisclosure).toEqual({ from: first.split('\n').length, line: 1, page: pages + 1, title: '北湖区民政局2025年部门预算公开', cover: true });
    expect(reportOf(first).secondDisclosure).toBeUndefined();
  });

  it('a cover whose title runs over two lines, the 目录 under it on the same page, starts another disclosure; a title page repeating the own cover does not', () => {
    const first = readFileSync(PDF('province-budget.calc.layout.txt'), 'utf8');
    const pages = first.split('\f').length - 1;
    const cover = (unit: string, year: number) => `     ${unit}\n      ${year} 年度部门预算\n            目 录\n第一部分 部门概况\n一、主要职能\n\f一、收支预算总体情况\n${year}年收入预算总计1,007.60万元。\n\f`;
    // another unit, and the same unit's budget of another year
    for (const [unit, year] of [['北湖区民政局', 2025], ['南湖区民政局', 2024]] as const) {
      expect(reportOf(first + cover(unit, year)).secondDisclosure).toMatchObject({ page: pages + 1, title: `${unit}${year}年度部门预算`, cover: true });
    }
    // the first's own title again, its lines set otherwise: the same disclosure (南湖区民政局 / 2025年部门预算)
    expect(reportOf(first + cover('南湖区民政局', 2025)).secondDisclosure).toBeUndefined();
    // …nor a page of narrative headed by another unit's name for the year's budget (a running header
    // not taken away, a subordinate unit's heading): a unit's name alone tells only on a cover
    const body = Array.from({ length: 8 }, (_, k) => `${k + 1}、本年收入预算总计1,007.60万元。`).join('\n');
    expect(reportOf(first + `北湖区民政局2025年部门预算\n${body}\n\f`).secondDisclosure).toBeUndefined();
    expect(reportOf(first + `北湖区民政局2025年部门预算\n\f`).secondDisclosure).toMatchObject({ page: pages + 1, cover: true });
    expect(reportOf(first + `北湖区民政局2025年部门预算（公开版）\n\f`).secondDisclosure).toMatchObject({ page: pages + 1, title: '北湖区民政局2025年部门预算（公开版）' });
    // …nor one that says 单位 for its 部门 (a slip 形式/部门单位称谓 reports)
    expect(reportOf(first + '\n南湖区民政局2025年单位预算\n一、收支预算总体情况\n\f').secondDisclosure).toBeUndefined();
    // a part's heading that names a year's 决算 is a section, not a cover
    expect(reportOf(first + '第三部分 2024年度部门决算\n2024年支出决算1,000.00万元。\n\f').secondDisclosure).toBeUndefined();
  });

  it('in text without pages, a cover title standing alone that names another year starts another disclosure; one naming only another unit does not', () => {
    const first = readFileSync(PDF('province-budget.calc.layout.txt'), 'utf8').replaceAll('\f', '');
    const next = (unit: string, year: number) => `${unit}\n${year}年度部门预算公开\n\n一、收支预算总体情况\n${year}年收入预算总计1,007.60万元。\n`;
    const lines = first.split('\n').length;
    expect(reportOf(first + next('南湖区民政局', 2024)).secondDisclosure).toEqual({ from: lines, line: lines, title: '南湖区民政局2024年度部门预算公开', cover: true });
    // the narrative may name its unit otherwise than the cover: without pages, a unit alone tells nothing
    expect(reportOf(first + next('北湖区民政局', 2025)).secondDisclosure).toBeUndefined();
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
