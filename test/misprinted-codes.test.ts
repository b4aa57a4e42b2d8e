/**
 * A function code whose 类 is misprinted (上海市普陀区社会福利院2024 prints `7 11 02 事业单位医疗`
 * under 210 / 21011): read by its place where its 款 and 项 are whole and its parent was read just
 * above, and reported as an error of its own (科目/编码印错); any other misprint is left out and
 * said, never guessed.
 */
import { describe, expect, it } from 'vitest';
import { brief, fixtureText, lintText, lineOf, mutate, reportOf } from './helpers.js';

const FILE = 'text/aligned-coded-blank-cells.txt';
const text = fixtureText(FILE);
const ROW = '2080505   机关事业单位基本养老保      300.00     300.00';
/** 支出决算表 (公开03) with its 2080505 row's code printed as `code` */
const misprinted = (code: string) => mutate(text, ROW, ROW.replace('2080505  ', code.padEnd(9)));
const table03 = (t: string) => reportOf(t, FILE).tables.find((x) => x.id === '公开03')!;
const codeFindings = async (t: string) => (await lintText(t, FILE)).filter((d) => d.ruleId.startsWith('科目/'));

describe('a function code printed with a wrong 类', () => {
  it('is read as the code its place gives, and reported with the code as printed and as read', async () => {
    const t = misprinted('7 05 05');
    const table = table03(t);
    const row = table.rows.find((r) => r.key === '2080505')!;
    expect(row).toMatchObject({ code: '2080505', printedCode: '7 05 05', level: 3, parent: '20805', name: '机关事业单位基本养老保' });
    expect(row.cells['本年支出合计'].raw).toBe('300.00');
    expect(table.reading).toEqual({ unplaced: 0, dropped: 0 });
    const found = await codeFindings(t);
    // read, the row adds up under 20805: the misprint is the only finding
    expect(found.map(brief)).toEqual([{ ruleId: '科目/编码印错', severity: 2, line: lineOf(t, '7 05 05'), actual: undefined, expected: undefined, difference: undefined }]);
    expect(found[0].message).toBe('支出决算表「7 05 05 机关事业单位基本养老保」的科目编码印错：按它所在的位置应为 2080505，本行已按 2080505 核对');
    expect(found[0].column).toBe(1);
  });

  it('is silent on the table as printed', async () => {
    expect(await codeFindings(text)).toEqual([]);
    expect(table03(text).rows.some((r) => r.printedCode !== undefined)).toBe(false);
  });

  it.each([
    // no 款 20806 was read: its place does not say which code it is
    ['7 06 05', 'the 款 it names is not the one above'],
    // a 项 of one figure: more than the 类 is misprinted
    ['7 05 5', 'its 项 is not two figures'],
    ['7', 'only a 类 is printed'],
    // one number of a length no function code has: a unit's code (苍南's 收入决算表（分单位）), a code with a figure too many
    ['506001', 'a unit\'s code'],
    ['20805051', 'eight figures'],
  ])('is left out and said where its place does not give it (%s: %s)', async (code) => {
    const t = misprinted(code);
    const table = table03(t);
    expect(table.rows.some((r) => r.name.startsWith('机关事业单位基本养老保'))).toBe(false);
    expect(table.reading).toEqual({ unplaced: 0, dropped: 1 });
    expect(reportOf(t, FILE).notes.map((n) => n.message)).toContain(`公开03: 「${code} 机关事业单位基本养老保」的编码不是科目编码，本行不参与核对`);
    expect((await codeFindings(t)).map((d) => d.ruleId)).not.toContain('科目/编码印错');
  });
});
