import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, runCli as run } from './helpers.js';

const SAMPLE = path.join(FIXTURES, 'sample/budget-2025-tables.txt');
const CLEAN = path.join(FIXTURES, 'text/budget.txt');

describe('cli', () => {
  it('exits 1 with errors and prints ESLint JSON with our fields', async () => {
    const r = await run('--format', 'json', SAMPLE);
    expect(r.code).toBe(1);
    const [file] = JSON.parse(r.out);
    expect(file).toMatchObject({ filePath: SAMPLE, errorCount: 4, warningCount: 1 });
    // figures as numbers with their unit, and as the message prints them; the omission shows at
    // 项 2210201 and, by the same 32.44, at 22102, 221 and the 合计: reported once, at the 项
    expect(file.messages[0]).toMatchObject({ ruleId: '表间/预算科目支出不少于财政拨款', severity: 2, line: 230, table: '部门公开表3', row: '2210201', tableColumn: '合计' });
    expect(file.messages[0]).toMatchObject({ actual: 0, expected: 32.44, difference: 32.44, unit: '万元', actualText: '0.00 万元', expectedText: '32.44 万元', differenceText: '32.44 万元' });
    expect(file.messages[0].message).toMatch(/（上级 22102 住房改革支出、221 住房保障支出、合计 也因此相差同一数额，不再另报）$/);
    // without the 款/项 comparison and the class one, the 合计 is reported by its own rule: a rule
    // over a whole table still names the row and column of the figure it points at
    const off = ['--rule', '表间/预算科目支出不少于财政拨款:off', '--rule', '表间/功能分类类级支出:off'];
    const [whole] = JSON.parse((await run('--format', 'json', ...off, SAMPLE)).out);
    expect(whole.messages[0]).toMatchObject({ ruleId: '表间/本年支出合计', severity: 2, line: 134, table: '部门公开表3', actual: 1182.9, expected: 1215.34, difference: 32.44, unit: '万元' });
    expect(whole.messages[0]).toMatchObject({ row: '合计', tableColumn: '合计', column: 8, endColumn: 16 });
    const [classes] = JSON.parse((await run('--format', 'json', '--rule', '表间/预算科目支出不少于财政拨款:off', SAMPLE)).out);
    expect(classes.messages[0]).toMatchObject({ ruleId: '表间/功能分类类级支出', table: '部门公开表3', row: '221', tableColumn: '合计' });
    expect(classes.messages[0].message).toMatch(/（上级 合计 也因此相差同一数额，不再另报）$/);
  }, 30_000);

  it('exits 0 and prints nothing on a consistent document', async () => {
    expect(await run('--no-color', CLEAN)).toEqual({ code: 0, out: '', err: '' });
  });

  it('exits 2 with one line for a missing file and a bad rule file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bl-'));
    const bad = path.join(dir, 'bad.yaml');
    writeFileSync(bad, '- id: x\n  description: y\n  select: { each: nowhere }\n  assert: true\n  message: m\n');
    const missing = await run(path.join(dir, 'nope.txt'));
    expect([missing.code, missing.err]).toEqual([2, `budget-lint: 找不到文件或目录: ${path.join(dir, 'nope.txt')}\n`]);
    const badRule = await run('--rules', bad, CLEAN);
    expect(badRule.code).toBe(2);
    expect(badRule.err).toMatch(/bad\.yaml:3:\d+: each 必须是 document \/ table/);
  });

  it('a file that is not a disclosure is that file\'s fatal error (exit 1); the others are still linted', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bl-'));
    const plain = path.join(dir, 'note.txt');
    writeFileSync(plain, '这是一封普通的信。\n');
    const notDoc = `${plain}: 没有找到任何公开表（收支总表、公开01表…），也没有预决算情况说明，不像是部门预决算公开文件`;
    const r = await run('--format', 'json', plain, SAMPLE);
    expect([r.code, r.err]).toEqual([1, '']);
    const [first, second] = JSON.parse(r.out);
    expect(first).toEqual({
      filePath: plain,
      messages: [{ ruleId: null, fatal: true, severity: 2, message: notDoc }],
      errorCount: 1,
      warningCount: 0,
      fatalErrorCount: 1,
      fixableErrorCount: 0,
      fixableWarningCount: 0,
      suppressedMessages: [],
      suppressedCount: 0,
    });
    expect(second).toMatchObject({ filePath: SAMPLE, errorCount: 4, fatalErrorCount: 0 });
    const stylish = await run('--no-color', plain, CLEAN);
    expect(stylish).toEqual({ code: 1, out: `\n${plain}\n    error  ${notDoc}  \n\n✖ 1 个问题（1 个错误，0 个警告）\n`, err: '' });
    expect((await run('--exit-on-fatal-error', plain, CLEAN)).code).toBe(2);
    expect((await run('--exit-on-fatal-error', CLEAN)).code).toBe(0);
  });

  /** a text file of these lines in a new folder, linted: the file and the command's outcome */
  async function lintLines(name: string, lines: string[]) {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'bl-')), name);
    writeFileSync(file, [...lines, ''].join('\n'));
    return { file, dir: path.dirname(file), r: await run('--no-color', file) };
  }

  it('a disclosure by its title whose text holds no table and no figure says so, not that it is no disclosure', async () => {
    // the head of 永修县江上乡's 2022 budget as a web page prints it: duties, staff, its tables 详见附表
    const { file, dir, r } = await lintLines('head.txt', ['某县某乡人民政府2022年部门预算', '第一部分 某县某乡人民政府概况', '一、部门主要职责', '执行本级人民代表大会的各项决议。', '第二部分 某县某乡人民政府2022年部门预算表', '(详见附表)']);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`${file}: 第 1 行「某县某乡人民政府2022年部门预算」表明这是部门预决算公开，但文件中没有找到任何公开表，文字说明中也没有可核对的数字，未检查；表格另行公开时，用 --parts 把说明与公开表一起检查`);
    expect(r.out).not.toContain('不像是部门预决算公开文件');
    // a sentence or note that speaks of 部门预算 is no title
    const note = path.join(dir, 'note.txt');
    writeFileSync(note, '“三公”经费情况说明\n注:按照财政部和部门预算管理的有关规定,“三公”经费包括因公出国(境)费、公务用车购置及运行费和公务接待费。\n');
    expect((await run('--no-color', note)).out).toContain(`${note}: 没有找到任何公开表（收支总表、公开01表…），也没有预决算情况说明，不像是部门预决算公开文件`);
  });

  it('a text in traditional characters says so, not that it is no disclosure; one such word in a simplified text changes nothing', async () => {
    // a 决算 as a portal's 繁体 gateway serves it (致公党北京市委 2023)
    const { file, r } = await lintLines('big5.txt', ['某黨某市委員會2023年度部門決算', '第一部分 部門概況', '一、收入支出決算總體情況說明', '2023年度收、支總計均為1,234.56萬元。與2022年度相比，收、支總計各增加12.34萬元，增長1.01%。', '二、財政撥款收入支出決算總體情況說明', '2023年度財政撥款收、支總計均為1,200.00萬元。']);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`${file}: 文字是繁体字（如「決算」「說明」「萬元」），本工具按简体字读公开文件，未检查；请先转为简体字（如用 OpenCC 的 t2s）再检查`);
    expect((await lintLines('note.txt', ['这是一封普通的信，信中引了一句「預算」。'])).r.out).toContain('不像是部门预决算公开文件');
  });

  it('a file whose only table has a title no kind has says which table, not that it is no disclosure', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bl-'));
    const file = path.join(dir, 'sangong.txt');
    // a table the catalogue does not model (title-variants.test.ts: 政府购买服务预算表 stays unknown)
    writeFileSync(file, '2024年某局政府购买服务预算表\n单位：万元\n项目 预算数\n合计 34.35\n物业管理服务 32.65\n会议服务 1.70\n');
    const r = await run('--format', 'json', file);
    expect(JSON.parse(r.out)[0].messages).toEqual([
      {
        ruleId: null,
        fatal: true,
        severity: 2,
        message: `${file}: 「2024年某局政府购买服务预算表」不是本工具认识的表，本文件没有可以核对的公开表，也没有预决算情况说明，未检查；如果它是某种已知表在当地的叫法，可用 --tables 为那种表添上这个表名`,
      },
    ]);
  });

  it('a misplaced thousands comma in the narrative is no claim, and no crash', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bl-'));
    const file = path.join(dir, 'comma.txt');
    writeFileSync(file, `${readFileSync(CLEAN, 'utf8')}\n本年收入比上年增加1,2345.67万元，增长5%。支出56,51.64 万元。\n`);
    expect(await run('--no-color', file)).toEqual({ code: 0, out: '', err: '' });
    const model = JSON.parse((await run('--print-model', file)).out);
    expect(model.claims.filter((c: { raw?: string; line?: number }) => JSON.stringify(c).includes('2345'))).toEqual([]);
  });

  it('--quiet drops warnings; --max-warnings turns them into a failure', async () => {
    const tabbed = path.join(FIXTURES, 'text/final-yuan-tabbed.txt');
    expect((await run('--quiet', tabbed)).code).toBe(0);
    expect((await run('--quiet', '--format', 'json', tabbed)).out).toContain('"warningCount": 0');
    // three tables empty without a note (公开07, 08, 09), and the 整体支出 form's 金额合计 row a cell out of place
    expect((await run('--max-warnings', '3', tabbed)).code).toBe(1);
    expect((await run('--max-warnings', '4', tabbed)).code).toBe(0);
  });

  it('--rule changes a rule\'s severity, and names a rule that does not exist', async () => {
    const off = await run('--format', 'json', '--rule', '科目/上下级合计:off', '--rule', '科目/行内分列合计:warn', SAMPLE);
    const [file] = JSON.parse(off.out);
    expect(file.messages.map((m: { ruleId: string; severity: number }) => [m.ruleId, m.severity])).not.toContainEqual(['科目/上下级合计', 2]);
    expect(file.messages.find((m: { ruleId: string }) => m.ruleId === '科目/行内分列合计').severity).toBe(1);
    // a finding that echoes an error at a row below keeps the error's severity there
    const warned = await run('--format', 'json', '--rule', '表间/预算科目支出不少于财政拨款:warn', SAMPLE);
    expect(JSON.parse(warned.out)[0].messages[0]).toMatchObject({ ruleId: '表间/预算科目支出不少于财政拨款', row: '2210201', severity: 2 });
    const bad = await run('--rule', '没有这条:off', SAMPLE);
    expect([bad.code, bad.err]).toEqual([2, 'budget-lint: --rule 没有这条:off: 没有 id 为「没有这条」的规则\n']);
  });

  it('--print-model prints the report model', async () => {
    const r = await run('--print-model', CLEAN);
    expect(r.code).toBe(0);
    const model = JSON.parse(r.out);
    expect(model).toMatchObject({ kind: '预算', year: 2025, unit: '万元' });
    expect(model.tables.map((t: { id: string }) => t.id)).toContain('部门公开表6');
  });

  it('--print-model prints every file it is given, as a JSON array', async () => {
    const r = await run('--print-model', CLEAN, SAMPLE);
    expect([r.code, r.err]).toEqual([0, '']);
    expect(JSON.parse(r.out).map((m: { file: string; year: number }) => [m.file, m.year])).toEqual([
      [CLEAN, 2025],
      [SAMPLE, 2025],
    ]);
    const missing = await run('--print-model', CLEAN, path.join(FIXTURES, 'bad/not-a-pdf.pdf'));
    expect([missing.code, missing.err]).toEqual([1, `budget-lint: ${path.join(FIXTURES, 'bad/not-a-pdf.pdf')} 不是 PDF 文件\n`]);
    expect(JSON.parse(missing.out).map((m: { file: string }) => m.file)).toEqual([CLEAN]);
  });

  it('--pdf-engine picks the engine that reads PDFs, and refuses one it does not know', async () => {
    const pdf = path.join(FIXTURES, 'sample/budget-2025.pdf');
    const [pdfium, unpdf] = [await run('--format', 'json', pdf), await run('--format', 'json', '--pdf-engine', 'unpdf', pdf)];
    expect([pdfium.code, unpdf.code]).toEqual([1, 1]);
    expect(JSON.parse(unpdf.out)[0].messages).toEqual(JSON.parse(pdfium.out)[0].messages);
    const bad = await run('--pdf-engine', 'mupdf', pdf);
    expect(bad.code).toBe(2);
    expect(bad.err).toBe('budget-lint: --pdf-engine 的值「mupdf」无效：应为 pdfium、unpdf\n');
  }, 30000);

  it('a folder holding only Word or Excel files: nothing to lint, and says what it found', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'budget-lint-office-'));
    writeFileSync(path.join(dir, '2024年部门决算.docx'), 'PK');
    writeFileSync(path.join(dir, '2024年部门决算报表.xls'), 'x');
    const r = await run(dir);
    expect([r.code, r.err]).toEqual([2, 'budget-lint: 没有找到可检查的 .txt 或 .pdf 文件（有 2 个 Word、Excel、WPS 或 OFD 文件：请把它们导出为 PDF 再检查）\n']);
    const empty = mkdtempSync(path.join(tmpdir(), 'budget-lint-empty-'));
    expect((await run(empty)).err).toBe('budget-lint: 没有找到可检查的 .txt 或 .pdf 文件\n');
  });
});
