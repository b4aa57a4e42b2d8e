/**
 * PDF input: every fixture PDF gives the model and the diagnostics of its text version (only
 * locations differ), and bad input gets one clear line.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PDF_ENGINES, readDocument, readPdfFile } from '../src/ingest/index.js';
import { splitLines } from '../src/ingest/text.js';
import { buildReport } from '../src/model/index.js';
import { runRules } from '../src/rules/index.js';
import { lintFile } from '../src/cli/lint.js';
import { builtinRules, FIXTURES, runCli } from './helpers.js';
import { content, formContent, placeless } from './model-content.js';

const PDF = (f: string) => path.join(FIXTURES, 'pdf', f);

const PAIRS: Array<[string, string]> = [
  ['final-full.txt', 'final-full.libreoffice.pdf'],
  ['final-full.txt', 'final-full.chromium.pdf'],
  ['budget.txt', 'budget.chromium.pdf'],
  ['final-yuan.txt', 'final-yuan.libreoffice.pdf'],
  // forms only: an 整体支出 form with wrapped cells, a project form with 分值 before 指标值
  ['forms.txt', 'forms.libreoffice.pdf'],
  // a budget's 绩效目标表, its project, 一级 and 二级 cells merged over their rows
  ['target.txt', 'target.chromium.pdf'],
];

for (const engine of PDF_ENGINES) {
  const opts = { pdfEngine: engine };
  describe(`engine: ${engine}`, () => {
    describe('PDF and text give the same model and the same diagnostics', () => {
      for (const [text, pdf] of PAIRS) {
        it(pdf, async () => {
          const fromText = buildReport(await readDocument(PDF(text)));
          const fromPdf = buildReport(await readDocument(PDF(pdf), opts));
          expect(fromPdf.notes).toEqual([]);
          expect([fromPdf.kind, fromPdf.year, fromPdf.unit]).toEqual([fromText.kind, fromText.year, fromText.unit]);
          expect(content(fromPdf)).toEqual(content(fromText));
          expect(formContent(fromPdf)).toEqual(formContent(fromText));
          const rules = await builtinRules();
          expect(placeless(runRules(fromPdf, rules))).toEqual(placeless(runRules(fromText, rules)));
        }, 30000);
      }

      it('the fixture documents are consistent, so both are silent (the 元 one bar nothing)', async () => {
        const rules = await builtinRules();
        for (const [text] of PAIRS) {
          const ds = runRules(buildReport(await readDocument(PDF(text))), rules);
          // the forms fixtures hold forms and one table, so they lack the other tables, and say only that
          expect(ds.filter((d) => !(['forms.txt', 'target.txt'].includes(text) && /^形式\/必备表$/.test(d.ruleId)))).toEqual([]);
        }
      });
    });

    describe('forms from a PDF', () => {
      it('reads cells by the header\'s columns: wrapped task rows whole, 分值 before 指标值 in its place', async () => {
        const r = buildReport(await readDocument(PDF('forms.libreoffice.pdf'), opts));
        const [overall, project] = r.forms;
        expect(overall.tasks.map((t) => [t.name, t.cells['预算数']?.raw ?? null])).toEqual([
          ['居民医疗保险工作经费', '323.45'],
          ['37个社区经保网运行费', null],
          ['保障人员经费足额发放', '694.61'],
          ['公用经费', '56.08'],
        ]);
        expect(overall.tasks[1].outcome).toBe('年内开展两次网络维护，提高结算效率，提高网速，扩大结算网络延伸范围');
        // the figures of a wrapped row are located on the line that prints them
        expect(overall.tasks[0].cells['预算数']!.loc).toMatchObject({ page: 1, line: 21 });
        expect(project.indicators.map((x) => [x.name, x.weightText, x.target, x.actual, x.score?.raw])[2]).toEqual(['结算时限', '10', '小于20天', '15天', '10']);
      }, 30000);
    });

    describe('a 绩效目标表 from a PDF', () => {
      it('gives each project the rows its merged cells are centred over', async () => {
        const r = buildReport(await readDocument(PDF('target.chromium.pdf'), opts));
        expect([r.targetTable?.total?.raw, r.targetTable?.executionWeight?.raw]).toEqual(['25.39', '10']);
        expect(r.forms.map((f) => [f.project, f.budget?.raw, f.indicators.map((x) => x.weightText).join(' ')])).toEqual([
          ['政府雇员工作经费', '1.00', '30 10 20 20 10'],
          ['编制外长期聘用人员支出', '18.39', '30 30 20 10'],
          ['两定机构准入、稽核', '6.00', '20 20 20 10 10 10'],
        ]);
        expect(r.forms[2].indicators.map((x) => [x.section, x.level2])).toEqual([
          ['产出指标', '数量指标'],
          ['产出指标', '数量指标'],
          ['产出指标', '质量指标'],
          ['效益指标', '社会效益'],
          ['效益指标', '可持续影响'],
          ['满意度指标', '服务对象满意度'],
        ]);
        expect(r.forms[0].indicators[0].weight!.loc).toMatchObject({ page: 4 });
      }, 30000);

      it('reads the merged cells set at the top of their rows by the cell borders the page draws, as the centred ones', async () => {
        const top = buildReport(await readDocument(PDF('target-top.chromium.pdf'), opts));
        const centred = buildReport(await readDocument(PDF('target.chromium.pdf'), opts));
        const read = (r: typeof top) => [r.targetTable?.total?.raw, r.forms.map((f) => [f.code, f.project, f.budget?.raw, f.indicators.map((x) => [x.section, x.level2, x.name, x.target, x.weightText])])];
        expect(read(top)).toEqual(read(centred));
        expect([top.notes, top.forms.length]).toEqual([[], 3]);
      }, 30000);

      it('reads nothing where the merged cells stand at the top of their rows and no borders are drawn: which rows they span is not certain', async () => {
        const source = await readDocument(PDF('target-top.chromium.pdf'), opts);
        const r = buildReport({ ...source, rulings: [] });
        expect([r.targetTable, r.forms]).toEqual([null, []]);
        expect(r.notes.map((n) => n.message)).toEqual(['2025年部门预算项目支出绩效目标表: 表格按行排版，未能确定各项目跨哪几行，未逐项目读取']);
        const ds = runRules(r, await builtinRules());
        expect(ds.filter((d) => d.ruleId.startsWith('绩效目标表/'))).toEqual([]);
      }, 30000);

      it('its spreadsheet export is checked by the same rules: a weight changed is reported', async () => {
        const { readFileSync } = await import('node:fs');
        const text = readFileSync(PDF('target.txt'), 'utf8').replace('确保单位工作正常开展\t≥\t98\t%\t20', '确保单位工作正常开展\t≥\t98\t%\t25');
        const ds = runRules(buildReport(splitLines('target.txt', text)), await builtinRules()).filter((d) => d.ruleId === '绩效目标表/权重合计');
        expect(ds.map((d) => [d.message, d.actual, d.expected])).toEqual([['「政府雇员工作经费」各指标权重之和（含预算执行率权重）为 105，应为 100，相差 5', '105', '100']]);
      });
    });

    describe('PDF locations', () => {
      it('points at page and line of the figure', async () => {
        const outcome = await lintFile(path.join(FIXTURES, 'sample/budget-2025.pdf'), await builtinRules(), opts);
        expect(outcome.fatal).toBeNull();
        const first = outcome.diagnostics[0];
        // the 32.44 表3 lacks: at 2210201 against 表5, and by the same amount at 22102, 221 and the 合计 (named, not reported again)
        expect(first).toMatchObject({ ruleId: '表间/预算科目支出不少于财政拨款', page: 5, line: 19, table: '部门公开表3', row: '2210201', actual: '0.00 万元', expected: '32.44 万元' });
        expect(outcome.diagnostics.map((d) => [d.ruleId, d.page, d.row, d.tableColumn, d.difference])).toEqual([
          ['表间/预算科目支出不少于财政拨款', 5, '2210201', '合计', '32.44 万元'],
          // a 款 out in its total and its 基本支出 column: one diagnostic, the other column listed
          ['科目/上下级合计', 7, '20805', '合计', '1.01 万元'],
          ['科目/上下级合计', 8, '301', '合计', '48.65 万元'],
        ]);
        expect(outcome.diagnostics[1].message).toMatch(/（同一行另有 1 栏也不符：「基本支出」63\.25 万元，应为 62\.24 万元）$/);
      }, 30000);

      it('landscape pages read left to right', async () => {
        const src = await readPdfFile(PDF('final-yuan.libreoffice.pdf'), { engine });
        expect(src.lines.find((l) => l.text.startsWith('2101103'))!.text).toBe('2101103 公务员医疗补助 63,417.63 63,417.63 0.00 0.00 0.00 0.00 0.00');
      }, 30000);
    });

    describe('CJK text', () => {
      it('reads a font that is not embedded through its predefined CMap (UniGB-UCS2-H)', async () => {
        const src = await readPdfFile(PDF('cmap-not-embedded.pdf'), { engine });
        expect(src.problems).toEqual([]);
        expect(src.lines.map((l) => l.text)).toContain('208 社会保障和就业支出 100.00 90.00 11.00');
        const outcome = await lintFile(PDF('cmap-not-embedded.pdf'), await builtinRules(), opts);
        expect(outcome.diagnostics.find((d) => d.ruleId === '科目/行内分列合计')).toMatchObject({ page: 1, row: '208', actual: '100.00 万元', expected: '101.00 万元' });
      });

      it('folds radical code points some fonts use back to ideographs (Chromium + Noto CJK)', async () => {
        const text = (await readPdfFile(PDF('budget.chromium.pdf'), { engine })).lines.map((l) => l.text).join('\n');
        expect(text).toContain('部门公开表1');
        expect(text).toContain('财政专户管理资金收入');
        expect(text).not.toMatch(/[\u2e80-\u2fdf]/);
      }, 30000);
    });

    describe('pages that cannot be read', () => {
      it('a page drawn in a font whose glyphs map to no character is reported, the rest is checked', async () => {
        const outcome = await lintFile(PDF('unmapped-glyphs.pdf'), await builtinRules(), opts);
        expect(outcome.fatal).toBeNull();
        const unreadable = outcome.diagnostics.filter((d) => d.ruleId === 'pdf/unreadable-page');
        expect(unreadable.map((d) => [d.page, d.severity, d.message])).toEqual([[2, 2, '第 2 页有 1 处文字提取不出（字体缺少可用的 Unicode 映射），这些文字未检查']]);
        expect(outcome.diagnostics.find((d) => d.ruleId === '科目/行内分列合计')).toMatchObject({ page: 1, row: '208' });
        // in page order
        const pages = outcome.diagnostics.filter((d) => d.page !== undefined).map((d) => d.page!);
        expect(pages).toEqual([...pages].sort((a, b) => a - b));
      });
    });

    describe('tables over several pages', () => {
      it('部门公开表3 continues under a repeated header and reads as one table', async () => {
        const report = buildReport(await readDocument(PDF('budget.chromium.pdf'), opts));
        const t3 = report.tables.find((t) => t.id === '部门公开表3')!;
        const pages = new Set(t3.rows.map((r) => r.loc.page));
        expect(pages.size).toBeGreaterThan(1);
        expect(t3.rows).toHaveLength(41);
      }, 30000);
    });

    describe('bad input: one clear line, no stack trace', () => {
      const cases: Array<[string, RegExp]> = [
        ['encrypted.pdf', /是加密的 PDF，请先去除密码保护再检查$/],
        ['image-only.pdf', /没有文本层（图片或扫描件），未检查；请用原始电子文件导出的 PDF 检查（扫描件做文字识别得出的数字可能有误，本工具不据此检查）$/],
        ['mismapped-pages.pdf', /有 2 页未能完整读取（如第 2 页的文字提取有误（字体的 Unicode 映射不对：.*），读出的文字里没有公开表，也没有预决算情况说明，未检查$/],
        ['truncated.pdf', /已损坏或不完整，无法读取/],
        ['not-a-pdf.pdf', /不是 PDF 文件$/],
        ['not-a-disclosure.pdf', /不像是部门预决算公开文件$/],
        // text drawn as shapes (转曲: Ghostscript's -dNoOutputFonts), no picture: not called a scan
        ['outlines.pdf', /没有可提取的文字：页面上既没有文本，也没有图片（文字可能已转成曲线，或页面是空白的），未检查；请用原始电子文件导出的 PDF 检查$/],
        // printed to PostScript and distilled again: no font keeps its Unicode map (PDFium finds no
        // text at all; pdf.js some digits, and says which pages it could not read)
        ['postscript-no-unicode.pdf', /(的文字无法提取（字体缺少 Unicode 映射），请用原始文件重新导出 PDF|全部 7 页都未能完整读取（如第 1 页有 \d+ 处文字提取不出（字体缺少可用的 Unicode 映射）.*未检查)$/],
        // a page without text, then pages through a wrong map: the wrong map is the reason given
        ['unmapped-then-mismapped.pdf', /(unmapped-then-mismapped\.pdf 的文字提取有误（字体的 Unicode 映射不对，提取出的文字与印出的不同），请用原始文件重新导出 PDF|: 全部 3 页都未能完整读取（如第 2 页的文字提取有误（字体的 Unicode 映射不对：「管理事ó 2」.*），读出的文字里没有公开表，也没有预决算情况说明，未检查)$/],
        // a scan made searchable by OCR (tesseract): its text is the OCR's reading, not what is printed
        ['scanned-ocr.pdf', /scanned-ocr\.pdf 是扫描件，文字来自文字识别（OCR），识别出的数字可能有误，未检查；请用原始电子文件导出的 PDF 检查$/],
      ];
      for (const [file, message] of cases) {
        it(file, async () => {
          const outcome = await lintFile(path.join(FIXTURES, 'bad', file), await builtinRules(), opts);
          expect(outcome.fatal).toMatch(message);
          expect(outcome.fatal).not.toMatch(/\n|at .*\.js/);
        }, 30000);
      }
    });

    describe('a PDF known by its first bytes', () => {
      it('is read as PDF whatever its name', async () => {
        const { copyFileSync, mkdtempSync } = await import('node:fs');
        const { tmpdir } = await import('node:os');
        const file = path.join(mkdtempSync(path.join(tmpdir(), 'bl-')), 'budget-2025');
        copyFileSync(path.join(FIXTURES, 'sample/budget-2025.pdf'), file);
        const outcome = await lintFile(file, await builtinRules(), opts);
        expect(outcome.fatal).toBeNull();
        expect(outcome.diagnostics[0]).toMatchObject({ ruleId: '表间/预算科目支出不少于财政拨款', page: 5 });
      }, 30000);
    });
  });
}

describe('a folder of bad PDFs on the command line', () => {
  it('each file is one fatal result, exit 1 (2 with --exit-on-fatal-error)', async () => {
    const cases: Array<[string, RegExp]> = [
      ['encrypted.pdf', /是加密的 PDF，请先去除密码保护再检查$/],
      ['image-only.pdf', /没有文本层（图片或扫描件），未检查；请用原始电子文件导出的 PDF 检查（扫描件做文字识别得出的数字可能有误，本工具不据此检查）$/],
      ['mismapped-pages.pdf', /有 2 页未能完整读取（如第 2 页的文字提取有误（字体的 Unicode 映射不对：.*），读出的文字里没有公开表，也没有预决算情况说明，未检查$/],
      ['not-a-disclosure.pdf', /不像是部门预决算公开文件$/],
      ['not-a-pdf.pdf', /不是 PDF 文件$/],
      ['outlines.pdf', /没有可提取的文字：页面上既没有文本，也没有图片（文字可能已转成曲线，或页面是空白的），未检查；请用原始电子文件导出的 PDF 检查$/],
      ['postscript-no-unicode.pdf', /的文字无法提取（字体缺少 Unicode 映射），请用原始文件重新导出 PDF$/],
      ['scanned-ocr.pdf', /是扫描件，文字来自文字识别（OCR），识别出的数字可能有误，未检查；请用原始电子文件导出的 PDF 检查$/],
      ['truncated.pdf', /已损坏或不完整，无法读取/],
      ['unmapped-then-mismapped.pdf', /unmapped-then-mismapped\.pdf 的文字提取有误（字体的 Unicode 映射不对，提取出的文字与印出的不同），请用原始文件重新导出 PDF$/],
    ];
    const dir = path.join(FIXTURES, 'bad');
    const r = await runCli('--format', 'json', dir);
    expect([r.code, r.err]).toEqual([1, '']);
    const results = JSON.parse(r.out) as Array<{ filePath: string; fatalErrorCount: number; messages: Array<{ ruleId: null; fatal: true; message: string }> }>;
    expect(results.map((x) => [path.basename(x.filePath), x.fatalErrorCount, x.messages.length, x.messages[0].fatal])).toEqual(cases.map(([f]) => [f, 1, 1, true]));
    for (const [file, message] of cases) expect(results.find((x) => x.filePath.endsWith(file))!.messages[0].message).toMatch(message);
    expect((await runCli('--exit-on-fatal-error', dir)).code).toBe(2);
  }, 60000);
});
