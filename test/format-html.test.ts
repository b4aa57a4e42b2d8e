import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileResult, formatHtml, type FileResult, type FormatContext } from '../src/format/index.js';
import type { Report } from '../src/model/index.js';
import type { Diagnostic } from '../src/rules/types.js';
import { contextFor, lintResults, NOT_PDF, SAMPLE_PDF, SAMPLE_TXT, suppressFirst } from './format-helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const EVIL = '<script>window.pwned = 1</script><img src=x onerror="window.pwned = 2">';

/** a warning on a figure of the drawn table (部门公开表5, row 208, 合计), its message hostile */
function warningOn(report: Report, file: string): Diagnostic {
  const t = report.tables.find((x) => x.id === '部门公开表5')!;
  const cell = t.rows.find((r) => r.key === '208')!.cells['合计'];
  return { ruleId: `测试/警告${EVIL}`, severity: 1, message: `警告${EVIL}`, ...cell.loc, file, table: t.id, row: '208', tableColumn: '合计' };
}

async function sampleWithWarning(): Promise<{ results: FileResult[]; context: FormatContext }> {
  const { results, reports } = await lintResults([SAMPLE_TXT, NOT_PDF]);
  const [text, bad] = results;
  const warned = fileResult(text.filePath, [...text.messages, warningOn(reports.get(SAMPLE_TXT)!, SAMPLE_TXT)]);
  // the last error (部门公开表6 301 合计) is suppressed: shown grey with its justification
  const last = warned.messages.findIndex((m) => m.ruleId === '科目/上下级合计' && 'table' in m && m.table === '部门公开表6');
  const reordered = fileResult(text.filePath, [warned.messages[last], ...warned.messages.filter((_, i) => i !== last)]);
  return { results: [suppressFirst(reordered, `已报财政局同意${EVIL}`), bad], context: await contextFor({ reports }) };
}

describe('html', () => {
  it('escapes everything from the document and the rules: the page has only its own script', async () => {
    const { results, context } = await sampleWithWarning();
    const html = formatHtml([...results, fileResult(`dir/${EVIL}.txt`, [])], context);
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).not.toContain('<img');
    expect(html).toContain('警告&lt;script&gt;window.pwned = 1&lt;/script&gt;&lt;img src=x onerror=&quot;window.pwned = 2&quot;&gt;');
    // self-contained: nothing fetched from anywhere
    expect(html).not.toMatch(/\b(src|href)="(?!#)/);
  });
});

describe.skipIf(!existsSync(CHROMIUM))('html in headless Chromium', () => {
  // loaded only here, so that the file's other tests run where there is no browser
  let context: Awaited<ReturnType<typeof import('playwright-core')['chromium']['launchPersistentContext']>>;
  const dir = mkdtempSync(path.join(tmpdir(), 'bl-html-'));

  beforeAll(async () => {
    const { chromium } = await import('playwright-core');
    const flags = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
    context = await chromium.launchPersistentContext(mkdtempSync(path.join(tmpdir(), 'bl-chromium-')), { executablePath: CHROMIUM, headless: true, args: flags });
  }, 60_000);
  afterAll(async () => context?.close());

  async function open(html: string, name: string) {
    const file = path.join(dir, name);
    writeFileSync(file, html);
    const page = await context.newPage();
    await page.goto(pathToFileURL(file).href);
    return page;
  }

  /** the highlighted cells: the table's title, the row's name and the figure */
  const highlighted = (kind: string) => `Array.from(document.querySelectorAll('td.hit-${kind}')).map((td) => [
    td.closest('details').querySelector('summary').firstChild.textContent.trim(),
    td.parentElement.querySelector('td.name').textContent,
    td.textContent])`;

  it('draws the sample PDF\'s tables with the three cells found wrong highlighted and their findings beside them', async () => {
    const { results, reports } = await lintResults([SAMPLE_PDF]);
    const page = await open(formatHtml(results, await contextFor({ reports })), 'sample.html');
    // (a 款 out in two columns is one finding, at its first column; the omission of 住房公积金 one
    // finding at its 项, which names the 款, 类 and 合计 it puts out by the same amount)
    expect(await page.evaluate(highlighted('error'))).toEqual([
      ['部门公开表3 支出总表', '住房公积金', '0.00'],
      ['部门公开表5 一般公共预算支出表', '行政事业单位养老支出', '63.25'],
      ['部门公开表6 一般公共预算基本支出表', '工资福利支出', '399.28'],
    ]);
    // each finding is beside its cell, in the same row
    const beside = await page.evaluate(`Array.from(document.querySelectorAll('td.hit-error')).map((td) => td.parentElement.querySelector('td.notes').textContent.includes(td.title.split('：')[1]))`);
    expect(beside).toEqual([true, true, true]);
    // the tables with findings are open, the others closed
    const opened = await page.evaluate(`Array.from(document.querySelectorAll('details.table')).map((d) => d.open)`);
    expect(opened).toEqual([false, false, true, false, true, true, false, false, false]);
    await page.close();
  }, 60_000);

  it('filters by severity: unticking 警告 hides the warnings and their highlight, the errors stay', async () => {
    const { results, context: ctx } = await sampleWithWarning();
    const page = await open(formatHtml(results, ctx), 'filter.html');
    expect(await page.evaluate('window.pwned')).toBeUndefined();
    expect(await page.evaluate(highlighted('warning'))).toEqual([
      ['部门公开表5 一般公共预算支出表', '社会保障和就业支出', '64.22'],
      ['部门公开表5 一般公共预算支出表', '其他医疗保障管理事务支出', '640.87'],
    ]);
    expect(await page.evaluate(highlighted('suppressed'))).toEqual([['部门公开表6 一般公共预算基本支出表', '工资福利支出', '399.28']]);
    expect(await page.evaluate(highlighted('error'))).toHaveLength(3);
    const warnings = page.locator('li.note.warning');
    expect(await warnings.count()).toBe(4); // in the file's list and beside the cell
    expect(await warnings.first().isVisible()).toBe(true);
    expect((await warnings.allTextContents()).join('\n')).toContain(`警告${EVIL}`);
    await page.getByLabel('警告').uncheck();
    expect(await warnings.evaluateAll((els) => els.map((e) => (e as HTMLElement).offsetParent !== null))).toEqual([false, false, false, false]);
    expect(await page.evaluate(highlighted('warning'))).toEqual([]);
    expect(await page.evaluate(highlighted('error'))).toHaveLength(3);
    expect(await page.locator('li.note.error').first().isVisible()).toBe(true);
    // the suppressed finding is shown grey with its justification, and can be hidden too
    expect(await page.locator('li.note.suppressed').first().textContent()).toContain(`已抑制，出错说明：已报财政局同意${EVIL}`);
    await page.getByLabel('已抑制').uncheck();
    expect(await page.evaluate(highlighted('suppressed'))).toEqual([]);
    await page.getByLabel('警告').check();
    expect(await page.evaluate(highlighted('warning'))).toHaveLength(2);
    // a file that could not be linted says why
    expect(await page.locator('p.fatal').textContent()).toBe(`${NOT_PDF} 不是 PDF 文件`);
    expect(await page.evaluate('window.pwned')).toBeUndefined();
    await page.close();
  }, 60_000);
});
