/**
 * Text with pages (form feeds between them) whose pages hold no text: pdftotext and pdfplumber give
 * nothing for a page printed as a picture (a scan). Such a page is not read, as a PDF's picture page
 * is: said once a run (text/empty-page), a table running onto it not checked, a table or a 目录
 * section not found not called missing. GovBudgetChecker's scan_sim_mixed fixture (宜川路街道 2025
 * 决算, pages 9–41 rasterised) was read as a whole document: 7 tables "missing" and the 收入决算表's
 * 合计 against the items of its first two pages, 9 errors that were none.
 */
import { describe, expect, it } from 'vitest';
import { lintText } from '../src/api.js';
import { fixtureText, reportOf } from './helpers.js';

const FIXTURE = 'text/shanghai-unit-budget.txt';
const pages = (text: string) => text.split('\f');
/** the line of the form feed that opens a page */
const lineOfPage = (text: string, page: number) => pages(text).slice(0, page - 1).join('\f').split('\n').length;
const ids = (r: Awaited<ReturnType<typeof lintText>>) => r.messages.map((m) => m.ruleId);

describe('text/empty-page', () => {
  const text = fixtureText(FIXTURE);

  it('says each run of pages without text once, at its first page, and does not call the tables on them missing', async () => {
    // the excerpt leaves pages 5 and 7 empty (the 收入预算总表's and 财政拨款收支预算总表's tails)
    expect(pages(text).map((p) => p.trim() === '')).toEqual([false, false, false, false, true, false, true, false, false]);
    const r = await lintText(text, { filePath: FIXTURE });
    const empty = r.messages.filter((m) => m.ruleId === 'text/empty-page');
    const said = (where: string, these: string) =>
      `${where}没有文字：原件${these}若印有内容（如扫描的图片，没有文本层），都未能检查；可能印在${these}上的表与章节不算缺，续到${these}的表不核对；请核对原件，或从 PDF 重新提取文本`;
    expect(empty.map((m) => [m.severity, m.page, m.line, m.message])).toEqual([
      [1, 5, lineOfPage(text, 5), said('第 5 页', '这一页')],
      [1, 7, lineOfPage(text, 7), said('第 7 页', '这一页')],
    ]);
    expect(ids(r)).not.toContain('形式/必备表');
    // a table that ended on its total before the empty page is still read and checked
    expect(r.messages.find((m) => m.ruleId === '叙述/万元与表中元数' && m.message.includes('476 万元'))).toBeDefined();
  });

  it('does not check a table whose rows run on onto a page without text', async () => {
    // page 4 (the 收入预算总表's rows after its header on page 3) given as a page that was a picture
    const cut = pages(text).map((p, i) => (i === 3 ? '\n' : p)).join('\f');
    const r = await lintText(cut, { filePath: FIXTURE });
    expect(r.messages.filter((m) => m.ruleId === 'text/empty-page').map((m) => m.message.split('：')[0])).toEqual(['第 4–5 页（2 页）没有文字', '第 7 页没有文字']);
    const unread = r.messages.find((m) => m.ruleId === '读取/表格未能读取');
    expect(unread?.message).toBe('「2025年预算单位收入预算总表」（第 3 页）未能读取：表的后续印在第 4 页，该页未能读取，读到的不全；这张表的核对都已跳过');
    expect(r.messages.filter((m) => m.severity === 2 && m.message.includes('收入预算总表'))).toEqual([]);
  });

  it('gives the lines after a page without text to no table that ended before it', async () => {
    // page 8's title lost (on a page read wrongly, or printed as a picture): its rows are not the
    // rows of the 财政拨款收支预算总表 that ended on its total on page 6, before the empty page 7
    const untitled = pages(text).map((p, i) => (i === 7 ? p.replace('2025年单位“三公”经费和机关运行经费预算表', '') : p)).join('\f');
    const report = reportOf(untitled, FIXTURE);
    const total = report.tables.find((t) => t.title?.includes('财政拨款收支预算总表'))!;
    expect(new Set(total.rows.map((r) => r.loc.page))).toEqual(new Set([6]));
    // no error the excerpt does not give whole (the 三公 table's own is lost with its title)
    const errors = async (t: string) => (await lintText(t, { filePath: FIXTURE })).messages.filter((m) => m.severity === 2).map((m) => m.message);
    const whole = await errors(text);
    expect((await errors(untitled)).filter((m) => !whole.includes(m))).toEqual([]);
  });

  it("pdftotext's form feed after the last page opens no page", async () => {
    const r = await lintText(`${text}\f`, { filePath: FIXTURE });
    expect(r.messages.filter((m) => m.ruleId === 'text/empty-page').map((m) => m.page)).toEqual([5, 7]);
  });

  it('a text all of whose pages hold text says none', async () => {
    const full = pages(text).filter((p) => p.trim() !== '').join('\f');
    const r = await lintText(full, { filePath: FIXTURE });
    expect(ids(r)).not.toContain('text/empty-page');
    // with every page read, a table not found is missing again
    expect(ids(r)).toContain('形式/必备表');
  });
});
