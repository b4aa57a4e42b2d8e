/**
 * A 三公 table printed turned (a row per item) under two years, followed by columns that say how
 * the second changed from the first (增、减金额 | 增、减幅度), as 云南's counties print it: the
 * change columns' figures are no year's. fixtures/pdf-src/sangong-change.json holds 卡斯镇's 2024
 * budget (a row's change left blank where the years are equal), rendered by Chromium, Writer and
 * Apache FOP; the aligned texts below are laid out as pdftotext -layout prints such a page, with
 * 施甸's figures. A budget's changes are read as each item's 增减额 and 增减率 (表内/比上年增减额,
 * 表内/比上年增减率 check them); a final account's kind has no such columns, and they are left out.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { splitLines } from '../src/ingest/index.js';
import { buildReport, type Report } from '../src/model/index.js';
import { runRules, type Rule } from '../src/rules/index.js';
import { builtinRules, fixtureText, mutate } from './helpers.js';
import { eachRendering } from './renderings.js';

const cells = (r: Report) => {
  const t = r.tables.find((x) => x.id === '部门公开表7')!;
  return { unread: t.unread, cells: Object.fromEntries(Object.entries(t.rows[0]?.cells ?? {}).map(([k, c]) => [k, c.blank ? '' : c.raw])) };
};
const textReport = (text: string) => buildReport(splitLines('doc.txt', text));
const UNREAD = (first: string, second: string) => `表格按项目逐行排列（「${first}」「${second}」…各占一行），未能确定每行的数字各在哪一列`;

const KASI = {
  '上年预算数.合计': '18.15',
  '本年预算数.合计': '22.15',
  '上年预算数.因公出国（境）费': '',
  '本年预算数.因公出国（境）费': '',
  '上年预算数.公务接待费': '3',
  '本年预算数.公务接待费': '7',
  '上年预算数.公务用车购置及运行维护费': '15.15',
  '本年预算数.公务用车购置及运行维护费': '15.15',
  '上年预算数.公务用车购置费': '',
  '本年预算数.公务用车购置费': '',
  '上年预算数.公务用车运行维护费': '15.15',
  '本年预算数.公务用车运行维护费': '15.15',
  // the changes printed (公务用车购置及运行费's left blank, as its two years are equal)
  '增减额.合计': '4',
  '增减率.合计': '22%',
  '增减额.公务接待费': '4',
  '增减率.公务接待费': '133%',
  // `0` printed for an unchanged figure: an exact 0, as a blank cell is
  '增减额.公务用车运行维护费': '',
  '增减率.公务用车运行维护费': '',
};

/** 施甸's figures as a budget's two years, every cell of every row printed, change columns after them */
const FULL = [
  '某县2016年部门预算',
  '',
  '某县2016年“三公”经费预算情况统计表',
  '',
  '单位：万元',
  '',
  '项目                          2015年预算数   2016年预算数   比上年增、减情况',
  '                                                            增、减金额     增、减幅度',
  '合计                          2911.47        2706.86        -204.61        -7.03%',
  '1.因公出国(境)费              13.06          10.20          -2.86          -21.9%',
  '2.公务接待费                  1679.69        1590.94        -88.75         -5.28%',
  '3.公务用车购置及运行费        1218.72        1105.72        -113           -9.27%',
  '其中:(1)公务用车购置费        14.80          0              -14.8          -100%',
  '(2)公务用车运行费             1203.92        1105.72        -98.2          -8.16%',
].join('\n');

describe('a 三公 table printed turned under two years, with columns of their change', () => {
  let rules: Rule[];
  beforeAll(async () => {
    rules = await builtinRules();
  });

  eachRendering('sangong-change', 'the two years read item by item, each printed change as its item\'s 增减额 and 增减率, nothing said', { kind: '预算', year: 2024, cells, read: { unread: null, cells: KASI } }, () => rules);

  // 奉新 2023: the change in one column, then its reasons, prose wrapped in their cells (and, by
  // Writer and Chromium, a name wrapped around its figures: 其中:(1)公务用车运转维 / 1007.23 … / 护费)
  const FENGXIN = {
    '上年预算数.合计': '2378.77',
    '本年预算数.合计': '2415.44',
    '增减额.合计': '36.67',
    '上年预算数.因公出国（境）费': '',
    '本年预算数.因公出国（境）费': '',
    '增减额.因公出国（境）费': '',
    '上年预算数.公务接待费': '1114.54',
    '本年预算数.公务接待费': '989.86',
    '增减额.公务接待费': '-124.68',
    '上年预算数.公务用车购置及运行维护费': '1264.23',
    '本年预算数.公务用车购置及运行维护费': '1425.58',
    '增减额.公务用车购置及运行维护费': '161.35',
    '上年预算数.公务用车运行维护费': '1007.23',
    '本年预算数.公务用车运行维护费': '898.22',
    '增减额.公务用车运行维护费': '-109.01',
    '上年预算数.公务用车购置费': '257.00',
    '本年预算数.公务用车购置费': '527.36',
    '增减额.公务用车购置费': '270.36',
  };
  eachRendering('sangong-reasons', 'the years and their change read item by item, the reasons left out, nothing said', { kind: '预算', year: 2023, cells, read: { unread: null, cells: FENGXIN } }, () => rules);

  it('奉新: a misprinted change is found; its reasons are no figure of the grid', () => {
    const text = mutate(fixtureText('pdf/sangong-reasons.txt'), '1114.54\t989.86\t-124.68', '1114.54\t989.86\t-142.68');
    expect(runRules(textReport(text), rules).map((d) => [d.ruleId, d.tableColumn, d.actual, d.expected])).toEqual([['表内/比上年增减额', '增减额.公务接待费', '-142.68 万元', '-124.68 万元']]);
  });

  it('a misprinted figure of this year is found in its own group, not taken for a change', () => {
    const text = mutate(fixtureText('pdf/sangong-change.txt'), '2.公务接待费\t3\t7\t4\t133%', '2.公务接待费\t3\t8\t4\t133%');
    expect(runRules(textReport(text), rules).map((d) => [d.ruleId, d.tableColumn, d.actual, d.expected])).toEqual([['三公/合计', '本年预算数.合计', '22.15 万元', '23.15 万元']]);
  });

  it('aligned text printing every cell: each row keeps its first two figures as the years\', the next two as their change', () => {
    expect(cells(textReport(FULL))).toEqual({
      unread: null,
      cells: {
        '上年预算数.合计': '2911.47',
        '本年预算数.合计': '2706.86',
        '上年预算数.因公出国（境）费': '13.06',
        '本年预算数.因公出国（境）费': '10.20',
        '上年预算数.公务接待费': '1679.69',
        '本年预算数.公务接待费': '1590.94',
        '上年预算数.公务用车购置及运行维护费': '1218.72',
        '本年预算数.公务用车购置及运行维护费': '1105.72',
        '上年预算数.公务用车购置费': '14.80',
        // a printed 0 is nothing spent, as a blank cell is
        '本年预算数.公务用车购置费': '',
        '上年预算数.公务用车运行维护费': '1203.92',
        '本年预算数.公务用车运行维护费': '1105.72',
        '增减额.合计': '-204.61',
        '增减率.合计': '-7.03%',
        '增减额.因公出国（境）费': '-2.86',
        '增减率.因公出国（境）费': '-21.9%',
        '增减额.公务接待费': '-88.75',
        '增减率.公务接待费': '-5.28%',
        '增减额.公务用车购置及运行维护费': '-113',
        '增减率.公务用车购置及运行维护费': '-9.27%',
        '增减额.公务用车购置费': '-14.8',
        '增减率.公务用车购置费': '-100%',
        '增减额.公务用车运行维护费': '-98.2',
        '增减率.公务用车运行维护费': '-8.16%',
      },
    });
    expect(runRules(textReport(FULL), rules)).toEqual([]);
    const wrong = mutate(FULL, '1203.92        1105.72', '1203.92        1106.72');
    // and the printed change no longer is this year's less last year's
    expect(runRules(textReport(wrong), rules).map((d) => [d.ruleId, d.tableColumn, d.actual, d.expected])).toEqual([
      ['三公/公务用车小计', '本年预算数.公务用车购置及运行维护费', '1,105.72 万元', '1,106.72 万元'],
      ['表内/比上年增减额', '增减额.公务用车运行维护费', '-98.2 万元', '-97.20 万元'],
      ['表内/比上年增减率', '增减率.公务用车运行维护费', '-8.16%', '-8.07%'],
    ]);
  });

  it('a change that is not this year\'s less last year\'s, or a rate not the change over last year\'s, is reported at its cell; a rate over a zero year is not checked', () => {
    const said = (text: string) => runRules(textReport(text), rules).map((d) => [d.ruleId, d.line, d.tableColumn, d.actual, d.expected]);
    // 公务接待费's change −88.75 printed −98.75, and 运行费's rate −8.16% printed −8.61%
    const wrong = mutate(mutate(FULL, '-88.75         -5.28%', '-98.75         -5.28%'), '-98.2          -8.16%', '-98.2          -8.61%');
    expect(said(wrong)).toEqual([
      ['表内/比上年增减额', 11, '增减额.公务接待费', '-98.75 万元', '-88.75 万元'],
      ['表内/比上年增减率', 14, '增减率.公务用车运行维护费', '-8.61%', '-8.16%'],
    ]);
    // last year nothing for 购置费: no rate to check, whatever is printed; its change still is
    const fromZero = mutate(FULL, '14.80          0              -14.8          -100%', '0              14.80          14.8           100%');
    expect(said(fromZero).map((d) => d[0])).not.toContain('表内/比上年增减率');
    expect(said(fromZero).filter((d) => d[0] === '表内/比上年增减额')).toEqual([]);
  });

  it('aligned text whose row prints two equal figures and no change: placed by the columns its figures stand in (as displayed, CJK two wide), not taken for 上年 blank and its change', () => {
    const text = mutate(FULL, '-113           -9.27%', '');
    const equal = mutate(text, '1218.72        1105.72', '1105.72        1105.72');
    const read = cells(textReport(equal));
    expect(read.unread).toBeNull();
    expect([read.cells['上年预算数.公务用车购置及运行维护费'], read.cells['本年预算数.公务用车购置及运行维护费'], read.cells['增减额.公务用车购置及运行维护费']]).toEqual(['1105.72', '1105.72', undefined]);
    // the same words not laid out (one space apart): which figure is whose, the text does not say
    const unaligned = equal.replace(/ {2,}/g, ' ');
    expect(cells(textReport(unaligned))).toEqual({ unread: UNREAD('合计', '因公出国（境）费'), cells: {} });
  });

  it('a column of reasons (增减原因): laid out as printed, what stands under it is left out and the years read; in text one space apart, said unread', () => {
    const reasons = mutate(mutate(FULL, '比上年增、减情况', '增减原因'), '-88.75         -5.28%', '-88.75         严格执行中央八项规定。');
    const read = cells(textReport(reasons));
    expect(read.unread).toBeNull();
    expect(Object.keys(read.cells).filter((k) => k.startsWith('增减'))).toEqual([]);
    expect([read.cells['上年预算数.公务接待费'], read.cells['本年预算数.公务接待费']]).toEqual(['1679.69', '1590.94']);
    expect(cells(textReport(reasons.replace(/ {2,}/g, ' '))).unread).toBe(UNREAD('合计', '因公出国（境）费'));
  });

  // 施甸's final account: 上年决算数 | 本年决算数, their change after them, this year's purchase left blank
  const FINAL = {
    '决算数.合计': '2706.86',
    '决算数.因公出国（境）费': '10.20',
    '决算数.公务接待费': '1590.94',
    '决算数.公务用车购置及运行维护费': '1105.72',
    '决算数.公务用车购置费': '',
    '决算数.公务用车运行维护费': '1105.72',
  };
  const finalCells = (r: Report) => {
    const t = r.tables.find((x) => x.id === '公开09')!;
    return { unread: t.unread, cells: Object.fromEntries(Object.entries(t.rows[0]?.cells ?? {}).map(([k, c]) => [k, c.blank ? '' : c.raw])) };
  };

  eachRendering('sangong-final-years', "a final account's two years, this year's read as its 决算数, last year's left out", { kind: '决算', year: 2016, cells: finalCells, read: { unread: null, cells: FINAL } }, () => rules);

  it('aligned text of two final years: read where every row prints both, and a row printing one by the column it stands in; unread where the text is not laid out (which year, it does not say)', () => {
    const finals = mutate(mutate(mutate(FULL, '部门预算', '部门决算'), '“三公”经费预算情况统计表', '“三公”经费决算情况统计表'), '2015年预算数   2016年预算数', '上年决算数     本年决算数');
    expect(finalCells(textReport(finals))).toEqual({ unread: null, cells: { ...FINAL, '决算数.公务用车购置费': '' } });
    const wrong = mutate(finals, '1590.94        -88.75', '1591.94        -88.75');
    expect(runRules(textReport(wrong), rules).map((d) => [d.ruleId, d.tableColumn, d.actual, d.expected])).toEqual([['三公/合计', '决算数.合计', '2,706.86 万元', '2,707.86 万元']]);
    const one = mutate(finals, '14.80          0              -14.8', '14.80                         -14.8');
    expect(finalCells(textReport(one))).toEqual({ unread: null, cells: FINAL });
    expect(finalCells(textReport(one.replace(/ {2,}/g, ' '))).unread).toBe(UNREAD('合计', '因公出国（境）费'));
  });
});
